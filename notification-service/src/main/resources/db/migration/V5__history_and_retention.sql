-- When this service first started on this database: events older than that (minus a grace) are history a new
-- consumer group finds on the topics, and are sent to nobody. One row, written once by the first replica to start.
CREATE TABLE first_start (
    singleton  BOOLEAN     PRIMARY KEY DEFAULT TRUE CHECK (singleton),
    started_at TIMESTAMPTZ NOT NULL
);

-- Finished deliveries by age, as the retention purge looks for them.
CREATE INDEX delivery_finished_by_age ON delivery (created_at) WHERE state IN ('DELIVERED', 'DEAD');
