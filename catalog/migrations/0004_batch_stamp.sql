-- PortDesk schema level 4: indexes for foreign keys (at the end), and import batch stamps.
-- Every import batch has a stamp, a timestamp with microseconds
-- ('2026-11-29T12:00:00.123456Z') unique to the batch. The rows a batch inserts carry it as
-- created_at and updated_at, the rows it updates as updated_at; every other write stamps
-- milliseconds. So "untouched since the import" is `updated_at = stamp`, and undo finds the
-- inserted rows by their created_at instead of one import_changes row each (a 100,000-row
-- import wrote 200,000 of them, each with a JSON copy of the record).
-- Batches from before this level have no stamp and keep their per-row `after` copies.

ALTER TABLE import_batches ADD COLUMN stamp TEXT;
CREATE UNIQUE INDEX import_batches_stamp ON import_batches (stamp) WHERE stamp IS NOT NULL;

-- Foreign keys whose child column had no index: deleting a spec looked for products linking to
-- it (retail_spec_id) by scanning every product, so undoing a 100,000-row import never ended.
CREATE INDEX products_retail_spec ON products (retail_spec_id) WHERE retail_spec_id IS NOT NULL;
CREATE INDEX ledger_product ON ledger_entries (product_id) WHERE product_id IS NOT NULL;
CREATE INDEX product_images_media ON product_images (sha256);
