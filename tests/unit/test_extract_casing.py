"""Tests for kg.extract.casing: lowered text keeps offsets, and a case-blind pattern searched as its
lowercase twin finds exactly what the pattern itself finds."""

from __future__ import annotations

import re

import pytest

from kg.extract.casing import CaseBlind, case_blind, lowered, word_spans

PATTERNS = [
    r"\bvideo[- ](?:link|call)s?\b|\bvia video\b",
    r"\b(bilateral|trilateral)\b",
    r"\b(?:has|have|had) (?:\w+ )?(?:met|visited)\b",
    r"\b(?:summit|meetings?) of (?:the )?\(?$",
    r"(?P<verb>visit(?:ed)?|be met by)\s+(?P<who>[a-z]+)",
]
TEXTS = [
    "The two leaders held a Video Link; they MET via video.",
    "A BILATERAL meeting, then Trilateral talks",
    "He Has Already Met the king, and had visited Paris",
    "ahead of the Summit of the (",
    "İstanbul: they visıted Ankara; the ſummit; Be Met By Erdoğan",  # letters re.I folds apart
    "Kelvin \u212a, Straße, ÉLYSÉE, final ΣΑΣ",
    "",
]


def _seen(match: object) -> object:
    if match is None:
        return None
    return match.span(), match.group(), match.groups(), match.lastindex  # type: ignore[attr-defined]


@pytest.mark.parametrize("source", PATTERNS)
@pytest.mark.parametrize("text", TEXTS)
def test_casing_case_blind_finds_what_the_pattern_finds(source: str, text: str) -> None:
    blind = re.compile(source, re.I)
    twin = case_blind(blind)
    assert isinstance(twin, CaseBlind)
    for start, end in [(0, len(text)), (3, len(text)), (0, max(0, len(text) - 5)), (4, 9)]:
        assert _seen(twin.search(text, start, end)) == _seen(blind.search(text, start, end))
        assert _seen(twin.match(text, start, end)) == _seen(blind.match(text, start, end))
        assert _seen(twin.fullmatch(text, start, end)) == _seen(blind.fullmatch(text, start, end))
        assert [_seen(m) for m in twin.finditer(text, start, end)] == [
            _seen(m) for m in blind.finditer(text, start, end)
        ]


@pytest.mark.parametrize(
    "source",
    [
        r" (?:back )?(?:(?-i:[A-Z])|him\b)",  # case-blindness turned off inside
        r"\bFM\b|talks",  # a capital
        r"\x41gency",  # a capital spelt as a code
        r"(a)b\1",  # a backreference
        r"\bσ\w+",  # a cased letter beyond ASCII
    ],
)
def test_casing_case_blind_keeps_patterns_it_cannot_twin(source: str) -> None:
    pattern = re.compile(source, re.I)
    assert case_blind(pattern) is pattern
    assert case_blind(re.compile("video")) is not None  # and a pattern without re.I is its own
    assert isinstance(case_blind(re.compile("video")), re.Pattern)


def test_casing_lowered_keeps_offsets() -> None:
    text = "İSTANBUL and Ankara"
    assert len(lowered(text)) == len(text) and lowered(text).endswith("and ankara")


@pytest.mark.parametrize(
    "source",
    [
        r"\b(?:met|meet|meets|meeting|talks|talk|call|called)\b",  # whole words: found by str.find
        r"\b(?:met|meet)s?\b",  # any other pattern: finditer itself
    ],
)
def test_casing_word_spans_are_the_pattern_matches(source: str) -> None:
    pattern = re.compile(source)
    for text in [lowered(t) for t in TEXTS] + ["metmeet meets,met-meet talks.called recall", "meeting"]:
        assert word_spans(pattern, text) == [m.span() for m in pattern.finditer(text)]
