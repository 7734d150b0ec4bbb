package cn.yishi.audit;

import java.util.Map;

/**
 * Chinese names for what Camunda's user operation log records (operation types, the kinds of thing
 * operated on, and the properties changed), so that the trail's {@code OPERATION} events read in
 * Chinese. An unknown name is shown as Camunda wrote it: nothing recorded is hidden.
 */
final class OperationLabels {

  private static final Map<String, String> OPERATIONS =
      Map.ofEntries(
          Map.entry("Claim", "认领"),
          Map.entry("Complete", "完成"),
          Map.entry("Assign", "指派"),
          Map.entry("SetOwner", "设置负责人"),
          Map.entry("Delegate", "委托"),
          Map.entry("Resolve", "委托办结"),
          Map.entry("SetPriority", "设置优先级"),
          Map.entry("Update", "修改"),
          Map.entry("Create", "创建"),
          Map.entry("Delete", "删除"),
          Map.entry("SetVariable", "设置变量"),
          Map.entry("SetVariables", "设置变量"),
          Map.entry("ModifyVariable", "修改变量"),
          Map.entry("RemoveVariable", "删除变量"),
          Map.entry("DeleteVariable", "删除变量"),
          Map.entry("Suspend", "挂起"),
          Map.entry("Activate", "激活"),
          Map.entry("ModifyProcessInstance", "修改流程实例"),
          Map.entry("Migrate", "迁移流程实例"),
          Map.entry("RestartProcessInstance", "重启流程实例"),
          Map.entry("SetJobRetries", "设置作业重试次数"),
          Map.entry("Execute", "执行作业"),
          Map.entry("CorrelateMessage", "关联消息"),
          Map.entry("AddAttachment", "添加附件"),
          Map.entry("DeleteAttachment", "删除附件"),
          Map.entry("CreateComment", "添加意见"),
          Map.entry("AddUserLink", "添加参与人"),
          Map.entry("DeleteUserLink", "移除参与人"),
          Map.entry("AddGroupLink", "添加候选组"),
          Map.entry("DeleteGroupLink", "移除候选组"),
          Map.entry("SetAnnotation", "添加注释"),
          Map.entry("SetRemovalTime", "设置清理时间"));

  private static final Map<String, String> ENTITIES =
      Map.ofEntries(
          Map.entry("Task", "任务"),
          Map.entry("ProcessInstance", "流程实例"),
          Map.entry("Variable", "变量"),
          Map.entry("Job", "作业"),
          Map.entry("JobDefinition", "作业定义"),
          Map.entry("Incident", "故障"),
          Map.entry("Attachment", "附件"),
          Map.entry("Comment", "意见"),
          Map.entry("IdentityLink", "参与人"),
          Map.entry("OperationLog", "操作记录"),
          Map.entry("ProcessDefinition", "流程定义"),
          Map.entry("Deployment", "部署"));

  private static final Map<String, String> PROPERTIES =
      Map.ofEntries(
          Map.entry("assignee", "办理人"),
          Map.entry("owner", "负责人"),
          Map.entry("delegation", "委托状态"),
          Map.entry("dueDate", "到期时间"),
          Map.entry("followUpDate", "跟进时间"),
          Map.entry("priority", "优先级"),
          Map.entry("name", "名称"),
          Map.entry("delete", "删除"),
          Map.entry("deleteReason", "删除原因"),
          Map.entry("suspensionState", "挂起状态"),
          Map.entry("retries", "重试次数"),
          Map.entry("candidate", "候选人或组"),
          Map.entry("userId", "用户"),
          Map.entry("groupId", "组"),
          Map.entry("annotation", "注释"));

  private OperationLabels() {}

  /** The step's name: what was done to what, e.g. 认领任务, 修改变量, 挂起流程实例. */
  static String step(String entityType, String operationType) {
    String done = operation(operationType);
    String what = entity(entityType);
    return done.contains(what) ? done : done + what;
  }

  static String operation(String type) {
    return type == null ? "" : OPERATIONS.getOrDefault(type, type);
  }

  static String entity(String type) {
    return type == null ? "" : ENTITIES.getOrDefault(type, type);
  }

  static String property(String name) {
    return PROPERTIES.getOrDefault(name, name);
  }
}
