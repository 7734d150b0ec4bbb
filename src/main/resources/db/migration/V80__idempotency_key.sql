-- Idempotency-Key of the public API's POSTs (CONTRACT §4; cn.yishi.api.IdempotencyFilter): a row
-- per key, written IN_FLIGHT (in its own transaction) before the request is handled, so a second
-- node or a retry sees it; DONE with the first answer once that answer was a success. A request
-- that did not succeed leaves no row. Rows expire at expires_at (yishi.idempotency.keep-for).
CREATE TABLE idempotency_key (
  idempotency_key VARCHAR(255) NOT NULL,
  fingerprint VARCHAR(64) NOT NULL,
  state VARCHAR(16) NOT NULL,
  created_at TIMESTAMP WITH TIME ZONE NOT NULL,
  expires_at TIMESTAMP WITH TIME ZONE NOT NULL,
  response_status INTEGER,
  response_location VARCHAR(1000),
  response_type VARCHAR(200),
  response_body TEXT,
  CONSTRAINT pk_idempotency_key PRIMARY KEY (idempotency_key)
);
CREATE INDEX ix_idempotency_key_expires ON idempotency_key (expires_at);
