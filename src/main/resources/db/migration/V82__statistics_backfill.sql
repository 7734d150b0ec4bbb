-- Whether the proposals that existed before the statistics (V90) have been counted in them
-- (cn.yishi.proposal.StatisticsBackfill, once, at the first start after V90): one row when done.
CREATE TABLE proposal_statistics_backfill (
  id INTEGER NOT NULL,
  completed_at TIMESTAMP WITH TIME ZONE NOT NULL,
  counted INTEGER NOT NULL,
  CONSTRAINT pk_proposal_statistics_backfill PRIMARY KEY (id)
);
