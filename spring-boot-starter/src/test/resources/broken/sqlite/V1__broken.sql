-- A service migration that fails on its third statement, after a write: nothing of it may stay.
CREATE TABLE broken_first (id INTEGER NOT NULL);
INSERT INTO broken_first (id) VALUES (4242);
CREATE TABLE broken_second (id INTEGER NOT NULL,);
