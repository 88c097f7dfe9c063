-- PortDesk schema level 3: menus built from the catalog, and dining tables with QR codes.
-- A menu's slug and a table's code are part of printed QR URLs: they are set once and never
-- change, whatever else is edited.

CREATE TABLE menus (
    id         TEXT PRIMARY KEY,
    name       TEXT NOT NULL CHECK (length(trim(name)) > 0),
    slug       TEXT NOT NULL UNIQUE CHECK (slug GLOB '[a-z0-9]*' AND slug NOT GLOB '*[^a-z0-9-]*'),
    note       TEXT NOT NULL DEFAULT '',
    sort_order INTEGER NOT NULL DEFAULT 0,
    archived   INTEGER NOT NULL DEFAULT 0 CHECK (archived IN (0, 1)),
    created_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
    updated_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))
);

CREATE TABLE menu_sections (
    id         TEXT PRIMARY KEY,
    menu_id    TEXT NOT NULL REFERENCES menus(id) ON DELETE CASCADE,
    title      TEXT NOT NULL,
    sort_order INTEGER NOT NULL DEFAULT 0,
    created_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
    updated_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))
);
CREATE INDEX menu_sections_menu ON menu_sections (menu_id, sort_order);

CREATE TABLE menu_items (
    id         TEXT PRIMARY KEY,
    section_id TEXT NOT NULL REFERENCES menu_sections(id) ON DELETE CASCADE,
    product_id TEXT NOT NULL REFERENCES products(id),
    sort_order INTEGER NOT NULL DEFAULT 0,
    created_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
    updated_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
    UNIQUE (section_id, product_id)
);
CREATE INDEX menu_items_section ON menu_items (section_id, sort_order);
CREATE INDEX menu_items_product ON menu_items (product_id);

CREATE TABLE dining_tables (
    id         TEXT PRIMARY KEY,
    area       TEXT NOT NULL DEFAULT '',
    name       TEXT NOT NULL CHECK (length(trim(name)) > 0),
    code       TEXT NOT NULL UNIQUE CHECK (length(code) > 0),
    menu_id    TEXT REFERENCES menus(id),
    seats      INTEGER,
    sort_order INTEGER NOT NULL DEFAULT 0,
    archived   INTEGER NOT NULL DEFAULT 0 CHECK (archived IN (0, 1)),
    created_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
    updated_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))
);
CREATE INDEX dining_tables_area ON dining_tables (archived, area, sort_order);

-- Change capture into the outbox, as for the catalog tables (see 0001).
CREATE TRIGGER menus_outbox_insert AFTER INSERT ON menus
WHEN NOT EXISTS (SELECT 1 FROM capture_off) BEGIN
    INSERT INTO outbox (entity, entity_id, op) VALUES ('menu', NEW.id, 'insert');
END;
CREATE TRIGGER menus_outbox_update AFTER UPDATE ON menus
WHEN NOT EXISTS (SELECT 1 FROM capture_off) BEGIN
    INSERT INTO outbox (entity, entity_id, op, fields)
    SELECT 'menu', NEW.id, 'update', json_group_array(f) FROM (
        SELECT 'name' AS f WHERE OLD.name IS NOT NEW.name
        UNION ALL SELECT 'slug' WHERE OLD.slug IS NOT NEW.slug
        UNION ALL SELECT 'note' WHERE OLD.note IS NOT NEW.note
        UNION ALL SELECT 'sort_order' WHERE OLD.sort_order IS NOT NEW.sort_order
        UNION ALL SELECT 'archived' WHERE OLD.archived IS NOT NEW.archived
    ) HAVING count(*) > 0;
END;
CREATE TRIGGER menus_outbox_delete AFTER DELETE ON menus
WHEN NOT EXISTS (SELECT 1 FROM capture_off) BEGIN
    INSERT INTO outbox (entity, entity_id, op) VALUES ('menu', OLD.id, 'delete');
END;
CREATE TRIGGER menu_sections_outbox_insert AFTER INSERT ON menu_sections
WHEN NOT EXISTS (SELECT 1 FROM capture_off) BEGIN
    INSERT INTO outbox (entity, entity_id, op) VALUES ('menu_section', NEW.id, 'insert');
