"""Read articles from text, JSON, JSON Lines (optionally gzipped) files and directories.

Each article becomes a frozen :class:`Article` whose ``text`` is the exact string the extractors
read, so character offsets into it stay faithful to the input: a plain-text file only loses a UTF-8
BOM and its title line, and has ``"\\r\\n"`` turned into ``"\\n"``; JSON text is kept as given. Bad
input becomes an :class:`~kg.errors.ArticleError` naming the file (and line) and saying what to do.
"""

from __future__ import annotations

import datetime as dt
import gzip
import hashlib
import io
import json
import logging
import os
import re
import zlib
from collections.abc import Callable, Generator, Iterator
from pathlib import Path
from typing import Any, NamedTuple

from pydantic import BaseModel, ConfigDict, ValidationError, field_validator

from kg.errors import ArticleError

__all__ = [
    "MAX_ARTICLE_CHARS",
    "MAX_FILE_BYTES",
    "MAX_LINE_BYTES",
    "Article",
    "ArticleError",
    "article_from_record",
    "read_articles",
    "read_text_article",
]

logger = logging.getLogger(__name__)

MAX_FILE_BYTES = 50 * 1024 * 1024
"""Largest plain-text or JSON file, read whole (``.txt.gz`` is measured decompressed)."""
MAX_ARTICLE_CHARS = 1_000_000
"""Longest article ``text``, in characters."""
MAX_LINE_BYTES = 5 * 1024 * 1024
"""Longest JSON Lines line, in bytes."""
TITLE_MAX_CHARS = 300
"""A first line longer than this is a paragraph, not a title."""
SAFE_ID = re.compile(r"[A-Za-z0-9](?:[A-Za-z0-9._~:-]|%[0-9A-Fa-f]{2}){0,199}")
"""Ids become parts of IRIs, so they are refused, never rewritten, unless they match this."""

_ID_RULE = "up to 200 of A-Z a-z 0-9 . _ ~ : - and %XX escapes, starting with a letter or digit"
_SUFFIXES = {".txt": "text", ".text": "text", ".json": "json", ".jsonl": "jsonl", ".ndjson": "jsonl"}
_KNOWN = ".txt, .text, .json, .jsonl or .ndjson, optionally gzipped (.gz)"
_READ_ERRORS = (OSError, EOFError, zlib.error)  # gzip.BadGzipFile is an OSError
_SNIFF_BYTES = 8192
_LEAD_WORDS = 12
_BLANK_LINES = re.compile(r"(?:[^\S\n]*\n)*")


class Article(BaseModel):
    """One news article or official text.

    Attributes:
        id: Stable and safe in an IRI (see ``SAFE_ID``).
        title: The headline, if there is one.
        text: The body the extractors read; character offsets refer to this exact string.
        published: The publication date, from the record or else from a dateline with a year.
        source: Who published it, from the record or else from a dateline's "(Reuters)".
        url: Where it was published.
        dateline: The dateline as written, without its colon or dash ("BEIJING, Dec 30 (Reuters)").
        dateline_place: The dateline's place, title-cased if it was all caps ("Beijing").
        origin: The file it came from, plus ":LINE" for JSON Lines or "[INDEX]" for a JSON list.

    Raises:
        pydantic.ValidationError: On direct construction with an unsafe ``id`` or a blank ``text``
            (the readers raise :class:`ArticleError` instead).
    """

    model_config = ConfigDict(frozen=True, extra="forbid")

    id: str
    title: str | None = None
    text: str
    published: dt.date | None = None
    source: str | None = None
    url: str | None = None
    dateline: str | None = None
    dateline_place: str | None = None
    origin: str

    @field_validator("id")
    @classmethod
    def _safe_id(cls, value: str) -> str:
        if not SAFE_ID.fullmatch(value):
            raise ValueError(f"id {value[:60]!r} is not safe in an IRI; use {_ID_RULE}")
        return value

    @field_validator("text")
    @classmethod
    def _has_text(cls, value: str) -> str:
        if not value.strip():
            raise ValueError("article text is empty or only whitespace; add the text or drop the article")
        return value


class _Limits(NamedTuple):
    max_file_bytes: int
    max_article_chars: int
    max_line_bytes: int


class _Dateline(NamedTuple):
    dateline: str
    place: str
    published: dt.date | None
    source: str | None


# -- datelines ---------------------------------------------------------------------------------

