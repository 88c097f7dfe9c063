"""The import wizard's work functions: they run on a worker thread with the job's own Store.

Nothing here touches widgets. Each function returns a small result object the wizard shows.
"""

from __future__ import annotations

import time
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from catalog.products import Cancelled
from importers import ParsedTable, read_table
from importers.apply import apply_plan
from importers.gcpause import gc_paused
from importers.lookups import Lookups
from importers.plan import ImportPlan, build_plan
from importers.remembered import load, save_mapping, trusted_sheets
from importers.report import write_error_report
from ui.operations import Job


@dataclass
class ReadRequest:
    """What to read: the file, the sheet (None: guess), the kind ("auto" or a kind) and options.

    `overrides` is the full set of mapping choices so far (column -> field, None = ignore);
    `use_remembered` lets a mapping confirmed earlier for the same header be applied.
    """

    path: Path
    sheet: str | None = None
    kind: str = "auto"
    overrides: dict[int, str | None] = field(default_factory=dict)
    overwrite_blanks: bool = False
    use_remembered: bool = True
    reuse: ParsedTable | None = field(default=None, repr=False, compare=False)  # the same file read before


@dataclass
class ReadResult:
    """A plan ready for preview, with its counts and how the mapping came about."""

    request: ReadRequest
    plan: ImportPlan
    counts: dict[str, int]
    overrides: dict[int, str | None]
    remembered: bool = False
    noted: bool = False  # a row carries a warning (a value taken that deserves a look, 时价)
    rows: dict[str, list[int]] = field(default_factory=dict, repr=False)  # action -> the plan's row indexes, in order
    data_rows: int = 0  # the spreadsheet rows holding data (ParsedTable.data_rows, counted here, off the UI thread)


@dataclass(frozen=True)
class ApplyResult:
    """What an import did: the batch id (None if nothing to write) and the counts."""

    batch_id: str | None
    created: int
    updated: int
    unchanged: int
    errors: int
    pictures: int = 0  # photos products got from the pictures in the sheet




def count_actions(plan: ImportPlan) -> dict[str, int]:
    """How many rows are new, changed, unchanged and in error (one pass)."""
    counts = {"new": 0, "changed": 0, "unchanged": 0, "error": 0}
    for r in plan.rows:
        counts[r.action] += 1
    return counts


def rows_by_action(plan: ImportPlan) -> dict[str, list[int]]:
    """The indexes of the plan's rows, in order, per action (new, changed, unchanged, error): one
    pass on the worker, so the preview can show only one kind of row without looking at each."""
    rows: dict[str, list[int]] = {"new": [], "changed": [], "unchanged": [], "error": []}
    adders = {action: found.append for action, found in rows.items()}
    for i, r in enumerate(plan.rows):
        adders[r.action](i)
    return rows


def current_mapping(plan: ImportPlan) -> dict[int, str]:
    """Column index -> field of a plan's table."""
    return {c: f for c, (f, _conf) in plan.table.mapping.items()}


def read_and_plan(job: Job, request: ReadRequest) -> ReadResult:
    """Read the file and plan the import (the remembered mapping applied when there is one)."""
    with gc_paused(freeze=True):
        return _read_and_plan(job, request)


