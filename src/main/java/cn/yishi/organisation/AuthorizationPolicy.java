package cn.yishi.organisation;

import static org.camunda.bpm.engine.authorization.Resources.APPLICATION;
import static org.camunda.bpm.engine.authorization.Resources.DECISION_DEFINITION;
import static org.camunda.bpm.engine.authorization.Resources.DECISION_REQUIREMENTS_DEFINITION;
import static org.camunda.bpm.engine.authorization.Resources.DEPLOYMENT;
import static org.camunda.bpm.engine.authorization.Resources.HISTORIC_PROCESS_INSTANCE;
import static org.camunda.bpm.engine.authorization.Resources.HISTORIC_TASK;
import static org.camunda.bpm.engine.authorization.Resources.OPERATION_LOG_CATEGORY;
import static org.camunda.bpm.engine.authorization.Resources.PROCESS_DEFINITION;
import static org.camunda.bpm.engine.authorization.Resources.PROCESS_INSTANCE;
import static org.camunda.bpm.engine.authorization.Resources.TASK;

import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.HistoricProcessInstancePermissions;
import org.camunda.bpm.engine.authorization.HistoricTaskPermissions;
import org.camunda.bpm.engine.authorization.Permission;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.ProcessDefinitionPermissions;
import org.camunda.bpm.engine.authorization.ProcessInstancePermissions;
import org.camunda.bpm.engine.authorization.TaskPermissions;
import org.camunda.bpm.engine.authorization.UserOperationLogCategoryPermissions;

/**
 * Which authorizations Yishi keeps for its groups. Task visibility is NOT granted here: the
 * engine's {@code DefaultAuthorizationProvider} grants READ and UPDATE on each task to its
 * candidate groups (and assignee) when the task is created, so a caseworker sees exactly the tasks
 * of their own unit.
 */
public final class AuthorizationPolicy {

  public static final String TASKLIST = "tasklist";
  public static final String COCKPIT = "cockpit";

  private AuthorizationPolicy() {}

  /** Every grant for the given groups (the filters' global READ is added by the sync). */
  public static List<Grant> grants(List<GroupDefinition> groups) {
    List<Grant> grants = new ArrayList<>();
    for (GroupDefinition group : groups) {
      switch (group.kind()) {
        case UNIT, DEPARTMENT -> {
          grants.add(Grant.group(group.id(), APPLICATION, TASKLIST, Permissions.ACCESS));
          // the procedures themselves are public: Tasklist shows a task's process name and
          // diagram from its definition. READ only: no instances, no tasks, no history.
          grants.add(
              Grant.group(
                  group.id(),
                  PROCESS_DEFINITION,
                  Authorization.ANY,
                  ProcessDefinitionPermissions.READ));
          // supervisors (居务监督委员会) get no Cockpit and no engine read rights: those would show
          // every community; they read their own community's proposals in the audit API
          if (group.role() == Role.GRIDWORKER || group.role() == Role.CASEWORKER) {
            grants.addAll(takeInProposals(group.id()));
          }
        }
        case GLOBAL -> {
          if (Groups.AUDITORS.equals(group.id())) {
            grants.addAll(readEverything(group.id()));
          } else if (Groups.POLICY_STAFF.equals(group.id())) {
            grants.addAll(policyStaff(group.id()));
          }
        }
      }
    }
    return grants;
  }

  /**
   * Grid workers and caseworkers take in proposals on a resident's behalf (网格员代为录入): they may start
   * the proposal lifecycle from Tasklist's start form, and nothing else.
   */
  static List<Grant> takeInProposals(String group) {
    return List.of(
        Grant.group(
            group,
            PROCESS_DEFINITION,
            PROPOSAL_LIFECYCLE,
            ProcessDefinitionPermissions.CREATE_INSTANCE),
        Grant.group(group, PROCESS_INSTANCE, Authorization.ANY, ProcessInstancePermissions.CREATE));
  }

  /**
   * The process a resident's proposal starts (cn.yishi.proposal.ProposalLifecycleProcess.KEY;
   * organisation may not import proposal).
   */
  static final String PROPOSAL_LIFECYCLE = "proposalLifecycle";

