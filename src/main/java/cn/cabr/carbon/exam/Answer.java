package cn.cabr.carbon.exam;

import java.time.Instant;

import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;

/**
 * The candidate's answer to one item of their paper, created at its first save (or blank when the sitting ends,
 * for grading). Saves carry the
 * client's sequence number: only a higher number changes the answer, so a late or repeated request can never
 * overwrite a newer answer. The version counts the changes the server accepted.
 */
@Entity
@Table(name = "answer")
public class Answer {

    /** What happened to a save. */
    public enum SaveOutcome { APPLIED, DUPLICATE, STALE }

    /** From a sequence, not an identity column: the blank answers of a sitting are inserted in one batch. */
    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "answer_seq")
    @SequenceGenerator(name = "answer_seq", sequenceName = "answer_seq", allocationSize = 100)
    private Long id;
    private Long sittingId;
    @ManyToOne(optional = false, fetch = FetchType.LAZY)
    @JoinColumn(name = "sitting_item_id")
    private SittingItem item;
    private String response;
    private boolean flagged;
    private long clientSequence;
    private long version;
    private Instant savedAt;
    private Integer score;
    private String gradedBy;
    private Instant gradedAt;
    private int markingPass = 1;

    protected Answer() {
    }

    Answer(Long sittingId, SittingItem item) {
        this.sittingId = sittingId;
        this.item = item;
    }

    SaveOutcome save(String ownResponse, boolean flag, long sequence, Instant now) {
        if (sequence < clientSequence) {
            return SaveOutcome.STALE;
        }
        if (sequence == clientSequence) {
            return SaveOutcome.DUPLICATE;
        }
        this.response = ownResponse;
        this.flagged = flag;
        this.clientSequence = sequence;
        this.version++;
        this.savedAt = now;
        return SaveOutcome.APPLIED;
    }

    /**
     * A short answer changed during credited time: its earlier marking no longer fits the answer, so it is marked
     * again in a new pass (the earlier pass's markings are kept).
     */
    void markAgain() {
        this.score = null;
        this.gradedBy = null;
        this.gradedAt = null;
        this.markingPass++;
    }

    public int getMarkingPass() {
        return markingPass;
    }

    void grade(int score, String by, Instant now) {
        this.score = score;
        this.gradedBy = by;
        this.gradedAt = now;
    }

    public Long getId() {
        return id;
    }

    public Long getSittingId() {
        return sittingId;
    }

    public SittingItem getItem() {
        return item;
    }

    public String getResponse() {
        return response;
    }

    public boolean isFlagged() {
        return flagged;
    }

    public long getClientSequence() {
        return clientSequence;
    }

    public long getVersion() {
        return version;
    }

    public Instant getSavedAt() {
        return savedAt;
    }

    public Integer getScore() {
        return score;
    }

    public String getGradedBy() {
        return gradedBy;
    }
}
