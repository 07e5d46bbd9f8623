"""Reading an uploaded file into a frame of text cells: format and encoding detection, the header row
(even under a title row), header names in Chinese or English, trimming and full-width normalisation,
and the converters for numbers, dates, months, quarters, school years and yes/no."""
from __future__ import annotations

import csv
import datetime as dt
import io
import re
from collections.abc import Iterator
from dataclasses import dataclass

import numpy as np
import pandas as pd

from dashboard.importing.templates import Template

XLSX_MAGIC = b"PK\x03\x04"
XLS_MAGIC = b"\xd0\xcf\x11\xe0"
BOM = b"\xef\xbb\xbf"
HEADER_SEARCH_ROWS = 15
HEAD_CHARS = 200_000  # the header is looked for in the first rows of this many characters
LARGE_CSV_CHARS = 1_000_000  # larger CSV files without blank lines go through Arrow's parser
IGNORED_HEADERS = {"序号", "备注", "no", "no.", "note", "notes"}

# Full-width ASCII (U+FF01..U+FF5E, including the Chinese semicolon and brackets) and the ideographic
# space map to their half-width forms.
_HALF = {code: code - 0xFEE0 for code in range(0xFF01, 0xFF5F)}
_HALF[0x3000] = 0x20
_FULL_WIDTH = "[\uff01-\uff5e\u3000]"


class ReadError(Exception):
    """The file cannot be read as a table; message_key and params name the reason for the report."""

    def __init__(self, message_key: str, **params):
        super().__init__(message_key)
        self.message_key, self.params = message_key, params


@dataclass
class RawTable:
    frame: pd.DataFrame  # text cells, columns renamed to the template's English names
    rows: pd.Series  # the spreadsheet row number of each frame row (1-based, as Excel shows it)
    file_format: str  # 'csv' or 'xlsx'
    encoding: str | None
    header_problems: list  # (message_key, params) about the header row


def to_halfwidth(text: str) -> str:
    """Full-width digits, letters and punctuation as their ordinary forms."""
    return text.translate(_HALF)


def normalise_cells(series: pd.Series) -> pd.Series:
    """Trimmed text, full-width characters converted (only where a cell holds any)."""
    series = series.astype("str").str.strip()
    if series.str.contains(_FULL_WIDTH, regex=True).any():
        series = series.map(to_halfwidth).str.strip()
    return series


def as_categories(series: pd.Series) -> pd.Series:
    """A column of text as categories, each distinct value normalised once (a file of a million rows
    holds a few hundred distinct months, codes and counts). Missing cells count as blank."""
    if isinstance(series.dtype, pd.CategoricalDtype):
        codes, uniques = series.cat.codes.to_numpy(), series.cat.categories.astype("str")
        if (codes < 0).any():
            codes = np.where(codes < 0, len(uniques), codes)
            uniques = uniques.append(pd.Index([""], dtype="str"))
    else:
        codes, uniques = pd.factorize(series.fillna("").astype("str"))
    normalised = normalise_cells(pd.Series(uniques, dtype="str"))
    final_codes, categories = pd.factorize(normalised)
    return pd.Series(pd.Categorical.from_codes(final_codes[codes], categories=categories), index=series.index)


def by_category(series: pd.Series, convert) -> pd.Series:
    """Apply a Series -> Series converter to each distinct value of a categorical column only. Text
    results stay categorical (a million rows share a few hundred values); numbers, dates and yes/no
    come back as plain columns."""
    if not isinstance(series.dtype, pd.CategoricalDtype):
        return convert(series)
    codes = series.cat.codes.to_numpy()
    converted = convert(pd.Series(series.cat.categories, dtype="str"))
    if converted.dtype == object and converted.map(lambda v: isinstance(v, str), na_action="ignore").all() \
            or isinstance(converted.dtype, pd.StringDtype):
        final_codes, categories = pd.factorize(converted.array)  # missing values get code -1
        return pd.Series(pd.Categorical.from_codes(final_codes[codes], categories=pd.Index(categories, dtype="str")),
                         index=series.index)
    if converted.dtype == object:  # dates: kept as objects (pandas would read an all-blank column as datetimes)
        return pd.Series(converted.to_numpy()[codes], index=series.index, dtype=object)
    return pd.Series(converted.array.take(codes), index=series.index)


