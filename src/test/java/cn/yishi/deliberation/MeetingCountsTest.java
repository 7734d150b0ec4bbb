package cn.yishi.deliberation;

import static cn.yishi.common.CommonVariables.*;
import static cn.yishi.common.CommonVariables.TrackOutcome.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class MeetingCountsTest {

  @ParameterizedTest(name = "{0} {1}/{2}/{3} is accepted")
  @CsvSource({
    "RESIDENTS_MEETING,         10, 5, 5",
    "HOUSEHOLD_REPRESENTATIVES,  9, 6, 0",
    "REPRESENTATIVES_MEETING,    1, 0, 0",
    "PARTY_MEMBERS_MEETING,     12, 12, 12",
    "TWO_COMMITTEES,             7, 4, 3",
    "DELIBERATION_COMMITTEE,    11, 6, 4"
  })
  void sensibleCountsOfEveryBodyAreAccepted(String body, int members, int present, int inFavour) {
    MeetingCounts counts = new MeetingCounts(body, members, present, inFavour);
    assertThat(counts.validate()).isSameAs(counts);
  }

  @ParameterizedTest(name = "[{index}] {4}: {5}")
  @CsvSource(
      nullValues = "NULL",
      value = {
        "NULL,                    9,    6,    4,    body,     议事主体不能为空",
        "'',                      9,    6,    4,    body,     议事主体不能为空",
        "'   ',                   9,    6,    4,    body,     议事主体不能为空",
        "VILLAGE_COUNCIL,         9,    6,    4,    body,     未知的议事主体：VILLAGE_COUNCIL",
        "residents_meeting,       9,    6,    4,    body,     未知的议事主体：residents_meeting",
        "RESIDENTS_MEETING,       -1,   0,    0,    members,  应到人数不能为负数",
        "RESIDENTS_MEETING,       NULL, 0,    0,    members,  应到人数不能为空",
        "RESIDENTS_MEETING,       0,    0,    0,    members,  应到人数至少为1",
        "RESIDENTS_MEETING,       9,    -1,   0,    present,  实到人数不能为负数",
        "RESIDENTS_MEETING,       9,    NULL, 0,    present,  实到人数不能为空",
        "RESIDENTS_MEETING,       9,    6,    -1,   inFavour, 赞成票数不能为负数",
        "RESIDENTS_MEETING,       9,    6,    NULL, inFavour, 赞成票数不能为空",
        "RESIDENTS_MEETING,       9,    10,   0,    present,  实到人数不能多于应到人数",
        "PARTY_MEMBERS_MEETING,   9,    6,    7,    inFavour, 赞成票数不能多于实到人数",
        "TWO_COMMITTEES,          9,    10,   10,   present,  实到人数不能多于应到人数"
      })
  void nonsenseCountsAreRefusedNamingTheField(
      String body,
      Integer members,
      Integer present,
      Integer inFavour,
      String field,
      String message) {
    MeetingCounts counts = new MeetingCounts(body, members, present, inFavour);

    assertThatThrownBy(counts::validate)
        .isInstanceOfSatisfying(
            InvalidMeetingCountsException.class,
            e -> {
              assertThat(e.field()).isEqualTo(field);
              assertThat(e.getMessage()).isEqualTo(message);
            });
  }

  @Test
  void variablesAreNamedAsInTheContract() {
    assertThat(new MeetingCounts("TWO_COMMITTEES", 7, 4, 3).toVariables())
        .containsExactly(
            org.assertj.core.api.Assertions.entry("body", "TWO_COMMITTEES"),
            org.assertj.core.api.Assertions.entry("members", 7),
            org.assertj.core.api.Assertions.entry("present", 4),
            org.assertj.core.api.Assertions.entry("inFavour", 3));
  }
}
