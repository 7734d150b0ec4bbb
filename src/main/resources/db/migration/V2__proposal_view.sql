-- The public read model of a proposal (GET /api/proposals/{number}) and its public timeline,
-- written by cn.yishi.proposal.ProposalStatusService in the transaction of the step that changes
-- the status. No phone numbers and no staff names here: everything in these tables is public.
CREATE TABLE proposal_view (
  number VARCHAR(32) NOT NULL,
  title VARCHAR(200),
  community VARCHAR(64),
  courtyard VARCHAR(64),
  category VARCHAR(32),
  matter_scope VARCHAR(32),
  track VARCHAR(32),
  handling_level VARCHAR(32),
  status VARCHAR(32) NOT NULL,
  co_signers INTEGER,
  submitted_at TIMESTAMP WITH TIME ZONE,
  updated_at TIMESTAMP WITH TIME ZONE NOT NULL,
  rating VARCHAR(32),
  closed_unrated BOOLEAN,
  deliberation_unit VARCHAR(64),
  CONSTRAINT pk_proposal_view PRIMARY KEY (number)
);
CREATE INDEX ix_proposal_view_status ON proposal_view (status);
CREATE INDEX ix_proposal_view_community ON proposal_view (community);

CREATE TABLE proposal_timeline (
  id VARCHAR(36) NOT NULL,
  proposal_number VARCHAR(32) NOT NULL,
  entry_no INTEGER NOT NULL,
  occurred_at TIMESTAMP WITH TIME ZONE NOT NULL,
  step VARCHAR(200) NOT NULL,
  outcome VARCHAR(200) NOT NULL,
  CONSTRAINT pk_proposal_timeline PRIMARY KEY (id)
);
CREATE INDEX ix_proposal_timeline_number ON proposal_timeline (proposal_number, entry_no);
