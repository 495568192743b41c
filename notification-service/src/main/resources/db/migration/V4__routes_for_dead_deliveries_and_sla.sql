-- Nothing dies silently: every dead delivery is announced to ops, by email and on #ops (which waits, pending, until
-- ops registers its webhook). SLA warnings and breaches reach product on Slack and by email.
-- A route of the same name created before is kept as it is.
INSERT INTO route (id, name, event_type, enabled, version, created_at, updated_at) VALUES
    ('00000000-0000-4000-8000-000000000007', 'dead-notifications-to-ops', 'work.remote.notification.NotificationDead', TRUE, 0, now(), now()),
    ('00000000-0000-4000-8000-000000000008', 'sla-at-risk-to-product', 'work.remote.ticket.SlaAtRisk', TRUE, 0, now(), now()),
    ('00000000-0000-4000-8000-000000000009', 'sla-breached-to-product', 'work.remote.ticket.SlaBreached', TRUE, 0, now(), now())
ON CONFLICT DO NOTHING;

INSERT INTO route_target (route_id, position, kind, value)
SELECT target.route_id, target.position, target.kind, target.value
FROM (VALUES
    ('00000000-0000-4000-8000-000000000007'::uuid, 0, 'EMAIL_GROUP', 'ops'),
    ('00000000-0000-4000-8000-000000000007'::uuid, 1, 'SLACK_CHANNEL', '#ops'),
    ('00000000-0000-4000-8000-000000000008'::uuid, 0, 'SLACK_CHANNEL', '#product'),
    ('00000000-0000-4000-8000-000000000008'::uuid, 1, 'EMAIL_GROUP', 'product'),
    ('00000000-0000-4000-8000-000000000009'::uuid, 0, 'SLACK_CHANNEL', '#product'),
    ('00000000-0000-4000-8000-000000000009'::uuid, 1, 'EMAIL_GROUP', 'product')
) AS target (route_id, position, kind, value)
JOIN route ON route.id = target.route_id
ON CONFLICT DO NOTHING;
