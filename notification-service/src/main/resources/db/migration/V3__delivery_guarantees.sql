-- Deliveries are claimed (SENDING, until next_attempt_at, under claim_token), sent outside any transaction and their
-- outcome recorded on its own; transient failures are retried for a time window counted from round_started_at.
ALTER TABLE delivery ADD COLUMN round_started_at TIMESTAMPTZ;
UPDATE delivery SET round_started_at = created_at;
ALTER TABLE delivery ALTER COLUMN round_started_at SET NOT NULL;
ALTER TABLE delivery ADD COLUMN claim_token UUID;

DROP INDEX delivery_due;
CREATE INDEX delivery_due ON delivery (next_attempt_at) WHERE state IN ('PENDING', 'SENDING');

-- Text that carries what people typed (titles, names in events) has no length limit; the unique key hashes the
-- target, so that no length of it can fail an insert.
ALTER TABLE delivery ALTER COLUMN title TYPE TEXT;
ALTER TABLE delivery ALTER COLUMN subject TYPE TEXT;
ALTER TABLE delivery ALTER COLUMN target TYPE TEXT;

-- An escalation (a critical issue Slack did not get, emailed to product) is a delivery of the same event and target
-- as the notice, for another purpose; and the link of the event's ticket, launch or process, for the escalation.
ALTER TABLE delivery ADD COLUMN purpose VARCHAR(20) NOT NULL DEFAULT 'NOTICE';
ALTER TABLE delivery ADD COLUMN link TEXT;
ALTER TABLE delivery DROP CONSTRAINT delivery_once_per_event_and_target;
CREATE UNIQUE INDEX delivery_once_per_event_target_and_purpose ON delivery (ce_id, channel, purpose, md5(target));

-- Critical issues whose Slack message is not out, as the escalation watch looks for them.
CREATE INDEX delivery_critical_not_on_slack ON delivery (created_at)
    WHERE ce_type = 'work.remote.ticket.CriticalIssueReported' AND channel = 'SLACK' AND state <> 'DELIVERED';

-- One row per critical issue (its event) escalated: the first replica to insert it sends the escalation.
CREATE TABLE critical_escalation (
    ce_id        VARCHAR(255) PRIMARY KEY,
    trigger      VARCHAR(20)  NOT NULL,
    escalated_at TIMESTAMPTZ  NOT NULL
);

-- A channel's rate-limit state, shared by every replica: the tokens left as of tokens_at (NULL: a full bucket), and
-- until when Slack asked to be left alone (Retry-After). Only ChannelRateLimiter reads and writes these.
ALTER TABLE slack_channel ADD COLUMN tokens DOUBLE PRECISION;
ALTER TABLE slack_channel ADD COLUMN tokens_at TIMESTAMPTZ;
ALTER TABLE slack_channel ADD COLUMN paused_until TIMESTAMPTZ;
