-- PortDesk schema level 2: import batches (for preview history and undo), remembered column
-- mappings, and the append-only sales ledger.

CREATE TABLE import_batches (
    id          TEXT PRIMARY KEY,
    file_name   TEXT NOT NULL,
    file_sha256 TEXT,
    kind        TEXT NOT NULL CHECK (kind IN ('products', 'menu', 'ledger')),
    sheet       TEXT,
    summary     TEXT NOT NULL DEFAULT '{}' CHECK (json_valid(summary)),
    created_at  TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
    undone_at   TEXT
);

-- What a batch did, so undo restores exactly the state before it: inserted rows are removed,
-- updated rows get `before` (the old column values, JSON) back.
CREATE TABLE import_changes (
    batch_id  TEXT NOT NULL REFERENCES import_batches(id) ON DELETE CASCADE,
    seq       INTEGER NOT NULL,
    entity    TEXT NOT NULL,
    entity_id TEXT NOT NULL,
    op        TEXT NOT NULL CHECK (op IN ('insert', 'update')),
    before    TEXT CHECK (before IS NULL OR json_valid(before)),
    after     TEXT CHECK (after IS NULL OR json_valid(after)),
    PRIMARY KEY (batch_id, seq)
);
CREATE INDEX import_changes_entity ON import_changes (entity, entity_id);

-- A mapping the user confirmed, reused for files whose header has the same signature.
CREATE TABLE import_mappings (
    signature  TEXT PRIMARY KEY,
    kind       TEXT NOT NULL,
    mapping    TEXT NOT NULL CHECK (json_valid(mapping)),
    updated_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))
);

-- Sales ledger: append-only; a correction is a reversing entry. qty in thousandths.
CREATE TABLE ledger_entries (
    id           TEXT PRIMARY KEY,
    occurred_at  TEXT NOT NULL,
    item         TEXT NOT NULL DEFAULT '',
    spec         TEXT NOT NULL DEFAULT '',
    qty_milli    INTEGER NOT NULL DEFAULT 1000,
    amount_fen   INTEGER NOT NULL,
    channel      TEXT NOT NULL DEFAULT '',
    direction    TEXT NOT NULL DEFAULT 'in' CHECK (direction IN ('in', 'out')),
    counterparty TEXT NOT NULL DEFAULT '',
    order_id     TEXT,
    note         TEXT NOT NULL DEFAULT '',
    product_id   TEXT REFERENCES products(id),
    batch_id     TEXT REFERENCES import_batches(id),
    created_at   TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))
);
CREATE INDEX ledger_occurred ON ledger_entries (occurred_at);
CREATE UNIQUE INDEX ledger_order ON ledger_entries (channel, order_id) WHERE order_id IS NOT NULL;
CREATE INDEX ledger_batch ON ledger_entries (batch_id);