_MONTHS = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"]
_MONTH = r"(?i:jan|feb|mar|apr|may|june?|july?|aug|sept?|oct|nov|dec)[a-z]*\.?"
_WORD = r"[A-Z][A-Za-z.'’-]*"
_DATELINE = re.compile(
    rf"""(?P<dateline>
    (?P<place>[A-Z][A-Za-z.'’-]+(?:[ ]{_WORD}){{0,3}})       # BEIJING, New York, ST. JOHN'S
    (?:,[ ]{_WORD}(?:[ ]{_WORD}){{0,2}})?                     # , Calif.   , Jamaica
    (?:,[ ](?:(?P<d1>\d{{1,2}})[ ](?P<m1>{_MONTH})(?:[ ](?P<y1>\d{{4}}))?
             |(?P<m2>{_MONTH})[ ](?P<d2>\d{{1,2}})(?:,?[ ](?P<y2>\d{{4}}))?))?
    (?:[ ]?\((?P<source>[A-Z][A-Za-z0-9 .&'-]{{0,40}})\))?   # (Reuters)
    )(?:[ ]*:(?=\s)|[ ]+-{{1,2}}(?=\s)|[ ]*[—–])""",
    re.VERBOSE,
)
# Words that mark a bare all-caps prefix ("EMBARGO:", "THE PRESIDENT:", "AP -", "WHO:") as a label,
# a credit or an organisation rather than a place; collected from the prefixes in the shared corpus.
_NOT_PLACES = frozenset(
    "AFP AGENCY AMBASSADOR ANALYSIS ANSWER AP ATTENTION BACKGROUND BIG BREAKING BY CDC CHAIRMAN "
    "CHANCELLOR COMMENT COMMISSIONER CORRECTION DEAR DR EDITORIAL EMBARGO EXCLUSIVE FACT FACTBOX FACTS "
    "FAST FLASH FROM GENERAL HER HIS HOAX HOST IAEA ICYMI IMF INTERVIEWER JOINT JOURNALIST LIVE MEDIA "
    "MINISTER MOFA MP MR MRS MS MYTH NATO NOTE OPINION PHOTO PREMIER PRESENTER PRESIDENT PRESS PRIME "
    "QUESTION READ READOUT REFILE RELEASE REPORTER REUTERS SECRETARY SENATOR SIR SPEAKER STATEMENT STORY "
    "SUBJECT SUMMARY TEL THE TO TOPIC TRANSCRIPT TRANSLATOR UNICEF UPDATE VIDEO WARNING WATCH WHO "
    "XINHUA".split()
)


def _parse_dateline(text: str) -> _Dateline | None:
    """Find a dateline at the very start of ``text`` (leading whitespace ignored), or None."""
    text = text.lstrip()
    match = _DATELINE.match(text)
    if match is None:
        return None
    place, day = match["place"], match["d1"] or match["d2"]
    if day is None and match["source"] is None and _is_label(place, text, match):
        return None
    published = _date(match["y1"] or match["y2"], match["m1"] or match["m2"], day)
    return _Dateline(match["dateline"], _place_name(place), published, match["source"])


def _is_label(place: str, text: str, match: re.Match[str]) -> bool:
    """Tell a bare "PLACE:" or "PLACE -" (no date, no source) from a heading or speaker label.

    A bare place must be all caps. The colon form is the ambiguous one, so it also needs a lead
    sentence after it on the same line (headlines such as "CNN: ..." are shorter) and must not recur
    as a speaker label further down.
    """
    words = place.replace(".", "").split()
    if not place.isupper() or _NOT_PLACES.intersection(words):
        return True
    if not match[0].endswith(":"):
        return False
    return (
        min(map(len, words)) < 3  # "PM:", "UN:", "UK PM:"
        or (len(words) > 1 and words[0].endswith("ING"))  # "PROVIDING REGULATORY RELIEF:"
        or len(text[match.end() :].split("\n", 1)[0].split()) < _LEAD_WORDS
        or re.search(rf"\n\s*{re.escape(place)}\s*:", text) is not None
    )


def _date(year: str | None, month: str | None, day: str | None) -> dt.date | None:
    if not (year and month and day):
        return None
    try:
        return dt.date(int(year), _MONTHS.index(month[:3].lower()) + 1, int(day))
    except ValueError:  # "31 February": keep the dateline, drop the date
        return None


def _place_name(place: str) -> str:
    """Title-case an all-caps place ("ST. JOHN'S" -> "St. John's"); keep any other as written."""
    if not place.isupper():
        return place
    return "".join(part[:1].upper() + part[1:].lower() for part in re.split(r"([ -])", place))


# -- building articles --------------------------------------------------------------------------


