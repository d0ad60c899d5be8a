"""Events (placeholder)."""

from __future__ import annotations

from kg.extract import component
from kg.model import ArticleFacts
from kg.text import Document


@component("events")
def events_component(doc: Document, facts: ArticleFacts) -> None:
    return None
