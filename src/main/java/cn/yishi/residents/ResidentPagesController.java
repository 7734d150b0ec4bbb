package cn.yishi.residents;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * The residents' pages in the browser: plain static pages of Yishi's own under {@code /site/} that
 * read and write only through the public API (CONTRACT §4). This controller gives them their
 * addresses: {@code /} (submit a proposal, look one up), {@code /proposals/{number}} (follow it,
 * co-sign, rate), {@code /notices} (the notice board, objections) and {@code /statistics}.
 */
@Controller
public class ResidentPagesController {

  @GetMapping("/")
  public String submit() {
    return "forward:/site/index.html";
  }

  /** Any number: the page asks the API, which answers 404 for an unknown one. */
  @GetMapping("/proposals/{number}")
  public String proposal() {
    return "forward:/site/proposal.html";
  }

  @GetMapping("/notices")
  public String notices() {
    return "forward:/site/notices.html";
  }

  @GetMapping("/statistics")
  public String statistics() {
    return "forward:/site/statistics.html";
  }
}
