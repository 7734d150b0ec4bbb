-- Notification outbox: a row per message to a submitter (phone) or a candidate group, written in
-- the transaction of the step that causes it and delivered afterwards by the process
-- notificationDelivery (retried; an incident when retries run out). A row is never deleted:
-- delivered_at stays NULL until a channel accepted it.
CREATE TABLE notification (
  id VARCHAR(36) NOT NULL,
  proposal_number VARCHAR(32),
  recipient_kind VARCHAR(16) NOT NULL,
  recipient VARCHAR(128) NOT NULL,
  message VARCHAR(2000) NOT NULL,
  channel VARCHAR(32) NOT NULL,
  created_at TIMESTAMP WITH TIME ZONE NOT NULL,
  delivered_at TIMESTAMP WITH TIME ZONE,
  attempts INTEGER NOT NULL,
  last_error VARCHAR(1000),
  CONSTRAINT pk_notification PRIMARY KEY (id)
);
CREATE INDEX ix_notification_number ON notification (proposal_number);
