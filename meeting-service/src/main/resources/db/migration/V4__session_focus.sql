-- Each discussion session holds one function group and names it: its focus. Small groups share a session only when
-- the request asked to mix them, which the meeting records. A title is the requested title (300), ": " and the focus
-- (up to 11 function groups of up to 100 characters, joined by " + " when mixed), then " (session n of m)".
ALTER TABLE meeting ADD COLUMN focus VARCHAR(1200);
ALTER TABLE meeting ADD COLUMN mix_small_groups BOOLEAN NOT NULL DEFAULT FALSE;
ALTER TABLE meeting ALTER COLUMN title TYPE VARCHAR(1600);
