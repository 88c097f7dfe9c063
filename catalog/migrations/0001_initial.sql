-- PortDesk schema level 1: shop settings, categories, products with specs, images, sync outbox,
-- search index. Money is integer fen; stock is integer thousandths (Decimal with 3 places).
-- Ids are client-made UUIDs (text) so a retried sync create stays one record.

CREATE TABLE settings (
    key   TEXT PRIMARY KEY,
    value TEXT NOT NULL
);

-- While a row exists here (inside a sync-pull transaction) changes are not captured to the outbox.
CREATE TABLE capture_off (reason TEXT NOT NULL);

CREATE TABLE categories (
    id         TEXT PRIMARY KEY,
    parent_id  TEXT REFERENCES categories(id),
    name       TEXT NOT NULL CHECK (length(trim(name)) > 0),
    sort_order INTEGER NOT NULL DEFAULT 0,
    archived   INTEGER NOT NULL DEFAULT 0 CHECK (archived IN (0, 1)),
    created_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
    updated_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))
);
CREATE UNIQUE INDEX categories_unique_name ON categories (coalesce(parent_id, ''), name) WHERE archived = 0;

CREATE TABLE products (
    id              TEXT PRIMARY KEY,
    kind            TEXT NOT NULL DEFAULT 'goods' CHECK (kind IN ('goods', 'dish')),
    name            TEXT NOT NULL CHECK (length(trim(name)) > 0),
    category_id     TEXT REFERENCES categories(id),
    unit            TEXT NOT NULL DEFAULT '件',
    description     TEXT NOT NULL DEFAULT '',
    status          TEXT NOT NULL DEFAULT 'on' CHECK (status IN ('on', 'off')),
    shelf_life_days INTEGER CHECK (shelf_life_days IS NULL OR shelf_life_days >= 0),
    spicy_level     INTEGER NOT NULL DEFAULT 0 CHECK (spicy_level BETWEEN 0 AND 3),
    allergens       TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(allergens)),
    attributes      TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(attributes)),
    sold_out        INTEGER NOT NULL DEFAULT 0 CHECK (sold_out IN (0, 1)),
    retail_spec_id  TEXT REFERENCES specs(id) ON DELETE SET NULL,
    sort_order      INTEGER NOT NULL DEFAULT 0,
    archived        INTEGER NOT NULL DEFAULT 0 CHECK (archived IN (0, 1)),
    sort_key        TEXT NOT NULL DEFAULT '',  -- pinyin of the name, so lists sort as people expect
    search_text     TEXT NOT NULL DEFAULT '',  -- name, pinyin, initials, specs, SKUs, barcodes (catalog.search)
    created_at      TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
    updated_at      TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))
);
CREATE INDEX products_category ON products (category_id, archived, sort_order, sort_key);
-- Covers both the full listing and loading the search texts in display order.
CREATE INDEX products_listing ON products (archived, sort_order, sort_key, id, search_text);

CREATE TABLE specs (
    id               TEXT PRIMARY KEY,
    product_id       TEXT NOT NULL REFERENCES products(id) ON DELETE CASCADE,
    name             TEXT NOT NULL DEFAULT '',
    sku              TEXT CHECK (sku IS NULL OR length(sku) > 0),
    barcode          TEXT CHECK (barcode IS NULL OR length(barcode) > 0),
    price_fen        INTEGER NOT NULL DEFAULT 0 CHECK (price_fen >= 0),
    member_price_fen INTEGER CHECK (member_price_fen IS NULL OR member_price_fen >= 0),
    cost_fen         INTEGER CHECK (cost_fen IS NULL OR cost_fen >= 0),
    stock_milli      INTEGER NOT NULL DEFAULT 0,
    sort_order       INTEGER NOT NULL DEFAULT 0,
    archived         INTEGER NOT NULL DEFAULT 0 CHECK (archived IN (0, 1)),
    created_at       TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
    updated_at       TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))
);
CREATE INDEX specs_product ON specs (product_id, sort_order);
CREATE UNIQUE INDEX specs_unique_sku ON specs (sku) WHERE sku IS NOT NULL AND archived = 0;
CREATE INDEX specs_barcode ON specs (barcode) WHERE barcode IS NOT NULL;

