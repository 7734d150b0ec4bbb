package cn.yishi.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.yishi.common.CommonVariables;
import cn.yishi.common.InvalidStepInputException;
import cn.yishi.deliberation.DeliberationMeetingProcess;
import cn.yishi.organisation.Groups;
import cn.yishi.proposal.ProposalLifecycleProcess;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.impl.MessageCorrelationBuilderImpl;
import org.camunda.bpm.engine.impl.ProcessInstanceModificationBuilderImpl;
import org.camunda.bpm.engine.impl.ProcessInstantiationBuilderImpl;
import org.camunda.bpm.engine.impl.cmd.CompleteTaskCmd;
import org.camunda.bpm.engine.impl.cmd.CorrelateMessageCmd;
import org.camunda.bpm.engine.impl.cmd.ModifyProcessInstanceCmd;
import org.camunda.bpm.engine.impl.cmd.PatchExecutionVariablesCmd;
import org.camunda.bpm.engine.impl.cmd.RemoveExecutionVariablesCmd;
import org.camunda.bpm.engine.impl.cmd.SetExecutionVariablesCmd;
import org.camunda.bpm.engine.impl.cmd.SetTaskVariablesCmd;
import org.camunda.bpm.engine.impl.cmd.StartProcessInstanceCmd;
import org.camunda.bpm.engine.impl.cmd.SubmitStartFormCmd;
import org.camunda.bpm.engine.impl.cmd.SubmitTaskFormCmd;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandExecutor;
import org.camunda.bpm.engine.variable.Variables;
import org.junit.jupiter.api.Test;

/** The guard's decisions on Camunda 7.24's own command objects, without an engine. */
class ComputedVariablesGuardTest {

  private static final String NUMBER = "JN-2026-000007";

  private final List<Command<?>> passed = new ArrayList<>();
  private Authentication user =
      new Authentication("jldbl-caseworker", List.of("jn-jld-jldbl.caseworker"));
  private final Map<String, Object> current =
      new HashMap<>(
          Map.of(
              CommonVariables.NUMBER.name(),
              NUMBER,
              CommonVariables.TRACK.name(),
              "HARD",
              CommonVariables.ROUND.name(),
              1));
  private final List<String> readAs = new ArrayList<>();

  private final ComputedVariablesGuard guard = guard();

  private ComputedVariablesGuard guard() {
    ComputedVariablesGuard guard =
        new ComputedVariablesGuard(
            () -> user,
            (scope, id, local, names) -> {
              readAs.add(scope + ":" + id + (local ? ":local" : ""));
              Map<String, Object> values = new HashMap<>();
              if (!local) {
                names.forEach(n -> values.put(n, current.get(n)));
              }
              return values;
            },
            ComputedVariables.names());
    guard.setNext(
        new CommandExecutor() {
          @Override
          public <T> T execute(Command<T> command) {
            passed.add(command);
            return null;
          }
        });
    return guard;
  }

  private static Map<String, Object> variables(Object command) {
    return variables(command, "variables");
  }

  private static Map<String, Object> variables(Object command, String field) {
    @SuppressWarnings("unchecked")
    Map<String, Object> map = (Map<String, Object>) ComputedVariablesGuard.field(command, field);
    return map;
  }

  private void assertRefused(Command<?> command, String field) {
    assertThatThrownBy(() -> guard.execute(command))
        .isInstanceOf(InvalidStepInputException.class)
        .satisfies(e -> assertThat(((InvalidStepInputException) e).field()).isEqualTo(field))
        // named as staff know it: the business key is the proposal's number; a variable by its
        // label where a form shows it, else by its name
        .hasMessageContaining(
            "businessKey".equals(field)
                ? "提案编号"
                : java.util.Objects.requireNonNullElse(
                    cn.yishi.common.FormLabels.shipped().label(field), field));
    assertThat(passed).isEmpty();
  }

