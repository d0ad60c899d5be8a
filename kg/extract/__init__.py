"""Extractors as a pipeline of named components, in the manner of spaCy.

Each component is a small callable ``(doc, facts) -> None`` registered by name; it reads what
earlier components put into ``facts`` and adds its own kind of fact. The pipeline is a tuple
of names, so a configuration (or a test) can run any prefix of it.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable

from kg.model import Article, ArticleFacts
from kg.text import Document

Component = Callable[[Document, ArticleFacts], None]
COMPONENTS: dict[str, Component] = {}
DEFAULT_PIPELINE = ("localities", "people", "events", "indicators")


def component(name: str) -> Callable[[Component], Component]:
    def register(func: Component) -> Component:
        COMPONENTS[name] = func
        return func

    return register


def extract(article: Article, pipeline: Iterable[str] = DEFAULT_PIPELINE) -> ArticleFacts:
    """All facts of one article: a pure function of the article, safe to run in any process."""
    _load_components()
    doc = Document(article)
    facts = ArticleFacts(article)
    for name in pipeline:
        try:
            step = COMPONENTS[name]
        except KeyError:
            raise ValueError(
                f"unknown extractor {name!r}; known: {', '.join(sorted(COMPONENTS))}"
            ) from None
        step(doc, facts)
    return facts


def _load_components() -> None:
    # Importing a module registers its component; imported lazily to keep start-up light.
    from kg.extract import events, indicators, localities, people  # noqa: F401
