package cn.cabr.carbon.adjudication;

import java.time.Instant;
import java.util.List;

import org.springframework.http.MediaType;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

import cn.cabr.carbon.security.SignedInUser;

/** The live view's data: a snapshot, the event stream, and the proctor's two actions. */
@RestController
class LiveViewApiController {

    record MessageRequest(String message) {
    }

    record MessageView(long id, String kind, String message, String sentBy, Instant sentAt) {
        static MessageView of(ProctorMessage m) {
            return new MessageView(m.getId(), m.getKind(), m.getMessage(), m.getSentBy(), m.getSentAt());
        }
    }

    private final LiveProctoring live;
    private final LiveViewStream stream;

    LiveViewApiController(LiveProctoring live, LiveViewStream stream) {
        this.live = live;
        this.stream = stream;
    }

    @GetMapping("/api/staff/live/sittings")
    List<LiveProctoring.LiveSitting> sittings(@AuthenticationPrincipal SignedInUser proctor) {
        return live.sittingsFor(proctor.username());
    }

    @GetMapping(path = "/api/staff/live/stream", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
    SseEmitter stream(@AuthenticationPrincipal SignedInUser proctor) {
        return stream.open(proctor.username());
    }

    @PostMapping("/api/staff/live/sittings/{sittingId}/warnings")
    MessageView warn(@AuthenticationPrincipal SignedInUser proctor, @PathVariable long sittingId,
            @RequestBody MessageRequest request) {
        return MessageView.of(live.warn(sittingId, proctor.username(), request.message()));
    }

    @PostMapping("/api/staff/live/sittings/{sittingId}/termination")
    MessageView terminate(@AuthenticationPrincipal SignedInUser proctor, @PathVariable long sittingId,
            @RequestBody MessageRequest request) {
        return MessageView.of(live.terminate(sittingId, proctor.username(), request.message()));
    }

    /** The candidate's answer page asks for its proctor's messages. */
    @GetMapping("/api/applications/{number}/exam/proctor-messages")
    List<MessageView> candidateMessages(@AuthenticationPrincipal SignedInUser candidate, @PathVariable String number) {
        return live.messagesFor(candidate.requireCandidateId(), number).stream().map(MessageView::of).toList();
    }
}
