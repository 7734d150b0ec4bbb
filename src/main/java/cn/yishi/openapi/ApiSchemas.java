package cn.yishi.openapi;

import cn.yishi.api.JsonBody;
import cn.yishi.audit.AuditEvent;
import cn.yishi.notice.ObjectionIntake;
import cn.yishi.notice.PublicNoticeProcess;
import cn.yishi.organisation.UnitLevel;
import cn.yishi.proposal.EvaluationCheck;
import cn.yishi.proposal.ProposalFields;
import cn.yishi.proposal.ProposalStatus;
import io.swagger.v3.oas.models.media.ArraySchema;
import io.swagger.v3.oas.models.media.BooleanSchema;
import io.swagger.v3.oas.models.media.DateTimeSchema;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.NumberSchema;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import java.math.BigDecimal;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The schemas of the public API's bodies (CONTRACT §1, §4), written out by hand: the controllers
 * read their bodies themselves ({@link JsonBody}), so nothing could be inferred from their
 * signatures. Enumerations and limits come from the code that checks them (ProposalFields,
 * ProposalStatus, ObjectionIntake …), so the description follows the checks.
 */
final class ApiSchemas {

  static final String PROBLEM = "Problem";
  static final String FIELD_ERROR = "FieldError";
  static final String SUBMISSION = "ProposalSubmission";
  static final String PUBLIC_PROPOSAL = "PublicProposal";
  static final String OPEN_STEP = "OpenStep";
  static final String TIMELINE_ENTRY = "TimelineEntry";
  static final String COSIGNATURE = "Cosignature";
  static final String EVALUATION = "Evaluation";
  static final String NOTICE = "Notice";
  static final String NOTICE_REPLY = "NoticeReply";
  static final String OBJECTION = "Objection";
  static final String OBJECTION_RECEIPT = "ObjectionReceipt";
  static final String ORGANISATION = "OrganisationTree";
  static final String UNIT = "Unit";
  static final String DEPARTMENT = "Department";
  static final String STATISTICS = "Statistics";
  static final String RATES = "StatisticsRates";
  static final String AUDIT_TRAIL = "AuditTrail";
  static final String AUDIT_PROCESS = "AuditProcessRun";
  static final String AUDIT_DECISION = "AuditDecisionRun";
  static final String AUDIT_VALUE = "AuditValue";
  static final String AUDIT_EVENT = "AuditEvent";
  static final String AUDIT_PAGE = "AuditSearchPage";
  static final String AUDIT_ITEM = "AuditSearchItem";

  static final List<String> CATEGORIES =
      List.of(
          "CONSTRUCTION",
          "REMEDIATION",
          "PUBLIC_SAFETY",
          "COMMUNITY_SERVICE",
          "SELF_GOVERNANCE",
          "OTHER");
  static final List<String> MATTER_SCOPES = List.of("HOUSEHOLD", "COURTYARD", "COMMUNITY");
  static final List<String> TRACKS = List.of("URGENT", "MINOR", "MAJOR", "HARD");
  static final List<String> LEVELS = names(UnitLevel.values());
  static final List<String> STATUSES = names(ProposalStatus.values());

  /** The longest evaluation comment (ProposalController.MAX_COMMENT). */
  static final int MAX_COMMENT = 2000;

  private static final String MOBILE_PATTERN = "^" + ProposalFields.MOBILE.pattern() + "$";

  private ApiSchemas() {}

