-- What the time-limit watch (timeLimitWatch, 办理时效监督) did about one user task: the reminder
-- before its deadline and the supervision (督办) once it was overdue, each at most once.
CREATE TABLE supervision_record (
  task_id                  VARCHAR(64)  NOT NULL PRIMARY KEY,
  proposal_number          VARCHAR(64)  NOT NULL,
  reminded_at              TIMESTAMP WITH TIME ZONE,
  overdue_since            TIMESTAMP WITH TIME ZONE,
  supervision_instance_id  VARCHAR(64)
);

CREATE INDEX supervision_record_proposal ON supervision_record (proposal_number);
