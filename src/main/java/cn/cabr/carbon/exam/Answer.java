package cn.cabr.carbon.exam;

import java.time.Instant;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;

/** The candidate's answer to one paper item; created blank when the sitting opens. */
@Entity
@Table(name = "answer")
public class Answer {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    private Long sittingId;
    @ManyToOne(optional = false)
    @JoinColumn(name = "paper_item_id")
    private PaperItem paperItem;
    private String response;
    private Instant savedAt;
    private Integer score;
    private String gradedBy;
    private Instant gradedAt;

    protected Answer() {
    }

    Answer(Long sittingId, PaperItem paperItem) {
        this.sittingId = sittingId;
        this.paperItem = paperItem;
    }

    void save(String response, Instant now) {
        this.response = response;
        this.savedAt = now;
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

    public PaperItem getPaperItem() {
        return paperItem;
    }

    public String getResponse() {
        return response;
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
