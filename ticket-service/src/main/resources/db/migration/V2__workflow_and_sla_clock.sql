ALTER TABLE ticket ADD COLUMN assignee VARCHAR(200);
ALTER TABLE ticket ADD COLUMN at_risk_announced_at TIMESTAMPTZ;
ALTER TABLE ticket ADD COLUMN breach_announced_at TIMESTAMPTZ;

-- Who did what to a ticket, and when: its timeline.
CREATE TABLE ticket_change (
    id         UUID PRIMARY KEY,
    ticket_id  UUID          NOT NULL REFERENCES ticket (id),
    at         TIMESTAMPTZ   NOT NULL,
    actor      VARCHAR(200)  NOT NULL,
    action     VARCHAR(40)   NOT NULL,
    detail     VARCHAR(2000)
);

CREATE INDEX ticket_change_ticket ON ticket_change (ticket_id, at);
