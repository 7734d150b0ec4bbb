package cn.yishi.openapi;

import static cn.yishi.openapi.ApiSchemas.*;

import cn.yishi.api.JsonBody;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.Paths;
import io.swagger.v3.oas.models.examples.Example;
import io.swagger.v3.oas.models.headers.Header;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.DateSchema;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.parameters.Parameter;
import io.swagger.v3.oas.models.parameters.RequestBody;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The operations of the public API (CONTRACT §4) and the staff audit API, each with its request,
 * its answers (errors as problem+json, {@code errors} on 400) and examples. Every POST takes an
 * optional {@code Idempotency-Key}.
 */
final class ApiOperations {

  static final String TAG_PROPOSALS = "提案";
  static final String TAG_NOTICES = "公示";
  static final String TAG_ORGANISATION = "组织架构";
  static final String TAG_STATISTICS = "统计";
  static final String TAG_AUDIT = "审计（工作人员）";

  /** The HTTP Basic scheme of the audit API (#/components/securitySchemes/…). */
  static final String AUDIT_BASIC = "auditBasic";

  static final String IDEMPOTENCY_KEY = "Idempotency-Key";
  static final String IDEMPOTENCY_REPLAYED = "Idempotency-Replayed";
  static final String PROBLEM_JSON = "application/problem+json";
  static final String JSON = "application/json";

  private static final String NUMBER = "JN-2026-000123";
  private static final String PROPOSAL_PATH = "/api/proposals/" + NUMBER;
  private static final String NOTICE_ID = "4f6c1e2a-8d3b-4a57-b1f0-6c2e9d7a3b15";
  private static final String SUBMITTED_AT = "2026-03-02T09:15:00+08:00";

  private ApiOperations() {}

  static Paths all() {
    Paths paths = new Paths();
    paths.addPathItem("/api/proposals", new PathItem().post(submit()));
    paths.addPathItem("/api/proposals/{number}", new PathItem().get(find()));
    paths.addPathItem("/api/proposals/{number}/cosignatures", new PathItem().post(cosign()));
    paths.addPathItem("/api/proposals/{number}/evaluation", new PathItem().post(evaluate()));
    paths.addPathItem("/api/notices", new PathItem().get(notices()));
    paths.addPathItem("/api/notices/{id}/objections", new PathItem().post(object()));
    paths.addPathItem("/api/organisation", new PathItem().get(organisation()));
    paths.addPathItem("/api/statistics", new PathItem().get(statistics()));
    paths.addPathItem("/api/audit/proposals/{number}", new PathItem().get(auditTrail()));
    paths.addPathItem("/api/audit/proposals", new PathItem().get(auditSearch()));
    paths.addPathItem("/api/audit/diagrams/{definitionId}", new PathItem().get(auditDiagram()));
    return paths;
  }

  // ---- proposals

  private static Operation submit() {
    Operation op =
        operation(
            TAG_PROPOSALS,
            "submitProposal",
            "提交提案 / submit a proposal",
            "校验 CONTRACT §1 的字段，分配编号、分类，提案进入分拣（status 为 SORTING）后答 201，"
                + "Location 为 /api/proposals/{number}，答复体与 GET /api/proposals/{number} 相同。"
                + "有误时答 400，errors 逐一列出每个有误的字段，什么也不启动。");
    op.requestBody(body(SUBMISSION, "一件加装电梯的提案（列出了全部字段）", submissionExample()));
    Answers answers = new Answers();
    answers.json(
        201,
        "已受理，等待分拣",
        PUBLIC_PROPOSAL,
        proposalExample("SORTING"),
        location("新提案的地址 /api/proposals/{number}"));
    answers.problem(
        400,
        "字段有误（errors 列出每个有误的字段）",
        "字段有误",
        problemExample(
            400,
            "Invalid proposal",
            "提案信息有误",
            "/api/proposals",
            fieldError("title", "必填"),
            fieldError("submitterPhone", "须为11位手机号码（1开头，第二位3至9）"),
            fieldError("estimatedCost", "须为数字（元）")));
    answers.problem(
        400,
        "未知字段，或提案人填写了 exclusion",
        "未知字段",
        problemExample(
            400,
            "Bad Request",
            "请求内容有误",
            "/api/proposals",
            fieldError("titel", "未知字段"),
            fieldError("exclusion", "不可议事由由分拣的社区工作者确定，提案人不能填写")));
    post(op, answers, "/api/proposals");
    return op;
  }

