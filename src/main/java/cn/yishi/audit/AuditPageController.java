package cn.yishi.audit;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * The auditor's page in the browser ({@code /audit/}): a static page of Yishi's own (list, trail
 * timeline, diagrams with the path taken, CSV) that reads the audit API with the audit session.
 * This controller only gives it a clean address.
 */
@Controller
public class AuditPageController {

  @GetMapping("/audit")
  public String withSlash() {
    return "redirect:/audit/";
  }

  @GetMapping("/audit/")
  public String page() {
    return "forward:/audit/index.html";
  }
}
