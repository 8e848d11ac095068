package cn.cabr.carbon.proctoring;

import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

import cn.cabr.carbon.application.Application;
import cn.cabr.carbon.application.ApplicationDocument;
import cn.cabr.carbon.application.Applications;
import cn.cabr.carbon.application.DocumentType;
import cn.cabr.carbon.exam.ExamDelivery;
import cn.cabr.carbon.exam.ExamEntry;
import cn.cabr.carbon.security.SignedInUser;

/** The candidate's identity check-in page between the device check and the answer page, and its JSON API. */
@Controller
class IdentityController {

    private final IdentityCheckIn checkIn;
    private final ExamDelivery delivery;
    private final Applications applications;

    IdentityController(IdentityCheckIn checkIn, ExamDelivery delivery, Applications applications) {
        this.checkIn = checkIn;
        this.delivery = delivery;
        this.applications = applications;
    }

    @GetMapping("/exam/{number}/identity")
    String page(@AuthenticationPrincipal SignedInUser user, @PathVariable String number, Model model) {
        long candidateId = user.requireCandidateId();
        ExamEntry entry = delivery.entry(candidateId, number);
        if (entry.sittingId() == null || entry.state() == ExamEntry.State.NOT_OPEN_YET) {
            return "redirect:/exam/" + number;
        }
        IdentityCheckIn.CheckInView status = checkIn.status(candidateId, number);
        if (!status.required()) {
            return "redirect:/exam/" + number + "/paper";
        }
        Application application = applications.getOwned(candidateId, number);
        Map<String, Object> config = new LinkedHashMap<>();
        config.put("number", number);
        config.put("statusUrl", "/api/applications/" + number + "/exam/identity");
        config.put("paperUrl", "/exam/" + number + "/paper");
        config.put("modelUrl", "/vendor/face-api/model");
        for (ApplicationDocument d : applications.currentDocuments(application.getId())) {
            if (d.getDocumentType() == DocumentType.PHOTO) {
                config.put("photoUrl", "/api/applications/" + number + "/documents/" + d.getId());
            } else if (d.getDocumentType() == DocumentType.ID_CARD_FRONT) {
                config.put("idCardUrl", "/api/applications/" + number + "/documents/" + d.getId());
            }
        }
        config.put("status", status);
        model.addAttribute("entry", entry);
        model.addAttribute("status", status);
        model.addAttribute("config", config);
        return "exam/identity";
    }
}
