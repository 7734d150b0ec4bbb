package cn.yishi.proposal;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.RuntimeService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/** The residents' proposal API through HTTP: submit, read the public view, refusals. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
public class ProposalApiIT {

  @Autowired TestRestTemplate http;
  @Autowired RuntimeService runtimeService;

  /** A valid submission (CONTRACT §1) of a greening proposal in community jn-cdz-hz. */
  public static Map<String, Object> greening() {
    Map<String, Object> v = new HashMap<>();
    v.put("title", "金沙国际小区绿地提升");
    v.put("description", "小区中心绿地裸土多，建议补种花木、增设座椅。");
    v.put("community", "jn-cdz-hz");
    v.put("courtyard", "jn-cdz-hz-jsgj");
    v.put("submitterName", "赵女士");
    v.put("submitterPhone", "13712345678");
    v.put("topic", "GREENING");
    v.put("scope", "COMMUNITY");
    v.put("affectedHouseholds", 300);
    v.put("estimatedCost", 30000);
    return v;
  }

  private ResponseEntity<JsonNode> post(String path, Object body, MediaType type) {
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(type);
    return http.exchange(path, HttpMethod.POST, new HttpEntity<>(body, headers), JsonNode.class);
  }

  @Test
  void aSubmittedProposalIsNumberedClassifiedAndWaitsForSortingAtItsCommunity() {
    ResponseEntity<JsonNode> created =
        post("/api/proposals", greening(), MediaType.APPLICATION_JSON);

    assertThat(created.getStatusCode()).isEqualTo(HttpStatus.CREATED);
    JsonNode body = created.getBody();
    String number = body.get("number").asText();
    assertThat(number).matches("JN-\\d{4}-\\d{6}");
    assertThat(created.getHeaders().getLocation().toString()).endsWith("/api/proposals/" + number);
    assertThat(body.get("status").asText()).isEqualTo("SORTING");
    assertThat(body.get("category").asText()).isEqualTo("CONSTRUCTION");
    assertThat(body.get("matterScope").asText()).isEqualTo("COMMUNITY");
    assertThat(body.get("track").asText()).isEqualTo("MAJOR"); // 300 households ≥ 50
    assertThat(body.get("openSteps")).hasSize(1);
    assertThat(body.get("openSteps").get(0).get("name").asText()).isEqualTo("分拣提案");
    assertThat(body.get("openSteps").get(0).get("level").asText()).isEqualTo("COMMUNITY");
    assertThat(body.get("openSteps").get(0).get("overdue").asBoolean()).isFalse();
    assertThat(body.toString()).doesNotContain("13712345678");

    JsonNode read = http.getForEntity("/api/proposals/" + number, JsonNode.class).getBody();
    assertThat(read.get("number").asText()).isEqualTo(number);
    assertThat(read.get("timeline").get(0).get("outcome").asText()).isEqualTo("SORTING");
    assertThat(read.get("submittedAt").asText()).endsWith("+08:00");
  }

  @Test
  void badFieldsAreAllNamedAndNothingStarts() {
    long before = runtimeService.createProcessInstanceQuery().count();
    Map<String, Object> v = greening();
    v.put("affectedHouseholds", "50");
    v.put("stakeholderParties", 1.5);
    v.put("exclusion", "NONE");
    v.put("colour", "green");
    v.remove("title");

    ResponseEntity<JsonNode> refused = post("/api/proposals", v, MediaType.APPLICATION_JSON);

    assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(refused.getHeaders().getContentType().toString())
        .startsWith("application/problem+json");
    List<String> fields = new ArrayList<>();
    refused.getBody().get("errors").forEach(e -> fields.add(e.get("field").asText()));
    assertThat(fields).contains("exclusion", "colour");
    assertThat(runtimeService.createProcessInstanceQuery().count()).isEqualTo(before);

    v.remove("exclusion");
    v.remove("colour");
    fields.clear();
    post("/api/proposals", v, MediaType.APPLICATION_JSON)
        .getBody()
        .get("errors")
        .forEach(e -> fields.add(e.get("field").asText()));
    assertThat(fields)
        .containsExactlyInAnyOrder("title", "affectedHouseholds", "stakeholderParties");
    assertThat(runtimeService.createProcessInstanceQuery().count()).isEqualTo(before);
  }

  @Test
  void notJsonIs415TooLargeIs413UnknownNumberIs404() {
    assertThat(
            post("/api/proposals", "title=x", MediaType.APPLICATION_FORM_URLENCODED)
                .getStatusCode())
        .isEqualTo(HttpStatus.UNSUPPORTED_MEDIA_TYPE);
    Map<String, Object> big = greening();
    big.put("description", "很".repeat(30_000));
    assertThat(post("/api/proposals", big, MediaType.APPLICATION_JSON).getStatusCode())
        .isEqualTo(HttpStatus.PAYLOAD_TOO_LARGE);
    assertThat(http.getForEntity("/api/proposals/JN-1999-000001", JsonNode.class).getStatusCode())
        .isEqualTo(HttpStatus.NOT_FOUND);
  }

  @Test
  void onlyTheSubmitterRatesAndOnlyWhenTheProposalAwaitsEvaluation() {
    String number =
        post("/api/proposals", greening(), MediaType.APPLICATION_JSON)
            .getBody()
            .get("number")
            .asText();
    Map<String, Object> rating = Map.of("rating", "SATISFIED", "submitterPhone", "13712345678");

    // not awaiting evaluation (409) is answered before the phone is looked at (403:
    // PublicApiInputIT)
    assertThat(
            post(
                    "/api/proposals/" + number + "/evaluation",
                    Map.of("rating", "SATISFIED", "submitterPhone", "13700000000"),
                    MediaType.APPLICATION_JSON)
                .getStatusCode())
        .isEqualTo(HttpStatus.CONFLICT);
    assertThat(
            post("/api/proposals/" + number + "/evaluation", rating, MediaType.APPLICATION_JSON)
                .getStatusCode())
        .isEqualTo(HttpStatus.CONFLICT);
    assertThat(
            post("/api/proposals/JN-1999-000001/evaluation", rating, MediaType.APPLICATION_JSON)
                .getStatusCode())
        .isEqualTo(HttpStatus.NOT_FOUND);
  }
}
