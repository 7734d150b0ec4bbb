-- Objections are judged, not looped (issue 9, rule 2): each objection to a notice is judged by a
-- person at the owning level (or the level above from the third round on the proposal). The
-- judgement is kept with the objection; an unfounded one's reasoned reply is shown on the notice.
ALTER TABLE notice_objection ADD COLUMN judgement VARCHAR(16);
ALTER TABLE notice_objection ADD COLUMN reply_text VARCHAR(2000);
ALTER TABLE notice_objection ADD COLUMN pauses_work BOOLEAN;
ALTER TABLE notice_objection ADD COLUMN judged_by_unit VARCHAR(64);
ALTER TABLE notice_objection ADD COLUMN judged_at TIMESTAMP WITH TIME ZONE;
