package cn.yishi.proposal;

import static cn.yishi.proposal.ProposalVariables.*;

import cn.yishi.common.DiagramCallable;
import java.time.OffsetDateTime;
import java.util.Date;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.impl.calendar.DurationHelper;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.stereotype.Component;

/**
 * The response clock runs from submission (DOMAIN "Urgent means fast from the first minute"):
 * sorting is due {@code timeLimits.responseWithin} after {@code submittedAt}. A proposal the
 * entry level sent back to sorting is due {@code responseWithin} after it was sent back. Used as
 * {@code camunda:dueDate="${responseClock.sortingDue(execution)}"} on Task_SortProposal.
 */
@DiagramCallable
@Component("responseClock")
public class ResponseClock {

  public Date sortingDue(DelegateExecution execution) {
    Object limits = execution.getVariable(TIME_LIMITS);
    String within = limits instanceof Map<?, ?> m ? (String) m.get("responseWithin") : null;
    if (within == null) {
      throw new IllegalStateException("timeLimits.responseWithin is missing (提案 " + execution.getVariable(NUMBER) + ")");
    }
    Object submitted = execution.getVariable(ProposalStatusVariables.SUBMITTED_AT);
    Date from =
        !Boolean.TRUE.equals(execution.getVariable(SENT_BACK_TO_SORTING)) && submitted != null
            ? Date.from(OffsetDateTime.parse(submitted.toString()).toInstant())
            : ClockUtil.getCurrentTime();
    try {
      return new DurationHelper(within, from).getDateAfter(from);
    } catch (Exception e) {
      throw new IllegalStateException("timeLimits.responseWithin is not an ISO-8601 duration: " + within, e);
    }
  }
}
