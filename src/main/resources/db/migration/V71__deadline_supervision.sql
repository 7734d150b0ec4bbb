-- The one supervision (督办) the time-limit watch opens when a proposal misses its handling
-- deadline (proposal_view.deadline), per handling period (accepted_at): the primary key keeps two
-- racing watches from opening two.
CREATE TABLE deadline_supervision (
  proposal_number          VARCHAR(64)  NOT NULL,
  accepted_at              TIMESTAMP WITH TIME ZONE NOT NULL,
  deadline                 TIMESTAMP WITH TIME ZONE NOT NULL,
  supervising_unit         VARCHAR(64)  NOT NULL,
  supervision_instance_id  VARCHAR(64)  NOT NULL,
  CONSTRAINT pk_deadline_supervision PRIMARY KEY (proposal_number, accepted_at)
);
