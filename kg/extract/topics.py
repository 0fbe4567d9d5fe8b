"""Topics: the ontology's topic labels found in text, and the few topics an article is about.

:class:`TopicMatcher` is built from ``dipl:TopicScheme`` (``ontology/topics.ttl``): every
``skos:prefLabel`` and ``skos:altLabel`` is a surface form of its concept. As the scheme's header
asks, forms match case-insensitively on word boundaries, the longest first, and tag the most
specific concept. Two refinements keep hits honest: an acronym written in capitals ("WTO", "LNG")
matches only in capitals, and a common-noun label written capitalised inside a proper name ("the
UN Security Council", "Finance Minister", "Department of Energy") is part of that name, not a topic.

The matcher is one compiled regular expression whose alternatives share prefixes (a trie), so it
is cheap enough to run on every sentence. Other extractors use it like this::

    matcher = TopicMatcher.from_ontology(ontology)      # once
    hits = matcher.find(doc.normalised, sentence.start, sentence.end)
    notations = matcher.notations(doc.normalised, sentence.start, sentence.end)

:class:`TopicExtractor` (``dipl.topics.v1``) picks the article's own topics (see ``about``).
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections import Counter
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from functools import cache
from typing import TYPE_CHECKING, ClassVar

from rdflib import SKOS

import kg
from kg.extract.base import Doc, Evidence, Record, TopicRecord
from kg.extract.casing import lowered
from kg.extract.text import normalise

if TYPE_CHECKING:
    from kg.ontology import Ontology

#: Words that join the parts of a proper name: "Department of Energy", "Minister for Trade".
_NAME_JOINERS = frozenset({"of", "for", "and", "on", "the", "&"})
_WORD = re.compile(r"[\w'-]+")
_PUNCTUATION = re.compile(r"[,.;:!?()\"\n]")


@dataclass(frozen=True, slots=True)
class TopicHit:
    """A topic label found in text: the concept's notation and the character offsets of the label."""

    notation: str
    start: int
    end: int


