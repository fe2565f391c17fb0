-- appdb schema, version 1 (SQLite 3.37+, STRICT tables).
-- Keep in step with ../postgresql/V1__users_and_identities.sql: same tables, columns, keys, nullability.
-- UUIDs are canonical lower-case text (36 characters); timestamps are UTC text with exactly six
-- fractional digits, 'YYYY-MM-DDTHH:MM:SS.ffffffZ', so text order is time order.

CREATE TABLE users (
    id               TEXT    NOT NULL CHECK (length(id) = 36),
    first_name       TEXT    NOT NULL CHECK (length(first_name) BETWEEN 1 AND 100),
    last_name        TEXT    NOT NULL CHECK (length(last_name) BETWEEN 1 AND 100),
    email            TEXT             CHECK (length(email) <= 254),
    email_normalized TEXT             CHECK (length(email_normalized) <= 254),
    created_at       TEXT    NOT NULL CHECK (length(created_at) = 27),
    updated_at       TEXT    NOT NULL CHECK (length(updated_at) = 27),
    version          INTEGER NOT NULL,
    CONSTRAINT users_pkey PRIMARY KEY (id),
    CONSTRAINT users_email_normalized_key UNIQUE (email_normalized),
    CONSTRAINT users_email_pair_check CHECK ((email IS NULL) = (email_normalized IS NULL)),
    CONSTRAINT users_version_check CHECK (version >= 0)
) STRICT;

CREATE INDEX users_created_at_id_idx ON users (created_at, id);

CREATE TABLE user_identities (
    issuer    TEXT NOT NULL CHECK (length(issuer) BETWEEN 1 AND 255),
    subject   TEXT NOT NULL CHECK (length(subject) BETWEEN 1 AND 255),
    user_id   TEXT NOT NULL,
    linked_at TEXT NOT NULL CHECK (length(linked_at) = 27),
    CONSTRAINT user_identities_pkey PRIMARY KEY (issuer, subject),
    CONSTRAINT user_identities_user_id_fkey FOREIGN KEY (user_id)
        REFERENCES users (id) ON DELETE CASCADE
) STRICT;

CREATE INDEX user_identities_user_id_idx ON user_identities (user_id);
