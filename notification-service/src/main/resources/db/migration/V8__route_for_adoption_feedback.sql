-- A rollout's follow-up asks each participant who has not said yet how the process works for them: the question
-- (AdoptionFeedbackRequested) goes to that person in a Slack direct message where notification.slack.people maps
-- them to a Slack user, else by email, addressed as notification.email.people says.
-- A route of the same name created before is kept as it is.
INSERT INTO route (id, name, event_type, enabled, version, created_at, updated_at) VALUES
    ('00000000-0000-4000-8000-000000000015', 'adoption-feedback-to-participant',
     'work.remote.process.AdoptionFeedbackRequested', TRUE, 0, now(), now())
ON CONFLICT DO NOTHING;

INSERT INTO route_target (route_id, position, kind, value)
SELECT route.id, 0, 'PERSON_FROM_EVENT', 'person'
FROM route
WHERE route.id = '00000000-0000-4000-8000-000000000015'
ON CONFLICT DO NOTHING;
