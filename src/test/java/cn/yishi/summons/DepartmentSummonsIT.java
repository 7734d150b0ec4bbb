package cn.yishi.summons;

import static cn.yishi.common.CommonVariables.*;
import static cn.yishi.summons.DepartmentSummonsProcess.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.yishi.common.CommonVariables;
import cn.yishi.organisation.Groups;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.DecisionService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * 吹哨报到 in the running application (real organisation, real tables from Flyway, on H2 and on
 * PostgreSQL): the summons and every department's rating are written to the database in the engine
 * step's transaction, so a step that fails leaves no record.
 */
@SpringBootTest
class DepartmentSummonsIT {

  private static final String COMMUNITY = "jn-jld-jldbl"; // 九里堤北路社区
  private static final String ADMIN = "admin";

  @Autowired RuntimeService runtimeService;
  @Autowired TaskService taskService;
  @Autowired IdentityService identityService;
  @Autowired DecisionService decisionService;
  @Autowired SummonsRepository repository;
  @Autowired JdbcTemplate jdbc;

  @AfterEach
  void signOut() {
    identityService.clearAuthentication();
  }

  private void signIn() {
    identityService.setAuthentication(ADMIN, List.of(Groups.CAMUNDA_ADMIN));
  }

  private ProcessInstance summon(String number, List<String> departments) {
    Map<String, Object> v = new HashMap<>();
    v.put(NUMBER.name(), number);
    v.put(CommonVariables.TITLE.name(), "菁华园瀑布噪音扰民");
    v.put(
        TIME_LIMITS.name(),
        new HashMap<>(
            decisionService
                .evaluateDecisionByKey(CommonVariables.TIME_LIMITS.name())
                .variables(Map.of(CommonVariables.TRACK.name(), "HARD"))
                .evaluate()
                .getSingleResult()
                .getEntryMap()));
    v.put(SUMMONED_DEPARTMENTS.name(), departments);
    v.put(SUMMONING_UNIT.name(), COMMUNITY);
    v.put(SUMMONS_TASK.name(), "现场勘查堰坝并提出降噪方案");
    signIn();
    return runtimeService.startProcessInstanceByKey(KEY, number, v);
  }

  private Task task(ProcessInstance instance, String key, String department) {
    return taskService
        .createTaskQuery()
        .processInstanceId(instance.getId())
        .taskDefinitionKey(key)
        .list()
        .stream()
        .filter(t -> department.equals(taskService.getVariable(t.getId(), DEPARTMENT.name())))
        .findFirst()
        .orElseThrow();
  }

