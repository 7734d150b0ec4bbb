package cn.yishi.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import org.apache.ibatis.exceptions.PersistenceException;
import org.camunda.bpm.engine.ProcessEngineException;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.mock.web.MockHttpServletRequest;

/** CONTRACT §4: while the database is unreachable, 503 with Retry-After, never a 500. */
class DatabaseUnavailableTest {

  @Test
  void aLostConnectionWrappedByTheEngineIsTheDatabaseBeingUnreachable() {
    ProcessEngineException engine =
        new ProcessEngineException(
            "could not execute",
            new PersistenceException(new SQLException("Connection refused", "08001")));
    assertThat(DatabaseUnavailable.causedBy(engine)).isTrue();
    assertThat(
            DatabaseUnavailable.causedBy(
                new CannotGetJdbcConnectionException(
                    "pool", new SQLTransientConnectionException("timed out after 30000ms"))))
        .isTrue();
    assertThat(DatabaseUnavailable.causedBy(new SQLException("terminating connection", "57P01")))
        .isTrue();
    assertThat(
            DatabaseUnavailable.causedBy(new SQLException("Database is already closed", "90121")))
        .isTrue();
  }

  @Test
  void otherFailuresAreNot() {
    assertThat(DatabaseUnavailable.causedBy(new IllegalStateException("bug"))).isFalse();
    assertThat(
            DatabaseUnavailable.causedBy(
                new ProcessEngineException(
                    "x",
                    new SQLException("duplicate key value violates unique constraint", "23505"))))
        .isFalse();
  }

  @Test
  void theApiAnswers503WithRetryAfterAndNamesNothingInternal() {
    MockHttpServletRequest request = new MockHttpServletRequest("POST", "/api/proposals");
    ResponseEntity<ProblemDetail> answer =
        new ApiProblems()
            .unexpected(
                new ProcessEngineException(
                    "ENGINE-03004 Exception while executing Database Operation",
                    new SQLException("Connection to localhost:5432 refused", "08001")),
                request);
    assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.SERVICE_UNAVAILABLE);
    assertThat(answer.getHeaders().getFirst(HttpHeaders.RETRY_AFTER)).isEqualTo("30");
    assertThat(answer.getBody().getDetail()).isEqualTo("系统暂时无法访问数据库，请稍后再试");
    assertThat(answer.getBody().toString()).doesNotContain("5432", "ENGINE");

    ResponseEntity<ProblemDetail> bug =
        new ApiProblems().unexpected(new IllegalStateException("bug at line 3"), request);
    assertThat(bug.getStatusCode()).isEqualTo(HttpStatus.INTERNAL_SERVER_ERROR);
  }
}
