"""Text plumbing for extractors: sentences and tokens with character offsets, and a phrase matcher.

Offsets always refer to ``Article.text`` as read; normalisation (curly quotes, en spaces) changes
characters one for one, so an offset into the normalised text is an offset into the original.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from functools import lru_cache
from itertools import accumulate, compress
from typing import NamedTuple, overload

from kg.extract.base import Sentence

# One character in, one character out: offsets survive normalisation.
_NORMALISE = {
    "\u2019": "'", "\u2018": "'", "\u201c": '"', "\u201d": '"',
    "\u2002": " ", "\u2003": " ", "\u2009": " ", "\u00a0": " ", "\u202f": " ",
    "\u2013": "-", "\u2014": "-", "\u2011": "-",
}  # fmt: skip

#: Abbreviations after which a full stop does not end a sentence.
ABBREVIATIONS = frozenset(
    "mr mrs ms dr prof gen lt col maj capt sgt st jr sr rev hon sen rep gov pres amb dept "
    "jan feb mar apr jun jul aug sep sept oct nov dec no vs etc inc corp co ltd u.s u.k u.n e.u "
    "e.g i.e a.m p.m".split()
)

# Punctuation (and closing quotes) before a space, a blank line, or a line break before a capital:
# ``[.!?]+["')\]]*(?=\s+|$)|\n\s*\n|\n(?=[A-Z"'])``, written to begin with one character class
# so that the regex engine skips to those characters instead of trying each alternative everywhere.
# A blank line before a lowercase word goes on the sentence: the scanned Australian releases break
# their lines with blank lines ("a meeting with my New Zealand\n\ncounterpart, Mr Jim Bolger").
_SENTENCE_END = re.compile(
    r"[.!?\n](?:(?<=[.!?])[.!?]*[\"')\]]*(?=\s+|$)|(?<=\n)\s*\n(?![ \t]*[a-z])|(?<=\n)(?=[A-Z\"']))"
)
# A word, with its dotted continuation if it has one ("U.S."); the same tokens as
# ``\w+(?:\.\w+)+\.?|\w+|...`` without reading every word twice.
_TOKEN = re.compile(r"\w+(?:(?:\.\w+)+\.?)?|'s\b|[^\w\s]")
# The same tokens, written to begin with one character class (a token starts with any non-space)
# so that the regex engine skips the spaces between tokens itself; then the rest of a word, or
# the "s" of "'s", or nothing. A fifth faster on an article; tests/unit/test_extract_text.py
# checks it against ``_TOKEN``.
_SPLIT = re.compile(r"(\S(?:(?<=\w)\w*(?:(?:\.\w+)+\.?)?|(?<=')(?:s\b)?|))")


@lru_cache(maxsize=8)  # one article's text is normalised by several steps
def normalise(text: str) -> str:
    """The text with typographic quotes, dashes and spaces replaced one-for-one by ASCII."""
    if text.isascii():
        return text
    for typographic, plain in _NORMALISE.items():  # ten times faster than str.translate with a dict
        if typographic in text:
            text = text.replace(typographic, plain)
    return text


def split_sentences(text: str) -> list[Sentence]:
    """Split text into sentences, keeping character offsets; blank lines and headings also split.

    >>> [text[s.start:s.end] for text in ["Xi met Putin. They talked."] for s in split_sentences(text)]
    ['Xi met Putin.', 'They talked.']
    """
    norm = normalise(text)
    sentences: list[Sentence] = []
    start = 0
    for match in _SENTENCE_END.finditer(norm):
        end = match.end()
        if norm[match.start()] == "." and _ends_with_abbreviation(norm, start, match.start()):
            continue
        _append(sentences, norm, start, end)
        start = end
    _append(sentences, norm, start, len(norm))
    return sentences


def _ends_with_abbreviation(text: str, start: int, dot: int) -> bool:
    i = dot
    while i > start and (text[i - 1].isalnum() or text[i - 1] in "._"):  # the word before the dot
        i -= 1
    token = text[i:dot].lower()
    return token in ABBREVIATIONS or (len(token) == 1 and token.isalpha())


def _append(sentences: list[Sentence], text: str, start: int, end: int) -> None:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    if start < end:
        sentences.append(Sentence(len(sentences), start, end))


class Token(NamedTuple):
    """A token of normalised text with its character offsets."""

    text: str
    start: int
    end: int


class Tokens(Sequence[Token]):
    """The tokens of a text as three parallel lists: words, start and end offsets.

    Built by one ``re.split`` and one running sum, both in C, instead of a match object and a tuple
    per token (an article has about 900 tokens); a :class:`Token` is made only when one is asked for.
    """

    __slots__ = ("words", "starts", "ends")

    def __init__(self, words: list[str], starts: list[int], ends: list[int]):
        self.words, self.starts, self.ends = words, starts, ends

    def __len__(self) -> int:
        return len(self.words)

    @overload
    def __getitem__(self, i: int) -> Token: ...
    @overload
    def __getitem__(self, i: slice) -> list[Token]: ...
    def __getitem__(self, i: int | slice) -> Token | list[Token]:
        if isinstance(i, slice):
            return [Token(*t) for t in zip(self.words[i], self.starts[i], self.ends[i], strict=True)]
        return Token(self.words[i], self.starts[i], self.ends[i])

    def __iter__(self) -> Iterator[Token]:
        return map(Token, self.words, self.starts, self.ends)

    def __eq__(self, other: object) -> bool:
        return list(self) == list(other) if isinstance(other, Sequence) else NotImplemented

    __hash__ = None  # type: ignore[assignment]


def scan(text: str, start: int = 0, end: int | None = None, *, normalised: bool = False) -> Tokens:
    """Tokens of ``normalise(text)[start:end]`` with offsets into the whole text, as :class:`Tokens`.

    >>> tokens = scan("Xi met Putin.")
    >>> tokens.words, tokens.starts, tokens.ends
    (['Xi', 'met', 'Putin', '.'], [0, 3, 7, 12], [2, 6, 12, 13])
    """
    norm = text if normalised else normalise(text)
    if start or end is not None:
        norm = norm[start:end]
    parts = _SPLIT.split(norm)  # gap, token, gap, token, ..., gap
    offsets = list(accumulate(map(len, parts), initial=start))
    return Tokens(parts[1::2], offsets[1:-1:2], offsets[2::2])


def tokenize(text: str, start: int = 0, end: int | None = None) -> list[Token]:
    """Tokens of ``normalise(text)[start:end]``: words, dotted acronyms (U.S.), possessive 's, marks."""
    return list(scan(text, start, end))


