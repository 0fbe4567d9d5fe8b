"""Actors: the people, countries and organisations an article mentions, resolved to entities.

Gazetteer names and aliases; titles resolved through the office held on the article's date ("the
Chinese President", "the President of Russia"), or, bare, through the first holder of that office the
article introduced ("the President" in a readout); people the gazetteer does not know when news
introduces them by title ("Foreign Minister Ana Lopez of Chile", "Crown Prince and Prime Minister
Mohammed bin Salman") or apposition ("Li Haidong, a professor at ..."), and their later short forms
("Lopez"); and organisations named like institutions ("the China Foreign Affairs University").
"""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass
from typing import ClassVar

import kg
from kg.extract.base import Doc, EntityRecord, Evidence, Record
from kg.extract.gazetteer import NOT_AN_ACTOR, Gazetteer
from kg.extract.text import Match, Token, normalise, tokenize

_CAPITALISED = re.compile(r"^[A-Z][a-z]+(?:-[A-Z]?[a-z]+)?$|^[A-Z]\.$")
#: Lowercase words inside personal names: "Mohammed bin Salman", "Ursula von der Leyen".
_PARTICLES = frozenset("bin bint ibn al el de da di du van von der den le la dos das del".split())
_ROLES = (
    "professor|minister|president|spokesman|spokeswoman|spokesperson|adviser|advisor|secretary|"
    "ambassador|envoy|chairman|chairwoman|chair|director|official|senator|leader|head|chief|deputy|"
    "governor|mayor|commissioner|representative|lawmaker|diplomat|researcher|fellow|analyst|expert"
)
_APPOSITION = re.compile(
    rf"\b([A-Z][a-z]+(?: [A-Z][a-z]+){{1,2}}), (?:a|an|the) (?:[\w-]+ ){{0,3}}(?:{_ROLES})\b"
)
_INSTITUTION = re.compile(
    r"(?<!\ba )(?<!\ban )\b(?:[A-Z][\w'&-]+ ){1,6}(?:University|Institute|Ministry|Parliament|Academy|"
    r"Commission|Agency|Foundation|Council|Organi[sz]ation)\b"
    r"(?: (?:for|of|on) (?:the )?(?:[A-Z][\w'&-]+ ?){1,4})?"  # "... Agency for International Development"
)
_PREVIOUS_WORD = re.compile(r"\b[A-Z][\w'&-]* $")
#: Head words of titles that introduce a person: "Press Secretary Karine Jean-Pierre".
_TITLE_HEADS = frozenset(
    "Minister Secretary President Premier Chancellor Advisor Adviser Envoy Ambassador Spokesman "
    "Spokeswoman Spokesperson Director Chairman Chairwoman Chair Senator Governor Representative "
    "Commissioner King Queen Prince Princess Emir Sheikh Sultan General Admiral Mayor Leader Speaker "
    "Administrator Counselor Counsellor Chief Mr Mrs Ms Dr".split()
)
#: Words that end an institution's name, so never a person's: "... Terrorist Organization".
_NOT_SURNAMES = frozenset(
    "Organization Organisation Council Commission Ministry Agency University Institute Party Union "
    "Committee Department Office Assembly Summit Forum Group Army Navy Force Forces".split()
)


@dataclass
class _Found:
    key: str
    type: str
    label: str
    known: bool
    evidence: Evidence
    office: str | None = None  # the office a person was introduced with
    represents: str | None = None
    affiliations: tuple[str, ...] = ()


