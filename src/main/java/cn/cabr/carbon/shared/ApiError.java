package cn.cabr.carbon.shared;

import java.util.List;

/** The body of every 4xx/5xx answer of the project's API. {@code fields} lists per-field problems. */
public record ApiError(String code, String message, List<FieldProblem> fields) {

    public record FieldProblem(String field, String message) {
    }

    public static ApiError of(String code, String message) {
        return new ApiError(code, message, null);
    }
}
