package cn.yishi.openapi;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.security.SecurityScheme;
import io.swagger.v3.oas.models.servers.Server;
import io.swagger.v3.oas.models.tags.Tag;
import java.util.List;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The description of Yishi's public API (CONTRACT §4) as OpenAPI 3: {@code /v3/api-docs} (JSON) and
 * Swagger UI at {@code /api-docs/ui} (springdoc, settings {@code springdoc.*} in application.yaml;
 * the UI's files come from the webjar in the jar).
 *
 * <p>The controllers read their bodies themselves ({@code cn.yishi.api.JsonBody}), so springdoc
 * cannot infer their requests; the whole API is described here instead, in one place ({@link
 * ApiOperations}, {@link ApiSchemas}), and replaces what springdoc inferred from the controllers. A
 * mapping under {@code /api} that is not described here therefore does not appear in the document
 * at all (OpenApiIT finds it). Not described: {@code /api/audit/session}, the audit page's browser
 * login (a filter, not a controller; scripts use HTTP Basic instead).
 */
@Configuration
public class OpenApiConfiguration {

  @Bean
  OpenApiCustomizer yishiApiDescription() {
    return OpenApiConfiguration::describe;
  }

  /** Replaces the inferred document with Yishi's own description. */
  static void describe(OpenAPI openApi) {
    openApi
        .info(
            new Info()
                .title("议事 Yishi 公开接口")
                .version("1")
                .description(
                    "社区提案、协商议事的公开接口（居民小程序等调用）：提交和查看提案、联名、评价、公示与异议、组织架构、统计；"
                        + "以及工作人员的审计接口（HTTP Basic）。\n\n"
                        + "- 请求体为 JSON（application/json，UTF-8，不超过 64 KB），严格校验：未知字段、类型不符都答 400。\n"
                        + "- 错误一律为 application/problem+json（RFC 9457），detail 为中文；400 的 errors 列出每个有误的字段。\n"
                        + "- 任何请求都可能答 429（带 Retry-After）；POST 的请求体未按时发完答 408；"
                        + "数据库暂时无法访问时答 503（带 Retry-After）。\n"
                        + "- 每个 POST 都可带 Idempotency-Key，重试时不会重复办理。\n"
                        + "- 时间为 ISO-8601，带时区偏移；业务时区为 Asia/Shanghai。\n\n"
                        + "Yishi's public API (CONTRACT §4) and the staff audit API."))
        .servers(List.of(new Server().url("/").description("本服务 / this server")))
        .tags(
            List.of(
                new Tag().name(ApiOperations.TAG_PROPOSALS).description("提交、查看、联名、评价提案"),
                new Tag().name(ApiOperations.TAG_NOTICES).description("公示栏与异议"),
                new Tag().name(ApiOperations.TAG_ORGANISATION).description("区、街道、社区、小区（院落）和职能部门"),
                new Tag().name(ApiOperations.TAG_STATISTICS).description("提案统计"),
                new Tag()
                    .name(ApiOperations.TAG_AUDIT)
                    .description(
                        "审计员、监督员和管理员（HTTP Basic，Camunda 的用户）。"
                            + "审计页面 /audit/ 的会话登录 /api/audit/session 供浏览器使用，不在此列出。")))
        .paths(ApiOperations.all())
        .components(
            new Components()
                .schemas(ApiSchemas.all())
                .addSecuritySchemes(
                    ApiOperations.AUDIT_BASIC,
                    new SecurityScheme()
                        .type(SecurityScheme.Type.HTTP)
                        .scheme("basic")
                        .description(
                            "Camunda 用户名和密码；须属于 auditors、某个 *.supervisor 组或 camunda-admin")));
  }
}
