"""Look-ups over a store holding the seeds: search, one entity, its relationships."""

from __future__ import annotations

import datetime as dt
import itertools

import pytest

from kg import event_index, lookup
from kg.errors import NotFound


def test_lookup_search_ranks_exact_and_prefix_matches_first(seeded_store):
    total, found = lookup.search_entities(seeded_store, "putin")
    assert total == 1 and found[0]["id"] == "person/vladimir-putin"
    _, found = lookup.search_entities(seeded_store, "China")
    assert found[0]["id"] == "country/CHN"  # the exact label beats 'China Foreign Affairs University'


def test_lookup_search_filters_by_type_and_pages(seeded_store):
    total, people = lookup.search_entities(seeded_store, "i", type="Person", limit=2)
    assert total >= 3 and len(people) == 2 and {p["type"] for p in people} == {"Person"}
    _, rest = lookup.search_entities(seeded_store, "i", type="Person", limit=2, offset=2)
    assert not {p["id"] for p in people} & {p["id"] for p in rest}


def _scan(index: lookup.SearchIndex, q: str) -> dict[str, int]:
    """The search as it was written before the joined haystack: every name, one by one."""
    needle, scores = q.casefold(), {}
    for name, weight, i in index.names:
        if needle in name:
            rank = weight * (4 if name == needle else 2 if name.startswith(needle) else 1)
            scores[index.entities[i][0]] = max(scores.get(index.entities[i][0], 0), rank)
    return scores


def test_lookup_search_in_the_joined_names_finds_what_a_scan_of_each_name_finds(seeded_store):
    index = lookup.search_index(seeded_store)
    names = [name for name, _, _ in index.names]
    needles = {name[i : i + n] for name in names for n in (1, 3, 6) for i in range(0, len(name), 5)}
    needles |= set(names) | {"PUTIN", "zzz-nothing", "\x00", names[0][-2:] + "\x00" + names[1][:2]}
    needles |= {a[-3:] + b[:3] for a, b in itertools.pairwise(names)}  # across two names: no match
    for needle in sorted(needles):
        assert {e["id"]: e["score"] for e in index.search(needle)} == _scan(index, needle), needle


def test_lookup_search_text_is_a_value_not_query_syntax(seeded_store):
    total, found = lookup.search_entities(seeded_store, '") } UNION { ?entity ?p ?o } #')
    assert (total, found) == (0, [])


def test_lookup_entity_has_dated_offices_and_identifiers(seeded_store):
    putin = lookup.entity(seeded_store, "person/vladimir-putin")
    assert (putin["label"], putin["type"], putin["wikidata"]) == ("Vladimir Putin", "Person", "Q7747")
    offices = [(o["office"], o["of"], o["start"]) for o in putin["offices"]]
    assert offices == sorted(offices, key=lambda o: o[2])  # oldest first
    assert ("President", "country/RUS", "2012-05-07") in offices
    assert "Putin" in putin["aliases"]
    assert "org/SCO" in lookup.entity(seeded_store, "country/RUS")["member_of"]


def test_lookup_unknown_entity_is_not_found(seeded_store):
    with pytest.raises(NotFound, match="Ids look like"):
        lookup.entity(seeded_store, "person/nobody")


def test_lookup_relations_group_meetings_by_kind_with_dates_and_sources(seeded_store):
    relations = event_index.relations(seeded_store, "person/vladimir-putin")
    (met,) = relations["met_with"]
    assert met["other"] == "person/xi-jinping" and met["other_label"] == "Xi Jinping"
    assert met["count"] >= 4 and met["first"] == "2021-12-15" and met["last"].startswith("2022-12")
    assert met["articles"] == ["000_288c75888d6de7ff", "004_4b31d466614f82fc"]
    assert relations["video_called"][0]["count"] == 2
    assert {r["other"] for r in relations["holds_office_in"]} == {"country/RUS"}


def test_lookup_relations_filter_by_kind_and_dates(seeded_store):
    only_2021 = event_index.relations(
        seeded_store, "person/vladimir-putin", kind="met_with", until=dt.date(2021, 12, 31)
    )
    # the call; the visit planned in it is at the Beijing Winter Olympics, in February 2022
    assert list(only_2021) == ["met_with"] and only_2021["met_with"][0]["count"] == 1
