-- PortDesk schema level 5: the spreadsheet row that last imported each spec (importers.known_rows).
-- Importing the same file again then recognises a row whose raw cells (as bytes) are the spec's
-- import_key, read with the same column mapping and options (the state's `context`), as
-- unchanged without coercing and comparing its values, provided its spec and product are
-- untouched since (their updated_at still equal to the state's spec_at and product_at: every
-- write to them must change updated_at, sync's included) and the product's category path is
-- still the state's `category` (NULL: the row named none).
-- Nothing here is synced or shown: a key missing or out of date only makes an import slower.
-- The rows of one batch share a few states, so a spec carries its row's bytes and a number.
CREATE TABLE import_states (
    id         INTEGER PRIMARY KEY,
    context    INTEGER NOT NULL,
    spec_at    TEXT NOT NULL,
    product_at TEXT NOT NULL,
    category   TEXT
);
ALTER TABLE specs ADD COLUMN import_key BLOB;
ALTER TABLE specs ADD COLUMN import_state INTEGER;  -- import_states(id); no foreign key: a stale one only fails to match