def phrase_key(phrase: str) -> tuple[str, ...]:
    """The token sequence a phrase is matched by."""
    return tuple(t.text for t in tokenize(phrase))


@dataclass(frozen=True, slots=True)
class Match:
    """A phrase found in text: token range, character offsets and the payloads registered for it."""

    start: int
    end: int
    first_token: int
    last_token: int
    values: tuple[object, ...]


class PhraseMatcher:
    """Longest-match phrase lookup over tokens (a token trie), exact on case and punctuation."""

    def __init__(self) -> None:
        self._root: dict[str, dict] = {}

    def add(self, phrase: str, value: object) -> None:
        """Register a phrase (tokenised like the text) with a payload."""
        node = self._root
        key = phrase_key(phrase)
        if not key:
            return
        for token in key:
            node = node.setdefault(token, {})
        values = node.setdefault("", [])
        if value not in values:
            values.append(value)

    def starts_phrase(self, word: str) -> bool:
        """Whether some registered phrase begins with this token."""
        return word in self._root

    def find(self, tokens: Sequence[Token]) -> Iterator[Match]:
        """Non-overlapping matches, scanning left to right and preferring the longest at each point."""
        if not isinstance(tokens, Tokens):
            tokens = Tokens([t.text for t in tokens], [t.start for t in tokens], [t.end for t in tokens])
        words, root, count = tokens.words, self._root, len(tokens.words)
        after = 0  # the first token a new match may start at
        for i in compress(range(count), map(root.__contains__, words)):  # most tokens start none
            if i < after:
                continue
            # The longest phrase from token i (a loop inlined here: this runs on every article).
            node, last, values = root[words[i]], -1, None
            j = i
            while node is not None:
                if "" in node:
                    last, values = j, node[""]
                j += 1
                node = node.get(words[j]) if j < count else None
            if values is not None:
                yield Match(tokens.starts[i], tokens.ends[last], i, last, tuple(values))
                after = last + 1


def tokens_in(tokens: Iterable[Token], start: int, end: int) -> list[Token]:
    """The tokens that lie within a character range."""
    return [t for t in tokens if t.start >= start and t.end <= end]
