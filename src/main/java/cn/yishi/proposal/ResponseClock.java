package cn.yishi.proposal;

import static cn.yishi.common.CommonVariables.TIME_LIMITS;
import static cn.yishi.proposal.ProposalLifecycleProcess.SENT_BACK_TO_SORTING;
import static cn.yishi.proposal.ProposalLifecycleProcess.SUBMITTED_AT;

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
 * sorting is due {@code timeLimits.responseWithin} after {@code submittedAt}. A proposal the entry
 * level sent back to sorting is due {@code responseWithin} after it was sent back. Used as {@code
 * camunda:dueDate="${responseClock.sortingDue(execution)}"} on Task_SortProposal.
 */
@DiagramCallable
@Component("responseClock")
public class ResponseClock {

  /** The output of the timeLimits decision that is the response time limit. */
  static final String RESPONSE_WITHIN = "responseWithin";

  public Date sortingDue(DelegateExecution execution) {
    String submitted = SUBMITTED_AT.get(execution);
    boolean sentBack = Boolean.TRUE.equals(SENT_BACK_TO_SORTING.get(execution));
    return sortingDue(
        ProposalLifecycleProcess.number(execution),
        TIME_LIMITS.get(execution),
        !sentBack && submitted != null ? OffsetDateTime.parse(submitted) : null);
  }

  /** {@code responseWithin} after {@code from}, or after now when {@code from} is null. */
  static Date sortingDue(String number, Map<String, Object> timeLimits, OffsetDateTime from) {
    Object within = timeLimits == null ? null : timeLimits.get(RESPONSE_WITHIN);
    if (within == null) {
      throw new IllegalStateException("timeLimits.responseWithin is missing (提案 " + number + ")");
    }
    Date start = from != null ? Date.from(from.toInstant()) : ClockUtil.getCurrentTime();
    try {
      return new DurationHelper(within.toString(), start).getDateAfter(start);
    } catch (Exception e) {
      throw new IllegalStateException(
          "timeLimits.responseWithin is not an ISO-8601 duration: " + within, e);
    }
  }
}
