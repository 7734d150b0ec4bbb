package cn.yishi.deliberation;

import static cn.yishi.deliberation.MajorDeliberationProcess.*;

import cn.yishi.common.DiagramCallable;
import cn.yishi.common.StepCheck;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * Checks 提议 of 四议两公开 when it is completed (task listener {@code complete}, bean {@code
 * proposeStepCheck}; the plan itself is checked by {@code planCheck}): the residents' opinions were
 * gathered (DOMAIN §4: major matters gather them before deliberating), and 决议 is taken by the
 * residents' meeting, the residents' representatives' meeting or the household representatives.
 * Another body would only fail at the 决议 meeting, after 商议 and 审议, so it is refused here.
 */
@DiagramCallable
@Component("proposeStepCheck")
public class ProposeStepCheck implements TaskListener {

  @Override
  public void notify(DelegateTask task) {
    StepCheck check = StepCheck.of(task);
    check.requiredText(
        RESIDENTS_OPINIONS,
        OPINIONS_MAX_LENGTH,
        "请填写居民意见征集情况",
        "居民意见征集情况" + "不能超过" + OPINIONS_MAX_LENGTH + "字");
    check.oneOf(RESOLVING_BODY, RESOLVING_BODIES, "请选择决议主体：居民会议、居民代表会议或户代表会议");
  }
}