class TopicMatcher:
    """Finds topic labels in text; built once, then :meth:`find` runs on every sentence.

    Args:
        labels: surface form -> topic notation. A form that two concepts share goes to the one
            listed in ``depth`` as deeper (the most specific concept).
        depth: notation -> level in the scheme (0 for a top concept); optional.

    >>> matcher = TopicMatcher({"trade": "trade", "free trade agreement": "trade", "WTO": "trade"})
    >>> [(h.notation, h.start, h.end) for h in matcher.find("They signed a Free Trade Agreement.")]
    [('trade', 14, 34)]
    >>> matcher.find("wto rules")  # an acronym matches only in capitals
    []
    """

    def __init__(self, labels: Mapping[str, str], depth: Mapping[str, int] | None = None):
        depth = depth or {}
        self._by_form: dict[str, str] = {}
        self._acronyms: set[str] = set()
        self._proper: set[str] = set()  # forms written with a capital in the scheme: names themselves
        for form, notation in labels.items():
            form = normalise(form.strip())
            key = form.casefold()
            if not key:
                continue
            current = self._by_form.get(key)
            if current is None or depth.get(notation, 0) > depth.get(current, 0):
                self._by_form[key] = notation
            if _is_acronym(form):
                self._acronyms.add(form)
            if any(c.isupper() for c in form):
                self._proper.add(key)
        self._acronym_keys = {a.casefold() for a in self._acronyms}
        source = rf"(?<![\w-]){trie_pattern(self._by_form)}(?![\w]|-\w)"
        self._lowercase = re.compile(source)  # on lowercased text, twice as fast as IGNORECASE
        self.depth = dict(depth)
        # The last text asked about: its label spans (kept or not), its hits and their starts.
        self._last: tuple[str, list[tuple[int, int]], list[TopicHit], list[int]] | None = None

    @classmethod
    def from_ontology(cls, ontology: Ontology) -> TopicMatcher:
        """The matcher for ``dipl:TopicScheme``: every prefLabel and altLabel of every concept."""
        from kg.vocab import DIPL

        labels: dict[str, str] = {}
        depth: dict[str, int] = {}
        for notation, concept in ontology.concepts(DIPL.TopicScheme).items():
            depth[notation] = sum(1 for _ in ontology.graph.objects(concept, SKOS.broader))
            alt = [str(a) for a in ontology.graph.objects(concept, SKOS.altLabel) if _english(a)]
            pref = [
                _pref_case(str(p), alt)
                for p in ontology.graph.objects(concept, SKOS.prefLabel)
                if _english(p)
            ]
            for label in pref + alt:
                labels.setdefault(label, notation)
        return cls(labels, depth)

    def find(self, text: str, start: int = 0, end: int | None = None) -> list[TopicHit]:
        """The topic labels in ``text[start:end]``, left to right, longest match at each point.

        ``text`` should be normalised (:func:`kg.extract.text.normalise`, as ``Doc.normalised``);
        offsets are into ``text``. The whole text is read once, and the hits of the last text
        asked about are kept: the meeting and statement extractors ask about one article's
        sentences hundreds of times.
        """
        end = len(text) if end is None else end
        last = self._last  # the memo holds its text, so ``is`` cannot be fooled by a reused id
        if last is None or last[0] is not text:
            matches = [m.span() for m in self._matches(text, 0, len(text))]
            hits = self._hits(text, matches)
            last = self._last = (text, matches, hits, [hit.start for hit in hits])
        _, matches, hits, starts = last
        # A label across the edge of the span (kept or not) may leave a shorter one inside it.
        first, stop = bisect_left(matches, (start, start)), bisect_left(matches, (end, end))
        if (first and matches[first - 1][1] > start) or (stop and matches[stop - 1][1] > end):
            return self._hits(text, [m.span() for m in self._matches(text, start, end)])
        return hits[bisect_left(starts, start) : bisect_left(starts, end)]

    def _hits(self, text: str, matches: list[tuple[int, int]]) -> list[TopicHit]:
        hits = []
        for start, end in matches:
            surface = text[start:end]
            key = surface.casefold()
            notation = self._by_form.get(key)
            if notation is None:  # cannot happen unless casefold changes length
                continue
            if self._is_false_acronym(surface) or self._inside_name(text, start, surface, key):
                continue
            hits.append(TopicHit(notation, start, end))
        return hits

    def _matches(self, text: str, start: int, end: int) -> Iterable[re.Match[str]]:
        return self._lowercase.finditer(lowered(text), start, end)

    def notations(self, text: str, start: int = 0, end: int | None = None) -> tuple[str, ...]:
        """The distinct notations found in ``text[start:end]``, in order of first appearance."""
        return tuple(dict.fromkeys(hit.notation for hit in self.find(text, start, end)))

    def _is_false_acronym(self, surface: str) -> bool:
        return surface.casefold() in self._acronym_keys and surface not in self._acronyms

    def _inside_name(self, text: str, start: int, surface: str, key: str) -> bool:
        """A common-noun label capitalised next to another capitalised word is part of a name."""
        if key in self._proper or not surface[:1].isupper() or surface.isupper():
            return False
        return _capitalised_neighbour(text, start, start + len(surface))


def _capitalised_neighbour(text: str, start: int, end: int) -> bool:
    """Whether a capitalised word joins the span, within its stretch of text between punctuation."""
    after = _WORD.findall(_PUNCTUATION.split(text[end : end + 40], 1)[0])[:3]
    for word in after:
        if word in _NAME_JOINERS:
            continue
        if word[:1].isupper():
            return True
        break
    before = _WORD.findall(_PUNCTUATION.split(text[max(0, start - 40) : start])[-1])[-3:]
    for word in reversed(before):
        if word in _NAME_JOINERS:
            continue
        return word[:1].isupper() and not _sentence_starts_at(text, start)
    return False


def _sentence_starts_at(text: str, start: int) -> bool:
    head = text[max(0, start - 3) : start].rstrip()
    return not head or head[-1] in ".!?:\n"


def _english(label: object) -> bool:
    return getattr(label, "language", None) in ("en", None)


def _pref_case(pref: str, alt: list[str]) -> str:
    """A prefLabel as written in text: prefLabels are capitalised like headings ("Security"), so
    one stays capitalised only if it is a name: it has a capital after its first letter ("Middle
    East", "COVID-19"), or an altLabel with no other capitalised word spells it so ("Taiwan
    question"; not "World Trade Organization")."""
    if any(c.isupper() for c in pref[1:]):
        return pref
    for label in alt:
        capitalised = [w for w in label.split() if w[:1].isupper()]
        if len(capitalised) == 1 and pref in label:
            return pref
    return pref[:1].lower() + pref[1:]


