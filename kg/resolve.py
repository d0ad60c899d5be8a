"""Identity: one deterministic IRI per real person, body, locality and article.

IRIs are minted from the facts themselves, never from counters kept between runs, so a
rebuild (or a build on another machine, or of one article alone) gives the same IRIs:

- person: ``id/person/{slug(name)}-{slug(home)}`` (``home`` is the province that anchors
  identity; without one, no suffix), so Hoàng Trung Dũng of Hà Tĩnh is one node in every
  article that names him;
- locality: ``id/locality/{slug(locality.key)}`` (the GSO code where known);
- body: ``id/body/{slug(body.name)}`` (the canonical name includes the locality);
- role and indicator concepts: ``id/role/{slug}``, ``id/indicator/{slug}``;
- article: ``id/article/{article.id}``; facts of one article (post holdings, events,
  participations, indicators, evidence) live under it: ``id/article/{id}/post/3``.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from functools import lru_cache
from urllib.parse import quote

from kg.model import Article, Body, Locality, Person
from kg.namespace import ID_IRI

_NON_WORD = re.compile(r"[^a-z0-9]+")


@lru_cache(maxsize=65536)
def slug(text: str) -> str:
    """ASCII-folded, lower-case, hyphen-joined: "Hoàng Trung Dũng" -> "hoang-trung-dung"."""
    text = unicodedata.normalize("NFC", text).replace("đ", "d").replace("Đ", "D")
    decomposed = unicodedata.normalize("NFD", text)
    ascii_text = "".join(c for c in decomposed if not unicodedata.combining(c))
    ascii_text = ascii_text.encode("ascii", "ignore").decode("ascii")
    return _NON_WORD.sub("-", ascii_text.lower()).strip("-")


@lru_cache(maxsize=65536)
def _segment(text: str) -> str:
    """A path segment that is safe in an IRI, for identifiers we did not choose."""
    return quote(text, safe="-._~")


def key(text: str) -> str:
    """:func:`slug`, or for text without letters or digits ("%") a hash of it."""
    found = slug(text)
    if found:
        return found
    digest = hashlib.sha1(unicodedata.normalize("NFC", text).encode("utf-8")).hexdigest()
    return f"h{digest[:12]}"


def _named(kind: str, name: str) -> str:
    return f"{ID_IRI}{kind}/{key(name)}"


def resolve_person(person: Person) -> str:
    name = key(person.name)
    home = slug(person.home)
    return f"{ID_IRI}person/{name}-{home}" if home else f"{ID_IRI}person/{name}"


def resolve_locality(locality: Locality) -> str:
    return _named("locality", locality.key)


def resolve_body(body: Body) -> str:
    return _named("body", body.name)


def resolve_role(role: str) -> str:
    return _named("role", role)


def resolve_indicator(name: str) -> str:
    return _named("indicator", name)


def resolve_article(article: Article | str) -> str:
    article_id = article.id if isinstance(article, Article) else article
    if not article_id:
        raise ValueError("cannot mint an article IRI from an empty id")
    return f"{ID_IRI}article/{_segment(article_id)}"


def resolve_in_article(article: Article | str, kind: str, key: str | int) -> str:
    """A fact node of one article: ``id/article/{id}/{kind}/{key}``."""
    return f"{resolve_article(article)}/{kind}/{_segment(str(key))}"
