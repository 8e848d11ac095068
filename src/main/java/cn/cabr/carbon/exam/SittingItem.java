package cn.cabr.carbon.exam;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.stream.Collectors;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;

import org.hibernate.annotations.Immutable;

/**
 * One position of a candidate's own paper: the question version drawn, its points, and the order its options are
 * shown in. Candidates answer with the labels they see (A, B, C…); answers are stored with the question's own
 * labels, so keys, statistics and every other paper agree.
 */
@Entity
@Table(name = "sitting_item")
@Immutable
public class SittingItem {

    /** From a sequence, not an identity column: a paper's items are inserted in one batch. */
    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "sitting_item_seq")
    @SequenceGenerator(name = "sitting_item_seq", sequenceName = "sitting_item_seq", allocationSize = 100)
    private Long id;
    private Long sittingId;
    private int position;
    @ManyToOne(optional = false, fetch = FetchType.LAZY)
    @JoinColumn(name = "question_version_id")
    private Question question;
    /** The same column, readable without loading the question (saves take the immutable version from a cache). */
    @Column(name = "question_version_id", insertable = false, updatable = false)
    private Long questionId;
    private int points;
    /** The question's labels in the order shown: "CADB" shows the question's C as A. Null: the question's order. */
    private String optionOrder;

    protected SittingItem() {
    }

    SittingItem(Long sittingId, int position, Question question, int points, String optionOrder) {
        this.sittingId = sittingId;
        this.position = position;
        this.question = question;
        this.points = points;
        this.optionOrder = optionOrder;
    }

    /** The options as the candidate sees them, relabelled A, B, C… in the shown order. */
    public List<Question.Option> displayedOptions() {
        return displayedOptions(question);
    }

    /** The same, with the item's question version given (from the cache, on the hot path of saves). */
    List<Question.Option> displayedOptions(Question version) {
        List<Question.Option> own = version.options();
        if (optionOrder == null) {
            return own;
        }
        Map<String, String> textByLabel = own.stream()
                .collect(Collectors.toMap(Question.Option::label, Question.Option::text));
        List<Question.Option> shown = new ArrayList<>();
        for (int i = 0; i < optionOrder.length(); i++) {
            shown.add(new Question.Option(BankRow.OPTION_LABELS.get(i), textByLabel.get(String.valueOf(optionOrder.charAt(i)))));
        }
        return shown;
    }

    /** A shown label ("A") as the question's own label. */
    String toOwnLabel(String shownLabel) {
        if (optionOrder == null || shownLabel.length() != 1) {
            return shownLabel;
        }
        int index = BankRow.OPTION_LABELS.indexOf(shownLabel);
        return index < 0 || index >= optionOrder.length() ? shownLabel : String.valueOf(optionOrder.charAt(index));
    }

    /** A stored answer ("A,C" in the question's labels) as the candidate sees it, sorted. */
    String toShown(String ownResponse) {
        return toShown(question, ownResponse);
    }

    String toShown(Question version, String ownResponse) {
        if (ownResponse == null || optionOrder == null || version.getQuestionType() == QuestionType.SHORT_ANSWER) {
            return ownResponse;
        }
        return Arrays.stream(ownResponse.split(",")).map(label -> BankRow.OPTION_LABELS.get(optionOrder.indexOf(label)))
                .collect(Collectors.toCollection(TreeSet::new)).stream().collect(Collectors.joining(","));
    }

    public Long getId() {
        return id;
    }

    public Long getSittingId() {
        return sittingId;
    }

    public int getPosition() {
        return position;
    }

    public Question getQuestion() {
        return question;
    }

    public Long getQuestionId() {
        return questionId != null ? questionId : question.getId();
    }

    public int getPoints() {
        return points;
    }

    String getOptionOrder() {
        return optionOrder;
    }
}
