package cn.yishi.deployment;

import java.lang.reflect.Field;
import java.util.List;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.ProcessDefinitionPermissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cmd.DeleteDeploymentCmd;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;
import org.camunda.bpm.engine.impl.persistence.entity.AuthorizationManager;
import org.camunda.bpm.engine.repository.DecisionDefinition;
import org.camunda.bpm.engine.repository.Deployment;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Rules for deleting a deployment, on top of the engine's DELETE permission on it:
 *
 * <ul>
 *   <li>only administrators ({@code camunda-admin}) delete deployments: the engine grants whoever
 *       deploys ALL on their own deployment, so policy staff would otherwise delete theirs;
 *   <li>a deployment with running process instances is never deleted, with or without {@code
 *       cascade}: whoever means to end those proposals does so explicitly first (Cockpit, delete or
 *       migrate the instances, which needs its own permission and is written to the operation log),
 *       then deletes the deployment;
 *   <li>{@code cascade} deletes the history of the deployment's processes and decisions, so it
 *       needs {@code DELETE_HISTORY} on every process and decision definition that has history;
 *   <li>every deletion is logged at WARN: who, which deployment, cascade or not, how many historic
 *       instances go with it.
 * </ul>
 *
 * Runs inside the command context, before the engine's delete command.
 */
class DeploymentDeletionGuard extends CommandInterceptor {

  private static final Logger LOG = LoggerFactory.getLogger(DeploymentDeletionGuard.class);

  @Override
  public <T> T execute(Command<T> command) {
    if (command instanceof DeleteDeploymentCmd delete) {
      guard((String) field(delete, "deploymentId"), (Boolean) field(delete, "cascade"));
    }
    return next.execute(command);
  }

  private void guard(String deploymentId, boolean cascade) {
    CommandContext commandContext = Context.getCommandContext();
    ProcessEngineConfigurationImpl engine = commandContext.getProcessEngineConfiguration();
    Authentication authentication = commandContext.getAuthentication();
    String user = authentication == null ? "(system)" : authentication.getUserId();
    AuthorizationManager authorizations = commandContext.getAuthorizationManager();
    // Camunda grants whoever deploys ALL on their own deployment; deleting is still for
    // administrators only, checked before anything else so others hear 403 and nothing more
    if (engine.isAuthorizationEnabled()
        && commandContext.isAuthorizationCheckEnabled()
        && authentication != null
        && !authorizations.isCamundaAdmin(authentication)) {
      LOG.warn(
          "Refused: {} (not an administrator) tried to delete deployment {} (cascade={})",
          user,
          deploymentId,
          cascade);
      throw new AuthorizationException(
          "只有系统管理员（camunda-admin）可以删除部署 (only administrators delete deployments): user "
              + user
              + ", deployment "
              + deploymentId);
    }
    authorizations.checkAuthorization(Permissions.DELETE, Resources.DEPLOYMENT, deploymentId);

    Deployment deployment =
        commandContext.runWithoutAuthorization(
            () ->
                engine
                    .getRepositoryService()
                    .createDeploymentQuery()
                    .deploymentId(deploymentId)
                    .singleResult());
    if (deployment == null) {
      return; // the engine answers an unknown deployment itself
    }
    long running =
        commandContext.runWithoutAuthorization(
            () ->
                engine
                    .getRuntimeService()
                    .createProcessInstanceQuery()
                    .deploymentId(deploymentId)
                    .count());
    String what = "'" + deployment.getName() + "' (" + deploymentId + ")";
    if (running > 0) {
      LOG.warn(
          "Refused: {} tried to delete deployment {} (cascade={}) while {} process instances run",
          user,
          what,
          cascade,
          running);
      throw new BadUserRequestException(
          "部署 "
              + what
              + " 还有 "
              + running
              + " 个进行中的流程实例，不能删除（包括级联删除）。"
              + "如确需终止这些提案，请先在 Cockpit 中明确删除或迁移这些实例（需要相应权限，并记入操作日志），再删除部署。"
              + " (deployment has "
              + running
              + " running process instances: delete or migrate them explicitly first)");
    }
    long history = 0;
    if (cascade) {
      List<ProcessDefinition> processes =
          commandContext.runWithoutAuthorization(
              () ->
                  engine
                      .getRepositoryService()
                      .createProcessDefinitionQuery()
                      .deploymentId(deploymentId)
                      .list());
      for (ProcessDefinition process : processes) {
        long count =
            commandContext.runWithoutAuthorization(
                () ->
                    engine
                        .getHistoryService()
                        .createHistoricProcessInstanceQuery()
                        .processDefinitionId(process.getId())
                        .count());
        if (count > 0) {
          authorizations.checkAuthorization(
              ProcessDefinitionPermissions.DELETE_HISTORY,
              Resources.PROCESS_DEFINITION,
              process.getKey());
          history += count;
        }
      }
      List<DecisionDefinition> decisions =
          commandContext.runWithoutAuthorization(
              () ->
                  engine
                      .getRepositoryService()
                      .createDecisionDefinitionQuery()
                      .deploymentId(deploymentId)
                      .list());
      for (DecisionDefinition decision : decisions) {
        long count =
            commandContext.runWithoutAuthorization(
                () ->
                    engine
                        .getHistoryService()
                        .createHistoricDecisionInstanceQuery()
                        .decisionDefinitionId(decision.getId())
                        .count());
        if (count > 0) {
          authorizations.checkAuthorization(
              Permissions.DELETE_HISTORY, Resources.DECISION_DEFINITION, decision.getKey());
          history += count;
        }
      }
    }
    LOG.warn(
        "{} deletes deployment {} (cascade={}, {} historic process and decision instances deleted with it)",
        user,
        what,
        cascade,
        history);
  }

  private static Object field(DeleteDeploymentCmd command, String name) {
    try {
      Field field = DeleteDeploymentCmd.class.getDeclaredField(name);
      field.setAccessible(true);
      return field.get(command);
    } catch (ReflectiveOperationException e) {
      throw new ProcessEngineException("cannot read " + name + " of the delete command", e);
    }
  }
}
