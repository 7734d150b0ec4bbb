package cn.yishi.organisation;

import org.camunda.bpm.engine.task.TaskQuery;

/**
 * One shared Tasklist filter that {@link IdentitySync} keeps in line at every start: found by its
 * name, created when missing, updated when its query, description or order changed.
 *
 * @param name what Tasklist lists, in Chinese; the key by which the filter is found again
 * @param description Tasklist's tooltip of the filter
 * @param priority Tasklist's order (lowest first)
 * @param query the tasks it lists; expressions such as {@code ${currentUserGroups()}} make one
 *     filter serve every user and role
 */
public record TasklistFilter(String name, String description, int priority, TaskQuery query) {

  /**
   * Filters a feature adds to the shared ones (the supervision feature its 督办 filter), so that the
   * organisation need not name other features' processes.
   */
  public interface Contribution {
    java.util.List<TasklistFilter> filters(org.camunda.bpm.engine.TaskService tasks);
  }
}
