-- orders, version 1 (PostgreSQL 16). Keep in step with ../sqlite/V1__orders.sql.
-- The entity kit's columns (id, created_at, updated_at, version) plus the order's own.
CREATE TABLE orders (
    id         uuid         NOT NULL,
    user_id    uuid         NOT NULL,
    item       varchar(200) NOT NULL,
    quantity   integer      NOT NULL,
    created_at timestamptz  NOT NULL,
    updated_at timestamptz  NOT NULL,
    version    bigint       NOT NULL,
    CONSTRAINT orders_pkey PRIMARY KEY (id),
    CONSTRAINT orders_user_id_fkey FOREIGN KEY (user_id) REFERENCES users (id),
    CONSTRAINT orders_quantity_check CHECK (quantity BETWEEN 1 AND 1000),
    CONSTRAINT orders_version_check CHECK (version >= 0)
);

-- the kit's keyset listing order
CREATE INDEX orders_created_at_id_idx ON orders (created_at, id);
CREATE INDEX orders_user_id_idx ON orders (user_id);
