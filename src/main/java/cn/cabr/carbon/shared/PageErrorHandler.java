package cn.cabr.carbon.shared;

import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.servlet.ModelAndView;

/** Refusals on HTML pages: the same Chinese message as the API gives, on the error page. */
@ControllerAdvice(annotations = Controller.class)
@Order(2)
class PageErrorHandler {

    @ExceptionHandler(BusinessException.class)
    ModelAndView business(BusinessException e) {
        ModelAndView page = new ModelAndView("error");
        page.setStatus(ApiErrorHandler.statusOf(e.kind()));
        page.addObject("status", ApiErrorHandler.statusOf(e.kind()).value());
        page.addObject("message", e.getMessage());
        return page;
    }
}
