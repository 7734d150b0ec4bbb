-- 吹哨报到: who summoned which departments for what, and how each department was rated.
-- Written by cn.yishi.summons.SummonsRepository in the engine step's transaction.

CREATE TABLE department_summons (
  id                  VARCHAR(36)   NOT NULL PRIMARY KEY,
  proposal_number     VARCHAR(40),
  summoning_unit      VARCHAR(100)  NOT NULL,
  -- department codes, comma-separated, in the order summoned
  departments         VARCHAR(2000) NOT NULL,
  summons_task        VARCHAR(2000),
  summoned_by         VARCHAR(100),
  summoned_at         TIMESTAMP WITH TIME ZONE NOT NULL,
  process_instance_id VARCHAR(64)   NOT NULL
);

CREATE INDEX ix_department_summons_proposal ON department_summons (proposal_number);

CREATE TABLE department_rating (
  id                VARCHAR(36)   NOT NULL PRIMARY KEY,
  summons_id        VARCHAR(36)   NOT NULL,
  proposal_number   VARCHAR(40),
  department        VARCHAR(100)  NOT NULL,
  summoning_unit    VARCHAR(100)  NOT NULL,
  -- the report-in timer fired and the summoning level supervised the department (督办)
  report_in_overdue BOOLEAN       NOT NULL,
  reported_in_at    TIMESTAMP WITH TIME ZONE,
  reported_in_by    VARCHAR(100),
  done_at           TIMESTAMP WITH TIME ZONE,
  done_by           VARCHAR(100),
  work_done         VARCHAR(2000),
  rating            VARCHAR(20)   NOT NULL,
  rating_comment    VARCHAR(1000),
  rated_by          VARCHAR(100),
  rated_at          TIMESTAMP WITH TIME ZONE NOT NULL,
  CONSTRAINT fk_department_rating_summons FOREIGN KEY (summons_id) REFERENCES department_summons (id),
  CONSTRAINT ck_department_rating_rating CHECK (rating IN ('SATISFIED', 'BASICALLY_SATISFIED', 'DISSATISFIED'))
);

CREATE INDEX ix_department_rating_proposal ON department_rating (proposal_number);
CREATE INDEX ix_department_rating_department ON department_rating (department);
