-- orders, version 1 (SQLite 3.37+, STRICT). Keep in step with ../postgresql/V1__orders.sql.
-- UUIDs and timestamps as appdb stores them: canonical text, UTC with six fractional digits.
CREATE TABLE orders (
    id         TEXT    NOT NULL CHECK (length(id) = 36),
    user_id    TEXT    NOT NULL,
    item       TEXT    NOT NULL CHECK (length(item) BETWEEN 1 AND 200),
    quantity   INTEGER NOT NULL,
    created_at TEXT    NOT NULL CHECK (length(created_at) = 27),
    updated_at TEXT    NOT NULL CHECK (length(updated_at) = 27),
    version    INTEGER NOT NULL,
    CONSTRAINT orders_pkey PRIMARY KEY (id),
    CONSTRAINT orders_user_id_fkey FOREIGN KEY (user_id) REFERENCES users (id),
    CONSTRAINT orders_quantity_check CHECK (quantity BETWEEN 1 AND 1000),
    CONSTRAINT orders_version_check CHECK (version >= 0)
) STRICT;

CREATE INDEX orders_created_at_id_idx ON orders (created_at, id);
CREATE INDEX orders_user_id_idx ON orders (user_id);
