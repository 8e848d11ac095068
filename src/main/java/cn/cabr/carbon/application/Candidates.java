package cn.cabr.carbon.application;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Optional;

import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import cn.cabr.carbon.shared.BusinessException;

/** Candidate accounts: registration and lookups. */
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

    public Candidate register(Registration registration) {
        IdCardNumber idCard = IdCardNumber.parse(registration.idNumber(), LocalDate.now(clock.withZone(zone)));
        if (candidates.existsByMobile(registration.mobile())) {
            throw BusinessException.conflict("MOBILE_TAKEN", "该手机号码已注册，请直接登录");
        }
        String hash = protector.lookupHash(idCard.value());
        if (candidates.existsByIdNumberHash(hash)) {
            throw BusinessException.conflict("ID_NUMBER_TAKEN", "该身份证号码已注册账号，请使用原账号登录");
        }
        String email = registration.email() == null || registration.email().isBlank() ? null : registration.email().strip();
        return candidates.save(new Candidate(registration.mobile(), email, passwordEncoder.encode(registration.password()),
                registration.fullName().strip(), idCard.value(), hash, clock.instant()));
    }

    @Transactional(readOnly = true)
    public Optional<Candidate> findByMobile(String mobile) {
        return candidates.findByMobile(mobile);
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
}