def _parse_csv(text: str | None, data: bytes, delimiter: str, skip: int, width: int) -> pd.DataFrame:
    """The rows below the header as text (`data` is the same text as UTF-8 bytes; `text` None when it
    is known to be large and without blank lines). Large files without blank lines go through Arrow's
    parser (multi-threaded, each column read straight into categories); others through pandas, which
    keeps blank lines so row numbers stay exact."""
    names = [str(i) for i in range(width)]
    if text is None or len(text) > LARGE_CSV_CHARS and "\n\n" not in text and "\r\n\r\n" not in text:
        import pyarrow as pa
        import pyarrow.csv as pacsv
        cell = pa.dictionary(pa.int32(), pa.string())
        try:
            table = pacsv.read_csv(
                io.BytesIO(data),
                read_options=pacsv.ReadOptions(skip_rows=skip, column_names=names, block_size=1 << 24),
                parse_options=pacsv.ParseOptions(delimiter=delimiter),
                convert_options=pacsv.ConvertOptions(column_types={n: cell for n in names},
                                                     strings_can_be_null=False, quoted_strings_can_be_null=False))
        except pa.ArrowInvalid as error:
            raise ReadError("read.bad_csv", detail=str(error).splitlines()[0][:200]) from None
        frame = table.to_pandas()
        frame.columns = range(width)
        return frame
    try:
        return pd.read_csv(io.StringIO(text), sep=delimiter, skiprows=skip, header=None, names=range(width),
                           dtype="str", keep_default_na=False, skip_blank_lines=False, index_col=False,
                           on_bad_lines="error")
    except (pd.errors.ParserError, ValueError) as error:
        raise ReadError("read.bad_csv", detail=str(error)[:200]) from None


def _header_key(text) -> str:
    return re.sub(r"\s+", "", to_halfwidth(str(text))).lower()


def read_table(content: bytes, template: Template, sheet: str | None = None) -> RawTable:
    """The file's rows as text under the template's column names; raises ReadError."""
    if content.startswith(XLS_MAGIC):
        raise ReadError("read.xls_unsupported")
    if content.startswith(XLSX_MAGIC):
        grid, encoding, file_format = _xlsx_rows(content, sheet), None, "xlsx"
        header_at = _find_header(grid[:HEADER_SEARCH_ROWS], template)
        frame = pd.DataFrame(grid[header_at + 1:], dtype="str")
        headers = grid[header_at]
        frame = frame.reindex(columns=range(len(headers))).fillna("")
    else:
        file_format = "csv"
        large = _large_utf8(content)
        if large is not None:
            data, encoding, head = large
            text = None
        else:
            text, encoding = decode(content)
            data = content[3:] if encoding == "utf-8-sig" else content if encoding == "utf-8" else None
            head = text[:HEAD_CHARS]
        delimiter, header_at, headers = _csv_header(head, template)
        frame = _parse_csv(text, data if data is not None else text.encode("utf-8"), delimiter,
                           header_at + 1, len(headers))
    return _raw_table(frame, headers, template, header_at + 2, file_format, encoding)


def _raw_table(frame: pd.DataFrame, headers: list, template: Template, first_row: int, file_format: str,
               encoding: str | None) -> RawTable:
    """Parsed rows under their headers as a RawTable: cells as categories, blank rows left out, each
    row's spreadsheet number counted from `first_row`, the columns named after the template."""
    frame.columns = list(range(frame.shape[1]))
    frame = pd.DataFrame({column: as_categories(frame[column]) for column in frame.columns}, index=frame.index)
    rows = pd.Series(frame.index + first_row, index=frame.index)
    keep = (frame != "").any(axis=1)
    if not keep.all():
        frame, rows = frame[keep], rows[keep]
    frame, problems = _name_columns(frame, headers, template)
    return RawTable(frame.reset_index(drop=True), rows.reset_index(drop=True), file_format, encoding,
                    problems)


def large_csv_chunks(content: bytes, template: Template,
                     chunk_bytes: int) -> tuple[str, Iterator[tuple[RawTable, float]]] | None:
    """A large CSV file (valid UTF-8 without blank lines, as _large_utf8 finds it) whose header names
    the template's columns without a problem, as RawTables of about `chunk_bytes` each, in file order,
    with the rows, cells and row numbers read_table gives the whole file, each with the share of the
    file read so far; and its encoding. None for any other file, which is read whole (so that its
    problems are reported as read_table finds them). The chunks are parsed as they are asked for, so a
    caller can use each while the next is read."""
    if content.startswith((XLS_MAGIC, XLSX_MAGIC)):
        return None
    large = _large_utf8(content)
    if large is None:
        return None
    data, encoding, head = large
    if head.count("\r") != head.count("\r\n"):  # a line ended by a lone CR: cut by lines as Arrow does
        return None
    try:
        delimiter, header_at, headers = _csv_header(head, template)
    except ReadError:
        return None
    if any(_header_key(header) == "" for header in headers):  # named or not by whether its column is blank
        return None
    if _name_columns(pd.DataFrame(columns=range(len(headers)), dtype="str"), headers, template)[1]:
        return None
    start = 0
    for _ in range(header_at + 1):
        start = data.find(b"\n", start) + 1
        if start == 0:  # the header is the last line
            return None

    def chunks() -> Iterator[tuple[RawTable, float]]:
        position, first_row = start, header_at + 2
        while position < len(data):
            end = min(position + chunk_bytes, len(data))
            line_end = data.find(b"\n", end - 1)
            end = len(data) if line_end < 0 else line_end + 1
            frame = _parse_csv(None, data[position:end], delimiter, 0, len(headers))
            position, rows = end, len(frame)
            yield _raw_table(frame, headers, template, first_row, "csv", encoding), end / len(data)
            first_row += rows
    return encoding, chunks()


