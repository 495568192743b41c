-- One row per (event, target): the unit that is sent, retried, declared dead and replayed.
CREATE TABLE delivery (
    id              UUID PRIMARY KEY,
    ce_id           VARCHAR(255)  NOT NULL,
    ce_type         VARCHAR(255)  NOT NULL,
    subject         VARCHAR(255),
    channel         VARCHAR(20)   NOT NULL,
    target          VARCHAR(500)  NOT NULL,
    title           VARCHAR(500)  NOT NULL,
    body            TEXT          NOT NULL,
    html_body       TEXT,
    state           VARCHAR(20)   NOT NULL,
    attempts        INTEGER       NOT NULL DEFAULT 0,
    next_attempt_at TIMESTAMPTZ   NOT NULL,
    last_error      TEXT,
    created_at      TIMESTAMPTZ   NOT NULL,
    delivered_at    TIMESTAMPTZ,
    CONSTRAINT delivery_once_per_event_and_target UNIQUE (ce_id, channel, target)
);

CREATE INDEX delivery_due ON delivery (next_attempt_at) WHERE state = 'PENDING';