def read_text_article(
    text: str, *, origin: str, id: str | None = None, max_article_chars: int = MAX_ARTICLE_CHARS
) -> Article:
    """Parse a plain-text article from a string.

    The first non-blank line is the title unless it begins with a dateline, is the only line, or is
    longer than ``TITLE_MAX_CHARS``. ``text`` starts at the next non-blank line (or at the first
    non-blank line when there is no title) and runs to the end, dateline included.

    Args:
        text: The article, decoded; a leading BOM is dropped and ``"\\r\\n"`` becomes ``"\\n"``.
        origin: Where it came from, for errors and provenance.
        id: A safe id; by default ``"doc-"`` and the first 16 hex digits of the text's SHA-256.
        max_article_chars: Refuse longer texts.

    Returns:
        The article, with its dateline's place, date and source filled in.

    Raises:
        ArticleError: The text is blank or too long, or ``id`` is unsafe.

    Examples:
        >>> a = read_text_article("Talks in Paris\\n\\nPARIS (AFP) - Leaders met.", origin="x.txt")
        >>> a.title, a.dateline, a.dateline_place, a.source, a.text[:5]
        ('Talks in Paris', 'PARIS (AFP)', 'Paris', 'AFP', 'PARIS')
    """
    content = text.removeprefix("\ufeff").replace("\r\n", "\n")
    title, start = _split_title(content)
    return _build(origin, id=id, title=title, text=content[start:], max_article_chars=max_article_chars)


def _split_title(content: str) -> tuple[str | None, int]:
    """Return the title, if there is one, and where the text starts."""
    start = _skip_blank_lines(content, 0)
    end = content.find("\n", start)
    end = len(content) if end == -1 else end
    title, body = content[start:end].strip(), _skip_blank_lines(content, end)
    if body >= len(content) or len(title) > TITLE_MAX_CHARS or _parse_dateline(title):
        return None, start
    return title, body


def _skip_blank_lines(content: str, pos: int) -> int:
    match = _BLANK_LINES.match(content, pos)
    return match.end() if match else pos


def article_from_record(record: Any, *, origin: str, max_article_chars: int = MAX_ARTICLE_CHARS) -> Article:
    """Build an article from a JSON object with ``id, title, text, published, source, url``.

    Only ``text`` is required; other fields are ignored. ``id`` may be a string or an integer, and
    ``published`` an ISO date, an ISO datetime (its date is kept) or null.

    Args:
        record: The decoded JSON value.
        origin: Where it came from, for errors and provenance.
        max_article_chars: Refuse longer texts.

    Returns:
        The article; a dateline at the start of ``text`` fills ``published`` and ``source`` when
        the record has none.

    Raises:
        ArticleError: The value is not an object, ``text`` is missing or blank, or a field has a
            wrong type or a bad value.
    """
    if not isinstance(record, dict):
        raise ArticleError(
            origin,
            f"expected a JSON object with a 'text' field, got {_json_type(record)}; "
            "give one article object per record",
        )
    text = _string(record, "text", origin)
    if text is None:
        raise ArticleError(origin, "missing 'text' field; every record needs the article body in 'text'")
    fields = {name: _string(record, name, origin) for name in ("title", "source", "url")}
    published = _published(record.get("published"), origin)
    return _build(
        origin,
        id=_record_id(record.get("id"), origin),
        text=text,
        published=published,
        max_article_chars=max_article_chars,
        **fields,
    )


def _build(origin: str, *, text: str, max_article_chars: int, **fields: Any) -> Article:
    """Check the limit, add dateline facts and a default id, and turn validation errors into ArticleError."""
    if len(text) > max_article_chars:
        raise ArticleError(
            origin,
            f"article text has {len(text):,} characters, over the limit of "
            f"{max_article_chars:,}; split the article or raise max_article_chars",
        )
    if found := _parse_dateline(text):
        fields.update(dateline=found.dateline, dateline_place=found.place)
        fields["published"] = fields.get("published") or found.published
        fields["source"] = fields.get("source") or found.source
    if fields["id"] is None:
        fields["id"] = "doc-" + hashlib.sha256(text.encode()).hexdigest()[:16]
    fields["title"] = (fields["title"] or "").strip() or None
    try:
        return Article(text=text, origin=origin, **fields)
    except ValidationError as exc:
        raise ArticleError(origin, exc.errors()[0]["msg"].removeprefix("Value error, ")) from exc


def _string(record: dict[str, Any], name: str, origin: str) -> str | None:
    value = record.get(name)
    if value is not None and not isinstance(value, str):
        raise ArticleError(
            origin, f"field '{name}' must be a string or null, got {_json_type(value)}; fix the record"
        )
    return value


