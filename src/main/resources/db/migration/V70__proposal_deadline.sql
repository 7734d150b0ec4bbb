-- The proposal's handling deadline (办理时限, CONTRACT §4 `deadline`): resolveWithin counted from
-- the end of sorting (受理, accepted_at) to the recorded result. Kept by
-- cn.yishi.proposal.ProposalStatusService when the status leaves SORTING (or the proposal is
-- reopened after a recorded result). results_before is how many signed RESULT records
-- (signature_record) the proposal had at accepted_at: a later one is this handling's result.
ALTER TABLE proposal_view ADD COLUMN accepted_at TIMESTAMP WITH TIME ZONE;
ALTER TABLE proposal_view ADD COLUMN deadline TIMESTAMP WITH TIME ZONE;
ALTER TABLE proposal_view ADD COLUMN results_before INTEGER;
CREATE INDEX ix_proposal_view_deadline ON proposal_view (deadline);