  /** Every schema of the document, by name (#/components/schemas/…). */
  static Map<String, Schema> all() {
    Map<String, Schema> s = new LinkedHashMap<>();
    s.put(PROBLEM, problem());
    s.put(FIELD_ERROR, fieldError());
    s.put(SUBMISSION, submission());
    s.put(PUBLIC_PROPOSAL, publicProposal());
    s.put(OPEN_STEP, openStep());
    s.put(TIMELINE_ENTRY, timelineEntry());
    s.put(COSIGNATURE, cosignature());
    s.put(EVALUATION, evaluation());
    s.put(NOTICE, notice());
    s.put(NOTICE_REPLY, noticeReply());
    s.put(OBJECTION, objection());
    s.put(OBJECTION_RECEIPT, objectionReceipt());
    s.put(ORGANISATION, organisation());
    s.put(UNIT, unit());
    s.put(DEPARTMENT, department());
    s.put(STATISTICS, statistics());
    s.put(RATES, rates());
    s.put(AUDIT_TRAIL, auditTrail());
    s.put(AUDIT_PROCESS, auditProcess());
    s.put(AUDIT_DECISION, auditDecision());
    s.put(AUDIT_VALUE, auditValue());
    s.put(AUDIT_EVENT, auditEvent());
    s.put(AUDIT_PAGE, auditPage());
    s.put(AUDIT_ITEM, auditItem());
    return s;
  }

  // ---- errors

  private static Schema problem() {
    return object(
            "错误答复（RFC 9457 problem+json，Content-Type: application/problem+json）。"
                + " An error answer: detail is Chinese and meant for residents.")
        .addProperty("type", text("问题类型的 URI；Yishi 一律为 about:blank").format("uri"))
        .addProperty("title", text("HTTP 状态的英文短语，如 Bad Request"))
        .addProperty("status", integer("HTTP 状态码", 400, 599))
        .addProperty("detail", text("给用户看的中文说明"))
        .addProperty("instance", text("出错的请求路径（部分答复才有）").format("uri-reference"))
        .addProperty(
            "errors",
            new ArraySchema()
                .items(ref(FIELD_ERROR))
                .description("仅 400：逐一列出每个有误的字段（请求体不是 JSON 对象时 field 为 body）"))
        .addProperty("parameter", text("仅审计查询接口的 400：有误的查询参数名"))
        .required(List.of("type", "title", "status", "detail"));
  }

  private static Schema fieldError() {
    return object("一个有误的字段 / a bad field")
        .addProperty("field", text("字段名（或查询参数名、请求头名、body）"))
        .addProperty("message", text("中文说明，如“必填”“不能超过120个字符”"))
        .required(List.of("field", "message"));
  }

  // ---- proposals

  private static Schema submission() {
    Schema s =
        object(
                "提交的提案（CONTRACT §1）。严格校验：未知字段、数字写成字符串（\"50\"）、整数写成小数（1.5）、"
                    + "提案人填写 exclusion，都答 400 并指出字段；可选字段缺省时取默认值。")
            .addProperty("title", text("标题，去掉首尾空白后 1–120 个字符").minLength(1).maxLength(120))
            .addProperty("description", text("具体描述，1–5000 个字符").minLength(1).maxLength(5000))
            .addProperty("community", text("所在社区的单位代码（见 GET /api/organisation，level 为 COMMUNITY）"))
            .addProperty("courtyard", text("可选：所在小区（院落）的单位代码，须在 community 之内"))
            .addProperty(
                "submitterName", text("提案人姓名，1–50 个字符，不能含 < > 或换行、控制字符").minLength(1).maxLength(50))
            .addProperty("submitterPhone", mobile("提案人手机号；只有工作人员看得到完整号码"))
            .addProperty(
                "topic", oneOf("议题（CONTRACT §2，决定 category）", sorted(ProposalFields.TOPICS)))
            .addProperty("scope", oneOf("影响范围（谁受影响）", sorted(ProposalFields.SCOPES)))
            .addProperty(
                "jurisdiction",
                oneOf("权属（谁负责解决）", sorted(ProposalFields.JURISDICTIONS))._default("COMMUNITY"))
            .addProperty("crossJurisdiction", flag("涉及多个权属主体或层级", false))
            .addProperty("affectedHouseholds", integer("受影响户数", 1, 1_000_000)._default(1))
            .addProperty("coSigners", integer("联名户数", 0, 1_000_000)._default(0))
            .addProperty("stakeholderParties", integer("利益相关方数（居民、物业、部门……）", 1, 1000)._default(1))
            .addProperty(
                "estimatedCost",
                new NumberSchema()
                    .minimum(BigDecimal.ZERO)
                    .maximum(ProposalFields.MAX_COST)
                    .multipleOf(new BigDecimal("0.01"))
                    .description("估算费用（元），≥ 0，最多两位小数，不超过 100 亿元")
                    ._default(BigDecimal.ZERO))
            .addProperty("usesCollectiveFunds", flag("使用集体资金或资产", false))
            .addProperty("safetyHazard", flag("存在危及生命、财产或日常生活的紧迫隐患", false))
            .addProperty("legacyIssue", flag("久拖未决的老问题", false))
            .required(
                List.of(
                    "title",
                    "description",
                    "community",
                    "submitterName",
                    "submitterPhone",
                    "topic",
                    "scope"));
    s.additionalProperties(false);
    return s;
  }

