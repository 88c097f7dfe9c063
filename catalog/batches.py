"""Import batches: what each import did, so it can be listed and undone exactly.

Each batch has a stamp, a timestamp with microseconds that only this batch writes: the records
it inserts carry it as created_at and updated_at, the ones it updates as updated_at (every other
write stamps milliseconds). Updated records also get a row in import_changes with their values
before the import. Undo puts those values back and removes the inserted records, in one
transaction, and only when none of them was touched since (updated_at is still the stamp):
otherwise it is refused with the names of what changed, so a later edit is never silently
thrown away. Batches made before schema level 4 have no stamp; their import_changes rows carry
a JSON copy of each record after the import, compared instead.
"""

from __future__ import annotations

import builtins
import datetime as dt
import json
import sqlite3
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from catalog.db import checkpoint_later, transaction
from catalog.models import new_id
from catalog.outbox import Outbox
from catalog.search import document

TABLES: dict[str, str] = {"category": "categories", "product": "products", "spec": "specs", "ledger": "ledger_entries",
                          "image": "product_images"}
# Records that carry the batch stamp; categories (few, made through Categories) keep an `after` copy.
STAMPED: dict[str, str] = {"product": "products", "spec": "specs"}
# Derived columns, recomputed after an undo; with the timestamps, not compared when undoing.
_DERIVED = {"sort_key", "search_text"}
# A spec's memory of the row that imported it (importers.known_rows): neither kept nor restored.
# Once an undo puts back an earlier updated_at, it no longer matches anyway (and JSON has no BLOBs).
_CACHE = {"import_key", "import_state"}
_VOLATILE = {"updated_at", "created_at", *_DERIVED, *_CACHE}
_LABEL = {"category": ("分类", "category"), "product": ("商品", "product"), "spec": ("规格", "spec"), "ledger": ("流水", "ledger entry"),
          "image": ("图片", "picture")}
_SHOWN = 5
# "product spec" labels of specs and a time ({at}), followed by a WHERE condition over s (specs) and p (products)
_SPEC_LABELS = ("SELECT p.name || CASE WHEN s.name != '' THEN ' ' || s.name ELSE '' END, {at}"
                " FROM specs s JOIN products p ON p.id = s.product_id WHERE ")


def _json_expr(conn: sqlite3.Connection, table: str, exclude: set[str], alias: str = "") -> str:
    """A json_object(...) SQL expression over a table's columns, less `exclude` (JSON made by SQLite, in C)."""
    prefix = f"{alias}." if alias else ""
    cols = [r[1] for r in conn.execute(f"PRAGMA table_info({table})") if r[1] not in exclude]
    return "json_object(" + ", ".join(f"'{c}', {prefix}{c}" for c in cols) + ")"


class UndoRefused(Exception):
    """An import cannot be undone; the message says which records changed since and what to do."""


@dataclass(frozen=True)
class OpenBatch:
    """A batch being written: its id and the stamp its records carry."""

    id: str
    stamp: str


@dataclass(frozen=True)
class BatchInfo:
    """One import as listed to the user."""

    id: str
    file_name: str
    kind: str
    sheet: str | None
    created_at: str
    undone_at: str | None
    summary: dict[str, Any]


def short_id(batch_id: str) -> str:
    """The batch id as shown to the user: "01a2288f-c51c". Ids begin with their creation time in
    milliseconds (UUIDv7), so these 13 characters tell any two batches apart (the first 8 alone
    are the same for imports made within about a minute)."""
    return batch_id[:13]


def local_time(iso_utc: str) -> str:
    """A stored UTC time ("2026-11-29T18:27:05.123Z") as this PC's local time, to the minute."""
    try:
        when = dt.datetime.fromisoformat(iso_utc.replace("Z", "+00:00"))
    except ValueError:
        return iso_utc
    if when.tzinfo is None:
        when = when.replace(tzinfo=dt.UTC)
    return when.astimezone().strftime("%Y-%m-%d %H:%M")


def row_dict(conn: sqlite3.Connection, entity: str, entity_id: str) -> dict[str, Any] | None:
    """The current stored columns of one record, or None if it does not exist."""
    row = conn.execute(f"SELECT * FROM {TABLES[entity]} WHERE id = ?", (entity_id,)).fetchone()
    return None if row is None else dict(zip(row.keys(), tuple(row), strict=True))