  private static Operation find() {
    Operation op =
        operation(
            TAG_PROPOSALS,
            "getProposal",
            "查看提案 / read a proposal",
            "提案的公开信息：状态、分类、办理期限、是否逾期、等待办理的步骤和办理经过。" + "不含手机号，工作人员只显示角色和单位。");
    op.addParametersItem(numberParameter());
    Answers answers = new Answers();
    answers.json(200, "提案的公开信息", PUBLIC_PROPOSAL, proposalExample("IN_DELIBERATION"), null);
    answers.problem(404, "没有这个编号的提案", "没有这个提案", unknownProposal(PROPOSAL_PATH));
    get(op, answers);
    return op;
  }

  private static Operation cosign() {
    String path = PROPOSAL_PATH + "/cosignatures";
    Operation op =
        operation(
            TAG_PROPOSALS,
            "cosignProposal",
            "联名附议 / co-sign a proposal",
            "增加一户联名（每个手机号一次）。notify 为 true 时联名人也收到每一步的通知。"
                + "答 201，答复体为提案的公开信息（coSigners 已算上这一户），Location 为 /api/proposals/{number}。");
    op.addParametersItem(numberParameter());
    op.requestBody(
        body(
            COSIGNATURE,
            "一户联名",
            obj(
                "name",
                "李建国",
                "phone",
                "13912345678",
                "courtyard",
                "jn-jld-jldbl-jhy",
                "notify",
                true)));
    Answers answers = new Answers();
    Map<String, Object> cosigned = proposalExample("SORTING");
    cosigned.put("coSigners", 13);
    answers.json(201, "已联名；提案的公开信息", PUBLIC_PROPOSAL, cosigned, location("提案的地址"));
    answers.problem(
        400,
        "字段有误",
        "字段有误",
        problemExample(
            400,
            "Bad Request",
            "提案信息有误",
            path,
            fieldError("name", "必填"),
            fieldError("phone", "须为11位手机号码（1开头，第二位3至9）")));
    answers.problem(404, "没有这个编号的提案", "没有这个提案", unknownProposal(path));
    answers.problem(
        409,
        "这个手机号已联名（或是提案人本人），或提案已办结、已结束，不再接受联名",
        "已联名",
        problemExample(409, "Conflict", "该手机号已联署过提案 " + NUMBER + "（每户只能联署一次，提案人无需联署）", path));
    post(op, answers, path);
    return op;
  }

  private static Operation evaluate() {
    String path = PROPOSAL_PATH + "/evaluation";
    Operation op =
        operation(
            TAG_PROPOSALS,
            "evaluateProposal",
            "评价办理结果 / rate the outcome",
            "提案人在待评价阶段（AWAITING_EVALUATION）评价办理结果，答 200 及提案的公开信息。"
                + "依次检查：编号不存在 404；请求体有误 400（413、415）；不在待评价阶段 409；"
                + "手机号核对失败次数过多 429；手机号与提案人不符 403。"
                + "因此只有最后一步取决于手机号是否正确；提号被锁定时正确的手机号也答 429。"
                + "7 天内（默认）未评价的提案以“未评价”办结。");
    op.addParametersItem(numberParameter());
    op.requestBody(
        body(
            EVALUATION,
            "满意",
            obj("rating", "SATISFIED", "comment", "电梯已装好，谢谢社区。", "submitterPhone", "13800000000")));
    Answers answers = new Answers();
    answers.json(200, "已评价；提案的公开信息", PUBLIC_PROPOSAL, proposalExample("CLOSED"), null);
    answers.problem(404, "没有这个编号的提案", "没有这个提案", unknownProposal(path));
    answers.problem(
        400,
        "字段有误",
        "字段有误",
        problemExample(
            400,
            "Invalid proposal",
            "提案信息有误",
            path,
            fieldError("rating", "须为 SATISFIED、BASICALLY_SATISFIED 或 DISSATISFIED")));
    answers.problem(
        409,
        "提案当前不在待评价阶段",
        "不在待评价阶段",
        problemExample(409, "Conflict", "提案 " + NUMBER + " 当前不在待评价阶段", path));
    answers.problem(
        429,
        "这个编号的手机号核对失败次数过多（默认连续 5 次，之后每 12 分钟一次）",
        "核对失败过多",
        problemExample(429, "Too Many Requests", "手机号核对失败次数过多，请稍后再试", path));
    answers.problem(
        403,
        "手机号与提案人不符",
        "不是提案人",
        problemExample(403, "Forbidden", "手机号与提案 " + NUMBER + " 的提案人不符", path));
    post(op, answers, path);
    return op;
  }