def _record_id(value: Any, origin: str) -> str | None:
    if value is None or isinstance(value, str):
        return value
    if isinstance(value, int) and not isinstance(value, bool):
        return str(value)
    raise ArticleError(
        origin,
        f"field 'id' must be a string or an integer, got {_json_type(value)}; "
        "fix it, or leave 'id' out to derive one from the text",
    )


def _published(value: Any, origin: str) -> dt.date | None:
    if value is None:
        return None
    for parse in (dt.date.fromisoformat, dt.datetime.fromisoformat):
        try:
            parsed = parse(value)
        except (TypeError, ValueError):
            continue
        return parsed.date() if isinstance(parsed, dt.datetime) else parsed
    raise ArticleError(
        origin,
        f"field 'published' is {json.dumps(value)[:40]}, not an ISO date; "
        "write it like 2021-12-15 (or as an ISO datetime), or use null",
    )


def _json_type(value: Any) -> str:
    names = {dict: "an object", list: "a list", str: "a string", bool: "a boolean", type(None): "null"}
    return names.get(type(value), "a number")


# -- files --------------------------------------------------------------------------------------


def read_articles(
    *paths: str | Path,
    on_error: Callable[[ArticleError], None] | None = None,
    max_file_bytes: int = MAX_FILE_BYTES,
    max_article_chars: int = MAX_ARTICLE_CHARS,
    max_line_bytes: int = MAX_LINE_BYTES,
) -> Generator[Article, None, None]:
    """Read articles from files and directories, lazily and in a stable order.

    Directories are walked recursively in sorted order, skipping hidden entries and files of other
    types. Known types: ``.txt``/``.text`` (plain text), ``.json`` (an object or a list of them),
    ``.jsonl``/``.ndjson`` (one object per line, streamed), and each of these gzipped
    (``.json.gz`` is read as JSON Lines). A file named explicitly must have a known type.

    Args:
        *paths: Files and directories.
        on_error: Called with each bad path, file, line or record, which is then logged as a warning
            and skipped. If None, the first error is raised.
        max_file_bytes: Largest plain-text or JSON file.
        max_article_chars: Longest article text.
        max_line_bytes: Longest JSON Lines line.

    Yields:
        Each article read.

    Raises:
        ArticleError: If ``on_error`` is None, for the first missing path or bad item.
    """
    limits = _Limits(max_file_bytes, max_article_chars, max_line_bytes)
    for path in map(Path, paths):
        for item in _read_path(path, limits):
            if isinstance(item, Article):
                logger.debug("read article %s from %s", item.id, item.origin)
                yield item
            elif on_error is None:
                raise item
            else:
                logger.warning("skipped %s", item)
                on_error(item)


def _read_path(path: Path, limits: _Limits) -> Iterator[Article | ArticleError]:
    if path.is_dir():
        for file in _walk(path):
            yield from _read_file(file, limits)
    elif not path.exists():
        yield ArticleError(str(path), "no such file or directory; check the path")
    elif _kind(path) is None:
        yield ArticleError(str(path), f"unknown file type; name the file {_KNOWN}")
    else:
        yield from _read_file(path, limits)


def _walk(root: Path) -> list[Path]:
    found: list[Path] = []
    for dirpath, dirnames, filenames in os.walk(root):
        dirnames[:] = [name for name in dirnames if not name.startswith(".")]
        found += [Path(dirpath, name) for name in filenames if not name.startswith(".") and _kind(Path(name))]
    return sorted(found, key=lambda file: file.relative_to(root).parts)


def _kind(path: Path) -> tuple[str, bool] | None:
    """Return ("text", "json" or "jsonl"; gzipped?) from the file name, or None for other files."""
    name = path.name.lower()
    gzipped = name.endswith(".gz")
    kind = _SUFFIXES.get(os.path.splitext(name.removesuffix(".gz"))[1])
    if kind is None:
        return None
    return ("jsonl" if gzipped and kind == "json" else kind), gzipped


def _read_file(path: Path, limits: _Limits) -> Iterator[Article | ArticleError]:
    kind, gzipped = _kind(path) or ("text", False)
    if kind == "jsonl":
        yield from _read_json_lines(path, gzipped, limits)
        return
    try:
        content = _decode(_read_bytes(path, gzipped, limits.max_file_bytes), str(path), "file")
        if kind == "text":
            yield read_text_article(
                content, origin=str(path), id=_file_id(path), max_article_chars=limits.max_article_chars
            )
            return
        document = _loads(content, str(path), line=False)
    except ArticleError as err:
        yield err
        return
    records = enumerate(document) if isinstance(document, list) else [(None, document)]
    for index, record in records:
        yield _record(record, str(path) if index is None else f"{path}[{index}]", limits)


