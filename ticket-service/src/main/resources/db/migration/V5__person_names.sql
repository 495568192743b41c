-- Issue 17: every person column holds the person's stable id (the token's sub). Where people read who it was, the
-- display name we last learned for that id sits beside it. Rows written before this migration hold the display name
-- their token carried in the id column (no sub was kept then); it is copied as their name, so views keep showing it.
ALTER TABLE launch_change ADD COLUMN actor_name VARCHAR(200);
ALTER TABLE ticket_change ADD COLUMN actor_name VARCHAR(200);
ALTER TABLE ticket ADD COLUMN reporter_name VARCHAR(200);
ALTER TABLE ticket ADD COLUMN assignee_name VARCHAR(200);
ALTER TABLE ticket_comment ADD COLUMN author_name VARCHAR(200);
ALTER TABLE launch_status_post ADD COLUMN posted_by_name VARCHAR(200);
ALTER TABLE rule_change ADD COLUMN changed_by_name VARCHAR(200);
ALTER TABLE onboarding_participation ADD COLUMN person_name VARCHAR(200);

UPDATE launch_change SET actor_name = actor WHERE actor <> 'meeting-service';
UPDATE ticket_change SET actor_name = actor WHERE actor <> 'sla-clock';
UPDATE ticket SET reporter_name = reporter;
UPDATE ticket_comment SET author_name = author;
UPDATE launch_status_post SET posted_by_name = posted_by;
UPDATE rule_change SET changed_by_name = changed_by;
