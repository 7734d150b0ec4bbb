package cn.yishi.statistics;

import java.time.OffsetDateTime;

/**
 * What the statistics need to know of a proposal after a change of its status, as the proposal's
 * read model has it then (the statistics do not know the proposal package: it tells them this).
 *
 * @param number the proposal's number
 * @param at when the change happened (the engine's clock)
 * @param status the public status now (CONTRACT §4), counted in {@code byStatus}
 * @param sorted whether sorting has ended (the status is no longer the sorting one)
 * @param reachesHandling whether this status is deliberation or carrying out (a department order is
 *     carried out without deliberation): once true, the proposal counts for {@code resolution}
 * @param ended whether the status ends the proposal
 * @param category the classification (null: not known yet)
 * @param track the deliberation track
 * @param level the handling level
 * @param community the proposal's community (unit code)
 * @param submittedAt when it was submitted: its bucket for from/to and byMonth
 * @param responseDue submittedAt plus {@code responseWithin} (null: not known here)
 * @param deadline the current handling deadline (null before the end of sorting)
 * @param resultRecorded whether the current handling period's result has been recorded (signed)
 * @param rating the submitter's rating, if any
 * @param settledBelowLevel whether a level below the handling level settled it (null: not known
 *     here, keep what was known)
 */
public record StatisticsInput(
    String number,
    OffsetDateTime at,
    String status,
    boolean sorted,
    boolean reachesHandling,
    boolean ended,
    String category,
    String track,
    String level,
    String community,
    OffsetDateTime submittedAt,
    OffsetDateTime responseDue,
    OffsetDateTime deadline,
    boolean resultRecorded,
    String rating,
    Boolean settledBelowLevel) {}
