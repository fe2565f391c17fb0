-- notes, version 1 (PostgreSQL 16): a service's own table for the repository-kit benchmarks.
-- Keep in step with ../sqlite/V1__notes.sql. The entity kit's columns (id, created_at,
-- updated_at, version) plus the note's own, one of each type the kit reads on its JDBC path.
CREATE TABLE notes (
    id         uuid         NOT NULL,
    user_id    uuid         NOT NULL,
    title      varchar(200) NOT NULL,
    pinned     boolean      NOT NULL,
    created_at timestamptz  NOT NULL,
    updated_at timestamptz  NOT NULL,
    version    bigint       NOT NULL,
    CONSTRAINT notes_pkey PRIMARY KEY (id),
    CONSTRAINT notes_user_id_fkey FOREIGN KEY (user_id) REFERENCES users (id),
    CONSTRAINT notes_version_check CHECK (version >= 0)
);

-- the kit's keyset listing order
CREATE INDEX notes_created_at_id_idx ON notes (created_at, id);
