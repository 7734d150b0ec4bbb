package cn.yishi.config;

import static org.assertj.core.api.Assertions.assertThat;

import cn.yishi.notification.NotificationDeliveryProcess;
import cn.yishi.proposal.ProposalLifecycleProcess;
import org.camunda.bpm.engine.impl.history.HistoryLevel;
import org.camunda.bpm.engine.impl.history.event.HistoryEventTypes;
import org.camunda.bpm.engine.impl.persistence.entity.MessageEntity;
import org.junit.jupiter.api.Test;

/**
 * The delivery instances' own job log is not recorded, their incidents are, and every other process
 * keeps its full history. (That a delivery leaves no process, activity or variable history, while
 * the proposal keeps its own, is shown on a running engine in PlatformServicesIT.)
 */
class QuietDeliveryHistoryTest {

  private final HistoryLevel level = new QuietDeliveryHistory.Level();

  private static MessageEntity jobOf(String processKey) {
    MessageEntity job = new MessageEntity();
    job.setProcessDefinitionKey(processKey);
    return job;
  }

  @Test
  void isTheEnginesFullLevelToAnExistingDatabase() {
    assertThat(level.getId()).isEqualTo(HistoryLevel.HISTORY_LEVEL_FULL.getId());
    assertThat(level.getName()).isEqualTo(HistoryLevel.HISTORY_LEVEL_FULL.getName());
    assertThat(level).isEqualTo(HistoryLevel.HISTORY_LEVEL_FULL);
    assertThat(level).isNotEqualTo(HistoryLevel.HISTORY_LEVEL_AUDIT);
  }

  @Test
  void aDeliveryJobLeavesNoJobLogButItsIncidentIsRecorded() {
    MessageEntity delivery = jobOf(NotificationDeliveryProcess.KEY);
    assertThat(level.isHistoryEventProduced(HistoryEventTypes.JOB_CREATE, delivery)).isFalse();
    assertThat(level.isHistoryEventProduced(HistoryEventTypes.JOB_SUCCESS, delivery)).isFalse();
    assertThat(level.isHistoryEventProduced(HistoryEventTypes.JOB_FAIL, delivery)).isFalse();
    assertThat(level.isHistoryEventProduced(HistoryEventTypes.INCIDENT_CREATE, delivery)).isTrue();
    assertThat(level.isHistoryEventProduced(HistoryEventTypes.INCIDENT_RESOLVE, delivery)).isTrue();
  }

  @Test
  void everyOtherProcessKeepsItsFullHistory() {
    MessageEntity proposal = jobOf(ProposalLifecycleProcess.KEY);
    assertThat(level.isHistoryEventProduced(HistoryEventTypes.JOB_CREATE, proposal)).isTrue();
    assertThat(level.isHistoryEventProduced(HistoryEventTypes.JOB_SUCCESS, proposal)).isTrue();
    assertThat(level.isHistoryEventProduced(HistoryEventTypes.PROCESS_INSTANCE_START, null))
        .isTrue();
  }
}
