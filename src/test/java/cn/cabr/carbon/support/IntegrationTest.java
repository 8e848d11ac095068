package cn.cabr.carbon.support;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;

/**
 * The whole application on a random port, one context shared by every integration test class. The database is
 * H2 in a fresh directory, or PostgreSQL when SPRING_PROFILES_ACTIVE=postgres (see .ci/run). The job executor and
 * the overdue-sitting scheduler and the network-gap detector are off: tests run jobs and time-outs explicitly, on a clock they control. Mail goes
 * to a GreenMail server ({@link TestMailServer}).
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "certification.data-dir=./target/test-data/${random.uuid}",
        "camunda.bpm.job-execution.enabled=false",
        "certification.exam.overdue-scheduler-enabled=false",
        "certification.proctoring.network-gap-detector-enabled=false",
        "certification.demo.enabled=true",
        "spring.mail.host=127.0.0.1"})
@Import({TestClock.class, CaseFixtures.class, TestMailServer.class})
public @interface IntegrationTest {
}
