package cn.cabr.carbon.process;

import java.util.List;
import java.util.stream.Collectors;

import cn.cabr.carbon.scoring.WaitingSitting;
import cn.cabr.carbon.shared.BusinessException;

/** 409: the session's results cannot be published while these sittings wait for grading or adjudication. */
class PublicationBlockedException extends BusinessException {

    static final int LISTED_IN_MESSAGE = 10;

    private final int waitingCount;
    private final List<WaitingSitting> waiting;

    PublicationBlockedException(String sessionName, int waitingCount, List<WaitingSitting> waiting) {
        super(Kind.CONFLICT, "PUBLICATION_BLOCKED", message(sessionName, waitingCount, waiting));
        this.waitingCount = waitingCount;
        this.waiting = waiting;
    }

    int waitingCount() {
        return waitingCount;
    }

    List<WaitingSitting> waiting() {
        return waiting;
    }

    private static String message(String sessionName, int count, List<WaitingSitting> waiting) {
        String listed = waiting.stream().limit(LISTED_IN_MESSAGE)
                .map(w -> w.applicationNumber() + " " + w.candidateName() + " " + w.waitingFor())
                .collect(Collectors.joining("；"));
        return sessionName + "有 " + count + " 名考生的阅卷或违纪裁定尚未完成，暂不能公布成绩：" + listed
                + (count > LISTED_IN_MESSAGE ? "；等（共 " + count + " 名，见 waiting 列表）" : "")
                + "。请待其完成后再公布；如需先行公布已完成的成绩，请提交 {\"publishReady\": true, \"reason\": \"理由\"}，"
                + "其余考生的成绩将在阅卷或裁定完成后自动公布。";
    }
}
