package cn.yishi.audit;

import static org.assertj.core.api.Assertions.assertThat;

import org.camunda.bpm.engine.EntityTypes;
import org.camunda.bpm.engine.history.UserOperationLogEntry;
import org.junit.jupiter.api.Test;

class OperationLabelsTest {

  @Test
  void whatCaseworkersDoThroughTheEngineReadsInChinese() {
    assertThat(OperationLabels.step(EntityTypes.TASK, UserOperationLogEntry.OPERATION_TYPE_CLAIM))
        .isEqualTo("认领任务");
    assertThat(
            OperationLabels.step(EntityTypes.TASK, UserOperationLogEntry.OPERATION_TYPE_COMPLETE))
        .isEqualTo("完成任务");
    assertThat(
            OperationLabels.step(
                EntityTypes.VARIABLE, UserOperationLogEntry.OPERATION_TYPE_MODIFY_VARIABLE))
        .isEqualTo("修改变量");
    assertThat(
            OperationLabels.step(
                EntityTypes.PROCESS_INSTANCE, UserOperationLogEntry.OPERATION_TYPE_SUSPEND))
        .isEqualTo("挂起流程实例");
    assertThat(OperationLabels.property("assignee")).isEqualTo("办理人");
  }

  @Test
  void anOperationWithoutAChineseNameIsShownAsCamundaRecordedIt() {
    assertThat(OperationLabels.step("Batch", "SetHistoryTimeToLive"))
        .isEqualTo("SetHistoryTimeToLiveBatch");
    assertThat(OperationLabels.property("nrOfInstances")).isEqualTo("nrOfInstances");
  }
}
