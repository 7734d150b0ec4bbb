package cn.yishi.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.yishi.common.InvalidStepInputException;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

class StepInputErrorsTest {

  private final MockHttpServletRequest request =
      new MockHttpServletRequest("POST", "/engine-rest/task/1/complete");

  @AfterEach
  void forgetTheRequest() {
    RequestContextHolder.resetRequestAttributes();
  }

  private static StepInputErrors.Recorder recorderFailingWith(RuntimeException failure) {
    StepInputErrors.Recorder recorder = new StepInputErrors.Recorder();
    recorder.setNext(
        new CommandInterceptor() {
          @Override
          public <T> T execute(Command<T> command) {
            throw failure;
          }
        });
    return recorder;
  }

  @Test
  void aRefusalWrappedByTheEngineIsHandedToTheRequestAndTheFailureRethrownUnchanged() {
    RequestContextHolder.setRequestAttributes(new ServletRequestAttributes(request));
    InvalidStepInputException refusal = new InvalidStepInputException("aField", "请说明更正理由");
    ProcessEngineException wrapped = new ProcessEngineException("ENGINE-03051 …", refusal);

    assertThatThrownBy(() -> recorderFailingWith(wrapped).execute(context -> null))
        .isSameAs(wrapped);
    assertThat(request.getAttribute(StepInputErrors.REFUSAL)).isSameAs(refusal);
  }

  @Test
  void anotherFailureOrNoRequestRecordsNothing() {
    RequestContextHolder.setRequestAttributes(new ServletRequestAttributes(request));
    assertThatThrownBy(
            () -> recorderFailingWith(new ProcessEngineException("other")).execute(context -> null))
        .hasMessage("other");
    assertThat(request.getAttribute(StepInputErrors.REFUSAL)).isNull();

    RequestContextHolder.resetRequestAttributes();
    assertThatThrownBy(
            () ->
                recorderFailingWith(new InvalidStepInputException("f", "m"))
                    .execute(context -> null))
        .isInstanceOf(InvalidStepInputException.class);
  }

  @Test
  void creatingARefusalThatIsCaughtLeavesNoTrace() {
    RequestContextHolder.setRequestAttributes(new ServletRequestAttributes(request));
    new InvalidStepInputException("aField", "请填写标题");
    assertThat(request.getAttribute(StepInputErrors.REFUSAL)).isNull();
  }
}
