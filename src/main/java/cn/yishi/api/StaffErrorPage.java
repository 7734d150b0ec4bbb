package cn.yishi.api;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.web.servlet.View;

/**
 * Yishi's own error page for browsers, in Chinese: what happened and where to go on (Tasklist, or
 * the login). Plain HTML without scripts or styles (answers outside the webapps carry {@code
 * Content-Security-Policy: default-src 'none'}); nothing internal (no exception, no path) is shown.
 */
public class StaffErrorPage implements View {

  private final HttpStatus status;

  public StaffErrorPage(HttpStatus status) {
    this.status = status;
  }

  /** The page's heading for a status. */
  public static String heading(HttpStatus status) {
    return switch (status) {
      case NOT_FOUND -> "页面不存在";
      case FORBIDDEN -> "没有权限访问此页面";
      case UNAUTHORIZED -> "请先登录";
      case METHOD_NOT_ALLOWED, BAD_REQUEST, UNSUPPORTED_MEDIA_TYPE -> "无法处理这个请求";
      case PAYLOAD_TOO_LARGE -> "提交的内容太大";
      case TOO_MANY_REQUESTS -> "操作太频繁，请稍后再试";
      case SERVICE_UNAVAILABLE -> "系统暂时不可用，请稍后再试";
      default -> status.is5xxServerError() ? "系统出错了，请稍后再试" : "无法处理这个请求";
    };
  }

  /** What the page advises. */
  static String advice(HttpStatus status) {
    return switch (status) {
      case NOT_FOUND -> "您要找的页面不存在，可能是地址有误或页面已移除。";
      case FORBIDDEN -> "您的账号不能打开这个页面。办理提案请使用任务列表。";
      case UNAUTHORIZED -> "请登录后再打开这个页面。";
      default -> "如果问题一再出现，请联系系统管理员。";
    };
  }

  @Override
  public String getContentType() {
    return "text/html;charset=UTF-8";
  }

  @Override
  public void render(Map<String, ?> model, HttpServletRequest request, HttpServletResponse response)
      throws Exception {
    String heading = heading(status);
    String html =
        "<!DOCTYPE html>\n<html lang=\"zh-CN\">\n<head>\n<meta charset=\"UTF-8\">\n"
            + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
            + "<title>"
            + heading
            + " - 益事</title>\n</head>\n<body>\n<main>\n<h1>"
            + heading
            + "</h1>\n<p>"
            + advice(status)
            + "</p>\n<p>错误代码："
            + status.value()
            + "</p>\n<ul>\n<li><a href=\"/camunda/app/tasklist/\">任务列表（办理提案）</a></li>\n"
            + "<li><a href=\"/camunda/app/welcome/\">登录或切换账号</a></li>\n</ul>\n"
            + "</main>\n</body>\n</html>\n";
    byte[] bytes = html.getBytes(StandardCharsets.UTF_8);
    response.setContentType(getContentType());
    response.setContentLength(bytes.length);
    response.getOutputStream().write(bytes);
  }
}
