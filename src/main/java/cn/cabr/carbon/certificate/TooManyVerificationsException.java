package cn.cabr.carbon.certificate;

/** A client asked for verifications faster than the limit allows; it may try again after {@code retryAfterSeconds}. */
class TooManyVerificationsException extends RuntimeException {

    private final long retryAfterSeconds;

    TooManyVerificationsException(long retryAfterSeconds) {
        super("查询过于频繁，请在 " + retryAfterSeconds + " 秒后再试");
        this.retryAfterSeconds = retryAfterSeconds;
    }

    long retryAfterSeconds() {
        return retryAfterSeconds;
    }
}
