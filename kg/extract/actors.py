"""Actors: the people, countries and organisations an article mentions, resolved to entities.

A first version (issue 2): gazetteer names and aliases; titles resolved through the office held
on the article's date ("the Chinese President"); people the gazetteer does not know when news
introduces them by title ("Foreign Minister Wang Yi") or apposition ("Li Haidong, a professor
at ..."); and organisations named like institutions ("the China Foreign Affairs University").
"""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass
from typing import ClassVar

import kg
from kg.extract.base import Doc, EntityRecord, Evidence, Record
from kg.extract.gazetteer import Gazetteer
from kg.extract.text import Match, Token, normalise, tokenize

_CAPITALISED = re.compile(r"^[A-Z][a-z]+(?:-[A-Z]?[a-z]+)?$")
_APPOSITION = re.compile(r"(?:^|(?<=[.!?\n]\s))([A-Z][a-z]+(?: [A-Z][a-z]+){1,2}), (?:a|an|the) [a-z]")
_INSTITUTION = re.compile(
    r"\b(?:[A-Z][\w'&-]+ ){1,6}(?:University|Institute|Ministry|Parliament|Academy|Commission|Agency|"
    r"Foundation|Council|Organi[sz]ation)\b"
)


@dataclass
class _Found:
    key: str
    type: str
    label: str
    known: bool
    evidence: Evidence
    surface: str


