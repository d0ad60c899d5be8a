"""Shared test helpers: the bundled seed articles, the ../shared corpus and gold (skipped with
a reason when absent), a store built from the samples with the real CLI, and hand-built facts
from seed sentences for the emitter's unit tests."""

from __future__ import annotations

from pathlib import Path

import pytest
from typer.testing import CliRunner

from kg.cli import app
from kg.extract import extract
from kg.model import (
    Article,
    ArticleFacts,
    Body,
    BodyMention,
    Event,
    Evidence,
    IndicatorObservation,
    Locality,
    LocalityMention,
    Participation,
    Person,
    PostHolding,
)
from kg.reader import parse_text_article

ROOT = Path(__file__).resolve().parents[1]
SAMPLES = ROOT / "data" / "samples"
SEED_IDS = sorted(p.stem for p in SAMPLES.glob("*.txt"))


# --------------------------------------------------------------------------- shared corpus

SHARED = ROOT.parent / "shared"

needs_shared = pytest.mark.skipif(
    not (SHARED / "corpus").is_dir(), reason=f"the shared corpus is not at {SHARED}"
)


def sample(stem_prefix: str) -> Article:
    """A bundled seed article by the start of its file name ("000", "001", ...)."""
    path = next(SAMPLES.glob(f"{stem_prefix}*.txt"))
    return parse_text_article(path.stem, path.read_text(encoding="utf-8"), str(path))


def facts_of(text: str, date: str = "2022-01", title: str = "") -> ArticleFacts:
    return extract(Article("t", date, title, text))


@pytest.fixture(scope="session")
def samples() -> Path:
    return SAMPLES


@pytest.fixture(scope="session")
def runner() -> CliRunner:
    return CliRunner()


def run_cli(*args: str, env: dict[str, str] | None = None):
    """Run ``kg ARGS`` in-process; stdout and stderr are kept apart."""
    env = {"COLUMNS": "250", **(env or {})}  # wide tables: no folded paths
    result = CliRunner().invoke(app, [str(a) for a in args], env=env, catch_exceptions=False)
    return result


@pytest.fixture(scope="session")
def built_store(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The five seed articles built with ``kg build`` into a fresh store (once per session)."""
    store = tmp_path_factory.mktemp("store") / "kg-store"
    result = run_cli("build", str(SAMPLES), "--store", str(store))
    assert store.is_dir(), result.output
    return store


# --------------------------------------------------------------------------- hand-built facts

HA_TINH = Locality("Hà Tĩnh", "province", "tỉnh", "42")
CAM_XUYEN = Locality("Cẩm Xuyên", "district", "huyện", "446", HA_TINH)
TINH_UY = Body("Tỉnh ủy Hà Tĩnh", "party_committee", HA_TINH)
HUYEN_UY = Body("Huyện ủy Cẩm Xuyên", "party_committee", CAM_XUYEN, TINH_UY)
BAN_TUYEN_GIAO = Body("Ban Tuyên giáo Tỉnh ủy Hà Tĩnh", "party_department", HA_TINH, TINH_UY)
HUNG = Person("Hà Văn Hùng", home="Hà Tĩnh")
ANH = Person("Hà Thị Việt Ánh", home="Hà Tĩnh")
DUNG = Person("Hoàng Trung Dũng", home="Hà Tĩnh")

S_EVENT = (
    "Sáng 5/1, Huyện ủy Cẩm Xuyên tổ chức hội nghị tổng kết công tác xây dựng Đảng và thực "
    "hiện nhiệm vụ chính trị năm 2021; triển khai nhiệm vụ năm 2022."
)
S_HUNG = "Trưởng ban Tuyên giáo Tỉnh ủy Hà Văn Hùng tham dự hội nghị."
S_ANH = (
    "Phó Bí thư Thường trực Huyện ủy Cẩm Xuyên Hà Thị Việt Ánh trình bày báo cáo công tác "
    "xây dựng Đảng và thực hiện nhiệm vụ chính trị năm 2021"
)
S_BUDGET = "Năm 2021, thu ngân sách đạt 520 tỷ đồng, gấp 2,14 lần so với kế hoạch."


def evidence(article: Article, sentence: str, span: str | None = None) -> Evidence:
    start = article.text.index(sentence)
    if span is None:
        return Evidence(sentence, start, start + len(sentence))
    inner = sentence.index(span)
    return Evidence(sentence, start + inner, start + inner + len(span))


def seed_article(article_id: str = "000_d5453f38d9d606eb", date: str = "2022-01") -> Article:
    body = "\n\n".join([S_EVENT, S_HUNG, S_ANH, S_BUDGET])
    return Article(
        article_id,
        date,
        "Cẩm Xuyên tổng kết năm 2021",
        body,
        source=f"{article_id}.txt",
        creator="Phan Trâm",
    )


def seed_facts(article: Article | None = None) -> ArticleFacts:
    """Facts of seed article 000, by hand, as a perfect extractor would give them."""
    a = article or seed_article()
    facts = ArticleFacts(a)
    facts.localities = [
        LocalityMention(CAM_XUYEN, evidence(a, S_EVENT, "Cẩm Xuyên"), 0.9),
        LocalityMention(HA_TINH, evidence(a, S_EVENT, "Cẩm Xuyên"), 0.6),
    ]
    facts.bodies = [BodyMention(HUYEN_UY, evidence(a, S_EVENT, "Huyện ủy Cẩm Xuyên"))]
    facts.people = [HUNG, ANH]
    facts.posts = [
        PostHolding(
            HUNG,
            "Trưởng ban",
            BAN_TUYEN_GIAO,
            evidence(a, S_HUNG, "Trưởng ban Tuyên giáo Tỉnh ủy Hà Văn Hùng"),
        ),
        PostHolding(
            ANH,
            "Phó Bí thư Thường trực",
            HUYEN_UY,
            evidence(a, S_ANH, "Phó Bí thư Thường trực Huyện ủy Cẩm Xuyên Hà Thị Việt Ánh"),
        ),
    ]
    facts.events = [
        Event(
            "conference",
            "tổng kết, triển khai",
            "2022-01-05",
            evidence(a, S_EVENT),
            organizer=HUYEN_UY,
            locality=CAM_XUYEN,
            participants=[
                Participation(HUNG, "attended", evidence(a, S_HUNG)),
                Participation(ANH, "reported", evidence(a, S_ANH), 0.9),
            ],
        )
    ]
    facts.indicators = [
        IndicatorObservation(
            "thu ngân sách",
            520_000_000_000.0,
            "VND",
            2021,
            "actual",
            evidence(a, S_BUDGET, "thu ngân sách đạt 520 tỷ đồng"),
            locality=CAM_XUYEN,
            percent_of_plan=214.0,
        ),
        IndicatorObservation(
            "tăng trưởng giá trị sản xuất",
            8.5,
            "%",
            2022,
            "target",
            evidence(a, S_BUDGET),
            locality=CAM_XUYEN,
            max=9.0,
            change_pct=-1.25,
            compared_to=2021,
            of=None,
        ),
    ]
    return facts


def dung_facts(article_id: str, date: str) -> ArticleFacts:
    """A minimal article naming Hoàng Trung Dũng as Bí thư Tỉnh ủy Hà Tĩnh."""
    sentence = "Bí thư Tỉnh ủy Hoàng Trung Dũng phát biểu tại hội nghị."
    a = Article(article_id, date, "", sentence)
    facts = ArticleFacts(a)
    facts.people = [DUNG]
    facts.posts = [PostHolding(DUNG, "Bí thư", TINH_UY, evidence(a, sentence))]
    return facts
