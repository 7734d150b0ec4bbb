package cn.yishi.organisation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.ProcessDefinitionPermissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.identity.Group;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/** {@code GET /api/organisation}, the lookups, the {@code groups} bean and the identity sync. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class OrganisationApiIT {

  static final List<String> STREETS =
      List.of(
          "jn-fq", "jn-smq", "jn-hhc", "jn-ymk", "jn-xal", "jn-wks", "jn-jld", "jn-cdz", "jn-fhs",
          "jn-jq", "jn-shy", "jn-thz", "jn-xh");

  @Autowired TestRestTemplate rest;
  @Autowired OrganisationService organisation;
  @Autowired Groups groups;
  @Autowired IdentitySync sync;
  @Autowired IdentityService identityService;
  @Autowired AuthorizationService authorizationService;
  @Autowired FilterService filterService;

  private final ObjectMapper json = new ObjectMapper();

  @Test
  void organisationIsPublicAndShapedLikeTheDataFile() throws Exception {
    ResponseEntity<String> response = rest.getForEntity("/api/organisation", String.class);
    assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(response.getHeaders().getContentType().isCompatibleWith(MediaType.APPLICATION_JSON))
        .isTrue();
    JsonNode body = json.readTree(response.getBody());

    try (InputStream in = getClass().getResourceAsStream("/organisation/jinniu.json")) {
      assertThat(body).isEqualTo(json.readTree(in));
    }
    List<String> rootFields = new ArrayList<>();
    body.fieldNames().forEachRemaining(rootFields::add);
    assertThat(rootFields).containsExactly("code", "name", "level", "children", "departments");
    assertThat(body.get("code").asText()).isEqualTo("jn");
    assertThat(body.get("name").asText()).isEqualTo("金牛区");
    assertThat(body.get("level").asText()).isEqualTo("DISTRICT");

    List<String> streets = new ArrayList<>();
    Map<String, String> communityStreet = new HashMap<>();
    Map<String, String> courtyardCommunity = new HashMap<>();
    Map<String, String> names = new HashMap<>();
    for (JsonNode street : body.get("children")) {
      assertThat(street.get("level").asText()).isEqualTo("STREET");
      streets.add(street.get("code").asText());
      names.put(street.get("code").asText(), street.get("name").asText());
      for (JsonNode community : street.get("children")) {
        assertThat(community.get("level").asText()).isEqualTo("COMMUNITY");
        communityStreet.put(community.get("code").asText(), street.get("code").asText());
        names.put(community.get("code").asText(), community.get("name").asText());
        for (JsonNode courtyard : community.get("children")) {
          assertThat(courtyard.get("level").asText()).isEqualTo("COURTYARD");
          assertThat(courtyard.get("children")).isEmpty();
          courtyardCommunity.put(courtyard.get("code").asText(), community.get("code").asText());
          names.put(courtyard.get("code").asText(), courtyard.get("name").asText());
        }
      }
    }
    assertThat(streets).containsExactlyElementsOf(STREETS);
    assertThat(names.get("jn-thz")).isEqualTo("天回镇街道");
    assertThat(communityStreet).hasSize(36);
    assertThat(communityStreet)
        .containsEntry("jn-jld-jldbl", "jn-jld")
        .containsEntry("jn-smq-ma", "jn-smq")
        .containsEntry("jn-smq-grc", "jn-smq")
        .containsEntry("jn-cdz-hz", "jn-cdz")
        .containsEntry("jn-fq-jyj", "jn-fq")
        .containsEntry("jn-shy-hz", "jn-shy")
        .containsEntry("jn-xh-xw", "jn-xh");
    assertThat(names)
        .containsEntry("jn-jld-jldbl", "九里堤北路社区")
        .containsEntry("jn-cdz-hz", "黄忠社区")
        .containsEntry("jn-shy-hz", "汇泽社区");
    // streets with pilot communities, per seed 003
    Map<String, Long> perStreet = new HashMap<>();
    communityStreet.values().forEach(s -> perStreet.merge(s, 1L, Long::sum));
    assertThat(perStreet)
        .containsEntry("jn-fq", 7L)
        .containsEntry("jn-smq", 6L)
        .containsEntry("jn-hhc", 5L)
        .containsEntry("jn-ymk", 5L)
        .containsEntry("jn-xal", 2L)
        .containsEntry("jn-wks", 1L)
        .containsEntry("jn-jld", 1L)
        .containsEntry("jn-cdz", 3L)
        .containsEntry("jn-fhs", 1L)
        .containsEntry("jn-jq", 1L)
        .containsEntry("jn-shy", 2L)
        .containsEntry("jn-thz", 1L)
        .containsEntry("jn-xh", 1L);

    assertThat(courtyardCommunity)
        .containsOnly(
            Map.entry("jn-jld-jldbl-jhy", "jn-jld-jldbl"),
            Map.entry("jn-smq-ma-mabl8", "jn-smq-ma"),
            Map.entry("jn-smq-ma-mddy", "jn-smq-ma"),
            Map.entry("jn-smq-grc-xhzl6", "jn-smq-grc"),
            Map.entry("jn-cdz-hz-jsgj", "jn-cdz-hz"));
    assertThat(names)
        .containsEntry("jn-jld-jldbl-jhy", "菁华园")
        .containsEntry("jn-smq-ma-mabl8", "马鞍北路8号院")
        .containsEntry("jn-smq-ma-mddy", "马东大院")
        .containsEntry("jn-smq-grc-xhzl6", "星辉中路6号院")
        .containsEntry("jn-cdz-hz-jsgj", "金沙国际小区");

    Map<String, String> departments = new HashMap<>();
    for (JsonNode department : body.get("departments")) {
      assertThat(department.get("kind").asText()).isNotBlank();
      departments.put(department.get("code").asText(), department.get("name").asText());
    }
    assertThat(departments)
        .containsEntry("dept-housing", "金牛区住房建设和交通局")
        .containsEntry("dept-river", "金牛区河长制办公室")
        .containsEntry("dept-city-river", "成都市河长制办公室")
        .containsEntry("dept-water", "金牛区水务局")
        .containsEntry("dept-police", "金牛公安分局")
        .containsEntry("dept-smq-safety", "驷马桥街道安全生产监督管理办公室")
        .containsEntry("dept-finance", "金牛区财政局")
        .containsEntry("dept-market", "金牛区市场监督管理局");
  }

  @Test
  void lookups() {
    assertThat(organisation.levelOf("jn-jld-jldbl")).isEqualTo(UnitLevel.COMMUNITY);
    assertThat(organisation.parentOf("jn-jld-jldbl").orElseThrow().code()).isEqualTo("jn-jld");
    assertThat(organisation.parentOf("jn")).isEmpty();
    assertThat(organisation.childrenOf("jn-smq-ma"))
        .extracting(Unit::code)
        .containsExactly("jn-smq-ma-mabl8", "jn-smq-ma-mddy");
    assertThat(organisation.communityOf("jn-cdz-hz-jsgj").code()).isEqualTo("jn-cdz-hz");
    assertThat(organisation.ancestorAt("jn-smq-grc-xhzl6", UnitLevel.STREET).orElseThrow().name())
        .isEqualTo("驷马桥街道");
    assertThat(organisation.isWithin("jn-jld-jldbl-jhy", "jn-jld")).isTrue();
    assertThat(organisation.isWithin("jn-jld-jldbl-jhy", "jn-smq")).isFalse();
    assertThat(organisation.department("dept-police").kind()).isEqualTo("POLICE");
    assertThatThrownBy(() -> organisation.unit("jn-xyz"))
        .isInstanceOf(UnknownUnitException.class)
        .hasMessageContaining("'jn-xyz'");
    assertThatThrownBy(() -> organisation.communityOf("jn-jld-jldbl"))
        .isInstanceOf(UnknownUnitException.class)
        .hasMessageContaining("'jn-jld-jldbl' is a COMMUNITY");
  }

  @Test
  void groupsBeanNamesGroupsAndRefusesUnknownUnitsAndRoles() {
    assertThat(groups.caseworkers("jn-jld-jldbl")).isEqualTo("jn-jld-jldbl.caseworker");
    assertThat(groups.caseworkers("jn-jld-jldbl-jhy")).isEqualTo("jn-jld-jldbl-jhy.caseworker");
    assertThat(groups.committee("jn")).isEqualTo("jn.committee");
    assertThat(groups.committee("jn-jld")).isEqualTo("jn-jld.committee");
    assertThat(groups.gridworkers("jn-smq-ma")).isEqualTo("jn-smq-ma.gridworker");
    assertThat(groups.party("jn-smq-ma")).isEqualTo("jn-smq-ma.party");
    assertThat(groups.twoCommittees("jn-smq-ma")).isEqualTo("jn-smq-ma.twocommittees");
    assertThat(groups.supervisors("jn-smq-ma")).isEqualTo("jn-smq-ma.supervisor");
    assertThat(groups.department("dept-river")).isEqualTo("dept-river.department");

    assertThatThrownBy(() -> groups.caseworkers("jn-nowhere"))
        .isInstanceOf(UnknownUnitException.class)
        .hasMessageContaining("'jn-nowhere'");
    assertThatThrownBy(() -> groups.gridworkers("jn-jld"))
        .isInstanceOf(UnknownUnitException.class)
        .hasMessageContaining("'jn-jld'")
        .hasMessageContaining("'gridworker'");
    assertThatThrownBy(() -> groups.party("jn-jld-jldbl-jhy"))
        .isInstanceOf(UnknownUnitException.class)
        .hasMessageContaining("'jn-jld-jldbl-jhy'");
    assertThatThrownBy(() -> groups.department("dept-nothing"))
        .isInstanceOf(UnknownUnitException.class)
        .hasMessageContaining("'dept-nothing'");
    assertThatThrownBy(() -> groups.caseworkers(null)).isInstanceOf(UnknownUnitException.class);
  }

  @Test
  void everyGroupExistsWithAChineseNameAndTasklistAccess() {
    Map<String, Group> existing = new HashMap<>();
    identityService.createGroupQuery().list().forEach(g -> existing.put(g.getId(), g));
    List<GroupDefinition> definitions = groups.definitions();
    // 1 district + 13 streets + 5 courtyards: 2 roles each; 36 communities: 6 roles each
    long unitGroups =
        definitions.stream().filter(d -> d.kind() == GroupDefinition.Kind.UNIT).count();
    assertThat(unitGroups).isEqualTo(2 * (1 + 13 + 5) + 6 * 36);
    assertThat(existing)
        .containsKeys(
            "auditors",
            "policy-staff",
            "camunda-admin",
            "jn.caseworker",
            "jn.committee",
            "jn-jld.caseworker",
            "jn-jld.committee",
            "jn-jld-jldbl.caseworker",
            "jn-jld-jldbl.committee",
            "jn-jld-jldbl.gridworker",
            "jn-jld-jldbl.party",
            "jn-jld-jldbl.twocommittees",
            "jn-jld-jldbl.supervisor",
            "jn-jld-jldbl-jhy.caseworker",
            "jn-jld-jldbl-jhy.committee",
            "dept-river.department",
            "dept-smq-safety.department");
    assertThat(existing.get("jn-jld-jldbl.caseworker").getName()).isEqualTo("九里堤北路社区 · 社区工作者");
    assertThat(existing.get("jn-jld-jldbl-jhy.committee").getName())
        .isEqualTo("九里堤北路社区菁华园 · 院落公共议事小组");
    for (GroupDefinition definition : definitions) {
      Group group = existing.get(definition.id());
      assertThat(group).as(definition.id()).isNotNull();
      assertThat(group.getName()).isEqualTo(definition.name());
      assertThat(OrganisationLoader.isChinese(group.getName())).as(definition.id()).isTrue();
      assertThat(group.getType()).isEqualTo("WORKFLOW");
      if (definition.kind() != GroupDefinition.Kind.GLOBAL) {
        Authorization tasklist =
            authorizationService
                .createAuthorizationQuery()
                .groupIdIn(definition.id())
                .resourceType(Resources.APPLICATION)
                .resourceId("tasklist")
                .singleResult();
        assertThat(tasklist).as(definition.id()).isNotNull();
        assertThat(tasklist.isPermissionGranted(Permissions.ACCESS)).isTrue();
      }
    }
    // caseworkers have no global TASK permission: they see tasks only through per-task grants
    assertThat(
            authorizationService
                .createAuthorizationQuery()
                .groupIdIn("jn-jld-jldbl.caseworker", "jn-smq-ma.caseworker", "jn.caseworker")
                .resourceType(Resources.TASK)
                .resourceId(Authorization.ANY)
                .count())
        .isZero();
    assertThat(
            authorizationService
                .createAuthorizationQuery()
                .groupIdIn("jn-jld-jldbl.caseworker")
                .resourceType(Resources.APPLICATION)
                .resourceId("cockpit")
                .count())
        .isZero();
    // they may read the procedures (Tasklist shows a task's process name and diagram), not
    // the instances or tasks of a definition
    Authorization procedures =
        authorizationService
            .createAuthorizationQuery()
            .groupIdIn("jn-jld-jldbl.caseworker")
            .resourceType(Resources.PROCESS_DEFINITION)
            .resourceId(Authorization.ANY)
            .singleResult();
    assertThat(procedures.isPermissionGranted(ProcessDefinitionPermissions.READ)).isTrue();
    assertThat(procedures.isPermissionGranted(ProcessDefinitionPermissions.READ_INSTANCE))
        .isFalse();
    assertThat(procedures.isPermissionGranted(ProcessDefinitionPermissions.READ_TASK)).isFalse();
    assertThat(procedures.isPermissionGranted(ProcessDefinitionPermissions.READ_HISTORY)).isFalse();
  }

  @Test
  void tasklistFiltersAreSharedWithEveryone() {
    for (String name : List.of(IdentitySync.FILTER_GROUP_TASKS, IdentitySync.FILTER_MY_TASKS)) {
      List<Filter> filters = filterService.createFilterQuery().filterName(name).list();
      assertThat(filters).as(name).hasSize(1);
      Authorization global =
          authorizationService
              .createAuthorizationQuery()
              .authorizationType(Authorization.AUTH_TYPE_GLOBAL)
              .resourceType(Resources.FILTER)
              .resourceId(filters.get(0).getId())
              .singleResult();
      assertThat(global).as(name).isNotNull();
      assertThat(global.isPermissionGranted(Permissions.READ)).isTrue();
    }
  }

  @Test
  void synchronisingAgainChangesNothing() {
    long authorizations = authorizationService.createAuthorizationQuery().count();
    long groupCount = identityService.createGroupQuery().count();
    SyncReport again = sync.synchronise();
    assertThat(again.changes()).as(again.toString()).isZero();
    assertThat(authorizationService.createAuthorizationQuery().count()).isEqualTo(authorizations);
    assertThat(identityService.createGroupQuery().count()).isEqualTo(groupCount);
  }

  @Test
  void demoUsersExistInTheirGroups() {
    assertThat(identityService.createUserQuery().memberOfGroup("jn-jld-jldbl.caseworker").list())
        .extracting(u -> u.getId())
        .contains("jldbl-caseworker", "jldbl-caseworker2");
    assertThat(
            identityService.createUserQuery().userId("auditor").memberOfGroup("auditors").count())
        .isEqualTo(1);
    assertThat(identityService.checkPassword("jn-committee", "demo")).isTrue();
  }
}
