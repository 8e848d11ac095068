package cn.cabr.carbon.portal;

import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

import cn.cabr.carbon.exam.ExamDelivery;
import cn.cabr.carbon.exam.ExamEntry;
import cn.cabr.carbon.exam.RescueKeys;
import cn.cabr.carbon.proctoring.IdentityCheckIn;
import cn.cabr.carbon.proctoring.Proctoring;
import cn.cabr.carbon.security.SignedInUser;

/**
 * The candidate's exam pages: the device check, then the answer page. Candidates only, their own application only
 * (anyone else's is "not found"); the answer page's script does the rest through the exam API.
 */
@Controller
class ExamPageController {

    private final ExamDelivery delivery;
    private final RescueKeys rescueKeys;
    private final Proctoring proctoring;
    private final IdentityCheckIn identity;

    ExamPageController(ExamDelivery delivery, RescueKeys rescueKeys, Proctoring proctoring, IdentityCheckIn identity) {
        this.delivery = delivery;
        this.rescueKeys = rescueKeys;
        this.proctoring = proctoring;
        this.identity = identity;
    }

    @GetMapping("/exam/{number}")
    String deviceCheck(@AuthenticationPrincipal SignedInUser user, @PathVariable String number, Model model) {
        model.addAttribute("entry", delivery.entry(user.requireCandidateId(), number));
        return "exam/check";
    }

    @GetMapping("/exam/{number}/paper")
    String paper(@AuthenticationPrincipal SignedInUser user, @PathVariable String number, Model model) {
        ExamEntry entry = delivery.entry(user.requireCandidateId(), number);
        if (entry.sittingId() == null || entry.state() == ExamEntry.State.NOT_OPEN_YET) {
            return "redirect:/exam/" + number;
        }
        if (identity.mustCheckIn(entry.sittingId())) {
            return "redirect:/exam/" + number + "/identity";
        }
        Map<String, Object> config = new LinkedHashMap<>();
        config.put("number", number);
        config.put("sittingId", entry.sittingId());
        config.put("rescueKey", rescueKeys.keyFor(entry.sittingId(), number));
        config.put("pageLeaves", proctoring.pageLeaves(entry.sittingId()));
        config.put("pageLeaveLimit", proctoring.pageLeaveLimitOf(entry.sittingId()));
        config.put("supportContact", entry.supportContact());
        config.put("checkUrl", "/exam/" + number);
        model.addAttribute("entry", entry);
        model.addAttribute("config", config);
        return "exam/paper";
    }
}
