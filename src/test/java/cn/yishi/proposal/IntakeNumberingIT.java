package cn.yishi.proposal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.doThrow;

import cn.yishi.common.CommonVariables;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.camunda.bpm.engine.HistoryService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.bean.override.mockito.MockitoSpyBean;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Intake does not queue behind numbering (issue 7, defect 11): a submission whose start is still
 * open in its transaction, holding its number, does not keep the next resident's submission through
 * the public API from being numbered, started and committed. And a submission answered 503 made
 * nothing: the start and the answer read from it are one transaction (issue 15).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class IntakeNumberingIT {

  /** Only a bound against hanging for ever when the start does queue (the defect); not a timing. */
  private static final long BOUND_SECONDS = 60;

  @Autowired TestRestTemplate http;
  @Autowired PublicProposals proposals;
  @Autowired TransactionTemplate transactions;
  @Autowired JdbcTemplate jdbc;
  @Autowired HistoryService history;
  @MockitoSpyBean ProposalViewService views;

  private static Map<String, Object> bench(String title) {
    Map<String, Object> v = ProposalApiIT.greening();
    v.put("title", title);
    v.put("topic", "FACILITIES");
    v.put("scope", "COURTYARD");
    v.put("affectedHouseholds", 40);
    v.put("estimatedCost", 8000);
    return v;
  }

  @Test
  void aStartHeldOpenInItsTransactionDoesNotHoldUpTheNextSubmission() throws Exception {
    ExecutorService residents = Executors.newFixedThreadPool(2);
    CountDownLatch numbered = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    try {
      // A: the real start (lifecycle to the sorting task, number included), still uncommitted
      Future<String> first =
          residents.submit(
              () ->
                  transactions.execute(
                      tx -> {
                        String number = proposals.submit(bench("院内增设休闲座椅")).number();
                        numbered.countDown();
                        try {
                          release.await();
                        } catch (InterruptedException e) {
                          Thread.currentThread().interrupt();
                        }
                        return number;
                      }));
      assertThat(numbered.await(BOUND_SECONDS, TimeUnit.SECONDS)).isTrue();

      // B: a whole submission through HTTP while A's transaction is open
      Future<ResponseEntity<JsonNode>> second =
          residents.submit(
              () -> http.postForEntity("/api/proposals", bench("楼道照明改造"), JsonNode.class));
      ResponseEntity<JsonNode> created = second.get(BOUND_SECONDS, TimeUnit.SECONDS);

      assertThat(created.getStatusCode()).isEqualTo(HttpStatus.CREATED);
      String secondNumber = created.getBody().get("number").asText();
      assertThat(secondNumber).matches("JN-\\d{4}-\\d{6}");
      assertThat(
              http.getForEntity("/api/proposals/" + secondNumber, JsonNode.class).getStatusCode())
          .isEqualTo(HttpStatus.OK); // committed and public
      assertThat(first.isDone()).isFalse(); // while A still holds its transaction open

      release.countDown();
      String firstNumber = first.get(BOUND_SECONDS, TimeUnit.SECONDS);
      assertThat(firstNumber).matches("JN-\\d{4}-\\d{6}").isNotEqualTo(secondNumber);
      JsonNode firstView =
          http.getForEntity("/api/proposals/" + firstNumber, JsonNode.class).getBody();
      assertThat(firstView.get("title").asText()).isEqualTo("院内增设休闲座椅");
      assertThat(firstView.get("status").asText()).isEqualTo("SORTING");
    } finally {
      release.countDown();
      residents.shutdownNow();
    }
  }

  @Test
  void aSubmissionWhoseAnswerCannotBeReadIsAnswered503AndMadeNothing() {
    String title = "答复读取失败的提案";
    // the database goes away after the start, while the answer is read (seen on a PostgreSQL
    // restart under a running node: ClusterReliabilityIT)
    doThrow(new CannotGetJdbcConnectionException("the database is gone"))
        .doCallRealMethod()
        .when(views)
        .find(anyString());

    ResponseEntity<JsonNode> refused =
        http.postForEntity("/api/proposals", bench(title), JsonNode.class);

    assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.SERVICE_UNAVAILABLE);
    assertThat(refused.getHeaders().getFirst(HttpHeaders.RETRY_AFTER)).isNotNull();
    assertThat(
            jdbc.queryForObject(
                "SELECT COUNT(*) FROM proposal_view WHERE title = ?", Long.class, title))
        .isZero();
    assertThat(
            history
                .createHistoricVariableInstanceQuery()
                .variableName(CommonVariables.TITLE.name())
                .list()
                .stream()
                .filter(v -> title.equals(v.getValue())))
        .as("no lifecycle was started for the refused submission")
        .isEmpty();

    // the resident's retry makes the proposal, once
    ResponseEntity<JsonNode> created =
        http.postForEntity("/api/proposals", bench(title), JsonNode.class);
    assertThat(created.getStatusCode()).isEqualTo(HttpStatus.CREATED);
    assertThat(
            jdbc.queryForObject(
                "SELECT COUNT(*) FROM proposal_view WHERE title = ?", Long.class, title))
        .isEqualTo(1);
  }
}