class ActorExtractor:
    """Finds and resolves actor mentions; one :class:`EntityRecord` per entity."""

    name: ClassVar[str] = "dipl.actors.v1"
    version: ClassVar[str] = kg.__version__
    assigns: ClassVar[tuple[str, ...]] = ("dipl:Person", "dipl:Country", "dipl:Organisation", "dipl:Mention")

    def __init__(self, gazetteer: Gazetteer):
        self.gazetteer = gazetteer

    def __call__(self, doc: Doc) -> list[Record]:
        text = doc.text
        tokens = tokenize(text)
        names = [
            m
            for m in self.gazetteer.names.find(tokens)
            if NOT_AN_ACTOR not in m.values and not _is_currency(text, m)
        ]
        found = [self._known(doc, m) for m in names]
        found += self._institutions(doc, names)
        found = self._drop_inside_institutions(found)
        found += self._titled(doc, tokens, names, found)
        found += self._generic_titles(doc, tokens, names, found)
        found += self._appositions(doc, found)
        found += self._short_forms(doc, tokens, found)
        return self._records(doc, found)

    def _known(self, doc: Doc, match: Match) -> _Found:
        day = doc.anchor.end if doc.anchor else None
        key = self.gazetteer.resolve(match.values, day)
        entry = self.gazetteer.entries[key]
        return _Found(key, entry.type, entry.label, True, self._evidence(doc, match.start, match.end))

    def _evidence(
        self, doc: Doc, start: int, end: int, reason: str = "", confidence: float = 0.95
    ) -> Evidence:
        return Evidence(start, end, doc.sentence_at(start).index, "mention", reason, confidence)

    # -- titles: "Foreign Minister Wang Yi", "the Chinese President" ------------------------

    def _titled(self, doc: Doc, tokens: list[Token], names: list[Match], known: list[_Found]) -> list[_Found]:
        name_at = {m.first_token: m for m in names}
        found: list[_Found] = []
        bare: list[Match] = []
        for office in self.gazetteer.office_names.find(tokens):
            if any(m.first_token <= office.first_token <= m.last_token for m in names):
                continue
            after = office.last_token + 1
            if after in name_at and self.gazetteer.entries[str(name_at[after].values[0])].type == "Person":
                continue  # "President Xi": the name itself is the mention
            unknown = self._unknown_name(doc, tokens, after, name_at)
            if unknown is not None:
                found.append(self._new_person(doc, tokens, office, unknown, name_at))
            elif _is_title_chain(tokens, office):
                continue  # "Crown Prince and Prime Minister ...": the last title names the person
            else:
                holder = self._holder(doc, tokens, office, name_at)
                if holder is not None:
                    found.append(holder)
                elif not _followed_by_of(tokens, office):  # "the Chairman of <unresolved>" is not bare
                    bare.append(office)
        return found + self._bare_titles(doc, bare, known + found)

    def _generic_titles(
        self, doc: Doc, tokens: list[Token], names: list[Match], found: list[_Found]
    ) -> list[_Found]:
        """People introduced by a title the gazetteer does not list ('Special Envoy Steve Witkoff')."""
        name_at = {m.first_token: m for m in names}
        taken = [(f.evidence.start, f.evidence.end) for f in found]
        people = []
        for i, token in enumerate(tokens):
            if token.text not in _TITLE_HEADS:
                continue
            start = i + 1 + (i + 1 < len(tokens) and tokens[i + 1].text == ".")  # "Mr. Jared Kushner"
            if start < len(tokens) and tokens[start].text in _TITLE_HEADS:
                continue  # "Secretary General Jens Stoltenberg": the last title word leads
            start = _skip_of_phrase(tokens, start)  # "Secretary of the Army Dan Driscoll"
            last = self._unknown_name(doc, tokens, start, name_at)
            if last is None or tokens[last].text in _TITLE_HEADS:
                continue
            span = (tokens[start].start, tokens[last].end)
            if any(s < span[1] and span[0] < e for s, e in taken):
                continue
            label = doc.normalised[span[0] : span[1]]
            evidence = self._evidence(doc, span[0], span[1], f"named after the title '{token.text}'", 0.75)
            people.append(_Found(f"person/{_slug(label)}", "Person", label, False, evidence))
            taken.append(span)
        return people

    def _unknown_name(self, doc: Doc, tokens: list[Token], i: int, name_at: dict[int, Match]) -> int | None:
        """The last token of a 2-5 word name starting at ``i`` that the gazetteer lacks.

        Names are capitalised words (initials allowed) with lowercase particles inside them.
        """
        if i >= len(tokens) or tokens[i].text in _TITLE_HEADS or tokens[i].text in _NOT_FIRST_NAMES:
            return None  # "President General Pervez Musharraf": the later title leads
        last = i
        while last < len(tokens) and last - i < 6 and last not in name_at:
            word = tokens[last].text
            if last > i and not _same_line(tokens[last - 1], tokens[last], doc.normalised):
                break
            joined = word == "-" and last > i and _is_joined(tokens, last)  # "Jean-Pierre", "Dae-jung"
            lowercase_tail = last > i and tokens[last - 1].text == "-" and word.isalpha()
            if not (
                _CAPITALISED.match(word) or joined or lowercase_tail or (word in _PARTICLES and last > i)
            ):
                break
            last += 1
        while last > i and tokens[last - 1].text in _PARTICLES | {"-"}:
            last -= 1
        if last - i < 2 or tokens[last - 1].text in _NOT_SURNAMES:
            return None
        return last - 1

    def _new_person(
        self, doc: Doc, tokens: list[Token], office: Match, last: int, name_at: dict[int, Match]
    ) -> _Found:
        first = office.last_token + 1
        label = doc.normalised[tokens[first].start : tokens[last].end]
        near = self._country_near(tokens, office, name_at, name_end=last)
        start = near[1] if near else tokens[office.first_token].start
        evidence = self._evidence(doc, start, tokens[last].end, "named with a title", 0.8)
        return _Found(
            f"person/{_slug(label)}", "Person", label, False, evidence,
            office=str(office.values[0]), represents=near[0] if near else None,
        )  # fmt: skip

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
                return _Found(person, "Person", entry.label, True, evidence, office=str(office_key))
        return None

    def _country_near(
        self, tokens: list[Token], office: Match, name_at: dict[int, Match], *, name_end: int | None = None
    ) -> tuple[str, int, int] | None:
        """The country of a title, and the span of the whole title.

        'Chinese President', 'President of China' and 'President Xi Jinping of China' (with
        ``name_end`` the last token of the name) all name China.
        """
        before = next((m for m in name_at.values() if m.last_token == office.first_token - 1), None)
        if before is not None and self._is_country(before):
            return str(before.values[0]), before.start, office.end
        after = (office.last_token if name_end is None else name_end) + 1
        if after < len(tokens) and tokens[after].text == "of" and after + 1 in name_at:
            country = name_at[after + 1]
            if self._is_country(country) or name_end is None:
                return str(country.values[0]), office.start, country.end
        return None

    def _is_country(self, match: Match) -> bool:
        return self.gazetteer.entries[str(match.values[0])].type == "Country"

    def _bare_titles(self, doc: Doc, bare: list[Match], found: list[_Found]) -> list[_Found]:
        """'the President' with no country: the first person the article introduced in that office."""
        day = doc.anchor.day if doc.anchor else None
        resolved = []
        for office in bare:
            earlier = sorted(
                (f for f in found if f.evidence.start < office.start), key=lambda f: f.evidence.start
            )
            for person in earlier:
                offices = {person.office} | {h.office for h in self.gazetteer.offices_of(person.key, day)}
                if person.type == "Person" and offices & {str(v) for v in office.values}:
                    evidence = self._evidence(
                        doc, office.start, office.end, f"the {person.label} introduced earlier", 0.7
                    )
                    resolved.append(_Found(person.key, "Person", person.label, person.known, evidence))
                    break
        return resolved

    # -- people introduced by apposition, and their short forms ------------------------------

    def _appositions(self, doc: Doc, found: list[_Found]) -> list[_Found]:
        """'Li Haidong, a professor at ...', 'said Jake Sullivan, the national security adviser'."""
        taken = [(f.evidence.start, f.evidence.end) for f in found]
        people = []
        for match in _APPOSITION.finditer(doc.normalised):
            start, end = match.span(1)
            label = match.group(1)
            if label.split()[0] in _NOT_FIRST_NAMES or any(s < end and start < e for s, e in taken):
                continue
            evidence = self._evidence(doc, start, end, "introduced by apposition", 0.8)
            clause_end = _clause_end(doc.normalised, match.end())
            affiliations = tuple(
                f.key
                for f in found
                if f.type == "Organisation" and match.end() <= f.evidence.start < clause_end
            )
            people.append(
                _Found(f"person/{_slug(label)}", "Person", label, False, evidence, affiliations=affiliations)
            )
        return people

    def _short_forms(self, doc: Doc, tokens: list[Token], found: list[_Found]) -> list[_Found]:
        """Later mentions of a new person by surname alone ('Lopez' after 'Ana Lopez')."""
        surnames: dict[str, _Found] = {}
        for item in found:
            if item.type == "Person" and not item.known and " " in item.label:
                surname = item.label.rsplit(" ", 1)[1]
                if len(surname) > 2 and surname not in surnames:
                    surnames[surname] = item
        taken = [(f.evidence.start, f.evidence.end) for f in found]
        short = []
        for token in tokens:
            person = surnames.get(token.text)
            if person is None or token.start < person.evidence.end:
                continue
            if any(s <= token.start < e for s, e in taken):
                continue
            evidence = self._evidence(doc, token.start, token.end, f"short form of {person.label}", 0.75)
            short.append(_Found(person.key, "Person", person.label, False, evidence))
        return short

    def _institutions(self, doc: Doc, names: list[Match]) -> list[_Found]:
        found = []
        for match in _INSTITUTION.finditer(doc.normalised):
            start, end = match.span()
            if match.group().startswith("The "):
                start += 4
            if _PREVIOUS_WORD.search(doc.normalised, max(0, start - 40), start):
                continue  # the tail of a longer name: "(a) Foreign Terrorist Organization"
            if any(
                m.start < end and start < m.end and not (start <= m.start and m.end <= end) for m in names
            ):
                continue  # overlaps a known name without containing it: "Communist Party" of "... of China"
            if any(m.start <= start and end <= m.end for m in names):
                continue
            while end > start and doc.text[end - 1].isspace():
                end -= 1
            label = doc.text[start:end]
            evidence = self._evidence(doc, start, end, "named like an institution", 0.7)
            found.append(_Found(f"org/{_slug(label)}", "Organisation", normalise(label), False, evidence))
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
            aliases = tuple(dict.fromkeys(doc.text[i.evidence.start : i.evidence.end] for i in items))
            records.append(
                EntityRecord(
                    key=key,
                    type=first.type,
                    label=first.label,
                    mentions=tuple(i.evidence for i in items),
                    known=first.known,
                    aliases=aliases,
                    represents=self._represents(doc, items) if first.type == "Person" else None,
                    affiliations=tuple(dict.fromkeys(a for i in items for a in i.affiliations)),
                )
            )
        return records

    def _represents(self, doc: Doc, items: list[_Found]) -> str | None:
        said = next((i.represents for i in items if i.represents), None)
        if said is not None:
            return said
        day = doc.anchor.day if doc.anchor else None
        holdings = self.gazetteer.offices_of(items[0].key, day)
        countries = {h.of for h in holdings if h.of.startswith("country/")}
        return countries.pop() if len(countries) == 1 else None


