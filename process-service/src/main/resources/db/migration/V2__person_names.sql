-- Every person column holds a person's stable id (the token's sub); the display name, which may change, is kept
-- beside the id on the rows a person owns, as last learned from that person's own requests (null until then).
ALTER TABLE process ADD COLUMN owner_name VARCHAR(200);

ALTER TABLE checklist ADD COLUMN person_name VARCHAR(200);
ALTER TABLE checklist ADD COLUMN supervisor_name VARCHAR(200);

-- A person's name is refreshed on every checklist of a rollout they own or supervise.
CREATE INDEX checklist_supervisor ON checklist (rollout_id, supervisor);
