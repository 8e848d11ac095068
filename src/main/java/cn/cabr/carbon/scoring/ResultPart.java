package cn.cabr.carbon.scoring;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A result's points in one category: a question type or a subject. */
@Entity
@Table(name = "result_breakdown")
public class ResultPart {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    private Long applicationId;
    private String dimension;
    private String category;
    private int score;
    private int maxPoints;

    protected ResultPart() {
    }

    ResultPart(Long applicationId, String dimension, String category, int score, int maxPoints) {
        this.applicationId = applicationId;
        this.dimension = dimension;
        this.category = category;
        this.score = score;
        this.maxPoints = maxPoints;
    }

    public String getDimension() {
        return dimension;
    }

    public String getCategory() {
        return category;
    }

    public int getScore() {
        return score;
    }

    public int getMaxPoints() {
        return maxPoints;
    }
}
