CREATE TABLE ticket (
    id               UUID PRIMARY KEY,
    launch_id        UUID,
    parent_id        UUID REFERENCES ticket (id),
    title            VARCHAR(200)  NOT NULL,
    description      VARCHAR(10000),
    type             VARCHAR(20)   NOT NULL,
    severity         VARCHAR(20)   NOT NULL,
    impact           VARCHAR(40)   NOT NULL,
    impact_detail    VARCHAR(2000),
    affected_users   INTEGER       NOT NULL CHECK (affected_users >= 0),
    reporter         VARCHAR(200)  NOT NULL,
    state            VARCHAR(20)   NOT NULL,
    reported_at      TIMESTAMPTZ   NOT NULL,
    resolve_by       TIMESTAMPTZ,
    resolved_at      TIMESTAMPTZ,
    version          BIGINT        NOT NULL DEFAULT 0
);

CREATE INDEX ticket_launch ON ticket (launch_id);
CREATE INDEX ticket_open_deadlines ON ticket (resolve_by) WHERE resolved_at IS NULL AND resolve_by IS NOT NULL;