  // ---- notices

  private static Operation notices() {
    Operation op =
        operation(
            TAG_NOTICES,
            "listNotices",
            "公示栏 / the notice board",
            "全部公示，最新的在前：决议公示和结果公示，公示期，是否仍接受异议，以及对不成立异议的公开答复。");
    Answers answers = new Answers();
    answers.json(
        200,
        "公示列表",
        new io.swagger.v3.oas.models.media.ArraySchema().items(ref(NOTICE)),
        List.of(
            obj(
                "id",
                NOTICE_ID,
                "proposalNumber",
                NUMBER,
                "title",
                "菁华园3栋加装电梯决议公示",
                "kind",
                "RESOLUTION",
                "content",
                "经居民议事会表决通过：3栋加装电梯，费用按楼层分摊。",
                "from",
                "2026-04-01T09:00:00+08:00",
                "to",
                "2026-04-08T09:00:00+08:00",
                "open",
                true,
                "replies",
                List.of(
                    obj(
                        "at",
                        "2026-04-03T15:20:00+08:00",
                        "text",
                        "经核实，电梯井道不占用消防通道，异议不成立，公示继续。")))),
        null);
    get(op, answers);
    return op;
  }

  private static Operation object() {
    String path = "/api/notices/" + NOTICE_ID + "/objections";
    Operation op =
        operation(
            TAG_NOTICES,
            "raiseObjection",
            "对公示提出异议 / object to a notice",
            "公示期内居民可提出异议，答 201。异议由负责的层级研判：成立则提案回到协商，" + "不成立则公开答复理由、公示继续。公示期届满或公示已结束后答 409。");
    op.addParametersItem(
        new Parameter()
            .name("id")
            .in("path")
            .required(true)
            .description("公示编号（GET /api/notices 中的 id）")
            .schema(new StringSchema())
            .example(NOTICE_ID));
    op.requestBody(
        body(
            OBJECTION,
            "一条异议",
            obj("name", "王秀英", "phone", "13698765432", "text", "电梯井道会挡住一楼的采光，请重新论证。")));
    Answers answers = new Answers();
    answers.json(
        201,
        "异议已登记",
        OBJECTION_RECEIPT,
        obj("id", "9b2d7c41-5e3a-4f88-a0c6-1d4e8f2b7a90", "noticeId", NOTICE_ID),
        location("异议的地址 /api/notices/{id}/objections/{objectionId}"));
    answers.problem(
        400,
        "字段有误",
        "字段有误",
        problemExample(400, "Bad Request", "异议信息有误：姓名不能为空", path, fieldError("name", "姓名不能为空")));
    answers.problem(
        404,
        "没有这个公示",
        "没有这个公示",
        problemExample(404, "Not Found", "公示 " + NOTICE_ID + " 不存在", path));
    answers.problem(
        409,
        "公示期已届满或公示已结束，不再受理异议",
        "公示已结束",
        problemExample(409, "Conflict", "本公示的公示期已于 2026-04-08 09:00 届满，不再受理异议", path));
    post(op, answers, path);
    return op;
  }

  // ---- organisation, statistics