def _is_acronym(form: str) -> bool:
    """Capitals (and digits), perhaps a final plural 's': WTO, LNG, NPT, SDGs, COP26."""
    core = form[:-1] if form.endswith("s") else form
    return " " not in form and len(core) >= 2 and core.isupper()


def trie_pattern(forms: Iterable[str]) -> str:
    """One regular expression for many lowercase forms, sharing prefixes; greedy, so longest first."""
    trie: dict[str, dict] = {}
    for form in forms:
        node = trie
        for char in form:
            node = node.setdefault(char, {})
        node[""] = {}
    return _render(trie)


def _render(node: dict[str, dict]) -> str:
    branches = [_escape(char) + _render(child) for char, child in sorted(node.items()) if char]
    if not branches:
        return ""
    body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
    if "" in node:
        return f"(?:{body})?"
    return body


def _escape(char: str) -> str:
    return r"\s+" if char == " " else re.escape(char)


@cache
def topic_matcher(ontology: Ontology) -> TopicMatcher:
    """The matcher of an ontology's TopicScheme, built once per loaded ontology."""
    return TopicMatcher.from_ontology(ontology)


# -- the article's topics -------------------------------------------------------------------


class TopicExtractor:
    """The topics an article is about: a few, chosen conservatively from where and how often they occur.

    A topic is the article's when its labels occur in the title, or at least
    :attr:`MIN_MENTIONS` times with one of them in the lead (the first :attr:`LEAD_SENTENCES`
    sentences of the body), or at least :attr:`MIN_MENTIONS_ANYWHERE` times in all. A label
    mentioned once in passing in a long text is not what the article is about. At most
    :attr:`MAX_TOPICS` topics, the most mentioned first.
    """

    name: ClassVar[str] = "dipl.topics.v1"
    version: ClassVar[str] = kg.__version__
    assigns: ClassVar[tuple[str, ...]] = ("dipl:topic", "dipl:Evidence")

    MIN_MENTIONS: ClassVar[int] = 2
    MIN_MENTIONS_ANYWHERE: ClassVar[int] = 3
    LEAD_SENTENCES: ClassVar[int] = 3
    MAX_TOPICS: ClassVar[int] = 5

    def __init__(self, matcher: TopicMatcher):
        self.matcher = matcher

    def __call__(self, doc: Doc) -> list[Record]:
        hits = self.matcher.find(doc.normalised)
        if not hits:
            return []
        title_end = len(doc.article.title) if doc.article.title else 0
        lead_end = self._lead_end(doc, title_end)
        counts = Counter(hit.notation for hit in hits)
        chosen = []
        for notation, count in counts.most_common():
            mine = [h for h in hits if h.notation == notation]
            in_title = any(h.start < title_end for h in mine)
            in_lead = any(h.start < lead_end for h in mine)
            if in_title or (count >= self.MIN_MENTIONS and in_lead) or count >= self.MIN_MENTIONS_ANYWHERE:
                chosen.append(self._record(doc, notation, mine, in_title, in_lead))
            if len(chosen) == self.MAX_TOPICS:
                break
        return chosen

    def _lead_end(self, doc: Doc, title_end: int) -> int:
        body = [s for s in doc.sentences if s.start >= title_end]
        lead = body[: self.LEAD_SENTENCES]
        return lead[-1].end if lead else title_end

    @staticmethod
    def _record(doc: Doc, notation: str, hits: list[TopicHit], in_title: bool, in_lead: bool) -> TopicRecord:
        where = "in the title" if in_title else "in the lead" if in_lead else "in the body"
        reason = f"'{notation}' named {len(hits)} time(s), {where}"
        confidence = 0.9 if in_title else 0.8 if in_lead else 0.7
        evidence = tuple(
            Evidence(h.start, h.end, doc.sentence_at(h.start).index, "topic", reason, confidence)
            for h in hits[:3]
        )
        return TopicRecord(notation, evidence)
