-- A feature launch coordinated between product and customer support, with the gates it must pass to start.
CREATE TABLE launch (
    id                        UUID PRIMARY KEY,
    feature                   VARCHAR(200)  NOT NULL,
    planned_launch_at         TIMESTAMPTZ   NOT NULL,
    time_zone                 VARCHAR(60)   NOT NULL,
    product_owner             VARCHAR(200)  NOT NULL,
    cs_lead                   VARCHAR(200)  NOT NULL,
    cs_agents                 JSONB         NOT NULL,
    cs_channel                VARCHAR(200)  NOT NULL,
    rules_document_link       VARCHAR(2000) NOT NULL,
    rules_document_version    INTEGER       NOT NULL,
    state                     VARCHAR(20)   NOT NULL,
    final_round_confirmed_at  TIMESTAMPTZ,
    final_round_confirmed_by  VARCHAR(200),
    training_kit              JSONB,
    parent_ticket_id          UUID UNIQUE REFERENCES ticket (id),
    planned_at                TIMESTAMPTZ   NOT NULL,
    started_at                TIMESTAMPTZ,
    started_by                VARCHAR(200),
    closed_at                 TIMESTAMPTZ,
    closed_by                 VARCHAR(200),
    version                   BIGINT        NOT NULL DEFAULT 0
);

CREATE INDEX launch_state ON launch (state, planned_launch_at);

-- A gate passes once; the row is written in the same transaction as its LaunchGatePassed event.
CREATE TABLE launch_gate (
    id  UUID PRIMARY KEY,
    launch_id  UUID         NOT NULL REFERENCES launch (id),
    gate       VARCHAR(40)  NOT NULL,
    passed_at  TIMESTAMPTZ  NOT NULL,
    passed_by  VARCHAR(200),
    UNIQUE (launch_id, gate)
);

-- Who took part in the final onboarding round, with the user questions they found.
CREATE TABLE onboarding_participation (
    id  UUID PRIMARY KEY,
    launch_id       UUID          NOT NULL REFERENCES launch (id),
    person          VARCHAR(200)  NOT NULL,
    user_questions  JSONB         NOT NULL,
    recorded_at     TIMESTAMPTZ   NOT NULL,
    recorded_by     VARCHAR(200)  NOT NULL,
    UNIQUE (launch_id, person)
);

-- How each member of the CS team was trained: at a training meeting, absent from one, or relayed afterwards.
CREATE TABLE training_record (
    id  UUID PRIMARY KEY,
    launch_id    UUID          NOT NULL REFERENCES launch (id),
    person       VARCHAR(200)  NOT NULL,
    outcome      VARCHAR(20)   NOT NULL,
    meeting_id   UUID,
    at           TIMESTAMPTZ   NOT NULL,
    recorded_by  VARCHAR(200),
    UNIQUE (launch_id, person, outcome)
);

CREATE TABLE launch_status_post (
    id                 UUID PRIMARY KEY,
    launch_id          UUID           NOT NULL REFERENCES launch (id),
    phase              VARCHAR(40)    NOT NULL,
    message            VARCHAR(4000)  NOT NULL,
    expected_symptoms  JSONB          NOT NULL,
    posted_by          VARCHAR(200)   NOT NULL,
    posted_at          TIMESTAMPTZ    NOT NULL
);

CREATE INDEX launch_status_post_launch ON launch_status_post (launch_id, posted_at);

CREATE TABLE rule_change (
    id  UUID PRIMARY KEY,
    launch_id            UUID           NOT NULL REFERENCES launch (id),
    document_version     INTEGER        NOT NULL,
    summary              VARCHAR(4000)  NOT NULL,
    rules_document_link  VARCHAR(2000)  NOT NULL,
    changed_by           VARCHAR(200)   NOT NULL,
    changed_at           TIMESTAMPTZ    NOT NULL,
    UNIQUE (launch_id, document_version)
);

-- The launch's audit trail: every state change, gate, override, broadcast and rule change.
CREATE TABLE launch_change (
    id         UUID PRIMARY KEY,
    launch_id  UUID           NOT NULL REFERENCES launch (id),
    at         TIMESTAMPTZ    NOT NULL,
    actor      VARCHAR(200)   NOT NULL,
    action     VARCHAR(40)    NOT NULL,
    detail     VARCHAR(4000)
);

CREATE INDEX launch_change_launch ON launch_change (launch_id, at);

ALTER TABLE ticket ADD COLUMN links JSONB NOT NULL DEFAULT '[]';
ALTER TABLE ticket ADD CONSTRAINT ticket_launch_fk FOREIGN KEY (launch_id) REFERENCES launch (id);

CREATE TABLE ticket_comment (
    id         UUID PRIMARY KEY,
    ticket_id  UUID            NOT NULL REFERENCES ticket (id),
    author     VARCHAR(200)    NOT NULL,
    body       VARCHAR(10000)  NOT NULL,
    at         TIMESTAMPTZ     NOT NULL
);

CREATE INDEX ticket_comment_ticket ON ticket_comment (ticket_id, at);
