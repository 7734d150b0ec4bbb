-- Increments of the statistics sums not yet folded into statistics_day / statistics_month
-- (cn.yishi.statistics.StatisticsRepository): a step's transaction only inserts here, so steps never
-- wait for each other on a shared sum row (a start held open cannot hold up the next submission);
-- queries add these rows to the sums; a background job folds them in every few seconds, one
-- node at a time (the lock row of statistics_fold_lock).
CREATE TABLE statistics_pending (
  id VARCHAR(36) NOT NULL,
  sums VARCHAR(8) NOT NULL,
  area VARCHAR(64) NOT NULL,
  period DATE NOT NULL,
  figure VARCHAR(80) NOT NULL,
  amount BIGINT NOT NULL,
  CONSTRAINT pk_statistics_pending PRIMARY KEY (id)
);
CREATE INDEX ix_statistics_pending_area ON statistics_pending (sums, area, period);

CREATE TABLE statistics_fold_lock (
  id INTEGER NOT NULL,
  CONSTRAINT pk_statistics_fold_lock PRIMARY KEY (id)
);
INSERT INTO statistics_fold_lock (id) VALUES (1);
