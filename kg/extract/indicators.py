"""Indicators: quantitative results and targets of a locality (placeholder until the
indicator grammar lands; returns nothing)."""

from __future__ import annotations

from kg.extract import component
from kg.model import ArticleFacts, IndicatorObservation, LocalityMention
from kg.text import Document


def extract_indicators(
    doc: Document, localities: list[LocalityMention]
) -> list[IndicatorObservation]:
    return []


@component("indicators")
def indicators_component(doc: Document, facts: ArticleFacts) -> None:
    facts.indicators.extend(extract_indicators(doc, facts.localities))