def _read_and_plan(job: Job, request: ReadRequest) -> ReadResult:
    job.progress(0.05)
    trusted = trusted_sheets(job.store, request.path) if request.reuse is None else frozenset()
    lookups = Lookups.prefetch(job.store.path, request.path, bool(trusted) if request.reuse is None else None)
    overrides: Mapping[int | str, str | None] | None = {c: f for c, f in request.overrides.items()} or None
    table = read_table(request.path, sheet=request.sheet, kind=request.kind, mapping_override=overrides, reuse=request.reuse,
                       trusted=trusted)
    remembered = False
    effective: dict[int, str | None] = dict(request.overrides)
    if request.use_remembered and not request.overrides:
        found = load(job.store, table.header_signature)
        if found is not None and request.kind in ("auto", found.kind):
            width = len(table.headers)
            if all(c < width for c in found.mapping):
                effective = {c: found.mapping.get(c) for c in range(width)}
                now = {c: f for c, (f, _conf) in table.mapping.items()}
                if table.kind != found.kind or now != found.mapping:
                    if job.cancelled():
                        raise Cancelled()
                    table = read_table(request.path, sheet=table.sheet_argument, kind=found.kind,
                                       mapping_override={c: f for c, f in effective.items()}, reuse=table)
                remembered = True
    if job.cancelled():
        raise Cancelled()
    job.progress(0.7)
    plan = build_plan(job.store, table, overwrite_blanks=request.overwrite_blanks, lookups=lookups)
    counts, rows = _counted(job, plan)
    job.progress(1.0)
    return ReadResult(request, plan, counts, effective, remembered, bool(plan.warnings), rows, plan.table.data_rows)


def _counted(job: Job, plan: ImportPlan) -> tuple[dict[str, int], dict[str, list[int]]]:
    """The plan's counts and its rows per action; a plan with nothing to import is applied at
    once, which only remembers its rows (importers.known_rows): the wizard's import button stays
    off, and the next read of the file is quick all the same."""
    rows = rows_by_action(plan)
    counts = {action: len(found) for action, found in rows.items()}
    if counts["new"] == counts["changed"] == 0 and counts["unchanged"]:
        apply_plan(job.store, plan)
    return counts, rows


def replan(job: Job, previous: ReadResult, overwrite_blanks: bool) -> ReadResult:
    """Plan the same table again with another overwrite-blanks choice (no re-read)."""
    with gc_paused(freeze=True):
        return _replan(job, previous, overwrite_blanks)


def _replan(job: Job, previous: ReadResult, overwrite_blanks: bool) -> ReadResult:
    table = previous.plan.table
    request = ReadRequest(previous.request.path, table.sheet_argument, previous.request.kind, dict(previous.overrides),
                          overwrite_blanks, previous.request.use_remembered)
    plan = build_plan(job.store, table, overwrite_blanks=overwrite_blanks)
    counts, rows = _counted(job, plan)
    return ReadResult(request, plan, counts, dict(previous.overrides), previous.remembered, bool(plan.warnings), rows,
                      previous.data_rows)


def free_lists(job: Job, trash: list[list[Any]]) -> None:
    """Empty big lists (an old plan's rows) in small pieces, so the UI thread gets the GIL between them."""
    del job
    while trash:
        rows = trash.pop()
        while rows:
            del rows[-2000:]
            time.sleep(0)


def apply_import(job: Job, plan: ImportPlan, remember: bool) -> ApplyResult:
    """Apply the plan in one transaction (cancel rolls back); remember the mapping if asked.

    The collector is paused, and what survives is frozen when it resumes (as after a read): an
    import of 100,000 rows leaves ~190,000 long-lived objects behind (the pinyin tables loaded on
    first use, caches), and resuming without freezing made the next collections walk them all
    with the GIL held (30 ms and more), right when the result is shown.
    """
    with gc_paused(freeze=True):
        batch = apply_plan(job.store, plan, progress=job.progress, cancel=job.cancelled)
    if remember and batch is not None:
        save_mapping(job.store, plan.table.header_signature, plan.kind, current_mapping(plan))
    counts = count_actions(plan)
    return ApplyResult(batch, counts["new"], counts["changed"], counts["unchanged"], counts["error"],
                       plan.pictures if batch is not None else 0)


def save_report(job: Job, plan: ImportPlan, out: Path) -> int:
    """Write the problem rows to `out`; returns how many rows were written."""
    del job
    return write_error_report(plan, out)


def undo_batch(job: Job, batch_id: str) -> int:
    """Undo one import (raises catalog.batches.UndoRefused with the reason)."""
    return job.store.batches.undo(batch_id)
