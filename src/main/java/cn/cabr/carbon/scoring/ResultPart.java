package cn.cabr.carbon.scoring;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import cn.cabr.carbon.exam.QuestionType;
import cn.cabr.carbon.exam.Subject;

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

    /** The question type's or the subject's Chinese name. */
    public String categoryLabel() {
        for (QuestionType type : QuestionType.values()) {
            if (type.name().equals(category)) {
                return type.label();
            }
        }
        for (Subject subject : Subject.values()) {
            if (subject.name().equals(category)) {
                return subject.label();
            }
        }
        return category;
    }

    public int getMaxPoints() {
        return maxPoints;
    }
}
