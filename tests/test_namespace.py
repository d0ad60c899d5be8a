"""The namespace module and deterministic identity (kg.namespace, kg.resolve)."""

from __future__ import annotations

import pytest
from conftest import CAM_XUYEN, DUNG, HA_TINH, TINH_UY

from kg.model import Locality, Person
from kg.namespace import ID_IRI, KG, KG_IRI, ORG, PREFIXES
from kg.resolve import (
    resolve_article,
    resolve_body,
    resolve_in_article,
    resolve_locality,
    resolve_person,
    resolve_role,
    slug,
)


def test_a_misspelt_term_fails_at_import_time():
    assert str(KG.Person) == KG_IRI + "Person"
    with pytest.raises(AttributeError):
        KG.Persn  # noqa: B018
    with pytest.raises(AttributeError):
        ORG.membr  # noqa: B018


def test_prefixes_are_the_namespaces():
    assert PREFIXES["kg"] == KG_IRI
    assert PREFIXES["person"] == ID_IRI + "person/"


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Hoàng Trung Dũng", "hoang-trung-dung"),
        ("Đắk Lắk", "dak-lak"),
        ("Thanh Hoá", "thanh-hoa"),
        ("Thanh Hóa", "thanh-hoa"),
        ("Tỉnh ủy Hà Tĩnh", "tinh-uy-ha-tinh"),
        ("Tỉnh uỷ Hà Tĩnh", "tinh-uy-ha-tinh"),
        ("UBND tỉnh Thanh Hóa", "ubnd-tinh-thanh-hoa"),
        ("  Sở GTVT / tỉnh  ", "so-gtvt-tinh"),
        ("Quận 2", "quan-2"),
    ],
)
def test_slug_folds_vietnamese_to_ascii(text, expected):
    assert slug(text) == expected


def test_person_iri_is_name_plus_home_province():
    assert resolve_person(DUNG) == ID_IRI + "person/hoang-trung-dung-ha-tinh"
    assert resolve_person(Person("Hoàng Trung Dũng")) == ID_IRI + "person/hoang-trung-dung"
    # The same name in another province is another person.
    assert resolve_person(Person("Hoàng Trung Dũng", home="Nghệ An")) != resolve_person(DUNG)
    # Rank is not identity; tone placement is not either.
    assert resolve_person(
        Person("Hoàng Trung Dũng", rank="Đại tá", home="Hà Tĩnh")
    ) == resolve_person(DUNG)


def test_locality_iri_uses_the_gso_code_or_the_names_up_the_tree():
    assert resolve_locality(HA_TINH) == ID_IRI + "locality/province-42"
    assert resolve_locality(CAM_XUYEN) == ID_IRI + "locality/district-446"
    uncoded = Locality("Kỳ Đồng", "commune", "xã", "", Locality("Kỳ Anh", "district"))
    assert resolve_locality(uncoded) == ID_IRI + "locality/commune-ky-dong-ky-anh"


def test_body_role_and_article_iris():
    assert resolve_body(TINH_UY) == ID_IRI + "body/tinh-uy-ha-tinh"
    assert resolve_role("Phó Bí thư Thường trực") == ID_IRI + "role/pho-bi-thu-thuong-truc"
    assert resolve_article("000_d5453f38d9d606eb") == ID_IRI + "article/000_d5453f38d9d606eb"
    assert resolve_in_article("000_x", "post", 3) == ID_IRI + "article/000_x/post/3"
    # Ids we did not choose are escaped, not pasted.
    assert resolve_article("a b/c") == ID_IRI + "article/a%20b%2Fc"


def test_names_without_letters_get_a_stable_hashed_key():
    assert resolve_person(Person("…")) == resolve_person(Person("…"))
    assert resolve_person(Person("…")) != resolve_person(Person("—"))
    assert resolve_role("%").startswith(ID_IRI + "role/h")
    with pytest.raises(ValueError):
        resolve_article("")
