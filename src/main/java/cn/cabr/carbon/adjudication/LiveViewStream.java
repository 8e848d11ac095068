package cn.cabr.carbon.adjudication;

import java.io.IOException;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.MediaType;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * Server-sent events for the live view: each connected proctor gets the list of their sittings at once and then
 * every few seconds (a poll of the database per proctor, not per candidate event: cheap at a session's scale, and
 * correct across several application nodes sharing one database). The browser's EventSource reconnects by itself.
 */
@Component
class LiveViewStream {

    private static final Logger log = LoggerFactory.getLogger(LiveViewStream.class);
    static final Duration EMITTER_TIMEOUT = Duration.ofMinutes(30);

    private final LiveProctoring live;
    private final Map<SseEmitter, String> emitters = new ConcurrentHashMap<>();

    LiveViewStream(LiveProctoring live) {
        this.live = live;
    }

    SseEmitter open(String proctor) {
        SseEmitter emitter = new SseEmitter(EMITTER_TIMEOUT.toMillis());
        emitter.onCompletion(() -> emitters.remove(emitter));
        emitter.onTimeout(() -> emitters.remove(emitter));
        emitter.onError(e -> emitters.remove(emitter));
        emitters.put(emitter, proctor);
        push(emitter, proctor);
        return emitter;
    }

    @Scheduled(fixedDelayString = "${certification.live.push-interval:PT3S}")
    void pushAll() {
        emitters.forEach(this::push);
    }

    private void push(SseEmitter emitter, String proctor) {
        try {
            emitter.send(SseEmitter.event().name("sittings").data(live.sittingsFor(proctor), MediaType.APPLICATION_JSON));
        } catch (IOException | IllegalStateException e) {
            emitters.remove(emitter);
            log.debug("Live view of {} disconnected: {}", proctor, e.getMessage());
        }
    }
}
