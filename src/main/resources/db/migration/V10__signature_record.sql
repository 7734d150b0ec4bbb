-- Electronically signed records (电子签名): meeting records and implementation results.
-- Written by cn.yishi.signature.SignatureService; never updated or deleted by the application.
-- content is the canonical JSON (sorted keys) of what was signed; content_hash its SHA-256 (hex);
-- signature the Ed25519 signature (base64) over id, kind, proposal number, hash, signer and time;
-- key_id the SHA-256 fingerprint (hex) of the deployment's public key that signed it.
CREATE TABLE signature_record (
  id VARCHAR(36) NOT NULL PRIMARY KEY,
  proposal_number VARCHAR(64) NOT NULL,
  kind VARCHAR(16) NOT NULL,
  content VARCHAR(100000) NOT NULL,
  content_hash VARCHAR(64) NOT NULL,
  signature VARCHAR(200) NOT NULL,
  key_id VARCHAR(64) NOT NULL,
  signed_by VARCHAR(128) NOT NULL,
  signed_at TIMESTAMP WITH TIME ZONE NOT NULL
);

CREATE INDEX ix_signature_record_proposal ON signature_record (proposal_number, signed_at);
