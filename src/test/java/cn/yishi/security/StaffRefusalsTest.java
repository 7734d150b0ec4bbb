package cn.yishi.security;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;

/** What a user refused by a webapp's login reads (the login page shows the answer's message). */
class StaffRefusalsTest {

  private static String told(String app) {
    return StaffRefusals.LoginFilter.message(
        new MockHttpServletRequest("POST", "/camunda/api/admin/auth/user/default/login/" + app));
  }

  @Test
  void aCaseworkerIsSentToTasklistInChineseAndAdminIsForAdministrators() {
    assertThat(told("cockpit")).isEqualTo(StaffRefusals.USE_TASKLIST).contains("办理提案请使用任务列表");
    assertThat(told("admin")).isEqualTo("系统管理（Admin）只供系统管理员使用");
    // Tasklist and the welcome page: Camunda's own (translated) words
    assertThat(told("tasklist")).isNull();
    assertThat(told("welcome")).isNull();
    assertThat(
            StaffRefusals.LoginFilter.message(
                new MockHttpServletRequest("POST", "/camunda/api/admin/auth/user/default/logout")))
        .isNull();
  }
}
