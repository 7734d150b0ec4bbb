package cn.yishi.security;

import static cn.yishi.security.SecurityTestSupport.DEMO_PASSWORD;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.yishi.common.CommonVariables;
import cn.yishi.organisation.Groups;
import cn.yishi.organisation.IdentitySync;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.el.StartProcessVariableScope;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;

/**
 * The deployment policy through the real engine REST API, as Camunda Modeler deploys: policy
 * staff's diagrams that would run code are refused with 400 naming file and element, and nothing of
 * them is deployed or run; deleting a deployment is for administrators, never ends running
 * proposals, and never deletes history for a user without the right.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class DeploymentPolicyIT {

  static final String ADMIN = "admin";
  static final String ADMIN_PASSWORD = "admin";

  @Autowired TestRestTemplate rest;
  @Autowired RepositoryService repositoryService;
  @Autowired RuntimeService runtimeService;
  @Autowired TaskService taskService;
  @Autowired HistoryService historyService;
  @Autowired ManagementService managementService;
  @Autowired AuthorizationService authorizationService;
  @Autowired IdentitySync identitySync;
  @Autowired ProcessEngineConfigurationImpl engineConfiguration;

  static String bpmn(String processId, String body) {
    return """
        <?xml version="1.0" encoding="UTF-8"?>
        <bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL"
            xmlns:camunda="http://camunda.org/schema/1.0/bpmn" id="Definitions_%1$s" targetNamespace="https://yishi.cn/test">
          <bpmn:process id="%1$s" name="测试" isExecutable="true" camunda:historyTimeToLive="P1D">
            %2$s
          </bpmn:process>
        </bpmn:definitions>
        """
        .formatted(processId, body);
  }

  /** Timer start in the past, then the step under test, then the end. */
  static String timerStartThen(String processId, String step) {
    return bpmn(
        processId,
        """
        <bpmn:startEvent id="Event_Start">
          <bpmn:timerEventDefinition id="Timer_Past"><bpmn:timeDate>2020-01-01T00:00:00Z</bpmn:timeDate></bpmn:timerEventDefinition>
        </bpmn:startEvent>
        <bpmn:sequenceFlow id="Flow_ToStep" sourceRef="Event_Start" targetRef="Task_Attack"/>
        %s
        <bpmn:sequenceFlow id="Flow_ToEnd" sourceRef="Task_Attack" targetRef="Event_End"/>
        <bpmn:endEvent id="Event_End"/>
        """
            .formatted(step));
  }

  static final String DECISION_WITH_BEAN_CALL =
      """
      <definitions xmlns="https://www.omg.org/spec/DMN/20191111/MODEL/" id="Definitions_Attack" name="攻击" namespace="https://yishi.cn/test">
        <decision id="attackDecision" name="攻击">
          <decisionTable id="Table_Attack">
            <input id="Input_Topic"><inputExpression id="InputExpression_Topic" typeRef="string"><text>topic</text></inputExpression></input>
            <output id="Output_Category" name="category" typeRef="string"/>
            <rule id="Rule_Attack">
              <inputEntry id="InputEntry_Any"><text>-</text></inputEntry>
              <outputEntry id="OutputEntry_Attack" expressionLanguage="juel"><text>${jdbcTemplate.queryForList('SELECT * FROM ACT_ID_USER')}</text></outputEntry>
            </rule>
          </decisionTable>
        </decision>
      </definitions>
      """;

  @Test
  void policyStaffsDiagramsThatWouldRunCodeAreRefusedAndNothingIsDeployedOrRun() {
    Map<String, String> payloads =
        Map.of(
            "bean-call.bpmn",
            timerStartThen(
                "attackBeanCall",
                "<bpmn:serviceTask id=\"Task_Attack\" camunda:expression=\"${jdbcTemplate.queryForList('SELECT COUNT(*) FROM ACT_ID_USER')}\"/>"),
            "engine-services.bpmn",
            timerStartThen(
                "attackEngineServices",
                "<bpmn:serviceTask id=\"Task_Attack\" camunda:expression=\"${execution.processEngineServices.identityService.createUserQuery().count()}\"/>"),
            "reflection.bpmn",
            timerStartThen(
                "attackReflection",
                "<bpmn:serviceTask id=\"Task_Attack\" camunda:expression=\"${''.getClass().forName('java.lang.Runtime').getMethods()}\"/>"),
            "script-task.bpmn",
            timerStartThen(
                "attackScript",
                "<bpmn:scriptTask id=\"Task_Attack\" scriptFormat=\"javascript\"><bpmn:script>java.lang.System.exit(1)</bpmn:script></bpmn:scriptTask>"),
            "java-class.bpmn",
            timerStartThen(
                "attackClass",
                "<bpmn:serviceTask id=\"Task_Attack\" camunda:class=\"java.lang.Object\"/>"),
            "embedded-form.bpmn",
            timerStartThen(
                "attackForm",
                "<bpmn:userTask id=\"Task_Attack\" camunda:formKey=\"embedded:deployment:attack.html\"/>"),
            "juel-decision.dmn",
            DECISION_WITH_BEAN_CALL);
    long deploymentsBefore = repositoryService.createDeploymentQuery().count();
    long jobsBefore = managementService.createJobQuery().count();
    payloads.forEach(
        (file, content) -> {
          ResponseEntity<String> answer =
              deploy("policy", DEMO_PASSWORD, "attack-" + file, file, content);
          assertThat(answer.getStatusCode())
              .as(file + ": " + answer.getBody())
              .isEqualTo(HttpStatus.BAD_REQUEST);
          assertThat(answer.getBody())
              .as(file)
              .contains(file)
              .contains(file.endsWith(".dmn") ? "OutputEntry_Attack" : "Task_Attack")
              .contains("部署被拒绝");
          assertThat(
                  repositoryService
                      .createDeploymentQuery()
                      .deploymentName("attack-" + file)
                      .count())
              .as(file)
              .isZero();
        });
    assertThat(repositoryService.createDeploymentQuery().count()).isEqualTo(deploymentsBefore);
    assertThat(
            repositoryService
                .createProcessDefinitionQuery()
                .processDefinitionKeyLike("attack%")
                .count())
        .isZero();
    assertThat(
            repositoryService
                .createDecisionDefinitionQuery()
                .decisionDefinitionKey("attackDecision")
                .count())
        .isZero();
    // no timer was scheduled, so nothing ran
    assertThat(managementService.createJobQuery().count()).isEqualTo(jobsBefore);
    assertThat(
            historyService
                .createHistoricProcessInstanceQuery()
                .processDefinitionKey("attackBeanCall")
                .count())
        .isZero();
  }

  @Test
  void aDiagramCallingOnlyAllowedBeansIsAccepted() {
    ResponseEntity<String> answer =
        deploy(
            "policy",
            DEMO_PASSWORD,
            "allowed-diagram",
            "allowed.bpmn",
            userTaskDiagram("policyAllowedTest"));
    assertThat(answer.getStatusCode()).as(answer.getBody()).isEqualTo(HttpStatus.OK);
    assertThat(
            repositoryService
                .createProcessDefinitionQuery()
                .processDefinitionKey("policyAllowedTest")
                .count())
        .isEqualTo(1);
  }

  @Test
  void expressionsReachOnlyTheBeansDiagramsMayCall() {
    Object units =
        engineConfiguration
            .getCommandExecutorTxRequired()
            .execute(
                context ->
                    engineConfiguration
                        .getExpressionManager()
                        .createExpression("${units}")
                        .getValue(StartProcessVariableScope.getSharedInstance()));
    assertThat(units).isInstanceOf(cn.yishi.organisation.Units.class);
    assertThatThrownBy(
            () ->
                engineConfiguration
                    .getCommandExecutorTxRequired()
                    .execute(
                        context ->
                            engineConfiguration
                                .getExpressionManager()
                                .createExpression("${jdbcTemplate}")
                                .getValue(StartProcessVariableScope.getSharedInstance())))
        .isInstanceOf(ProcessEngineException.class)
        .hasMessageContaining("jdbcTemplate");
  }

  @Test
  void onlyAdministratorsDeleteDeploymentsAndNeverWhileProposalsRun() {
    String deploymentId = deployAsPolicy("delete-running", "policyDeleteRunningTest");
    String instance =
        runtimeService
            .startProcessInstanceByKey(
                "policyDeleteRunningTest", Map.of(CommonVariables.COMMUNITY.name(), "jn-jld-jldbl"))
            .getId();

    assertThat(delete("policy", DEMO_PASSWORD, deploymentId, true).getStatusCode())
        .isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(delete("policy", DEMO_PASSWORD, deploymentId, false).getStatusCode())
        .isEqualTo(HttpStatus.FORBIDDEN);

    ResponseEntity<String> cascade = delete(ADMIN, ADMIN_PASSWORD, deploymentId, true);
    assertThat(cascade.getStatusCode()).as(cascade.getBody()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(cascade.getBody()).contains("1 个进行中的流程实例");
    assertThat(runtimeService.createProcessInstanceQuery().processInstanceId(instance).count())
        .isEqualTo(1);
    assertThat(repositoryService.createDeploymentQuery().deploymentId(deploymentId).count())
        .isEqualTo(1);

    // the explicit choice: the running instance is ended on its own first, then the deployment goes
    runtimeService.deleteProcessInstance(
        instance, "test: ended on purpose before deleting its deployment");
    assertThat(delete(ADMIN, ADMIN_PASSWORD, deploymentId, true).getStatusCode())
        .isEqualTo(HttpStatus.NO_CONTENT);
    assertThat(repositoryService.createDeploymentQuery().deploymentId(deploymentId).count())
        .isZero();
  }

  @Test
  void historySurvivesACascadingDeleteByPolicyStaffOfTheirOwnDeployment() {
    // the engine gives whoever deploys ALL on their deployment; policy staff have no DELETE_HISTORY
    String deploymentId = deployAsPolicy("delete-history", "policyDeleteHistoryTest");
    String instance =
        runtimeService
            .startProcessInstanceByKey(
                "policyDeleteHistoryTest", Map.of(CommonVariables.COMMUNITY.name(), "jn-jld-jldbl"))
            .getId();
    taskService.complete(
        taskService.createTaskQuery().processInstanceId(instance).singleResult().getId());

    ResponseEntity<String> answer = delete("policy", DEMO_PASSWORD, deploymentId, true);
    assertThat(answer.getStatusCode()).as(answer.getBody()).isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(answer.getBody()).contains("camunda-admin");
    assertThat(
            historyService.createHistoricProcessInstanceQuery().processInstanceId(instance).count())
        .isEqualTo(1);
    assertThat(repositoryService.createDeploymentQuery().deploymentId(deploymentId).count())
        .isEqualTo(1);
  }

  @Test
  void aRestartTakesBackPolicyStaffsOldRightToDeleteDeployments() {
    // as a database from an earlier version has it
    Authorization old =
        authorizationService
            .createAuthorizationQuery()
            .authorizationType(Authorization.AUTH_TYPE_GRANT)
            .groupIdIn(Groups.POLICY_STAFF)
            .resourceType(Resources.DEPLOYMENT)
            .resourceId(Authorization.ANY)
            .singleResult();
    old.addPermission(Permissions.DELETE);
    authorizationService.saveAuthorization(old);
    // Yishi's own deployment, made at start by the system: no one owns it
    String yishi =
        repositoryService.createDeploymentQuery().deploymentName("yishi").singleResult().getId();
    assertThat(mayDelete("policy", yishi)).isTrue();

    identitySync.synchronise(); // what every start runs

    assertThat(mayDelete("policy", yishi)).isFalse();
    assertThat(
            authorizationService.isUserAuthorized(
                "policy",
                List.of(Groups.POLICY_STAFF),
                Permissions.CREATE,
                Resources.DEPLOYMENT,
                Authorization.ANY))
        .as("policy staff still deploy")
        .isTrue();
    assertThat(delete("policy", DEMO_PASSWORD, yishi, true).getStatusCode())
        .isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(repositoryService.createDeploymentQuery().deploymentId(yishi).count()).isEqualTo(1);
  }

  boolean mayDelete(String user, String deploymentId) {
    return authorizationService.isUserAuthorized(
        user, List.of(Groups.POLICY_STAFF), Permissions.DELETE, Resources.DEPLOYMENT, deploymentId);
  }

  // --- helpers

  static String userTaskDiagram(String processId) {
    return bpmn(
        processId,
        """
        <bpmn:startEvent id="Event_Start"/>
        <bpmn:sequenceFlow id="Flow_ToTask" sourceRef="Event_Start" targetRef="Task_Review"/>
        <bpmn:userTask id="Task_Review" name="审核" camunda:candidateGroups="${groups.caseworkers(community)}">
          <bpmn:extensionElements>
            <camunda:executionListener event="start" expression="${execution.setVariable('unitName', units.name(community))}"/>
          </bpmn:extensionElements>
        </bpmn:userTask>
        <bpmn:sequenceFlow id="Flow_ToEnd" sourceRef="Task_Review" targetRef="Event_End"/>
        <bpmn:endEvent id="Event_End"/>
        """);
  }

  String deployAsPolicy(String name, String processId) {
    ResponseEntity<String> answer =
        deploy("policy", DEMO_PASSWORD, name, processId + ".bpmn", userTaskDiagram(processId));
    assertThat(answer.getStatusCode()).as(answer.getBody()).isEqualTo(HttpStatus.OK);
    return repositoryService.createDeploymentQuery().deploymentName(name).singleResult().getId();
  }

  ResponseEntity<String> delete(
      String user, String password, String deploymentId, boolean cascade) {
    return rest.withBasicAuth(user, password)
        .exchange(
            "/engine-rest/deployment/" + deploymentId + "?cascade=" + cascade,
            HttpMethod.DELETE,
            null,
            String.class);
  }

  /** {@code POST /engine-rest/deployment/create} (multipart), as Camunda Modeler does. */
  ResponseEntity<String> deploy(
      String user, String password, String deploymentName, String file, String content) {
    MultiValueMap<String, Object> parts = new LinkedMultiValueMap<>();
    parts.add("deployment-name", deploymentName);
    parts.add("deployment-source", "Camunda Modeler");
    parts.add(
        file,
        new ByteArrayResource(content.getBytes(StandardCharsets.UTF_8)) {
          @Override
          public String getFilename() {
            return file;
          }
        });
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.MULTIPART_FORM_DATA);
    return rest.withBasicAuth(user, password)
        .postForEntity(
            "/engine-rest/deployment/create", new HttpEntity<>(parts, headers), String.class);
  }
}
