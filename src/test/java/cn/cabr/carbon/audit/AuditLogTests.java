package cn.cabr.carbon.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import cn.cabr.carbon.shared.BusinessException;
import cn.cabr.carbon.support.IntegrationTest;

@IntegrationTest
class AuditLogTests {

    @Autowired
    AuditLog auditLog;

    @Test
    void anEntryIsKeptWithWhoWhatAndWhy_andFoundByItsCase() {
        String number = "AUDIT-" + System.nanoTime();
        auditLog.record(AuditAction.EXTRA_TIME_GRANTED, "manager", number, "2026-4", "延长考试时间 10 分钟", "考生网络中断");

        assertThat(auditLog.forApplication(number)).singleElement().satisfies(entry -> {
            assertThat(entry.getActor()).isEqualTo("manager");
            assertThat(entry.getAction().label()).isEqualTo("延长考试时间");
            assertThat(entry.getDetail()).isEqualTo("延长考试时间 10 分钟");
            assertThat(entry.getReason()).isEqualTo("考生网络中断");
            assertThat(entry.getOccurredAt()).isNotNull();
        });
    }

    @Test
    void anEntryWithoutActorIsRefused_andASearchNeedsANumber() {
        assertThatThrownBy(() -> auditLog.record(AuditAction.MILESTONE_FIRED, " ", null, "2026-4", "x", null))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> auditLog.forApplication(" ")).isInstanceOf(BusinessException.class);
    }
}
