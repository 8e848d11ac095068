package cn.cabr.carbon.training;

import java.math.BigDecimal;

/** What an accepted import added. A rejected import adds nothing and answers with its row errors instead. */
public record ImportReport(String batch, int records, int candidates, BigDecimal hours) {
}
