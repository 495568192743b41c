-- Slack channels ops registered: the incoming-webhook URL is a secret, written here and read only to send.
CREATE TABLE slack_channel (
    id              UUID PRIMARY KEY,
    name            VARCHAR(80)   NOT NULL,
    webhook_url     VARCHAR(2000) NOT NULL,
    -- NULL: no limit (e.g. a benchmark sink); otherwise a token bucket of this rate and burst
    rate_per_second DOUBLE PRECISION,
    burst           INTEGER       NOT NULL,
    version         BIGINT        NOT NULL,
    created_at      TIMESTAMPTZ   NOT NULL,
    updated_at      TIMESTAMPTZ   NOT NULL,
    CONSTRAINT slack_channel_name_unique UNIQUE (name)
);

-- Which events go where: an event type (exact, or work.remote.<context>.*), optional attribute conditions,
-- and the targets, in order.
CREATE TABLE route (
    id          UUID PRIMARY KEY,
    name        VARCHAR(120)  NOT NULL,
    event_type  VARCHAR(255)  NOT NULL,
    severity    VARCHAR(20),
    launch_id   UUID,
    process_key VARCHAR(255),
    enabled     BOOLEAN       NOT NULL,
    version     BIGINT        NOT NULL,
    created_at  TIMESTAMPTZ   NOT NULL,
    updated_at  TIMESTAMPTZ   NOT NULL,
    CONSTRAINT route_name_unique UNIQUE (name)
);

CREATE TABLE route_target (
    route_id UUID         NOT NULL REFERENCES route (id) ON DELETE CASCADE,
    position INTEGER      NOT NULL,
    kind     VARCHAR(40)  NOT NULL,
    value    VARCHAR(500) NOT NULL,
    PRIMARY KEY (route_id, position)
);

ALTER TABLE delivery ADD COLUMN ticket_id UUID;
ALTER TABLE delivery ADD COLUMN launch_id UUID;
CREATE INDEX delivery_by_ticket ON delivery (ticket_id);
CREATE INDEX delivery_by_launch ON delivery (launch_id);
CREATE INDEX delivery_by_event ON delivery (ce_id);

INSERT INTO route (id, name, event_type, enabled, version, created_at, updated_at) VALUES
    ('00000000-0000-4000-8000-000000000001', 'critical-issues-to-product', 'work.remote.ticket.CriticalIssueReported', TRUE, 0, now(), now()),
    ('00000000-0000-4000-8000-000000000002', 'launch-started-to-cs-channel', 'work.remote.ticket.LaunchStarted', TRUE, 0, now(), now()),
    ('00000000-0000-4000-8000-000000000003', 'launch-status-to-cs-channel', 'work.remote.ticket.LaunchStatusPosted', TRUE, 0, now(), now()),
    ('00000000-0000-4000-8000-000000000004', 'rule-changes-to-cs-channel', 'work.remote.ticket.RuleChanged', TRUE, 0, now(), now()),
    ('00000000-0000-4000-8000-000000000005', 'relays-to-supervisor', 'work.remote.meeting.RelayRequested', TRUE, 0, now(), now()),
    ('00000000-0000-4000-8000-000000000006', 'overdue-action-items-to-owner', 'work.remote.meeting.ActionItemOverdue', TRUE, 0, now(), now());

INSERT INTO route_target (route_id, position, kind, value) VALUES
    ('00000000-0000-4000-8000-000000000001', 0, 'SLACK_CHANNEL', '#product'),
    ('00000000-0000-4000-8000-000000000001', 1, 'EMAIL_GROUP', 'product'),
    ('00000000-0000-4000-8000-000000000002', 0, 'SLACK_CHANNEL_FROM_EVENT', 'csChannel'),
    ('00000000-0000-4000-8000-000000000003', 0, 'SLACK_CHANNEL_FROM_EVENT', 'csChannel'),
    ('00000000-0000-4000-8000-000000000004', 0, 'SLACK_CHANNEL_FROM_EVENT', 'csChannel'),
    ('00000000-0000-4000-8000-000000000005', 0, 'EMAIL_PERSON_FROM_EVENT', 'supervisor'),
    ('00000000-0000-4000-8000-000000000006', 0, 'EMAIL_PERSON_FROM_EVENT', 'owner');
