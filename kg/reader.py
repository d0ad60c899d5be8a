"""Corpus reader: files and folders in, :class:`Article` objects (or :class:`Failure`) out.

Readers are registered by file suffix, as rdflib registers parsers, so a new format is one
function and one ``@register`` line. Every problem with one file or one line becomes a
:class:`Failure` naming it; the rest of the corpus is still read.
"""

from __future__ import annotations

import datetime
import html
import json
import re
import unicodedata
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from html.parser import HTMLParser
from pathlib import Path

from kg.model import Article
from kg.text import normalize

MAX_FILE_BYTES = 20_000_000  # an article is ~10 kB; a file this large is not one
MAX_ARTICLE_CHARS = 2_000_000  # text of one article (a JSONL line, a page) at most
MAX_JSONL_LINE_BYTES = 8_000_000
MIN_YEAR, MAX_YEAR = 1900, 2100

# Magic numbers of files that are certainly not articles.
_MAGIC = (
    (b"%PDF", "a PDF document"),
    (b"\x89PNG", "a PNG image"),
    (b"\xff\xd8\xff", "a JPEG image"),
    (b"GIF8", "a GIF image"),
    (b"PK\x03\x04", "a ZIP archive (or an Office document)"),
    (b"\x1f\x8b", "a gzip archive"),
    (b"\xd0\xcf\x11\xe0", "an old Office document"),
    (b"\x7fELF", "an executable"),
    (b"BZh", "a bzip2 archive"),
    (b"\xfd7zXZ", "an xz archive"),
    (b"{\\rtf", "an RTF document"),
    (b"RIFF", "a RIFF (audio/video) file"),
)


@dataclass(frozen=True)
class Failure:
    """A file (or one line of a JSONL file) that could not be read, or an article that could
    not be extracted or loaded, and why: what a build reports and goes on after."""

    path: str
    reason: str

    def __str__(self) -> str:
        return f"{self.path}: {self.reason}"


class BadArticle(ValueError):
    """Raised by a format reader for content it cannot turn into an article."""


Reader = Callable[[Path, str], Iterator[Article | Failure]]
READERS: dict[str, Reader] = {}


def register(*suffixes: str) -> Callable[[Reader], Reader]:
    def wrap(reader: Reader) -> Reader:
        for suffix in suffixes:
            READERS[suffix] = reader
        return reader

    return wrap


def read_corpus(paths: Iterable[str | Path]) -> Iterator[Article | Failure]:
    """Every article under ``paths`` (files or folders, read recursively, in sorted order).

    Nothing raises: every problem is a :class:`Failure` naming the file (and line).
    """
    for path in _files(paths):
        reader = READERS.get(path.suffix.lower())
        if reader is None:
            continue
        try:
            if path.suffix.lower() == ".jsonl":
                yield from _guarded(path, read_jsonl_file(path))
                continue
            size = path.stat().st_size
            if size > MAX_FILE_BYTES:
                raise BadArticle(
                    f"file is {size / 1e6:.0f} MB, larger than any article "
                    f"(limit {MAX_FILE_BYTES // 1_000_000} MB)"
                )
            text = decode(path.read_bytes(), path)
            if path.suffix.lower() == ".txt" and looks_like_html(text):
                reader = read_html  # a web page saved as .txt
        except (BadArticle, OSError) as exc:
            yield Failure(str(path), _one_line(exc))
            continue
        except Exception as exc:  # noqa: BLE001 - a reader bug must not stop the corpus
            yield Failure(str(path), f"cannot read: {type(exc).__name__}: {_one_line(exc)}")
            continue
        yield from _guarded(path, reader(path, text))


def _guarded(path: Path, items: Iterator[Article | Failure]) -> Iterator[Article | Failure]:
    """``items``, with an exception of the reader turned into a last Failure."""
    try:
        for item in items:
            if isinstance(item, Article) and len(item.text) > MAX_ARTICLE_CHARS:
                yield Failure(
                    item.source or str(path),
                    f"article text is {len(item.text):,} characters, larger than "
                    f"any article (limit {MAX_ARTICLE_CHARS:,})",
                )
                continue
            yield item
    except OSError as exc:
        yield Failure(str(path), _one_line(exc))
    except Exception as exc:  # noqa: BLE001
        yield Failure(str(path), f"cannot read: {type(exc).__name__}: {_one_line(exc)}")


