package cn.cabr.carbon.exam;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

import cn.cabr.carbon.session.MultipleChoicePolicy;
import cn.cabr.carbon.shared.BusinessException;

/** Scoring of objective items under the session's multiple-choice policy. */
class ResponsesTests {

    final SittingItem multiple = new SittingItem(1L, 1, PaperDrawerTests.question("MC-Y-01", QuestionType.MULTIPLE_CHOICE,
            Subject.PRACTICE, 2, 2, "A,B,D"), 2, null);
    final SittingItem single = new SittingItem(1L, 2, PaperDrawerTests.question("SC-Y-01", QuestionType.SINGLE_CHOICE,
            Subject.PRACTICE, 2, 1, "C"), 1, null);

    @Test
    void allOrNothing_givesFullPointsOnlyForExactlyTheKey() {
        assertThat(Responses.autoScore(multiple, "A,B,D", MultipleChoicePolicy.ALL_OR_NOTHING)).isEqualTo(2);
        assertThat(Responses.autoScore(multiple, "A,B", MultipleChoicePolicy.ALL_OR_NOTHING)).isZero();
        assertThat(Responses.autoScore(multiple, null, MultipleChoicePolicy.ALL_OR_NOTHING)).isZero();
    }

    @Test
    void halfForSubset_givesHalfForACorrectPart_andNothingForAnyWrongOption() {
        assertThat(Responses.autoScore(multiple, "A,B,D", MultipleChoicePolicy.HALF_FOR_SUBSET)).isEqualTo(2);
        assertThat(Responses.autoScore(multiple, "B", MultipleChoicePolicy.HALF_FOR_SUBSET)).isEqualTo(1);
        assertThat(Responses.autoScore(multiple, "A,D", MultipleChoicePolicy.HALF_FOR_SUBSET)).isEqualTo(1);
        assertThat(Responses.autoScore(multiple, "A,C", MultipleChoicePolicy.HALF_FOR_SUBSET)).isZero();
        assertThat(Responses.autoScore(multiple, "A,B,C,D", MultipleChoicePolicy.HALF_FOR_SUBSET)).isZero();
    }

    @Test
    void singleChoice_isNeverPartial() {
        assertThat(Responses.autoScore(single, "C", MultipleChoicePolicy.HALF_FOR_SUBSET)).isEqualTo(1);
        assertThat(Responses.autoScore(single, "B", MultipleChoicePolicy.HALF_FOR_SUBSET)).isZero();
    }

    @Test
    void responsesOutsideTheShownOptions_areRefused() {
        assertThatThrownBy(() -> Responses.normalize(single, "E")).isInstanceOf(BusinessException.class)
                .hasMessageContaining("A、B、C、D");
        assertThatThrownBy(() -> Responses.normalize(multiple, "A,,Z")).hasMessageContaining("逗号分隔");
        assertThat(Responses.normalize(multiple, " ")).isNull();
    }
}
