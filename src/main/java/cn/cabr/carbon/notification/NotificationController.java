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

    record NotificationView(long id, String kind, String title, String body, Instant createdAt) {
    }

    @GetMapping("/api/notifications")
    List<NotificationView> mine(@AuthenticationPrincipal SignedInUser user) {
        return notifications.forCandidate(user.requireCandidateId()).stream()
                .map(n -> new NotificationView(n.getId(), n.getKind(), n.getTitle(), n.getBody(), n.getCreatedAt()))
                .toList();
    }
}
