-- Columns that hold text composed from user input were narrower than the request bounds allow:
-- a session's title is the requested title (300) plus " (session n of m)";
-- an agenda item's topic is "Everyone reads " plus the material link (2000), or a parked proposal (2000) plus
-- " (parked by <person>)".
ALTER TABLE meeting ALTER COLUMN title TYPE VARCHAR(400);
ALTER TABLE meeting_agenda_item ALTER COLUMN topic TYPE TEXT;
