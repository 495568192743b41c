CREATE TABLE process (
    id                    UUID PRIMARY KEY,
    process_key           VARCHAR(80)   NOT NULL UNIQUE,
    title                 VARCHAR(200)  NOT NULL,
    owner                 VARCHAR(200)  NOT NULL,
    status                VARCHAR(20)   NOT NULL,
    latest_version        INTEGER,
    draft                 JSONB,
    draft_based_on        INTEGER,
    draft_change_summary  VARCHAR(2000),
    created_by            VARCHAR(200)  NOT NULL,
    created_at            TIMESTAMPTZ   NOT NULL,
    updated_at            TIMESTAMPTZ   NOT NULL,
    retired_at            TIMESTAMPTZ,
    retired_reason        VARCHAR(2000),
    version               BIGINT        NOT NULL DEFAULT 0
);

-- Published versions are immutable: the database refuses to change or delete one.
CREATE TABLE process_version (
    id              UUID PRIMARY KEY,
    process_id      UUID          NOT NULL REFERENCES process (id),
    number          INTEGER       NOT NULL CHECK (number >= 1),
    definition      JSONB         NOT NULL,
    change_summary  VARCHAR(2000) NOT NULL,
    published_by    VARCHAR(200)  NOT NULL,
    published_at    TIMESTAMPTZ   NOT NULL,
    UNIQUE (process_id, number)
);

CREATE FUNCTION refuse_published_version_change() RETURNS trigger AS $$
BEGIN
    RAISE EXCEPTION 'published process versions are immutable';
END;
$$ LANGUAGE plpgsql;

CREATE TRIGGER process_version_immutable BEFORE UPDATE OR DELETE ON process_version
    FOR EACH ROW EXECUTE FUNCTION refuse_published_version_change();

CREATE TABLE rehearsal (
    id             UUID PRIMARY KEY,
    process_id     UUID          NOT NULL REFERENCES process (id),
    for_version    INTEGER       NOT NULL,
    walked_by      JSONB         NOT NULL,
    steps          JSONB         NOT NULL,
    recorded_by    VARCHAR(200)  NOT NULL,
    rehearsed_at   TIMESTAMPTZ   NOT NULL,
    waiver_reason  VARCHAR(2000),
    waived_by      VARCHAR(200),
    version        BIGINT        NOT NULL DEFAULT 0
);

CREATE INDEX rehearsal_process ON rehearsal (process_id, for_version, rehearsed_at);

CREATE TABLE discussion_feedback (
    id             UUID PRIMARY KEY,
    process_id     UUID          NOT NULL REFERENCES process (id),
    for_version    INTEGER       NOT NULL,
    meeting_id     UUID          NOT NULL,
    meeting_title  VARCHAR(500)  NOT NULL,
    author         VARCHAR(200)  NOT NULL,
    kind           VARCHAR(20)   NOT NULL,
    concerns       VARCHAR(200),
    text           VARCHAR(10000) NOT NULL,
    received_at    TIMESTAMPTZ   NOT NULL
);

CREATE INDEX discussion_feedback_process ON discussion_feedback (process_id, received_at);

CREATE TABLE improvement_item (
    id                    UUID PRIMARY KEY,
    process_id            UUID          NOT NULL REFERENCES process (id),
    retrospective_id      UUID          NOT NULL,
    retrospective_title   VARCHAR(500)  NOT NULL,
    action_item_id        UUID,
    description           VARCHAR(10000) NOT NULL,
    owner                 VARCHAR(200),
    due                   DATE,
    recorded_at           TIMESTAMPTZ   NOT NULL,
    addressed_in_version  INTEGER
);

CREATE INDEX improvement_item_process ON improvement_item (process_id, recorded_at);

CREATE TABLE rollout (
    id           UUID PRIMARY KEY,
    process_id   UUID          NOT NULL REFERENCES process (id),
    process_key  VARCHAR(80)   NOT NULL,
    version      INTEGER       NOT NULL,
    title        VARCHAR(200)  NOT NULL,
    started_by   VARCHAR(200)  NOT NULL,
    started_at   TIMESTAMPTZ   NOT NULL
);

CREATE INDEX rollout_process ON rollout (process_id, started_at);

CREATE TABLE checklist (
    id            UUID PRIMARY KEY,
    rollout_id    UUID          NOT NULL REFERENCES rollout (id),
    person        VARCHAR(200)  NOT NULL,
    role          VARCHAR(100)  NOT NULL,
    supervisor    VARCHAR(200),
    lines         JSONB         NOT NULL,
    completed_at  TIMESTAMPTZ,
    version       BIGINT        NOT NULL DEFAULT 0,
    UNIQUE (rollout_id, person)
);

CREATE TABLE adoption_feedback (
    id           UUID PRIMARY KEY,
    rollout_id   UUID          NOT NULL REFERENCES rollout (id),
    person       VARCHAR(200)  NOT NULL,
    role         VARCHAR(100)  NOT NULL,
    rating       INTEGER       NOT NULL CHECK (rating BETWEEN 1 AND 5),
    problems     VARCHAR(4000),
    suggestions  VARCHAR(4000),
    given_at     TIMESTAMPTZ   NOT NULL,
    UNIQUE (rollout_id, person)
);