  private static Operation organisation() {
    Operation op =
        operation(
            TAG_ORGANISATION,
            "getOrganisation",
            "组织架构 / the organisation tree",
            "区、街道、社区、小区（院落）的树，以及职能部门；提交提案时 community、courtyard 取其中的单位代码。" + "可缓存 5 分钟。");
    Answers answers = new Answers();
    answers.json(
        200,
        "组织架构",
        ORGANISATION,
        obj(
            "code",
            "jn",
            "name",
            "金牛区",
            "level",
            "DISTRICT",
            "children",
            List.of(
                unitExample(
                    "jn-jld",
                    "九里堤街道",
                    "STREET",
                    unitExample(
                        "jn-jld-jldbl",
                        "九里堤北路社区",
                        "COMMUNITY",
                        unitExample("jn-jld-jldbl-jhy", "菁华园", "COURTYARD")))),
            "departments",
            List.of(obj("code", "dept-river", "name", "金牛区河长制办公室", "kind", "DISTRICT_OFFICE"))),
        null);
    get(op, answers);
    return op;
  }

  private static Operation statistics() {
    Operation op =
        operation(
            TAG_STATISTICS,
            "getStatistics",
            "提案统计 / statistics",
            "按类别、状态、议事程序、办理层级和提交月份计数，以及响应率、办结率、满意率、按期办结率。"
                + "可按提交日期（含首尾，业务时区）、街道或社区筛选。参数有误答 400，errors 指出参数。");
    op.addParametersItem(
        query("from", "提交日期不早于（yyyy-MM-dd，含当天，业务时区）", new DateSchema(), "2026-01-01"));
    op.addParametersItem(
        query("to", "提交日期不晚于（yyyy-MM-dd，含当天，业务时区）", new DateSchema(), "2026-06-30"));
    op.addParametersItem(query("street", "街道单位代码", new StringSchema(), "jn-jld"));
    op.addParametersItem(query("community", "社区单位代码", new StringSchema(), "jn-jld-jldbl"));
    Answers answers = new Answers();
    answers.json(
        200,
        "统计结果",
        STATISTICS,
        obj(
            "total",
            42,
            "byCategory",
            obj("CONSTRUCTION", 15, "REMEDIATION", 12, "COMMUNITY_SERVICE", 15),
            "byStatus",
            obj("SORTING", 3, "IN_DELIBERATION", 9, "IN_IMPLEMENTATION", 10, "CLOSED", 20),
            "byTrack",
            obj("MINOR", 25, "MAJOR", 12, "HARD", 3, "URGENT", 2),
            "byLevel",
            obj("COURTYARD", 8, "COMMUNITY", 28, "STREET", 5, "DISTRICT", 1),
            "rates",
            obj("response", 0.95, "resolution", 0.48, "satisfaction", 0.9, "onTime", 0.85),
            "settledBelowLevel",
            4,
            "byMonth",
            obj("2026-01", 10, "2026-02", 14, "2026-03", 18)),
        null);
    answers.problem(
        400,
        "查询参数有误（errors 列出每个有误的参数）",
        "参数有误",
        problemExample(
            400,
            "Bad Request",
            "查询参数有误",
            "/api/statistics",
            fieldError("from", "须为日期 yyyy-MM-dd"),
            fieldError("community", "没有这个社区")));
    get(op, answers);
    return op;
  }

  // ---- audit (staff)