#: Capitalised words that start a sentence or a place, not a name.
_NOT_FIRST_NAMES = frozenset(
    "The This That These In On At As For But And When While After Before During".split()
)


def _is_joined(tokens: list[Token], i: int) -> bool:
    """Whether token ``i`` (a hyphen) joins two words with no space: 'Jean-Pierre', 'Dae-jung'."""
    if i + 1 >= len(tokens) or not tokens[i + 1].text.isalpha():
        return False
    return tokens[i - 1].end == tokens[i].start and tokens[i].end == tokens[i + 1].start


def _same_line(before: Token, after: Token, text: str) -> bool:
    """Whether two tokens are separated by spaces only (a name never runs across a line break)."""
    return "\n" not in text[before.end : after.start]


def _skip_of_phrase(tokens: list[Token], i: int) -> int:
    """The token after an 'of (the) Capitalised...' phrase that continues a title, or ``i``."""
    if i >= len(tokens) or tokens[i].text != "of":
        return i
    j = i + 1 + (i + 1 < len(tokens) and tokens[i + 1].text == "the")
    if j < len(tokens) and _CAPITALISED.match(tokens[j].text) and j + 1 < len(tokens):
        return j + 1
    return i


def _clause_end(text: str, start: int) -> int:
    """Where an apposition ends: the next comma, full stop or line end after ``start``."""
    ends = [i for i in (text.find(c, start) for c in ",.;\n") if i >= 0]
    return min(ends, default=len(text))


def _followed_by_of(tokens: list[Token], office: Match) -> bool:
    after = office.last_token + 1
    return after < len(tokens) and tokens[after].text == "of"


def _is_title_chain(tokens: list[Token], office: Match) -> bool:
    """Whether a title is followed by 'and' and another title ('Crown Prince and Prime Minister')."""
    after = office.last_token + 1
    return after < len(tokens) and tokens[after].text in {"and", "&"}


def _is_currency(text: str, match: Match) -> bool:
    """'US$100', 'A$5': a country code glued to a currency sign is part of an amount."""
    return text[match.end : match.end + 1] == "$"


def _slug(label: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", label.lower()).strip("-")
