package cn.cabr.carbon.portal;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

import cn.cabr.carbon.adjudication.TechnicalRemedies;
import cn.cabr.carbon.casefile.CaseStatus;
import cn.cabr.carbon.review.ReviewDecision;
import cn.cabr.carbon.review.ReviewOutcome;
import cn.cabr.carbon.session.Milestone;

/**
 * The candidate's case as a list of steps, from submission to certificate, each done, current, upcoming, failed
 * or skipped, with its date: the date it happened, or the session's date for what is still to come.
 */
final class CaseTimeline {

    enum State {
        DONE("已完成"), CURRENT("进行中"), UPCOMING("未开始"), FAILED("未通过"), SKIPPED("不适用");

        private final String label;

        State(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }

        public String css() {
            return name().toLowerCase();
        }
    }

    record Entry(String title, State state, String when, String detail) {
    }

    private CaseTimeline() {
    }

    /**
     * @param reviews the review decisions, oldest first
     * @param flagged whether the sitting was flagged by proctoring (it goes to adjudication)
     * @param dateTime formats an instant in Beijing time
     */
    static List<Entry> of(CaseStatus s, Instant submittedAt, List<ReviewDecision> reviews, boolean flagged,
            Function<Instant, String> dateTime) {
        return of(s, submittedAt, reviews, flagged, dateTime, null);
    }

    /** The same, with this candidate's materials deadline when a manager extended it (null: the session's). */
    static List<Entry> of(CaseStatus s, Instant submittedAt, List<ReviewDecision> reviews, boolean flagged,
            Function<Instant, String> dateTime, Instant materialsDeadline) {
        List<Entry> entries = new ArrayList<>();
        String outcome = s.outcome();
        boolean closed = outcome != null;
        String stage = s.stage();

        entries.add(new Entry("提交报名", submittedAt != null ? State.DONE : State.CURRENT,
                submittedAt != null ? dateTime.apply(submittedAt) : "截止 " + dateTime.apply(due(s, Milestone.APPLICATIONS_CLOSED)),
                submittedAt != null ? null : "填写报名信息、上传材料后提交"));

        ReviewDecision last = reviews.isEmpty() ? null : reviews.get(reviews.size() - 1);
        boolean approved = last != null && last.getDecision() == ReviewOutcome.APPROVE;
        for (ReviewDecision d : reviews) {
            if (d.getDecision() == ReviewOutcome.REQUEST_SUPPLEMENT) {
                boolean open = d == last && "SUPPLEMENT_REQUESTED".equals(stage);
                State state = open ? State.CURRENT : "INCOMPLETE".equals(outcome) && d == last ? State.FAILED : State.DONE;
                entries.add(new Entry("审核员要求补充材料", state, dateTime.apply(d.getDecidedAt()),
                        "审核意见：" + d.getReason() + (open ? "。请在 " + dateTime.apply(materialsDeadline != null ? materialsDeadline : due(s, Milestone.MATERIALS_CLOSED))
                                + " 前重新上传要求的材料并提交" : "")));
            }
        }
        if (submittedAt != null) {
            if (approved) {
                entries.add(new Entry("材料审核通过", State.DONE, dateTime.apply(last.getDecidedAt()), null));
            } else if (last != null && last.getDecision() == ReviewOutcome.REJECT) {
                entries.add(new Entry("材料审核未通过", State.FAILED, dateTime.apply(last.getDecidedAt()),
                        "审核意见：" + last.getReason()));
            } else if (!closed) {
                entries.add(new Entry("材料审核", "UNDER_REVIEW".equals(stage) ? State.CURRENT : State.UPCOMING, "", null));
            }
        }

        boolean reachedExamPart = approved && s.eligibility() != null && s.eligibility().eligible();
        if (s.eligibility() != null) {
            entries.add(new Entry("报考资格审查", s.eligibility().eligible() ? State.DONE : State.FAILED, "",
                    s.eligibility().reason()));
        } else {
            entries.add(new Entry("报考资格审查", "ELIGIBILITY_CHECK".equals(stage) ? State.CURRENT : skipOr(closed), "", null));
        }

        CaseStatus.Hours hours = s.hours();
        boolean hoursMet = hours.counted().intValue() >= hours.required();
        State hoursState = "INSUFFICIENT_HOURS".equals(outcome) ? State.FAILED
                : hoursMet && (s.sitting() != null || "WAITING_FOR_EXAM".equals(stage)) ? State.DONE
                : closed && !reachedExamPart ? State.SKIPPED : State.CURRENT;
        entries.add(new Entry("考前培训学时 " + hours.counted().stripTrailingZeros().toPlainString() + "/" + hours.required(),
                hoursState, "统计至 " + dateTime.apply(hours.countedUntil()), null));

        State examState = switch (stage) {
            case "EXAM_READY", "EXAM_IN_PROGRESS" -> State.CURRENT;
            default -> s.sitting() != null && !"READY".equals(s.sitting().status())
                    && !"IN_PROGRESS".equals(s.sitting().status())
                    ? ("ABSENT".equals(s.sitting().status()) ? State.FAILED : State.DONE)
                    : "ABSENT".equals(outcome) ? State.FAILED : closed ? State.SKIPPED : State.UPCOMING;
        };
        entries.add(new Entry("在线考试", examState, dateTime.apply(due(s, Milestone.EXAM_OPENED)),
                s.sitting() != null ? s.sitting().statusLabel() : null));

        if (flagged || s.adjudication() != null || s.sitting() != null && "TERMINATED".equals(s.sitting().status())) {
            State state = s.adjudication() != null ? ("VIOLATION_CONFIRMED".equals(s.adjudication().decision())
                    ? State.FAILED : State.DONE) : State.CURRENT;
            entries.add(new Entry("违纪核查", state, s.adjudication() != null ? dateTime.apply(s.adjudication().decidedAt()) : "",
                    s.adjudication() != null ? s.adjudication().decisionLabel() : "考试中有需要核查的监考记录，核查结果随成绩公布"));
        }

        CaseStatus.Result result = s.result();
        entries.add(new Entry("公布成绩", result != null ? ("PASSED".equals(result.outcome()) ? State.DONE : State.FAILED)
                : closed ? State.SKIPPED : "GRADING".equals(stage) ? State.CURRENT : State.UPCOMING,
                dateTime.apply(result != null ? result.publishedAt() : due(s, Milestone.SCORES_PUBLISHED)),
                result != null ? result.outcomeLabel() + "，总分 " + result.totalScore() + " / " + result.totalPoints() : null));

        entries.add(new Entry("颁发证书", s.certificate() != null ? State.DONE
                : closed ? State.SKIPPED : "WAITING_FOR_CERTIFICATE".equals(stage) ? State.CURRENT : State.UPCOMING,
                s.certificate() != null ? s.certificate().issuedOn() : dateTime.apply(due(s, Milestone.CERTIFICATES_ISSUED)),
                s.certificate() != null ? "证书编号 " + s.certificate().certificateNumber() : null));
        return entries;
    }

