package cn.yishi.deployment;

import cn.yishi.common.DiagramCallable;
import java.util.AbstractMap;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;
import org.camunda.bpm.engine.impl.persistence.deploy.Deployer;
import org.camunda.bpm.engine.impl.persistence.entity.DeploymentEntity;
import org.camunda.bpm.engine.impl.persistence.entity.ResourceEntity;
import org.camunda.bpm.engine.spring.SpringExpressionManager;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationContext;
import org.springframework.stereotype.Component;
import org.springframework.util.ClassUtils;

/**
 * Yishi's deployment policy, installed into the process engine (Camunda treats a deployment as
 * custom code; policy staff may deploy, so what they deploy is checked):
 *
 * <ul>
 *   <li>every new deployment — Yishi's own at start and whatever Camunda Modeler sends to {@code
 *       /engine-rest/deployment/create} — is checked by {@link ModelPolicy} before the engine
 *       parses or stores anything (a pre-deployer inside the deploy command, so a refusal rolls the
 *       whole deployment back and no timer is ever created);
 *   <li>the engine's expressions resolve only the beans marked {@link DiagramCallable}, so even a
 *       diagram deployed before this check (or one it missed) cannot reach {@code jdbcTemplate};
 *   <li>deleting a deployment goes through {@link DeploymentDeletionGuard}.
 * </ul>
 */
@Component
public class DeploymentPolicy extends AbstractProcessEnginePlugin {

  private static final Logger LOG = LoggerFactory.getLogger(DeploymentPolicy.class);

  private final ApplicationContext context;
  private volatile ModelPolicy models;

  public DeploymentPolicy(ApplicationContext context) {
    this.context = context;
  }

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    Map<Object, Object> beans = new CallableBeans(context);
    configuration.setBeans(beans);
    configuration.setExpressionManager(new SpringExpressionManager(context, beans));

    List<Deployer> preDeployers = new ArrayList<>();
    preDeployers.add(this::check);
    if (configuration.getCustomPreDeployers() != null) {
      preDeployers.addAll(configuration.getCustomPreDeployers());
    }
    configuration.setCustomPreDeployers(preDeployers);

    List<CommandInterceptor> interceptors = new ArrayList<>();
    if (configuration.getCustomPostCommandInterceptorsTxRequired() != null) {
      interceptors.addAll(configuration.getCustomPostCommandInterceptorsTxRequired());
    }
    interceptors.add(new DeploymentDeletionGuard());
    configuration.setCustomPostCommandInterceptorsTxRequired(interceptors);
  }

  /** Refuses the whole deployment when one of its resources breaks the policy. */
  void check(DeploymentEntity deployment) {
    if (!deployment.isNew() || deployment.getResources() == null) {
      // a deployment read back into the cache was checked when it was made (or predates the
      // policy: then the expression manager's bean restriction still holds)
      return;
    }
    List<ModelPolicy.Refusal> refusals = new ArrayList<>();
    for (ResourceEntity resource : deployment.getResources().values()) {
      refusals.addAll(models().check(resource.getName(), resource.getBytes()));
    }
    if (!refusals.isEmpty()) {
      DeploymentRefusedException refused =
          new DeploymentRefusedException(deployment.getName(), refusals);
      LOG.warn("Deployment refused ({}): {}", deployment.getSource(), refused.getMessage());
      throw refused;
    }
  }

  private ModelPolicy models() {
    ModelPolicy current = models;
    if (current == null) {
      Map<String, Class<?>> callable = new LinkedHashMap<>();
      for (String name : context.getBeanNamesForAnnotation(DiagramCallable.class)) {
        Class<?> type = context.getType(name);
        callable.put(name, type == null ? Object.class : ClassUtils.getUserClass(type));
      }
      current = new ModelPolicy(new ExpressionPolicy(callable, context::containsBean));
      models = current;
      LOG.info("Diagrams may call these beans: {}", callable.keySet());
    }
    return current;
  }

  /**
   * The beans an expression may name, read from the application context when first asked (so the
   * engine can be configured before those beans exist).
   */
  static final class CallableBeans extends AbstractMap<Object, Object> {

    private final ApplicationContext context;
    private volatile Set<String> names;

    CallableBeans(ApplicationContext context) {
      this.context = context;
    }

    private Set<String> names() {
      Set<String> current = names;
      if (current == null) {
        current = Set.of(context.getBeanNamesForAnnotation(DiagramCallable.class));
        names = current;
      }
      return current;
    }

    @Override
    public boolean containsKey(Object key) {
      return key instanceof String name && names().contains(name);
    }

    @Override
    public Object get(Object key) {
      return containsKey(key) ? context.getBean((String) key) : null;
    }

    @Override
    public Set<Entry<Object, Object>> entrySet() {
      Map<Object, Object> all = new LinkedHashMap<>();
      names().forEach(name -> all.put(name, context.getBean(name)));
      return all.entrySet();
    }
  }
}
