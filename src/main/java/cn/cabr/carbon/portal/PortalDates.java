package cn.cabr.carbon.portal;

import java.time.Instant;
import java.time.ZoneId;

import org.springframework.stereotype.Component;

import cn.cabr.carbon.shared.Dates;

/** Beijing-time formatting for the templates: {@code ${@dates.dateTime(x)}}. */
@Component("dates")
public class PortalDates {

    private final ZoneId zone;

    PortalDates(ZoneId businessZone) {
        this.zone = businessZone;
    }

    public String dateTime(Instant instant) {
        return instant == null ? "" : Dates.dateTime(instant, zone);
    }

    public String date(Instant instant) {
        return instant == null ? "" : Dates.date(instant, zone);
    }
}
