"""The four views, each a NetworkX graph built from the network query rows.

Nodes are the resources' IRIs. Every node has ``type`` (person, event, locality, body),
``label`` (what to print: a name, "huyện Kỳ Anh", ...) and ``bipartite`` (0 for people, 1 for
the other mode); every edge has ``kind`` and ``weight``. Values are strings and numbers only
(lists are joined with "; "), so GraphML and GEXF hold them. Where a date is known, nodes and
edges have ``start`` and ``end`` (``YYYY-MM-DD``), the time interval Gephi reads from GEXF.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Callable

import networkx as nx
from networkx.algorithms import bipartite

from kg.network.data import Filters, NetworkData, NetworkError, name_key, span, vi_date

VIEWS = ("attendance", "co-attendance", "officials", "bodies")

TITLES = {
    "attendance": "Ai dự sự kiện nào (người ↔ sự kiện)",
    "co-attendance": "Cùng dự sự kiện (người – người, trọng số = số sự kiện chung)",
    "officials": "Cán bộ và địa phương (qua chức vụ và sự kiện)",
    "bodies": "Cán bộ và cơ quan, tổ chức (qua chức vụ; cơ quan ↔ cơ quan cấp trên)",
}

TYPE_VI = {
    "person": "Người",
    "event": "Sự kiện",
    "locality": "Địa phương",
    "body": "Cơ quan, tổ chức",
}

KIND_VI = {
    "conference": "hội nghị",
    "meeting": "buổi làm việc",
    "congress": "đại hội",
    "visit": "chuyến thăm",
    "dialogue": "đối thoại",
    "ceremony": "lễ",
}

# Most telling first: an edge's ``role`` is the first of its roles in this order.
ROLE_VI = {
    "chaired": "chủ trì",
    "directed": "chỉ đạo",
    "concluded": "kết luận",
    "spoke": "phát biểu",
    "reported": "báo cáo",
    "awarded": "trao thưởng",
    "presented_with": "được trao thưởng",
    "attended": "dự",
}

EDGE_KIND_VI = {
    "attended": "dự sự kiện",
    "co-attended": "cùng dự sự kiện",
    "post": "giữ chức vụ",
    "event": "dự sự kiện ở địa phương",
    "post+event": "chức vụ và sự kiện",
    "part_of": "trực thuộc",
}

BODY_CLASS_VI = {
    "PartyCommittee": "cấp ủy",
    "StandingCommittee": "ban thường vụ",
    "PartyOrganization": "tổ chức đảng",
    "PartyDepartment": "ban đảng",
    "GovernmentBody": "chính quyền",
    "Agency": "cơ quan",
    "MassOrganization": "đoàn thể",
    "OtherOrganization": "tổ chức khác",
}

SEP = "; "
EVIDENCE_SEP = " | "  # sentences hold "; " themselves


def _join(items, sep: str = SEP) -> str:
    seen: dict[str, None] = {}
    for item in items:
        if item:
            seen.setdefault(item, None)
    return sep.join(seen)


def _set_time(data: dict, dates: list[str]) -> None:
    iv = span(dates)
    if iv:
        data["start"], data["end"] = iv


def event_title(kind: str, subtype: str) -> str:
    """``Hội nghị tổng kết, triển khai``."""
    words = f"{KIND_VI.get(kind, kind or 'sự kiện')} {subtype}".strip()
    return words[:1].upper() + words[1:]


def post_text(row: dict[str, str]) -> str:
    """``Bí thư Tỉnh ủy Hà Tĩnh``, ``nguyên Chủ tịch UBND tỉnh ...``."""
    text = f"{row['role']} {row['body_name']}".strip()
    return f"nguyên {text}" if row.get("former") == "true" else text


# --------------------------------------------------------------------------- people


def person_posts(rows: list[dict[str, str]], filters: Filters) -> dict[str, str]:
    """Person IRI -> their posts in the date range, as ``Bí thư Tỉnh ủy Hà Tĩnh (01/2024)``."""
    dates: dict[str, dict[str, list[str]]] = defaultdict(lambda: defaultdict(list))
    for row in rows:
        if filters.in_time(row["date"]):
            dates[row["person"]][post_text(row)].append(row["date"])
    out = {}
    for person, posts in dates.items():
        parts = []
        for text, when in posts.items():
            shown = sorted({vi_date(d) for d in when if d}, key=lambda d: d[::-1])
            parts.append(f"{text} ({', '.join(shown)})" if shown else text)
        out[person] = SEP.join(parts)
    return out


def _add_person(graph: nx.Graph, iri: str, name: str) -> None:
    if iri not in graph:
        graph.add_node(iri, type="person", bipartite=0, label=name, name=name, posts="")


def _list_posts(graph: nx.Graph, data: NetworkData, filters: Filters) -> None:
    """Each person's ``posts``: every post the store gives them in the date range, wherever
    it was held (read once the view knows who is in it)."""
    people = {n for n, t in graph.nodes(data="type") if t == "person"}
    posts = person_posts(data.posts_of(people), filters)
    for person in people:
        graph.nodes[person]["posts"] = posts.get(person, "")


def _add_locality(graph: nx.Graph, data: NetworkData, iri: str) -> None:
    if iri in graph:
        return
    places = data.places
    graph.add_node(
        iri,
        type="locality",
        bipartite=1,
        label=places.label(iri) or places.name.get(iri, iri),
        name=places.name.get(iri, ""),
        level=places.level.get(iri, ""),
        province=places.province(iri),
    )


# --------------------------------------------------------------------------- attendance


def _attendance_rows(data: NetworkData, filters: Filters) -> list[dict[str, str]]:
    return [
        r
        for r in data.attendance
        if filters.in_time(r["date"]) and filters.in_place(data.places, r["place"])
    ]


def attendance(data: NetworkData, filters: Filters) -> nx.Graph:
    """The two-mode graph person ↔ event; edge ``role`` (the most telling), ``roles``."""
    graph = nx.Graph()
    roles: dict[tuple[str, str], list[str]] = defaultdict(list)
    evidence: dict[tuple[str, str], list[str]] = defaultdict(list)
    places = data.places
    for row in _attendance_rows(data, filters):
        event = row["event"]
        if event not in graph:
            title = event_title(row["kind"], row["subtype"])
            where = row["organizer_name"] or places.label(row["place"])
            label = " ".join(x for x in (event_title(row["kind"], ""), vi_date(row["date"])) if x)
            label = f"{label} – {where}" if where else label
            node = dict(
                type="event",
                bipartite=1,
                label=label,
                title=title,
                kind=row["kind"],
                date=row["date"],
                organizer=row["organizer_name"],
                locality=places.label(row["place"]) if row["place"] else "",
                province=places.province(row["place"]) if row["place"] else "",
                evidence=row["event_evidence"],
                article=row["article"],
            )
            _set_time(node, [row["date"]])
            graph.add_node(event, **node)
        _add_person(graph, row["person"], row["name"])
        key = (row["person"], event)
        roles[key].append(row["role"])
        evidence[key].append(row["evidence"])
    order = list(ROLE_VI)
    for (person, event), said in roles.items():
        ranked = sorted(set(said), key=lambda r: order.index(r) if r in order else len(order))
        edge = dict(
            kind="attended",
            weight=1.0,
            role=ranked[0],
            roles=SEP.join(ranked),
            roles_vi=SEP.join(ROLE_VI.get(r, r) for r in ranked),
            evidence=_join(evidence[(person, event)], EVIDENCE_SEP),
            date=graph.nodes[event]["date"],
            article=graph.nodes[event]["article"],
        )
        _set_time(edge, [edge["date"]])
        graph.add_edge(person, event, **edge)
    _list_posts(graph, data, filters)
    _person_times(graph)
    return graph


def _person_times(graph: nx.Graph) -> None:
    """People (and other nodes without a date) span the dates of their links."""
    for node, attrs in graph.nodes(data=True):
        if "start" in attrs:
            continue
        dates = [
            d
            for _, _, e in graph.edges(node, data=True)
            for d in (e.get("start"), e.get("end"))
            if d
        ]
        _set_time(attrs, dates)


def co_attendance(data: NetworkData, filters: Filters) -> nx.Graph:
    """People linked by the events they attended together (``weight``: how many)."""
    two_mode = attendance(data, filters)
    people = [n for n, t in two_mode.nodes(data="type") if t == "person"]
    if not people:  # networkx refuses to project an empty graph
        return nx.Graph()
    graph = bipartite.weighted_projected_graph(two_mode, people)
    for u, v, edge in graph.edges(data=True):
        shared = sorted(
            set(two_mode[u]) & set(two_mode[v]), key=lambda e: (two_mode.nodes[e]["date"], e)
        )
        edge["weight"] = float(edge["weight"])
        edge["kind"] = "co-attended"
        edge["shared_events"] = SEP.join(two_mode.nodes[e]["label"] for e in shared)
        dates = [two_mode.nodes[e]["date"] for e in shared]
        edge["date"] = _join(dates)
        _set_time(edge, dates)
    for node, attrs in graph.nodes(data=True):
        attrs["events"] = two_mode.degree(node)
        attrs.pop("start", None)
        attrs.pop("end", None)
    graph.remove_nodes_from(list(nx.isolates(graph)))
    _person_times(graph)
    return graph


# --------------------------------------------------------------------------- officials


def officials(data: NetworkData, filters: Filters) -> nx.Graph:
    """Person ↔ locality, through their posts (the body's locality) and through the events
    they took part in there; ``kind`` post, event or post+event, ``weight`` posts + events."""
    graph = nx.Graph()
    links: dict[tuple[str, str], dict[str, dict]] = defaultdict(lambda: {"posts": {}, "events": {}})
    for row in data.posts:
        if not row["place"] or not filters.in_time(row["date"]):
            continue
        if not filters.in_place(data.places, row["place"]):
            continue
        _add_person(graph, row["person"], row["name"])
        _add_locality(graph, data, row["place"])
        link = links[(row["person"], row["place"])]["posts"]
        item = link.setdefault(
            row["post"],
            {
                "text": post_text(row),
                "date": row["date"],
                "evidence": [],
                "article": row["article"],
            },
        )
        item["evidence"].append(row["evidence"])
    for row in _attendance_rows(data, filters):
        if not row["place"]:
            continue
        _add_person(graph, row["person"], row["name"])
        _add_locality(graph, data, row["place"])
        link = links[(row["person"], row["place"])]["events"]
        title = event_title(row["kind"], row["subtype"])
        item = link.setdefault(
            row["event"],
            {
                "text": f"{title} {vi_date(row['date'])}".strip(),
                "date": row["date"],
                "roles": [],
                "evidence": [],
                "article": row["article"],
            },
        )
        item["roles"].append(ROLE_VI.get(row["role"], row["role"]))
        item["evidence"].append(row["evidence"] or row["event_evidence"])
    for (person, place), link in links.items():
        kinds = [k for k, key in (("post", "posts"), ("event", "events")) if link[key]]
        items = list(link["posts"].values()) + list(link["events"].values())
        edge = dict(
            kind="+".join(kinds),
            weight=float(len(link["posts"]) + len(link["events"])),
            posts=len(link["posts"]),
            events=len(link["events"]),
            via=_join(
                [i["text"] for i in link["posts"].values()]
                + [
                    f"{i['text']} ({', '.join(dict.fromkeys(i['roles']))})"
                    for i in link["events"].values()
                ]
            ),
            evidence=_join((e for i in items for e in i["evidence"]), EVIDENCE_SEP),
            date=_join(sorted(i["date"] for i in items if i["date"])),
            article=_join(sorted(i["article"] for i in items)),
        )
        _set_time(edge, [i["date"] for i in items])
        graph.add_edge(person, place, **edge)
    _list_posts(graph, data, filters)
    _person_times(graph)
    return graph


# --------------------------------------------------------------------------- bodies


def bodies(data: NetworkData, filters: Filters) -> nx.Graph:
    """Person ↔ body through posts (``roles``, ``weight``: observations); each body linked to
    the body it belongs to (``kind`` part_of)."""
    graph = nx.Graph()
    info = {}
    parents: dict[str, list[str]] = defaultdict(list)
    for row in data.bodies:
        info.setdefault(row["body"], dict(row))
        if row["class"] and not info[row["body"]]["class"]:
            info[row["body"]]["class"] = row["class"]
        if row["place"] and not info[row["body"]]["place"]:
            info[row["body"]]["place"] = row["place"]
        if row["parent"] and row["parent"] not in parents[row["body"]]:
            parents[row["body"]].append(row["parent"])
    places = data.places

    def add_body(iri: str) -> None:
        if iri in graph:
            return
        row = info.get(iri, {"name": iri, "class": "", "place": ""})
        place = row["place"]
        graph.add_node(
            iri,
            type="body",
            bipartite=1,
            label=row["name"],
            name=row["name"],
            body_class=row["class"],
            class_vi=BODY_CLASS_VI.get(row["class"], ""),
            locality=places.label(place) if place else "",
            province=places.province(place) if place else "",
        )

    def body_place_ok(iri: str) -> bool:
        return filters.in_place(places, info.get(iri, {}).get("place", ""))

    links: dict[tuple[str, str], dict[str, dict]] = defaultdict(dict)
    for row in data.posts:
        if not row["body"] or not filters.in_time(row["date"]) or not body_place_ok(row["body"]):
            continue
        _add_person(graph, row["person"], row["name"])
        add_body(row["body"])
        item = links[(row["person"], row["body"])].setdefault(
            row["post"],
            {
                "role": row["role"],
                "former": row["former"] == "true",
                "date": row["date"],
                "evidence": [],
                "article": row["article"],
            },
        )
        item["evidence"].append(row["evidence"])
    for (person, body), observed in links.items():
        items = list(observed.values())
        edge = dict(
            kind="post",
            weight=float(len(items)),
            roles=_join(("nguyên " if i["former"] else "") + i["role"] for i in items),
            evidence=_join((e for i in items for e in i["evidence"]), EVIDENCE_SEP),
            date=_join(sorted(i["date"] for i in items if i["date"])),
            article=_join(sorted(i["article"] for i in items)),
        )
        _set_time(edge, [i["date"] for i in items])
        graph.add_edge(person, body, **edge)
    pending = [n for n, t in graph.nodes(data="type") if t == "body"]
    while pending:
        body = pending.pop()
        for parent in parents.get(body, []):
            if not body_place_ok(parent):
                continue
            if parent not in graph:
                add_body(parent)
                pending.append(parent)
            graph.add_edge(body, parent, kind="part_of", weight=1.0)
    _list_posts(graph, data, filters)
    _person_times(graph)
    return graph


# --------------------------------------------------------------------------- filters


def _find_people(graph: nx.Graph, names: tuple[str, ...]) -> list[str]:
    found = []
    for name in names:
        key = name_key(name)
        hits = [
            n
            for n, a in graph.nodes(data=True)
            if a.get("type") == "person" and name_key(a.get("name", "")) == key
        ]
        if not hits:
            raise NetworkError(f"no person named {name!r} in this view (after the filters)")
        found.extend(hits)
    return found


def apply_filters(graph: nx.Graph, view: str, filters: Filters) -> nx.Graph:
    """``--person`` (the person and their neighbourhood: the people they share an event with
    in co-attendance, two steps — their events or places and who else is there — in the
    others), then ``--min-weight`` (lighter links and the nodes left alone go), then ``--top``
    (the N nodes of largest degree, ties by label)."""
    if filters.persons:
        radius = 1 if view == "co-attendance" else 2
        keep: set[str] = set()
        for person in _find_people(graph, filters.persons):
            keep.update(nx.ego_graph(graph, person, radius=radius))
        graph = graph.subgraph(keep).copy()
    if filters.min_weight is not None:
        light = [
            (u, v) for u, v, w in graph.edges(data="weight", default=1.0) if w < filters.min_weight
        ]
        graph.remove_edges_from(light)
        graph.remove_nodes_from(list(nx.isolates(graph)))
    if filters.top is not None and graph.number_of_nodes() > filters.top:
        ranked = sorted(
            graph.nodes, key=lambda n: (-graph.degree(n), graph.nodes[n].get("label", ""), n)
        )
        graph = graph.subgraph(ranked[: filters.top]).copy()
    return graph


def describe(graph: nx.Graph) -> str:
    """``Kho dữ liệu: out/kg-store · 6 sự kiện, 20 người, 22 liên kết · Lọc: ...``."""
    counts = Counter(t for _, t in graph.nodes(data="type"))
    parts = [f"Kho dữ liệu: {graph.graph.get('store') or '?'}"]
    parts.append(
        ", ".join(f"{n} {TYPE_VI.get(t, t).lower()}" for t, n in counts.items())
        + f", {graph.number_of_edges()} liên kết"
    )
    if graph.graph.get("filters"):
        parts.append(f"Lọc: {graph.graph['filters']}")
    return " · ".join(parts)


BUILDERS: dict[str, Callable[[NetworkData, Filters], nx.Graph]] = {
    "attendance": attendance,
    "co-attendance": co_attendance,
    "officials": officials,
    "bodies": bodies,
}


def build_view(data: NetworkData, view: str, filters: Filters | None = None) -> nx.Graph:
    """The graph of ``view`` (one of :data:`VIEWS`) on the store, filtered.

    ``graph.graph`` holds ``view``, ``title``, ``store`` and ``filters`` (a description).
    """
    if view not in BUILDERS:
        raise NetworkError(f"unknown view {view!r}; choose one of {', '.join(VIEWS)}")
    filters = filters or Filters()
    data = data.for_filters(filters)
    data.check(filters)
    graph = apply_filters(BUILDERS[view](data, filters), view, filters)
    graph.graph.update(view=view, title=TITLES[view], store=data.source, filters=filters.describe())
    return graph


__all__ = [
    "BODY_CLASS_VI",
    "EDGE_KIND_VI",
    "EVIDENCE_SEP",
    "KIND_VI",
    "ROLE_VI",
    "SEP",
    "TITLES",
    "TYPE_VI",
    "VIEWS",
    "apply_filters",
    "attendance",
    "bodies",
    "build_view",
    "co_attendance",
    "describe",
    "officials",
]
