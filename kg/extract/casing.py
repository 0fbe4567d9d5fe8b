"""Lowercase text with the offsets kept, for case-blind patterns compiled without ``re.I``.

Python's ``re`` runs an alternation of words several times faster on lowercased text than with
``re.IGNORECASE``; the extractors' hot patterns are written in lowercase and run on this copy.
:func:`case_blind` does the same for a pattern compiled with ``re.I``, without changing a match.
"""

from __future__ import annotations

import re
import sys
from collections.abc import Iterator
from functools import lru_cache

#: The letters that ``re.IGNORECASE`` pairs with an ASCII letter although ``str.lower`` does not
#: turn them into it: dotted and dotless I with "i", long s with "s". A text with one of them is
#: searched with the case-blind pattern itself.
_FOLD_APART = ("\u0130", "\u0131", "\u017f")
#: What a pattern must not hold to be searched lowercased: a capital outside an escape, a flag
#: group that could turn case-blindness off ("(?-i:[A-Z])"), or a named backreference.
_UNSAFE = re.compile(r"[A-Z]|\(\?[a-zA-Z]*-|\(\?P=")
_ESCAPE = re.compile(r"\\.")
_GROUP_NAME = re.compile(r"\(\?P<\w+>")
#: Escapes that name a character by its code, or a backreference: a capital could hide in them.
_CODED = re.compile(r"\\[xuUN0-9]")
#: A pattern of whole lowercase words: ``\b(?:met|meet|talks)\b``.
_WORDS = re.compile(r"\\b\(\?:([a-z]+(?:\|[a-z]+)*)\)\\b")


@lru_cache(maxsize=8)  # one article's text is lowered by several steps
def lowered(text: str) -> str:
    """``text.lower()``, one character for one: a letter whose lowercase is longer ("İ") is kept."""
    lower = text.lower()
    if len(lower) == len(text):
        return lower
    return "".join(c.lower() if len(c.lower()) == 1 else c for c in text)


class CaseBlind:
    """A pattern compiled with ``re.IGNORECASE``, searched as its lowercase twin on lowered text.

    The matches are the same (offsets, and groups as written in the searched text): on a text
    without the letters of ``_FOLD_APART``, a lowercase letter of the pattern matches a character
    case-blind exactly when the character lowers to it, and lowering keeps ``\\w``, ``\\s`` and
    ``\\b`` as they were. Build it through :func:`case_blind`, which checks the pattern.

    >>> pattern = case_blind(re.compile(r"\\bvideo (call|link)\\b", re.I))
    >>> found = pattern.search("A Video Link with Paris")
    >>> found.span(), found.group(1)
    ((2, 12), 'Link')
    """

    __slots__ = ("blind", "pattern", "flags", "groups", "_twin")

    def __init__(self, blind: re.Pattern[str]):
        self.blind = blind
        self.pattern, self.flags, self.groups = blind.pattern, blind.flags, blind.groups
        self._twin = re.compile(blind.pattern, blind.flags & ~re.IGNORECASE)

    def search(self, string: str, pos: int = 0, endpos: int = sys.maxsize) -> re.Match[str] | Written | None:
        return self._first("search", string, pos, endpos)

    def match(self, string: str, pos: int = 0, endpos: int = sys.maxsize) -> re.Match[str] | Written | None:
        return self._first("match", string, pos, endpos)

    def fullmatch(
        self, string: str, pos: int = 0, endpos: int = sys.maxsize
    ) -> re.Match[str] | Written | None:
        return self._first("fullmatch", string, pos, endpos)

    def _first(self, method: str, string: str, pos: int, endpos: int) -> re.Match[str] | Written | None:
        lower = _lower(string)
        if lower is None:
            return getattr(self.blind, method)(string, pos, endpos)  # type: ignore[no-any-return]
        found = getattr(self._twin, method)(lower, pos, endpos)
        return None if found is None else Written(found, string)

    def finditer(
        self, string: str, pos: int = 0, endpos: int = sys.maxsize
    ) -> Iterator[re.Match[str] | Written]:
        lower = _lower(string)
        if lower is None:
            yield from self.blind.finditer(string, pos, endpos)
            return
        for found in self._twin.finditer(lower, pos, endpos):
            yield Written(found, string)


