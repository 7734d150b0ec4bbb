package cn.yishi.supervision;

import cn.yishi.common.ProcessBoundary;

/**
 * The process {@code timeLimitWatch} (办理时效监督): a timer every {@code yishi.supervision.check-every}
 * runs the delegate {@code timeLimitWatch}. It has no variables of its own; what it reads from the
 * watched processes are common variables ({@code title}, {@code timeLimits}, {@code summoningUnit})
 * and the timeLimits output {@link #REMINDER_BEFORE}.
 */
@ProcessBoundary("timeLimitWatch")
public final class TimeLimitWatchProcess {

  public static final String KEY = "timeLimitWatch";

  public static final String TASK_WATCH_TIME_LIMITS = "Task_WatchTimeLimits";
  public static final String EVENT_WATCHED = "Event_Watched";

  /** The bean of Task_WatchTimeLimits ({@code ${timeLimitWatch}}), named like the process. */
  public static final String WATCH_DELEGATE = "timeLimitWatch";

  /** Output of the timeLimits decision: how long before a step's due date its group is reminded. */
  public static final String REMINDER_BEFORE = "reminderBefore";

  private TimeLimitWatchProcess() {}
}
