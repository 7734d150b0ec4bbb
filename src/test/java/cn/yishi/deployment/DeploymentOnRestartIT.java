package cn.yishi.deployment;

import static org.assertj.core.api.Assertions.assertThat;

import cn.yishi.YishiApplication;
import cn.yishi.common.CommonVariables;
import cn.yishi.proposal.ProposalLifecycleProcess;
import cn.yishi.testsupport.TestDatabase;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Consumer;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.repository.DecisionDefinition;
import org.camunda.bpm.engine.variable.Variables;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.client.RestTemplateBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import org.springframework.web.client.HttpClientErrorException;
import org.springframework.web.client.RestTemplate;

/**
 * Yishi started twice on one database, as an operator would restart it: the second start deploys
 * nothing when nothing changed, and a table that policy staff deployed from Camunda Modeler
 * (through /engine-rest with their own credentials) stays the latest version.
 */
class DeploymentOnRestartIT {

  private static final String POLICY_USER = "policy-tester";
  private static final String PASSWORD = "Policy-Test-2026";

  private TestDatabase.Url database;

  @BeforeEach
  void newDatabase() {
    database = TestDatabase.newDatabase();
  }

  @AfterEach
  void releaseDatabase() {
    TestDatabase.release();
  }

  private ConfigurableApplicationContext startYishi() {
    // as command line arguments, so they outrank application.yaml like an operator's settings
    return new SpringApplicationBuilder(YishiApplication.class)
        .run(
            "--server.port=0",
            "--yishi.test.own-database=true",
            "--spring.datasource.url=" + database.jdbcUrl(),
            "--spring.datasource.username=" + database.username(),
            "--spring.datasource.password=" + database.password());
  }

  private void withYishi(Consumer<ConfigurableApplicationContext> use) {
    try (ConfigurableApplicationContext yishi = startYishi()) {
      use.accept(yishi);
    }
  }

  private static RepositoryService repository(ConfigurableApplicationContext yishi) {
    return yishi.getBean(ProcessEngine.class).getRepositoryService();
  }

  @Test
  void secondStartOnTheSameDatabaseDeploysNothingNew() {
    long[] firstCount = new long[1];
    withYishi(
        yishi -> {
          firstCount[0] = repository(yishi).createDeploymentQuery().count();
          // named by their place in the repository, the same from any folder or the jar
          String yishiDeployment =
              repository(yishi)
                  .createDeploymentQuery()
                  .deploymentName("yishi")
                  .singleResult()
                  .getId();
          assertThat(repository(yishi).getDeploymentResourceNames(yishiDeployment))
              .contains(
                  "processes/proposalLifecycle.bpmn",
                  "processes/sort-proposal.form",
                  "decisions/timeLimits.dmn");
          assertThat(
                  repository(yishi)
                      .createProcessDefinitionQuery()
                      .processDefinitionKey(ProposalLifecycleProcess.KEY)
                      .count())
              .isEqualTo(1);
        });
    withYishi(
        yishi -> {
          assertThat(repository(yishi).createDeploymentQuery().count()).isEqualTo(firstCount[0]);
          assertThat(
                  repository(yishi)
                      .createDecisionDefinitionQuery()
                      .decisionDefinitionKey("timeLimits")
                      .count())
              .isEqualTo(1);
        });
  }

  @Test
  void tableDeployedByPolicyStaffFromModelerStaysLatestAfterRestart() throws Exception {
    String original = Files.readString(Path.of("decisions/timeLimits.dmn"), StandardCharsets.UTF_8);
    // policy staff lengthen the minor track's response time from one day to three
    String edited =
        original.replaceFirst("(?s)(<rule id=\"Rule_MinorTrack\">.*?)\"P1D\"", "$1\"P3D\"");
    assertThat(edited).as("the table has a P1D cell to edit").isNotEqualTo(original);

    String[] deploymentId = new String[1];
    withYishi(
        yishi -> {
          createPolicyUser(yishi.getBean(ProcessEngine.class).getIdentityService());
          RestTemplate rest = restTemplate(yishi);

          // anonymous: refused, nothing deployed
          assertThat(deploy(rest, null, edited).getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);

          ResponseEntity<String> answer = deploy(rest, POLICY_USER, edited);
          assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.OK);
          deploymentId[0] = latestTimeLimits(yishi).getDeploymentId();
          assertThat(
                  repository(yishi)
                      .createDeploymentQuery()
                      .deploymentId(deploymentId[0])
                      .singleResult()
                      .getName())
              .isEqualTo("政策调整：延长小事响应时限");
        });

    withYishi(
        yishi -> {
          DecisionDefinition latest = latestTimeLimits(yishi);
          assertThat(latest.getDeploymentId()).isEqualTo(deploymentId[0]);
          assertThat(latest.getVersion()).isEqualTo(2);
          String responseWithin =
              yishi
                  .getBean(ProcessEngine.class)
                  .getDecisionService()
                  .evaluateDecisionTableByKey(
                      "timeLimits", Variables.putValue(CommonVariables.TRACK.name(), "MINOR"))
                  .getSingleResult()
                  .getEntry("responseWithin");
          assertThat(responseWithin).isEqualTo("P3D");
        });
  }

  private static DecisionDefinition latestTimeLimits(ConfigurableApplicationContext yishi) {
    return repository(yishi)
        .createDecisionDefinitionQuery()
        .decisionDefinitionKey("timeLimits")
        .latestVersion()
        .singleResult();
  }

  private static void createPolicyUser(IdentityService identity) {
    if (identity.createUserQuery().userId(POLICY_USER).count() == 0) {
      User user = identity.newUser(POLICY_USER);
      user.setFirstName("政策");
      user.setLastName("测试");
      user.setPassword(PASSWORD);
      identity.saveUser(user);
      identity.createMembership(POLICY_USER, "policy-staff");
    }
  }

  private static RestTemplate restTemplate(ConfigurableApplicationContext yishi) {
    String port = yishi.getEnvironment().getProperty("local.server.port");
    return new RestTemplateBuilder().rootUri("http://localhost:" + port).build();
  }

  /** What Camunda Modeler sends when policy staff press "Deploy". */
  private static ResponseEntity<String> deploy(RestTemplate rest, String user, String dmn) {
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.MULTIPART_FORM_DATA);
    if (user != null) {
      headers.setBasicAuth(user, PASSWORD);
    }
    MultiValueMap<String, Object> body = new LinkedMultiValueMap<>();
    body.add("deployment-name", "政策调整：延长小事响应时限");
    body.add("deployment-source", "Camunda Modeler");
    body.add("deploy-changed-only", "true");
    body.add(
        "timeLimits.dmn",
        new ByteArrayResource(dmn.getBytes(StandardCharsets.UTF_8)) {
          @Override
          public String getFilename() {
            return "timeLimits.dmn";
          }
        });
    try {
      return rest.postForEntity(
          "/engine-rest/deployment/create", new HttpEntity<>(body, headers), String.class);
    } catch (HttpClientErrorException e) {
      return ResponseEntity.status(e.getStatusCode()).body(e.getResponseBodyAsString());
    }
  }
}