  private static Schema publicProposal() {
    return object("提案的公开信息（不含手机号，工作人员只显示角色） / the public view of a proposal")
        .addProperty("number", text("提案编号，如 JN-2026-000123"))
        .addProperty("title", text("标题"))
        .addProperty("status", oneOf("状态（CONTRACT §4 状态流转）", STATUSES))
        .addProperty("category", oneOf("类别（由 topic 决定）", CATEGORIES).nullable(true))
        .addProperty("matterScope", oneOf("事项范围", MATTER_SCOPES).nullable(true))
        .addProperty("track", oneOf("议事程序：紧急、简易、重大、疑难", TRACKS).nullable(true))
        .addProperty("level", oneOf("办理层级", LEVELS).nullable(true))
        .addProperty("community", text("社区单位代码"))
        .addProperty("coSigners", integer("联名户数", 0, null))
        .addProperty("submittedAt", time("提交时间"))
        .addProperty("deadline", time("办理期限（分拣结束起 resolveWithin）；分拣结束前为 null").nullable(true))
        .addProperty("overdue", flag("提案整体是否逾期（结果已登记或已结束后为 false）", null))
        .addProperty("openSteps", new ArraySchema().items(ref(OPEN_STEP)).description("等待办理的步骤"))
        .addProperty(
            "timeline", new ArraySchema().items(ref(TIMELINE_ENTRY)).description("办理经过，最早的在前"))
        .required(
            List.of(
                "number",
                "title",
                "status",
                "community",
                "coSigners",
                "submittedAt",
                "overdue",
                "openSteps",
                "timeline"));
  }

  private static Schema openStep() {
    return object("一个等待办理的步骤")
        .addProperty("name", text("步骤的中文名称"))
        .addProperty("key", text("步骤的任务键"))
        .addProperty("level", oneOf("负责的层级", LEVELS).nullable(true))
        .addProperty("dueAt", time("到期时间").nullable(true))
        .addProperty("overdue", flag("是否已逾期", null));
  }

  private static Schema timelineEntry() {
    return object("办理经过中的一条")
        .addProperty("at", time("时间"))
        .addProperty("step", text("步骤的中文名称"))
        .addProperty("outcome", text("结果，如新的状态 SORTING 或“通过”"));
  }

  private static Schema cosignature() {
    Schema s =
        object("一户联名（联名附议） / one co-signing household")
            .addProperty("name", text("联名人姓名，1–50 个字符，不能含 < > 或控制字符").minLength(1).maxLength(50))
            .addProperty("phone", mobile("联名人手机号；同一号码只能联名一次，提案人本人不能联名"))
            .addProperty("courtyard", text("可选：联名人所在小区（院落）的单位代码，须在提案所在社区之内"))
            .addProperty("notify", flag("可选：联名人也收到每一步办理进展的通知", false))
            .required(List.of("name", "phone"));
    s.additionalProperties(false);
    return s;
  }

