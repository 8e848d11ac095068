package cn.cabr.carbon.adjudication;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import cn.cabr.carbon.security.SignedInUser;
import cn.cabr.carbon.shared.BusinessException;

/** The candidate's page: the adjudication of their sitting, and their appeal. */
@Controller
class AppealController {

    private final Adjudications adjudications;

    AppealController(Adjudications adjudications) {
        this.adjudications = adjudications;
    }

    @GetMapping("/applications/{number}/appeal")
    String page(@AuthenticationPrincipal SignedInUser user, @PathVariable String number, Model model) {
        model.addAttribute("number", number);
        model.addAttribute("view", adjudications.appealView(user.requireCandidateId(), number).orElse(null));
        return "portal/appeal";
    }

    @PostMapping("/applications/{number}/appeal")
    String file(@AuthenticationPrincipal SignedInUser user, @PathVariable String number,
            @RequestParam(required = false) String reason, RedirectAttributes redirect) {
        try {
            adjudications.fileAppeal(user.requireCandidateId(), number, reason);
            redirect.addFlashAttribute("notice", "申诉已提交，将由未参与原裁定的裁定人员复核，结果将通知您。");
        } catch (BusinessException e) {
            if (e.kind() == BusinessException.Kind.NOT_FOUND) {
                throw e;
            }
            redirect.addFlashAttribute("error", e.getMessage());
            redirect.addFlashAttribute("reason", reason);
        }
        return "redirect:/applications/" + number + "/appeal";
    }
}