  private static Operation auditTrail() {
    String path = "/api/audit/proposals/" + NUMBER;
    Operation op =
        audit(
            "getAuditTrail",
            "提案的审计轨迹 / a proposal's audit trail",
            "每一步、谁办的、何时、决策表的输入输出、更正、会议记录、签名及其验签结果。"
                + "Accept: text/csv（或 ?format=csv）时答 CSV（UTF-8 带 BOM，每个事件一行）。"
                + "审计员读全部，社区的监督员只读本社区的提案。");
    op.addParametersItem(numberParameter());
    op.addParametersItem(
        query(
            "format",
            "csv：答 CSV（与 Accept: text/csv 相同）",
            new StringSchema()._enum(List.of("csv")),
            "csv"));
    Answers answers = new Answers();
    Map<String, Object> event =
        obj(
            "at",
            SUBMITTED_AT,
            "kind",
            "DECISION",
            "kindLabel",
            "决策表",
            "instanceId",
            "a1b2c3d4-0000-4000-8000-000000000001",
            "activityId",
            "Decision_Track",
            "step",
            "确定议事程序",
            "actor",
            null,
            "actorName",
            null,
            "outcome",
            "MAJOR",
            "details",
            obj("estimatedCost", 650000, "track", "MAJOR"),
            "verified",
            null);
    answers.json(
        200,
        "审计轨迹（JSON）；Accept: text/csv 时为 CSV",
        AUDIT_TRAIL,
        auditProposalExample(
            "SORTING",
            "分拣中",
            "finished",
            false,
            "processes",
            List.of(),
            "decisions",
            List.of(),
            "events",
            List.of(event)),
        null);
    answers
        .get(200)
        .getContent()
        .addMediaType(
            "text/csv",
            new MediaType()
                .schema(new StringSchema().description("CSV：时间,类别,流程,步骤,办理人,结果,详情"))
                .example(
                    "时间,类别,流程,步骤,办理人,结果,详情\r\n"
                        + SUBMITTED_AT
                        + ",决策表,a1b2c3d4-0000-4000-8000-000000000001,确定议事程序,,MAJOR,track=MAJOR\r\n"));
    answers.problem(
        403,
        "不是审计员、监督员或管理员；或监督员查看其他社区的提案",
        "无权查看",
        problemExample(403, "Forbidden", "只能查看本社区的提案", path));
    answers.problem(
        404,
        "没有这个编号的提案",
        "没有这个提案",
        problemExample(404, "Not Found", "没有编号为 " + NUMBER + " 的提案", path));
    get(op, answers);
    return op;
  }

  private static Operation auditSearch() {
    Operation op =
        audit(
            "searchAuditProposals",
            "查询提案（审计） / search proposals",
            "在办和已结束的提案，最新的在前；监督员只看到本社区的。参数有误答 400，parameter 指出参数。");
    op.addParametersItem(query("number", "提案编号，完整的或其末几位", new StringSchema(), "000123"));
    op.addParametersItem(query("q", "标题中的文字", new StringSchema(), "电梯"));
    op.addParametersItem(query("community", "社区单位代码", new StringSchema(), "jn-jld-jldbl"));
    op.addParametersItem(query("street", "街道单位代码", new StringSchema(), "jn-jld"));
    op.addParametersItem(query("from", "提交日期不早于（含）", new DateSchema(), "2026-01-01"));
    op.addParametersItem(query("to", "提交日期不晚于（含）", new DateSchema(), "2026-06-30"));
    op.addParametersItem(
        query("status", "状态", new StringSchema()._enum(ApiSchemas.STATUSES), "IN_DELIBERATION"));
    op.addParametersItem(
        query("track", "议事程序", new StringSchema()._enum(ApiSchemas.TRACKS), "MAJOR"));
    op.addParametersItem(
        query("page", "页码，从 0 起", new IntegerSchema().minimum(java.math.BigDecimal.ZERO), 0));
    op.addParametersItem(
        query("size", "每页条数，1–100，默认 20", ApiSchemas.integer("每页条数", 1, 100)._default(20), 20));
    Answers answers = new Answers();
    answers.json(
        200,
        "一页提案",
        AUDIT_PAGE,
        obj(
            "total",
            1,
            "page",
            0,
            "size",
            20,
            "items",
            List.of(
                auditProposalExample(
                    "IN_DELIBERATION",
                    "协商中",
                    "updatedAt",
                    "2026-03-05T10:00:00+08:00",
                    "finished",
                    false))),
        null);
    Map<String, Object> bad =
        problemExample(
            400, "Bad Request", "track 须为 URGENT、MINOR、MAJOR 或 HARD", "/api/audit/proposals");
    bad.put("parameter", "track");
    answers.problem(400, "查询参数有误（parameter 指出参数）", "参数有误", bad);
    get(op, answers);
    return op;
  }