-- Image bytes by content hash (sha256 hex): the same photo twice is stored once.
CREATE TABLE media (
    sha256     TEXT PRIMARY KEY CHECK (length(sha256) = 64),
    mime       TEXT NOT NULL,
    width      INTEGER,
    height     INTEGER,
    data       BLOB NOT NULL,
    created_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))
);

CREATE TABLE product_images (
    id         TEXT PRIMARY KEY,
    product_id TEXT NOT NULL REFERENCES products(id) ON DELETE CASCADE,
    sha256     TEXT NOT NULL REFERENCES media(sha256),
    sort_order INTEGER NOT NULL DEFAULT 0,
    created_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
    updated_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))
);
CREATE INDEX product_images_product ON product_images (product_id, sort_order);

-- The durable sync outbox: one row per local change, numbered per device (mutation_id),
-- written by the triggers below in the same transaction as the change itself.
-- `fields` lists the changed columns of an update (for per-field merge).
CREATE TABLE outbox (
    mutation_id INTEGER PRIMARY KEY AUTOINCREMENT,
    entity      TEXT NOT NULL,
    entity_id   TEXT NOT NULL,
    op          TEXT NOT NULL CHECK (op IN ('insert', 'update', 'delete')),
    fields      TEXT NOT NULL DEFAULT '[]',
    created_at  TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))
);

-- Change capture into the outbox (skipped while capture_off has a row: applying pulled changes).
CREATE TRIGGER categories_outbox_insert AFTER INSERT ON categories
WHEN NOT EXISTS (SELECT 1 FROM capture_off) BEGIN
    INSERT INTO outbox (entity, entity_id, op) VALUES ('category', NEW.id, 'insert');
END;
CREATE TRIGGER categories_outbox_update AFTER UPDATE ON categories
WHEN NOT EXISTS (SELECT 1 FROM capture_off) BEGIN
    INSERT INTO outbox (entity, entity_id, op, fields)
    SELECT 'category', NEW.id, 'update', json_group_array(f) FROM (
        SELECT 'parent_id' AS f WHERE OLD.parent_id IS NOT NEW.parent_id
        UNION ALL SELECT 'name' WHERE OLD.name IS NOT NEW.name
        UNION ALL SELECT 'sort_order' WHERE OLD.sort_order IS NOT NEW.sort_order
        UNION ALL SELECT 'archived' WHERE OLD.archived IS NOT NEW.archived
    ) HAVING count(*) > 0;
END;
CREATE TRIGGER categories_outbox_delete AFTER DELETE ON categories
WHEN NOT EXISTS (SELECT 1 FROM capture_off) BEGIN
    INSERT INTO outbox (entity, entity_id, op) VALUES ('category', OLD.id, 'delete');
END;
CREATE TRIGGER products_outbox_insert AFTER INSERT ON products
WHEN NOT EXISTS (SELECT 1 FROM capture_off) BEGIN
    INSERT INTO outbox (entity, entity_id, op) VALUES ('product', NEW.id, 'insert');
END;
CREATE TRIGGER products_outbox_update AFTER UPDATE ON products
WHEN NOT EXISTS (SELECT 1 FROM capture_off) BEGIN
    INSERT INTO outbox (entity, entity_id, op, fields)
    SELECT 'product', NEW.id, 'update', json_group_array(f) FROM (
        SELECT 'kind' AS f WHERE OLD.kind IS NOT NEW.kind
        UNION ALL SELECT 'name' WHERE OLD.name IS NOT NEW.name
        UNION ALL SELECT 'category_id' WHERE OLD.category_id IS NOT NEW.category_id
        UNION ALL SELECT 'unit' WHERE OLD.unit IS NOT NEW.unit
        UNION ALL SELECT 'description' WHERE OLD.description IS NOT NEW.description
        UNION ALL SELECT 'status' WHERE OLD.status IS NOT NEW.status
        UNION ALL SELECT 'shelf_life_days' WHERE OLD.shelf_life_days IS NOT NEW.shelf_life_days
        UNION ALL SELECT 'spicy_level' WHERE OLD.spicy_level IS NOT NEW.spicy_level
        UNION ALL SELECT 'allergens' WHERE OLD.allergens IS NOT NEW.allergens
        UNION ALL SELECT 'attributes' WHERE OLD.attributes IS NOT NEW.attributes
        UNION ALL SELECT 'sold_out' WHERE OLD.sold_out IS NOT NEW.sold_out
        UNION ALL SELECT 'retail_spec_id' WHERE OLD.retail_spec_id IS NOT NEW.retail_spec_id
        UNION ALL SELECT 'sort_order' WHERE OLD.sort_order IS NOT NEW.sort_order
        UNION ALL SELECT 'archived' WHERE OLD.archived IS NOT NEW.archived
    ) HAVING count(*) > 0;
