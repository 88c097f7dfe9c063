-- PortDesk schema level 5: the spreadsheet row that last imported each spec.
-- Importing the same file again then recognises a row whose cells are byte for byte the ones
-- remembered here, read with the same column mapping (`context`), as unchanged without coercing
-- and comparing its values, provided its spec and product are untouched since (`updated_at`
-- still equal to `spec_at` and `product_at`: every write to them changes updated_at) and the
-- product's category path is still `category` (NULL: the row named no category).
-- Nothing here is synced or shown: a row missing or out of date only makes an import slower.
CREATE TABLE import_rows (
    spec_id    TEXT PRIMARY KEY REFERENCES specs(id) ON DELETE CASCADE,
    row_key    BLOB NOT NULL,
    context    INTEGER NOT NULL,
    category   TEXT,
    spec_at    TEXT NOT NULL,
    product_at TEXT NOT NULL
) WITHOUT ROWID;