def _one_line(exc: BaseException | str) -> str:
    return " ".join(str(exc).split())


def _files(paths: Iterable[str | Path]) -> Iterator[Path]:
    for raw in paths:
        path = Path(raw)
        if path.is_dir():
            found = []
            try:
                for p in path.rglob("*"):
                    if p.suffix.lower() in READERS and p.is_file():
                        found.append(p)
            except OSError:
                pass  # an unreadable sub-folder: what was listed is still read
            yield from sorted(found)
        elif path.exists():
            yield path
        else:
            yield from ()  # reported by the caller through check_paths


def missing_paths(paths: Iterable[str | Path]) -> list[str]:
    return [str(p) for p in paths if not Path(p).exists()]


def decode(data: bytes, path: Path | str = "") -> str:
    """Bytes to NFC text: UTF-8 (with or without BOM), UTF-16 with a BOM, else a legacy
    Vietnamese encoding (Windows-1258, TCVN3) when the text shows it, else an error."""
    if len(data) > MAX_FILE_BYTES:
        raise BadArticle(
            f"file is {len(data) / 1e6:.0f} MB, larger than any article "
            f"(limit {MAX_FILE_BYTES // 1_000_000} MB)"
        )
    if not data.strip():
        raise BadArticle("file is empty")
    if data[:3] != b"\xef\xbb\xbf" and data[:2] in (b"\xff\xfe", b"\xfe\xff"):
        try:
            text = data.decode("utf-16")
        except UnicodeDecodeError as exc:
            raise BadArticle(
                f"not UTF-16 although it starts with a UTF-16 byte order mark: "
                f"{exc.reason} at offset {exc.start}"
            ) from None
        return clean_text(text)
    for magic, what in _MAGIC:
        if data.startswith(magic):
            raise BadArticle(f"file is binary ({what}), not an article")
    if b"\x00" in data[:4096]:
        raise BadArticle("file is binary (contains NUL bytes)")
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        legacy = decode_legacy(data)
        if legacy is None:
            raise BadArticle(
                f"not UTF-8: undecodable byte 0x{data[exc.start]:02x} at offset {exc.start} "
                f"(and not recognizably UTF-16, Windows-1258 or TCVN3)"
            ) from None
        text = legacy[1]
    if _control_share(text) > 0.05:
        raise BadArticle("file is binary (mostly control characters)")
    return clean_text(text)


def clean_text(text: str) -> str:
    """NFC text without lone surrogates, NULs and other control characters (tabs, line
    breaks kept; CR LF and CR become LF)."""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    if _NEEDS_CLEANING.search(text):
        text = _SURROGATES.sub("\ufffd", text)
        text = _CONTROLS.sub("", text)
    return normalize(text)


_SURROGATES = re.compile(r"[\ud800-\udfff]")
_CONTROLS = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\ufeff]")
_NEEDS_CLEANING = re.compile(r"[\ud800-\udfff\x00-\x08\x0b\x0c\x0e-\x1f\x7f\ufeff]")


# Control characters other than tab, line feed, form feed and carriage return.
_BINARY_CONTROLS = re.compile(r"[\x00-\x08\x0b\x0e-\x1f]")


def _control_share(text: str) -> float:
    # A regular expression, not a loop over the characters: this runs in the build's main
    # process for every article (0.23 ms an article of 11 kB as a loop, 0.04 ms as this).
    sample = text[:20_000]
    if not sample:
        return 0.0
    return len(_BINARY_CONTROLS.findall(sample)) / len(sample)


