-- A Slack channel is bound either to an incoming webhook or to a bot token and the channel's Slack id (the app posts
-- with chat.postMessage and updates with chat.update). Both secrets are written here and read only to send.
ALTER TABLE slack_channel ALTER COLUMN webhook_url DROP NOT NULL;
ALTER TABLE slack_channel ADD COLUMN bot_token VARCHAR(255);
ALTER TABLE slack_channel ADD COLUMN slack_channel_id VARCHAR(40);
ALTER TABLE slack_channel ADD CONSTRAINT slack_channel_bound_once
    CHECK ((webhook_url IS NULL) <> (bot_token IS NULL) AND (bot_token IS NULL) = (slack_channel_id IS NULL));

-- What the Web API answered for a message: the channel's id and the message's ts (a thread reply also its parent's);
-- seq orders a ticket's messages to one channel as they were planned, so its thread and updates keep that order.
ALTER TABLE delivery ADD COLUMN slack_channel_id VARCHAR(40);
ALTER TABLE delivery ADD COLUMN slack_ts VARCHAR(40);
ALTER TABLE delivery ADD COLUMN slack_thread_ts VARCHAR(40);
ALTER TABLE delivery ADD COLUMN seq BIGINT GENERATED ALWAYS AS IDENTITY;
CREATE INDEX delivery_of_ticket_on_slack ON delivery (ticket_id, target, seq) WHERE channel = 'SLACK';

-- A route may take the escalations of one level only.
ALTER TABLE route ADD COLUMN level INTEGER CHECK (level IN (1, 2));

-- Escalations: level 1 (nobody acknowledged) alerts #product and the on-call group, level 2 (unresolved at the
-- at-risk mark) ops too. What happens to a critical ticket reaches #product, in the thread of its report.
-- A route of the same name created before is kept as it is.
INSERT INTO route (id, name, event_type, severity, level, enabled, version, created_at, updated_at) VALUES
    ('00000000-0000-4000-8000-000000000010', 'escalations-level-1', 'work.remote.ticket.CriticalIssueEscalated', NULL, 1, TRUE, 0, now(), now()),
    ('00000000-0000-4000-8000-000000000011', 'escalations-level-2', 'work.remote.ticket.CriticalIssueEscalated', NULL, 2, TRUE, 0, now(), now()),
    ('00000000-0000-4000-8000-000000000012', 'critical-ticket-status-to-product', 'work.remote.ticket.TicketStatusChanged', 'CRITICAL', NULL, TRUE, 0, now(), now()),
    ('00000000-0000-4000-8000-000000000013', 'critical-ticket-comments-to-product', 'work.remote.ticket.TicketCommented', 'CRITICAL', NULL, TRUE, 0, now(), now()),
    ('00000000-0000-4000-8000-000000000014', 'critical-tickets-resolved-to-product', 'work.remote.ticket.TicketResolved', 'CRITICAL', NULL, TRUE, 0, now(), now())
ON CONFLICT DO NOTHING;

INSERT INTO route_target (route_id, position, kind, value)
SELECT target.route_id, target.position, target.kind, target.value
FROM (VALUES
    ('00000000-0000-4000-8000-000000000010'::uuid, 0, 'SLACK_CHANNEL', '#product'),
    ('00000000-0000-4000-8000-000000000010'::uuid, 1, 'EMAIL_GROUP', 'on-call'),
    ('00000000-0000-4000-8000-000000000011'::uuid, 0, 'SLACK_CHANNEL', '#product'),
    ('00000000-0000-4000-8000-000000000011'::uuid, 1, 'EMAIL_GROUP', 'on-call'),
    ('00000000-0000-4000-8000-000000000011'::uuid, 2, 'EMAIL_GROUP', 'ops'),
    ('00000000-0000-4000-8000-000000000011'::uuid, 3, 'SLACK_CHANNEL', '#ops'),
    ('00000000-0000-4000-8000-000000000012'::uuid, 0, 'SLACK_CHANNEL', '#product'),
    ('00000000-0000-4000-8000-000000000013'::uuid, 0, 'SLACK_CHANNEL', '#product'),
    ('00000000-0000-4000-8000-000000000014'::uuid, 0, 'SLACK_CHANNEL', '#product')
) AS target (route_id, position, kind, value)
JOIN route ON route.id = target.route_id
ON CONFLICT DO NOTHING;
