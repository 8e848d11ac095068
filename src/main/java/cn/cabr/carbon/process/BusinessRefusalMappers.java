package cn.cabr.carbon.process;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import jakarta.annotation.Priority;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;

import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.rest.exception.ProcessEngineExceptionHandler;
import org.camunda.bpm.engine.rest.exception.RestException;
import org.camunda.bpm.engine.rest.exception.RestExceptionHandler;

import cn.cabr.carbon.shared.ApiErrorHandler;
import cn.cabr.carbon.shared.BusinessException;

/**
 * The engine wraps whatever a task listener throws, and Camunda's REST APIs answer that with 500. When the cause
 * is a refusal of ours (a rejection without a reason, a score out of range), these mappers answer 4xx with its
 * Chinese message instead, on /engine-rest and on the API Tasklist uses; anything else goes to Camunda's own
 * handlers unchanged. Their priority puts them before Camunda's mappers of the same exception types.
 */
final class BusinessRefusalMappers {

    private BusinessRefusalMappers() {
    }

    static Optional<Response> refusal(Throwable exception) {
        for (Throwable cause = exception; cause != null; cause = cause.getCause()) {
            if (cause instanceof BusinessException refusal) {
                Map<String, Object> body = new LinkedHashMap<>();
                body.put("type", "BusinessRefusal");
                body.put("message", refusal.getMessage());
                body.put("errorCode", refusal.code());
                return Optional.of(Response.status(ApiErrorHandler.statusOf(refusal.kind()).value())
                        .type(MediaType.APPLICATION_JSON_TYPE).entity(body).build());
            }
        }
        return Optional.empty();
    }

    @Priority(1)
    public static class ForProcessEngineExceptions implements ExceptionMapper<ProcessEngineException> {

        private final ProcessEngineExceptionHandler camunda = new ProcessEngineExceptionHandler();

        @Override
        public Response toResponse(ProcessEngineException exception) {
            return refusal(exception).orElseGet(() -> camunda.toResponse(exception));
        }
    }

    @Priority(1)
    public static class ForRestExceptions implements ExceptionMapper<RestException> {

        private final RestExceptionHandler camunda = new RestExceptionHandler();

        @Override
        public Response toResponse(RestException exception) {
            return refusal(exception).orElseGet(() -> camunda.toResponse(exception));
        }
    }
}
