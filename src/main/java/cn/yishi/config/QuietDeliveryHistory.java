package cn.yishi.config;

import cn.yishi.notification.NotificationDeliveryProcess;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.history.HistoryLevel;
import org.camunda.bpm.engine.impl.history.HistoryLevelFull;
import org.camunda.bpm.engine.impl.history.event.HistoryEventType;
import org.camunda.bpm.engine.impl.history.event.HistoryEventTypes;
import org.camunda.bpm.engine.impl.persistence.entity.ExecutionEntity;
import org.camunda.bpm.engine.impl.persistence.entity.JobEntity;
import org.camunda.bpm.engine.impl.persistence.entity.ProcessDefinitionEntity;
import org.camunda.bpm.engine.impl.persistence.entity.VariableInstanceEntity;
import org.springframework.stereotype.Component;

/**
 * History level {@code full} (the same id and name, so an existing database keeps its level),
 * except that a {@code notificationDelivery} instance leaves no history of its own: no historic
 * process or activity instance, variable, detail or job log, and no removal-time rewrite of the
 * history tables when it ends. A delivery's record is its outbox row (table {@code notification}:
 * created, delivered at, attempts, last error), which audits read; an incident of a delivery is
 * still recorded in the history, and so is every operation a user performs on it. Everything else
 * (every proposal, procedure and decision) is recorded in full.
 *
 * <p>Why: every notification is one such instance, and its history was about a tenth of the rows a
 * submission writes and a fifth of its statements (issue 7, defect 11), while telling the auditor
 * nothing the outbox row does not.
 */
@Component
public class QuietDeliveryHistory extends AbstractProcessEnginePlugin {

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    // the engine picks the last level whose name matches camunda.bpm.history-level ("full")
    List<HistoryLevel> levels = new ArrayList<>();
    if (configuration.getCustomHistoryLevels() != null) {
      levels.addAll(configuration.getCustomHistoryLevels());
    }
    levels.add(new Level());
    configuration.setCustomHistoryLevels(levels);
  }

  /** {@link HistoryLevelFull} without the delivery instances' own trail. */
  static final class Level extends HistoryLevelFull {

    private final Map<String, Boolean> deliveryDefinitions = new ConcurrentHashMap<>();

    @Override
    public boolean isHistoryEventProduced(HistoryEventType eventType, Object entity) {
      return isKeptWhatever(eventType) || !ofDelivery(entity);
    }

    private static boolean isKeptWhatever(HistoryEventType type) {
      return type == HistoryEventTypes.INCIDENT_CREATE
          || type == HistoryEventTypes.INCIDENT_RESOLVE
          || type == HistoryEventTypes.INCIDENT_DELETE
          || type == HistoryEventTypes.INCIDENT_MIGRATE
          || type == HistoryEventTypes.INCIDENT_UPDATE
          || type == HistoryEventTypes.USER_OPERATION_LOG;
    }

    private boolean ofDelivery(Object entity) {
      if (entity instanceof JobEntity job) {
        return NotificationDeliveryProcess.KEY.equals(job.getProcessDefinitionKey());
      }
      if (entity instanceof ExecutionEntity execution) {
        return isDeliveryDefinition(execution.getProcessDefinitionId());
      }
      if (entity instanceof VariableInstanceEntity variable) {
        return isDeliveryDefinition(variable.getProcessDefinitionId());
      }
      return false;
    }

    private boolean isDeliveryDefinition(String definitionId) {
      if (definitionId == null) {
        return false;
      }
      return deliveryDefinitions.computeIfAbsent(
          definitionId,
          id -> {
            ProcessDefinitionEntity definition =
                Context.getProcessEngineConfiguration()
                    .getDeploymentCache()
                    .findDeployedProcessDefinitionById(id);
            return NotificationDeliveryProcess.KEY.equals(definition.getKey());
          });
    }

    /** Equal to the engine's own full level: the engine compares levels with {@code equals}. */
    @Override
    public boolean equals(Object other) {
      return other instanceof HistoryLevel level && level.getId() == getId();
    }

    @Override
    public int hashCode() {
      return getId();
    }
  }
}
