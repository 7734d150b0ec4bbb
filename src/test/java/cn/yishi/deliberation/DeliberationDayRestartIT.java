package cn.yishi.deliberation;

import static cn.yishi.common.CommonVariables.*;
import static cn.yishi.common.CommonVariables.TrackOutcome.*;
import static org.assertj.core.api.Assertions.assertThat;

import cn.yishi.YishiApplication;
import cn.yishi.testsupport.TestDatabase;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.function.Consumer;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.calendar.DurationHelper;
import org.camunda.bpm.engine.impl.persistence.entity.TimerEntity;
import org.camunda.bpm.engine.runtime.Job;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * "Configurable; takes effect on restart": Yishi started on one database with the 20th at 09:00,
 * then restarted with the 25th at 10:30. The diagram is not redeployed (unchanged), yet the waiting
 * timer moves to the new day, and its repeat keeps the new day every month.
 */
class DeliberationDayRestartIT {

  private TestDatabase.Url database;

  @BeforeEach
  void newDatabase() {
    database = TestDatabase.newDatabase();
  }

  @AfterEach
  void releaseDatabase() {
    TestDatabase.release();
  }

  private void withYishi(Consumer<ConfigurableApplicationContext> use, String... settings) {
    List<String> args =
        new ArrayList<>(
            List.of(
                "--server.port=0",
                "--yishi.test.own-database=true",
                "--spring.datasource.url=" + database.jdbcUrl(),
                "--spring.datasource.username=" + database.username(),
                "--spring.datasource.password=" + database.password()));
    args.addAll(List.of(settings));
    try (ConfigurableApplicationContext yishi =
        new SpringApplicationBuilder(YishiApplication.class).run(args.toArray(String[]::new))) {
      use.accept(yishi);
    }
  }

  private static ManagementService management(ConfigurableApplicationContext yishi) {
    return yishi.getBean(ProcessEngine.class).getManagementService();
  }

  private static TimerEntity deliberationDayTimer(ConfigurableApplicationContext yishi) {
    Job job =
        management(yishi)
            .createJobQuery()
            .processDefinitionKey(DeliberationDayProcess.KEY)
            .timers()
            .singleResult();
    assertThat(job).as("the deliberation day's timer start job").isNotNull();
    return (TimerEntity) job;
  }

  private static ZonedDateTime next(int day, String time) {
    return new DeliberationDaySchedule(day, time, "Asia/Shanghai", Clock.systemUTC()).next();
  }

  private static long definitions(ConfigurableApplicationContext yishi) {
    return yishi
        .getBean(ProcessEngine.class)
        .getRepositoryService()
        .createProcessDefinitionQuery()
        .processDefinitionKey(DeliberationDayProcess.KEY)
        .count();
  }

  @Test
  void aChangedDayAppliesAfterRestartWithoutRedeployment() throws Exception {
    String[] firstTimer = new String[1];
    withYishi(
        yishi -> {
          TimerEntity timer = deliberationDayTimer(yishi);
          ZonedDateTime the20th = next(20, "09:00");
          assertThat(timer.getDuedate().toInstant()).isEqualTo(the20th.toInstant());
          assertThat(the20th.getDayOfMonth()).isEqualTo(20);
          assertThat(timer.getRepeat())
              .isEqualTo(
                  "R/"
                      + java.time.format.DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(the20th)
                      + "/P1M");
          firstTimer[0] = timer.getId();
        });

    TimerEntity[] moved = new TimerEntity[1];
    withYishi(
        yishi -> {
          assertThat(definitions(yishi)).as("not redeployed").isEqualTo(1);
          moved[0] = deliberationDayTimer(yishi);
          assertThat(moved[0].getId()).isEqualTo(firstTimer[0]);
          assertThat(moved[0].getDuedate().toInstant()).isEqualTo(next(25, "10:30").toInstant());
        },
        "--yishi.deliberation-day.day-of-month=25",
        "--yishi.deliberation-day.time=10:30");

    // the month after, the timer comes back on the 25th at 10:30 Shanghai time (02:30 UTC)
    Instant due = moved[0].getDuedate().toInstant();
    Date following =
        new DurationHelper(moved[0].getRepeat(), Date.from(due))
            .getDateAfter(Date.from(due.plus(Duration.ofMinutes(1))));
    ZonedDateTime inShanghai = following.toInstant().atZone(java.time.ZoneId.of("Asia/Shanghai"));
    assertThat(inShanghai.getDayOfMonth()).isEqualTo(25);
    assertThat(inShanghai.toLocalTime()).hasToString("10:30");
    assertThat(Duration.between(due, following.toInstant()))
        .isBetween(Duration.ofDays(28), Duration.ofDays(31));

    // a restart with the same settings leaves the timer as it is
    withYishi(
        yishi -> assertThat(deliberationDayTimer(yishi).getDuedate().toInstant()).isEqualTo(due),
        "--yishi.deliberation-day.day-of-month=25",
        "--yishi.deliberation-day.time=10:30");
  }

  @Test
  void aDayOutsideOneToTwentyEightStopsTheStartWithAClearMessage() {
    Throwable failure = null;
    try {
      withYishi(yishi -> {}, "--yishi.deliberation-day.day-of-month=31");
    } catch (RuntimeException e) {
      failure = e;
    }
    assertThat(failure).isNotNull();
    Throwable root = failure;
    while (root.getCause() != null) {
      root = root.getCause();
    }
    assertThat(root)
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("yishi.deliberation-day.day-of-month must be a day between 1 and 28");
  }
}