  private static Schema evaluation() {
    Schema s =
        object("提案人对办理结果的评价")
            .addProperty("rating", oneOf("评价：满意、基本满意、不满意（不满意时回到协商一次）", EvaluationCheck.RATINGS))
            .addProperty(
                "comment", text("可选：评价意见，最多 " + MAX_COMMENT + " 个字符").maxLength(MAX_COMMENT))
            .addProperty("submitterPhone", mobile("提案时填写的手机号，用于核对是否提案人本人"))
            .required(List.of("rating", "submitterPhone"));
    s.additionalProperties(false);
    return s;
  }

  // ---- notices

  private static Schema notice() {
    return object("公示栏上的一条公示")
        .addProperty("id", text("公示编号"))
        .addProperty("proposalNumber", text("所属提案编号"))
        .addProperty("title", text("标题"))
        .addProperty(
            "kind",
            oneOf(
                "RESOLUTION 决议公示，RESULT 结果公示",
                List.of(PublicNoticeProcess.KIND_RESOLUTION, PublicNoticeProcess.KIND_RESULT)))
        .addProperty("content", text("公示内容"))
        .addProperty("from", time("公示开始"))
        .addProperty("to", time("公示期届满"))
        .addProperty("open", flag("是否仍接受异议（未结束且未届满）", null))
        .addProperty(
            "replies", new ArraySchema().items(ref(NOTICE_REPLY)).description("对不成立异议的公开答复（说明理由）"));
  }

  private static Schema noticeReply() {
    return object("对一条不成立异议的公开答复")
        .addProperty("at", time("答复时间"))
        .addProperty("text", text("答复内容"));
  }

  private static Schema objection() {
    Schema s =
        object("对公示的异议（公示期内）")
            .addProperty(
                "name",
                text("异议人姓名，1–" + ObjectionIntake.MAX_NAME + " 个字符，不能含 < > 或控制字符")
                    .minLength(1)
                    .maxLength(ObjectionIntake.MAX_NAME))
            .addProperty("phone", mobile("异议人手机号（不公开）"))
            .addProperty(
                "text",
                text("异议内容，1–" + ObjectionIntake.MAX_TEXT + " 个字符")
                    .minLength(1)
                    .maxLength(ObjectionIntake.MAX_TEXT))
            .required(List.of("name", "phone", "text"));
    s.additionalProperties(false);
    return s;
  }

  private static Schema objectionReceipt() {
    return object("已登记的异议")
        .addProperty("id", text("异议编号"))
        .addProperty("noticeId", text("公示编号"))
        .required(List.of("id", "noticeId"));
  }

  // ---- organisation

  private static Schema organisation() {
    return object("组织架构：根为区，下有街道、社区、小区（院落）；职能部门列在 departments")
        .addProperty("code", text("单位代码"))
        .addProperty("name", text("中文名称"))
        .addProperty("level", oneOf("层级（根为 DISTRICT）", LEVELS))
        .addProperty("children", new ArraySchema().items(ref(UNIT)).description("下级单位"))
        .addProperty(
            "departments", new ArraySchema().items(ref(DEPARTMENT)).description("职能部门（吹哨报到）"));
  }

  private static Schema unit() {
    return object("一个单位：街道、社区或小区（院落）")
        .addProperty("code", text("单位代码，如 jn-jld-jldbl"))
        .addProperty("name", text("中文名称"))
        .addProperty("level", oneOf("层级", LEVELS))
        .addProperty("children", new ArraySchema().items(ref(UNIT)).description("下级单位（小区为空）"));
  }

  private static Schema department() {
    return object("一个职能部门")
        .addProperty("code", text("部门代码，如 dept-river"))
        .addProperty("name", text("中文名称"))
        .addProperty("kind", text("类型，如 DISTRICT_BUREAU、STREET_OFFICE、POLICE"));
  }

  // ---- statistics

