-- A service's first migration: its own table, referencing appdb's users.
CREATE TABLE notes (
    id      uuid         NOT NULL,
    user_id uuid         NOT NULL,
    body    varchar(200) NOT NULL,
    CONSTRAINT notes_pkey PRIMARY KEY (id),
    CONSTRAINT notes_user_id_fkey FOREIGN KEY (user_id) REFERENCES users (id) ON DELETE CASCADE
);
