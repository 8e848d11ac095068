package cn.cabr.carbon.training;

import java.math.BigDecimal;
import java.time.Instant;

/** Hours counted up to the session's cutoff against the hours the session requires. */
public record HoursCheck(BigDecimal counted, int required, Instant cutoff) {

    public boolean sufficient() {
        return counted.compareTo(BigDecimal.valueOf(required)) >= 0;
    }
}
