-- Who took a ticket on (acknowledged it), and when; cleared when it is reopened, so it can be taken on again.
ALTER TABLE ticket ADD COLUMN acknowledged_by text;
ALTER TABLE ticket ADD COLUMN acknowledged_by_name text;
ALTER TABLE ticket ADD COLUMN acknowledged_at timestamptz;
-- The escalations of a critical issue, each raised once: level 1 (nobody acknowledged it in time) and level 2
-- (unresolved at the at-risk mark), remembered in the same transaction as their outbox event.
ALTER TABLE ticket ADD COLUMN unacknowledged_escalated_at timestamptz;
ALTER TABLE ticket ADD COLUMN unresolved_escalated_at timestamptz;
