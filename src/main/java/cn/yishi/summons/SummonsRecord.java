package cn.yishi.summons;

import java.time.OffsetDateTime;
import java.util.List;

/**
 * One summons (吹哨): who summoned which departments for what, when. Written when {@code
 * departmentSummons} starts, so the trail shows a summons even while departments are still
 * reporting in.
 *
 * @param summonedBy the user whose completed step started the summons, {@code null} when the engine
 *     started it without an authenticated user (a timer, a test)
 */
public record SummonsRecord(
    String id,
    String proposalNumber,
    String summoningUnit,
    List<String> departments,
    String summonsTask,
    String summonedBy,
    OffsetDateTime summonedAt,
    String processInstanceId) {}
