package cn.cabr.carbon.proctoring;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import org.springframework.data.domain.PageRequest;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import cn.cabr.carbon.exam.Sitting;
import cn.cabr.carbon.security.Roles;
import cn.cabr.carbon.security.SignedInUser;
import cn.cabr.carbon.session.ExamSessions;
import cn.cabr.carbon.session.SessionDuty;
import cn.cabr.carbon.session.SessionStaff;
import cn.cabr.carbon.shared.BusinessException;
import cn.cabr.carbon.storage.FileStorage;
import cn.cabr.carbon.storage.StoredFile;
import cn.cabr.carbon.storage.UploadInspector;

/**
 * Face images and snapshots of sittings: sensitive personal information. Stored encrypted, shown only to the
 * proctors and adjudicators of the sitting's session and to managers (anyone else gets "not found"), deleted when
 * the session's retention period has passed, with a record of each deletion. Never logged.
 */
@Service
@Transactional
public class Evidence {

    static final Map<String, String> IMAGE_TYPES = Map.of("image/jpeg", "JPG 图片", "image/png", "PNG 图片");
    private static final int PURGE_BATCH = 200;

    private final EvidenceItemRepository items;
    private final EvidenceDeletionRepository deletions;
    private final EvidenceCipher cipher;
    private final FileStorage storage;
    private final UploadInspector inspector;
    private final ExamSessions sessions;
    private final SessionStaff staff;
    private final Clock clock;

    Evidence(EvidenceItemRepository items, EvidenceDeletionRepository deletions, EvidenceCipher cipher,
            FileStorage storage, UploadInspector inspector, ExamSessions sessions, SessionStaff staff, Clock clock) {
        this.items = items;
        this.deletions = deletions;
        this.cipher = cipher;
        this.storage = storage;
        this.inspector = inspector;
        this.sessions = sessions;
        this.staff = staff;
        this.clock = clock;
    }

    /** Stores an image the browser sent as base64 (a data URL or bare), encrypted, due for deletion per session. */
    EvidenceItem store(Sitting sitting, EvidenceKind kind, Long eventId, String base64Image, String what) {
        byte[] image = decode(base64Image, what);
        inspector.inspect(image, IMAGE_TYPES);
        StoredFile stored = storage.store(cipher.encrypt(image));
        Instant now = clock.instant();
        int days = sessions.get(sitting.getSessionId()).getEvidenceRetentionDays();
        return items.save(new EvidenceItem(sitting.getId(), sitting.getSessionId(), eventId, kind, stored.key(),
                stored.sha256(), image.length, now, now.plus(Duration.ofDays(days))));
    }

    /** The sitting's evidence for a staff member of its session. */
    @Transactional(readOnly = true)
    public List<EvidenceItem> of(long sittingId, long sessionId, SignedInUser user) {
        requireAccess(sessionId, user);
        return items.findBySittingIdOrderByTakenAtAscIdAsc(sittingId);
    }

    /** The decrypted image, for a staff member of the evidence's session. */
    @Transactional(readOnly = true)
    public byte[] image(long evidenceId, SignedInUser user) {
        EvidenceItem item = items.findById(evidenceId).orElseThrow(Evidence::notFound);
        requireAccess(item.getSessionId(), user);
        return cipher.decrypt(storage.read(item.getStorageKey(), item.getSha256()));
    }

    @Transactional(readOnly = true)
    public List<EvidenceDeletion> deletionsOf(long sittingId) {
        return deletions.findBySittingIdOrderByIdAsc(sittingId);
    }

    /** Managers, and the proctors and adjudicators assigned to the session; anyone else is told "not found". */
    @Transactional(readOnly = true)
    public void requireAccess(long sessionId, SignedInUser user) {
        if (!mayAccess(sessionId, user)) {
            throw notFound();
        }
    }

    @Transactional(readOnly = true)
    public boolean mayAccess(long sessionId, SignedInUser user) {
        if (user == null || user.isCandidate()) {
            return false;
        }
        return user.staffGroups().contains(Roles.GROUP_MANAGER)
                || staff.isAssigned(sessionId, user.username(), SessionDuty.PROCTOR)
                || staff.isAssigned(sessionId, user.username(), SessionDuty.ADJUDICATOR);
    }

    /** Deletes every image whose retention has ended (file first, then the row) and records each deletion. */
    public int purgeDue() {
        Instant now = clock.instant();
        int deleted = 0;
        List<EvidenceItem> due;
        do {
            due = items.findByDeleteAfterLessThanEqualOrderByIdAsc(now, PageRequest.of(0, PURGE_BATCH));
            for (EvidenceItem item : due) {
                storage.delete(item.getStorageKey());
                deletions.save(new EvidenceDeletion(item, now));
                items.delete(item);
                deleted++;
            }
            items.flush();
        } while (due.size() == PURGE_BATCH);
        return deleted;
    }

    private static byte[] decode(String base64Image, String what) {
        if (base64Image == null || base64Image.isBlank()) {
            throw BusinessException.invalid("IMAGE_MISSING", "缺少" + what + "，请重新拍摄");
        }
        String data = base64Image.strip();
        if (data.startsWith("data:")) {
            data = data.substring(data.indexOf(',') + 1);
        }
        try {
            return Base64.getDecoder().decode(data);
        } catch (IllegalArgumentException e) {
            throw BusinessException.invalid("IMAGE_INVALID", what + "的数据无效，请重新拍摄");
        }
    }

    private static BusinessException notFound() {
        return BusinessException.notFound("EVIDENCE_NOT_FOUND", "监考证据不存在或您无权查看");
    }
}
