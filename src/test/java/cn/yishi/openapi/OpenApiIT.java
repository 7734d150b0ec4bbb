package cn.yishi.openapi;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.http.client.ClientHttpRequestFactorySettings.Redirects;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * The API's description at {@code /v3/api-docs} and Swagger UI at {@code /api-docs/ui}: every
 * endpoint of CONTRACT §4 and every {@code /api} mapping Spring MVC has is described, with its
 * errors as problem+json, the Idempotency-Key on every POST and examples; the documented request
 * example and fields are what the real API accepts and answers; the UI's page loads under its own
 * Content-Security-Policy.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
public class OpenApiIT {

  /** CONTRACT §4 and the audit API: every one must be described, built yet or not. */
  public static final List<String> ENDPOINTS =
      List.of(
          "POST /api/proposals",
          "GET /api/proposals/{number}",
          "POST /api/proposals/{number}/cosignatures",
          "POST /api/proposals/{number}/evaluation",
          "GET /api/notices",
          "POST /api/notices/{id}/objections",
          "GET /api/organisation",
          "GET /api/statistics",
          "GET /api/audit/proposals/{number}",
          "GET /api/audit/proposals",
          "GET /api/audit/diagrams/{definitionId}");

  static final String PROBLEM_REF = "#/components/schemas/Problem";

  @Autowired TestRestTemplate rest;

  @Autowired
  @Qualifier("requestMappingHandlerMapping")
  RequestMappingHandlerMapping mappings;

  private final ObjectMapper json = new ObjectMapper();
  private JsonNode document;

  @BeforeEach
  void readTheDocument() throws Exception {
    ResponseEntity<String> answer = rest.getForEntity("/v3/api-docs", String.class);
    assertThat(answer.getStatusCode()).as("/v3/api-docs, anonymous").isEqualTo(HttpStatus.OK);
    assertThat(answer.getHeaders().getContentType().isCompatibleWith(MediaType.APPLICATION_JSON))
        .isTrue();
    document = json.readTree(answer.getBody());
  }

  @Test
  void everyEndpointOfTheContractIsDescribedWithItsMethod() {
    assertThat(documented()).containsAll(ENDPOINTS);
    assertThat(document.at("/info/title").asText()).contains("议事");
  }

  @Test
  void everyApiMappingOfSpringMvcIsInTheDocument() {
    Set<String> mapped = new TreeSet<>();
    for (RequestMappingInfo info : mappings.getHandlerMethods().keySet()) {
      Set<RequestMethod> methods = info.getMethodsCondition().getMethods();
      for (String pattern : info.getPatternValues()) {
        if (pattern.equals("/api") || pattern.startsWith("/api/")) {
          assertThat(methods).as("methods of %s", pattern).isNotEmpty();
          methods.forEach(m -> mapped.add(m.name() + " " + pattern));
        }
      }
    }
    assertThat(mapped).as("the /api mappings Spring MVC has").contains("POST /api/proposals");
    assertThat(documented()).containsAll(mapped);
  }

