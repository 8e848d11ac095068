package cn.cabr.carbon.application;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Locale;
import java.util.Optional;

import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import cn.cabr.carbon.shared.BusinessException;

/** Candidate accounts: registration, lookups and password changes. */
@Service
@Transactional
public class Candidates {

    private final CandidateRepository candidates;
    private final PiiProtector protector;
    private final PasswordEncoder passwordEncoder;
    private final Clock clock;
    private final ZoneId zone;

    Candidates(CandidateRepository candidates, PiiProtector protector, PasswordEncoder passwordEncoder, Clock clock,
            ZoneId businessZone) {
        this.candidates = candidates;
        this.protector = protector;
        this.passwordEncoder = passwordEncoder;
        this.clock = clock;
        this.zone = businessZone;
    }

    /**
     * Opens an account. Refuses, each with its own code and message: an invalid ID-card number, a weak password,
     * a missing e-mail address, and a mobile number, e-mail address or ID-card number that already has an account.
     */
    public Candidate register(Registration registration) {
        IdCardNumber idCard = IdCardNumber.parse(registration.idNumber(), LocalDate.now(clock.withZone(zone)));
        PasswordPolicy.check(registration.password());
        String email = normalizeEmail(registration.email());
        if (email == null) {
            throw BusinessException.invalid("EMAIL_REQUIRED", "请填写电子邮箱（用于找回密码和接收考试通知）");
        }
        if (candidates.existsByMobile(registration.mobile())) {
            throw BusinessException.conflict("MOBILE_TAKEN", "该手机号码已注册，请直接登录");
        }
        if (candidates.existsByEmail(email)) {
            throw BusinessException.conflict("EMAIL_TAKEN", "该电子邮箱已被其他账号使用，请更换邮箱或直接登录");
        }
        String hash = protector.lookupHash(idCard.value());
        if (candidates.existsByIdNumberHash(hash)) {
            throw BusinessException.conflict("ID_NUMBER_TAKEN", "该身份证号码已注册账号，请使用原账号登录");
        }
        return candidates.save(new Candidate(registration.mobile(), email, passwordEncoder.encode(registration.password()),
                registration.fullName().strip(), idCard.value(), hash, clock.instant()));
    }

    @Transactional(readOnly = true)
    public Optional<Candidate> findByMobile(String mobile) {
        return candidates.findByMobile(mobile);
    }

    /** The account a candidate signs in with: their mobile number, or their e-mail address (any letter case). */
    @Transactional(readOnly = true)
    public Optional<Candidate> findByLogin(String login) {
        if (login == null || login.isBlank()) {
            return Optional.empty();
        }
        String name = login.strip();
        return name.contains("@") ? candidates.findByEmail(normalizeEmail(name)) : candidates.findByMobile(name);
    }

    @Transactional(readOnly = true)
    public Optional<Candidate> findByIdNumber(String idNumber) {
        return candidates.findByIdNumberHash(protector.lookupHash(idNumber.strip().toUpperCase()));
    }

    @Transactional(readOnly = true)
    public Candidate get(long candidateId) {
        return candidates.findById(candidateId)
                .orElseThrow(() -> BusinessException.notFound("CANDIDATE_NOT_FOUND", "考生不存在"));
    }

    /** Sets a new password that meets {@link PasswordPolicy} (after a password reset). */
    public void changePassword(long candidateId, String newPassword) {
        PasswordPolicy.check(newPassword);
        get(candidateId).changePasswordHash(passwordEncoder.encode(newPassword));
    }

    static String normalizeEmail(String email) {
        return email == null || email.isBlank() ? null : email.strip().toLowerCase(Locale.ROOT);
    }
}
