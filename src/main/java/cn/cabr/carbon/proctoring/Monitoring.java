package cn.cabr.carbon.proctoring;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import cn.cabr.carbon.exam.ExamDelivery;
import cn.cabr.carbon.exam.Sitting;
import cn.cabr.carbon.exam.SittingStatus;
import cn.cabr.carbon.session.ExamSessions;
import cn.cabr.carbon.shared.BusinessException;

/**
 * Snapshots the answer page takes during the sitting: at a low rate, and with every flagged event (then linked to
 * it). Only while the candidate's own sitting is in progress.
 */
@Service
@Transactional
public class Monitoring {

    private final ExamDelivery delivery;
    private final Evidence evidence;
    private final ProctoringEventRepository events;
    private final Proctoring proctoring;
    private final FaceMatcher matcher;
    private final ExamSessions sessions;
    private final int checkSeconds;
    private final int snapshotSeconds;

    Monitoring(ExamDelivery delivery, Evidence evidence, ProctoringEventRepository events, Proctoring proctoring,
            FaceMatcher matcher, ExamSessions sessions, @Value("${certification.proctoring.face-check-seconds:5}") int checkSeconds,
            @Value("${certification.proctoring.snapshot-seconds:300}") int snapshotSeconds) {
        this.delivery = delivery;
        this.evidence = evidence;
        this.events = events;
        this.proctoring = proctoring;
        this.matcher = matcher;
        this.sessions = sessions;
        this.checkSeconds = checkSeconds;
        this.snapshotSeconds = snapshotSeconds;
    }

    /** What the answer page's monitor needs: how often to check, how long without a face is a flag, and so on. */
    public record MonitorSettings(boolean enabled, String modelUrl, int checkSeconds, int snapshotSeconds, int noFaceSeconds,
            double faceMatchThreshold, int darkBrightness) {
    }

    /**
     * Camera monitoring is on for the sessions that require the identity check-in (one setting: a session is
     * camera-proctored or not).
     */
    @Transactional(readOnly = true)
    public MonitorSettings settings(long candidateId, String applicationNumber) {
        Sitting sitting = delivery.owned(candidateId, applicationNumber);
        boolean enabled = sessions.get(sitting.getSessionId()).isIdentityCheckRequired();
        return new MonitorSettings(enabled, "/vendor/face-api/model", checkSeconds, snapshotSeconds,
                proctoring.secondsWithoutFaceOf(sitting.getId()), matcher.threshold(), DARK_BRIGHTNESS);
    }

    /** Mean brightness (0-255) below which the camera picture counts as covered. */
    private static final int DARK_BRIGHTNESS = 12;

    public EvidenceItem snapshot(long candidateId, String applicationNumber, Long eventId, String image) {
        Sitting sitting = delivery.owned(candidateId, applicationNumber);
        if (sitting.getStatus() != SittingStatus.IN_PROGRESS) {
            throw BusinessException.conflict("SITTING_NOT_IN_PROGRESS", "考试不在进行中（" + sitting.getStatus().label() + "），抓拍未保存");
        }
        if (eventId != null && events.findById(eventId).filter(e -> e.getSittingId().equals(sitting.getId())).isEmpty()) {
            throw BusinessException.invalid("EVENT_NOT_IN_SITTING", "抓拍关联的监考事件不属于本场考试");
        }
        return evidence.store(sitting, EvidenceKind.SNAPSHOT, eventId, image, "抓拍照片");
    }
}