# TCVN3 (TCVN 5712:1993, the "ABC" fonts .VnTime ...): bytes 0x80-0xFF. Bytes below 0x80 are
# ASCII. The lower-case letters (0xA8-0xFE) are what VN3 files use; the capitals in 0x80-0xA7
# and in the gaps are the VN1 variant's.
TCVN3_HIGH = (
    "ÀẢÃÁẠẶẬÈẺẼÉẸỆÌỈĨÍỊÒỎÕÓỌỘỜỞỠỚỢÙỦŨ"
    "\u00a0ĂÂÊÔƠƯĐăâêôơưđẰ\u0300\u0309\u0303\u0301\u0323àảãáạẲằẳẵắẴ"
    "ẮẦẨẪẤỀặầẩẫấậèỂẻẽéẹềểễếệìỉỄẾỒĩíịò"
    "ỔỏõóọồổỗốộờởỡớợùỖủũúụừửữứựỳỷỹýỵỐ"
)
assert len(TCVN3_HIGH) == 128
_TCVN3_TABLE = {0x80 + i: c for i, c in enumerate(TCVN3_HIGH)}
_TONES = frozenset("\u0300\u0301\u0303\u0309\u0323")
_VIETNAMESE_ONLY = frozenset("ăâđêôơưĂÂĐÊÔƠƯ")


def decode_tcvn3(data: bytes) -> str:
    return data.decode("latin-1").translate(_TCVN3_TABLE)


def decode_legacy(data: bytes) -> tuple[str, str] | None:
    """``(encoding, text)`` when ``data`` reads as Vietnamese in Windows-1258 or TCVN3, else
    None. A candidate must give plausible Vietnamese words: letters only, at most one tone
    mark each; latin-1 text that happens to decode is not taken for Vietnamese."""
    best: tuple[float, str, str] | None = None
    for name, decoder in (("Windows-1258", lambda b: b.decode("cp1258")), ("TCVN3", decode_tcvn3)):
        try:
            text = unicodedata.normalize("NFC", decoder(data))
        except UnicodeDecodeError:
            continue
        score = vietnamese_score(text)
        if score is not None and (best is None or score > best[0]):
            best = (score, name, text)
    if best is None or best[0] < 0.9:
        return None
    return best[1], best[2]


def vietnamese_score(text: str) -> float | None:
    """Share of the words with non-ASCII letters that look like Vietnamese syllables, or None
    when the text has too few such words (or no letter only Vietnamese uses) to tell."""
    words = [w for w in re.findall(r"\S+", text[:200_000]) if not w.isascii()]
    words = [w.strip(".,;:!?()[]\"'“”‘’…-–—/%") for w in words]
    words = [w for w in words if w and not w.isascii()]
    if len(words) < 3 or not any(
        c in _VIETNAMESE_ONLY or "\u1ea0" <= c <= "\u1ef9" for w in words for c in w
    ):
        return None  # too little to tell, or nothing latin-1 could not say as well
    good = sum(1 for word in words if is_syllable(word))
    return good / len(words)


_SYLLABLE = re.compile(
    r"^(ngh|ng|nh|ch|gh|gi|kh|ph|qu|th|tr|[bcdđghklmnpqrstvx])?"
    r"[aăâeêioôơuưy]{1,3}(ng|nh|ch|[cmnpt])?$"
)


def is_syllable(word: str) -> bool:
    """A plausible Vietnamese syllable: letters only, one case pattern, at most one tone mark,
    onset + vowels + coda as the language allows."""
    if not word.isalpha() or not (word.islower() or word.isupper() or word.istitle()):
        return False
    decomposed = unicodedata.normalize("NFD", word.lower())
    if sum(1 for c in decomposed if c in _TONES) > 1:
        return False
    base = unicodedata.normalize("NFC", "".join(c for c in decomposed if c not in _TONES))
    return _SYLLABLE.match(base) is not None


def looks_like_html(text: str) -> bool:
    head = text[:2000].lstrip().lower()
    return head.startswith(("<!doctype html", "<html", "<?xml")) or (
        head.startswith("<") and "<body" in text[:20_000].lower()
    )


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
def read_text_file(path: Path, text: str) -> Iterator[Article | Failure]:
    try:
        yield parse_text_article(path.stem, text, source=str(path))
    except BadArticle as exc:
        yield Failure(str(path), str(exc))


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
    if not MIN_YEAR <= parts[0] <= MAX_YEAR:
        raise BadArticle(
            f"malformed date {value!r}: year {parts[0]} is not between {MIN_YEAR} and {MAX_YEAR}"
        )
    if len(parts) > 1 and not 1 <= parts[1] <= 12:
        raise BadArticle(f"malformed date {value!r}: month {parts[1]}")
    if len(parts) > 2:
        try:
            datetime.date(*parts)
        except ValueError:
            raise BadArticle(
                f"malformed date {value!r}: day {parts[2]} is not in month {parts[1]}"
            ) from None
    return value


