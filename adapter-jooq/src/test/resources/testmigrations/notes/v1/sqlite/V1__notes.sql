-- A service's first migration: its own table, referencing appdb's users.
CREATE TABLE notes (
    id      TEXT NOT NULL,
    user_id TEXT NOT NULL,
    body    TEXT NOT NULL CHECK (length(body) BETWEEN 1 AND 200),
    CONSTRAINT notes_pkey PRIMARY KEY (id),
    CONSTRAINT notes_user_id_fkey FOREIGN KEY (user_id) REFERENCES users (id) ON DELETE CASCADE
) STRICT;