  @Test
  void aStartWithAPresetNumberOrBusinessKeyIsRefused() {
    var start =
        (ProcessInstantiationBuilderImpl)
            ProcessInstantiationBuilderImpl.createProcessInstanceByKey(
                null, ProposalLifecycleProcess.KEY);
    start
        .setVariable(CommonVariables.TITLE.name(), "电梯")
        .setVariable(CommonVariables.NUMBER.name(), NUMBER)
        .setVariable(ProposalLifecycleProcess.SUBMITTED_AT.name(), "2020-01-01T00:00:00+08:00");
    assertRefused(new StartProcessInstanceCmd(start), CommonVariables.NUMBER.name());

    var keyed =
        (ProcessInstantiationBuilderImpl)
            ProcessInstantiationBuilderImpl.createProcessInstanceByKey(
                null, ProposalLifecycleProcess.KEY);
    keyed.businessKey(NUMBER).setVariable(CommonVariables.TITLE.name(), "电梯");
    assertRefused(new StartProcessInstanceCmd(keyed), "businessKey");

    assertRefused(
        new SubmitStartFormCmd(
            "proposalLifecycle:1:x",
            null,
            Map.of(ProposalLifecycleProcess.SUBMITTED_AT.name(), "2020-01-01")),
        ProposalLifecycleProcess.SUBMITTED_AT.name());

    var plain =
        (ProcessInstantiationBuilderImpl)
            ProcessInstantiationBuilderImpl.createProcessInstanceByKey(
                null, ProposalLifecycleProcess.KEY);
    plain.setVariable(CommonVariables.TITLE.name(), "电梯");
    guard.execute(new StartProcessInstanceCmd(plain));
    assertThat(passed).hasSize(1);
  }

  @Test
  void aTaskCompletionDropsComputedValuesSentBackUnchangedAndRefusesChangedOnes() {
    CompleteTaskCmd unchanged =
        new CompleteTaskCmd(
            "task-1",
            Map.of(
                CommonVariables.NUMBER.name(),
                NUMBER,
                CommonVariables.TRACK.name(),
                "HARD",
                CommonVariables.ROUND.name(),
                1L,
                ProposalLifecycleProcess.TOPIC.name(),
                "NOISE"));
    guard.execute(unchanged);
    assertThat(passed).containsExactly(unchanged);
    assertThat(variables(unchanged)).containsOnlyKeys(ProposalLifecycleProcess.TOPIC.name());
    assertThat(readAs).containsExactly("TASK:task-1");

    passed.clear();
    assertRefused(
        new CompleteTaskCmd(
            "task-1",
            Map.of(
                CommonVariables.TRACK.name(),
                "MINOR",
                ProposalLifecycleProcess.TOPIC.name(),
                "NOISE")),
        CommonVariables.TRACK.name());

    SubmitTaskFormCmd form =
        new SubmitTaskFormCmd(
            "task-1",
            Variables.createVariables()
                .putValueTyped(CommonVariables.NUMBER.name(), Variables.stringValue(NUMBER))
                .putValue(ProposalLifecycleProcess.EXCLUSION.name(), "NONE"),
            false,
            false);
    guard.execute(form);
    assertThat(variables(form, "properties"))
        .containsOnlyKeys(ProposalLifecycleProcess.EXCLUSION.name());
  }

  @Test
  void settingRemovingOrPatchingAComputedVariableIsRefused() {
    assertRefused(
        new SetExecutionVariablesCmd(
            "pi-1", Map.of(CommonVariables.NUMBER.name(), "JN-2026-999999"), false),
        CommonVariables.NUMBER.name());
    // a local variable would shadow the real one: there is none to be unchanged
    assertRefused(
        new SetTaskVariablesCmd("task-1", Map.of(CommonVariables.NUMBER.name(), NUMBER), true),
        CommonVariables.NUMBER.name());
    assertRefused(
        new RemoveExecutionVariablesCmd(
            "pi-1", List.of(ProposalLifecycleProcess.STATUS.name()), false),
        ProposalLifecycleProcess.STATUS.name());
    assertRefused(
        new PatchExecutionVariablesCmd(
            "pi-1", Map.of(), List.of(ProposalLifecycleProcess.CATEGORY.name()), false),
        ProposalLifecycleProcess.CATEGORY.name());

    SetExecutionVariablesCmd same =
        new SetExecutionVariablesCmd(
            "pi-1",
            new HashMap<>(Map.of(CommonVariables.NUMBER.name(), NUMBER, "note", "x")),
            false);
    guard.execute(same);
    assertThat(variables(same)).containsOnlyKeys("note");
  }

