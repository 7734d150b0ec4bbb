package cn.yishi.deliberation;

import static cn.yishi.common.CommonVariables.*;
import static cn.yishi.common.CommonVariables.TrackOutcome.*;
import static cn.yishi.deliberation.DeliberationMeetingProcess.*;

import java.util.HashMap;
import java.util.Map;

/** Shared test data: a proposal's shared variables and the recorded counts of a meeting. */
final class MeetingTestData {

  static final String NUMBER_VALUE = "JN-2026-000123";
  static final String STEP_WITHIN = "P3D";

  private MeetingTestData() {}

  /** The time limits of a major matter as the lifecycle keeps them (timeLimits decision). */
  static Map<String, Object> timeLimits() {
    Map<String, Object> limits = new HashMap<>();
    limits.put("responseWithin", "P2D");
    limits.put("resolveWithin", "P30D");
    limits.put("noticePeriod", "P7D");
    limits.put("objectionRoundLevelAbove", 3);
    limits.put("reminderBefore", "P1D");
    limits.put("stepWithin", STEP_WITHIN);
    limits.put("reportInWithin", "P3D");
    limits.put("evaluationWithin", "P7D");
    limits.put("maxRounds", 3);
    return limits;
  }

  /** The elevator case of 星辉中路6号院 as a proposal's shared variables. */
  static Map<String, Object> proposal() {
    Map<String, Object> v = new HashMap<>();
    v.put(NUMBER.name(), NUMBER_VALUE);
    v.put(TITLE.name(), "星辉中路6号院加装电梯");
    v.put(COMMUNITY.name(), "jn-jld-jldbl");
    v.put(DELIBERATION_UNIT.name(), "jn-jld-jldbl");
    v.put(TIME_LIMITS.name(), timeLimits());
    return v;
  }

  static Map<String, Object> counts(int members, int present, int inFavour) {
    Map<String, Object> v = new HashMap<>();
    v.put(MEMBERS.name(), members);
    v.put(PRESENT.name(), present);
    v.put(IN_FAVOUR.name(), inFavour);
    v.put(PARTICIPANTS.name(), "张建国\n李秀英\n\n王芳\n");
    v.put(MINUTES.name(), "与会人员讨论了加装电梯的费用分摊方案。");
    return v;
  }
}
