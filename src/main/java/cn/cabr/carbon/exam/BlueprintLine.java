package cn.cabr.carbon.exam;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** One cell of a session's blueprint: how many items of a type, subject, module and points each paper holds. */
@Entity
@Table(name = "blueprint_line")
public class BlueprintLine {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    private Long sessionId;
    @Enumerated(EnumType.STRING)
    private QuestionType questionType;
    @Enumerated(EnumType.STRING)
    private Subject subject;
    private int syllabusModule;
    private int points;
    @Column(name = "item_count")
    private int count;

    protected BlueprintLine() {
    }

    BlueprintLine(Long sessionId, Cell cell) {
        this.sessionId = sessionId;
        this.questionType = cell.type();
        this.subject = cell.subject();
        this.syllabusModule = cell.module();
        this.points = cell.points();
        this.count = cell.count();
    }

    public Cell cell() {
        return new Cell(questionType, subject, syllabusModule, points, count);
    }

    /** A blueprint cell as managers write it. */
    public record Cell(QuestionType type, Subject subject, int module, int points, int count) {

        public int totalPoints() {
            return points * count;
        }

        public String describe() {
            return type.label() + "·" + subject.label() + "·模块" + module + "·每题" + points + "分";
        }

        boolean sameCell(Question q) {
            return q.getQuestionType() == type && q.getSubject() == subject && q.getSyllabusModule() == module
                    && q.getPoints() == points;
        }
    }
}
