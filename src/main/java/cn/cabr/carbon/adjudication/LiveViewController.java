package cn.cabr.carbon.adjudication;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/** The proctors' live view page; its data comes from {@link LiveViewApiController}. */
@Controller
class LiveViewController {

    @GetMapping("/staff/live")
    String page() {
        return "staff/live";
    }
}