END;
CREATE TRIGGER products_outbox_delete AFTER DELETE ON products
WHEN NOT EXISTS (SELECT 1 FROM capture_off) BEGIN
    INSERT INTO outbox (entity, entity_id, op) VALUES ('product', OLD.id, 'delete');
END;
CREATE TRIGGER specs_outbox_insert AFTER INSERT ON specs
WHEN NOT EXISTS (SELECT 1 FROM capture_off) BEGIN
    INSERT INTO outbox (entity, entity_id, op) VALUES ('spec', NEW.id, 'insert');
END;
CREATE TRIGGER specs_outbox_update AFTER UPDATE ON specs
WHEN NOT EXISTS (SELECT 1 FROM capture_off) BEGIN
    INSERT INTO outbox (entity, entity_id, op, fields)
    SELECT 'spec', NEW.id, 'update', json_group_array(f) FROM (
        SELECT 'product_id' AS f WHERE OLD.product_id IS NOT NEW.product_id
        UNION ALL SELECT 'name' WHERE OLD.name IS NOT NEW.name
        UNION ALL SELECT 'sku' WHERE OLD.sku IS NOT NEW.sku
        UNION ALL SELECT 'barcode' WHERE OLD.barcode IS NOT NEW.barcode
        UNION ALL SELECT 'price_fen' WHERE OLD.price_fen IS NOT NEW.price_fen
        UNION ALL SELECT 'member_price_fen' WHERE OLD.member_price_fen IS NOT NEW.member_price_fen
        UNION ALL SELECT 'cost_fen' WHERE OLD.cost_fen IS NOT NEW.cost_fen
        UNION ALL SELECT 'stock_milli' WHERE OLD.stock_milli IS NOT NEW.stock_milli
        UNION ALL SELECT 'sort_order' WHERE OLD.sort_order IS NOT NEW.sort_order
        UNION ALL SELECT 'archived' WHERE OLD.archived IS NOT NEW.archived
    ) HAVING count(*) > 0;
END;
CREATE TRIGGER specs_outbox_delete AFTER DELETE ON specs
WHEN NOT EXISTS (SELECT 1 FROM capture_off) BEGIN
    INSERT INTO outbox (entity, entity_id, op) VALUES ('spec', OLD.id, 'delete');
END;
CREATE TRIGGER product_images_outbox_insert AFTER INSERT ON product_images
WHEN NOT EXISTS (SELECT 1 FROM capture_off) BEGIN
    INSERT INTO outbox (entity, entity_id, op) VALUES ('image', NEW.id, 'insert');
END;
CREATE TRIGGER product_images_outbox_update AFTER UPDATE ON product_images
WHEN NOT EXISTS (SELECT 1 FROM capture_off) BEGIN
    INSERT INTO outbox (entity, entity_id, op, fields)
    SELECT 'image', NEW.id, 'update', json_group_array(f) FROM (
        SELECT 'product_id' AS f WHERE OLD.product_id IS NOT NEW.product_id
        UNION ALL SELECT 'sha256' WHERE OLD.sha256 IS NOT NEW.sha256
        UNION ALL SELECT 'sort_order' WHERE OLD.sort_order IS NOT NEW.sort_order
    ) HAVING count(*) > 0;
END;
CREATE TRIGGER product_images_outbox_delete AFTER DELETE ON product_images
WHEN NOT EXISTS (SELECT 1 FROM capture_off) BEGIN
    INSERT INTO outbox (entity, entity_id, op) VALUES ('image', OLD.id, 'delete');
END;
CREATE TRIGGER media_outbox_insert AFTER INSERT ON media
WHEN NOT EXISTS (SELECT 1 FROM capture_off) BEGIN
    INSERT INTO outbox (entity, entity_id, op) VALUES ('media', NEW.sha256, 'insert');
END;