  @Test
  void everyPostTakesAnIdempotencyKeyAndAnswersRefusalsAsProblemJson() {
    List<String> posts = new ArrayList<>();
    document
        .get("paths")
        .fields()
        .forEachRemaining(
            path -> {
              JsonNode post = path.getValue().get("post");
              if (post == null) {
                return;
              }
              posts.add(path.getKey());
              String where = "POST " + path.getKey();
              assertThat(post.get("parameters"))
                  .as(where + ": Idempotency-Key")
                  .anySatisfy(
                      p -> {
                        assertThat(p.get("name").asText()).isEqualTo("Idempotency-Key");
                        assertThat(p.get("in").asText()).isEqualTo("header");
                        assertThat(p.get("required").asBoolean()).isFalse();
                        assertThat(p.at("/schema/maxLength").asInt()).isEqualTo(255);
                      });
              for (String status : List.of("400", "409", "413", "415", "422", "429")) {
                assertThat(
                        post.at("/responses/" + status + "/content/application~1problem+json")
                            .at("/schema/$ref")
                            .asText())
                    .as(where + " answers " + status + " as problem+json")
                    .isEqualTo(PROBLEM_REF);
              }
              assertThat(post.at("/responses/429/headers/Retry-After").isObject())
                  .as(where + ": 429 with Retry-After")
                  .isTrue();
              JsonNode badRequest = post.at("/responses/400/content/application~1problem+json");
              assertThat(badRequest.get("examples"))
                  .as(where + ": a 400 example naming fields in errors")
                  .anySatisfy(e -> assertThat(e.at("/value/errors/0/field").isTextual()).isTrue());
              post.get("responses")
                  .fields()
                  .forEachRemaining(
                      r -> {
                        if (r.getKey().startsWith("2")) {
                          assertThat(r.getValue().at("/headers/Idempotency-Replayed").isObject())
                              .as(where + " " + r.getKey() + ": Idempotency-Replayed")
                              .isTrue();
                        }
                      });
            });
    assertThat(posts).hasSizeGreaterThanOrEqualTo(4);
    assertThat(document.at("/components/schemas/Problem/properties").fieldNames())
        .toIterable()
        .contains("type", "title", "status", "detail", "instance", "errors");
  }

  @Test
  void everyOperationHasASummaryADescriptionAndExamples() {
    forEachOperation(
        (method, path, op) -> {
          String where = method + " " + path;
          assertThat(op.get("summary").asText()).as(where).isNotBlank();
          assertThat(op.get("description").asText()).as(where).isNotBlank();
          assertThat(exampleCount(op.get("responses")))
              .as(where + ": response examples")
              .isPositive();
          JsonNode body = op.at("/requestBody/content/application~1json");
          if (method.equals("POST")) {
            assertThat(exampleCount(body)).as(where + ": request example").isPositive();
            String schema = body.at("/schema/$ref").asText();
            assertThat(document.at(pointer(schema) + "/properties").size())
                .as(where + ": request fields (" + schema + ")")
                .isPositive();
          }
        });
  }

  @Test
  void theDocumentedSubmissionIsWhatTheApiAcceptsAndAnswers() throws Exception {
    JsonNode submit = document.at("/paths/~1api~1proposals/post");
    JsonNode example =
        submit.at("/requestBody/content/application~1json/examples").elements().next().get("value");
    JsonNode schema = document.at("/components/schemas/ProposalSubmission");
    assertThat(example.fieldNames())
        .as("the example shows every documented field")
        .toIterable()
        .containsExactlyInAnyOrderElementsOf(() -> schema.get("properties").fieldNames());

    ResponseEntity<String> created = post("/api/proposals", example);
    assertThat(created.getStatusCode()).as(created.getBody()).isEqualTo(HttpStatus.CREATED);
    JsonNode answer = json.readTree(created.getBody());
    assertThat(created.getHeaders().getLocation().toString())
        .endsWith("/api/proposals/" + answer.get("number").asText());
    JsonNode documentedAnswer = submit.at("/responses/201/content/application~1json/example");
    assertThat(fields(answer)).isEqualTo(fields(documentedAnswer));
    assertThat(fields(answer))
        .containsExactlyInAnyOrderElementsOf(
            fields(document.at("/components/schemas/PublicProposal/properties")));

    // what the schema calls required is refused when missing, naming the field
    List<String> required = new ArrayList<>();
    schema.get("required").forEach(r -> required.add(r.asText()));
    ObjectNode onlyRequired = json.createObjectNode();
    for (String field : required) {
      ObjectNode without = example.deepCopy();
      without.remove(field);
      ResponseEntity<String> refused = post("/api/proposals", without);
      assertThat(refused.getStatusCode()).as("without " + field).isEqualTo(HttpStatus.BAD_REQUEST);
      assertThat(refused.getHeaders().getContentType().toString())
          .startsWith("application/problem+json");
      assertThat(json.readTree(refused.getBody()).get("errors").findValuesAsText("field"))
          .contains(field);
      onlyRequired.set(field, example.get(field));
    }
    // and the rest really is optional
    assertThat(post("/api/proposals", onlyRequired).getStatusCode()).isEqualTo(HttpStatus.CREATED);
  }

