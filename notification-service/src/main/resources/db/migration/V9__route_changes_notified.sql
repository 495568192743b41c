-- A change to the routes is announced to every replica's RouteChangeListener when it commits (PostgreSQL delivers a
-- NOTIFY at commit, once per transaction and channel), so that no replica reads the revision before each batch of
-- events while it listens.
CREATE OR REPLACE FUNCTION route_revision_next() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    UPDATE route_revision SET revision = revision + 1;
    PERFORM pg_notify('route_revision', '');
    RETURN NULL;
END
$$;
