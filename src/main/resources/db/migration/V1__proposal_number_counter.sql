-- Proposal numbers (JN-2026-000123): one counter row per year of the business time zone.
-- cn.yishi.proposal.ProposalNumbers increments it with UPDATE ... SET last_number = last_number + 1
-- (the row lock serialises concurrent starts until their transaction ends, so numbers have no gaps)
-- and inserts the year's row on first use.
CREATE TABLE proposal_number_counter (
  counter_year INTEGER NOT NULL,
  last_number BIGINT NOT NULL,
  CONSTRAINT pk_proposal_number_counter PRIMARY KEY (counter_year)
);
