package cn.cabr.carbon.exam;

import java.time.Instant;

/** The server's receipt for a saved answer: what it stored, when, and the time left. */
public record SavedAnswer(int position, String response, Instant savedAt, long remainingSeconds) {
}
