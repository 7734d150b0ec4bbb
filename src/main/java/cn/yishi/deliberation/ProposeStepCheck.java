package cn.yishi.deliberation;

import cn.yishi.common.DiagramCallable;
import cn.yishi.common.InvalidStepInputException;
import java.util.Set;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * Checks 提议 of 四议两公开 when it is completed (task listener {@code complete}, bean {@code
 * proposeStepCheck}; the plan itself is checked by {@code planCheck}): the residents' opinions
 * were gathered (DOMAIN §4: major matters gather them before deliberating), and 决议 is taken by
 * the residents' meeting, the residents' representatives' meeting or the household
 * representatives. Another body would only fail at the 决议 meeting, after 商议 and 审议, so it is
 * refused here.
 */
@DiagramCallable
@Component("proposeStepCheck")
public class ProposeStepCheck implements TaskListener {

  public static final String RESIDENTS_OPINIONS = "residentsOpinions";
  public static final String RESOLVING_BODY = "resolvingBody";
  public static final Set<String> RESOLVING_BODIES =
      Set.of("RESIDENTS_MEETING", "REPRESENTATIVES_MEETING", "HOUSEHOLD_REPRESENTATIVES");
  public static final int OPINIONS_MAX_LENGTH = 5000;

  @Override
  public void notify(DelegateTask task) {
    Object opinions = task.getVariable(RESIDENTS_OPINIONS);
    if (opinions == null || opinions.toString().isBlank()) {
      throw new InvalidStepInputException(RESIDENTS_OPINIONS, "请填写居民意见征集情况");
    }
    if (opinions.toString().length() > OPINIONS_MAX_LENGTH) {
      throw new InvalidStepInputException(RESIDENTS_OPINIONS, "居民意见征集情况不能超过" + OPINIONS_MAX_LENGTH + "个字");
    }
    Object body = task.getVariable(RESOLVING_BODY);
    if (body == null || !RESOLVING_BODIES.contains(body.toString())) {
      throw new InvalidStepInputException(RESOLVING_BODY, "请选择决议主体：居民会议、居民代表会议或户代表会议");
    }
  }
}
