package cn.cabr.carbon.process;

import static cn.cabr.carbon.process.IdentityCheckVariables.IDENTITY_CHECK_ID;
import static cn.cabr.carbon.process.IdentityCheckVariables.IDENTITY_DECISION;
import static cn.cabr.carbon.process.IdentityCheckVariables.IDENTITY_REASON;
import static cn.cabr.carbon.process.IdentityCheckVariables.PROCESS_KEY;
import static cn.cabr.carbon.process.IdentityCheckVariables.SESSION_ID;

import java.time.ZoneId;
import java.util.Map;

import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.variable.Variables;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import cn.cabr.carbon.proctoring.IdentityCheck;
import cn.cabr.carbon.proctoring.IdentityCheckIn;
import cn.cabr.carbon.proctoring.IdentityReviewRequested;
import cn.cabr.carbon.security.Roles;
import cn.cabr.carbon.shared.BusinessException;
import cn.cabr.carbon.shared.Dates;

/**
 * The proctor's short-deadline identity decision: a small process per check-in whose faces did not match closely
 * enough, started inside the check-in's transaction; the task's completion records the decision (or refuses an
 * incomplete one, which rolls the completion back and shows the message in Tasklist).
 */
@Component("identityCheckProcesses")
public class IdentityCheckProcesses {

    private final RuntimeService runtimeService;
    private final IdentityCheckIn checkIn;
    private final ZoneId zone;

    IdentityCheckProcesses(RuntimeService runtimeService, IdentityCheckIn checkIn, ZoneId businessZone) {
        this.runtimeService = runtimeService;
        this.checkIn = checkIn;
        this.zone = businessZone;
    }

    @EventListener
    void onReviewRequested(IdentityReviewRequested event) {
        runtimeService.startProcessInstanceByKey(PROCESS_KEY, event.applicationNumber(), Map.of(
                IDENTITY_CHECK_ID, event.identityCheckId(),
                SESSION_ID, event.sessionId()));
    }

    /** 核验考生身份 (create): what the proctor needs to see, as task-local variables for the form. */
    public void prepare(DelegateTask task) {
        IdentityCheck check = checkIn.get((Long) task.getVariable(IDENTITY_CHECK_ID));
        task.setVariableLocal("identitySummary", "报名编号 " + check.getApplicationNumber() + "；提交时间 "
                + Dates.dateTime(check.getCreatedAt(), zone) + "\n\n与报名照片的距离 "
                + distance(check.getPhotoDistance()) + "，与身份证照片的距离 " + distance(check.getIdCardDistance()) + "（阈值 " + String.format("%.2f", check.getThreshold())
                + "，低于阈值视为同一人）\n\n[查看考前人脸照片和手持身份证照片](/staff/sittings/" + check.getSittingId()
                + "/evidence)");
        task.setVariableLocal(IDENTITY_DECISION, Variables.stringValue(null));
        task.setVariableLocal(IDENTITY_REASON, Variables.stringValue(null));
    }

    /**
     * 核验考生身份（已超时） (create): the proctors did not decide within five minutes; the task is now open to the
     * managers as well, and the candidate's waiting page says that the check takes longer.
     */
    public void escalated(DelegateTask task) {
        checkIn.escalate((Long) task.getVariable(IDENTITY_CHECK_ID));
        prepare(task);
    }

    /** 核验超时未决 (end): nobody decided in 35 minutes; the candidate may submit a new check-in. */
    public void expired(DelegateExecution execution) {
        checkIn.expire((Long) execution.getVariable(IDENTITY_CHECK_ID));
    }

    /** 核验考生身份 (complete): confirmed or refused, always with a reason. */
    public void decided(DelegateTask task) {
        Object decision = submitted(task, IDENTITY_DECISION);
        if (decision == null || !(decision.toString().equals("CONFIRMED") || decision.toString().equals("REFUSED"))) {
            throw BusinessException.invalid("DECISION_MISSING", "请选择核验结论（确认是本人 / 不是本人）");
        }
        Object reason = submitted(task, IDENTITY_REASON);
        String actor = actor(task);
        checkIn.decide((Long) task.getVariable(IDENTITY_CHECK_ID), actor, decision.toString().equals("CONFIRMED"),
                reason == null ? null : reason.toString(), isManager(task, actor));
    }

    /** The signed-in decider's groups, as the engine authenticated them (Tasklist, REST). */
    private static boolean isManager(DelegateTask task, String actor) {
        var authentication = task.getProcessEngineServices().getIdentityService().getCurrentAuthentication();
        return actor != null && authentication != null && actor.equals(authentication.getUserId())
                && authentication.getGroupIds() != null && authentication.getGroupIds().contains(Roles.GROUP_MANAGER);
    }

    private static String distance(Double value) {
        return value == null ? "无法计算（该证件照片中未检测到人脸）" : String.format("%.3f", value);
    }

    private static Object submitted(DelegateTask task, String field) {
        Object local = task.getVariableLocal(field);
        return local != null ? local : task.getExecution().getVariable(field);
    }

    private static String actor(DelegateTask task) {
        var authentication = task.getProcessEngineServices().getIdentityService().getCurrentAuthentication();
        String user = authentication == null ? null : authentication.getUserId();
        return user != null ? user : task.getAssignee();
    }
}
