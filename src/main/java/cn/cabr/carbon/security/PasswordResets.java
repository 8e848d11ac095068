package cn.cabr.carbon.security;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import cn.cabr.carbon.application.Candidate;
import cn.cabr.carbon.application.Candidates;
import cn.cabr.carbon.mail.Mail;
import cn.cabr.carbon.mail.Mailer;
import cn.cabr.carbon.shared.BusinessException;

/**
 * Forgotten passwords: a one-time link by e-mail (a random token of 256 bits, only its hash stored), valid for a
 * limited time, used once, and void once a newer one is requested. The request is answered the same way whether
 * or not the account exists; the mail goes out in the background. Staff passwords are managed in Camunda Admin.
 */
@Service
public class PasswordResets {

    private static final Logger log = LoggerFactory.getLogger(PasswordResets.class);
    private static final SecureRandom RANDOM = new SecureRandom();

    private final PasswordResetTokenRepository tokens;
    private final Candidates candidates;
    private final LoginLockout lockout;
    private final Mailer mailer;
    private final PublicUrl publicUrl;
    private final AccountSettings settings;
    private final Clock clock;
    private final TransactionTemplate transaction;

    PasswordResets(PasswordResetTokenRepository tokens, Candidates candidates, LoginLockout lockout, Mailer mailer,
            PublicUrl publicUrl, AccountSettings settings, Clock clock, PlatformTransactionManager transactionManager) {
        this.tokens = tokens;
        this.candidates = candidates;
        this.lockout = lockout;
        this.mailer = mailer;
        this.publicUrl = publicUrl;
        this.settings = settings;
        this.clock = clock;
        this.transaction = new TransactionTemplate(transactionManager);
    }

    /**
     * Sends a reset link to the e-mail address of the account with this mobile number or e-mail address, if there
     * is one with an address. Nothing tells the caller whether there was: the answer is the same either way. A
     * second request within a minute sends nothing (the first mail is on its way), so nobody can flood a mailbox.
     */
    public void request(String login) {
        Optional<Mail> mail = transaction.execute(status -> issue(login));
        mail.ifPresent(mailer::sendLater);
    }

    private Optional<Mail> issue(String login) {
        Optional<Candidate> found = candidates.findByLogin(login);
        if (found.isEmpty() || found.get().getEmail() == null) {
            return Optional.empty();
        }
        Candidate candidate = found.get();
        Instant now = clock.instant();
        var open = tokens.findOpenByCandidateId(candidate.getId());
        if (open.stream().anyMatch(t -> t.getCreatedAt().plus(settings.resetRequestInterval()).isAfter(now))) {
            log.info("Password reset for candidate {} requested again within {}; no new mail", candidate.getId(),
                    settings.resetRequestInterval());
            return Optional.empty();
        }
        open.forEach(t -> t.supersede(now));
        String token = newToken();
        tokens.save(new PasswordResetToken(candidate.getId(), hash(token), now, now.plus(settings.resetLinkValidity())));
        log.info("Password reset link issued for candidate {}", candidate.getId());
        return Optional.of(new Mail(candidate.getEmail(), "【碳排放管理专业技术人员考试】重设密码",
                text(candidate, publicUrl.of("/password/reset?token=" + token))));
    }

    private String text(Candidate candidate, String link) {
        return candidate.getFullName() + "，您好：\n\n"
                + "我们收到了为您在“碳排放管理专业技术人员培训及考试”系统中的账号（手机号码 " + maskMobile(candidate.getMobile())
                + "）重设密码的申请。请在 " + settings.resetLinkValidity().toMinutes()
                + " 分钟内打开以下链接设置新密码，链接只能使用一次：\n\n" + link + "\n\n"
                + "如果这不是您本人的操作，请忽略本邮件，您的密码不会改变。\n\n"
                + "中国建筑科学研究院有限公司认证中心\n（本邮件由系统自动发送，请勿直接回复）\n";
    }

    /**
     * Checks a link before the page offers the form; refuses with why it cannot be used (unknown, used, replaced by
     * a newer one, or expired).
     */
    public void check(String token) {
        transaction.executeWithoutResult(status -> usable(find(token, false)));
    }

    /** Sets the new password through the link, which is used up; the account's sign-in lock is lifted. */
    public void reset(String token, String newPassword) {
        long candidateId = transaction.execute(status -> {
            PasswordResetToken reset = find(token, true);
            usable(reset);
            candidates.changePassword(reset.getCandidateId(), newPassword);
            reset.use(clock.instant());
            return reset.getCandidateId();
        });
        lockout.clear(LoginLockout.AccountKey.candidate(candidateId));
        log.info("Password of candidate {} reset by e-mail link", candidateId);
    }

    private PasswordResetToken find(String token, boolean lock) {
        if (token == null || token.isBlank()) {
            throw invalidLink();
        }
        String hash = hash(token.strip());
        return (lock ? tokens.lockByTokenHash(hash) : tokens.findByTokenHash(hash)).orElseThrow(PasswordResets::invalidLink);
    }

    private void usable(PasswordResetToken reset) {
        if (reset.getUsedAt() != null) {
            throw gone("RESET_LINK_USED", "该重设密码链接已经使用过，每个链接只能使用一次。如需再次重设，请重新申请。");
        }
        if (reset.getSupersededAt() != null) {
            throw gone("RESET_LINK_SUPERSEDED", "您之后又申请过重设密码，此链接已失效，请使用最新一封邮件中的链接。");
        }
        if (!reset.getExpiresAt().isAfter(clock.instant())) {
            throw gone("RESET_LINK_EXPIRED", "重设密码链接已过期（有效期 " + settings.resetLinkValidity().toMinutes()
                    + " 分钟），请重新申请。");
        }
    }

    private static BusinessException invalidLink() {
        return BusinessException.notFound("RESET_LINK_INVALID", "重设密码链接无效，请检查链接是否完整（可从邮件中复制完整地址），或重新申请。");
    }

    private static BusinessException gone(String code, String message) {
        return new BusinessException(BusinessException.Kind.GONE, code, message);
    }

    private static String newToken() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    static String hash(String token) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String maskMobile(String mobile) {
        return mobile == null || mobile.length() < 7 ? "***" : mobile.substring(0, 3) + "****" + mobile.substring(mobile.length() - 4);
    }
}
