package cn.cabr.carbon.adjudication;

import java.time.Instant;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** What a proctor told a candidate during the sitting: a warning, or why the sitting was ended. */
@Entity
@Table(name = "proctor_message")
public class ProctorMessage {

    public static final String WARNING = "WARNING";
    public static final String TERMINATION = "TERMINATION";

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    private Long sittingId;
    private String kind;
    private String message;
    private String sentBy;
    private Instant sentAt;

    protected ProctorMessage() {
    }

    ProctorMessage(Long sittingId, String kind, String message, String sentBy, Instant sentAt) {
        this.sittingId = sittingId;
        this.kind = kind;
        this.message = message;
        this.sentBy = sentBy;
        this.sentAt = sentAt;
    }

    public Long getId() {
        return id;
    }

    public Long getSittingId() {
        return sittingId;
    }

    public String getKind() {
        return kind;
    }

    public String getMessage() {
        return message;
    }

    public String getSentBy() {
        return sentBy;
    }

    public Instant getSentAt() {
        return sentAt;
    }
}
