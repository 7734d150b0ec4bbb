package cn.yishi.security;

import java.lang.reflect.Field;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.CommandChecker;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cmd.AddCommentCmd;
import org.camunda.bpm.engine.impl.cmd.CreateAttachmentCmd;
import org.camunda.bpm.engine.impl.cmd.DeleteAttachmentCmd;
import org.camunda.bpm.engine.impl.cmd.DeleteProcessInstanceCommentCmd;
import org.camunda.bpm.engine.impl.cmd.DeleteTaskCommentCmd;
import org.camunda.bpm.engine.impl.cmd.SaveAttachmentCmd;
import org.camunda.bpm.engine.impl.cmd.UpdateCommentCmd;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;
import org.camunda.bpm.engine.impl.persistence.entity.AttachmentEntity;
import org.camunda.bpm.engine.impl.persistence.entity.CommentEntity;
import org.camunda.bpm.engine.impl.persistence.entity.ExecutionEntity;
import org.camunda.bpm.engine.impl.persistence.entity.TaskEntity;
import org.camunda.bpm.engine.task.Attachment;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;

/**
 * Comments and attachments are writes: Camunda lets anyone who can read a task add a comment or an
 * attachment (with any URL) to it, so auditors and supervisors, who may read everything, could
 * write into every case. This plugin makes every comment and attachment command (create, update,
 * delete; on a task or on a process instance) need the right to work on what it changes, the
 * engine's own checks: {@code TASK_WORK} or {@code UPDATE} on the task (directly or through its
 * process definition), or {@code UPDATE} on the process instance when no task is named.
 * Administrators pass, as do commands run without an authenticated user (Yishi itself). A refusal
 * is the engine's {@code AuthorizationException}; Camunda's REST resources turn it into 400 or 404
 * for comments and attachments, so {@link CommentRefusalFilter} answers such a refusal with 403
 * through both REST APIs.
 */
@Component
public class CommentAuthorization extends AbstractProcessEnginePlugin {

  /** The fields naming what each command changes: {task, process instance, attachment, comment}. */
  private static final Map<Class<?>, String[]> COMMANDS =
      Map.of(
          AddCommentCmd.class, new String[] {"taskId", "processInstanceId", null, null},
          UpdateCommentCmd.class, new String[] {"taskId", "processInstanceId", null, "commentId"},
          DeleteTaskCommentCmd.class, new String[] {"taskId", null, null, "commentId"},
          DeleteProcessInstanceCommentCmd.class,
              new String[] {null, "processInstanceId", null, "commentId"},
          CreateAttachmentCmd.class, new String[] {"taskId", "processInstanceId", null, null},
          DeleteAttachmentCmd.class, new String[] {"taskId", null, "attachmentId", null},
          SaveAttachmentCmd.class, new String[] {null, null, null, null});

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    configuration.setCustomPostCommandInterceptorsTxRequired(
        with(configuration.getCustomPostCommandInterceptorsTxRequired(), new CheckInterceptor()));
    configuration.setCustomPostCommandInterceptorsTxRequiresNew(
        with(
            configuration.getCustomPostCommandInterceptorsTxRequiresNew(), new CheckInterceptor()));
  }

  private static List<CommandInterceptor> with(
      List<CommandInterceptor> list, CommandInterceptor added) {
    List<CommandInterceptor> all = list == null ? new ArrayList<>() : new ArrayList<>(list);
    all.add(added);
    return all;
  }

  /**
   * The request attribute holding this plugin's refusal of the request's command, for {@link
   * CommentRefusalFilter} (set through Spring's {@link RequestContextHolder}; outside a request
   * nothing is recorded).
   */
  static final String REFUSAL = CommentAuthorization.class.getName() + ".refusal";

  /** Runs after the command context exists, so the engine's authorization checks can be asked. */
  static final class CheckInterceptor extends CommandInterceptor {
    @Override
    public <T> T execute(Command<T> command) {
      String[] fields = COMMANDS.get(command.getClass());
      if (fields != null) {
        try {
          check(command, fields, Context.getCommandContext());
        } catch (AuthorizationException e) {
          RequestAttributes request = RequestContextHolder.getRequestAttributes();
          if (request != null) {
            request.setAttribute(REFUSAL, e, RequestAttributes.SCOPE_REQUEST);
          }
          throw e;
        }
      }
      return next.execute(command);
    }
  }

  static void check(Command<?> command, String[] fields, CommandContext context) {
    if (context == null
        || !context.isAuthorizationCheckEnabled()
        || context.getAuthenticatedUserId() == null) {
      return;
    }
    String taskId = text(command, fields[0]);
    String processInstanceId = text(command, fields[1]);
    if (command instanceof SaveAttachmentCmd save) {
      Attachment attachment = (Attachment) value(save, "attachment");
      AttachmentEntity stored =
          attachment == null || attachment.getId() == null
              ? null
              : context.getDbEntityManager().selectById(AttachmentEntity.class, attachment.getId());
      Attachment target = stored != null ? stored : attachment;
      if (target != null) {
        taskId = target.getTaskId();
        processInstanceId = target.getProcessInstanceId();
      }
    }
    String attachmentId = text(command, fields[2]);
    if (taskId == null && processInstanceId == null && attachmentId != null) {
      AttachmentEntity stored =
          context.getDbEntityManager().selectById(AttachmentEntity.class, attachmentId);
      if (stored != null) {
        taskId = stored.getTaskId();
        processInstanceId = stored.getProcessInstanceId();
      }
    }
    String commentId = text(command, fields[3]);
    if (taskId == null && processInstanceId == null && commentId != null) {
      CommentEntity stored =
          context.getDbEntityManager().selectById(CommentEntity.class, commentId);
      if (stored != null) {
        taskId = stored.getTaskId();
        processInstanceId = stored.getProcessInstanceId();
      }
    }
    List<CommandChecker> checkers = context.getProcessEngineConfiguration().getCommandCheckers();
    if (taskId != null) {
      TaskEntity task = context.getTaskManager().findTaskById(taskId);
      if (task != null) {
        checkers.forEach(c -> c.checkTaskWork(task));
        return;
      }
    }
    if (processInstanceId != null) {
      ExecutionEntity instance = context.getExecutionManager().findExecutionById(processInstanceId);
      if (instance != null) {
        checkers.forEach(c -> c.checkUpdateProcessInstance(instance));
      }
    }
    // neither exists (any more): the command itself reports what it cannot find
  }

  private static String text(Object command, String field) {
    Object value = field == null ? null : value(command, field);
    return value instanceof String s && !s.isBlank() ? s : null;
  }

  private static Object value(Object command, String name) {
    for (Class<?> type = command.getClass(); type != null; type = type.getSuperclass()) {
      try {
        Field field = type.getDeclaredField(name);
        field.setAccessible(true);
        return field.get(command);
      } catch (NoSuchFieldException e) {
        // look in the superclass
      } catch (IllegalAccessException e) {
        throw new IllegalStateException(
            "cannot read " + name + " of " + command.getClass().getName(), e);
      }
    }
    throw new IllegalStateException(command.getClass().getName() + " has no field " + name);
  }
}