  /** Auditors: read everything, change nothing. */
  static List<Grant> readEverything(String group) {
    String all = Authorization.ANY;
    return List.of(
        Grant.group(group, APPLICATION, COCKPIT, Permissions.ACCESS),
        Grant.group(
            group,
            PROCESS_DEFINITION,
            all,
            ProcessDefinitionPermissions.READ,
            ProcessDefinitionPermissions.READ_HISTORY,
            ProcessDefinitionPermissions.READ_INSTANCE,
            ProcessDefinitionPermissions.READ_TASK),
        Grant.group(group, PROCESS_INSTANCE, all, ProcessInstancePermissions.READ),
        Grant.group(group, TASK, all, TaskPermissions.READ, TaskPermissions.READ_HISTORY),
        Grant.group(group, DEPLOYMENT, all, Permissions.READ),
        Grant.group(group, DECISION_DEFINITION, all, Permissions.READ, Permissions.READ_HISTORY),
        Grant.group(group, DECISION_REQUIREMENTS_DEFINITION, all, Permissions.READ),
        Grant.group(group, HISTORIC_TASK, all, HistoricTaskPermissions.READ),
        Grant.group(group, HISTORIC_PROCESS_INSTANCE, all, HistoricProcessInstancePermissions.READ),
        Grant.group(group, OPERATION_LOG_CATEGORY, all, UserOperationLogCategoryPermissions.READ));
  }

  /**
   * Policy staff (民政局): deploy diagrams and decision tables, read definitions and history. They do
   * not delete deployments (administrators only: deleting one could end running proposals); what
   * they deploy is checked by cn.yishi.deployment.DeploymentPolicy.
   */
  static List<Grant> policyStaff(String group) {
    String all = Authorization.ANY;
    return List.of(
        Grant.group(group, APPLICATION, COCKPIT, Permissions.ACCESS),
        Grant.group(group, DEPLOYMENT, all, Permissions.CREATE, Permissions.READ),
        Grant.group(
            group,
            PROCESS_DEFINITION,
            all,
            ProcessDefinitionPermissions.READ,
            ProcessDefinitionPermissions.READ_HISTORY),
        Grant.group(group, DECISION_DEFINITION, all, Permissions.READ, Permissions.READ_HISTORY),
        Grant.group(group, DECISION_REQUIREMENTS_DEFINITION, all, Permissions.READ),
        Grant.group(group, HISTORIC_TASK, all, HistoricTaskPermissions.READ),
        Grant.group(group, HISTORIC_PROCESS_INSTANCE, all, HistoricProcessInstancePermissions.READ),
        Grant.group(group, OPERATION_LOG_CATEGORY, all, UserOperationLogCategoryPermissions.READ));
  }

  /**
   * Permissions that earlier versions of Yishi granted and that are taken back at every start (an
   * existing database keeps its old grants otherwise): policy staff's DELETE on deployments, and
   * supervisors' Cockpit and read rights over every community (what every unit group keeps, READ on
   * the procedures, is not withdrawn).
   */
  public static List<Grant> withdrawn(List<GroupDefinition> groups) {
    List<Grant> withdrawn = new ArrayList<>();
    withdrawn.add(
        Grant.group(Groups.POLICY_STAFF, DEPLOYMENT, Authorization.ANY, Permissions.DELETE));
    for (GroupDefinition group : groups) {
      if (group.role() != Role.SUPERVISOR) {
        continue;
      }
      // what supervisors were granted before: everything auditors read, except READ on the
      // procedures, which every unit group keeps
      for (Grant old : readEverything(group.id())) {
        List<Permission> taken =
            old.permissions().stream()
                .filter(
                    p ->
                        !(old.resource() == PROCESS_DEFINITION
                            && p == ProcessDefinitionPermissions.READ))
                .toList();
        withdrawn.add(new Grant(old.groupId(), old.resource(), old.resourceId(), taken));
      }
    }
    return withdrawn;
  }
}
