package cn.cabr.carbon.exam;

import java.time.Instant;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** One grader's marking of one short answer: round 1, round 2 when double marking, round 3 when they differ. */
@Entity
@Table(name = "marking")
public class Marking {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    private Long answerId;
    private int round;
    private String grader;
    private int score;
    private String comment;
    private Instant markedAt;
    private int markingPass = 1;

    protected Marking() {
    }

    Marking(Long answerId, int markingPass, int round, String grader, int score, String comment, Instant markedAt) {
        this.answerId = answerId;
        this.markingPass = markingPass;
        this.round = round;
        this.grader = grader;
        this.score = score;
        this.comment = comment;
        this.markedAt = markedAt;
    }

    public int getRound() {
        return round;
    }

    public String getGrader() {
        return grader;
    }

    public int getScore() {
        return score;
    }

    public String getComment() {
        return comment;
    }

    public Instant getMarkedAt() {
        return markedAt;
    }
}
