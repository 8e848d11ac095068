package cn.cabr.carbon.process;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/** Read by SendMail.bpmn: how often and how far apart a failing mail is tried again before it becomes an incident. */
@Component("mailSettings")
public class MailSettings {

    private final String retryCycle;

    MailSettings(@Value("${certification.mail.retry-cycle:R6/PT10M}") String retryCycle) {
        this.retryCycle = retryCycle;
    }

    public String getRetryCycle() {
        return retryCycle;
    }
}
