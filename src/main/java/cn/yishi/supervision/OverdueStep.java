package cn.yishi.supervision;

import java.time.OffsetDateTime;

/**
 * An open step of a proposal with its due date, for the public status ({@code openSteps}): {@code
 * overdue} once the due date has passed.
 */
public record OverdueStep(String name, String key, OffsetDateTime dueAt, boolean overdue) {}
