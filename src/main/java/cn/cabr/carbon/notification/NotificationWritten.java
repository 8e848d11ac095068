package cn.cabr.carbon.notification;

/** Published inside the transaction that wrote the outbox row, so its delivery is scheduled atomically with it. */
public record NotificationWritten(long notificationId) {
}