  @Test
  void summonsAndEveryDepartmentsRatingAreWrittenToTheDatabase() {
    String number = "JN-2026-900001";
    ProcessInstance instance = summon(number, List.of("dept-river", "dept-housing"));

    List<SummonsRecord> summonses = repository.summonsesOf(number);
    assertThat(summonses).hasSize(1);
    SummonsRecord summons = summonses.get(0);
    assertThat(summons.summoningUnit()).isEqualTo(COMMUNITY);
    assertThat(summons.departments()).containsExactly("dept-river", "dept-housing");
    assertThat(summons.summonsTask()).isEqualTo("现场勘查堰坝并提出降噪方案");
    assertThat(summons.summonedBy()).isEqualTo(ADMIN);
    assertThat(summons.summonedAt())
        .isBetween(OffsetDateTime.now().minusMinutes(1), OffsetDateTime.now().plusSeconds(1));
    assertThat(summons.processInstanceId()).isEqualTo(instance.getId());
    assertThat(repository.ratingsOf(number)).isEmpty();

    // the real groups: each department's own group
    assertThat(
            taskService
                .createTaskQuery()
                .processInstanceId(instance.getId())
                .taskDefinitionKey(TASK_REPORT_IN)
                .taskCandidateGroup("dept-river.department")
                .count())
        .isEqualTo(1);
    Task riverReportIn = task(instance, TASK_REPORT_IN, "dept-river");
    assertThat(taskService.getVariable(riverReportIn.getId(), DEPARTMENT_NAME.name()))
        .isEqualTo("金牛区河长制办公室");
    assertThat(taskService.getVariable(riverReportIn.getId(), SUMMONING_UNIT_NAME.name()))
        .isEqualTo("九里堤北路社区");

    for (String department : List.of("dept-river", "dept-housing")) {
      taskService.complete(
          task(instance, TASK_REPORT_IN, department).getId(),
          Map.of(REPORT_IN_NOTE.name(), "王工到场"));
      taskService.complete(
          task(instance, TASK_DO_DEPARTMENT_PART, department).getId(),
          Map.of(DEPARTMENT_WORK.name(), department + "：已勘查"));
    }
    taskService.complete(
        task(instance, TASK_RATE_DEPARTMENT, "dept-river").getId(),
        Map.of(DEPARTMENT_RATING.name(), "SATISFIED"));
    taskService.complete(
        task(instance, TASK_RATE_DEPARTMENT, "dept-housing").getId(),
        Map.of(
            DEPARTMENT_RATING.name(), "DISSATISFIED", DEPARTMENT_RATING_COMMENT.name(), "施工拖延两周"));
    // the dissatisfied department redoes its part once; its second rating is final
    assertThat(repository.ratingsOf(number)).hasSize(2);
    taskService.complete(
        task(instance, TASK_DO_DEPARTMENT_PART, "dept-housing").getId(),
        Map.of(DEPARTMENT_WORK.name(), "dept-housing：已返工"));
    taskService.complete(
        task(instance, TASK_RATE_DEPARTMENT, "dept-housing").getId(),
        Map.of(
            DEPARTMENT_RATING.name(),
            "BASICALLY_SATISFIED",
            DEPARTMENT_RATING_COMMENT.name(),
            "返工后基本满意"));

    assertThat(
            runtimeService.createProcessInstanceQuery().processInstanceId(instance.getId()).count())
        .isZero();
    List<DepartmentRatingRecord> ratings = repository.ratingsOf(number);
    assertThat(ratings)
        .extracting(
            DepartmentRatingRecord::department,
            DepartmentRatingRecord::rating,
            DepartmentRatingRecord::ratingComment)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(
                "dept-housing", DepartmentRating.DISSATISFIED, "施工拖延两周"),
            org.assertj.core.groups.Tuple.tuple(
                "dept-housing", DepartmentRating.BASICALLY_SATISFIED, "返工后基本满意"),
            org.assertj.core.groups.Tuple.tuple("dept-river", DepartmentRating.SATISFIED, null));
    DepartmentRatingRecord housing = ratings.get(0);
    assertThat(housing.summonsId()).isEqualTo(summons.id());
    assertThat(housing.proposalNumber()).isEqualTo(number);
    assertThat(housing.summoningUnit()).isEqualTo(COMMUNITY);
    assertThat(housing.reportInOverdue()).isFalse();
    assertThat(housing.reportedInBy()).isEqualTo(ADMIN);
    assertThat(housing.workDone()).isEqualTo("dept-housing：已勘查");
    assertThat(housing.ratedBy()).isEqualTo(ADMIN);
    assertThat(housing.reportedInAt()).isBeforeOrEqualTo(housing.doneAt());
    assertThat(housing.doneAt()).isBeforeOrEqualTo(housing.ratedAt());
  }

  @Test
  void aSummonsThatFailsInItsStepLeavesNoRecord() {
    String number = "JN-2026-900002";
    // an unknown department: its group cannot be found when its report-in task is created,
    // in the same transaction that wrote the summons
    assertThatThrownBy(() -> summon(number, List.of("dept-river", "dept-moon")))
        .hasMessageContaining("dept-moon");

    assertThat(repository.summonsesOf(number)).isEmpty();
    assertThat(
            jdbc.queryForObject(
                "SELECT COUNT(*) FROM department_summons WHERE proposal_number = ?",
                Integer.class,
                number))
        .isZero();
  }
}
