-- notes, version 1 (SQLite 3.37+, STRICT). Keep in step with ../postgresql/V1__notes.sql.
-- UUIDs and timestamps as appdb stores them: canonical text, UTC with six fractional digits.
CREATE TABLE notes (
    id         TEXT    NOT NULL CHECK (length(id) = 36),
    user_id    TEXT    NOT NULL,
    title      TEXT    NOT NULL CHECK (length(title) BETWEEN 1 AND 200),
    pinned     INTEGER NOT NULL CHECK (pinned IN (0, 1)),
    created_at TEXT    NOT NULL CHECK (length(created_at) = 27),
    updated_at TEXT    NOT NULL CHECK (length(updated_at) = 27),
    version    INTEGER NOT NULL,
    CONSTRAINT notes_pkey PRIMARY KEY (id),
    CONSTRAINT notes_user_id_fkey FOREIGN KEY (user_id) REFERENCES users (id),
    CONSTRAINT notes_version_check CHECK (version >= 0)
) STRICT;

CREATE INDEX notes_created_at_id_idx ON notes (created_at, id);
