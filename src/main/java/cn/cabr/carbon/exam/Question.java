package cn.cabr.carbon.exam;

import java.util.List;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

/** An item of the question bank. */
@Entity
@Table(name = "question")
public class Question {

    private static final ObjectMapper JSON = new ObjectMapper();

    public record Option(String label, String text) {
    }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    private String code;
    @Enumerated(EnumType.STRING)
    private QuestionType questionType;
    private String subject;
    private int syllabusModule;
    private String stem;
    private String optionsJson;
    private String answerKey;
    private String referenceAnswer;
    private boolean active;

    protected Question() {
    }

    public List<Option> options() {
        if (optionsJson == null) {
            return questionType == QuestionType.TRUE_FALSE
                    ? List.of(new Option("TRUE", "正确"), new Option("FALSE", "错误"))
                    : List.of();
        }
        try {
            return JSON.readValue(optionsJson, new TypeReference<List<Option>>() { });
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Question " + code + " has malformed options", e);
        }
    }

    public Long getId() {
        return id;
    }

    public String getCode() {
        return code;
    }

    public QuestionType getQuestionType() {
        return questionType;
    }

    public String getSubject() {
        return subject;
    }

    public int getSyllabusModule() {
        return syllabusModule;
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

    public boolean isActive() {
        return active;
    }
}
