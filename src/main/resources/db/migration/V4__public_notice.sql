-- The public notice board (公示栏): resolutions and results posted for a notice period, and the
-- objections residents raise while a notice is open (cn.yishi.notice.Notices).
CREATE TABLE public_notice (
  id VARCHAR(36) NOT NULL,
  proposal_number VARCHAR(32),
  title VARCHAR(200),
  kind VARCHAR(16) NOT NULL,
  content VARCHAR(5000) NOT NULL,
  valid_from TIMESTAMP WITH TIME ZONE NOT NULL,
  valid_to TIMESTAMP WITH TIME ZONE NOT NULL,
  is_open BOOLEAN NOT NULL,
  closed_at TIMESTAMP WITH TIME ZONE,
  CONSTRAINT pk_public_notice PRIMARY KEY (id)
);
CREATE INDEX ix_public_notice_from ON public_notice (valid_from);

CREATE TABLE notice_objection (
  id VARCHAR(36) NOT NULL,
  notice_id VARCHAR(36) NOT NULL,
  objector_name VARCHAR(50) NOT NULL,
  objector_phone VARCHAR(20) NOT NULL,
  objection_text VARCHAR(2000) NOT NULL,
  raised_at TIMESTAMP WITH TIME ZONE NOT NULL,
  CONSTRAINT pk_notice_objection PRIMARY KEY (id),
  CONSTRAINT fk_notice_objection_notice FOREIGN KEY (notice_id) REFERENCES public_notice (id)
);
CREATE INDEX ix_notice_objection_notice ON notice_objection (notice_id);
