package cn.yishi.config;

import static org.assertj.core.api.Assertions.assertThat;

import cn.yishi.common.BusinessTime;
import cn.yishi.common.TimeProperties;
import cn.yishi.organisation.OrganisationProperties;
import cn.yishi.security.HttpProperties;
import cn.yishi.signature.SignatureProperties;
import java.time.Duration;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.validation.ValidationAutoConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Configuration;
import org.springframework.util.unit.DataSize;

/** The typed settings: defaults written once, bad values fail the start naming the setting. */
class PropertiesValidationTest {

  @Configuration
  @EnableConfigurationProperties({
    HttpProperties.class,
    TimeProperties.class,
    OrganisationProperties.class,
    SignatureProperties.class
  })
  static class Settings {}

  private final ApplicationContextRunner runner =
      new ApplicationContextRunner()
          .withConfiguration(AutoConfigurations.of(ValidationAutoConfiguration.class))
          .withUserConfiguration(Settings.class);

  @Test
  void defaults() {
    runner.run(
        context -> {
          HttpProperties http = context.getBean(HttpProperties.class);
          assertThat(http.api().bodyLimit()).isEqualTo(DataSize.ofKilobytes(64));
          assertThat(http.api().bodyDeadline()).isEqualTo(Duration.ofSeconds(10));
          assertThat(http.other().bodyLimit()).isEqualTo(DataSize.ofMegabytes(10));
          assertThat(http.other().bodyDeadline()).isEqualTo(Duration.ofSeconds(60));
          assertThat(http.unreadBodyDrain()).isEqualTo(DataSize.ofBytes(0));
          assertThat(new BusinessTime(context.getBean(TimeProperties.class)).zone())
              .isEqualTo(ZoneId.of("Asia/Shanghai"));
          assertThat(context.getBean(OrganisationProperties.class).location())
              .isEqualTo("classpath:organisation/jinniu.json");
          assertThat(context.getBean(SignatureProperties.class).keyDirectory())
              .isEqualTo("./data/keys");
        });
  }

  @Test
  void theSameNamesAsBefore() {
    runner
        .withPropertyValues(
            "yishi.http.api.body-limit=1KB",
            "yishi.http.other.body-deadline=5s",
            "yishi.time-zone=Europe/Berlin",
            "yishi.organisation.demo-users=file:users.json",
            "yishi.signature.key-directory=/keys")
        .run(
            context -> {
              assertThat(context.getBean(HttpProperties.class).api().bodyLimit())
                  .isEqualTo(DataSize.ofKilobytes(1));
              assertThat(context.getBean(HttpProperties.class).other().bodyDeadline())
                  .isEqualTo(Duration.ofSeconds(5));
              assertThat(context.getBean(TimeProperties.class).timeZone())
                  .isEqualTo(ZoneId.of("Europe/Berlin"));
              assertThat(context.getBean(OrganisationProperties.class).demoUsers())
                  .isEqualTo("file:users.json");
              assertThat(context.getBean(SignatureProperties.class).keyDirectory())
                  .isEqualTo("/keys");
            });
  }

  @Test
  void badValuesFailTheStart() {
    runner
        .withPropertyValues("yishi.http.api.body-limit=0B")
        .run(context -> assertThat(context).hasFailed());
    runner
        .withPropertyValues("yishi.http.other.body-deadline=-1s")
        .run(context -> assertThat(context).hasFailed());
    runner
        .withPropertyValues("yishi.time-zone=Mars/Olympus")
        .run(context -> assertThat(context).hasFailed());
    runner
        .withPropertyValues("yishi.signature.key-directory= ")
        .run(context -> assertThat(context).hasFailed());
  }
}
