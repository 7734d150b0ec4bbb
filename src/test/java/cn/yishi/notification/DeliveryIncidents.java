package cn.yishi.notification;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.camunda.bpm.engine.runtime.Incident;

/** What Cockpit shows for a delivery whose retries ran out (engine test and IT alike). */
final class DeliveryIncidents {

  private DeliveryIncidents() {}

  /** The one incident of a delivery instance: its failed job at 投递通知. Returns it. */
  static Incident theFailedDelivery(List<Incident> incidents) {
    assertThat(incidents)
        .singleElement()
        .satisfies(
            incident -> {
              assertThat(incident.getIncidentType()).isEqualTo(Incident.FAILED_JOB_HANDLER_TYPE);
              assertThat(incident.getActivityId())
                  .isEqualTo(NotificationDeliveryProcess.TASK_DELIVER_NOTIFICATION);
            });
    return incidents.get(0);
  }
}
