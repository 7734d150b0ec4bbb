package cn.yishi.security;

import cn.yishi.common.FormLabels;
import cn.yishi.common.InvalidStepInputException;
import cn.yishi.organisation.Groups;
import java.lang.reflect.Field;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import org.camunda.bpm.engine.impl.ModificationBuilderImpl;
import org.camunda.bpm.engine.impl.ProcessInstanceModificationBuilderImpl;
import org.camunda.bpm.engine.impl.ProcessInstantiationBuilderImpl;
import org.camunda.bpm.engine.impl.RestartProcessInstanceBuilderImpl;
import org.camunda.bpm.engine.impl.cmd.AbstractCorrelateMessageCmd;
import org.camunda.bpm.engine.impl.cmd.AbstractInstantiationCmd;
import org.camunda.bpm.engine.impl.cmd.AbstractModificationCmd;
import org.camunda.bpm.engine.impl.cmd.AbstractPatchVariablesCmd;
import org.camunda.bpm.engine.impl.cmd.AbstractRemoveVariableCmd;
import org.camunda.bpm.engine.impl.cmd.AbstractRestartProcessInstanceCmd;
import org.camunda.bpm.engine.impl.cmd.CompleteExternalTaskCmd;
import org.camunda.bpm.engine.impl.cmd.CompleteTaskCmd;
import org.camunda.bpm.engine.impl.cmd.HandleExternalTaskBpmnErrorCmd;
import org.camunda.bpm.engine.impl.cmd.HandleExternalTaskFailureCmd;
import org.camunda.bpm.engine.impl.cmd.MessageEventReceivedCmd;
import org.camunda.bpm.engine.impl.cmd.ModifyProcessInstanceAsyncCmd;
import org.camunda.bpm.engine.impl.cmd.ModifyProcessInstanceCmd;
import org.camunda.bpm.engine.impl.cmd.PatchTaskVariablesCmd;
import org.camunda.bpm.engine.impl.cmd.RemoveTaskVariablesCmd;
import org.camunda.bpm.engine.impl.cmd.SetExecutionVariablesCmd;
import org.camunda.bpm.engine.impl.cmd.SetTaskVariablesCmd;
import org.camunda.bpm.engine.impl.cmd.SignalCmd;
import org.camunda.bpm.engine.impl.cmd.SignalEventReceivedCmd;
import org.camunda.bpm.engine.impl.cmd.StartProcessInstanceAtActivitiesCmd;
import org.camunda.bpm.engine.impl.cmd.StartProcessInstanceCmd;
import org.camunda.bpm.engine.impl.cmd.SubmitStartFormCmd;
import org.camunda.bpm.engine.impl.cmd.SubmitTaskFormCmd;
import org.camunda.bpm.engine.impl.cmd.batch.CorrelateAllMessageBatchCmd;
import org.camunda.bpm.engine.impl.cmd.batch.variables.SetVariablesToProcessInstancesBatchCmd;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;
import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.bpm.engine.variable.Variables;
import org.camunda.bpm.engine.variable.value.SerializableValue;
import org.camunda.bpm.engine.variable.value.TypedValue;

/**
 * Keeps the variables Yishi computes ({@link ComputedVariables}) out of users' hands. A command
 * interceptor placed before the engine's own: it looks at the outermost command a signed-in user
 * runs (through {@code /engine-rest}, the webapps' API or Java code acting for a user) and at the
 * variables it carries:
 *
 * <ul>
 *   <li>starting a process (also by its start form, or with start instructions) with a computed
 *       variable or a business key, a message, a signal, a modification, a restart, a batch or an
 *       external task carrying one, removing one: refused;
 *   <li>completing a task, submitting its form, setting or patching variables of a task or an
 *       execution: a computed variable sent with its current value (Camunda Forms send read-only
 *       fields back) is dropped from the command; a different value is refused.
 * </ul>
 *
 * A refusal is an {@link InvalidStepInputException} naming the variable: both REST APIs answer 400
 * {@code {type, message, field}} ({@code cn.yishi.config.StepInputErrors}); nothing is done.
 *
 * <p>Not checked: commands inside another command (Yishi's delegates and listeners, and the sorting
 * task's {@code sortingCheck}, which records a correction and has the tables run again), commands
 * without an authenticated user (the job executor, Yishi's own services such as the residents' API,
 * which admits only CONTRACT §1 fields), and {@code camunda-admin}, who repairs instances in
 * Cockpit and is trusted with the whole engine anyway.
 *
 * <p>The commands' fields are read by name (checked against Camunda 7.24.0, {@code
 * ComputedVariablesGuardTest} constructs each command): a renamed field fails loudly.
 */
public class ComputedVariablesGuard extends CommandInterceptor {

  /** Where a task or execution command writes. */
  public enum Scope {
    TASK,
    EXECUTION
  }

  /**
   * The current values of the named variables of a task or execution, as the user may read them.
   */
  @FunctionalInterface
  public interface CurrentValues {
    Map<String, Object> of(Scope scope, String id, boolean local, Collection<String> names);
  }

