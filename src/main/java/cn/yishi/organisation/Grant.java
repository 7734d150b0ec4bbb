package cn.yishi.organisation;

import java.util.List;
import org.camunda.bpm.engine.authorization.Permission;
import org.camunda.bpm.engine.authorization.Resource;

/**
 * One authorization Yishi keeps in place: a GRANT for {@code groupId}, or a GLOBAL authorization
 * (every user) when {@code groupId} is null.
 */
public record Grant(
    String groupId, Resource resource, String resourceId, List<Permission> permissions) {

  public static Grant group(
      String groupId, Resource resource, String resourceId, Permission... permissions) {
    return new Grant(groupId, resource, resourceId, List.of(permissions));
  }

  public static Grant everyone(Resource resource, String resourceId, Permission... permissions) {
    return new Grant(null, resource, resourceId, List.of(permissions));
  }

  public boolean isGlobal() {
    return groupId == null;
  }

  @Override
  public String toString() {
    StringBuilder names = new StringBuilder();
    for (Permission p : permissions) {
      names.append(names.length() == 0 ? "" : ",").append(p.getName());
    }
    return (isGlobal() ? "GLOBAL" : groupId)
        + " "
        + resource.resourceName()
        + "/"
        + resourceId
        + " "
        + names;
  }
}