END;
CREATE TRIGGER menu_sections_outbox_update AFTER UPDATE ON menu_sections
WHEN NOT EXISTS (SELECT 1 FROM capture_off) BEGIN
    INSERT INTO outbox (entity, entity_id, op, fields)
    SELECT 'menu_section', NEW.id, 'update', json_group_array(f) FROM (
        SELECT 'menu_id' AS f WHERE OLD.menu_id IS NOT NEW.menu_id
        UNION ALL SELECT 'title' WHERE OLD.title IS NOT NEW.title
        UNION ALL SELECT 'sort_order' WHERE OLD.sort_order IS NOT NEW.sort_order
    ) HAVING count(*) > 0;
END;
CREATE TRIGGER menu_sections_outbox_delete AFTER DELETE ON menu_sections
WHEN NOT EXISTS (SELECT 1 FROM capture_off) BEGIN
    INSERT INTO outbox (entity, entity_id, op) VALUES ('menu_section', OLD.id, 'delete');
END;
CREATE TRIGGER menu_items_outbox_insert AFTER INSERT ON menu_items
WHEN NOT EXISTS (SELECT 1 FROM capture_off) BEGIN
    INSERT INTO outbox (entity, entity_id, op) VALUES ('menu_item', NEW.id, 'insert');
END;
CREATE TRIGGER menu_items_outbox_update AFTER UPDATE ON menu_items
WHEN NOT EXISTS (SELECT 1 FROM capture_off) BEGIN
    INSERT INTO outbox (entity, entity_id, op, fields)
    SELECT 'menu_item', NEW.id, 'update', json_group_array(f) FROM (
        SELECT 'section_id' AS f WHERE OLD.section_id IS NOT NEW.section_id
        UNION ALL SELECT 'product_id' WHERE OLD.product_id IS NOT NEW.product_id
        UNION ALL SELECT 'sort_order' WHERE OLD.sort_order IS NOT NEW.sort_order
    ) HAVING count(*) > 0;
END;
CREATE TRIGGER menu_items_outbox_delete AFTER DELETE ON menu_items
WHEN NOT EXISTS (SELECT 1 FROM capture_off) BEGIN
    INSERT INTO outbox (entity, entity_id, op) VALUES ('menu_item', OLD.id, 'delete');
END;
CREATE TRIGGER dining_tables_outbox_insert AFTER INSERT ON dining_tables
WHEN NOT EXISTS (SELECT 1 FROM capture_off) BEGIN
    INSERT INTO outbox (entity, entity_id, op) VALUES ('table', NEW.id, 'insert');
END;
CREATE TRIGGER dining_tables_outbox_update AFTER UPDATE ON dining_tables
WHEN NOT EXISTS (SELECT 1 FROM capture_off) BEGIN
    INSERT INTO outbox (entity, entity_id, op, fields)
    SELECT 'table', NEW.id, 'update', json_group_array(f) FROM (
        SELECT 'area' AS f WHERE OLD.area IS NOT NEW.area
        UNION ALL SELECT 'name' WHERE OLD.name IS NOT NEW.name
        UNION ALL SELECT 'code' WHERE OLD.code IS NOT NEW.code
        UNION ALL SELECT 'menu_id' WHERE OLD.menu_id IS NOT NEW.menu_id
        UNION ALL SELECT 'seats' WHERE OLD.seats IS NOT NEW.seats
        UNION ALL SELECT 'sort_order' WHERE OLD.sort_order IS NOT NEW.sort_order
        UNION ALL SELECT 'archived' WHERE OLD.archived IS NOT NEW.archived
    ) HAVING count(*) > 0;
END;
CREATE TRIGGER dining_tables_outbox_delete AFTER DELETE ON dining_tables
WHEN NOT EXISTS (SELECT 1 FROM capture_off) BEGIN
    INSERT INTO outbox (entity, entity_id, op) VALUES ('table', OLD.id, 'delete');
END;
