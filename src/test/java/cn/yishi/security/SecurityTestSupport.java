package cn.yishi.security;

import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;

/** Small helpers shared by the security ITs. */
final class SecurityTestSupport {

  static final String DEMO_PASSWORD = "demo";

  private SecurityTestSupport() {}

  /** Sets the engine authentication to the user with their groups (queried as the system). */
  static void authenticate(IdentityService identityService, String userId) {
    identityService.clearAuthentication();
    List<String> groupIds = new ArrayList<>();
    for (Group group : identityService.createGroupQuery().groupMember(userId).list()) {
      groupIds.add(group.getId());
    }
    identityService.setAuthentication(userId, groupIds);
  }
}
