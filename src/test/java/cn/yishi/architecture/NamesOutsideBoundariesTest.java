package cn.yishi.architecture;

import static org.assertj.core.api.Assertions.assertThat;

import cn.yishi.common.CommonVariables;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * No Java file outside the boundaries spells a diagram's element id, a process key or a variable
 * name as a string literal: it uses the boundary's constant, so that a rename is one edit and the
 * compiler finds every use.
 *
 * <p>The exceptions are the files listed in {@link #CONTRACT_FILES}, each with its reason: tests of
 * the public contract (CONTRACT's field names, the API's JSON), which keep their literals on
 * purpose so that renaming a constant cannot silently change the contract, and code whose literals
 * are not variable names but happen to be spelled alike (SQL column names).
 */
class NamesOutsideBoundariesTest {

  /** Files (paths under src/main/java or src/test/java) allowed to spell names, and why. */
  static final Map<String, String> CONTRACT_FILES = new java.util.TreeMap<>();

  static {
    CONTRACT_FILES.put("cn/yishi/architecture/NamesOutsideBoundariesTest.java", "this test");
    // proposal (path, reason)
    CONTRACT_FILES.put(
        "cn/yishi/proposal/ProposalViewService.java",
        "SQL column names of proposal_view (number, title, status …)");
    CONTRACT_FILES.put(
        "cn/yishi/proposal/PublicProposal.java",
        "the JSON property order of CONTRACT §4 GET /api/proposals/{number}");
    CONTRACT_FILES.put(
        "cn/yishi/proposal/ProposalApiIT.java",
        "tests the public API's JSON (CONTRACT §1, §4 field names)");
    CONTRACT_FILES.put(
        "cn/yishi/proposal/PublicApiInputIT.java",
        "tests the public API's JSON bodies and answers (CONTRACT §1, §4 field names)");
    CONTRACT_FILES.put(
        "cn/yishi/proposal/ResidentsApiIT.java",
        "tests the public API's JSON answers (CONTRACT §4: number, status, coSigners; body errors)");
    CONTRACT_FILES.put(
        "cn/yishi/proposal/IntakeNumberingIT.java",
        "submits through the public API's JSON and reads its answer (CONTRACT §1, §4)");
    CONTRACT_FILES.put(
        "cn/yishi/proposal/LongTextIT.java",
        "reads the public API's JSON (number, status); evaluates the decision timeLimits by its key");
    CONTRACT_FILES.put(
        "cn/yishi/reliability/ClusterReliabilityIT.java",
        "submits through the public API's JSON and reads its answers (CONTRACT §1, §4 field names);"
            + " SQL column names of proposal_view, notification and idempotency_key");
    // benchmark (path, reason)
    CONTRACT_FILES.put(
        "cn/yishi/bench/DmnChainBenchmark.java",
        "feeds the decision tables standalone their CONTRACT §1 and §3 inputs and outputs by name, as the case tables do");
    CONTRACT_FILES.put(
        "cn/yishi/bench/HistoryCopies.java",
        "SQL column names of Yishi's tables (number, proposal_number) it copies finished proposals by");
    CONTRACT_FILES.put(
        "cn/yishi/statistics/StatisticsBenchmark.java",
        "SQL column names of statistics_proposal, and CONTRACT §4's status, category, track and level codes it generates");
    // audit (path, reason)
    CONTRACT_FILES.put(
        "cn/yishi/audit/AuditController.java",
        "the audit API's query parameters and list fields (README: Audit trail), named like the proposal's fields");
    CONTRACT_FILES.put(
        "cn/yishi/audit/AuditTrailIT.java",
        "submits through the public API's JSON (CONTRACT §1, §4) and reads the audit API's JSON");
    // statistics (path, reason)
    CONTRACT_FILES.put(
        "cn/yishi/statistics/StatisticsController.java",
        "the statistics API's query parameters (CONTRACT §4: from, to, street, community)");
    CONTRACT_FILES.put(
        "cn/yishi/statistics/StatisticsRepository.java",
        "SQL column names of statistics_proposal (number, status, category, track, rating)");
    CONTRACT_FILES.put(
        "cn/yishi/statistics/StatisticsIT.java",
        "submits through the public API's JSON (CONTRACT §1) and reads the statistics API's JSON (§4)");
    // deliberation (path, reason)
    CONTRACT_FILES.put(
        "cn/yishi/deliberation/DeliberationDaySchedule.java",
        "the bean name deliberationDay that the timer start event calls (${deliberationDay.cycle()}) is spelled like the process key; Diagrams reads bean names from @Component(\"…\") literals");
    CONTRACT_FILES.put(
        "cn/yishi/deliberation/MeetingCountsTest.java",
        "tests the inputs of decision meetingResolution by their CONTRACT §3 names");
    CONTRACT_FILES.put(
        "cn/yishi/deliberation/MeetingResolutionServiceTest.java",
        "tests the inputs of decision meetingResolution by their CONTRACT §3 names");
    // notice, notification, summons, supervision, implementation (path, reason)
    CONTRACT_FILES.put(
        "cn/yishi/notice/NoticeController.java",
        "the API's JSON: an objection's answer {id, noticeId} (CONTRACT §4)");
    CONTRACT_FILES.put(
        "cn/yishi/notice/OpenNotices.java",
        "starts a notice on its own with the decision timeLimits' CONTRACT §3 output responseWithin");
    CONTRACT_FILES.put(
        "cn/yishi/notice/NoticeRepository.java", "SQL column names of public_notice (title)");
    CONTRACT_FILES.put(
        "cn/yishi/summons/SummonsRepository.java",
        "SQL column names of department_rating (department, rating)");
    CONTRACT_FILES.put(
        "cn/yishi/summons/DepartmentStepCheck.java",
        "keys of a departmentViews record {party, department, opinion}, read by hardDeliberation");
    CONTRACT_FILES.put(
        "cn/yishi/summons/DepartmentSummonsProcessTest.java",
        "asserts the keys of a departmentViews record {party, department, opinion}");
    CONTRACT_FILES.put(
        "cn/yishi/supervision/TimeLimitWatchIT.java",
        "posts a proposal through the public API (CONTRACT §1 JSON); Task_SortProposal until the lifecycle's boundary exists");
    // openapi (path, reason)
    CONTRACT_FILES.put(
        "cn/yishi/openapi/ApiSchemas.java",
        "the OpenAPI description of the API's JSON: CONTRACT §1, §4 field names as clients send and read them");
    CONTRACT_FILES.put(
        "cn/yishi/openapi/ApiOperations.java",
        "the OpenAPI description's examples: the API's JSON bodies (CONTRACT §1, §4 field names)");
    CONTRACT_FILES.put(
        "cn/yishi/openapi/OpenApiIT.java",
        "contract test: the OpenAPI description against the API's real JSON (CONTRACT §1, §4)");
    // platform: security, api, config, deployment, organisation, signature, decisions, conventions
    // (path, reason)
    CONTRACT_FILES.put(
        "cn/yishi/conventions/FormConventionsTest.java",
        "form-js property names (\"description\") and a sample form's JSON");
    CONTRACT_FILES.put(
        "cn/yishi/architecture/PackageDependenciesTest.java",
        "package names (\"supervision\" is also a process key)");
    CONTRACT_FILES.put(
        "cn/yishi/api/ApiErrorController.java", "RFC 9457 problem field \"title\", not a variable");
    CONTRACT_FILES.put(
        "cn/yishi/api/ApiErrorReportValve.java",
        "RFC 9457 problem fields \"title\", \"status\", not variables");
    CONTRACT_FILES.put(
        "cn/yishi/api/ApiProblems.java",
        "the API's JSON: a problem's errors name the request \"body\"");
    CONTRACT_FILES.put(
        "cn/yishi/api/PublicApiPropertiesIT.java",
        "throws random and malformed JSON at the public API: CONTRACT §1, §4 field names as clients send them");
    CONTRACT_FILES.put(
        "cn/yishi/api/JsonBody.java",
        "the API's JSON: a problem's errors name the request \"body\"");
    CONTRACT_FILES.put(
        "cn/yishi/deployment/DeploymentOnRestartIT.java",
        "deploys, queries and evaluates the decision timeLimits by its key (the table policy staff redeploy from the Modeler)");
    CONTRACT_FILES.put(
        "cn/yishi/deployment/ExpressionPolicy.java",
        "Camunda bean properties allowed in expressions (task.description), not variables");
    CONTRACT_FILES.put(
        "cn/yishi/deployment/ModelPolicy.java",
        "BPMN/DMN XML elements never evaluated (description), not variables");
    CONTRACT_FILES.put(
        "cn/yishi/organisation/AuthorizationPolicy.java",
        "the lifecycle's key as an authorization resource id; organisation comes before proposal, so it cannot import the lifecycle's boundary");
    CONTRACT_FILES.put(
        "cn/yishi/organisation/Groups.java", "role codes of group ids (department), not variables");
    CONTRACT_FILES.put(
        "cn/yishi/organisation/Role.java", "role codes of group ids (party), not variables");
    CONTRACT_FILES.put(
        "cn/yishi/organisation/IdentitySync.java",
        "Camunda filter property \"description\", not a variable");
    CONTRACT_FILES.put(
        "cn/yishi/organisation/OrganisationLoader.java",
        "the organisation file's kinds in messages (department), not variables");
    CONTRACT_FILES.put(
        "cn/yishi/organisation/OrganisationTree.java",
        "the organisation API's JSON fields (level)");
    CONTRACT_FILES.put(
        "cn/yishi/organisation/Unit.java", "the organisation API's JSON fields (level)");
    CONTRACT_FILES.put(
        "cn/yishi/organisation/OrganisationApiIT.java",
        "contract test: the organisation API's JSON");
    CONTRACT_FILES.put(
        "cn/yishi/config/FeelParseCacheTest.java",
        "contract test: evaluates the decision tables with CONTRACT §1/§3 inputs and outputs");
    CONTRACT_FILES.put(
        "cn/yishi/conventions/DecisionConventionsTest.java",
        "contract test: the decision tables' CONTRACT §3 inputs and outputs by name");
    CONTRACT_FILES.put(
        "cn/yishi/conventions/ProcessConventionsTest.java",
        "diagram conventions in general: Task_SortProposal is the example of a meaningful id");
    CONTRACT_FILES.put(
        "cn/yishi/decisions/DecisionTables.java",
        "contract test support: the decision tables' CONTRACT §1/§3 inputs and outputs");
    CONTRACT_FILES.put(
        "cn/yishi/decisions/DecisionsOnTheProcessEngineTest.java",
        "contract test: the decision tables' CONTRACT §1/§3 inputs and outputs");
    CONTRACT_FILES.put(
        "cn/yishi/decisions/DeliberationTrackTableTest.java",
        "contract test: the decision tables' CONTRACT §1/§3 inputs and outputs");
    CONTRACT_FILES.put(
        "cn/yishi/decisions/EligibilityTableTest.java",
        "contract test: the decision tables' CONTRACT §1/§3 inputs and outputs");
    CONTRACT_FILES.put(
        "cn/yishi/decisions/HandlingLevelTableTest.java",
        "contract test: the decision tables' CONTRACT §1/§3 inputs and outputs");
    CONTRACT_FILES.put(
        "cn/yishi/decisions/MatterScopeTableTest.java",
        "contract test: the decision tables' CONTRACT §1/§3 inputs and outputs");
    CONTRACT_FILES.put(
        "cn/yishi/decisions/MeetingResolutionTableTest.java",
        "contract test: the decision tables' CONTRACT §1/§3 inputs and outputs");
    CONTRACT_FILES.put(
        "cn/yishi/decisions/PolicyNumbersTest.java",
        "contract test: the decision tables' CONTRACT §1/§3 inputs and outputs");
    CONTRACT_FILES.put(
        "cn/yishi/decisions/ProposalCategoryTableTest.java",
        "contract test: the decision tables' CONTRACT §1/§3 inputs and outputs");
    CONTRACT_FILES.put(
        "cn/yishi/decisions/TimeLimitsTableTest.java",
        "contract test: the decision tables' CONTRACT §1/§3 inputs and outputs");
    CONTRACT_FILES.put(
        "cn/yishi/deployment/ModelPolicyTest.java",
        "its own test diagrams as XML text, not Yishi's variables");
    CONTRACT_FILES.put(
        "cn/yishi/security/DeploymentPolicyIT.java",
        "its own test diagrams as XML text, not Yishi's variables");
    CONTRACT_FILES.put(
        "cn/yishi/security/HttpHardeningIT.java",
        "contract test: posts proposals as the API's JSON (CONTRACT §1)");
    CONTRACT_FILES.put(
        "cn/yishi/signature/SignatureServiceTest.java",
        "the signed records' JSON content, not variables");
  }

  private static final Pattern LITERAL = Pattern.compile("\"([A-Za-z_][A-Za-z0-9_]*)\"");

  @Test
  void noJavaFileOutsideTheBoundariesSpellsANameOfADiagram() throws Exception {
    Set<String> names = new TreeSet<>();
    Set<String> boundaryFiles = new TreeSet<>();
    for (Class<?> boundary : ProcessBoundariesTest.boundaries()) {
      names.addAll(ProcessBoundariesTest.variableNames(boundary).keySet());
      boundaryFiles.add(boundary.getName().replace('.', '/') + ".java");
    }
    names.addAll(ProcessBoundariesTest.variableNames(CommonVariables.class).keySet());
    boundaryFiles.add(CommonVariables.class.getName().replace('.', '/') + ".java");
    for (String processId : Diagrams.processIds()) {
      names.addAll(Diagrams.elementIds(processId));
      names.addAll(Diagrams.variables(processId));
    }

    Map<String, Set<String>> spelled = new TreeMap<>();
    for (Path root : List.of(Diagrams.MAIN_JAVA, Diagrams.TEST_JAVA)) {
      try (Stream<Path> files = Files.walk(root)) {
        for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
          String relative = root.relativize(file).toString();
          if (boundaryFiles.contains(relative) || CONTRACT_FILES.containsKey(relative)) {
            continue;
          }
          Matcher literal =
              LITERAL.matcher(PackageDependenciesTest.withoutComments(Diagrams.read(file)));
          while (literal.find()) {
            if (names.contains(literal.group(1))) {
              spelled
                  .computeIfAbsent(root.resolve(relative).toString(), k -> new TreeSet<>())
                  .add(literal.group(1));
            }
          }
        }
      }
    }
    List<String> report = new ArrayList<>();
    spelled.forEach((file, literals) -> report.add(file + " " + literals));
    assertThat(report)
        .as(
            "files that spell element ids or variable names instead of using a boundary's constants")
        .isEmpty();
  }
}
