"""A small, bounded reader of .xlsx workbooks (Office Open XML spreadsheets), for the report forms.

Called by source/report_forms.py on every file of data/reports/. Hand-written on the standard
library (zipfile, expat) because what the forms need is what libraries drop or do not bound: a
cell's number format (a 50 % cell holds 0.5), whether it holds a formula, merged cells, and limits
on time and memory for any file uploaded (a zip bomb, a sheet of a million rows stops at the
limit, it is not read to its end). XML is parsed by expat with every DOCTYPE refused, so no entity
is ever declared or expanded. Every failure is an XlsxError naming a messages.yml entry; nothing
here knows about the forms' columns. The archive and the order of its parts are read here, each
part by its handler in source/xlsx_parts.py.
"""

from __future__ import annotations

import functools
import io
import posixpath
import zipfile
import zlib
from collections.abc import Collection
from dataclasses import dataclass
from xml.parsers import expat

from pydantic import TypeAdapter, ValidationError

from pii_site.source.xlsx_parts import (
    ENCRYPTED_MARK,
    MAX_ENTRIES,
    MAX_FILE_BYTES,
    MAX_RATIO,
    MAX_UNPACKED_BYTES,
    OLE_SIGNATURE,
    RATIO_FLOOR,
    ZIP_SIGNATURE,
    Cell,
    Part,
    RelationsPart,
    SharedStrings,
    SheetPart,
    StylesPart,
    WorkbookPart,
    XlsxError,
)

__all__ = ["MAX_FILE_BYTES", "Cell", "Sheet", "Workbook", "XlsxError", "from_json", "read_workbook", "to_json"]
_CHUNK = 1 << 16


@dataclass(frozen=True)
class Sheet:
    name: str
    cells: tuple[Cell, ...]
    merged: tuple[tuple[int, int, int, int], ...]  # first row, first column, last row, last column (from 0)


@dataclass(frozen=True)
class Workbook:
    sheet_names: tuple[str, ...]
    date1904: bool  # dates count from 1904 (old Mac workbooks) instead of 1900
    sheets: tuple[Sheet, ...]  # the sheets asked for that the workbook has

    def sheet(self, name: str) -> Sheet | None:
        return next((sheet for sheet in self.sheets if sheet.name == name), None)


def read_workbook(data: bytes, wanted: Collection[str]) -> Workbook:
    """The sheets named in `wanted` of the workbook in `data` (the others are only named). Raises XlsxError."""
    if len(data) > MAX_FILE_BYTES:
        raise XlsxError("form_too_large", size=len(data), limit=MAX_FILE_BYTES)
    if data.startswith(OLE_SIGNATURE):
        raise XlsxError("form_encrypted" if ENCRYPTED_MARK in data else "form_old_excel")
    if not data.startswith(ZIP_SIGNATURE):
        raise XlsxError("form_not_a_workbook")
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
    except (zipfile.BadZipFile, zipfile.LargeZipFile, OSError, EOFError, ValueError, NotImplementedError) as error:
        raise XlsxError("form_damaged", detail=str(error) or type(error).__name__) from None
    with archive:
        parts = _checked_parts(archive)
        workbook_part = _office_document(archive, parts)
        workbook = WorkbookPart()
        _parse(archive, parts, workbook_part, workbook)
        relations = _relations(archive, parts, workbook_part)
        shared: list[str] = []
        formats: list[str] = []
        by_type = {kind: target for _, (kind, target) in relations.items()}
        if any(name in wanted for name, _ in workbook.sheets):
            if (strings_part := by_type.get("sharedStrings")) in parts:
                strings = SharedStrings()
                _parse(archive, parts, strings_part, strings)
                shared = strings.strings
            if (styles_part := by_type.get("styles")) in parts:
                styles = StylesPart()
                _parse(archive, parts, styles_part, styles)
                formats = styles.formats()
        sheets = []
        for name, relation in workbook.sheets:
            if name not in wanted:
                continue
            target = relations.get(relation, ("", ""))[1]
            if target not in parts:
                raise XlsxError("form_damaged", detail=f"sheet {name}: {target or relation} missing")
            handler = SheetPart(shared, formats)
            try:
                _parse(archive, parts, target, handler)
            except XlsxError as error:
                error.sheet = name
                raise
            sheets.append(Sheet(name, tuple(handler.cells), tuple(handler.merged)))
    return Workbook(tuple(name for name, _ in workbook.sheets), workbook.date1904, tuple(sheets))


