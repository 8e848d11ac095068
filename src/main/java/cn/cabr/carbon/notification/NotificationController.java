package cn.cabr.carbon.notification;

import java.time.Instant;
import java.util.List;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

import cn.cabr.carbon.security.SignedInUser;

@RestController
class NotificationController {

    private final Notifications notifications;

    NotificationController(Notifications notifications) {
        this.notifications = notifications;
    }

    /** {@code mail}: where its e-mail stands (已发送, 待发送…), {@code mailedAt}: when the mail server accepted it. */
    record NotificationView(long id, String kind, String title, String body, Instant createdAt, String mail,
            Instant mailedAt) {
    }

    @GetMapping("/api/notifications")
    List<NotificationView> mine(@AuthenticationPrincipal SignedInUser user) {
        return notifications.forCandidate(user.requireCandidateId()).stream()
                .map(n -> new NotificationView(n.getId(), n.getKind(), n.getTitle(), n.getBody(), n.getCreatedAt(),
                        n.getMailStatus().label(), n.getSentAt()))
                .toList();
    }
}
