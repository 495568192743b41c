-- Publishing needs a self-rehearsal of the draft recorded after its last edit, that walked every step. Every write
-- to a process's draft counts one edit; a rehearsal remembers the edit it walked and the draft's steps it left out.
ALTER TABLE process ADD COLUMN draft_edits INTEGER NOT NULL DEFAULT 1;

ALTER TABLE rehearsal ADD COLUMN draft_edit INTEGER;
ALTER TABLE rehearsal ADD COLUMN steps_not_walked JSONB;

-- A rehearsal recorded before its process was last written walked an earlier edit (edit 0); the draft is edit 1.
UPDATE rehearsal r SET draft_edit = CASE WHEN r.rehearsed_at >= p.updated_at THEN 1 ELSE 0 END
    FROM process p WHERE p.id = r.process_id;

-- The steps left out, against the version the rehearsal's draft became, else the open draft, in flow order.
UPDATE rehearsal r SET steps_not_walked = (
    SELECT COALESCE(jsonb_agg(step ->> 'id' ORDER BY position), '[]'::jsonb)
    FROM jsonb_array_elements(COALESCE(
            (SELECT v.definition FROM process_version v WHERE v.process_id = r.process_id AND v.number = r.for_version),
            (SELECT p.draft FROM process p WHERE p.id = r.process_id)) -> 'steps') WITH ORDINALITY AS s (step, position)
    WHERE NOT EXISTS (SELECT 1 FROM jsonb_array_elements(r.steps) walked WHERE walked ->> 'stepId' = step ->> 'id'));

ALTER TABLE rehearsal ALTER COLUMN draft_edit SET NOT NULL;
ALTER TABLE rehearsal ALTER COLUMN steps_not_walked SET NOT NULL;

-- A version names the rehearsal that cleared it, or keeps the reason an admin gave for publishing without one;
-- versions published before the rule have neither. Adding columns changes no row, so the immutability trigger stays.
ALTER TABLE process_version ADD COLUMN rehearsal_id UUID REFERENCES rehearsal (id);
ALTER TABLE process_version ADD COLUMN without_rehearsal_reason VARCHAR(2000);
ALTER TABLE process_version ADD CONSTRAINT process_version_rehearsed_or_overridden
    CHECK (rehearsal_id IS NULL OR without_rehearsal_reason IS NULL);
