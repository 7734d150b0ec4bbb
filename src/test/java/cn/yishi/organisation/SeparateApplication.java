package cn.yishi.organisation;

import cn.yishi.YishiApplication;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Starts Yishi as a separate Spring application inside a test JVM, beside the cached
 * {@code @SpringBootTest} context that other tests share. It gets its own engine name, no job
 * executor, and neither the Camunda webapps nor the REST API: both keep JVM-wide static state (the
 * webapps' runtime delegates, the REST fetch-and-lock handler) that closing a second application
 * would tear down under the shared context.
 */
public final class SeparateApplication {

  private SeparateApplication() {}

  public static ConfigurableApplicationContext run(
      String engineName, List<String> profiles, String... args) {
    SpringApplication app = new SpringApplication(YishiApplication.class);
    app.setAdditionalProfiles(profiles.toArray(String[]::new));
    List<String> all = new ArrayList<>();
    all.add("--server.port=0");
    all.add("--camunda.bpm.process-engine-name=" + engineName);
    all.add("--camunda.bpm.job-execution.enabled=false");
    all.add("--camunda.bpm.webapp.enabled=false");
    all.add(
        "--spring.autoconfigure.exclude="
            + "org.camunda.bpm.spring.boot.starter.rest.CamundaBpmRestJerseyAutoConfiguration");
    all.addAll(Arrays.asList(args));
    return app.run(all.toArray(String[]::new));
  }
}
