package cn.cabr.carbon.process;

/**
 * Names of the CertificationCase variables: ids, and the few values the gateways read. Nothing else of the
 * business data lives in the engine.
 */
public final class CaseVariables {

    public static final String PROCESS_KEY = "CertificationCase";

    public static final String CANDIDATE_ID = "candidateId";
    public static final String APPLICATION_ID = "applicationId";
    public static final String SESSION_ID = "sessionId";
    public static final String SITTING_ID = "sittingId";

    /** Gateway flags and outcomes. */
    public static final String REVIEW_DECISION = "reviewDecision";
    public static final String ELIGIBLE = "eligible";
    public static final String HOURS_SUFFICIENT = "hoursSufficient";
    public static final String SITTING_OUTCOME = "sittingOutcome";
    public static final String PROCTORING_FLAGGED = "proctoringFlagged";
    public static final String RESULT_OUTCOME = "resultOutcome";
    /** Local to one answer's marking subprocess: 2 or 3 when another marking round is needed, 0 when settled. */
    public static final String NEXT_MARKING_ROUND = "nextMarkingRound";
    /** The decision of the adjudication task just completed (违纪裁定 subprocess gateways). */
    public static final String ADJUDICATION_DECISION = "adjudicationDecision";
    /** Whether the decision in force may be appealed, and until when (the appeal window's timer). */
    public static final String APPEALABLE = "appealable";
    public static final String APPEAL_DEADLINE = "appealDeadline";
    /** The technical-problem remedy of the decision in force: TIME_CREDIT, RESIT or NONE (the gateway after 违纪裁定). */
    public static final String TECHNICAL_REMEDY = "technicalRemedy";
    public static final String NO_REMEDY = "NONE";
    /** When the remedy's window closes (its timer), and what the window's end found. */
    public static final String REMEDY_DEADLINE = "remedyDeadline";
    public static final String REMEDY_WINDOW_OUTCOME = "remedyWindowOutcome";
    /** When the appeal review is due. */
    public static final String APPEAL_DUE = "appealDue";

    /** Transient or task-local values. */
    public static final String ELIGIBILITY_RESULT = "eligibilityResult";
    public static final String ANSWER_ID = "answerId";

    /** Messages the case waits for. */
    public static final String MESSAGE_SUPPLEMENT_SUBMITTED = "SupplementSubmitted";
    public static final String MESSAGE_SITTING_ENDED = "SittingEnded";
    public static final String MESSAGE_APPEAL_FILED = "AppealFiled";

    private CaseVariables() {
    }
}
