-- PortDesk schema level 4: every import batch has a stamp, a timestamp with microseconds
-- ('2026-11-29T12:00:00.123456Z') unique to the batch. The rows a batch inserts carry it as
-- created_at and updated_at, the rows it updates as updated_at; every other write stamps
-- milliseconds. So "untouched since the import" is `updated_at = stamp`, and undo finds the
-- inserted rows by their created_at instead of one import_changes row each (a 100,000-row
-- import wrote 200,000 of them, each with a JSON copy of the record).
-- Batches from before this level have no stamp and keep their per-row `after` copies.

ALTER TABLE import_batches ADD COLUMN stamp TEXT;
CREATE UNIQUE INDEX import_batches_stamp ON import_batches (stamp) WHERE stamp IS NOT NULL;
