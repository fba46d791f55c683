"""The parts of an .xlsx workbook as the bounded reader (source/xlsx_reader.py) reads them: one expat
handler per kind of part (relationships, the workbook, shared texts, styles, a sheet), the limits
each enforces as it reads (rows, columns, cells, texts), the cells they make, and what a number
format says about a number (a date? a percentage?).

Elements and attributes are compared by their local name, so the transitional and the strict
flavours of the format read alike. A handler that reaches a limit raises XlsxError, which stops
expat where it is: the rest of the part is never unpacked.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any, Literal

from pii_site.source.schema.base import TEXT_LIMIT

# The limits: far above a form of a few dozen tasks (about 10 KB, 20 entries, 200 KB unpacked), far
# below what would slow a build; each is checked before the work it bounds (the archive's by
# xlsx_reader, the rest here as the parts are read).
MAX_FILE_BYTES = 10_000_000
MAX_ENTRIES = 500
MAX_UNPACKED_BYTES = 100_000_000
MAX_RATIO = 100  # unpacked / packed, over the whole archive, once it unpacks to more than RATIO_FLOOR
RATIO_FLOOR = 2_000_000
MAX_ROWS = 2_000  # a cell with content below this row stops the reading
MAX_COLUMNS = 64  # likewise right of column BL
MAX_ELEMENTS = 200_000  # rows and cells of one sheet, empty ones included (formatted but empty rows)
MAX_SHARED_STRINGS = 100_000
# A text is kept up to one character over the data's own limit, so the caller can say it is too long.
MAX_TEXT = TEXT_LIMIT

OLE_SIGNATURE = b"\xd0\xcf\x11\xe0"  # .xls, and any workbook saved with a password (an encrypted package)
ENCRYPTED_MARK = "EncryptedPackage".encode("utf-16-le")  # the stream name of a password-protected .xlsx
ZIP_SIGNATURE = b"PK\x03\x04"

CellKind = Literal["number", "text", "bool", "error", "date"]


class XlsxError(Exception):
    """Why a workbook cannot be read: a messages.yml entry, its values, and the sheet and cell when
    there is one."""

    def __init__(self, key: str, cell: str | None = None, **values: Any) -> None:
        super().__init__(key)
        self.key, self.cell, self.values = key, cell, values
        self.sheet: str | None = None


@dataclass(frozen=True)
class Cell:
    row: int  # from 0
    column: int  # from 0
    kind: CellKind  # "date": an ISO date written as such (t="d"); dates are mostly numbers with a date format
    value: str  # the text, or the number as the file writes it
    number_format: str  # the format code, e.g. "General", "0%", "dd/mm/yyyy"
    formula: str | None  # its formula (without "="; "" for a copy of a shared one), None when it has none


def _local(name: str) -> str:
    """'http://…/main c' -> 'c': elements and attributes compared without their namespace, so the
    transitional and the strict flavours of the format (Excel's "Strict Open XML") read alike."""
    return name.rpartition(" ")[2]


def _attributes(attrs: dict[str, str]) -> dict[str, str]:
    return {_local(key): value for key, value in attrs.items()}


class Part:
    def start(self, name: str, attrs: dict[str, str]) -> None: ...

    def end(self, name: str) -> None: ...

    def text(self, data: str) -> None: ...


class RelationsPart(Part):
    def __init__(self) -> None:
        self.relations: list[tuple[str, str, str]] = []  # id, type (its last word), target

    def start(self, name: str, attrs: dict[str, str]) -> None:
        if _local(name) == "Relationship":
            a = _attributes(attrs)
            if a.get("TargetMode") != "External":
                kind = a.get("Type", "").rpartition("/")[2]
                self.relations.append((a.get("Id", ""), kind, a.get("Target", "")))


class WorkbookPart(Part):
    def __init__(self) -> None:
        self.sheets: list[tuple[str, str]] = []  # name, relationship id
        self.date1904 = False

    def start(self, name: str, attrs: dict[str, str]) -> None:
        local = _local(name)
        if local == "sheet":
            a = _attributes(attrs)
            self.sheets.append((a.get("name", ""), a.get("id", "")))
            if len(self.sheets) > MAX_ENTRIES:
                raise XlsxError("form_zip_bomb", detail=f"more than {MAX_ENTRIES} sheets")
        elif local == "workbookPr":
            self.date1904 = _attributes(attrs).get("date1904", "").lower() in ("1", "true")


class TextCollector(Part):
    """Collects the text of <t> elements, skipping phonetic runs (<rPh>), each text bounded."""

    def __init__(self) -> None:
        self.pieces: list[str] | None = None
        self.length = 0
        self.phonetic = 0

    def collect(self) -> None:
        self.pieces, self.length = [], 0

    def text(self, data: str) -> None:
        if self.pieces is not None and not self.phonetic and self.length <= MAX_TEXT:
            self.pieces.append(data[: MAX_TEXT + 1 - self.length])
            self.length += len(self.pieces[-1])

    def collected(self) -> str:
        text = "".join(self.pieces or ())
        self.pieces = None
        return text


class SharedStrings(TextCollector):
    def __init__(self) -> None:
        super().__init__()
        self.strings: list[str] = []
        self.current: list[str] | None = None

    def start(self, name: str, attrs: dict[str, str]) -> None:
        local = _local(name)
        if local == "si":
            self.current = []
            if len(self.strings) >= MAX_SHARED_STRINGS:
                raise XlsxError("form_zip_bomb", detail=f"more than {MAX_SHARED_STRINGS:,} texts")
        elif local == "rPh":
            self.phonetic += 1
        elif local == "t" and self.current is not None:
            self.collect()

    def end(self, name: str) -> None:
        local = _local(name)
        if local == "t" and self.current is not None and self.pieces is not None:
            self.current.append(self.collected())
        elif local == "rPh":
            self.phonetic -= 1
        elif local == "si" and self.current is not None:
            self.strings.append("".join(self.current)[: MAX_TEXT + 1])
            self.current = None


# ECMA-376 §18.8.30: formats a workbook names by number only. 27–36 and 50–58 are dates in East
# Asian locales; 45–47 are durations, not dates.
_BUILTIN_FORMATS = {
    0: "General", 1: "0", 2: "0.00", 3: "#,##0", 4: "#,##0.00", 9: "0%", 10: "0.00%", 11: "0.00E+00",
    12: "# ?/?", 13: "# ??/??", 14: "mm-dd-yy", 15: "d-mmm-yy", 16: "d-mmm", 17: "mmm-yy", 18: "h:mm AM/PM",
    19: "h:mm:ss AM/PM", 20: "h:mm", 21: "h:mm:ss", 22: "m/d/yy h:mm", 37: "#,##0 ;(#,##0)",
    38: "#,##0 ;[Red](#,##0)", 39: "#,##0.00;(#,##0.00)", 40: "#,##0.00;[Red](#,##0.00)", 45: "mm:ss",
    46: "[h]:mm:ss", 47: "mmss.0", 48: "##0.0E+0", 49: "@",
    **dict.fromkeys((*range(27, 37), *range(50, 59)), "yyyy-mm-dd"),
}  # fmt: skip


class StylesPart(Part):
    def __init__(self) -> None:
        self.custom: dict[int, str] = {}
        self.cell_formats: list[int] = []
        self.in_cell_xfs = False

    def start(self, name: str, attrs: dict[str, str]) -> None:
        local = _local(name)
        if local == "numFmt":
            a = _attributes(attrs)
            self.custom[_number(a.get("numFmtId"))] = a.get("formatCode", "")[:200]
        elif local == "cellXfs":
            self.in_cell_xfs = True
        elif local == "xf" and self.in_cell_xfs:
            self.cell_formats.append(_number(_attributes(attrs).get("numFmtId")))
            if len(self.cell_formats) > MAX_SHARED_STRINGS:
                raise XlsxError("form_zip_bomb", detail="too many cell styles")

    def end(self, name: str) -> None:
        if _local(name) == "cellXfs":
            self.in_cell_xfs = False

    def formats(self) -> list[str]:
        return [self.custom.get(number, _BUILTIN_FORMATS.get(number, "General")) for number in self.cell_formats]


def _number(text: str | None) -> int:
    try:
        return int(text or 0)
    except ValueError:
        raise XlsxError("form_damaged", detail=f"not a number: {(text or '')[:20]!r}") from None


_CELL_NAME = re.compile(r"\$?([A-Z]{1,3})\$?([0-9]{1,7})")


def parse_cell_name(name: str) -> tuple[int, int]:
    """'E7' -> (6, 4): row and column from 0."""
    match = _CELL_NAME.fullmatch(name.strip().upper())
    if not match:
        raise XlsxError("form_damaged", detail=f"not a cell: {name[:20]!r}")
    column = 0
    for letter in match[1]:
        column = column * 26 + ord(letter) - ord("A") + 1
    return int(match[2]) - 1, column - 1


_KINDS: dict[str, CellKind] = {"s": "text", "inlineStr": "text", "str": "text", "b": "bool", "e": "error", "d": "date"}


class SheetPart(TextCollector):
    def __init__(self, shared: list[str], formats: list[str]) -> None:
        super().__init__()
        self.shared, self.formats = shared, formats
        self.cells: list[Cell] = []
        self.merged: list[tuple[int, int, int, int]] = []
        self.row, self.next_column, self.elements = -1, 0, 0
        self.cell: dict[str, Any] | None = None

    def _count(self) -> None:
        self.elements += 1
        if self.elements > MAX_ELEMENTS:
            raise XlsxError("form_too_many_rows", limit=MAX_ROWS)

    def start(self, name: str, attrs: dict[str, str]) -> None:
        local = _local(name)
        if local == "row":
            self._count()
            number = _attributes(attrs).get("r")
            self.row = _number(number) - 1 if number else self.row + 1
            self.next_column = 0
        elif local == "c":
            self._count()
            a = _attributes(attrs)
            row, column = parse_cell_name(a["r"]) if a.get("r") else (self.row, self.next_column)
            self.next_column = column + 1
            self.cell = {"row": row, "column": column, "type": a.get("t", "n"), "style": a.get("s")}
            self.cell.update(value=None, formula=None)
        elif self.cell is not None and local in ("v", "t", "f"):
            self.collect()
        elif local == "rPh":
            self.phonetic += 1
        elif local == "mergeCell":
            first, _, last = _attributes(attrs).get("ref", "").partition(":")
            (row1, column1), (row2, column2) = parse_cell_name(first), parse_cell_name(last or first)
            self.merged.append((min(row1, row2), min(column1, column2), max(row1, row2), max(column1, column2)))
            if len(self.merged) > MAX_ELEMENTS:
                raise XlsxError("form_too_many_rows", limit=MAX_ROWS)

    def end(self, name: str) -> None:
        local = _local(name)
        if self.cell is not None and local in ("v", "t") and self.pieces is not None:
            self.cell["value"] = (self.cell["value"] or "") + self.collected()
        elif self.cell is not None and local == "f" and self.pieces is not None:
            self.cell["formula"] = self.collected()
        elif local == "rPh":
            self.phonetic -= 1
        elif local == "c" and self.cell is not None:
            if self.cell["value"] is not None or self.cell["formula"] is not None:
                self.cells.append(self._made(self.cell))
            self.cell = None

    def _made(self, cell: dict[str, Any]) -> Cell:
        row, column = cell["row"], cell["column"]
        where = f"{column_name(column)}{row + 1}"
        if row >= MAX_ROWS:
            raise XlsxError("form_too_many_rows", cell=where, limit=MAX_ROWS)
        if column >= MAX_COLUMNS:
            raise XlsxError("form_too_many_columns", cell=where, limit=column_name(MAX_COLUMNS - 1))
        kind: CellKind = _KINDS.get(cell["type"], "number")
        value = cell["value"] or ""
        if cell["type"] == "s":
            index = _number(value)
            if not 0 <= index < len(self.shared):
                raise XlsxError("form_damaged", detail=f"{where}: text {index} missing")
            value = self.shared[index]
        elif kind == "number" and value:
            try:
                float(value)
            except ValueError:
                raise XlsxError("form_damaged", detail=f"{where}: not a number: {value[:20]!r}") from None
        style = _number(cell["style"]) if cell["style"] else 0
        number_format = self.formats[style] if 0 <= style < len(self.formats) else "General"
        return Cell(row, column, kind, value, number_format, cell["formula"])


def column_name(index: int) -> str:
    """0 -> 'A', 25 -> 'Z', 26 -> 'AA'."""
    letters = ""
    index += 1
    while index:
        index, remainder = divmod(index - 1, 26)
        letters = chr(ord("A") + remainder) + letters
    return letters


# A format code's first section with what does not decide its kind taken out: quoted text ("Ngày "),
# escaped characters (\-), locale and colour tags ([$-42A], [Red]), spacing and fill (_( and *x).
_FORMAT_NOISE = re.compile(r'"[^"]*"|\\.|\[[^\]]*\]|_.|\*.')


def _format_core(code: str) -> str:
    return _FORMAT_NOISE.sub("", code.split(";", 1)[0]).lower()


def is_percent_format(code: str) -> bool:
    return "%" in _format_core(code)


def is_date_format(code: str) -> bool:
    """Whether numbers in this format show as a date: it has a day or a year, or a month without hours
    and seconds ("h:mm" and "mm:ss" use m for minutes)."""
    core = _format_core(code)
    if core == "general":
        return False
    return "d" in core or "y" in core or ("m" in core and "h" not in core and "s" not in core)
