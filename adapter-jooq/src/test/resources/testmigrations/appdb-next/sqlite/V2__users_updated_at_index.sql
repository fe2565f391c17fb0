-- Stands in for a later appdb release that ships its own V2.
CREATE INDEX users_updated_at_idx ON users (updated_at);