  private static Operation auditDiagram() {
    String definitionId = "proposalLifecycle:3:5f2a";
    Operation op =
        audit(
            "getAuditDiagram",
            "流程图（审计） / a process diagram",
            "提案运行所用的流程定义的 BPMN XML（审计轨迹 processes[].definitionId）。");
    op.addParametersItem(
        new Parameter()
            .name("definitionId")
            .in("path")
            .required(true)
            .description("流程定义 id")
            .schema(new StringSchema())
            .example(definitionId));
    Answers answers = new Answers();
    ApiResponse xml =
        new ApiResponse()
            .description("BPMN 2.0 XML")
            .content(
                new Content()
                    .addMediaType(
                        "application/xml",
                        new MediaType()
                            .schema(new StringSchema())
                            .example(
                                "<?xml version=\"1.0\" encoding=\"UTF-8\"?>"
                                    + "<bpmn:definitions xmlns:bpmn=\"http://www.omg.org/spec/BPMN/20100524/MODEL\">"
                                    + "…</bpmn:definitions>")));
    answers.responses.addApiResponse("200", xml);
    answers.problem(
        404,
        "没有这个流程定义",
        "没有这个流程定义",
        problemExample(
            404, "Not Found", "没有这个流程定义：" + definitionId, "/api/audit/diagrams/" + definitionId));
    get(op, answers);
    return op;
  }

  private static Operation audit(String id, String summary, String description) {
    Operation op = operation(TAG_AUDIT, id, summary, description);
    op.addSecurityItem(new SecurityRequirement().addList(AUDIT_BASIC));
    return op;
  }

  // ---- shared answers

  /** What every GET may also answer: 429, 503 (CONTRACT §4). */
  private static void get(Operation op, Answers answers) {
    answers.tooMany(op);
    answers.unavailable();
    if (op.getSecurity() != null) {
      answers.problem(
          401,
          "没有或错误的 HTTP Basic 凭据（带 WWW-Authenticate: Basic realm=\"yishi-audit\"）",
          "未登录",
          problemExample(
              401,
              "Unauthorized",
              "the audit API needs HTTP Basic credentials of an auditor",
              null));
      answers
          .get(401)
          .addHeaderObject(
              "WWW-Authenticate",
              new Header()
                  .description("Basic realm=\"yishi-audit\", charset=\"UTF-8\"")
                  .schema(new StringSchema()));
    }
    op.responses(answers.responses);
  }

  /**
   * What every POST may also answer, and its Idempotency-Key: 400 (a malformed key), 408, 409 (the
   * first request with the key is still being handled), 413, 415, 422 (the key with another body),
   * 429, 503; a replayed 2xx carries {@code Idempotency-Replayed: true}.
   */
  private static void post(Operation op, Answers answers, String path) {
    op.addParametersItem(
        new Parameter()
            .name(IDEMPOTENCY_KEY)
            .in("header")
            .required(false)
            .description(
                "可选的幂等键：1–255 个可见 ASCII 字符（如 UUID）。用同一个键重试同一请求时，答复第一次的（2xx）结果，"
                    + "并带 Idempotency-Replayed: true，不会重复办理；同一个键配不同的请求体答 422；"
                    + "第一次请求尚未办完时答 409；键的格式有误答 400。键保存在数据库中。")
            .schema(
                new StringSchema().minLength(1).maxLength(255).pattern("^[\\x21-\\x7E]{1,255}$"))
            .example("6f1c2a9e-1b7d-4c55-9a61-2f0d3c8e4b10"));
    answers.responses.forEach(
        (status, response) -> {
          if (status.startsWith("2")) {
            response.addHeaderObject(
                IDEMPOTENCY_REPLAYED,
                new Header()
                    .description("仅在按 Idempotency-Key 重放第一次的答复时出现，值为 true")
                    .schema(new StringSchema()._enum(List.of("true"))));
          }
        });
    answers.problem(
        400,
        "Idempotency-Key 格式有误",
        "幂等键有误",
        problemExample(
            400,
            "Bad Request",
            "Idempotency-Key 无效",
            path,
            fieldError(IDEMPOTENCY_KEY, "须为 1 至 255 个可见 ASCII 字符")));
    answers.problem(
        400,
        "请求体不是 JSON 对象",
        "不是 JSON",
        problemExample(400, "Bad Request", "请求内容有误", path, fieldError("body", "不是有效的 JSON")));
    answers.problem(
        408,
        "请求体未在期限内发送完（默认 10 秒）",
        "超时",
        problemExample(408, "Request Timeout", "请求体未能按时发送", null));
    answers.problem(
        409,
        "同一个 Idempotency-Key 的第一次请求尚未办完",
        "幂等键办理中",
        problemExample(409, "Conflict", "使用同一 Idempotency-Key 的请求仍在处理中，请稍后重试", path));
    answers.problem(
        413,
        "请求体超过 64 KB",
        "请求体过大",
        problemExample(
            413, "Content Too Large", "请求体不能超过 " + JsonBody.MAX_BYTES / 1024 + " KB", null));
    answers.problem(
        415,
        "请求体不是 application/json（UTF-8）",
        "不是 JSON",
        problemExample(
            415,
            "Unsupported Media Type",
            "请求体须为 JSON（Content-Type: application/json，UTF-8）",
            path));
    answers.problem(
        422,
        "同一个 Idempotency-Key 已用于另一个请求体",
        "幂等键已用于别的请求",
        problemExample(
            422, "Unprocessable Entity", "该 Idempotency-Key 已用于另一请求（路径或请求体不同），请换一个新的键", path));
    answers.tooMany(op);
    answers.unavailable();
    op.responses(answers.responses);
  }

