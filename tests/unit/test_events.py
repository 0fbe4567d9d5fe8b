"""Event and article look-ups over a store holding the seeds."""

from __future__ import annotations

import datetime as dt

import pytest

from kg import events
from kg.errors import NotFound

XI_PUTIN_2021 = "event/004_4b31d466614f82fc/meeting-1"


def test_events_filters_combine(seeded_store):
    total, video = events.list_events(seeded_store, participant="person/vladimir-putin", medium="video")
    assert total == 2 and {e["medium"] for e in video} == {"video"}
    assert [e["dateStart"] for e in video] == sorted((e["dateStart"] for e in video), reverse=True)
    total, _ = events.list_events(seeded_store, organisation="org/SCO")
    assert total == 1  # the meeting on the sidelines of the SCO summit (one event, as in the seeds)
    total, found = events.list_events(seeded_store, country="country/RUS", until=dt.date(2021, 12, 31))
    # the call and the treaty renewal; the visit planned in it is at the Winter Olympics, in 2022
    assert total == 2 and {e["kind"] for e in found} == {"meeting", "agreement"}


def test_events_paging_and_unknown_filters(seeded_store):
    total, first = events.list_events(seeded_store, limit=2)
    _, second = events.list_events(seeded_store, limit=2, offset=2)
    assert total >= 4 and len(first) == 2 and not {e["id"] for e in first} & {e["id"] for e in second}
    with pytest.raises(ValueError, match="unknown event filters"):
        events.list_events(seeded_store, speaker="person/x")


def test_events_one_event_with_its_source_sentences(seeded_store):
    meeting = events.event(seeded_store, XI_PUTIN_2021)
    assert (meeting["kind"], meeting["medium"], meeting["date"]) == ("meeting", "video", "2021-12-15")
    assert [p["label"] for p in meeting["participant"]] == ["Vladimir Putin", "Xi Jinping"]
    medium = next(s for s in meeting["sources"] if s["aspect"] == "medium")
    sentence = medium["sentence_text"]
    assert sentence["text"][sentence["start"] : sentence["end"]] == medium["text"]
    assert medium["text"].startswith("virtual")
    assert "in sentence" in medium["reason"]


def test_events_article_with_what_was_extracted(seeded_store):
    article = events.article(seeded_store, "004_4b31d466614f82fc")
    assert article["published"] == "2021-12-15" and article["source"] == "TDI"
    assert {"person/xi-jinping", "org/SCO"} <= {e["id"] for e in article["entities"]}
    assert XI_PUTIN_2021 in {e["id"] for e in article["events"]}


def test_events_missing_things_are_not_found(seeded_store):
    with pytest.raises(NotFound):
        events.event(seeded_store, "event/nope/meeting-1")
    with pytest.raises(NotFound):
        events.article(seeded_store, "nope")
