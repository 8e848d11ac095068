package cn.cabr.carbon.application;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A candidate's account and identity. The ID-card number is encrypted at rest and masked wherever shown. */
@Entity
@Table(name = "candidate")
public class Candidate {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    private String mobile;
    private String email;
    private String passwordHash;
    private String fullName;
    @Convert(converter = IdNumberConverter.class)
    @Column(name = "id_number_cipher")
    private String idNumber;
    private String idNumberHash;
    private Instant createdAt;

    protected Candidate() {
    }

    Candidate(String mobile, String email, String passwordHash, String fullName, String idNumber, String idNumberHash,
            Instant createdAt) {
        this.mobile = mobile;
        this.email = email;
        this.passwordHash = passwordHash;
        this.fullName = fullName;
        this.idNumber = idNumber;
        this.idNumberHash = idNumberHash;
        this.createdAt = createdAt;
    }

    public Long getId() {
        return id;
    }

    public String getMobile() {
        return mobile;
    }

    public String getEmail() {
        return email;
    }

    public String getPasswordHash() {
        return passwordHash;
    }

    public String getFullName() {
        return fullName;
    }

    /** In clear: for the certificate and the staff's identity check only; never log it. */
    public String getIdNumber() {
        return idNumber;
    }

    void changePasswordHash(String passwordHash) {
        this.passwordHash = passwordHash;
    }

    public String getMaskedIdNumber() {
        return IdCardNumber.mask(idNumber);
    }
}
