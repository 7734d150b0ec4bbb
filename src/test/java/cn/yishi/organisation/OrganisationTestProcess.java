package cn.yishi.organisation;

import org.camunda.bpm.engine.RepositoryService;

/**
 * The test-only process {@value #KEY} (src/test/resources/organisation/community-task.bpmn): one
 * user task for {@code ${groups.caseworkers(community)}} with a Camunda Form.
 */
public final class OrganisationTestProcess {

  public static final String KEY = "yishiOrganisationTestTask";
  public static final String DEPLOYMENT_NAME = "yishi-organisation-test";

  private OrganisationTestProcess() {}

  /** Deploys the process and its form (duplicate filtered: once per engine). */
  public static void deploy(RepositoryService repositoryService) {
    repositoryService
        .createDeployment()
        .name(DEPLOYMENT_NAME)
        .enableDuplicateFiltering(true)
        .addClasspathResource("organisation/community-task.bpmn")
        .addClasspathResource("organisation/community-task.form")
        .deploy();
  }
}
