package cn.cabr.carbon.shared;

/** A person's name as lists show it: the surname and, from three characters on, the last character (张*峰, 李*). */
public final class PersonNames {

    private PersonNames() {
    }

    public static String mask(String fullName) {
        if (fullName == null || fullName.isBlank()) {
            return "—";
        }
        int[] chars = fullName.strip().codePoints().toArray();
        if (chars.length == 1) {
            return "*";
        }
        StringBuilder masked = new StringBuilder().appendCodePoint(chars[0]);
        masked.append("*".repeat(chars.length == 2 ? 1 : chars.length - 2));
        if (chars.length > 2) {
            masked.appendCodePoint(chars[chars.length - 1]);
        }
        return masked.toString();
    }
}
