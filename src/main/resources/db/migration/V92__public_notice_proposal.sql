-- A proposal's notices are read by its number (its audit trail; forgetting an expired proposal):
-- without an index each of those reads the whole notice board, which grows with every proposal.
CREATE INDEX ix_public_notice_proposal ON public_notice (proposal_number);