  static final String BUSINESS_KEY = "businessKey";

  private final Supplier<Authentication> authentication;
  private final CurrentValues current;
  private final Set<String> computed;

  public ComputedVariablesGuard(
      Supplier<Authentication> authentication, CurrentValues current, Set<String> computed) {
    this.authentication = authentication;
    this.current = current;
    this.computed = computed;
  }

  @Override
  public <T> T execute(Command<T> command) {
    if (Context.getCommandContext() == null && guarded(authentication.get())) {
      inspect(command);
    }
    return next.execute(command);
  }

  static boolean guarded(Authentication user) {
    return user != null
        && user.getUserId() != null
        && (user.getGroupIds() == null || !user.getGroupIds().contains(Groups.CAMUNDA_ADMIN));
  }

  /** Refuses the command, or drops unchanged computed values from it. */
  void inspect(Command<?> command) {
    if (command instanceof StartProcessInstanceCmd
        || command instanceof StartProcessInstanceAtActivitiesCmd) {
      ProcessInstantiationBuilderImpl start =
          (ProcessInstantiationBuilderImpl) field(command, "instantiationBuilder");
      refuseBusinessKey(start.getBusinessKey());
      refuseAny(start.getVariables());
      modification(start.getModificationBuilder());
    } else if (command instanceof SubmitStartFormCmd) {
      refuseBusinessKey((String) field(command, BUSINESS_KEY));
      refuseAny(map(command, "variables"));
    } else if (command instanceof CompleteTaskCmd) { // also ResolveTaskCmd
      dropUnchanged(command, "variables", Scope.TASK, (String) field(command, "taskId"), false);
    } else if (command instanceof SubmitTaskFormCmd) {
      dropUnchanged(command, "properties", Scope.TASK, (String) field(command, "taskId"), false);
    } else if (command instanceof SetTaskVariablesCmd
        || command instanceof SetExecutionVariablesCmd) {
      dropUnchanged(
          command,
          "variables",
          scope(command),
          (String) field(command, "entityId"),
          (Boolean) field(command, "isLocal"));
    } else if (command instanceof AbstractPatchVariablesCmd) {
      refuseNames(names(command, "deletions"));
      dropUnchanged(
          command,
          "variables",
          scope(command),
          (String) field(command, "entityId"),
          (Boolean) field(command, "isLocal"));
    } else if (command instanceof AbstractRemoveVariableCmd) {
      refuseNames(names(command, "variableNames"));
    } else if (command instanceof AbstractCorrelateMessageCmd) {
      Object builder = field(command, "builder");
      refuseAny(map(builder, "payloadProcessInstanceVariables"));
      refuseAny(map(builder, "payloadProcessInstanceVariablesLocal"));
      refuseAny(map(builder, "payloadProcessInstanceVariablesToTriggeredScope"));
    } else if (command instanceof MessageEventReceivedCmd) {
      refuseAny(map(command, "processVariables"));
      refuseAny(map(command, "processVariablesLocal"));
      refuseAny(map(command, "processVariablesToTriggeredScope"));
    } else if (command instanceof SignalCmd) {
      refuseAny(map(command, "processVariables"));
    } else if (command instanceof SignalEventReceivedCmd) {
      refuseAny(map(field(command, "builder"), "variables"));
    } else if (command instanceof ModifyProcessInstanceCmd
        || command instanceof ModifyProcessInstanceAsyncCmd) {
      modification((ProcessInstanceModificationBuilderImpl) field(command, "builder"));
    } else if (command instanceof AbstractModificationCmd) {
      instructions((ModificationBuilderImpl) field(command, "builder"));
    } else if (command instanceof AbstractRestartProcessInstanceCmd) {
      instructions((RestartProcessInstanceBuilderImpl) field(command, "builder"));
    } else if (command instanceof SetVariablesToProcessInstancesBatchCmd
        || command instanceof CorrelateAllMessageBatchCmd
        || command instanceof HandleExternalTaskBpmnErrorCmd) {
      refuseAny(map(command, "variables"));
    } else if (command instanceof CompleteExternalTaskCmd
        || command instanceof HandleExternalTaskFailureCmd) {
      refuseAny(map(command, "variables"));
      refuseAny(map(command, "localVariables"));
    }
  }

  private static Scope scope(Command<?> command) {
    return command instanceof SetTaskVariablesCmd
            || command instanceof PatchTaskVariablesCmd
            || command instanceof RemoveTaskVariablesCmd
        ? Scope.TASK
        : Scope.EXECUTION;
  }

  private void modification(ProcessInstanceModificationBuilderImpl builder) {
    if (builder == null) {
      return;
    }
    refuseAny(builder.getProcessVariables());
    instantiations(builder.getModificationOperations());
  }

  private void instructions(Object builder) {
    instantiations((List<?>) field(builder, "instructions"));
  }