  @Test
  void messagesAndModificationsCarryingAComputedVariableAreRefused() {
    MessageCorrelationBuilderImpl message =
        new MessageCorrelationBuilderImpl(guard, "NoticeObjection");
    message
        .processInstanceVariableEquals(CommonVariables.NOTICE_ID.name(), "n-1")
        .setVariable(CommonVariables.NOTICE_OUTCOME.name(), "OBJECTED");
    assertRefused(
        new CorrelateMessageCmd(message, false, false, false),
        CommonVariables.NOTICE_OUTCOME.name());

    ProcessInstanceModificationBuilderImpl modification =
        new ProcessInstanceModificationBuilderImpl("pi-1");
    modification
        .startBeforeActivity("Task_Sort")
        .setVariable(ProposalLifecycleProcess.LEVEL.name(), "COMMUNITY");
    assertRefused(
        new ModifyProcessInstanceCmd(modification), ProposalLifecycleProcess.LEVEL.name());
  }

  @Test
  void theJobExecutorYishisOwnCodeAndAdministratorsAreNotChecked() {
    user = null;
    guard.execute(
        new SetExecutionVariablesCmd(
            "pi-1", Map.of(CommonVariables.NUMBER.name(), "JN-2026-999999"), false));
    user = new Authentication("admin", List.of(Groups.CAMUNDA_ADMIN));
    guard.execute(
        new SetExecutionVariablesCmd(
            "pi-1", Map.of(CommonVariables.NUMBER.name(), "JN-2026-999999"), false));
    assertThat(passed).hasSize(2);
    assertThat(readAs).isEmpty();
  }

  @Test
  void valuesAreTheSameWhateverTheirTypeOrWrapping() {
    assertThat(ComputedVariablesGuard.same(1, 1.0d)).isTrue();
    assertThat(ComputedVariablesGuard.same(Variables.integerValue(1), 1L)).isTrue();
    assertThat(ComputedVariablesGuard.same(null, "")).isTrue();
    assertThat(ComputedVariablesGuard.same(true, "true")).isTrue();
    assertThat(ComputedVariablesGuard.same("HARD", "MINOR")).isFalse();
    assertThat(ComputedVariablesGuard.same(NUMBER, null)).isFalse();
    assertThat(ComputedVariablesGuard.same(null, NUMBER)).isFalse();
  }

  @Test
  void theGuardedNamesIncludeWhatTheIssueNames() {
    assertThat(ComputedVariables.names())
        .contains(
            CommonVariables.NUMBER.name(),
            ProposalLifecycleProcess.SUBMITTED_AT.name(),
            ProposalLifecycleProcess.STATUS.name(),
            ProposalLifecycleProcess.CATEGORY.name(),
            ProposalLifecycleProcess.MATTER_SCOPE.name(),
            CommonVariables.TRACK.name(),
            ProposalLifecycleProcess.LEVEL.name(),
            ProposalLifecycleProcess.ELIGIBLE.name(),
            ProposalLifecycleProcess.ROUTE.name(),
            CommonVariables.TIME_LIMITS.name(),
            CommonVariables.MEETING_OUTCOME.name(),
            CommonVariables.MEETING_RECORD_ID.name(),
            CommonVariables.RESULT_RECORD_ID.name(),
            CommonVariables.NOTICE_ID.name())
        // what users enter, and the classifying fields the sorting caseworker corrects
        .doesNotContain(
            CommonVariables.TITLE.name(),
            ProposalLifecycleProcess.TOPIC.name(),
            ProposalLifecycleProcess.SCOPE.name(),
            ProposalLifecycleProcess.JURISDICTION.name(),
            ProposalLifecycleProcess.EXCLUSION.name(),
            ProposalLifecycleProcess.CORRECTION_REASON.name(),
            ProposalLifecycleProcess.RATING.name(),
            DeliberationMeetingProcess.MEMBERS.name(),
            CommonVariables.MEETING_PLAN.name(),
            CommonVariables.IMPLEMENTER.name(),
            CommonVariables.SUMMONED_DEPARTMENTS.name(),
            CommonVariables.REJECTION_REASON.name());
  }
}
