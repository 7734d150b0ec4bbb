package cn.yishi.supervision;

/**
 * Sends a message to every member of a Camunda group about a proposal. The notification feature's
 * bean {@code notifications} offers {@code toGroup(number, groupId, message)}; this interface keeps
 * the watch testable and independent of how notifications are queued.
 */
public interface GroupNotifications {

  void toGroup(String number, String groupId, String message);
}