    /**
     * After a technical problem: the remedy (time credit or re-sit) as its own step after the exam, current while
     * the candidate may still enter, with the deadline.
     */
    static List<Entry> withRemedy(List<Entry> entries, TechnicalRemedies.RemedyView remedy,
            Function<Instant, String> dateTime) {
        if (remedy == null) {
            return entries;
        }
        List<Entry> result = new ArrayList<>(entries);
        int exam = 0;
        for (int i = 0; i < result.size(); i++) {
            if (result.get(i).title().equals("在线考试")) {
                exam = i;
            }
        }
        String what = remedy.minutes() != null ? remedy.kindLabel() + " " + remedy.minutes() + " 分钟" : remedy.kindLabel() + "（新试卷）";
        result.add(exam + 1, new Entry("技术故障补救", remedy.canEnter() ? State.CURRENT : State.DONE,
                "须于 " + dateTime.apply(remedy.windowEnd()) + " 前进入", what + "：" + remedy.state()));
        return result;
    }

    private static State skipOr(boolean closed) {
        return closed ? State.SKIPPED : State.UPCOMING;
    }

    private static Instant due(CaseStatus s, Milestone milestone) {
        return s.milestones().stream().filter(m -> m.milestone().equals(milestone.name())).findFirst()
                .map(CaseStatus.Milestone::dueAt).orElse(null);
    }
}
