package cn.yishi.proposal;

import cn.yishi.statistics.StatisticsInput;
import cn.yishi.statistics.StatisticsService;
import java.time.OffsetDateTime;
import java.util.Collection;
import org.springframework.stereotype.Component;

/**
 * Tells the statistics ({@link StatisticsService}, which do not know proposals) what a status
 * change made of the proposal, in the step's transaction: its read model as the public view has it
 * after the change (status, classification, handling deadline, whether this handling period's
 * result is recorded), its first response due date ({@code responseWithin} after submission) and
 * whether it was settled below its handling level.
 */
@Component
public class ProposalStatistics {

  private final StatisticsService statistics;

  public ProposalStatistics(StatisticsService statistics) {
    this.statistics = statistics;
  }

  /** The proposal's view (without timeline) right after a status change at {@code at}. */
  void changed(ProposalView view, ProposalView.Facts facts, OffsetDateTime at) {
    statistics.changed(input(view, facts, at));
  }

  static StatisticsInput input(ProposalView view, ProposalView.Facts facts, OffsetDateTime at) {
    ProposalStatus status = view.status();
    return new StatisticsInput(
        view.number(),
        at,
        status.name(),
        status != ProposalStatus.SORTING,
        // a department order is carried out without deliberation
        status == ProposalStatus.IN_DELIBERATION || status == ProposalStatus.IN_IMPLEMENTATION,
        HandlingDeadline.ENDED.contains(status),
        view.category(),
        view.track(),
        view.level(),
        view.community(),
        view.submittedAt(),
        HandlingDeadline.after(
            view.submittedAt(), facts.timeLimits(), ResponseClock.RESPONSE_WITHIN),
        view.deadline(),
        view.resultRecorded(),
        view.rating(),
        facts.settledBelowLevel());
  }

  /** The proposals' history expired (cn.yishi.retention). */
  void forget(Collection<String> numbers) {
    statistics.forget(numbers);
  }
}