  private void instantiations(List<?> operations) {
    if (operations == null) {
      return;
    }
    for (Object operation : operations) {
      if (operation instanceof AbstractInstantiationCmd instantiation) {
        refuseAny(instantiation.getVariables());
        refuseAny(instantiation.getVariablesLocal());
      }
    }
  }

  private void refuseBusinessKey(String businessKey) {
    if (businessKey != null && !businessKey.isBlank()) {
      throw new InvalidStepInputException(BUSINESS_KEY, "提案编号由益事分配，启动时不能指定");
    }
  }

  private void refuseAny(Map<String, ?> variables) {
    if (variables != null) {
      refuseNames(variables.keySet());
    }
  }

  private void refuseNames(Collection<String> names) {
    if (names == null) {
      return;
    }
    for (String name : names) {
      if (computed.contains(name)) {
        throw refusal(name);
      }
    }
  }

  /** Names the variable by its form label where a form shows it ("“提案类别”由益事计算…"). */
  static InvalidStepInputException refusal(String name) {
    String label = FormLabels.shipped().label(name);
    return new InvalidStepInputException(
        name, "“" + (label == null ? name : label) + "”由益事计算，不能设置、修改或删除");
  }

  /** Refuses a changed computed value; removes unchanged ones from the command's map. */
  private void dropUnchanged(
      Object command, String mapField, Scope scope, String id, boolean local) {
    Map<String, ?> sent = map(command, mapField);
    if (sent == null || sent.isEmpty()) {
      return;
    }
    List<String> carried = new ArrayList<>();
    for (String name : sent.keySet()) {
      if (computed.contains(name)) {
        carried.add(name);
      }
    }
    if (carried.isEmpty()) {
      return;
    }
    Map<String, Object> now = current.of(scope, id, local, carried);
    for (String name : carried) {
      Object value = sent instanceof VariableMap typed ? typed.getValueTyped(name) : sent.get(name);
      if (!same(now.get(name), value)) {
        throw refusal(name);
      }
    }
    try {
      sent.keySet().removeAll(carried);
    } catch (UnsupportedOperationException immutable) {
      setField(command, mapField, without(sent, carried));
    }
  }

  private static Map<String, ?> without(Map<String, ?> sent, List<String> names) {
    if (sent instanceof VariableMap typed) {
      VariableMap copy = Variables.createVariables();
      for (String key : typed.keySet()) {
        if (!names.contains(key)) {
          copy.putValueTyped(key, typed.getValueTyped(key));
        }
      }
      return copy;
    }
    Map<String, Object> copy = new LinkedHashMap<>(sent);
    copy.keySet().removeAll(names);
    return copy;
  }

  /**
   * Whether a value sent back equals the current one. Lenient (a number of another type, a value as
   * text, empty for absent): an equal value is dropped, never written, so leniency cannot change
   * anything.
   */
  static boolean same(Object currentValue, Object sentValue) {
    Object a = plain(currentValue);
    Object b = plain(sentValue);
    if (blank(a) || blank(b)) {
      return blank(a) && blank(b);
    }
    if (a.equals(b)) {
      return true;
    }
    if (a instanceof Number x && b instanceof Number y) {
      try {
        return new BigDecimal(x.toString()).compareTo(new BigDecimal(y.toString())) == 0;
      } catch (NumberFormatException notFinite) {
        return false;
      }
    }
    return a.toString().equals(b.toString());
  }

  private static boolean blank(Object value) {
    return value == null || (value instanceof String s && s.isEmpty());
  }

  private static Object plain(Object value) {
    if (value instanceof SerializableValue serializable && !serializable.isDeserialized()) {
      return serializable.getValueSerialized();
    }
    if (value instanceof TypedValue typed) {
      return typed.getValue();
    }
    return value;
  }

  @SuppressWarnings("unchecked")
  private static Map<String, ?> map(Object target, String name) {
    return (Map<String, ?>) field(target, name);
  }

  @SuppressWarnings("unchecked")
  private static Collection<String> names(Object target, String name) {
    return (Collection<String>) field(target, name);
  }

  static Object field(Object target, String name) {
    return accessible(target, name).get(target);
  }

  private static void setField(Object target, String name, Object value) {
    try {
      accessible(target, name).field().set(target, value);
    } catch (IllegalAccessException e) {
      throw new IllegalStateException(e);
    }
  }

  private record Accessible(Field field) {
    Object get(Object target) {
      try {
        return field.get(target);
      } catch (IllegalAccessException e) {
        throw new IllegalStateException(e);
      }
    }
  }

  private static Accessible accessible(Object target, String name) {
    for (Class<?> type = target.getClass(); type != null; type = type.getSuperclass()) {
      try {
        Field field = type.getDeclaredField(name);
        field.setAccessible(true);
        return new Accessible(field);
      } catch (NoSuchFieldException e) {
        // look in the superclass
      }
    }
    throw new IllegalStateException(
        "Camunda's "
            + target.getClass().getName()
            + " has no field "
            + name
            + " (the guard was written for 7.24)");
  }
}
