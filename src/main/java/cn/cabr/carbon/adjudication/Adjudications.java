package cn.cabr.carbon.adjudication;

import java.time.Clock;
import java.util.Optional;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import cn.cabr.carbon.exam.ExamDelivery;
import cn.cabr.carbon.exam.SittingStatus;
import cn.cabr.carbon.shared.BusinessException;

/** Violation adjudication (违纪裁定) of flagged or terminated sittings. A reason is always required. */
@Service
@Transactional
public class Adjudications {

    private static final int MIN_REASON_LENGTH = 5;

    private final AdjudicationRepository adjudications;
    private final ExamDelivery delivery;
    private final Clock clock;

    Adjudications(AdjudicationRepository adjudications, ExamDelivery delivery, Clock clock) {
        this.adjudications = adjudications;
        this.delivery = delivery;
        this.clock = clock;
    }

    public Adjudication record(long sittingId, String adjudicator, AdjudicationDecision decision, String reason) {
        if (decision == null) {
            throw BusinessException.invalid("ADJUDICATION_DECISION_MISSING", "请选择裁定结论");
        }
        if (reason == null || reason.strip().length() < MIN_REASON_LENGTH) {
            throw BusinessException.invalid("ADJUDICATION_REASON_REQUIRED",
                    "请填写裁定理由（至少 " + MIN_REASON_LENGTH + " 个字），考生和复核人员将看到此理由");
        }
        SittingStatus status = delivery.get(sittingId).getStatus();
        if (!status.ended() || status == SittingStatus.ABSENT) {
            throw BusinessException.conflict("SITTING_NOT_ADJUDICABLE", "该场考试当前不能裁定（" + status.label() + "）");
        }
        return adjudications.save(new Adjudication(sittingId, adjudicator, decision, reason.strip(), clock.instant()));
    }

    @Transactional(readOnly = true)
    public Optional<Adjudication> latest(long sittingId) {
        return adjudications.findFirstBySittingIdOrderByDecidedAtDescIdDesc(sittingId);
    }

    @Transactional(readOnly = true)
    public boolean violationConfirmed(long sittingId) {
        return latest(sittingId).map(a -> a.getDecision() == AdjudicationDecision.VIOLATION_CONFIRMED).orElse(false);
    }
}
