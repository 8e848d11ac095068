package cn.cabr.carbon.mail;

/** One plain-text e-mail to one person. Its {@link #toString()} shows neither the address in full nor the text. */
public record Mail(String to, String subject, String text) {

    @Override
    public String toString() {
        return "Mail[to=" + Mailer.mask(to) + ", subject=" + subject + "]";
    }
}
