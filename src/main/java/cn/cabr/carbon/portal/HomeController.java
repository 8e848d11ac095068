package cn.cabr.carbon.portal;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

import cn.cabr.carbon.application.Applications;
import cn.cabr.carbon.security.Roles;
import cn.cabr.carbon.security.SignedInUser;

/** The login page and the first page after login: staff go on to Tasklist and Cockpit from here. */
@Controller
class HomeController {

    private final Applications applications;

    HomeController(Applications applications) {
        this.applications = applications;
    }

    @GetMapping("/login")
    String login() {
        return "login";
    }

    @GetMapping("/")
    String home(@AuthenticationPrincipal SignedInUser user, Model model) {
        model.addAttribute("user", user);
        model.addAttribute("staff", !user.isCandidate());
        model.addAttribute("manager", user.staffGroups().contains(Roles.GROUP_MANAGER));
        model.addAttribute("proctor", user.staffGroups().contains(Roles.GROUP_PROCTOR));
        if (user.isCandidate()) {
            model.addAttribute("applications", applications.listOwned(user.candidateId()));
        }
        return "home";
    }
}
