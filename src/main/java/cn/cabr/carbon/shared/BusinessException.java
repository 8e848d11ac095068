package cn.cabr.carbon.shared;

/**
 * A refusal a person can understand: a stable error code for clients and a Chinese message for people.
 * The web layer maps the {@link Kind} to an HTTP status; modules stay free of web types.
 */
public class BusinessException extends RuntimeException {

    public enum Kind { INVALID, NOT_FOUND, FORBIDDEN, CONFLICT, TOO_LARGE, UNSUPPORTED_MEDIA, GONE }

    private final Kind kind;
    private final String code;

    public BusinessException(Kind kind, String code, String message) {
        super(message);
        this.kind = kind;
        this.code = code;
    }

    public static BusinessException invalid(String code, String message) {
        return new BusinessException(Kind.INVALID, code, message);
    }

    public static BusinessException notFound(String code, String message) {
        return new BusinessException(Kind.NOT_FOUND, code, message);
    }

    public static BusinessException conflict(String code, String message) {
        return new BusinessException(Kind.CONFLICT, code, message);
    }

    public static BusinessException forbidden(String code, String message) {
        return new BusinessException(Kind.FORBIDDEN, code, message);
    }

    public Kind kind() {
        return kind;
    }

    public String code() {
        return code;
    }
}
