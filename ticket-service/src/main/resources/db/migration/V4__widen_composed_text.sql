-- Columns that hold text composed from user input were narrower than the request bounds allow:
-- a launch's parent feedback ticket is titled "Feedback on the launch of " plus the feature (200);
-- a ticket's timeline entry is "FROM → TO: " plus the transition note (2000);
-- a launch's audit entry is e.g. "version n: " plus a rule change summary (4000), a phase plus a status message
-- (4000), or the lists of trainees (100 × 200 each).
ALTER TABLE ticket ALTER COLUMN title TYPE VARCHAR(300);
ALTER TABLE ticket_change ALTER COLUMN detail TYPE TEXT;
ALTER TABLE launch_change ALTER COLUMN detail TYPE TEXT;
