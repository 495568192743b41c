-- A discussion, training or retrospective meeting; each session of a split invitee list is its own meeting.
CREATE TABLE meeting (
    id                  UUID PRIMARY KEY,
    kind                VARCHAR(20)   NOT NULL,
    subject_kind        VARCHAR(20)   NOT NULL,
    subject_id          UUID          NOT NULL,
    subject_title       VARCHAR(200)  NOT NULL,
    subject_version     INTEGER,
    title               VARCHAR(300)  NOT NULL,
    host                VARCHAR(200)  NOT NULL,
    starts_at           TIMESTAMPTZ   NOT NULL,
    time_zone           VARCHAR(60)   NOT NULL,
    duration_minutes    INTEGER       NOT NULL CHECK (duration_minutes > 0),
    join_link           VARCHAR(2000) NOT NULL,
    material_link       VARCHAR(2000),
    session_number      INTEGER       NOT NULL,
    session_count       INTEGER       NOT NULL,
    state               VARCHAR(20)   NOT NULL,
    started_at          TIMESTAMPTZ,
    ended_at            TIMESTAMPTZ,
    attendance_recorded BOOLEAN       NOT NULL DEFAULT FALSE,
    version             BIGINT        NOT NULL DEFAULT 0
);

CREATE INDEX meeting_subject ON meeting (subject_kind, subject_id, starts_at);
CREATE INDEX meeting_host ON meeting (host);

CREATE TABLE meeting_invitee (
    meeting_id     UUID          NOT NULL REFERENCES meeting (id),
    position       INTEGER       NOT NULL,
    person         VARCHAR(200)  NOT NULL,
    function_group VARCHAR(100)  NOT NULL,
    supervisor     VARCHAR(200),
    present        BOOLEAN,
    PRIMARY KEY (meeting_id, position)
);

CREATE TABLE meeting_agenda_item (
    meeting_id          UUID          NOT NULL REFERENCES meeting (id),
    position            INTEGER       NOT NULL,
    phase               VARCHAR(20)   NOT NULL,
    topic               VARCHAR(2000) NOT NULL,
    planned_minutes     INTEGER       NOT NULL CHECK (planned_minutes > 0),
    parking_lot_item_id UUID,
    started_at          TIMESTAMPTZ,
    ended_at            TIMESTAMPTZ,
    PRIMARY KEY (meeting_id, position)
);

CREATE TABLE meeting_decision (
    meeting_id UUID          NOT NULL REFERENCES meeting (id),
    position   INTEGER       NOT NULL,
    decision   VARCHAR(2000) NOT NULL,
    PRIMARY KEY (meeting_id, position)
);

CREATE TABLE meeting_feedback (
    meeting_id UUID          NOT NULL REFERENCES meeting (id),
    position   INTEGER       NOT NULL,
    author     VARCHAR(200)  NOT NULL,
    kind       VARCHAR(20)   NOT NULL,
    concerns   VARCHAR(200),
    text       VARCHAR(4000) NOT NULL,
    PRIMARY KEY (meeting_id, position)
);

-- An off-topic proposal parked in a meeting; open ones go on the agenda of later meetings on the same subject.
CREATE TABLE parking_lot_item (
    id           UUID PRIMARY KEY,
    meeting_id   UUID          NOT NULL REFERENCES meeting (id),
    subject_kind VARCHAR(20)   NOT NULL,
    subject_id   UUID          NOT NULL,
    proposed_by  VARCHAR(200)  NOT NULL,
    proposal     VARCHAR(2000) NOT NULL,
    recorded_by  VARCHAR(200)  NOT NULL,
    recorded_at  TIMESTAMPTZ   NOT NULL,
    state        VARCHAR(20)   NOT NULL,
    resolved_by  VARCHAR(200),
    resolved_at  TIMESTAMPTZ,
    note         VARCHAR(2000),
    version      BIGINT        NOT NULL DEFAULT 0
);

CREATE INDEX parking_lot_open ON parking_lot_item (subject_kind, subject_id, recorded_at) WHERE state = 'OPEN';

-- A supervisor relays a meeting's content to someone who missed it.
CREATE TABLE relay (
    id              UUID PRIMARY KEY,
    meeting_id      UUID          NOT NULL REFERENCES meeting (id),
    absentee        VARCHAR(200)  NOT NULL,
    supervisor      VARCHAR(200)  NOT NULL,
    requested_at    TIMESTAMPTZ   NOT NULL,
    acknowledged_at TIMESTAMPTZ,
    note            VARCHAR(2000),
    version         BIGINT        NOT NULL DEFAULT 0,
    UNIQUE (meeting_id, absentee)
);

CREATE INDEX relay_open_by_supervisor ON relay (supervisor) WHERE acknowledged_at IS NULL;

-- The after-action review written in a retrospective meeting.
CREATE TABLE after_action_review (
    meeting_id    UUID PRIMARY KEY REFERENCES meeting (id),
    state         VARCHAR(20)   NOT NULL,
    facilitator   VARCHAR(200),
    expected      VARCHAR(4000),
    happened      VARCHAR(4000),
    why_different VARCHAR(4000),
    completed_at  TIMESTAMPTZ,
    version       BIGINT        NOT NULL DEFAULT 0
);

CREATE TABLE after_action_review_keep (
    meeting_id UUID          NOT NULL REFERENCES after_action_review (meeting_id),
    position   INTEGER       NOT NULL,
    item       VARCHAR(2000) NOT NULL,
    PRIMARY KEY (meeting_id, position)
);

CREATE TABLE after_action_review_change (
    meeting_id UUID          NOT NULL REFERENCES after_action_review (meeting_id),
    position   INTEGER       NOT NULL,
    item       VARCHAR(2000) NOT NULL,
    PRIMARY KEY (meeting_id, position)
);

CREATE TABLE action_item (
    id                   UUID PRIMARY KEY,
    meeting_id           UUID          NOT NULL REFERENCES after_action_review (meeting_id),
    description          VARCHAR(2000) NOT NULL,
    owner                VARCHAR(200)  NOT NULL,
    due                  DATE          NOT NULL,
    state                VARCHAR(20)   NOT NULL,
    drop_reason          VARCHAR(2000),
    closed_by            VARCHAR(200),
    closed_at            TIMESTAMPTZ,
    overdue_announced_at TIMESTAMPTZ,
    version              BIGINT        NOT NULL DEFAULT 0
);

CREATE INDEX action_item_open_due ON action_item (due) WHERE state = 'OPEN' AND overdue_announced_at IS NULL;
CREATE INDEX action_item_owner ON action_item (owner);