  private static Schema statistics() {
    return object("提案统计（按筛选条件）")
        .addProperty("total", integer("提案总数", 0, null))
        .addProperty("byCategory", counts("按类别（category）计数"))
        .addProperty("byStatus", counts("按状态（status）计数"))
        .addProperty("byTrack", counts("按议事程序（track）计数"))
        .addProperty("byLevel", counts("按办理层级（level）计数"))
        .addProperty("rates", ref(RATES))
        .addProperty("settledBelowLevel", integer("在办理层级以下办结（降级办结）的提案数", 0, null))
        .addProperty("byMonth", counts("按提交月份（\"YYYY-MM\"，业务时区）计数"))
        .required(
            List.of(
                "total",
                "byCategory",
                "byStatus",
                "byTrack",
                "byLevel",
                "rates",
                "settledBelowLevel",
                "byMonth"));
  }

  private static Schema rates() {
    return object("比率，各为 0–1 的小数；没有可计算的提案时为 null")
        .addProperty("response", fraction("响应率：按时响应的比例"))
        .addProperty("resolution", fraction("办结率"))
        .addProperty("satisfaction", fraction("满意率 = (SATISFIED + BASICALLY_SATISFIED) / 已评价数"))
        .addProperty("onTime", fraction("按期办结率"));
  }

  // ---- audit

  private static Schema auditTrail() {
    return auditProposal("一件提案的完整审计轨迹（README：The audit API）")
        .addProperty("finished", flag("是否已结束", null))
        .addProperty("processes", new ArraySchema().items(ref(AUDIT_PROCESS)).description("流程实例"))
        .addProperty("decisions", new ArraySchema().items(ref(AUDIT_DECISION)).description("决策表评估"))
        .addProperty("events", new ArraySchema().items(ref(AUDIT_EVENT)).description("事件，按时间先后"));
  }

  /** What the audit API says of a proposal, in its trail and in a search. */
  private static Schema auditProposal(String description) {
    return object(description)
        .addProperty("number", text("提案编号"))
        .addProperty("title", text("标题"))
        .addProperty("community", text("社区单位代码"))
        .addProperty("communityName", text("社区名称"))
        .addProperty("street", text("街道单位代码"))
        .addProperty("streetName", text("街道名称"))
        .addProperty("status", oneOf("状态", STATUSES))
        .addProperty("statusLabel", text("状态的中文名"))
        .addProperty("track", oneOf("议事程序", TRACKS).nullable(true))
        .addProperty("level", oneOf("办理层级", LEVELS).nullable(true))
        .addProperty("submittedAt", time("提交时间"));
  }

  private static Schema auditProcess() {
    return object("提案经过的一个流程实例")
        .addProperty("instanceId", text("流程实例 id"))
        .addProperty("parentInstanceId", text("上级流程实例 id").nullable(true))
        .addProperty("calledFrom", text("调用它的调用活动 id").nullable(true))
        .addProperty("key", text("流程键"))
        .addProperty("name", text("流程名称"))
        .addProperty("definitionId", text("流程定义 id（GET /api/audit/diagrams/{definitionId}）"))
        .addProperty("version", integer("流程定义版本", 1, null))
        .addProperty("deploymentId", text("部署 id"))
        .addProperty("deployedAt", time("部署时间"))
        .addProperty("startedAt", time("开始时间"))
        .addProperty("endedAt", time("结束时间").nullable(true))
        .addProperty("diagram", text("BPMN 资源名"))
        .addProperty("visited", texts("经过的活动 id"))
        .addProperty("taken", texts("走过的顺序流 id"))
        .addProperty("active", texts("尚未结束的活动 id"));
  }

  private static Schema auditDecision() {
    return object("一次决策表评估")
        .addProperty("definitionKey", text("决策键，如 deliberationTrack"))
        .addProperty("name", text("决策名称"))
        .addProperty("version", integer("决策表版本", 1, null))
        .addProperty("deploymentId", text("部署 id"))
        .addProperty("evaluatedAt", time("评估时间"))
        .addProperty("instanceId", text("流程实例 id"))
        .addProperty("activityId", text("活动 id"))
        .addProperty("inputs", new ArraySchema().items(ref(AUDIT_VALUE)).description("输入"))
        .addProperty("outputs", new ArraySchema().items(ref(AUDIT_VALUE)).description("输出"));
  }