class ActorExtractor:
    """Finds and resolves actor mentions; one :class:`EntityRecord` per entity."""

    name: ClassVar[str] = "dipl.actors.v1"
    version: ClassVar[str] = kg.__version__
    assigns: ClassVar[tuple[str, ...]] = ("dipl:Person", "dipl:Country", "dipl:Organisation", "dipl:Mention")

    def __init__(self, gazetteer: Gazetteer):
        self.gazetteer = gazetteer

    def __call__(self, doc: Doc) -> list[Record]:
        text = doc.article.text
        tokens = tokenize(text)
        names = [m for m in self.gazetteer.names.find(tokens) if not _is_currency(text, m)]
        found = [self._known(doc, m) for m in names]
        found += self._institutions(doc, names)
        found = self._drop_inside_institutions(found)
        found += self._titled(doc, tokens, names)
        found += self._appositions(doc, {f.label for f in found})
        return self._records(doc, found)

    def _known(self, doc: Doc, match: Match) -> _Found:
        key = str(match.values[0])
        entry = self.gazetteer.entries[key]
        return _Found(key, entry.type, entry.label, True, self._evidence(doc, match.start, match.end), "")

    def _evidence(
        self, doc: Doc, start: int, end: int, reason: str = "", confidence: float = 0.95
    ) -> Evidence:
        return Evidence(start, end, doc.sentence_at(start).index, "mention", reason, confidence)

    # -- titles: "Foreign Minister Wang Yi", "the Chinese President" ------------------------

    def _titled(self, doc: Doc, tokens: list[Token], names: list[Match]) -> list[_Found]:
        name_at = {m.first_token: m for m in names}
        found = []
        for office in self.gazetteer.office_names.find(tokens):
            if any(m.first_token <= office.first_token <= m.last_token for m in names):
                continue
            after = office.last_token + 1
            if after in name_at and self.gazetteer.entries[str(name_at[after].values[0])].type == "Person":
                continue  # "President Xi": the name itself is the mention
            unknown = self._unknown_name(tokens, after, name_at)
            if unknown is not None:
                found.append(self._new_person(doc, tokens, office, unknown))
                continue
            holder = self._holder(doc, tokens, office, name_at)
            if holder is not None:
                found.append(holder)
        return found

    def _unknown_name(self, tokens: list[Token], i: int, name_at: dict[int, Match]) -> int | None:
        """The last token of a 2-3 word capitalised name starting at ``i`` that the gazetteer lacks."""
        last = i
        while (
            last < len(tokens)
            and last - i < 3
            and _CAPITALISED.match(tokens[last].text)
            and last not in name_at
        ):
            last += 1
        return last - 1 if last - i >= 2 else None

    def _new_person(self, doc: Doc, tokens: list[Token], office: Match, last: int) -> _Found:
        first = office.last_token + 1
        label = " ".join(t.text for t in tokens[first : last + 1])
        evidence = self._evidence(doc, tokens[first].start, tokens[last].end, "named with a title", 0.8)
        return _Found(f"person/{_slug(label)}", "Person", label, False, evidence, "")

    def _holder(
        self, doc: Doc, tokens: list[Token], office: Match, name_at: dict[int, Match]
    ) -> _Found | None:
        """'the Chinese President', 'The President of China': the holder of that office on the day."""
        near = self._country_near(tokens, office, name_at)
        if near is None or doc.anchor is None or doc.anchor.day is None:
            return None
        country, start, end = near
        for office_key in office.values:
            person = self.gazetteer.holder(str(office_key), country, doc.anchor.day)
            if person is not None:
                entry = self.gazetteer.entries[person]
                reason = f"office held on {doc.anchor.day.isoformat()}"
                evidence = self._evidence(doc, start, end, reason, 0.85)
                return _Found(person, "Person", entry.label, True, evidence, "")
        return None

    def _country_near(
        self, tokens: list[Token], office: Match, name_at: dict[int, Match]
    ) -> tuple[str, int, int] | None:
        """The country of a title, and the span of the whole title.

        'Chinese President' and 'President of China' both name China.
        """
        before = next((m for m in name_at.values() if m.last_token == office.first_token - 1), None)
        if before is not None and self.gazetteer.entries[str(before.values[0])].type == "Country":
            return str(before.values[0]), before.start, office.end
        after = office.last_token + 1
        if after < len(tokens) and tokens[after].text == "of" and after + 1 in name_at:
            country = name_at[after + 1]
            return str(country.values[0]), office.start, country.end
        return None

    # -- people introduced by apposition, institutions ---------------------------------------

    def _appositions(self, doc: Doc, known_labels: set[str]) -> list[_Found]:
        found = []
        for match in _APPOSITION.finditer(doc.normalised):
            label = match.group(1)
            if label in known_labels or label.split()[0] in {"The", "This", "That", "In", "On"}:
                continue
            evidence = self._evidence(doc, match.start(1), match.end(1), "introduced by apposition", 0.8)
            found.append(_Found(f"person/{_slug(label)}", "Person", label, False, evidence, ""))
        return found

    def _institutions(self, doc: Doc, names: list[Match]) -> list[_Found]:
        found = []
        for match in _INSTITUTION.finditer(doc.normalised):
            start, end = match.span()
            if match.group().startswith("The "):
                start += 4
            if any(
                m.start < end and start < m.end and not (start <= m.start and m.end <= end) for m in names
            ):
                continue  # overlaps a known name without containing it: "Communist Party" of "... of China"
            if any(m.start <= start and end <= m.end for m in names):
                continue
            label = doc.article.text[start:end]
            evidence = self._evidence(doc, start, end, "named like an institution", 0.7)
            found.append(_Found(f"org/{_slug(label)}", "Organisation", normalise(label), False, evidence, ""))
        return found

    @staticmethod
    def _drop_inside_institutions(found: list[_Found]) -> list[_Found]:
        spans = [(f.evidence.start, f.evidence.end) for f in found if not f.known]
        return [
            f
            for f in found
            if not f.known or not any(s <= f.evidence.start and f.evidence.end <= e for s, e in spans)
        ]

    # -- records ---------------------------------------------------------------------------

    def _records(self, doc: Doc, found: list[_Found]) -> list[Record]:
        by_key: dict[str, list[_Found]] = defaultdict(list)
        for item in sorted(found, key=lambda f: f.evidence.start):
            by_key[item.key].append(item)
        records: list[Record] = []
        for key, items in by_key.items():
            first = items[0]
            aliases = tuple(dict.fromkeys(doc.article.text[i.evidence.start : i.evidence.end] for i in items))
            records.append(
                EntityRecord(
                    key=key,
                    type=first.type,
                    label=first.label,
                    mentions=tuple(i.evidence for i in items),
                    known=first.known,
                    aliases=aliases,
                    represents=self._represents(doc, key) if first.type == "Person" else None,
                )
            )
        return records

    def _represents(self, doc: Doc, person: str) -> str | None:
        day = doc.anchor.day if doc.anchor else None
        countries = {h.of for h in self.gazetteer.offices_of(person, day) if h.of.startswith("country/")}
        return countries.pop() if len(countries) == 1 else None


def _is_currency(text: str, match: Match) -> bool:
    """'US$100', 'A$5': a country code glued to a currency sign is part of an amount."""
    return text[match.end : match.end + 1] == "$"


def _slug(label: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", label.lower()).strip("-")
