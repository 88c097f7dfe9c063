-- PortDesk schema level 6: an import batch may also be a folder of product photos (kind 'photos',
-- importers.photo_folder). SQLite cannot change a CHECK constraint in place: the table is made
-- again under its name, its rows copied as they are (SQLite's documented way; with foreign keys
-- off, dropping the old table does not cascade to import_changes, which then refer to the new one).
-- foreign_keys: off

CREATE TABLE import_batches_new (
    id          TEXT PRIMARY KEY,
    file_name   TEXT NOT NULL,
    file_sha256 TEXT,
    kind        TEXT NOT NULL CHECK (kind IN ('products', 'menu', 'ledger', 'photos')),
    sheet       TEXT,
    summary     TEXT NOT NULL DEFAULT '{}' CHECK (json_valid(summary)),
    created_at  TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
    undone_at   TEXT,
    stamp       TEXT
);
INSERT INTO import_batches_new (id, file_name, file_sha256, kind, sheet, summary, created_at, undone_at, stamp)
    SELECT id, file_name, file_sha256, kind, sheet, summary, created_at, undone_at, stamp FROM import_batches;
DROP TABLE import_batches;
ALTER TABLE import_batches_new RENAME TO import_batches;
CREATE UNIQUE INDEX import_batches_stamp ON import_batches (stamp) WHERE stamp IS NOT NULL;
