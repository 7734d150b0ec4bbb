package cn.yishi.deliberation;

import static cn.yishi.deliberation.DeliberationMeetingProcess.BODY;
import static cn.yishi.deliberation.DeliberationMeetingProcess.IN_FAVOUR;
import static cn.yishi.deliberation.DeliberationMeetingProcess.MEMBERS;
import static cn.yishi.deliberation.DeliberationMeetingProcess.PRESENT;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * What a meeting step records for the vote (DOMAIN.md §5): which body met, members expected (应到),
 * present (实到) and votes in favour (赞成). The quorum and passing rules are not here: they live in
 * the decision table {@code meetingResolution}; this record only refuses counts that make no sense
 * before the table is asked.
 *
 * @param body one of the bodies of CONTRACT §3, e.g. {@code RESIDENTS_MEETING}
 * @param members members expected (应到), at least 1
 * @param present members present (实到), 0 to {@code members}
 * @param inFavour votes in favour (赞成), 0 to {@code present}
 */
public record MeetingCounts(String body, Integer members, Integer present, Integer inFavour) {

  /** The deliberating bodies named by CONTRACT §3 (the rows of {@code meetingResolution}). */
  public static final Set<String> BODIES =
      Set.of(
          "RESIDENTS_MEETING",
          "HOUSEHOLD_REPRESENTATIVES",
          "REPRESENTATIVES_MEETING",
          "PARTY_MEMBERS_MEETING",
          "TWO_COMMITTEES",
          "DELIBERATION_COMMITTEE");

  /**
   * Refuses counts that must never reach the decision table; the first problem found wins.
   *
   * @return this, for chaining
   * @throws InvalidMeetingCountsException naming the field, with a Chinese message
   */
  public MeetingCounts validate() {
    if (body == null || body.isBlank()) {
      throw new InvalidMeetingCountsException(BODY.name(), "议事主体不能为空");
    }
    if (!BODIES.contains(body)) {
      throw new InvalidMeetingCountsException(BODY.name(), "未知的议事主体：" + body);
    }
    requireCount(MEMBERS.name(), members, "应到人数");
    requireCount(PRESENT.name(), present, "实到人数");
    requireCount(IN_FAVOUR.name(), inFavour, "赞成票数");
    if (members == 0) {
      throw new InvalidMeetingCountsException(MEMBERS.name(), "应到人数至少为1");
    }
    if (present > members) {
      throw new InvalidMeetingCountsException(PRESENT.name(), "实到人数不能多于应到人数");
    }
    if (inFavour > present) {
      throw new InvalidMeetingCountsException(IN_FAVOUR.name(), "赞成票数不能多于实到人数");
    }
    return this;
  }

  /** The variables for decision {@code meetingResolution}, named as in CONTRACT §3. */
  public Map<String, Object> toVariables() {
    Map<String, Object> variables = new LinkedHashMap<>();
    variables.put(BODY.name(), body);
    variables.put(MEMBERS.name(), members);
    variables.put(PRESENT.name(), present);
    variables.put(IN_FAVOUR.name(), inFavour);
    return variables;
  }

  private static void requireCount(String field, Integer value, String label) {
    if (value == null) {
      throw new InvalidMeetingCountsException(field, label + "不能为空");
    }
    if (value < 0) {
      throw new InvalidMeetingCountsException(field, label + "不能为负数");
    }
  }
}
