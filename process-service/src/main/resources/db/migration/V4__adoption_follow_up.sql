-- A rollout's follow-up date: then every participant who has not given adoption feedback is asked, once.
-- followed_up_at is when the follow-up ran; a participant's checklist keeps when they were asked.
ALTER TABLE rollout ADD COLUMN follow_up_at TIMESTAMPTZ;
ALTER TABLE rollout ADD COLUMN followed_up_at TIMESTAMPTZ;
UPDATE rollout SET follow_up_at = started_at + INTERVAL '14 days';
ALTER TABLE rollout ALTER COLUMN follow_up_at SET NOT NULL;
ALTER TABLE rollout ADD CONSTRAINT rollout_follow_up_after_start CHECK (follow_up_at > started_at);

-- Rollouts whose follow-up date passed before the nudge existed are not asked about weeks late.
UPDATE rollout SET followed_up_at = follow_up_at WHERE follow_up_at <= now();

ALTER TABLE checklist ADD COLUMN feedback_requested_at TIMESTAMPTZ;

-- The follow-up job looks only at rollouts still waiting for theirs.
CREATE INDEX rollout_follow_up_due ON rollout (follow_up_at) WHERE followed_up_at IS NULL;
