package cn.cabr.carbon.exam;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import org.hibernate.annotations.Immutable;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * One version of a question of the bank. A question's content never changes in place: an edit is a new version,
 * so a paper keeps exactly the wording and key it was drawn with. Immutable to Hibernate (no dirty checking of the
 * bank on every flush of an exam request); only its status changes, through {@link QuestionRepository#changeStatus}.
 */
@Entity
@Table(name = "question_version")
@Immutable
public class Question {

    private static final ObjectMapper JSON = new ObjectMapper();

    public record Option(String label, String text) {
    }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    private String code;
    private int version;
    @Enumerated(EnumType.STRING)
    private QuestionType questionType;
    @Enumerated(EnumType.STRING)
    private Subject subject;
    private int syllabusModule;
    @Enumerated(EnumType.STRING)
    private Difficulty difficulty;
    private int points;
    private String stem;
    private String optionsJson;
    private String answerKey;
    private String referenceAnswer;
    private String rubric;
    @Enumerated(EnumType.STRING)
    private QuestionStatus status;
    private Instant createdAt;
    /** Versions never change, so their options are parsed once per version: every view and every save reads them. */
    private static final Map<Long, List<Option>> PARSED_OPTIONS = new ConcurrentHashMap<>();

    protected Question() {
    }

    Question(QuestionContent c, int version, Instant now) {
        this.code = c.code();
        this.version = version;
        this.questionType = c.type();
        this.subject = c.subject();
        this.syllabusModule = c.module();
        this.difficulty = c.difficulty();
        this.points = c.points();
        this.stem = c.stem();
        this.optionsJson = c.options().isEmpty() ? null : toJson(c.options());
        this.answerKey = c.answerKey();
        this.referenceAnswer = c.referenceAnswer();
        this.rubric = c.rubric();
        this.status = c.status();
        this.createdAt = now;
    }

    /** The content of this version, to compare with an import row. */
    public QuestionContent content() {
        return new QuestionContent(code, questionType, subject, syllabusModule, difficulty, points, stem, storedOptions(),
                answerKey, referenceAnswer, rubric, status);
    }

    /** The options a candidate chooses from: the stored ones, or 正确/错误 for true/false. */
    public List<Option> options() {
        if (questionType == QuestionType.TRUE_FALSE) {
            return List.of(new Option("TRUE", "正确"), new Option("FALSE", "错误"));
        }
        return storedOptions();
    }

    private List<Option> storedOptions() {
        if (optionsJson == null) {
            return List.of();
        }
        List<Option> cached = id == null ? null : PARSED_OPTIONS.get(id);
        if (cached != null) {
            return cached;
        }
        try {
            List<Option> parsed = List.copyOf(JSON.readValue(optionsJson, new TypeReference<List<Option>>() { }));
            if (id != null) {
                PARSED_OPTIONS.put(id, parsed);
            }
            return parsed;
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Question " + code + " v" + version + " has malformed options", e);
        }
    }

    /** Short, human description for lists and statistics: type, code, version and the start of the stem. */
    public String describe() {
        String start = stem.length() > 30 ? stem.substring(0, 30) + "…" : stem;
        return questionType.label() + " " + code + " v" + version + "：" + start;
    }

    public String versionCode() {
        return code + " v" + version;
    }

    private static String toJson(List<Option> options) {
        try {
            return JSON.writeValueAsString(options);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    public Long getId() {
        return id;
    }

    public String getCode() {
        return code;
    }

    public int getVersion() {
        return version;
    }

    public QuestionType getQuestionType() {
        return questionType;
    }

    public Subject getSubject() {
        return subject;
    }

    public int getSyllabusModule() {
        return syllabusModule;
    }

    public Difficulty getDifficulty() {
        return difficulty;
    }

    public int getPoints() {
        return points;
    }

    public String getStem() {
        return stem;
    }

    String getAnswerKey() {
        return answerKey;
    }

    public String getReferenceAnswer() {
        return referenceAnswer;
    }

    public String getRubric() {
        return rubric;
    }

    public QuestionStatus getStatus() {
        return status;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Question q && id != null && Objects.equals(id, q.id);
    }

    @Override
    public int hashCode() {
        return Question.class.hashCode();
    }
}