def _csv_header(head: str, template: Template) -> tuple[str, int, list[str]]:
    """A CSV file's delimiter (tab when the first line has tabs and no comma), the index of its header
    line among its first lines, and the header's cells; raises ReadError when none names the columns."""
    first_lines = head.splitlines()[:HEADER_SEARCH_ROWS]
    delimiter = "\t" if first_lines and "\t" in first_lines[0] and "," not in first_lines[0] else ","
    grid = list(csv.reader(first_lines, delimiter=delimiter))
    header_at = _find_header(grid, template)
    return delimiter, header_at, grid[header_at]


def _large_utf8(content: bytes) -> tuple[bytes, str, str] | None:
    """For a file of more than LARGE_CSV_CHARS characters of valid UTF-8 without blank lines: its bytes
    after any BOM, its encoding and its first HEAD_CHARS characters, as decode() and _parse_csv() would
    find them, without decoding all of it (Arrow checks the whole file in a few milliseconds);
    None for any other file."""
    import pyarrow as pa
    import pyarrow.compute as pc
    encoding = "utf-8-sig" if content.startswith(BOM) else "utf-8"
    data = content[len(BOM):] if encoding == "utf-8-sig" else content
    if len(data) <= 4 * LARGE_CSV_CHARS + 3:  # UTF-8 takes at most 4 bytes a character
        return None
    whole = pa.Array.from_buffers(pa.large_binary(), 1, [None, pa.py_buffer(np.array([0, len(data)], np.int64)),
                                                         pa.py_buffer(data)])
    if any(pc.match_substring_regex(whole, blank)[0].as_py() for blank in (r"\n\n", r"\r\n\r\n")):
        return None  # (two searches: RE2 takes seven times as long over one pattern with both)
    try:
        whole.cast(pa.large_string())
    except pa.ArrowInvalid:  # not UTF-8
        return None
    # Valid UTF-8 throughout, so only a character cut at the end of the slice can fail to decode.
    return data, encoding, data[:4 * HEAD_CHARS + 8].decode("utf-8", errors="ignore")[:HEAD_CHARS]


def decode(content: bytes) -> tuple[str, str]:
    """Text of a CSV file and its encoding: UTF-8 (with or without BOM), else GB18030 (covers GBK)."""
    if content.startswith(BOM):
        return content[len(BOM):].decode("utf-8"), "utf-8-sig"
    try:
        return content.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    try:
        return content.decode("gb18030"), "gb18030"
    except UnicodeDecodeError:
        raise ReadError("read.encoding") from None


def _xlsx_rows(content: bytes, sheet: str | None) -> list[list[str]]:
    from openpyxl import load_workbook
    try:
        book = load_workbook(io.BytesIO(content), read_only=True, data_only=True)
    except Exception:  # a damaged or disguised file: openpyxl raises many kinds
        raise ReadError("read.bad_xlsx") from None
    if sheet:
        if sheet not in book.sheetnames:
            raise ReadError("read.no_sheet", sheet=sheet, sheets=list(book.sheetnames))
        worksheet = book[sheet]
    else:
        worksheet = book.worksheets[0]
    grid = [[_cell_text(value) for value in row] for row in worksheet.iter_rows(values_only=True)]
    book.close()
    return grid


def _cell_text(value) -> str:
    if value is None:
        return ""
    if isinstance(value, dt.datetime):
        return value.date().isoformat() if value.time() == dt.time() else value.isoformat(sep=" ")
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, bool):
        return "是" if value else "否"
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


