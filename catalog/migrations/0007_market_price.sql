-- PortDesk schema level 7: a spec may be sold at the day's price (时价: seafood, by the 斤). Its
-- price_fen stays the last price the shop set (0 if none); menus print 时价 instead. A change of
-- the flag is a change to sync like any other field of the spec.

ALTER TABLE specs ADD COLUMN market_price INTEGER NOT NULL DEFAULT 0 CHECK (market_price IN (0, 1));

DROP TRIGGER specs_outbox_update;
CREATE TRIGGER specs_outbox_update AFTER UPDATE ON specs
WHEN NOT EXISTS (SELECT 1 FROM capture_off) BEGIN
    INSERT INTO outbox (entity, entity_id, op, fields)
    SELECT 'spec', NEW.id, 'update', json_group_array(f) FROM (
        SELECT 'product_id' AS f WHERE OLD.product_id IS NOT NEW.product_id
        UNION ALL SELECT 'name' WHERE OLD.name IS NOT NEW.name
        UNION ALL SELECT 'sku' WHERE OLD.sku IS NOT NEW.sku
        UNION ALL SELECT 'barcode' WHERE OLD.barcode IS NOT NEW.barcode
        UNION ALL SELECT 'price_fen' WHERE OLD.price_fen IS NOT NEW.price_fen
        UNION ALL SELECT 'market_price' WHERE OLD.market_price IS NOT NEW.market_price
        UNION ALL SELECT 'member_price_fen' WHERE OLD.member_price_fen IS NOT NEW.member_price_fen
        UNION ALL SELECT 'cost_fen' WHERE OLD.cost_fen IS NOT NEW.cost_fen
        UNION ALL SELECT 'stock_milli' WHERE OLD.stock_milli IS NOT NEW.stock_milli
        UNION ALL SELECT 'sort_order' WHERE OLD.sort_order IS NOT NEW.sort_order
        UNION ALL SELECT 'archived' WHERE OLD.archived IS NOT NEW.archived
    ) HAVING count(*) > 0;
END;

-- A spec imported before this level from a 时价 cell has price 0 and no flag: what each file row
-- last imported is forgotten (importers.known_rows), so the next import of that file reads its rows
-- again and sets the flag.
UPDATE specs SET import_key = NULL WHERE import_key IS NOT NULL AND price_fen = 0;

-- Before this level, an import stored a 备注 of 估清 as the dish's description; now such a note
-- makes the dish sold out instead (importers.values.is_sold_out): the notes stored so are read so.
UPDATE products SET sold_out = 1, description = ''
WHERE replace(lower(trim(description)), ' ', '') IN (
    '估清', '今日估清', '今天估清', '已估清', '暂时估清', '今日已估清', '沽清', '今日沽清', '已沽清',
    '售罄', '已售罄', '今日售罄', '今日已售罄', '售完', '已售完', '今日售完', '卖完', '卖完了', '已卖完',
    '今日卖完', '卖光了', 'soldout');