  /** The answers of one operation; answers of the same status are merged (several examples). */
  private static final class Answers {
    final ApiResponses responses = new ApiResponses();

    ApiResponse get(int status) {
      return responses.get(Integer.toString(status));
    }

    void json(
        int status, String description, Object schema, Object example, Header locationHeader) {
      Schema s = schema instanceof Schema<?> given ? given : ref((String) schema);
      ApiResponse response =
          new ApiResponse()
              .description(description)
              .content(
                  new Content().addMediaType(JSON, new MediaType().schema(s).example(example)));
      if (locationHeader != null) {
        response.addHeaderObject("Location", locationHeader);
      }
      responses.addApiResponse(Integer.toString(status), response);
    }

    void problem(int status, String description, String exampleName, Map<String, Object> example) {
      ApiResponse response = get(status);
      if (response == null) {
        response =
            new ApiResponse()
                .description(description)
                .content(
                    new Content()
                        .addMediaType(
                            PROBLEM_JSON, new MediaType().schema(ref(ApiSchemas.PROBLEM))));
        responses.addApiResponse(Integer.toString(status), response);
      } else {
        response.description(response.getDescription() + "；或" + description);
      }
      response
          .getContent()
          .get(PROBLEM_JSON)
          .addExamples(exampleName, new Example().summary(description).value(example));
    }

    void tooMany(Operation op) {
      if (get(429) == null) {
        problem(
            429,
            "请求过于频繁（每个地址默认每分钟 300 次写请求）",
            "过于频繁",
            problemExample(429, "Too Many Requests", "请求过于频繁，请稍后再试", null));
      }
      get(429).addHeaderObject("Retry-After", retryAfter());
    }

    void unavailable() {
      problem(
          503,
          "数据库暂时无法访问",
          "暂不可用",
          problemExample(503, "Service Unavailable", "系统暂时无法访问数据库，请稍后再试", null));
      get(503).addHeaderObject("Retry-After", retryAfter());
    }
  }

  // ---- building blocks

  private static Operation operation(String tag, String id, String summary, String description) {
    return new Operation()
        .addTagsItem(tag)
        .operationId(id)
        .summary(summary)
        .description(description);
  }

  private static RequestBody body(String schema, String exampleName, Object example) {
    return new RequestBody()
        .required(true)
        .description("JSON 对象（Content-Type: application/json，UTF-8，不超过 64 KB）；不接受未知字段")
        .content(
            new Content()
                .addMediaType(
                    JSON,
                    new MediaType()
                        .schema(ref(schema))
                        .addExamples(
                            exampleName, new Example().summary(exampleName).value(example))));
  }

  private static Parameter numberParameter() {
    return new Parameter()
        .name("number")
        .in("path")
        .required(true)
        .description("提案编号")
        .schema(new StringSchema())
        .example(NUMBER);
  }

  private static Parameter query(String name, String description, Schema schema, Object example) {
    return new Parameter()
        .name(name)
        .in("query")
        .required(false)
        .description(description)
        .schema(schema)
        .example(example);
  }

