package cn.yishi.config;

import cn.yishi.common.InvalidStepInputException;
import jakarta.annotation.Priority;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import java.util.LinkedHashMap;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.rest.exception.ExceptionHandlerHelper;
import org.camunda.bpm.engine.rest.exception.RestException;
import org.springframework.boot.autoconfigure.jersey.ResourceConfigCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * A value refused by one of Yishi's server-side checks (a task or start-event listener throwing
 * {@link InvalidStepInputException}) reaches Tasklist as a 400 whose {@code message} is the
 * Chinese text alone, with the field it names. Without this, the engine wraps the listener's
 * exception and the REST API answers 500 with "Cannot complete task …: ENGINE-03051 There was
 * an exception while invoking the TaskListener …". Every other error keeps Camunda's answer.
 */
@Configuration
public class StepInputErrors {

  /** Jersey priority: ahead of Camunda's own mappers, which have the default (USER, 5000). */
  static final int AHEAD_OF_CAMUNDA = 1000;

  @Bean
  ResourceConfigCustomizer stepInputErrorMappers() {
    return config -> config.register(RestErrors.class).register(EngineErrors.class);
  }

  /** The refusal in a throwable's causes, if any. */
  static InvalidStepInputException refusal(Throwable thrown) {
    for (Throwable t = thrown; t != null; t = t.getCause() == t ? null : t.getCause()) {
      if (t instanceof InvalidStepInputException refusal) {
        return refusal;
      }
    }
    return null;
  }

  static Response answer(Throwable thrown) {
    InvalidStepInputException refusal = refusal(thrown);
    if (refusal == null) {
      return ExceptionHandlerHelper.getInstance().getResponse(thrown);
    }
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("type", InvalidStepInputException.class.getSimpleName());
    body.put("message", refusal.getMessage());
    body.put("field", refusal.field());
    return Response.status(Response.Status.BAD_REQUEST).entity(body).type(MediaType.APPLICATION_JSON_TYPE).build();
  }

  @Priority(AHEAD_OF_CAMUNDA)
  public static class RestErrors implements ExceptionMapper<RestException> {
    @Override
    public Response toResponse(RestException exception) {
      return answer(exception);
    }
  }

  @Priority(AHEAD_OF_CAMUNDA)
  public static class EngineErrors implements ExceptionMapper<ProcessEngineException> {
    @Override
    public Response toResponse(ProcessEngineException exception) {
      return answer(exception);
    }
  }
}
