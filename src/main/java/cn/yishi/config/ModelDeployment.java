package cn.yishi.config;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.repository.DeploymentBuilder;
import org.camunda.bpm.engine.repository.DeploymentWithDefinitions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.core.env.Environment;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.stereotype.Component;

/**
 * Deploys the diagrams, forms and tables of {@code processes/} and {@code decisions/} when the
 * engine starts, as the deployment {@value #NAME}.
 *
 * <p>Resources are named by their path from {@code processes/} or {@code decisions/} on (e.g.
 * {@code decisions/timeLimits.dmn}), the same whether Yishi runs from a clone, another clone or the
 * packaged jar. Only resources that changed since the last {@value #NAME} deployment get a new
 * version, so a restart deploys nothing when nothing changed and never replaces what policy staff
 * deployed from Camunda Modeler under another deployment name.
 *
 * <p>It replaces the starter's auto-deployment, which names resources by their absolute file path
 * and so would redeploy everything from a different folder.
 */
@Component
public class ModelDeployment extends AbstractProcessEnginePlugin {

  public static final String NAME = "yishi";
  private static final Logger LOG = LoggerFactory.getLogger(ModelDeployment.class);
  private static final List<String> FOLDERS = List.of("processes/", "decisions/");

  private final List<String> patterns;

  public ModelDeployment(List<String> patterns) {
    this.patterns = List.copyOf(patterns);
  }

  @Autowired
  public ModelDeployment(Environment environment) {
    this(
        Binder.get(environment)
            .bind("yishi.deployment.resources", Bindable.listOf(String.class))
            .orElseThrow(() -> new IllegalStateException("yishi.deployment.resources is not set")));
  }

  @Override
  public void postProcessEngineBuild(ProcessEngine engine) {
    Map<String, Resource> resources = resources();
    if (resources.isEmpty()) {
      throw new IllegalStateException("no diagrams or tables found at " + patterns);
    }
    DeploymentBuilder deployment =
        engine
            .getRepositoryService()
            .createDeployment()
            .name(NAME)
            .source(NAME)
            .enableDuplicateFiltering(true);
    resources.forEach((name, resource) -> deployment.addInputStream(name, open(resource)));
    DeploymentWithDefinitions deployed = deployment.deployWithResult();
    List<String> newVersions = new ArrayList<>();
    Optional.ofNullable(deployed.getDeployedProcessDefinitions())
        .ifPresent(list -> list.forEach(d -> newVersions.add(d.getKey() + " v" + d.getVersion())));
    Optional.ofNullable(deployed.getDeployedDecisionDefinitions())
        .ifPresent(list -> list.forEach(d -> newVersions.add(d.getKey() + " v" + d.getVersion())));
    LOG.info(
        "Deployment '{}' of {} resources: {}",
        NAME,
        resources.size(),
        newVersions.isEmpty()
            ? "no new process or decision version"
            : "new versions " + newVersions);
  }

  /** Every matching resource by its stable name, e.g. processes/proposalLifecycle.bpmn. */
  Map<String, Resource> resources() {
    var resolver = new PathMatchingResourcePatternResolver();
    Map<String, Resource> byName = new TreeMap<>();
    for (String pattern : patterns) {
      try {
        for (Resource resource : resolver.getResources(pattern)) {
          String name = stableName(resource.getURL().toString());
          Resource other = byName.putIfAbsent(name, resource);
          if (other != null && !other.getURL().equals(resource.getURL())) {
            throw new IllegalStateException(
                "two resources are named "
                    + name
                    + ": "
                    + other.getURL()
                    + " and "
                    + resource.getURL());
          }
        }
      } catch (IOException e) {
        throw new UncheckedIOException("cannot list " + pattern, e);
      }
    }
    return byName;
  }

  static String stableName(String url) {
    int at = -1;
    for (String folder : FOLDERS) {
      at = Math.max(at, url.lastIndexOf("/" + folder));
    }
    if (at < 0) {
      throw new IllegalStateException(url + " is not inside processes/ or decisions/");
    }
    return url.substring(at + 1);
  }

  private static InputStream open(Resource resource) {
    try {
      return resource.getInputStream();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + resource, e);
    }
  }
}
