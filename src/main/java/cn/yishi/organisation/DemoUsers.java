package cn.yishi.organisation;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.User;
import org.springframework.core.io.Resource;
import org.springframework.core.io.ResourceLoader;
import org.springframework.stereotype.Component;

/**
 * The demo users of {@code yishi.organisation.demo-users} (default {@code
 * classpath:organisation/demo-users.json}), created by {@link IdentitySync} only when {@code
 * yishi.demo-data=true}. An existing user is left as it is (password, name); missing memberships
 * are added. A membership in a group that does not exist fails startup naming user and group.
 */
@Component
public class DemoUsers {

  private static final ObjectMapper MAPPER =
      new ObjectMapper().enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

  /** One line of the demo users file. */
  public record DemoUser(
      String id,
      String firstName,
      String lastName,
      String password,
      String note,
      List<String> groups) {}

  public record Result(int usersCreated, int membershipsCreated) {}

  private final ResourceLoader resourceLoader;
  private final String location;

  public DemoUsers(ResourceLoader resourceLoader, OrganisationProperties properties) {
    this.resourceLoader = resourceLoader;
    this.location = properties.demoUsers();
  }

  public List<DemoUser> read() {
    Resource resource = resourceLoader.getResource(location);
    try (InputStream in = resource.getInputStream()) {
      return List.of(MAPPER.readValue(in, DemoUser[].class));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read demo users " + location, e);
    }
  }

  Result create(IdentityService identity) {
    Set<String> groupIds = new HashSet<>();
    for (Group group : identity.createGroupQuery().list()) {
      groupIds.add(group.getId());
    }
    int users = 0;
    int memberships = 0;
    for (DemoUser demo : read()) {
      for (String group : demo.groups()) {
        if (!groupIds.contains(group)) {
          throw new IllegalStateException(
              "demo user '"
                  + demo.id()
                  + "' ("
                  + location
                  + ") is in group '"
                  + group
                  + "', which does not exist");
        }
      }
      if (identity.createUserQuery().userId(demo.id()).count() == 0) {
        User user = identity.newUser(demo.id());
        user.setFirstName(demo.firstName());
        user.setLastName(demo.lastName());
        user.setPassword(demo.password());
        identity.saveUser(user);
        users++;
      }
      Set<String> current = new HashSet<>();
      for (Group group : identity.createGroupQuery().groupMember(demo.id()).list()) {
        current.add(group.getId());
      }
      for (String group : demo.groups()) {
        if (!current.contains(group)) {
          identity.createMembership(demo.id(), group);
          memberships++;
        }
      }
    }
    return new Result(users, memberships);
  }
}
