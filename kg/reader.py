"""Corpus reader: files and folders in, :class:`Article` objects (or :class:`ReadError`) out.

Readers are registered by file suffix, as rdflib registers parsers, so a new format is one
function and one ``@register`` line. Every problem with one file or one line becomes a
:class:`ReadError` naming it; the rest of the corpus is still read.
"""

from __future__ import annotations

import html
import json
import re
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from html.parser import HTMLParser
from pathlib import Path

from kg.model import Article
from kg.text import normalize

MAX_FILE_BYTES = 20_000_000  # an article is ~10 kB; anything this large is not one


@dataclass(frozen=True)
class ReadError:
    """A file (or one line of a JSONL file) that could not be read, and why."""

    path: str
    reason: str

    def __str__(self) -> str:
        return f"{self.path}: {self.reason}"


class BadArticle(ValueError):
    """Raised by a format reader for content it cannot turn into an article."""


Reader = Callable[[Path, str], Iterator[Article | ReadError]]
READERS: dict[str, Reader] = {}


def register(*suffixes: str) -> Callable[[Reader], Reader]:
    def wrap(reader: Reader) -> Reader:
        for suffix in suffixes:
            READERS[suffix] = reader
        return reader

    return wrap


def read_corpus(paths: Iterable[str | Path]) -> Iterator[Article | ReadError]:
    """Every article under ``paths`` (files or folders, read recursively, in sorted order)."""
    for path in _files(paths):
        reader = READERS.get(path.suffix.lower())
        if reader is None:
            continue
        try:
            text = decode(path.read_bytes(), path)
        except (BadArticle, OSError) as exc:
            yield ReadError(str(path), str(exc))
            continue
        yield from reader(path, text)


def _files(paths: Iterable[str | Path]) -> Iterator[Path]:
    for raw in paths:
        path = Path(raw)
        if path.is_dir():
            yield from sorted(p for p in path.rglob("*") if p.is_file() and p.suffix in READERS)
        elif path.exists():
            yield path
        else:
            yield from ()  # reported by the caller through check_paths


def missing_paths(paths: Iterable[str | Path]) -> list[str]:
    return [str(p) for p in paths if not Path(p).exists()]


def decode(data: bytes, path: Path) -> str:
    """Bytes to NFC text: UTF-8 (with or without BOM), else UTF-16 with a BOM, else an error."""
    if len(data) > MAX_FILE_BYTES:
        raise BadArticle(f"file is {len(data) // 1_000_000} MB, larger than any article")
    if not data.strip():
        raise BadArticle("file is empty")
    if data[:2] in (b"\xff\xfe", b"\xfe\xff"):
        text = data.decode("utf-16")
    else:
        if b"\x00" in data[:4096]:
            raise BadArticle("file is binary (contains NUL bytes)")
        try:
            text = data.decode("utf-8-sig")
        except UnicodeDecodeError as exc:
            raise BadArticle(
                f"not UTF-8: undecodable byte 0x{data[exc.start]:02x} at offset {exc.start}"
            ) from exc
    return normalize(text)


# --- plain text ---------------------------------------------------------------------------

_DATE_LINE = re.compile(r"^\s*date\b[ \t]*(?P<value>\S*)[ \t]*(?P<rest>.*)$", re.IGNORECASE)
_ISO_DATE = re.compile(r"^\d{4}(-\d{2}(-\d{2})?)?$")
# "23/10/2022 19:14 ..." near the top of a page scraped from a provincial paper.
_DATED_LINE = re.compile(r"^\s*(\d{1,2})/(\d{1,2})/(\d{4})\b")
# Page furniture after the byline of scraped pages (advertising, "please wait", mobile link).
_BOILERPLATE = re.compile(
    r"^(THÔNG TIN, TUYÊN TRUYỀN.*|Xin chờ trong giây lát.*|Phiên bản di động|"
    r"Bản quyền .*|Tin liên quan.*|Ý kiến bạn đọc.*)$"
)
# A byline: one to four capitalized words, no punctuation ("Phan Trâm", "Vũ Viễn").
_BYLINE = re.compile(r"^(?:[A-ZĐÀ-Ỹ][\wÀ-ỹ]*\s?){1,4}$")


@register(".txt")
def read_text_file(path: Path, text: str) -> Iterator[Article | ReadError]:
    try:
        yield parse_text_article(path.stem, text, source=str(path))
    except BadArticle as exc:
        yield ReadError(str(path), str(exc))


