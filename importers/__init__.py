"""PortDesk importers: read any spreadsheet into a typed table (Qt-free).

The public API::

    from importers import read_table, ImportRefused
    table = read_table("商品.xlsx")            # or sheet=, kind=, mapping_override=
"""

from importers.errors import ImportRefused, Issue
from importers.fields import FIELDS_BY_KIND, KINDS, Kind
from importers.mapping import ColumnMatch, header_signature
from importers.table import ParsedRow, ParsedTable, SkippedRow, read_table

__all__ = [
    "FIELDS_BY_KIND",
    "KINDS",
    "ColumnMatch",
    "ImportRefused",
    "Issue",
    "Kind",
    "ParsedRow",
    "ParsedTable",
    "SkippedRow",
    "header_signature",
    "read_table",
]