  private static Schema auditValue() {
    return object("决策的一个输入或输出")
        .addProperty("name", text("名称"))
        .addProperty("value", new Schema<>().description("值（文字、数字或是否）").nullable(true));
  }

  private static Schema auditEvent() {
    return object("审计轨迹中的一个事件")
        .addProperty("at", time("时间"))
        .addProperty("kind", oneOf("类别", names(AuditEvent.Kind.values())))
        .addProperty("kindLabel", text("类别的中文名"))
        .addProperty("instanceId", text("流程实例 id").nullable(true))
        .addProperty("activityId", text("活动 id").nullable(true))
        .addProperty("step", text("步骤名称").nullable(true))
        .addProperty("actor", text("办理人账号").nullable(true))
        .addProperty("actorName", text("办理人姓名").nullable(true))
        .addProperty("outcome", text("结果").nullable(true))
        .addProperty("details", new ObjectSchema().description("详情（键值，手机号已遮盖）"))
        .addProperty("verified", flag("签名记录：现在验签是否通过；其他类别为 null", null).nullable(true));
  }

  private static Schema auditPage() {
    return object("审计查询的一页，最新的在前")
        .addProperty("total", integer("符合条件的提案数", 0, null))
        .addProperty("page", integer("页码（从 0 起）", 0, null))
        .addProperty("size", integer("每页条数", 1, 100))
        .addProperty("items", new ArraySchema().items(ref(AUDIT_ITEM)));
  }

  private static Schema auditItem() {
    return auditProposal("审计查询中的一件提案")
        .addProperty("updatedAt", time("最近变化时间"))
        .addProperty("finished", flag("是否已结束", null));
  }

  // ---- building blocks

  static Schema ref(String name) {
    return new Schema<>().$ref("#/components/schemas/" + name);
  }

  static Schema object(String description) {
    return new ObjectSchema().description(description);
  }

  static Schema text(String description) {
    return new StringSchema().description(description);
  }

  static Schema texts(String description) {
    return new ArraySchema().items(new StringSchema()).description(description);
  }

  static Schema mobile(String description) {
    return text(description + "；中国大陆手机号：1 开头、第二位 3–9、共 11 位")
        .pattern(MOBILE_PATTERN)
        .minLength(11)
        .maxLength(11);
  }

  static Schema time(String description) {
    return new DateTimeSchema().description(description + "（ISO-8601，带时区偏移）");
  }

  static Schema integer(String description, Integer min, Integer max) {
    Schema s = new IntegerSchema().description(description);
    if (min != null) {
      s.minimum(BigDecimal.valueOf(min));
    }
    if (max != null) {
      s.maximum(BigDecimal.valueOf(max));
    }
    return s;
  }

  static Schema flag(String description, Boolean otherwise) {
    Schema s = new BooleanSchema().description(description);
    if (otherwise != null) {
      s._default(otherwise);
    }
    return s;
  }

  static Schema oneOf(String description, Collection<String> values) {
    return new StringSchema()._enum(List.copyOf(values)).description(description);
  }

  private static Schema counts(String description) {
    return new ObjectSchema()
        .additionalProperties(new IntegerSchema().minimum(BigDecimal.ZERO))
        .description(description + "：值 → 数量");
  }

  private static Schema fraction(String description) {
    return new NumberSchema()
        .minimum(BigDecimal.ZERO)
        .maximum(BigDecimal.ONE)
        .nullable(true)
        .description(description + "；无可计算时为 null");
  }

  private static List<String> sorted(Collection<String> values) {
    return values.stream().sorted().toList();
  }

  private static List<String> names(Enum<?>[] values) {
    return Arrays.stream(values).map(Enum::name).toList();
  }
}
