package cn.cabr.carbon.scoring;

/**
 * A sitting of the session whose result cannot be computed yet because staff still have work on it.
 *
 * @param applicationNumber the case
 * @param candidateName the candidate's name, masked (张*峰)
 * @param waitingFor what it waits for, in Chinese: 阅卷（2 题未评）, 违纪裁定, 申诉复核…
 */
public record WaitingSitting(String applicationNumber, String candidateName, String waitingFor) {
}
