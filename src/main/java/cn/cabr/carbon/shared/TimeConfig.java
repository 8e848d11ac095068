package cn.cabr.carbon.shared;

import java.time.Clock;
import java.time.ZoneId;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration
class TimeConfig {

    /** One clock for every deadline check, so tests can move time without sleeping. */
    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }

    /** The zone the notice's dates are given in (Beijing time), used to show and parse dates. */
    @Bean
    ZoneId businessZone(@Value("${certification.zone}") String zone) {
        return ZoneId.of(zone);
    }
}