class Written:
    """A match on the lowered text, read back in the text as written (offsets are the same)."""

    __slots__ = ("_match", "string")

    def __init__(self, match: re.Match[str], string: str):
        self._match, self.string = match, string

    def group(self, *groups: int | str) -> str | None | tuple[str | None, ...]:
        spans = [self._match.span(g) for g in groups or (0,)]
        texts = [None if start < 0 else self.string[start:end] for start, end in spans]
        return texts[0] if len(texts) == 1 else tuple(texts)

    def __getitem__(self, group: int | str) -> str | None:
        return self.group(group)  # type: ignore[return-value]

    def groups(self) -> tuple[str | None, ...]:
        return tuple(self.group(g) for g in range(1, self._match.re.groups + 1))  # type: ignore[misc]

    def start(self, group: int | str = 0) -> int:
        return self._match.start(group)

    def end(self, group: int | str = 0) -> int:
        return self._match.end(group)

    def span(self, group: int | str = 0) -> tuple[int, int]:
        return self._match.span(group)

    @property
    def lastindex(self) -> int | None:
        return self._match.lastindex


def case_blind(pattern: re.Pattern[str]) -> re.Pattern[str] | CaseBlind:
    """A faster stand-in for a pattern compiled with ``re.I``, or the pattern itself when its
    lowercase twin could match otherwise (a capital in it, case-blindness turned off inside it, a
    backreference, a cased letter beyond ASCII)."""
    source = _GROUP_NAME.sub("(", _ESCAPE.sub("", pattern.pattern))
    if (
        not pattern.flags & re.IGNORECASE
        or _CODED.search(pattern.pattern)
        or _UNSAFE.search(source)
        or any(not c.isascii() and c.lower() != c.upper() for c in source)
    ):
        return pattern
    return CaseBlind(pattern)


def _lower(text: str) -> str | None:
    """The lowered text, or ``None`` when a case-blind search of it could find something else."""
    if "\u0130" in text or "\u0131" in text or "\u017f" in text:  # _FOLD_APART, spelt out: hot
        return None
    return lowered(text) if len(text) > 2000 else text.lower()


def word_spans(pattern: re.Pattern[str], text: str) -> list[tuple[int, int]]:
    """``[m.span() for m in pattern.finditer(text)]``, found faster when the pattern is a list of
    whole lowercase words (``\\b(?:met|meet|talks)\\b``): the pattern is tried only where one of
    its words occurs (``str.find``), left to right, as ``finditer`` would.

    >>> word_spans(re.compile(r"\\b(?:met|meet|meeting)\\b"), "they met, meeting at a metro")
    [(5, 8), (10, 17)]
    """
    starts = _word_starts(pattern)
    if starts is None:
        return [m.span() for m in pattern.finditer(text)]
    candidates = set()
    for word in starts:
        at = text.find(word)
        while at >= 0:
            candidates.add(at)
            at = text.find(word, at + 1)
    spans, after = [], 0
    for at in sorted(candidates):  # a match starts with one of the words, so only these can
        if at < after:
            continue
        found = pattern.match(text, at)
        if found is not None:
            spans.append(found.span())
            after = found.end()
    return spans


@lru_cache(maxsize=16)
def _word_starts(pattern: re.Pattern[str]) -> tuple[str, ...] | None:
    """The words of a whole-word pattern that no other of its words begins ("meet" for "meets"),
    or ``None`` for any other pattern."""
    words = _WORDS.fullmatch(pattern.pattern)
    if words is None or pattern.flags & re.IGNORECASE:
        return None
    alternatives = words.group(1).split("|")
    shortest = {w for w in alternatives if not any(w.startswith(o) and o != w for o in alternatives)}
    return tuple(sorted(shortest))
