-- The retention purge deletes audit entries older than ticket.retention.audit, across all launches and tickets.
CREATE INDEX launch_change_at ON launch_change (at);
CREATE INDEX ticket_change_at ON ticket_change (at);