def parse_text_article(article_id: str, text: str, source: str = "") -> Article:
    lines = text.split("\n")
    first = _DATE_LINE.match(lines[0])
    if first:
        date = check_date(first.group("value"))
        title = first.group("rest").strip()
        rest = lines[1:]
        if not title:
            while rest and not rest[0].strip():
                rest = rest[1:]
            title = rest[0].strip() if rest else ""
            rest = rest[1:]
    else:
        dated = next((i for i, line in enumerate(lines[:6]) if _DATED_LINE.match(line)), None)
        if dated is None:
            raise BadArticle("no date line (expected 'date YYYY-MM[-DD]' on line 1)")
        day, month, year = _DATED_LINE.match(lines[dated]).groups()
        date = check_date(f"{year}-{int(month):02d}-{int(day):02d}")
        title = lines[0].strip()
        rest = lines[1:dated] + [_DATED_LINE.sub("", lines[dated]).strip()] + lines[dated + 1 :]
    body_lines = [line.rstrip() for line in rest]
    furniture = next(
        (i for i, line in enumerate(body_lines) if _BOILERPLATE.match(line.strip())), None
    )
    if furniture is not None:
        body_lines = body_lines[:furniture]
    while body_lines and not body_lines[-1].strip():
        body_lines.pop()
    creator = ""
    if body_lines and _BYLINE.match(body_lines[-1].strip()) and len(body_lines) > 1:
        creator = body_lines.pop().strip()
    body = "\n".join(body_lines).strip()
    if not body and not title:
        raise BadArticle("no text after the date line")
    return Article(article_id, date, title, body, source=source, creator=creator)


def check_date(value: str) -> str:
    """Validate an ISO date (``YYYY``, ``YYYY-MM`` or ``YYYY-MM-DD``); ``""`` is allowed."""
    if value == "":
        return ""
    if not _ISO_DATE.match(value):
        raise BadArticle(f"malformed date {value!r} (expected YYYY-MM or YYYY-MM-DD)")
    parts = [int(p) for p in value.split("-")]
    if len(parts) > 1 and not 1 <= parts[1] <= 12:
        raise BadArticle(f"malformed date {value!r}: month {parts[1]}")
    if len(parts) > 2 and not 1 <= parts[2] <= 31:
        raise BadArticle(f"malformed date {value!r}: day {parts[2]}")
    return value


# --- JSON Lines ---------------------------------------------------------------------------


@register(".jsonl")
def read_jsonl(path: Path, text: str) -> Iterator[Article | ReadError]:
    for number, line in enumerate(text.split("\n"), start=1):
        if not line.strip():
            continue
        where = f"{path}:{number}"
        try:
            record = json.loads(line)
            if not isinstance(record, dict):
                raise BadArticle("line is not a JSON object")
            yield article_from_record(record, where)
        except json.JSONDecodeError as exc:
            yield ReadError(where, f"not JSON: {exc.msg} at column {exc.colno}")
        except BadArticle as exc:
            yield ReadError(where, str(exc))


def article_from_record(record: dict, where: str) -> Article:
    article_id = str(record.get("id") or "").strip()
    if not article_id:
        raise BadArticle("record has no 'id'")
    body = normalize(str(record.get("body") or ""))
    title = normalize(str(record.get("title") or "")).strip()
    if not body.strip() and not title:
        raise BadArticle("record has neither title nor body")
    return Article(
        article_id,
        check_date(str(record.get("date") or "")[:10]),
        title,
        body.strip(),
        source=str(record.get("source") or where),
        url=str(record.get("url") or ""),
    )


# --- HTML ---------------------------------------------------------------------------------


class _TextOfPage(HTMLParser):
    _SKIP = {"script", "style", "nav", "header", "footer", "aside", "noscript"}
    _BLOCK = {"p", "div", "br", "li", "h1", "h2", "h3", "h4", "tr", "figcaption", "section"}

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.title = ""
        self.date = ""
        self._skip = 0
        self._in_title = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in self._SKIP:
            self._skip += 1
        if tag == "title":
            self._in_title = True
        if tag == "meta":
            found = dict(attrs)
            if found.get("property") in ("article:published_time", "og:published_time"):
                self.date = (found.get("content") or "")[:10]
        if tag in self._BLOCK:
            self.parts.append("\n")

    def handle_endtag(self, tag: str) -> None:
        if tag in self._SKIP and self._skip:
            self._skip -= 1
        if tag == "title":
            self._in_title = False
        if tag in self._BLOCK:
            self.parts.append("\n")

    def handle_data(self, data: str) -> None:
        if self._in_title:
            self.title += data
        elif not self._skip:
            self.parts.append(data)


@register(".html", ".htm")
def read_html(path: Path, text: str) -> Iterator[Article | ReadError]:
    page = _TextOfPage()
    page.feed(text)
    paragraphs = [" ".join(p.split()) for p in html.unescape("".join(page.parts)).split("\n")]
    body = "\n\n".join(p for p in paragraphs if p)
    try:
        if not body:
            raise BadArticle("HTML page has no text")
        yield Article(
            path.stem, check_date(page.date), " ".join(page.title.split()), body, source=str(path)
        )
    except BadArticle as exc:
        yield ReadError(str(path), str(exc))
