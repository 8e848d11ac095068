package cn.cabr.carbon.exam;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;

/** One position of a session's paper: which question, worth how many points. */
@Entity
@Table(name = "paper_item")
public class PaperItem {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    private Long sessionId;
    @ManyToOne(optional = false)
    @JoinColumn(name = "question_id")
    private Question question;
    private int position;
    private int points;

    protected PaperItem() {
    }

    PaperItem(Long sessionId, Question question, int position, int points) {
        this.sessionId = sessionId;
        this.question = question;
        this.position = position;
        this.points = points;
    }

    public Long getId() {
        return id;
    }

    public Long getSessionId() {
        return sessionId;
    }

    public Question getQuestion() {
        return question;
    }

    public int getPosition() {
        return position;
    }

    public int getPoints() {
        return points;
    }
}