  @Test
  void theOrganisationAnswerHasTheDocumentedFields() throws Exception {
    JsonNode answer = json.readTree(rest.getForObject("/api/organisation", String.class));
    assertThat(fields(answer))
        .containsExactlyInAnyOrderElementsOf(
            fields(document.at("/components/schemas/OrganisationTree/properties")));
    assertThat(fields(answer.at("/children/0")))
        .containsExactlyInAnyOrderElementsOf(
            fields(document.at("/components/schemas/Unit/properties")));
  }

  @Test
  void swaggerUiLoadsFromYishiUnderItsOwnPolicy() throws Exception {
    ResponseEntity<String> entry =
        rest.withRedirects(Redirects.DONT_FOLLOW).getForEntity("/api-docs/ui", String.class);
    assertThat(entry.getStatusCode().is3xxRedirection()).isTrue();
    assertThat(entry.getHeaders().getLocation().getPath())
        .isEqualTo("/api-docs/swagger-ui/index.html");
    ResponseEntity<String> page =
        rest.getForEntity("/api-docs/swagger-ui/index.html", String.class);
    assertThat(page.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(page.getHeaders().getContentType().isCompatibleWith(MediaType.TEXT_HTML)).isTrue();
    assertThat(page.getBody()).contains("<div id=\"swagger-ui\">", "swagger-ui-bundle.js");

    String policy = page.getHeaders().getFirst("Content-Security-Policy");
    assertThat(policy)
        .contains(
            "default-src 'none'",
            "script-src 'self'",
            "connect-src 'self'",
            "frame-ancestors 'none'",
            "form-action 'none'")
        .doesNotContain("unsafe-inline", "unsafe-eval", "http:", "https:", "*");
    assertThat(page.getHeaders().getFirst("X-Content-Type-Options")).isEqualTo("nosniff");

    for (String file :
        List.of("swagger-ui-bundle.js", "swagger-ui.css", "swagger-initializer.js")) {
      ResponseEntity<String> asset =
          rest.getForEntity("/api-docs/swagger-ui/" + file, String.class);
      assertThat(asset.getStatusCode()).as(file).isEqualTo(HttpStatus.OK);
      assertThat(asset.getHeaders().getFirst("Content-Security-Policy")).isEqualTo(policy);
    }
    JsonNode config = json.readTree(rest.getForObject("/v3/api-docs/swagger-config", String.class));
    assertThat(config.get("url").asText()).isEqualTo("/v3/api-docs");
    assertThat(config.get("validatorUrl").asText()).isEqualTo("none");
  }

  private Set<String> documented() {
    Set<String> found = new TreeSet<>();
    forEachOperation((method, path, op) -> found.add(method + " " + path));
    return found;
  }

  interface OperationCheck {
    void check(String method, String path, JsonNode operation);
  }

  /** Each operation of the document, with its method (upper case) and path. */
  private void forEachOperation(OperationCheck check) {
    document
        .get("paths")
        .fields()
        .forEachRemaining(
            path ->
                path.getValue()
                    .fields()
                    .forEachRemaining(
                        m ->
                            check.check(
                                m.getKey().toUpperCase(Locale.ROOT), path.getKey(), m.getValue())));
  }

  private ResponseEntity<String> post(String path, JsonNode body) throws Exception {
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.APPLICATION_JSON);
    return rest.postForEntity(
        path, new HttpEntity<>(json.writeValueAsString(body), headers), String.class);
  }

  /** How many examples a request body or the responses carry (example or examples). */
  private static int exampleCount(JsonNode node) {
    int n = 0;
    n += node.findValues("example").size();
    for (JsonNode examples : node.findValues("examples")) {
      n += examples.size();
    }
    return n;
  }

  private static String pointer(String ref) {
    return ref.substring(1);
  }

  private static List<String> fields(JsonNode object) {
    List<String> names = new ArrayList<>();
    object.fieldNames().forEachRemaining(names::add);
    return names;
  }
}
