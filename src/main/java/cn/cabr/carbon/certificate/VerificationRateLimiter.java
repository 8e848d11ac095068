package cn.cabr.carbon.certificate;

import java.time.Duration;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.HandlerInterceptor;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;

/**
 * Limits the public verification (pages and JSON) per client address: a token bucket (Bucket4j) of
 * {@code capacity} requests, refilled at {@code refill-per-minute}. Buckets live in a bounded cache (Caffeine): an
 * address unseen for as long as a full refill takes is forgotten (its bucket would be full again anyway), and at
 * most {@code max-clients} addresses are remembered, so a flood of addresses cannot exhaust memory.
 *
 * <p>The address is {@link HttpServletRequest#getRemoteAddr()}. Behind a reverse proxy that is the proxy's, so every
 * visitor would share one bucket: set {@code server.forward-headers-strategy=native} and list the proxy in
 * {@code server.tomcat.remoteip.internal-proxies}, and Tomcat then takes the client's address from X-Forwarded-For
 * only when the request came through that proxy. The header itself is never read here: a client could forge it.
 * Each node counts on its own (with N nodes behind a balancer a client gets up to N times the limit).
 */
@Component
class VerificationRateLimiter implements HandlerInterceptor {

    private final long capacity;
    private final long refillPerMinute;
    private final Cache<String, Bucket> buckets;

    VerificationRateLimiter(@Value("${certification.verification.rate-limit.capacity:30}") long capacity,
            @Value("${certification.verification.rate-limit.refill-per-minute:30}") long refillPerMinute,
            @Value("${certification.verification.rate-limit.max-clients:100000}") long maxClients) {
        if (capacity < 1 || refillPerMinute < 1 || maxClients < 1) {
            throw new IllegalArgumentException("certification.verification.rate-limit values must be positive");
        }
        this.capacity = capacity;
        this.refillPerMinute = refillPerMinute;
        Duration fullRefill = Duration.ofMillis(Math.max(1000, 60_000 * capacity / refillPerMinute));
        this.buckets = Caffeine.newBuilder().maximumSize(maxClients).expireAfterAccess(fullRefill).build();
    }

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
        ConsumptionProbe probe = buckets.get(request.getRemoteAddr(), address -> newBucket())
                .tryConsumeAndReturnRemaining(1);
        if (!probe.isConsumed()) {
            long seconds = Math.max(1, Duration.ofNanos(probe.getNanosToWaitForRefill()).toSeconds()
                    + (probe.getNanosToWaitForRefill() % 1_000_000_000L == 0 ? 0 : 1));
            throw new TooManyVerificationsException(seconds);
        }
        return true;
    }

    private Bucket newBucket() {
        return Bucket.builder()
                .addLimit(limit -> limit.capacity(capacity).refillGreedy(refillPerMinute, Duration.ofMinutes(1)))
                .build();
    }

    /** Forgets every bucket (tests; an operator could expose it after a false alarm). */
    void forgetAll() {
        buckets.invalidateAll();
    }
}
