package cn.yishi.organisation;

import cn.yishi.common.CommonVariables;
import cn.yishi.common.LogText;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permission;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.impl.persistence.entity.FilterEntity;
import org.camunda.bpm.engine.task.TaskQuery;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.stereotype.Component;

/**
 * Brings Camunda's identity in line with the organisation at every start, before the web server
 * accepts requests: groups for every unit role, department and global group; the authorizations of
 * {@link AuthorizationPolicy}; the shared Tasklist filters ({@link #filterDefinitions()}); and,
 * with {@code yishi.demo-data=true}, the demo users. Only creates what is missing (and renames a
 * group whose name changed in the data file, updates a filter whose definition changed), so a
 * second start changes nothing. Never deletes, except the permissions {@link
 * AuthorizationPolicy#withdrawn(List)} takes back from older databases.
 */
@Component
public class IdentitySync implements SmartInitializingSingleton {

  private static final Logger LOG = LoggerFactory.getLogger(IdentitySync.class);

  public static final String FILTER_GROUP_TASKS = "我的小组待办";
  public static final String FILTER_MY_TASKS = "我的任务";
  public static final String FILTER_UNIT_TASKS = "本单位全部任务";
  public static final String FILTER_DUE_SOON = "一天内到期";
  public static final String FILTER_OVERDUE = "已超期";
  public static final String FILTER_FOLLOW_UP = "待跟进";

  /** Followed by the track's Chinese name: 按类别·急事急议 … */
  public static final String FILTER_TRACK_PREFIX = "按类别·";

  /** The deliberation tracks (CONTRACT §3 {@code track}) and their Chinese names, in order. */
  public static final Map<String, String> TRACKS =
      orderedMap("URGENT", "急事急议", "MINOR", "小事小议", "MAJOR", "大事大议", "HARD", "难事广议");

  private static final String CURRENT_USER_GROUPS = "${currentUserGroups()}";
  private static final String NOW = "${now()}";

  /**
   * What every card in Tasklist shows of its proposal: number, title and community ({@link
   * TasklistCards} puts them on each task).
   */
  private static final List<Map<String, String>> SHOWN_VARIABLES =
      TasklistCards.SHOWN.stream()
          .map(shown -> Map.of("name", shown.variable().name(), "label", shown.label()))
          .toList();

  private static Map<String, String> orderedMap(String... keysAndValues) {
    Map<String, String> map = new LinkedHashMap<>();
    for (int i = 0; i < keysAndValues.length; i += 2) {
      map.put(keysAndValues[i], keysAndValues[i + 1]);
    }
    return java.util.Collections.unmodifiableMap(map);
  }

  private final ProcessEngine engine;
  private final Groups groups;
  private final DemoUsers demoUsers;
  private final boolean demoData;
  private final ObjectProvider<TasklistFilter.Contribution> contributions;
  private volatile SyncReport lastReport;

  public IdentitySync(
      ProcessEngine engine,
      Groups groups,
      DemoUsers demoUsers,
      DemoDataProperties demoData,
      ObjectProvider<TasklistFilter.Contribution> contributions) {
    this.engine = engine;
    this.contributions = contributions;
    this.groups = groups;
    this.demoUsers = demoUsers;
    this.demoData = demoData.demoData();
  }

  @Override
  public void afterSingletonsInstantiated() {
    SyncReport report = synchronise();
    lastReport = report;
    LOG.info(
        "Identity synchronised: {} groups created, {} renamed, {} authorizations created, {} extended,"
            + " {} filters created, {} updated, {} demo users created, {} memberships created",
        report.groupsCreated(),
        report.groupsUpdated(),
        report.authorizationsCreated(),
        report.authorizationsUpdated(),
        report.filtersCreated(),
        report.filtersUpdated(),
        report.usersCreated(),
        report.membershipsCreated());
  }

  /** What the synchronisation at start changed. */
  public SyncReport lastReport() {
    return lastReport;
  }

  /** Runs the whole synchronisation; safe to call again. */
  public synchronized SyncReport synchronise() {
    IdentityService identity = engine.getIdentityService();
    // runs as the system: no user's authorizations may restrict it
    identity.clearAuthentication();
    Counter c = new Counter();
    List<GroupDefinition> definitions = groups.definitions();
    syncGroups(identity, definitions, c);

    List<Grant> grants = new ArrayList<>(AuthorizationPolicy.grants(definitions));
    for (Filter filter : syncFilters(c)) {
      grants.add(Grant.everyone(Resources.FILTER, filter.getId(), Permissions.READ));
    }
    syncAuthorizations(grants, c);
    withdraw(AuthorizationPolicy.withdrawn(definitions), c);

    if (demoData) {
      DemoUsers.Result result = demoUsers.create(identity);
      c.usersCreated += result.usersCreated();
      c.membershipsCreated += result.membershipsCreated();
    }
    return new SyncReport(
        c.groupsCreated,
        c.groupsUpdated,
        c.authorizationsCreated,
        c.authorizationsUpdated,
        c.filtersCreated,
        c.filtersUpdated,
        c.usersCreated,
        c.membershipsCreated);
  }

