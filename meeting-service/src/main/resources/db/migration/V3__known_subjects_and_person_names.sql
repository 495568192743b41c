-- The processes and launches meetings may be about, learnt from process-service's and ticket-service's events:
-- a meeting on anything else is refused, and the subject's owner may resolve what was parked on it.
CREATE TABLE known_subject (
    id         UUID PRIMARY KEY,
    kind       VARCHAR(20)  NOT NULL,
    title      VARCHAR(200) NOT NULL,
    -- the process's owner or the launch's product owner (a person id); null when no event named them yet
    owner      VARCHAR(200),
    retired    BOOLEAN      NOT NULL DEFAULT FALSE,
    learnt_at  TIMESTAMPTZ  NOT NULL
);

-- Subjects of the meetings planned before the read model existed stay known, their owner unknown until an event
-- names them.
INSERT INTO known_subject (id, kind, title, learnt_at)
SELECT DISTINCT ON (subject_id) subject_id, subject_kind, subject_title, now()
FROM meeting
ORDER BY subject_id, starts_at DESC;

-- People are stored by their stable id (the token's sub); ownerships keep the display name last learnt beside it.
ALTER TABLE meeting ADD COLUMN host_name VARCHAR(200);
ALTER TABLE relay ADD COLUMN supervisor_name VARCHAR(200);
ALTER TABLE action_item ADD COLUMN owner_name VARCHAR(200);
