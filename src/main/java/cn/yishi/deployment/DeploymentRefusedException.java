package cn.yishi.deployment;

import java.util.List;
import org.camunda.bpm.engine.BadUserRequestException;

/**
 * A deployment that breaks the deployment policy: nothing of it is deployed. The engine REST API
 * answers it with 400 and this message (it is a {@link BadUserRequestException}).
 */
public class DeploymentRefusedException extends BadUserRequestException {

  private static final int SHOWN = 20;

  private final transient List<ModelPolicy.Refusal> refusals;

  public DeploymentRefusedException(String deploymentName, List<ModelPolicy.Refusal> refusals) {
    super(message(deploymentName, refusals));
    this.refusals = List.copyOf(refusals);
  }

  public List<ModelPolicy.Refusal> refusals() {
    return refusals;
  }

  private static String message(String deploymentName, List<ModelPolicy.Refusal> refusals) {
    StringBuilder message =
        new StringBuilder("部署被拒绝，未部署任何内容 (deployment ")
            .append(deploymentName == null ? "" : "'" + deploymentName + "' ")
            .append("refused, nothing was deployed)：");
    refusals.stream().limit(SHOWN).forEach(r -> message.append("\n").append(r));
    if (refusals.size() > SHOWN) {
      message.append("\n… ").append(refusals.size() - SHOWN).append(" more");
    }
    return message.toString();
  }
}