def _find_header(grid: list[list], template: Template) -> int:
    """Index of the first row naming at least half of the template's columns."""
    known = _aliases(template)
    need = max(2, len(template.columns) // 2)
    for index, row in enumerate(grid):
        if sum(_header_key(cell) in known for cell in row) >= need:
            return index
    raise ReadError("read.no_header", expected=[c.name for c in template.columns])


def _aliases(template: Template) -> dict[str, str]:
    names = {}
    for column in template.columns:
        names[_header_key(column.zh)] = column.name
        names[_header_key(column.name)] = column.name
    return names


def _name_columns(frame: pd.DataFrame, headers: list, template: Template):
    aliases = _aliases(template)
    problems, renamed, seen = [], {}, set()
    for position, header in enumerate(headers):
        key = _header_key(header)
        if key == "" and (frame[position] == "").all():
            continue
        if key in IGNORED_HEADERS:
            continue
        name = aliases.get(key)
        if name is None:
            problems.append(("header.unknown", {"header": str(header)}))
        elif name in seen:
            problems.append(("header.duplicate", {"header": str(header)}))
        else:
            seen.add(name)
            renamed[position] = name
    for column in template.columns:
        if column.name not in seen and column.required:
            problems.append(("header.missing", {"header": column.zh}))
    frame = frame[list(renamed)].rename(columns=renamed)
    for column in template.columns:  # optional columns left out of the file are blank
        if column.name not in frame.columns:
            frame[column.name] = ""
    return frame[[c.name for c in template.columns]], problems


# ---- converters: text Series -> typed Series (NA where blank or unreadable) ----------------------
_DATE = r"^(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?(?:\s+00:00(?::00)?)?$"
_MONTH = r"^(\d{4})\s*[-/.年]\s*(\d{1,2})\s*月?(?:\s*[-/.]\s*0?1\s*日?)?$"
# 2024-Q2, 2024Q2, 2024 Q2, 2024年第二季度, 2024年第2季度, 2024年二季度
_QUARTER = r"^(\d{4})\s*(?:[-/.]?\s*[Qq]\s*([1-4])|年?\s*第?\s*([1-4一二三四])\s*季度?)$"
_QUARTER_NUMBERS = {"1": "1", "2": "2", "3": "3", "4": "4", "一": "1", "二": "2", "三": "3", "四": "4"}
_YEAR = r"^(\d{4})(?:\s*[-/—~至]\s*\d{2,4})?\s*(?:学年|年)?$"
TRUE_WORDS = {"是", "y", "yes", "true", "1", "√"}
FALSE_WORDS = {"否", "n", "no", "false", "0", "×"}


def to_number(series: pd.Series) -> pd.Series:
    """Numbers, with thousands separators allowed; NA where blank or not a number."""
    return pd.to_numeric(series.str.replace(",", "", regex=False), errors="coerce").astype("float64")


def to_date(series: pd.Series) -> pd.Series:
    """Dates written 2024-05-13, 2024/5/13 or 2024年5月13日 (also 2024.5.13); None when not a date."""
    parts = series.str.extract(_DATE)
    text = parts[0] + "-" + parts[1].str.zfill(2) + "-" + parts[2].str.zfill(2)
    stamps = pd.to_datetime(text, format="%Y-%m-%d", errors="coerce")
    dates = [None if pd.isna(stamp) else stamp.date() for stamp in stamps]
    return pd.Series(dates, index=series.index, dtype=object)  # objects even when every cell is blank


def to_month(series: pd.Series) -> pd.Series:
    """Months as 'YYYY-MM' from 2024-05, 2024/5, 2024年5月 (or the first day of the month)."""
    parts = series.str.extract(_MONTH)
    month = pd.to_numeric(parts[1], errors="coerce")
    text = parts[0] + "-" + parts[1].str.zfill(2)
    return text.where(month.between(1, 12))


def to_quarter(series: pd.Series) -> pd.Series:
    """Quarters as 'YYYY-Qn' from 2024-Q2, 2024Q2, 2024年第二季度 or 2024年第2季度."""
    parts = series.str.extract(_QUARTER)
    number = parts[1].fillna(parts[2]).map(_QUARTER_NUMBERS)
    return (parts[0] + "-Q" + number).where(number.notna())


def to_year(series: pd.Series) -> pd.Series:
    """School years as their starting calendar year, from 2023, 2023-2024 or 2023学年."""
    return pd.to_numeric(series.str.extract(_YEAR)[0], errors="coerce").astype("float64")


def to_bool(series: pd.Series) -> pd.Series:
    """是/否, Y/N, yes/no, true/false, 1/0; NA otherwise."""
    lowered = series.str.lower()
    result = pd.Series(pd.NA, index=series.index, dtype="boolean")
    result[lowered.isin(TRUE_WORDS)] = True
    result[lowered.isin(FALSE_WORDS)] = False
    return result
