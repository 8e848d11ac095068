package cn.cabr.carbon.exam;

import java.time.Instant;

/** The sitting's state and the server's time left: what the exam page polls to keep its countdown true. */
public record SittingClock(String applicationNumber, SittingStatus status, String statusLabel, Instant serverTime,
        Instant deadline, long remainingSeconds) {
}
