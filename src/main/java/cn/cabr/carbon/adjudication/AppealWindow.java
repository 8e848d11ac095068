package cn.cabr.carbon.adjudication;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** How many days a session's candidates have to appeal an adjudication. */
@Entity
@Table(name = "adjudication_appeal_window")
class AppealWindow {

    @Id
    private Long sessionId;
    private int days;

    protected AppealWindow() {
    }

    AppealWindow(Long sessionId, int days) {
        this.sessionId = sessionId;
        this.days = days;
    }

    int getDays() {
        return days;
    }

    void setDays(int days) {
        this.days = days;
    }
}
