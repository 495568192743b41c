-- Shared by every service through the events module. A repeatable migration with idempotent DDL, so that
-- it composes with each service's own versioned migrations; evolve it with further IF NOT EXISTS steps.

CREATE TABLE IF NOT EXISTS outbox_event (
    position     BIGSERIAL PRIMARY KEY,
    id           UUID         NOT NULL UNIQUE,
    topic        VARCHAR(255) NOT NULL,
    ordering_key VARCHAR(255) NOT NULL,
    ce_type      VARCHAR(255) NOT NULL,
    ce_source    VARCHAR(255) NOT NULL,
    ce_subject   VARCHAR(255) NOT NULL,
    occurred_at  TIMESTAMPTZ  NOT NULL,
    payload      TEXT         NOT NULL,
    attempts     INTEGER      NOT NULL DEFAULT 0,
    last_error   TEXT,
    sent_at      TIMESTAMPTZ
);

-- A row the broker refused for good (too large, an invalid topic) is parked: never sent, holding back no other row.
ALTER TABLE outbox_event ADD COLUMN IF NOT EXISTS parked_at TIMESTAMPTZ;

CREATE INDEX IF NOT EXISTS outbox_event_unsent ON outbox_event (position) WHERE sent_at IS NULL;
CREATE INDEX IF NOT EXISTS outbox_event_sent_at ON outbox_event (sent_at) WHERE sent_at IS NOT NULL;

-- The fast path (platform: OutboxFastPath): a row the committing replica sends from memory is claimed by it until
-- claimed_until; the drain leaves it, and the later rows of its ordering key, alone until then.
ALTER TABLE outbox_event ADD COLUMN IF NOT EXISTS claimed_until TIMESTAMPTZ;
-- A writing transaction asks whether its ordering key has an unsent row (then its rows wait for the drain).
CREATE INDEX IF NOT EXISTS outbox_event_unsent_by_key ON outbox_event (ordering_key)
    WHERE sent_at IS NULL AND parked_at IS NULL;

CREATE TABLE IF NOT EXISTS inbox_event (
    consumer     VARCHAR(100) NOT NULL,
    ce_id        VARCHAR(255) NOT NULL,
    ce_type      VARCHAR(255) NOT NULL,
    processed_at TIMESTAMPTZ  NOT NULL,
    PRIMARY KEY (consumer, ce_id)
);

-- The retention purge (platform: RetentionPurge) deletes inbox rows by age.
CREATE INDEX IF NOT EXISTS inbox_event_processed_at ON inbox_event (processed_at);