# --- JSON Lines ---------------------------------------------------------------------------


@register(".jsonl")
def read_jsonl(path: Path, text: str) -> Iterator[Article | Failure]:
    """The articles of JSON Lines text, one JSON object a line (see :func:`read_jsonl_file`)."""
    for number, line in enumerate(text.split("\n"), start=1):
        yield from _jsonl_line(f"{path}:{number}", line)


def read_jsonl_file(path: Path) -> Iterator[Article | Failure]:
    """A JSON Lines file, streamed: a file of any size, each line at most
    ``MAX_JSONL_LINE_BYTES``; each bad line is one Failure naming ``file:line``."""
    with path.open("rb") as handle:
        number = 0
        found = False
        while True:
            raw = handle.readline(MAX_JSONL_LINE_BYTES + 1)
            if not raw:
                break
            number += 1
            where = f"{path}:{number}"
            if len(raw) > MAX_JSONL_LINE_BYTES and not raw.endswith(b"\n"):
                while raw and not raw.endswith(b"\n"):  # skip the rest of the line
                    raw = handle.readline(MAX_JSONL_LINE_BYTES)
                yield Failure(
                    where,
                    f"line is longer than {MAX_JSONL_LINE_BYTES // 1_000_000}"
                    f" MB, larger than any article",
                )
                continue
            if number == 1:
                raw = raw.removeprefix(b"\xef\xbb\xbf")
            if not raw.strip():
                continue
            found = True
            try:
                line = raw.decode("utf-8")
            except UnicodeDecodeError as exc:
                yield Failure(
                    where,
                    f"not UTF-8: undecodable byte 0x{raw[exc.start]:02x} at column {exc.start + 1}",
                )
                continue
            yield from _jsonl_line(where, line)
        if not found:
            yield Failure(str(path), "file is empty")


def _jsonl_line(where: str, line: str) -> Iterator[Article | Failure]:
    if not line.strip():
        return
    try:
        record = json.loads(line)
        if not isinstance(record, dict):
            raise BadArticle(f"line is a JSON {type(record).__name__}, not an object")
        yield article_from_record(record, where)
    except json.JSONDecodeError as exc:
        yield Failure(where, f"not JSON: {exc.msg} at column {exc.colno}")
    except BadArticle as exc:
        yield Failure(where, _one_line(exc))
    except (RecursionError, ValueError, TypeError) as exc:
        yield Failure(
            where, f"not a usable JSON record: {type(exc).__name__}: {_one_line(exc)[:200]}"
        )


def _field(record: dict, name: str) -> str:
    value = record.get(name)
    if value is None:
        return ""
    if isinstance(value, bool) or not isinstance(value, str | int | float):
        raise BadArticle(f"field {name!r} is a JSON {type(value).__name__}, not a string")
    return clean_text(str(value))


def article_from_record(record: dict, where: str) -> Article:
    article_id = " ".join(_field(record, "id").split())
    if not article_id:
        raise BadArticle("record has no 'id'")
    if len(article_id) > 200:
        raise BadArticle(f"article id is {len(article_id)} characters long (at most 200)")
    body = _field(record, "body")
    title = " ".join(_field(record, "title").split())
    if not body.strip() and not title:
        raise BadArticle("record has neither title nor body")
    return Article(
        article_id,
        check_date(_field(record, "date").strip()[:10]),
        title,
        body.strip(),
        source=_field(record, "source") or where,
        url=_field(record, "url").strip(),
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
def read_html(path: Path, text: str) -> Iterator[Article | Failure]:
    page = _TextOfPage()
    page.feed(text)
    page.close()
    paragraphs = [
        " ".join(p.split()) for p in clean_text(html.unescape("".join(page.parts))).split("\n")
    ]
    body = "\n\n".join(p for p in paragraphs if p)
    try:
        if not body:
            raise BadArticle("HTML page has no text")
        yield Article(
            path.stem,
            check_date(page.date.strip()),
            " ".join(clean_text(page.title).split()),
            body,
            source=str(path),
        )
    except BadArticle as exc:
        yield Failure(str(path), str(exc))