def _checked_parts(archive: zipfile.ZipFile) -> dict[str, zipfile.ZipInfo]:
    """The archive's entries by name, once their count and unpacked size are known to be bounded.
    zipfile never unpacks an entry past the size its header declares, so these sums bound the work."""
    entries = archive.infolist()
    if len(entries) > MAX_ENTRIES:
        raise XlsxError("form_zip_bomb", detail=f"{len(entries)} entries, at most {MAX_ENTRIES}")
    unpacked = sum(entry.file_size for entry in entries)
    packed = sum(entry.compress_size for entry in entries)
    if unpacked > MAX_UNPACKED_BYTES or (unpacked > RATIO_FLOOR and unpacked > MAX_RATIO * max(packed, 1)):
        raise XlsxError("form_zip_bomb", detail=f"{packed:,} bytes unpack to {unpacked:,}")
    return {entry.filename: entry for entry in entries}


def _office_document(archive: zipfile.ZipFile, parts: dict[str, zipfile.ZipInfo]) -> str:
    """The workbook part (xl/workbook.xml in practice) the package's root relationships point to."""
    if "mimetype" in parts and "content.xml" in parts:
        raise XlsxError("form_opendocument")  # an .ods (or .odt) renamed to .xlsx
    root = RelationsPart()
    if "_rels/.rels" in parts:
        _parse(archive, parts, "_rels/.rels", root)
    target = next((_resolve("", t) for _, kind, t in root.relations if kind == "officeDocument"), None)
    if target is None or target not in parts:
        raise XlsxError("form_not_a_workbook")
    if not target.startswith("xl/") and not target.endswith("workbook.xml"):
        raise XlsxError("form_not_a_workbook")  # a Word or PowerPoint file renamed to .xlsx
    return target


def _relations(archive: zipfile.ZipFile, parts: dict[str, zipfile.ZipInfo], part: str) -> dict[str, tuple[str, str]]:
    """The relationships of `part`: id -> (type, e.g. "worksheet", the target part's name)."""
    folder, name = posixpath.split(part)
    rels = posixpath.join(folder, "_rels", f"{name}.rels")
    handler = RelationsPart()
    if rels in parts:
        _parse(archive, parts, rels, handler)
    return {ident: (kind, _resolve(folder, target)) for ident, kind, target in handler.relations}


def _resolve(folder: str, target: str) -> str:
    if target.startswith("/"):
        return posixpath.normpath(target.lstrip("/"))
    return posixpath.normpath(posixpath.join(folder, target))


def _parse(archive: zipfile.ZipFile, parts: dict[str, zipfile.ZipInfo], name: str, handler: Part) -> None:
    """Feed one part to `handler` through expat, a chunk at a time: a handler that reaches a limit raises
    XlsxError and the rest of the part is never unpacked."""
    parser = expat.ParserCreate(namespace_separator=" ")
    parser.SetParamEntityParsing(expat.XML_PARAM_ENTITY_PARSING_NEVER)
    parser.StartDoctypeDeclHandler = _refuse_doctype
    parser.EntityDeclHandler = _refuse_doctype
    parser.StartElementHandler = handler.start
    parser.EndElementHandler = handler.end
    parser.CharacterDataHandler = handler.text
    parser.buffer_text = True
    try:
        with archive.open(parts[name]) as stream:
            while chunk := stream.read(_CHUNK):
                parser.Parse(chunk, False)
        parser.Parse(b"", True)
    except expat.ExpatError as error:
        raise XlsxError("form_damaged", detail=f"{name}: {expat.errors.messages[error.code]}") from None
    except (zipfile.BadZipFile, zlib.error, OSError, EOFError, NotImplementedError, RuntimeError) as error:
        # RuntimeError: an entry encrypted with a zip password; NotImplementedError: an unknown compression.
        raise XlsxError("form_damaged", detail=f"{name}: {error}") from None


def _refuse_doctype(*_: object) -> None:
    raise XlsxError("form_damaged", detail="DOCTYPE")


@functools.cache
def _adapter() -> TypeAdapter[Workbook]:
    return TypeAdapter(Workbook)


def to_json(workbook: Workbook) -> bytes:
    """What a build keeps of a workbook read, for the next build (pii_site.source.build_cache)."""
    return _adapter().dump_json(workbook)


def from_json(content: bytes) -> Workbook | None:
    """A workbook kept by to_json, or None when `content` is anything else: a cache entry is data,
    read as strictly as the file it stands for."""
    try:
        return _adapter().validate_json(content, strict=True)
    except (ValidationError, ValueError):
        return None