  private static Header location(String description) {
    return new Header().description(description).schema(new StringSchema().format("uri-reference"));
  }

  private static Header retryAfter() {
    return new Header()
        .description("多少秒后可以再试")
        .schema(new IntegerSchema().minimum(java.math.BigDecimal.ONE));
  }

  private static Map<String, Object> unknownProposal(String path) {
    return problemExample(404, "Not Found", "没有编号为“" + NUMBER + "”的提案", path);
  }

  static Map<String, Object> problemExample(
      int status, String title, String detail, String instance, Map<?, ?>... errors) {
    Map<String, Object> p = obj("type", "about:blank", "title", title, "status", status);
    p.put("detail", detail);
    if (instance != null) {
      p.put("instance", instance);
    }
    if (errors.length > 0) {
      p.put("errors", List.of(errors));
    }
    return p;
  }

  private static Map<String, Object> fieldError(String field, String message) {
    return obj("field", field, "message", message);
  }

  static Map<String, Object> submissionExample() {
    return obj(
        "title", "菁华园3栋加装电梯",
        "description", "3栋共7层28户，老人多，上下楼困难，希望加装电梯，费用按楼层分摊。",
        "community", "jn-jld-jldbl",
        "courtyard", "jn-jld-jldbl-jhy",
        "submitterName", "张桂芳",
        "submitterPhone", "13800000000",
        "topic", "ELEVATOR",
        "scope", "BUILDING",
        "jurisdiction", "COMMUNITY",
        "crossJurisdiction", false,
        "affectedHouseholds", 28,
        "coSigners", 12,
        "stakeholderParties", 2,
        "estimatedCost", 650000,
        "usesCollectiveFunds", false,
        "safetyHazard", false,
        "legacyIssue", false);
  }

  private static Map<String, Object> proposalExample(String status) {
    boolean sorting = "SORTING".equals(status);
    return obj(
        "number",
        NUMBER,
        "title",
        "菁华园3栋加装电梯",
        "status",
        status,
        "category",
        "CONSTRUCTION",
        "matterScope",
        "COMMUNITY",
        "track",
        "MAJOR",
        "level",
        "COMMUNITY",
        "community",
        "jn-jld-jldbl",
        "coSigners",
        12,
        "submittedAt",
        SUBMITTED_AT,
        "deadline",
        sorting ? null : "2026-04-03T10:00:00+08:00",
        "overdue",
        false,
        "openSteps",
        sorting
            ? List.of(
                obj(
                    "name",
                    "分拣提案",
                    "key",
                    "Task_SortProposal",
                    "level",
                    "COMMUNITY",
                    "dueAt",
                    "2026-03-04T09:15:00+08:00",
                    "overdue",
                    false))
            : List.of(),
        "timeline",
        List.of(obj("at", SUBMITTED_AT, "step", "分拣提案", "outcome", "SORTING")));
  }

  /** A proposal as the audit API shows it, then further keys and values. */
  private static Map<String, Object> auditProposalExample(
      String status, String statusLabel, Object... more) {
    Map<String, Object> p =
        obj(
            "number",
            NUMBER,
            "title",
            "菁华园3栋加装电梯",
            "community",
            "jn-jld-jldbl",
            "communityName",
            "九里堤北路社区",
            "street",
            "jn-jld",
            "streetName",
            "九里堤街道",
            "status",
            status,
            "statusLabel",
            statusLabel,
            "track",
            "MAJOR",
            "level",
            "COMMUNITY",
            "submittedAt",
            SUBMITTED_AT);
    p.putAll(obj(more));
    return p;
  }

  private static Map<String, Object> unitExample(
      String code, String name, String level, Map<?, ?>... children) {
    return obj("code", code, "name", name, "level", level, "children", List.of(children));
  }

  /** An example object: keys and values in turn, in this order (values may be null). */
  static Map<String, Object> obj(Object... keysAndValues) {
    Map<String, Object> map = new LinkedHashMap<>();
    for (int i = 0; i < keysAndValues.length; i += 2) {
      map.put((String) keysAndValues[i], keysAndValues[i + 1]);
    }
    return map;
  }
}
