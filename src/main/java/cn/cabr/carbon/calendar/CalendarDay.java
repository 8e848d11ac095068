package cn.cabr.carbon.calendar;

import java.time.LocalDate;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** One exception to the ordinary week: a holiday or an adjusted working weekend day. */
@Entity
@Table(name = "working_calendar_day")
class CalendarDay {

    @Id
    @Column(name = "calendar_date")
    private LocalDate date;
    @Enumerated(EnumType.STRING)
    private CalendarDayKind kind;
    private String name;

    protected CalendarDay() {
    }

    CalendarDay(LocalDate date, CalendarDayKind kind, String name) {
        this.date = date;
        this.kind = kind;
        this.name = name;
    }

    LocalDate getDate() {
        return date;
    }

    CalendarDayKind getKind() {
        return kind;
    }

    String getName() {
        return name;
    }
}
