-- The revision of the routes: every statement that changes a route or its targets moves it on, in the changing
-- transaction, so that each replica's copy of the enabled routes (EnabledRoutes) tells with one read whether it is
-- still current, whoever made the change (the API of any replica, a migration, an operator's SQL).
CREATE TABLE route_revision (
    singleton BOOLEAN PRIMARY KEY DEFAULT TRUE CHECK (singleton),
    revision  BIGINT  NOT NULL
);

INSERT INTO route_revision (revision) VALUES (1);

CREATE FUNCTION route_revision_next() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    UPDATE route_revision SET revision = revision + 1;
    RETURN NULL;
END
$$;

CREATE TRIGGER route_changed AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON route
    FOR EACH STATEMENT EXECUTE FUNCTION route_revision_next();

CREATE TRIGGER route_target_changed AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON route_target
    FOR EACH STATEMENT EXECUTE FUNCTION route_revision_next();
