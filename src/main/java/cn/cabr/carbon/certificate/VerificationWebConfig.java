package cn.cabr.carbon.certificate;

import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

import cn.cabr.carbon.shared.ApiError;

/** The rate limit applies to the public verification only; its refusal is a 429 with Retry-After, page or JSON. */
@Configuration
class VerificationWebConfig implements WebMvcConfigurer {

    private final VerificationRateLimiter limiter;

    VerificationWebConfig(VerificationRateLimiter limiter) {
        this.limiter = limiter;
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(limiter).addPathPatterns("/verify", "/verify/**", "/api/public/certificates/**");
    }

    @ControllerAdvice(assignableTypes = VerificationPageController.class)
    @Order(Ordered.HIGHEST_PRECEDENCE)
    static class PageLimit {

        @ExceptionHandler(TooManyVerificationsException.class)
        ModelAndView tooMany(TooManyVerificationsException e, jakarta.servlet.http.HttpServletResponse response) {
            response.setHeader(HttpHeaders.RETRY_AFTER, String.valueOf(e.retryAfterSeconds()));
            ModelAndView page = new ModelAndView("verify/too-many");
            page.setStatus(HttpStatus.TOO_MANY_REQUESTS);
            page.addObject("message", e.getMessage());
            return page;
        }
    }

    @ControllerAdvice(assignableTypes = VerificationApiController.class)
    @Order(Ordered.HIGHEST_PRECEDENCE)
    static class ApiLimit {

        @ExceptionHandler(TooManyVerificationsException.class)
        ResponseEntity<ApiError> tooMany(TooManyVerificationsException e) {
            return ResponseEntity.status(HttpStatus.TOO_MANY_REQUESTS)
                    .header(HttpHeaders.RETRY_AFTER, String.valueOf(e.retryAfterSeconds()))
                    .body(ApiError.of("TOO_MANY_REQUESTS", e.getMessage()));
        }
    }
}
