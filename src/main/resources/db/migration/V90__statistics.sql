-- The statistics read model (GET /api/statistics, cn.yishi.statistics), kept by
-- cn.yishi.statistics.StatisticsService in the transaction of the step that changes a proposal's
-- status (and by the time-limit watch when a deadline passes). Nothing here is read from Camunda's
-- history.
--
-- statistics_proposal: each proposal's current contribution (its bucket: community, the street it
-- was counted in ('' when none), and submission day in the business time zone; its figures, e.g. "status:CLOSED rating:SATISFIED total", as they
-- were added to the sums, so that exactly they are subtracted at the next change) and what is
-- remembered to recompute it: its status and classification, when sorting ended and when it was
-- due, whether it reached deliberation or a department order, the handling deadline and whether it
-- passed, when the result was recorded and whether that was by the deadline, whether it was
-- settled below its handling level.
-- watch_deadline is the deadline only while its passing would change the figures (reached, no
-- result, not ended, not yet passed), so the watch reads few rows.
CREATE TABLE statistics_proposal (
  number VARCHAR(32) NOT NULL,
  area VARCHAR(64) NOT NULL,
  street VARCHAR(64) NOT NULL,
  submitted_on DATE NOT NULL,
  figures VARCHAR(2000) NOT NULL,
  status VARCHAR(32) NOT NULL,
  category VARCHAR(32),
  track VARCHAR(32),
  handling_level VARCHAR(32),
  rating VARCHAR(32),
  ended BOOLEAN NOT NULL,
  sorted_at TIMESTAMP WITH TIME ZONE,
  response_due TIMESTAMP WITH TIME ZONE,
  reached BOOLEAN NOT NULL,
  deadline TIMESTAMP WITH TIME ZONE,
  past_deadline BOOLEAN NOT NULL,
  result_at TIMESTAMP WITH TIME ZONE,
  result_on_time BOOLEAN,
  settled_below BOOLEAN NOT NULL,
  watch_deadline TIMESTAMP WITH TIME ZONE,
  CONSTRAINT pk_statistics_proposal PRIMARY KEY (number)
);
CREATE INDEX ix_statistics_proposal_watch ON statistics_proposal (watch_deadline);

-- The sums of the contributions per area (a community code, a street code, or '*' for all
-- communities), period and figure: by submission day, and by submission month (period = the month's first day). A query
-- reads whole months from statistics_month and only the days of the partial months at the edges
-- of from/to from statistics_day.
CREATE TABLE statistics_day (
  area VARCHAR(64) NOT NULL,
  period DATE NOT NULL,
  figure VARCHAR(80) NOT NULL,
  amount BIGINT NOT NULL,
  CONSTRAINT pk_statistics_day PRIMARY KEY (area, period, figure)
);

CREATE TABLE statistics_month (
  area VARCHAR(64) NOT NULL,
  period DATE NOT NULL,
  figure VARCHAR(80) NOT NULL,
  amount BIGINT NOT NULL,
  CONSTRAINT pk_statistics_month PRIMARY KEY (area, period, figure)
);
