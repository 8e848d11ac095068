package cn.cabr.carbon.calendar;

/** How a date differs from the ordinary week (Monday to Friday working, Saturday and Sunday rest). */
public enum CalendarDayKind {
    /** A statutory holiday or a day of its rest period: not a working day, whatever the weekday. */
    HOLIDAY("放假"),
    /** A Saturday or Sunday that is a working day because of the holiday adjustment (调休上班). */
    ADJUSTED_WORKDAY("调休上班");

    private final String label;

    CalendarDayKind(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
