package cn.cabr.carbon.application;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;

import cn.cabr.carbon.shared.BusinessException;

class IdCardNumberTests {

    static final LocalDate TODAY = LocalDate.of(2026, 11, 25);

    @Test
    void aValidNumber_yieldsBirthDateAndGender() {
        IdCardNumber id = IdCardNumber.parse("110105199003071239", TODAY);
        assertThat(id.birthDate()).isEqualTo(LocalDate.of(1990, 3, 7));
        assertThat(id.gender()).isEqualTo(Gender.MALE);
        assertThat(IdCardNumber.parse("310115198806152345", TODAY).gender()).isEqualTo(Gender.FEMALE);
    }

    @Test
    void theCheckCharacterXIsAccepted_inEitherCase() {
        assertThat(IdCardNumber.parse("44030519950812345x", TODAY).value()).isEqualTo("44030519950812345X");
    }

    @Test
    void theCheckCharacter_followsIso7064Mod11_2() {
        assertThat(IdCardNumber.checkChar("11010519491231002")).isEqualTo('X');
        assertThat(IdCardNumber.checkChar("11010519900307123")).isEqualTo('9');
    }

    @Test
    void everyKindOfMistake_isNamed() {
        assertRefused("110105199003071238", "校验位错误");
        assertRefused("11010519900307123", "应为 18 位，当前为 17 位");
        assertRefused("1101051990030712A9", "前 17 位必须是数字");
        assertRefused("11010519900307123Y", "最后一位只能是数字或 X");
        assertRefused("000105199003071239", "行政区划");
        assertRefused("110105199002301239", "不是有效日期");
        assertRefused("110105203001011239", "不在合理范围内");
        assertRefused("  ", "请填写身份证号码");
    }

    @Test
    void itIsNeverPrintedInClear() {
        IdCardNumber id = IdCardNumber.parse("110105199003071239", TODAY);
        assertThat(id.toString()).isEqualTo("1101**********1239").doesNotContain("19900307");
        assertThat(IdCardNumber.mask(null)).isEqualTo("****");
    }

    private static void assertRefused(String number, String reason) {
        assertThatThrownBy(() -> IdCardNumber.parse(number, TODAY))
                .isInstanceOf(BusinessException.class).hasMessageContaining(reason)
                .extracting(e -> ((BusinessException) e).code()).isEqualTo("ID_NUMBER_INVALID");
    }
}
