"""Tests for kg.extract.text: sentences and tokens keep offsets into the text, and the phrase matcher.

Every extractor reports character offsets into ``Article.text``; these tests pin down that the
text plumbing never shifts them: normalising typography changes characters one for one, sentence
spans slice back to the sentence, and tokens slice back to themselves.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from kg.extract import text as text_module
from kg.extract.text import PhraseMatcher, normalise, phrase_key, scan, split_sentences, tokenize, tokens_in
from kg.reader import read_articles

SEEDS = Path(__file__).resolve().parents[2] / "seeds"


def sentences(text: str) -> list[str]:
    return [text[s.start : s.end] for s in split_sentences(text)]


# -- normalisation --------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("China\u2019s \u2018core\u2019 interests", "China's 'core' interests"),
        ("\u201ccertain forces\u201d", '"certain forces"'),
        ("2021\u20132022 \u2014 a year", "2021-2022 - a year"),
        ("Eurasian\u2002Economic\u00a0Union\u202f", "Eurasian Economic Union "),
        ("plain ASCII stays as it is.", "plain ASCII stays as it is."),
    ],
)
def test_text_normalise_replaces_typography_one_for_one(text: str, expected: str) -> None:
    assert normalise(text) == expected
    assert len(normalise(text)) == len(text)  # so offsets into the normalised text fit the original


# -- sentences ------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Xi met Putin. They talked.", ["Xi met Putin.", "They talked."]),
        ("Did they meet? Yes! Twice.", ["Did they meet?", "Yes!", "Twice."]),
        ("He said \u201cyes.\u201d Then he left.", ["He said \u201cyes.\u201d", "Then he left."]),
        ("First paragraph\n\nSecond paragraph", ["First paragraph", "Second paragraph"]),
        # a scanned release breaks its lines with blank lines: a lowercase word goes on the sentence
        ("met my New\n\ncounterpart, Mr Bolger.", ["met my New\n\ncounterpart, Mr Bolger."]),
        ("Agenda of the Meeting\nHe spoke.", ["Agenda of the Meeting", "He spoke."]),  # a heading line
        ("  Leading and trailing blanks.  ", ["Leading and trailing blanks."]),
    ],
)  # fmt: skip
def test_text_sentence_offsets_slice_back_to_the_sentence(text: str, expected: list[str]) -> None:
    assert sentences(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "The U.S. and China held talks.",
        "Mr. Xi told Mrs. May and Dr. Li about it.",
        "Ms. Li met Gen. Wu in St. Petersburg.",
        "They met on Dec. 21 in Beijing.",
        "The envoy met J. Smith in Moscow.",
        "The U.K. and the E.U. signed.",
    ],
)
def test_text_abbreviations_and_initials_do_not_end_a_sentence(text: str) -> None:
    assert sentences(text + " Then they left.") == [text, "Then they left."]


def test_text_sentences_are_numbered_in_order() -> None:
    found = split_sentences("One. Two. Three.")
    assert [s.index for s in found] == [0, 1, 2]
    assert [(s.start, s.end) for s in found] == [(0, 4), (5, 9), (10, 16)]


def test_text_empty_and_blank_text_have_no_sentences() -> None:
    assert split_sentences("") == []
    assert split_sentences(" \n\n \n") == []


@pytest.mark.parametrize("article", list(read_articles(SEEDS)), ids=lambda a: a.id)
def test_text_seed_sentences_are_trimmed_ordered_and_disjoint(article) -> None:
    found = split_sentences(article.text)
    assert len(found) > 10
    for before, after in zip(found, found[1:], strict=False):
        assert before.end <= after.start
    for sentence in found:
        body = article.text[sentence.start : sentence.end]
        assert body and body == body.strip()


# -- tokens ---------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("U.S.", ["U.S."]),
        ("the U.S.-China talks", ["the", "U.S.", "-", "China", "talks"]),
        ("China's", ["China", "'s"]),
        ("China\u2019s position", ["China", "'s", "position"]),  # curly apostrophe, normalised
        ("Russia-China ties", ["Russia", "-", "China", "ties"]),
        ("US$100 billion", ["US", "$", "100", "billion"]),
        ("Ministers' meeting", ["Ministers", "'", "meeting"]),
    ],
)
def test_text_tokenize_splits_words_acronyms_and_possessives(text: str, expected: list[str]) -> None:
    tokens = tokenize(text)
    assert [t.text for t in tokens] == expected
    assert [normalise(text)[t.start : t.end] for t in tokens] == expected


def test_text_tokenize_a_window_keeps_offsets_into_the_whole_text() -> None:
    text = "Xi met Putin in Beijing."
    tokens = tokenize(text, 7, 15)
    assert [(t.text, t.start, t.end) for t in tokens] == [("Putin", 7, 12), ("in", 13, 15)]


def test_text_tokens_in_keeps_only_tokens_inside_the_range() -> None:
    tokens = tokenize("Xi met Putin in Beijing.")
    assert [t.text for t in tokens_in(tokens, 3, 12)] == ["met", "Putin"]
    assert tokens_in(tokens, 4, 5) == []  # "e" of "met": no whole token


def test_text_phrase_key_is_the_token_sequence() -> None:
    assert phrase_key("U.S. President") == ("U.S.", "President")
    assert phrase_key("China's leader") == ("China", "'s", "leader")


# -- the phrase matcher ---------------------------------------------------------------------------


@pytest.fixture
def matcher() -> PhraseMatcher:
    matcher = PhraseMatcher()
    matcher.add("UN", "org/UN")
    matcher.add("UN Security Council", "org/UNSC")
    matcher.add("Security Council", "org/UNSC")
    return matcher


def found(matcher: PhraseMatcher, text: str) -> list[tuple[str, tuple[object, ...]]]:
    return [(text[m.start : m.end], m.values) for m in matcher.find(tokenize(text))]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The UN Security Council met.", [("UN Security Council", ("org/UNSC",))]),
        ("The UN met.", [("UN", ("org/UN",))]),
        ("The UN Security met.", [("UN", ("org/UN",))]),  # a partial longer phrase falls back
        ("The UN and the Security Council.", [("UN", ("org/UN",)), ("Security Council", ("org/UNSC",))]),
        ("the un security council", []),  # exact on case
        ("UNESCO", []),  # whole tokens only
    ],
)
def test_text_matcher_prefers_the_longest_match(matcher: PhraseMatcher, text: str, expected: list) -> None:
    assert found(matcher, text) == expected


def test_text_matcher_reports_token_range(matcher: PhraseMatcher) -> None:
    (match,) = matcher.find(tokenize("At the UN Security Council today"))
    assert (match.first_token, match.last_token) == (2, 4)


def test_text_matcher_keeps_each_payload_once_and_in_order() -> None:
    matcher = PhraseMatcher()
    for value in ("country/GEO", "country/USA-GA", "country/GEO"):
        matcher.add("Georgia", value)
    matcher.add("", "ignored")  # an empty phrase registers nothing
    assert found(matcher, "Georgia said") == [("Georgia", ("country/GEO", "country/USA-GA"))]


def test_text_scan_gives_the_tokens_as_parallel_lists() -> None:
    text = "Xi met\u2019s  Putin, in U.S."
    tokens = scan(text)
    assert list(tokens) == tokenize(text)  # the same tokens, built without a tuple apiece
    assert tokens.words == ["Xi", "met", "'s", "Putin", ",", "in", "U.S."]
    assert [text[s:e] for s, e in zip(tokens.starts, tokens.ends, strict=True)][2] == "\u2019s"
    assert tokens[3] == ("Putin", 10, 15) and tokens[-1].text == "U.S." and len(tokens) == 7
    assert scan(text, 6, 15).words == ["'s", "Putin"] and scan(text, 6, 15).starts == [6, 10]


@pytest.mark.parametrize(
    "text",
    [
        "U.S.-China talks at 9.30 a.m. on the U.S.S.R.'s 3.5% _under_score",
        "'s 's' ''s 'sx Ministers' meeting, China's. 's\n's",
        "Émile Zoë's café-au-lait \u00a0 naïve ×2 …",
        "",
        "   ",
    ],
)
def test_text_scan_splits_like_the_token_pattern(text: str) -> None:
    """The split pattern of ``scan`` is a faster spelling of ``_TOKEN``: the same tokens."""
    norm = normalise(text)
    assert scan(text).words == [m.group() for m in text_module._TOKEN.finditer(norm)]
    assert text_module._SPLIT.split(norm) == re.split(f"({text_module._TOKEN.pattern})", norm)


def test_text_matcher_reads_tokens_as_lists_or_tuples(matcher: PhraseMatcher) -> None:
    text = "The UN Security Council met."
    assert list(matcher.find(scan(text))) == list(matcher.find(tokenize(text)))
