package cn.cabr.carbon.application;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.Set;

import cn.cabr.carbon.shared.BusinessException;

/**
 * A resident ID-card number per GB 11643-1999: 6-digit region, 8-digit birth date, 3-digit sequence (odd for
 * men), and an ISO 7064 MOD 11-2 check character. Its {@link #toString()} is masked, so it never reaches a
 * log in clear.
 */
public final class IdCardNumber {

    private static final int[] WEIGHTS = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
    private static final String CHECK_CHARS = "10X98765432";
    private static final Set<String> PROVINCES = Set.of(
            "11", "12", "13", "14", "15", "21", "22", "23", "31", "32", "33", "34", "35", "36", "37",
            "41", "42", "43", "44", "45", "46", "50", "51", "52", "53", "54", "61", "62", "63", "64", "65",
            "71", "81", "82", "83");

    private final String value;
    private final LocalDate birthDate;

    private IdCardNumber(String value, LocalDate birthDate) {
        this.value = value;
        this.birthDate = birthDate;
    }

    /** Parses and validates, refusing with the precise reason a person can fix. */
    public static IdCardNumber parse(String raw, LocalDate today) {
        if (raw == null || raw.isBlank()) {
            throw invalid("请填写身份证号码");
        }
        String value = raw.strip().toUpperCase();
        if (value.length() != 18) {
            throw invalid("身份证号码应为 18 位，当前为 " + value.length() + " 位");
        }
        if (!value.substring(0, 17).chars().allMatch(Character::isDigit)) {
            throw invalid("身份证号码前 17 位必须是数字");
        }
        char last = value.charAt(17);
        if (!Character.isDigit(last) && last != 'X') {
            throw invalid("身份证号码最后一位只能是数字或 X");
        }
        if (!PROVINCES.contains(value.substring(0, 2))) {
            throw invalid("身份证号码前两位不是有效的省级行政区划代码");
        }
        LocalDate birth;
        try {
            birth = LocalDate.of(Integer.parseInt(value.substring(6, 10)), Integer.parseInt(value.substring(10, 12)),
                    Integer.parseInt(value.substring(12, 14)));
        } catch (DateTimeException e) {
            throw invalid("身份证号码中的出生日期（第 7–14 位）不是有效日期");
        }
        if (birth.getYear() < 1900 || birth.isAfter(today)) {
            throw invalid("身份证号码中的出生日期（第 7–14 位）不在合理范围内");
        }
        if (checkChar(value) != last) {
            throw invalid("身份证号码校验位错误，请核对每一位数字");
        }
        return new IdCardNumber(value, birth);
    }

    /** A number validated when it was registered, as read back from the database. */
    public static IdCardNumber fromStored(String value) {
        return parse(value, LocalDate.MAX);
    }

    static char checkChar(String first17) {
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            sum += (first17.charAt(i) - '0') * WEIGHTS[i];
        }
        return CHECK_CHARS.charAt(sum % 11);
    }

    public String value() {
        return value;
    }

    public LocalDate birthDate() {
        return birthDate;
    }

    /** The 17th digit: odd for men, even for women. */
    public Gender gender() {
        return (value.charAt(16) - '0') % 2 == 1 ? Gender.MALE : Gender.FEMALE;
    }

    /** First four and last four characters kept, e.g. 1101**********123X. */
    public String masked() {
        return mask(value);
    }

    public static String mask(String value) {
        if (value == null || value.length() < 8) {
            return "****";
        }
        return value.substring(0, 4) + "*".repeat(value.length() - 8) + value.substring(value.length() - 4);
    }

    @Override
    public String toString() {
        return masked();
    }

    private static BusinessException invalid(String message) {
        return BusinessException.invalid("ID_NUMBER_INVALID", message);
    }
}
