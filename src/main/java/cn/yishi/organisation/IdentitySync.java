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
import org.camunda.bpm.engine.task.TaskQuery;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.stereotype.Component;

/**
 * Brings Camunda's identity in line with the organisation at every start, before the web server
 * accepts requests: groups for every unit role, department and global group; the authorizations of
 * {@link AuthorizationPolicy}; the two shared Tasklist filters; and, with {@code
 * yishi.demo-data=true}, the demo users. Only creates what is missing (and renames a group whose
 * name changed in the data file), so a second start changes nothing. Never deletes, except the
 * permissions {@link AuthorizationPolicy#withdrawn()} takes back from older databases.
 */
@Component
public class IdentitySync implements SmartInitializingSingleton {

  private static final Logger LOG = LoggerFactory.getLogger(IdentitySync.class);

  public static final String FILTER_GROUP_TASKS = "我的小组待办";
  public static final String FILTER_MY_TASKS = "我的任务";

  private final ProcessEngine engine;
  private final Groups groups;
  private final DemoUsers demoUsers;
  private final boolean demoData;
  private volatile SyncReport lastReport;

  public IdentitySync(
      ProcessEngine engine, Groups groups, DemoUsers demoUsers, DemoDataProperties demoData) {
    this.engine = engine;
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
            + " {} filters created, {} demo users created, {} memberships created",
        report.groupsCreated(),
        report.groupsUpdated(),
        report.authorizationsCreated(),
        report.authorizationsUpdated(),
        report.filtersCreated(),
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
    withdraw(AuthorizationPolicy.withdrawn(), c);

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

  private List<Filter> syncFilters(Counter c) {
    FilterService filters = engine.getFilterService();
    TaskService tasks = engine.getTaskService();
    List<Filter> result = new ArrayList<>();
    result.add(
        filter(
            filters,
            FILTER_GROUP_TASKS,
            tasks.createTaskQuery().taskCandidateGroupInExpression("${currentUserGroups()}"),
            "我所在小组（候选组）尚未认领的任务",
            -10,
            c));
    result.add(
        filter(
            filters,
            FILTER_MY_TASKS,
            tasks.createTaskQuery().taskAssigneeExpression("${currentUser()}"),
            "已分配给我的任务",
            -5,
            c));
    return result;
  }

  private Filter filter(
      FilterService filters,
      String name,
      TaskQuery query,
      String description,
      int priority,
      Counter c) {
    List<Filter> found = filters.createFilterQuery().filterName(name).list();
    if (!found.isEmpty()) {
      if (found.size() > 1) {
        LOG.warn(
            "{} Tasklist filters are named '{}'; keeping them all",
            found.size(),
            LogText.safe(name));
      }
      return found.get(0);
    }
    Map<String, Object> properties = new LinkedHashMap<>();
    properties.put("description", description);
    properties.put("priority", priority);
    properties.put("refresh", true);
    properties.put(
        "variables",
        List.of(
            Map.of("name", CommonVariables.TITLE.name(), "label", "标题"),
            Map.of("name", CommonVariables.COMMUNITY.name(), "label", "社区")));
    Filter filter = filters.newTaskFilter(name);
    filter.setQuery(query);
    filter.setProperties(properties);
    filters.saveFilter(filter);
    c.filtersCreated++;
    return filter;
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
    int usersCreated;
    int membershipsCreated;
  }
}
