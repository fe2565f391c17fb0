-- appdb schema, version 1 (PostgreSQL 16). Flyway runs this with search_path = app.
-- Keep in step with ../sqlite/V1__users_and_identities.sql: same tables, columns, keys, nullability.

CREATE TABLE users (
    id               uuid         NOT NULL,
    first_name       varchar(100) NOT NULL,
    last_name        varchar(100) NOT NULL,
    -- the address as the user spelled it
    email            varchar(254),
    -- lower-cased in Java (Locale.ROOT) so both databases decide uniqueness identically
    email_normalized varchar(254),
    created_at       timestamptz  NOT NULL,
    updated_at       timestamptz  NOT NULL,
    version          bigint       NOT NULL,
    CONSTRAINT users_pkey PRIMARY KEY (id),
    CONSTRAINT users_email_normalized_key UNIQUE (email_normalized),
    CONSTRAINT users_email_pair_check CHECK ((email IS NULL) = (email_normalized IS NULL)),
    CONSTRAINT users_version_check CHECK (version >= 0)
);

-- keyset pagination order
CREATE INDEX users_created_at_id_idx ON users (created_at, id);

CREATE TABLE user_identities (
    issuer    varchar(255) NOT NULL,
    subject   varchar(255) NOT NULL,
    user_id   uuid         NOT NULL,
    linked_at timestamptz  NOT NULL,
    CONSTRAINT user_identities_pkey PRIMARY KEY (issuer, subject),
    CONSTRAINT user_identities_user_id_fkey FOREIGN KEY (user_id)
        REFERENCES users (id) ON DELETE CASCADE
);

CREATE INDEX user_identities_user_id_idx ON user_identities (user_id);
