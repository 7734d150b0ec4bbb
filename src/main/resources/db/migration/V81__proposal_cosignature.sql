-- Co-signing households (联署) of a proposal (CONTRACT §4 POST /api/proposals/{number}/cosignatures;
-- cn.yishi.proposal.CoSignatures): one row per household, told of each step when notify is true.
-- Phone numbers are private (never in a public view); the public coSigners count is the number
-- declared at submission plus the rows here.
CREATE TABLE proposal_cosignature (
  id VARCHAR(36) NOT NULL,
  proposal_number VARCHAR(32) NOT NULL,
  name VARCHAR(50) NOT NULL,
  phone VARCHAR(11) NOT NULL,
  courtyard VARCHAR(64),
  notify BOOLEAN NOT NULL,
  signed_at TIMESTAMP WITH TIME ZONE NOT NULL,
  CONSTRAINT pk_proposal_cosignature PRIMARY KEY (id),
  CONSTRAINT uq_proposal_cosignature_phone UNIQUE (proposal_number, phone)
);