  private void syncGroups(IdentityService identity, List<GroupDefinition> definitions, Counter c) {
    Map<String, Group> existing = new HashMap<>();
    for (Group group : identity.createGroupQuery().list()) {
      existing.put(group.getId(), group);
    }
    for (GroupDefinition definition : definitions) {
      Group group = existing.get(definition.id());
      if (group == null) {
        group = identity.newGroup(definition.id());
        group.setName(definition.name());
        group.setType(definition.type());
        identity.saveGroup(group);
        c.groupsCreated++;
      } else if (!Objects.equals(group.getName(), definition.name())
          || !Objects.equals(group.getType(), definition.type())) {
        group.setName(definition.name());
        group.setType(definition.type());
        identity.saveGroup(group);
        c.groupsUpdated++;
      }
    }
  }

  /**
   * The shared filters, in Tasklist's order. Each lists the tasks of the user's own groups (every
   * role's candidate groups, through {@code ${currentUserGroups()}}), so one set serves
   * caseworkers, committees, departments and supervisors alike; a filter is found again by its
   * name.
   */
  public List<TasklistFilter> filterDefinitions() {
    TaskService tasks = engine.getTaskService();
    List<TasklistFilter> result = new ArrayList<>();
    result.add(
        new TasklistFilter(
            FILTER_GROUP_TASKS,
            "我所在小组（候选组）尚未认领的任务",
            -10,
            tasks.createTaskQuery().taskCandidateGroupInExpression(CURRENT_USER_GROUPS)));
    result.add(
        new TasklistFilter(FILTER_UNIT_TASKS, "我所在单位（候选组）的全部任务，含同事已认领的", -8, unitTasks(tasks)));
    result.add(
        new TasklistFilter(
            FILTER_MY_TASKS,
            "已分配给我的任务",
            -5,
            tasks.createTaskQuery().taskAssigneeExpression("${currentUser()}")));
    result.add(
        new TasklistFilter(
            FILTER_DUE_SOON,
            "本单位一天内到期、尚未超期的任务",
            0,
            unitTasks(tasks)
                .dueAfterExpression(NOW)
                .dueBeforeExpression("${dateTime().plusDays(1).toDate()}")));
    result.add(
        new TasklistFilter(
            FILTER_OVERDUE, "本单位已超过办理期限的任务", 1, unitTasks(tasks).dueBeforeExpression(NOW)));
    result.add(
        new TasklistFilter(
            FILTER_FOLLOW_UP,
            "本单位已到提醒时间（期限前按办理时限表的提醒提前量）、尚未超期的任务",
            2,
            unitTasks(tasks).followUpBeforeExpression(NOW).dueAfterExpression(NOW)));
    for (TasklistFilter.Contribution contribution : contributions.orderedStream().toList()) {
      result.addAll(contribution.filters(tasks));
    }
    int priority = 10;
    for (Map.Entry<String, String> track : TRACKS.entrySet()) {
      result.add(
          new TasklistFilter(
              FILTER_TRACK_PREFIX + track.getValue(),
              "本单位按" + track.getValue() + "办理的提案的任务",
              priority++,
              unitTasks(tasks)
                  .processVariableValueEquals(CommonVariables.TRACK.name(), track.getKey())));
    }
    return result;
  }

  /** The tasks of the user's groups, also those a colleague has claimed. */
  public static TaskQuery unitTasks(TaskService tasks) {
    return tasks
        .createTaskQuery()
        .taskCandidateGroupInExpression(CURRENT_USER_GROUPS)
        .includeAssignedTasks();
  }

  private List<Filter> syncFilters(Counter c) {
    FilterService filters = engine.getFilterService();
    List<Filter> result = new ArrayList<>();
    for (TasklistFilter definition : filterDefinitions()) {
      result.add(filter(filters, definition, c));
    }
    return result;
  }

