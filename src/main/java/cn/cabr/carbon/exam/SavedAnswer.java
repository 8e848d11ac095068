package cn.cabr.carbon.exam;

import java.time.Instant;

/**
 * The server's receipt for a save: the answer it now holds (in the labels the candidate sees), its version, the
 * highest client sequence applied, whether this request changed anything, and the time left.
 */
public record SavedAnswer(int position, String response, boolean flagged, long version, long clientSequence,
        Answer.SaveOutcome outcome, Instant savedAt, long remainingSeconds) {
}
