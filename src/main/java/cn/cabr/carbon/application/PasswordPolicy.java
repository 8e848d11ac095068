package cn.cabr.carbon.application;

import java.util.List;
import java.util.regex.Pattern;

import cn.cabr.carbon.shared.BusinessException;

/**
 * The password rules, in one place: checked on the server at registration and password reset, and shown beside
 * the password field where the page's script ticks each rule while the candidate types (the same patterns, which
 * mean the same in Java and JavaScript).
 */
public final class PasswordPolicy {

    public static final int MIN_LENGTH = 8;
    public static final int MAX_LENGTH = 64;

    /** One rule: what the candidate reads beside the field, and the pattern a valid password contains. */
    public record Rule(String code, String label, String message, String pattern) {

        public boolean isMetBy(String password) {
            return password != null && Pattern.compile(pattern).matcher(password).find();
        }
    }

    public static final List<Rule> RULES = List.of(
            new Rule("length", "长度 " + MIN_LENGTH + "–" + MAX_LENGTH + " 位",
                    "密码长度应为 " + MIN_LENGTH + "–" + MAX_LENGTH + " 位",
                    "^[\\s\\S]{" + MIN_LENGTH + "," + MAX_LENGTH + "}$"),
            new Rule("letter", "至少包含一个英文字母", "密码须包含至少一个英文字母", "[A-Za-z]"),
            new Rule("digit", "至少包含一个数字", "密码须包含至少一个数字", "[0-9]"));

    private PasswordPolicy() {
    }

    /** The messages of the rules the password breaks, in the order shown; empty when it is acceptable. */
    public static List<String> problems(String password) {
        if (password == null || password.isEmpty()) {
            return List.of("请设置密码");
        }
        return RULES.stream().filter(rule -> !rule.isMetBy(password)).map(Rule::message).toList();
    }

    /** Refuses a password that breaks a rule, naming every broken rule. */
    static void check(String password) {
        List<String> problems = problems(password);
        if (!problems.isEmpty()) {
            throw BusinessException.invalid("PASSWORD_TOO_WEAK", String.join("；", problems));
        }
    }
}