  private Filter filter(FilterService filters, TasklistFilter definition, Counter c) {
    Map<String, Object> properties = new LinkedHashMap<>();
    properties.put("description", definition.description());
    properties.put("priority", definition.priority());
    properties.put("refresh", true);
    properties.put("variables", SHOWN_VARIABLES);
    Filter wanted = filters.newTaskFilter(definition.name());
    wanted.setQuery(definition.query());
    wanted.setProperties(properties);

    List<Filter> found = filters.createFilterQuery().filterName(definition.name()).list();
    if (found.isEmpty()) {
      filters.saveFilter(wanted);
      c.filtersCreated++;
      return wanted;
    }
    if (found.size() > 1) {
      LOG.warn(
          "{} Tasklist filters are named '{}'; keeping them all, updating the first",
          found.size(),
          LogText.safe(definition.name()));
    }
    Filter filter = found.get(0);
    if (!Objects.equals(internal(filter, true), internal(wanted, true))
        || !Objects.equals(internal(filter, false), internal(wanted, false))) {
      filter.setQuery(definition.query());
      filter.setProperties(properties);
      filters.saveFilter(filter);
      c.filtersUpdated++;
      LOG.info(
          "Tasklist filter '{}' put back to Yishi's definition", LogText.safe(definition.name()));
    }
    return filter;
  }

  /**
   * The filter's query or properties as the engine reads them back from its JSON, to compare: a
   * query or map read from the database serialises differently from one built in Java (defaults,
   * number types), so both sides go through one round trip.
   */
  private static String internal(Filter filter, boolean query) {
    FilterEntity entity = (FilterEntity) filter;
    FilterEntity read = new FilterEntity(entity.getResourceType());
    if (query) {
      read.setQueryInternal(entity.getQueryInternal());
      return read.getQueryInternal();
    }
    read.setPropertiesInternal(entity.getPropertiesInternal());
    return read.getPropertiesInternal();
  }

  private void syncAuthorizations(List<Grant> grants, Counter c) {
    AuthorizationService authorizations = engine.getAuthorizationService();
    Map<String, List<Authorization>> byResource = new HashMap<>();
    for (Grant grant : grants) {
      List<Authorization> present =
          byResource.computeIfAbsent(
              grant.resource().resourceType() + "/" + grant.resourceId(),
              key ->
                  new ArrayList<>(
                      authorizations
                          .createAuthorizationQuery()
                          .resourceType(grant.resource())
                          .resourceId(grant.resourceId())
                          .list()));
      Authorization match = null;
      boolean conflicting = false;
      for (Authorization a : present) {
        if (grant.isGlobal()
            ? a.getAuthorizationType() == Authorization.AUTH_TYPE_GLOBAL
            : grant.groupId().equals(a.getGroupId())) {
          if (a.getAuthorizationType() == Authorization.AUTH_TYPE_REVOKE) {
            conflicting = true;
          } else {
            match = a;
          }
        }
      }
      if (match == null && conflicting) {
        LOG.warn("Not granting {}: an administrator revoked it explicitly", grant);
        continue;
      }
      if (match == null) {
        Authorization a =
            authorizations.createNewAuthorization(
                grant.isGlobal() ? Authorization.AUTH_TYPE_GLOBAL : Authorization.AUTH_TYPE_GRANT);
        if (grant.isGlobal()) {
          a.setUserId(Authorization.ANY);
        } else {
          a.setGroupId(grant.groupId());
        }
        a.setResource(grant.resource());
        a.setResourceId(grant.resourceId());
        grant.permissions().forEach(a::addPermission);
        authorizations.saveAuthorization(a);
        present.add(a);
        c.authorizationsCreated++;
      } else {
        boolean missing = false;
        for (Permission permission : grant.permissions()) {
          if (!match.isPermissionGranted(permission)) {
            match.addPermission(permission);
            missing = true;
          }
        }
        if (missing) {
          authorizations.saveAuthorization(match);
          c.authorizationsUpdated++;
        }
      }
    }
  }

  /** Removes each withdrawn permission from the group's GRANT authorization, if it has it. */
  private void withdraw(List<Grant> withdrawn, Counter c) {
    AuthorizationService authorizations = engine.getAuthorizationService();
    for (Grant grant : withdrawn) {
      for (Authorization a :
          authorizations
              .createAuthorizationQuery()
              .authorizationType(Authorization.AUTH_TYPE_GRANT)
              .groupIdIn(grant.groupId())
              .resourceType(grant.resource())
              .resourceId(grant.resourceId())
              .list()) {
        boolean removed = false;
        for (Permission permission : grant.permissions()) {
          if (a.isPermissionGranted(permission)) {
            a.removePermission(permission);
            removed = true;
          }
        }
        if (removed) {
          authorizations.saveAuthorization(a);
          c.authorizationsUpdated++;
          LOG.warn("Withdrawn: {} (no longer granted by Yishi)", grant);
        }
      }
    }
  }

  private static final class Counter {
    int groupsCreated;
    int groupsUpdated;
    int authorizationsCreated;
    int authorizationsUpdated;
    int filtersCreated;
    int filtersUpdated;
    int usersCreated;
    int membershipsCreated;
  }
}