def _file_id(path: Path) -> str | None:
    """The file name without its type suffixes ("000_288c.txt.gz" -> "000_288c"), if it is a safe id."""
    stem = os.path.splitext(re.sub(r"\.gz$", "", path.name, flags=re.IGNORECASE))[0]
    return stem if SAFE_ID.fullmatch(stem) else None


def _read_bytes(path: Path, gzipped: bool, max_bytes: int) -> bytes:
    too_big = ArticleError(
        str(path),
        f"file is over the limit of {max_bytes:,} bytes"
        f"{' decompressed' if gzipped else ''}; split it or raise max_file_bytes",
    )
    try:
        if not gzipped and path.stat().st_size > max_bytes:
            raise too_big
        with gzip.open(path, "rb") if gzipped else path.open("rb") as fh:
            data = fh.read(max_bytes + 1)  # bounded even if the file grows or is a gzip bomb
    except _READ_ERRORS as exc:
        raise ArticleError(
            str(path),
            f"cannot read file ({exc}); check that it is readable"
            + (" and a complete gzip file" if gzipped else ""),
        ) from exc
    if len(data) > max_bytes:
        raise too_big
    return data


def _decode(data: bytes, origin: str, what: str) -> str:
    if (nul := data.find(b"\0", 0, _SNIFF_BYTES)) != -1:
        raise ArticleError(
            origin,
            f"{what} looks binary (NUL byte at offset {nul}); give UTF-8 text, "
            "JSON or JSON Lines, or remove it from the batch",
        )
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise ArticleError(
            origin,
            f"{what} is not UTF-8 text (byte 0x{data[exc.start]:02x} at offset "
            f"{exc.start}); convert it to UTF-8 or remove it from the batch",
        ) from exc


def _loads(text: str, origin: str, *, line: bool) -> Any:
    """Parse JSON; in a whole file, a syntax error's origin gets the line it is on."""
    what = "line" if line else "file"
    try:
        return json.loads(text)
    except json.JSONDecodeError as exc:
        hint = "; if it holds one object per line, name it .jsonl" if exc.msg == "Extra data" else ""
        raise ArticleError(
            origin if line else f"{origin}:{exc.lineno}",
            f"invalid JSON ({exc.msg} at column {exc.colno}); fix the JSON or remove the {what}{hint}",
        ) from exc
    except (ValueError, RecursionError) as exc:  # nested too deeply, or a number too long
        raise ArticleError(origin, f"JSON cannot be read ({exc}); simplify or remove the {what}") from exc


def _record(record: Any, origin: str, limits: _Limits) -> Article | ArticleError:
    try:
        return article_from_record(record, origin=origin, max_article_chars=limits.max_article_chars)
    except ArticleError as err:
        return err


def _read_json_lines(path: Path, gzipped: bool, limits: _Limits) -> Iterator[Article | ArticleError]:
    lineno = 0
    try:
        with gzip.open(path, "rb") if gzipped else path.open("rb") as fh:
            for lineno, line in enumerate(_lines(fh, limits.max_line_bytes), start=1):
                if line is not None and line.strip():
                    yield _json_line(line, f"{path}:{lineno}", limits, first=lineno == 1)
                elif line is None:
                    yield ArticleError(
                        f"{path}:{lineno}",
                        f"line is over the limit of {limits.max_line_bytes:,} bytes; "
                        "split the record or raise max_line_bytes",
                    )
    except _READ_ERRORS as exc:
        yield ArticleError(
            f"{path}:{lineno + 1}",
            f"cannot read the file from here on ({exc}); "
            "check that it is readable" + (" and a complete gzip file" if gzipped else ""),
        )


def _lines(fh: io.BufferedIOBase, max_bytes: int) -> Iterator[bytes | None]:
    """Yield each line, or None for a line longer than ``max_bytes`` (skipped without holding it)."""
    while line := fh.readline(max_bytes + 1):
        if len(line) > max_bytes and not line.endswith(b"\n"):
            while (rest := fh.readline(1 << 16)) and not rest.endswith(b"\n"):
                pass
            yield None
        else:
            yield line


def _json_line(line: bytes, origin: str, limits: _Limits, *, first: bool) -> Article | ArticleError:
    try:
        text = _decode(line.removeprefix(b"\xef\xbb\xbf") if first else line, origin, "line")
        record = _loads(text, origin, line=True)
    except ArticleError as err:
        return err
    return _record(record, origin, limits)