def _new_stamp(conn: sqlite3.Connection) -> str:
    """Now, with microseconds; later than every earlier batch stamp (clocks can step back)."""
    stamp = dt.datetime.now(dt.UTC).strftime("%Y-%m-%dT%H:%M:%S.%fZ")
    last = conn.execute("SELECT max(stamp) FROM import_batches").fetchone()[0]
    if last is not None and stamp <= last:
        moment = dt.datetime.strptime(last, "%Y-%m-%dT%H:%M:%S.%fZ") + dt.timedelta(microseconds=1)
        stamp = moment.strftime("%Y-%m-%dT%H:%M:%S.%fZ")
    return stamp


class Batches:
    """Repository of import batches over one connection."""

    def __init__(self, conn: sqlite3.Connection) -> None:
        self.conn = conn

    def begin(self, file_name: str, kind: str, sheet: str | None, file_sha256: str | None = None) -> OpenBatch:
        """Start a batch (call inside the import's transaction)."""
        batch = OpenBatch(new_id(), _new_stamp(self.conn))
        self.conn.execute(
            "INSERT INTO import_batches (id, file_name, file_sha256, kind, sheet, stamp) VALUES (?, ?, ?, ?, ?, ?)",
            (batch.id, file_name, file_sha256, kind, sheet, batch.stamp),
        )
        return batch

    def snapshot(self, entity: str, ids: list[str]) -> dict[str, str]:
        """The restorable state (JSON text) of records about to be updated, by id."""
        table = TABLES[entity]
        expr = _json_expr(self.conn, table, _DERIVED | _CACHE)
        out: dict[str, str] = {}
        for start in range(0, len(ids), 500):
            chunk = ids[start : start + 500]
            out.update(self.conn.execute(
                f"SELECT id, {expr} FROM {table} WHERE id IN ({','.join('?' * len(chunk))})", chunk
            ).fetchall())
        return out

    def record(self, batch_id: str, changes: list[tuple[str, str, str, str | None]]) -> None:
        """Record (entity, id, 'insert'|'update', before JSON) changes of a batch.

        Products and specs are recognised by the batch stamp, so only their updates need a row;
        other records also keep a JSON copy of their state after the import, read now in SQL.
        """
        start = self.conn.execute(
            "SELECT coalesce(max(seq), 0) FROM import_changes WHERE batch_id = ?", (batch_id,)
        ).fetchone()[0]
        rows = [(start + i, *c) for i, c in enumerate(changes, start=1) if not (c[0] in STAMPED and c[2] == "insert")]
        self.conn.executemany(
            "INSERT INTO import_changes (batch_id, seq, entity, entity_id, op, before) VALUES (?, ?, ?, ?, ?, ?)",
            [(batch_id, *r) for r in rows],
        )
        for entity, table in TABLES.items():
            if entity not in STAMPED and any(r[1] == entity for r in rows):
                self.conn.execute(
                    f"UPDATE import_changes SET after = (SELECT {_json_expr(self.conn, table, _VOLATILE, 't')}"
                    f" FROM {table} t WHERE t.id = import_changes.entity_id) WHERE batch_id = ? AND entity = ?",
                    (batch_id, entity),
                )

    def finish(self, batch_id: str, summary: Mapping[str, Any]) -> None:
        """Store the batch's summary (counts, mapping, file facts)."""
        self.conn.execute(
            "UPDATE import_batches SET summary = ? WHERE id = ?", (json.dumps(summary, ensure_ascii=False), batch_id)
        )

    def sheets_read(self, sha256: str) -> frozenset[str]:
        """The sheets of a file with these bytes that imports in force read (their summaries say
        which), exactly as named; empty if none."""
        found: set[str] = set()
        for (text,) in self.conn.execute(
                "SELECT summary FROM import_batches WHERE file_sha256 = ? AND undone_at IS NULL AND summary IS NOT NULL",
                (sha256,)):
            try:
                summary = json.loads(text)
                names = summary.get("sheets") or [summary.get("sheet")]
                found.update(n for n in names if isinstance(n, str))
            except (ValueError, TypeError, AttributeError):
                continue
        return frozenset(found)

    def has_file(self, sha256: str) -> bool:
        """True if an import of a file with these bytes is in force (made and not undone)."""
        return self.conn.execute("SELECT 1 FROM import_batches WHERE file_sha256 = ? AND undone_at IS NULL LIMIT 1",
                                 (sha256,)).fetchone() is not None

    def list(self) -> list[BatchInfo]:
        """Every batch, newest first."""
        rows = self.conn.execute(
            "SELECT id, file_name, kind, sheet, created_at, undone_at, summary FROM import_batches"
            " ORDER BY created_at DESC, rowid DESC"
        ).fetchall()
        return [BatchInfo(r[0], r[1], r[2], r[3], r[4], r[5], json.loads(r[6])) for r in rows]

    def get(self, batch_id: str) -> BatchInfo | None:
        """One batch by id (a unique prefix of at least 6 characters also works: `short_id`)."""
        found = self.find(batch_id)
        return found[0] if len(found) == 1 else None

    def find(self, batch_id: str) -> builtins.list[BatchInfo]:
        """The batches whose id is `batch_id` or starts with it (at least 6 characters; the dashes
        may be left out)."""
        wanted = batch_id.strip().lower().replace("-", "")
        everything = self.list()
        exact = [b for b in everything if b.id == batch_id.strip().lower()]
        if exact or len(wanted) < 6:
            return exact
        return [b for b in everything if b.id.replace("-", "").startswith(wanted)]

    def undo(self, batch_id: str) -> int:
        """Restore exactly the state before the batch; returns how many records were restored or removed.

        Raises UndoRefused when the batch is unknown, already undone, or when a record it wrote
        was changed afterwards (by a later import or an edit), naming those records.
        """
        found = self.find(batch_id)
        if not found:
            raise UndoRefused(f"找不到导入批次 {batch_id}（portdesk imports list 列出所有批次）"
                              f" / No import batch {batch_id} (portdesk imports list lists them)")
        if len(found) > 1:
            listed = "、".join(f"{short_id(b.id)}（{b.file_name}）" for b in found[:_SHOWN]) + (" …" if len(found) > _SHOWN else "")
            raise UndoRefused(f"有 {len(found)} 个批次号以 {batch_id} 开头：{listed}；请写出更长的批次号"
                              f" / {len(found)} batches start with {batch_id}: {listed}; give more of the batch id")
        info = found[0]
        if info.undone_at:
            raise UndoRefused(f"批次 {short_id(info.id)} 已于 {local_time(info.undone_at)} 撤销"
                              f" / Batch {short_id(info.id)} was already undone at {local_time(info.undone_at)}")
        stamp = self.conn.execute("SELECT stamp FROM import_batches WHERE id = ?", (info.id,)).fetchone()[0]
        with checkpoint_later(self.conn), transaction(self.conn):
            changed_since, when = self._changed_since(info.id, stamp)
            if changed_since:
                shown = "、".join(changed_since[:_SHOWN]) + (" …" if len(changed_since) > _SHOWN else "")
                later = self._batches_at(when)
                listed = "、".join(f"{short_id(i)}（{name}）" for i, name in later[:_SHOWN]) + (" …" if len(later) > _SHOWN else "")
                listed_en = ", ".join(f"{short_id(i)} ({name})" for i, name in later[:_SHOWN]) + (" …" if len(later) > _SHOWN else "")
                first_zh, first_en = ((f"改过它们的导入是 {listed}：请先撤销{'它' if len(later) == 1 else '这些导入（从最新的开始）'}，再撤销这一次；",
                                       f" The import{'s' if len(later) > 1 else ''} {listed_en} changed them: undo"
                                       f" {'it' if len(later) == 1 else 'them (newest first)'}, then this one;") if later
                                      else ("如果是之后的导入改的，请先撤销那些导入；", " If a later import changed them, undo that import first;"))
                raise UndoRefused(
                    f"无法撤销：导入后这些记录又被修改过：{shown}。{first_zh}"
                    "导入后在软件里改过的记录不能自动撤销，请直接修改或删除它们。"
                    f" / Cannot undo: these records were changed after the import: {shown}.{first_en}"
                    " records edited by hand since the import cannot be undone automatically: change or delete them directly."
                )
            return self._restore(info.id, stamp)

    def _changed_since(self, batch_id: str, stamp: str | None) -> tuple[builtins.list[str], set[str]]:
        """The records a batch wrote that changed since, named, and the times they changed at."""
        found: builtins.list[str] = []
        when: set[str] = set()
        for entity, table in TABLES.items():
            if entity == "ledger":
                continue  # the ledger is append-only: entries are never edited
            current = _json_expr(self.conn, table, _CACHE, "t")
            after = _json_expr(self.conn, table, _VOLATILE, "t")
            for values, at in self.conn.execute(
                f"SELECT coalesce(CASE WHEN t.id IS NOT NULL THEN {current} END, c.after, c.before), t.updated_at FROM import_changes c"
                f" LEFT JOIN {table} t ON t.id = c.entity_id WHERE c.batch_id = ? AND c.entity = ?"
                f" AND (t.id IS NULL OR CASE WHEN c.after IS NULL THEN t.updated_at IS NOT ? ELSE {after} IS NOT c.after END)",
                (batch_id, entity, stamp),
            ):
                found.append(self._describe(entity, self._named(entity, json.loads(values))))
                when.add(at)
        if stamp is not None:
            queries = [("product", "SELECT name, updated_at FROM products WHERE created_at = ?1 AND updated_at IS NOT ?1 LIMIT 50"),
                       ("spec", _SPEC_LABELS.format(at="s.updated_at") + "s.created_at = ?1 AND s.updated_at IS NOT ?1 LIMIT 50"),
                       # what was added since to a product the import created would go with it: specs, photos
                       ("spec", _SPEC_LABELS.format(at="s.created_at") + "p.created_at = ?1 AND s.created_at IS NOT ?1 LIMIT 50"),
                       ("product", "SELECT DISTINCT p.name, i.created_at FROM product_images i JOIN products p ON p.id = i.product_id"
                                   " WHERE p.created_at = ?1 AND i.created_at IS NOT ?1 LIMIT 50")]
            for entity, sql in queries:
                for name, at in self.conn.execute(sql, (stamp,)):
                    label = self._describe(entity, {"name": name})
                    if label not in found:
                        found.append(label)
                    when.add(at)
        return found, when

    def _batches_at(self, when: set[str]) -> builtins.list[tuple[str, str]]:
        """(id, file name) of the imports in force that wrote at these times (their stamps), newest
        first; none if none did (the records were edited by hand)."""
        stamps = sorted(w for w in when if w)
        if not stamps:
            return []
        return [(str(i), str(name)) for i, name in self.conn.execute(
            f"SELECT id, file_name FROM import_batches WHERE undone_at IS NULL AND stamp IN ({','.join('?' * len(stamps))})"
            " ORDER BY stamp DESC", stamps)]

    def _restore(self, batch_id: str, stamp: str | None) -> int:
        changes = self.conn.execute(
            "SELECT entity, entity_id, op, before, after FROM import_changes WHERE batch_id = ? ORDER BY seq DESC",
            (batch_id,),
        ).fetchall()
        touched: set[str] = set()
        restores: dict[str, list[dict[str, Any]]] = {}
        inserted: list[tuple[str, str]] = []
        for entity, entity_id, op, before, after in changes:
            if entity == "spec":
                touched.add(json.loads(after or before or "{}").get("product_id", ""))
            elif entity == "product":
                touched.add(entity_id)
            if op == "insert":
                inserted.append((entity, entity_id))
            else:
                restores.setdefault(entity, []).append(json.loads(before))
        if stamp is not None:
            touched.update(r[0] for r in self.conn.execute("SELECT DISTINCT product_id FROM specs WHERE created_at = ?", (stamp,)))
        # old values first (they drop references to inserted rows), then inserted rows, newest first
        for entity, rows in restores.items():
            cols = [c for c in rows[0] if c != "id"]
            self.conn.executemany(
                f"UPDATE {TABLES[entity]} SET {', '.join(f'{c} = ?' for c in cols)} WHERE id = ?",
                [(*(r[c] for c in cols), r["id"]) for r in rows],
            )
        removed = 0
        if stamp is not None:
            self._refuse_if_referenced("spec", "SELECT id FROM specs WHERE created_at = ?", (stamp,))
            self._refuse_if_referenced("product", "SELECT id FROM products WHERE created_at = ?", (stamp,))
            removed += self._remove_inserted(stamp)
        removed += self.conn.execute("DELETE FROM ledger_entries WHERE batch_id = ?", (batch_id,)).rowcount
        removed += self._remove_others([(entity, entity_id) for entity, entity_id in inserted if entity != "ledger"])
        if stamp is not None:
            self._remove_photos(stamp)
        refresh_search(self.conn, touched)
        self.conn.execute(
            "UPDATE import_batches SET undone_at = strftime('%Y-%m-%dT%H:%M:%fZ','now') WHERE id = ?", (batch_id,)
        )
        return removed + sum(len(r) for r in restores.values())

    def _remove_inserted(self, stamp: str) -> int:
        """Delete the specs and products a batch inserted; returns how many.

        Records whose insert row was never sent (above `Outbox.sent_upto()`) never reached the
        server: their outbox rows are dropped instead of adding delete rows (an import and its
        undo leave nothing to push). The others get a delete row each, as the triggers would.
        """
        conn = self.conn
        conn.execute("DROP TABLE IF EXISTS temp.undone")
        conn.execute(
            "CREATE TEMP TABLE undone AS SELECT 'spec' AS entity, id, 0 AS unpushed FROM specs WHERE created_at = ?1"
            " UNION ALL SELECT 'product', id, 0 FROM products WHERE created_at = ?1", (stamp,))
        conn.execute("CREATE INDEX temp.undone_id ON undone (entity, id)")
        sent = Outbox(conn).sent_upto()  # rows at or below it may have reached the server
        conn.execute("UPDATE temp.undone SET unpushed = 1 WHERE (entity, id) IN"
                     " (SELECT entity, entity_id FROM outbox WHERE op = 'insert' AND mutation_id > ?)", (sent,))
        conn.execute("INSERT INTO capture_off (reason) VALUES ('undo')")
        try:
            removed = conn.execute("DELETE FROM specs WHERE created_at = ?", (stamp,)).rowcount
            removed += conn.execute("DELETE FROM products WHERE created_at = ?", (stamp,)).rowcount
        finally:
            conn.execute("DELETE FROM capture_off WHERE reason = 'undo'")
        conn.execute("DELETE FROM outbox WHERE mutation_id > ? AND (entity, entity_id) IN"
                     " (SELECT entity, id FROM temp.undone WHERE unpushed)", (sent,))
        conn.execute("INSERT INTO outbox (entity, entity_id, op) SELECT entity, id, 'delete' FROM temp.undone"
                     " WHERE NOT unpushed ORDER BY entity = 'product', rowid")
        conn.execute("DROP TABLE temp.undone")
        return int(removed)

    def _remove_others(self, inserted: builtins.list[tuple[str, str]]) -> int:
        """Delete the other records a batch inserted (its categories), newest first; returns how many.

        As for products and specs, a record whose insert row never left the PC takes its outbox
        rows with it; the others get a delete row from the triggers.
        """
        conn, removed = self.conn, 0
        sent = Outbox(conn).sent_upto()
        unpushed = {(r[0], r[1]) for r in conn.execute(
            "SELECT entity, entity_id FROM outbox WHERE op = 'insert' AND mutation_id > ?", (sent,))} & set(inserted)
        for entity, entity_id in inserted:
            self._refuse_if_referenced(entity, "SELECT ?", (entity_id,))  # each in turn: a child goes before its parent
            if (entity, entity_id) not in unpushed:
                removed += conn.execute(f"DELETE FROM {TABLES[entity]} WHERE id = ?", (entity_id,)).rowcount
                continue
            conn.execute("DELETE FROM outbox WHERE mutation_id > ? AND entity = ? AND entity_id = ?", (sent, entity, entity_id))
            conn.execute("INSERT INTO capture_off (reason) VALUES ('undo')")
            try:
                removed += conn.execute(f"DELETE FROM {TABLES[entity]} WHERE id = ?", (entity_id,)).rowcount
            finally:
                conn.execute("DELETE FROM capture_off WHERE reason = 'undo'")
        return removed

    def _remove_photos(self, stamp: str) -> None:
        """Drop the image bytes a batch stored that no product shows any more. An upload that never
        left this PC goes with them; bytes whose upload may be on its way stay (a push reads them)."""
        sent = Outbox(self.conn).sent_upto()
        self.conn.execute(
            "DELETE FROM outbox WHERE entity = 'media' AND mutation_id > ?1 AND entity_id IN (SELECT sha256 FROM media m"
            " WHERE created_at = ?2 AND NOT EXISTS (SELECT 1 FROM product_images i WHERE i.sha256 = m.sha256))", (sent, stamp))
        self.conn.execute(
            "DELETE FROM media WHERE created_at = ?1 AND NOT EXISTS (SELECT 1 FROM product_images i WHERE i.sha256 = media.sha256)"
            " AND NOT EXISTS (SELECT 1 FROM outbox o WHERE o.entity = 'media' AND o.entity_id = media.sha256)", (stamp,))

    def _named(self, entity: str, values: dict[str, Any]) -> dict[str, Any]:
        """A picture is named after its product, and so is a spec without a name of its own (a
        product's only spec): never by its id."""
        if entity not in ("image", "spec") or (entity == "spec" and values.get("name")):
            return values
        row = self.conn.execute("SELECT name FROM products WHERE id = ?", (values.get("product_id"),)).fetchone()
        return {**values, "name": f"{row[0]}" if row else values.get("id", "")}

    def _refuse_if_referenced(self, entity: str, ids_sql: str, params: tuple[Any, ...]) -> None:
        """Refuse when another record still refers to one of the records `ids_sql` selects."""
        menu = "(SELECT m.name FROM menu_sections s JOIN menus m ON m.id = s.menu_id WHERE s.id = section_id)"
        # referring table, column, how the user knows the referring record (SQL), what it is and how to free it (zh, en)
        refs = {
            "product": [("menu_items", "product_id", menu, ("菜单", "the menu"), ("把它从这个菜单里移除", "take it off that menu")),
                        ("ledger_entries", "product_id", "item", ("流水", "the ledger entry"), ("删除这条流水", "delete that entry"))],
            "spec": [("products", "retail_spec_id", "name", ("商品", "the product"), ("在这个商品里改掉它", "change it in that product"))],
            "category": [("products", "category_id", "name", ("商品", "the product"),
                          ("把这个商品移到别的分类", "move that product to another category")),
                         ("categories", "parent_id", "name", ("分类", "the category"),
                          ("把这个子分类移到别处", "move that category elsewhere"))],
        }.get(entity, [])
        for table, column, label, (what_zh, what_en), (free_zh, free_en) in refs:
            hit = self.conn.execute(
                f"SELECT {column}, {label}, created_at FROM {table} WHERE {column} IN ({ids_sql})"
                + (f" AND id NOT IN ({ids_sql})" if table == TABLES[entity] else "") + " LIMIT 1",
                params * (2 if table == TABLES[entity] else 1),
            ).fetchone()
            if hit:
                name = self._describe(entity, row_dict(self.conn, entity, hit[0]) or {})
                later = self._batches_at({hit[2]})
                fix_zh, fix_en = ((f"它是之后的导入 {short_id(later[0][0])}（{later[0][1]}）加的：请先撤销那次导入。",
                                   f" It was added by the later import {short_id(later[0][0])} ({later[0][1]}): undo that import first.")
                                  if later else (f"请先在软件里{free_zh}，再撤销。", f" First {free_en}, then undo."))
                raise UndoRefused(
                    f"无法撤销：{name} 现在被{what_zh}“{hit[1]}”使用。{fix_zh}"
                    f" / Cannot undo: {name} is now used by {what_en} \"{hit[1]}\".{fix_en}"
                )

    @staticmethod
    def _describe(entity: str, values: Mapping[str, Any]) -> str:
        zh, _en = _LABEL.get(entity, (entity, entity))
        label = values.get("name") or values.get("item") or values.get("id", "")
        return f"{zh}“{label}”"
def refresh_search(conn: sqlite3.Connection, product_ids: set[str] | list[str]) -> None:
    """Recompute the derived sort key and search text of products from their stored name and specs."""
    from catalog.pinyin import keys

    ids = [p for p in product_ids if p]
    for start in range(0, len(ids), 500):
        chunk = ids[start : start + 500]
        marks = ",".join("?" * len(chunk))
        names = dict(conn.execute(f"SELECT id, name FROM products WHERE id IN ({marks})", chunk).fetchall())
        parts: dict[str, list[str]] = {pid: [] for pid in names}
        for pid, spec, sku, barcode in conn.execute(
            f"SELECT product_id, name, sku, barcode FROM specs WHERE archived = 0 AND product_id IN ({marks})", chunk
        ):
            parts[pid].extend(p for p in (spec, sku, barcode) if p)
        conn.executemany(
            "UPDATE products SET sort_key = ?, search_text = ? WHERE id = ? AND (sort_key IS NOT ? OR search_text IS NOT ?)",
            [
                (keys(name)[0], text, pid, keys(name)[0], text)
                for pid, name in names.items()
                for text in [document(name, parts[pid])]
            ],
        )
