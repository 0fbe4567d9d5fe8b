#!/usr/bin/env python3
"""Build the reference data (the gazetteer) in ``seeds/reference/*.ttl``.

Two kinds of input are merged:

- the shared actor dictionaries in ``<shared>/reference/actors/``: CountryInfo.120116.txt
  (CC BY-SA 3.0, (c) 2012 Philip A. Schrodt) for country names, ISO codes, nationality adjectives,
  capitals and dated leaders (about 1960-2011); Phoenix.Countries.actors.txt (MIT, (c) 2014 Open
  Event Data Alliance) for more spellings of country and people's names;
- the hand-curated tables in ``tools/reference_data/`` (MIT): overrides and modern variants of
  countries, organisations, offices, people, office holdings up to today, memberships, the
  CountryInfo sections to import, and how label collisions are resolved. Their format is described
  in ``tools/README.md``.

The output is four Turtle files (countries, organisations, offices, people), written
deterministically: entities sorted by IRI, labels sorted, so a re-run is byte-identical.

Run from the project root::

    .venv/bin/python tools/build_reference.py --shared ../shared
    .venv/bin/python tools/build_reference.py --shared ../shared --check   # exit 1 if out of date
"""

from __future__ import annotations

import argparse
import calendar
import datetime as dt
import re
import sys
import textwrap
import unicodedata
from collections import defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
from kg.extract.text import phrase_key  # noqa: E402  (the tokenisation the extractor matches with)

DATA = Path(__file__).resolve().parent / "reference_data"
OUT = ROOT / "seeds" / "reference"
COUNTRYINFO = "reference/actors/CountryInfo.120116.txt"
PHOENIX = "reference/actors/Phoenix.Countries.actors.txt"
FIRST_YEAR = 1980  # holdings that ended before this year are left out

PREFIXES = """@prefix dipl: <https://w3id.org/dipkg/ontology#> .
@prefix country: <https://w3id.org/dipkg/id/country/> .
@prefix organisation: <https://w3id.org/dipkg/id/org/> .
@prefix person: <https://w3id.org/dipkg/id/person/> .
@prefix office: <https://w3id.org/dipkg/id/office/> .
@prefix holding: <https://w3id.org/dipkg/id/holding/> .
@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
@prefix skos: <http://www.w3.org/2004/02/skos/core#> .
@prefix xsd: <http://www.w3.org/2001/XMLSchema#> .
"""

CC_BY_SA = """# Licence: CC BY-SA 3.0 (share-alike). Derived in part from CountryInfo.120116.txt,
# (c) 2012 Philip A. Schrodt, licensed under Creative Commons Attribution-ShareAlike 3.0 Unported
# (http://creativecommons.org/licenses/by-sa/3.0/), https://github.com/openeventdata/CountryInfo.
# This file, as an adaptation, is shared alike under CC BY-SA 3.0. Curated additions come from
# tools/reference_data/ (MIT). Name variants also come from Phoenix.Countries.actors.txt
# (https://github.com/openeventdata/petrarch2), under this notice:
#   The MIT License (MIT). Copyright (c) 2014 Open Event Data Alliance. Permission is hereby granted,
#   free of charge, to any person obtaining a copy of this software and associated documentation files
#   (the "Software"), to deal in the Software without restriction, including without limitation the
#   rights to use, copy, modify, merge, publish, distribute, sublicense, and/or sell copies of the
#   Software, and to permit persons to whom the Software is furnished to do so, subject to the
#   following conditions: The above copyright notice and this permission notice shall be included in
#   all copies or substantial portions of the Software. THE SOFTWARE IS PROVIDED "AS IS", WITHOUT
#   WARRANTY OF ANY KIND, EXPRESS OR IMPLIED, INCLUDING BUT NOT LIMITED TO THE WARRANTIES OF
#   MERCHANTABILITY, FITNESS FOR A PARTICULAR PURPOSE AND NONINFRINGEMENT. IN NO EVENT SHALL THE
#   AUTHORS OR COPYRIGHT HOLDERS BE LIABLE FOR ANY CLAIM, DAMAGES OR OTHER LIABILITY, WHETHER IN AN
#   ACTION OF CONTRACT, TORT OR OTHERWISE, ARISING FROM, OUT OF OR IN CONNECTION WITH THE SOFTWARE OR
#   THE USE OR OTHER DEALINGS IN THE SOFTWARE."""

MIT_ONLY = """# Licence: MIT (as the project). Curated from public knowledge in tools/reference_data/."""

# Words of a Phoenix or CountryInfo name variant that make it a title or a description, not a name.
TITLE_WORDS = frozenset(
    "PRESIDENT PRESIDENT-ELECT PRIME MINISTER CHANCELLOR KANZLER BUNDESKANZLER KING QUEEN SECRETARY "
    "GENERAL FOREIGN SENATOR GOVERNOR GOV. MR MR. MRS MRS. MS DR DR. SIR ADMINISTRATION GOVERNMENT "
    "LEADER PREMIER CHAIRMAN AYATOLLAH HOJATOLISLAM SHEIKH EMIR SULTAN PRINCE US U.S. AMERICAN "
    "UNITED STATES VICE-PRESIDENT VICE GOVENOR REGIME".split()
)
HONORIFICS = frozenset(
    "SIR DAME LORD DATUK DATO DATO' SERI TUN TUANKU SHEIKH SHAIKH AYATOLLAH HOJATOLISLAM MULLAH MAWLAWI "
    "KING QUEEN PRINCE EMIR SULTAN GENERAL MARSHAL DR DR. MR MR. MRS MRS.".split()
)
PARTICLES = frozenset("de da das dos del della di la van von der den ter bin ibn bint y al".split())
# Countries where the family name comes first (so the first word of a name is not a first name), and
# those whose leaders are called by the first word of their name: the Chinese and Korean surname, the
# Thai given name ('Thaksin', 'Prayut'). Vietnamese leaders are called by their last name ('Trong').
SURNAME_FIRST = frozenset({"CHN", "PRK", "KOR", "TWN", "VNM"})
FIRST_WORD_SHORT = frozenset({"CHN", "PRK", "KOR", "TWN", "THA"})


# -- small helpers -----------------------------------------------------------------------------------


def split_list(value: str) -> list[str]:
    """The items of a '|'-separated table cell, stripped, without empties."""
    return [item.strip() for item in value.split("|") if item.strip()]


_NO_DECOMPOSITION = str.maketrans(
    {"ı": "i", "ł": "l", "Ł": "L", "ø": "o", "Ø": "O", "đ": "d", "Đ": "D", "ß": "ss"}
)


def slugify(label: str) -> str:
    """An IRI slug: ASCII, lower case, hyphens ('Recep Tayyip Erdoğan' -> 'recep-tayyip-erdogan')."""
    ascii_text = (
        unicodedata.normalize("NFKD", label.translate(_NO_DECOMPOSITION)).encode("ascii", "ignore").decode()
    )
    return re.sub(r"[^a-z0-9]+", "-", ascii_text.lower()).strip("-")


def without_article(name: str) -> str:
    """A name without a leading 'the' (the extractor ignores it, so it is not stored either)."""
    return name[4:] if name[:4] in ("the ", "The ") else name


def parse_date(text: str) -> dt.date | None:
    """'2021-01-20' or '20210120' as a date; an impossible day (CIA lists say '20090631') is clamped."""
    digits = text.replace("-", "").strip()
    if not re.fullmatch(r"\d{8}", digits):
        return None
    year, month, day = int(digits[:4]), int(digits[4:6]), int(digits[6:])
    if not 1 <= month <= 12:
        return None
    return dt.date(year, month, max(1, min(day, calendar.monthrange(year, month)[1])))


def read_table(name: str) -> list[dict[str, str]]:
    """A curated TSV table: a header row, then rows; '#' lines and blank lines are comments."""
    lines = [
        line.rstrip("\n")
        for line in (DATA / name).read_text(encoding="utf-8").splitlines()
        if line.strip() and not line.startswith("#")
    ]
    header = lines[0].split("\t")
    rows = []
    for number, line in enumerate(lines[1:], start=2):
        cells = line.split("\t")
        if len(cells) > len(header):
            raise SystemExit(
                f"{name}: row {number} has {len(cells)} cells for {len(header)} columns: {line!r}"
            )
        rows.append({key: (cells[i].strip() if i < len(cells) else "") for i, key in enumerate(header)})
    return rows


def read_words(name: str) -> set[str]:
    """A curated word list, one entry per line, '#' comments allowed."""
    text = (DATA / name).read_text(encoding="utf-8")
    return {line.split("#")[0].strip() for line in text.splitlines() if line.split("#")[0].strip()}


# -- the model -----------------------------------------------------------------------------------


@dataclass
class Entity:
    """A country, organisation or person, with its names."""

    kind: str  # "country", "organisation" or "person"
    key: str  # the local name of its IRI
    label: str
    alt: set[str] = field(default_factory=set)
    hidden: set[str] = field(default_factory=set)
    wikidata: str = ""
    iso: str = ""
    members: set[str] = field(default_factory=set)  # organisation keys
    affiliated: set[str] = field(default_factory=set)  # organisation keys
    short: set[str] = field(default_factory=set)  # candidate short names (a surname alone)
    country: str = ""  # the country a national body belongs to
    drop: set[str] = field(default_factory=set)  # names never to give it, whatever the sources say
    founded: str = ""  # YYYY-MM-DD, for states and bodies that began after 1980 or share a name
    dissolved: str = ""  # YYYY-MM-DD, last day of a state or body that no longer exists
    comment: str = ""

    @property
    def ref(self) -> str:
        """The prefixed IRI."""
        return f"{self.kind}:{self.key}"

    def names(self) -> Iterator[tuple[str, str]]:
        """Every (predicate, name) pair."""
        yield "rdfs:label", self.label
        yield from (("skos:altLabel", name) for name in self.alt)
        yield from (("skos:hiddenLabel", name) for name in self.hidden)


@dataclass(frozen=True, order=True)
class Holding:
    """A person holding an office for a country or organisation between two dates."""

    person: str  # person key
    office: str  # office key
    of: str  # prefixed IRI of the country or organisation
    start: dt.date
    end: dt.date | None
    source: str = "curated"

    def overlaps(self, other: Holding) -> bool:
        """Whether two terms share more than a handover day."""
        end, other_end = self.end or dt.date.max, other.end or dt.date.max
        return self.start < other_end and other.start < end


@dataclass
class Office:
    """A kind of post: 'President', 'Foreign Minister'."""

    key: str
    label: str
    alt: set[str]
    shared: set[str]  # names deliberately shared with other offices ('President' of the Commission)


@dataclass
class Reference:
    """Everything the generator writes."""

    countries: dict[str, Entity] = field(default_factory=dict)
    organisations: dict[str, Entity] = field(default_factory=dict)
    people: dict[str, Entity] = field(default_factory=dict)
    offices: dict[str, Office] = field(default_factory=dict)
    holdings: list[Holding] = field(default_factory=list)
    log: list[str] = field(default_factory=list)

    def entities(self) -> Iterator[Entity]:
        """All countries, organisations and people."""
        yield from self.countries.values()
        yield from self.organisations.values()
        yield from self.people.values()

    def by_ref(self, ref: str) -> Entity | None:
        """The entity with a prefixed IRI such as 'country:CHN'."""
        kind, _, key = ref.partition(":")
        table = {"country": self.countries, "organisation": self.organisations, "person": self.people}
        return table.get(kind, {}).get(key)


# -- CountryInfo ---------------------------------------------------------------------------------

_PERIOD = re.compile(r"\[\s*([<>])?\s*(\d{8})(?:\s*-\s*(\d{8}))?\s*\]")
_GOV_ROLE = re.compile(r"\[([A-Z]{3}[A-Z]*)\s+([<>])?\s*(\d{8})(?:\s*-\s*(\d{8}))?\s*\]")


Periods = list[tuple[dt.date | None, dt.date | None]]  # (start, end); end None: still in office


@dataclass
class CILeader:
    """One <Leaders> line: the sub-section (office as CountryInfo names it), names, periods."""

    section: str
    names: list[str]
    periods: Periods


@dataclass
class CIGovRole:
    """One role of a <Government> line: the names, the title, and the CIA-list dates (month precision)."""

    names: list[str]
    title: str
    start: dt.date | None  # None: already in office in January 2003 ('<')
    end: dt.date | None  # None: still in office in February 2011 ('>')


@dataclass
class CICountry:
    """What the generator uses of one CountryInfo <Country> block."""

    name: str
    nationality: list[str]
    capital: list[str]
    leaders: list[CILeader]
    government: list[CIGovRole]


def ci_field(block: str, tag: str) -> str:
    """The text inside <tag>...</tag> of a block ('' if absent)."""
    match = re.search(rf"<{re.escape(tag)}>(.*?)</{re.escape(tag)}>", block, re.S)
    return match.group(1) if match else ""


def ci_lines(text: str) -> list[str]:
    """The entries of a multi-line field, without comments and trailing underscores."""
    entries = (line.split("#")[0].strip().rstrip("_").strip() for line in text.splitlines())
    return [entry for entry in entries if entry]


def ci_names(text: str) -> list[str]:
    """The name forms of an entry: '{A}{B}' gives both; 'NAME_' gives one. Underscores stay."""
    braced = [name.strip().rstrip("_") for name in re.findall(r"\{([^}]*)\}", text)]
    if braced:
        return [name for name in braced if name]
    head = text.split("[")[0].split("#")[0].strip().rstrip("_").strip()
    return [head] if head else []


def read_countryinfo(path: Path) -> dict[str, CICountry]:
    """CountryInfo blocks by <CountryName>."""
    text = path.read_text(encoding="utf-8", errors="replace")
    text = text[text.index("-->") :]  # skip the documentation
    countries = {}
    for block in re.findall(r"<Country>(.*?)</Country>", text, re.S):
        name = ci_field(block, "CountryName").strip()
        countries[name] = CICountry(
            name,
            ci_lines(ci_field(block, "Nationality")),
            ci_lines(ci_field(block, "Capital")),
            list(ci_leaders(ci_field(block, "Leaders"))),
            list(ci_government(ci_field(block, "Government"))),
        )
    return countries


def ci_leaders(text: str) -> Iterator[CILeader]:
    """The dated lines of a <Leaders> field, each with the sub-section it is in."""
    section = ""
    for line in text.splitlines():
        stripped = line.strip()
        if re.fullmatch(r"</?[^>]*>+", stripped):
            section = "" if stripped.startswith("</") else stripped[1:-1].strip()
            continue
        periods: Periods = [
            (start, parse_date(end) if end else None)
            for mark, begin, end in _PERIOD.findall(stripped.split("[B:")[0].split("[D:")[0])
            if (start := parse_date(begin)) is not None and mark != "<"
        ]
        if section and periods and not stripped.startswith("#"):
            yield CILeader(section, ci_names(stripped), periods)


def ci_government(text: str) -> Iterator[CIGovRole]:
    """The roles of the <Government> lines: the i-th dated code goes with the i-th '&'-separated title."""
    for line in text.splitlines():
        if "#" not in line or line.strip().startswith("#"):
            continue
        head, _, titles = line.partition("#")
        roles = _GOV_ROLE.findall(head)
        names = ci_names(head)
        for (_code, mark, first, last), title in zip(roles, titles.split("&"), strict=False):
            start = None if mark == "<" else parse_date(first)
            end = None if mark == ">" else parse_date(last or first)
            yield CIGovRole(names, title.strip(), start, end)


def ci_title_case(raw: str) -> str:
    """'FERNANDO_DE_LA_RUA' -> 'Fernando de la Rua', 'MARY_MCALEESE' -> 'Mary McAleese'."""
    words = [word for word in raw.replace("_", " ").split() if word]
    return " ".join(_title_word(word, first=i == 0) for i, word in enumerate(words))


def ci_key(raw: str) -> str:
    """A CountryInfo name without its honorifics, as the key people.tsv's 'ci' column is matched by."""
    words = raw.replace("_", " ").split()
    while len(words) > 1 and words[0].upper() in HONORIFICS:
        words = words[1:]
    return "_".join(words)


def person_label(raw: str) -> str:
    """A CountryInfo person name as a label, without honorifics: 'SIR_ZELMAN_COWEN' -> 'Zelman Cowen'."""
    return ci_title_case(ci_key(raw))


def _title_word(word: str, *, first: bool) -> str:
    if word.upper() in ("II", "III", "IV", "VI"):
        return word.upper()  # regnal numbers: 'Elizabeth II'
    if "." in word and len(word.replace(".", "")) <= 3 and word.upper() not in ("JR.", "SR."):
        return word.upper()  # initials: 'K.R.', 'N.'
    if not first and word.lower() in PARTICLES:
        return word.lower()
    parts = [part.capitalize() for part in word.split("-")]
    text = "-".join(parts)
    text = re.sub(r"^Mc([a-z])", lambda m: "Mc" + m.group(1).upper(), text)
    return re.sub(r"^([OD])'([a-z])", lambda m: f"{m.group(1)}'{m.group(2).upper()}", text)


# -- Phoenix ---------------------------------------------------------------------------------------


@dataclass
class PhoenixEntry:
    """One Phoenix actor: its primary name and '+' synonyms (underscored, upper case)."""

    names: list[str]
    country: str  # the ISO code of a country entry ('CHINA_  [CHN]'), else ''


def read_phoenix(path: Path) -> list[PhoenixEntry]:
    """The actor entries of a TABARI .actors file."""
    entries: list[PhoenixEntry] = []
    for line in path.read_text(encoding="utf-8", errors="replace").splitlines():
        text = line.split("#")[0].rstrip()
        if not text.strip() or line.startswith("\t") or text.lstrip().startswith("["):
            continue
        if text.startswith("+") and entries:
            entries[-1].names.append(_phoenix_name(text[1:]))
            continue
        code = re.search(r"\[([A-Z]{3})\]\s*$", text)
        entries.append(PhoenixEntry([_phoenix_name(text.split("[")[0])], code.group(1) if code else ""))
    return entries


def _phoenix_name(text: str) -> str:
    return text.strip().rstrip("_").strip()


def phoenix_index(entries: Iterable[PhoenixEntry]) -> dict[str, list[str]]:
    """Every name of a non-country entry -> all the names of that entry."""
    index: dict[str, list[str]] = defaultdict(list)
    for entry in entries:
        if entry.country:
            continue
        for name in entry.names:
            index[name].extend(n for n in entry.names if n not in index[name])
    return index


def name_variant(raw: str, banned: set[str]) -> str | None:
    """A Phoenix or CountryInfo synonym as a name, or None if it is a title, a phrase or noise."""
    words = raw.replace("_", " ").split()
    if not words or any(word in TITLE_WORDS or word in banned for word in words):
        return None
    if any(not re.fullmatch(r"[A-Z][A-Z.'-]*", word) for word in words):
        return None  # lower case letters, digits, brackets: not a clean name
    return ci_title_case(raw)


# -- countries ------------------------------------------------------------------------------------

# Words that make a Phoenix synonym an official name ('PEOPLE'S_REPUBLIC_OF_CHINA'), not a city or a typo.
STATE_FORMS = re.compile(
    r"\b(REPUBLIC|KINGDOM|FEDERATION|COMMONWEALTH|EMIRATES|PRINCIPALITY|SULTANATE|DUCHY|STATE)\b"
)
SMALL_WORDS = frozenset({"of", "and", "the", "da", "de", "du", "d'"})


def country_title_case(raw: str) -> str:
    """'REPUBLIC_OF_SOUTH_AFRICA' -> 'Republic of South Africa'."""
    words = raw.replace("_", " ").split()
    return " ".join(
        w.lower() if i and w.lower() in SMALL_WORDS else w.capitalize() for i, w in enumerate(words)
    )


def plural_demonym(adjective: str) -> str | None:
    """'American' -> 'Americans', 'Israeli' -> 'Israelis'; None if English has no such plural ('Chinese')."""
    if " " not in adjective and re.search(r"(an|i|er|ot|k)$", adjective):
        return adjective + "s"
    return None


def capital_ok(name: str, stopwords: set[str]) -> bool:
    """A capital stands for its government only if it is 4+ letters and not an ordinary word or first name."""
    letters = re.sub(r"[^A-Za-z]", "", name)
    return len(letters) >= 4 and name.lower() not in stopwords


def build_countries(ref: Reference, ci: dict[str, CICountry], phoenix: list[PhoenixEntry]) -> None:
    """Countries from countries.tsv; CountryInfo's names, adjectives, capitals; Phoenix's official names."""
    stopwords = read_words("stopwords.txt")
    official = phoenix_official_names(phoenix)
    for row in read_table("countries.tsv"):
        if row["status"] == "excluded":
            continue
        entity = Entity("country", row["key"], row["label"], wikidata=row["wikidata"], iso=row["iso3"])
        entity.founded, entity.dissolved = row["founded"], row["dissolved"]
        if row["ci_name"]:
            add_countryinfo_names(entity, ci[row["ci_name"]], stopwords)
        entity.alt |= {n for n in official.get(row["iso3"], ()) if names_country(n, entity.label)}
        entity.alt |= set(split_list(row["alt"]))
        entity.hidden |= set(split_list(row["hidden"]))
        drop = {without_article(n) for n in split_list(row["drop"])}
        entity.alt = {n for n in entity.alt if without_article(n) not in drop}
        entity.hidden = {n for n in entity.hidden if without_article(n) not in drop}
        entity.comment = row["note"]
        ref.countries[entity.key] = entity


def add_countryinfo_names(entity: Entity, block: CICountry, stopwords: set[str]) -> None:
    """CountryInfo's name, first nationality adjective (and its plural), and capitals."""
    entity.alt.add(country_title_case(block.name))
    adjectives = [a for a in block.nationality if "(" not in a and a.replace("_", " ") != block.name]
    if adjectives:
        adjective = country_title_case(adjectives[0])
        entity.hidden.add(adjective)
        if plural := plural_demonym(adjective):
            entity.hidden.add(plural)
    for capital in block.capital[:2]:
        name = country_title_case(capital)
        if capital_ok(name, stopwords):
            entity.hidden.add(name)


def names_country(name: str, label: str) -> bool:
    """Whether an official-looking name contains every significant word of the country's label.

    'People's Republic of China' names China; 'Untied Kingdom', 'Aloha State' and 'Chechen Republic'
    (all in Phoenix's country entries) do not name the United Kingdom, the United States or Russia.
    """
    words = set(name.split())
    return all(word in words for word in label.split() if word.lower() not in SMALL_WORDS)


def phoenix_official_names(phoenix: list[PhoenixEntry]) -> dict[str, set[str]]:
    """Official-name synonyms of Phoenix's country entries ('Islamic Republic of Afghanistan')."""
    names: dict[str, set[str]] = defaultdict(set)
    for entry in phoenix:
        for raw in entry.names[1:] if entry.country else ():
            if STATE_FORMS.search(raw.replace("_", " ")) and re.fullmatch(r"[A-Z_']+", raw):
                names[entry.country].add(country_title_case(raw))
    return names


# -- organisations, offices, memberships -----------------------------------------------------------


def build_organisations(ref: Reference) -> None:
    """Organisations, groupings, summit series and national bodies from organisations.tsv."""
    for row in read_table("organisations.tsv"):
        entity = Entity("organisation", row["key"], row["label"], wikidata=row["wikidata"])
        entity.founded, entity.dissolved = row["founded"], row["dissolved"]
        entity.alt = set(split_list(row["alt"]))
        entity.hidden = set(split_list(row["hidden"]))
        entity.country = row["country"]
        entity.comment = "; ".join(x for x in (row["country"] and f"of {row['country']}", row["note"]) if x)
        ref.organisations[entity.key] = entity


def build_offices(ref: Reference) -> None:
    """Offices from offices.tsv."""
    for row in read_table("offices.tsv"):
        shared = set(split_list(row["shared"]))
        ref.offices[row["key"]] = Office(
            row["key"], row["label"], set(split_list(row["alt"])) | shared, shared
        )


def build_memberships(ref: Reference) -> None:
    """memberships.tsv, plus UN membership from the 'status' column of countries.tsv."""
    un_members = {row["key"] for row in read_table("countries.tsv") if row["status"] == "member"}
    for key in un_members:
        ref.countries[key].members.add("UN")
    for row in read_table("memberships.tsv"):
        if row["org"] not in ref.organisations:
            ref.log.append(f"ERROR memberships.tsv: unknown organisation {row['org']}")
        for member in expand_members(row["members"], un_members):
            entity = ref.countries.get(member) or ref.organisations.get(member)
            if entity is None:
                ref.log.append(f"ERROR memberships.tsv: unknown member {member} of {row['org']}")
                continue
            entity.members.add(row["org"])


def expand_members(text: str, un_members: set[str]) -> list[str]:
    """'UN -USA EU' -> every UN member but the United States, and the EU."""
    members: set[str] = set()
    for token in text.split():
        if token == "UN":
            members |= un_members
        elif token.startswith("-"):
            members.discard(token[1:])
        else:
            members.add(token)
    return sorted(members)


# -- people and their offices ----------------------------------------------------------------------


@dataclass
class PeopleIndex:
    """How names found in the sources lead to people: curated labels, slugs and CountryInfo names."""

    by_name: dict[str, str] = field(default_factory=dict)  # label, slug or CountryInfo name -> person key

    def key_for(self, name: str) -> str | None:
        """The person a label, slug or raw CountryInfo name (honorifics or not) stands for, if known."""
        return self.by_name.get(name) or self.by_name.get(ci_key(name)) or self.by_name.get(slugify(name))


def build_curated_people(ref: Reference, index: PeopleIndex) -> None:
    """People described in people.tsv: label, Wikidata id, variants, short names, CountryInfo names."""
    for row in read_table("people.tsv"):
        key = slugify(row["label"])
        if key in ref.people:
            ref.log.append(f"ERROR people.tsv: {row['label']} twice")
        person = Entity("person", key, row["label"], wikidata=row["wikidata"])
        person.alt = set(split_list(row["alt"]))
        person.short = set(split_list(row["short"]))  # {"-"}: no short name at all
        person.affiliated = set(split_list(row["affiliated"]))
        person.drop = set(split_list(row["drop"]))
        person.comment = row["note"]
        ref.people[key] = person
        for name in [row["label"], key, *map(ci_key, split_list(row["ci"]))]:
            index.by_name[name] = key


def person_for(ref: Reference, index: PeopleIndex, names: list[str]) -> str:
    """The key of the person with these names (raw CountryInfo forms or labels), created if new."""
    for name in names:
        if key := index.key_for(name):
            return key
    label = person_label(names[0]) if names[0].isupper() or "_" in names[0] else names[0]
    key = slugify(label)
    if key not in ref.people:
        person = Entity("person", key, label)
        person.alt = {person_label(n) for n in names[1:] if n}
        ref.people[key] = person
    for name in names:
        index.by_name[name] = key
    return key


def ci_rows(block: CICountry, row: dict[str, str]) -> list[tuple[list[str], Periods]]:
    """(names, periods) of the <Leaders> sub-section or <Government> titles a ci_offices.tsv row names."""
    if row["source"] == "leaders":
        section = row["section"].lower()
        return [(x.names, x.periods) for x in block.leaders if x.section.lower() == section]
    pattern = re.compile(row["section"])
    return [(x.names, [(x.start, x.end)]) for x in block.government if pattern.fullmatch(x.title)]


def ci_holdings(ref: Reference, index: PeopleIndex, ci: dict[str, CICountry]) -> list[Holding]:
    """Terms from CountryInfo's <Leaders> and <Government> sections listed in ci_offices.tsv."""
    skip = {(row["ci_name"], row["name"], row["start"]) for row in read_table("ci_skip.tsv")}
    iso = {row["ci_name"]: row["key"] for row in read_table("countries.tsv") if row["ci_name"]}
    found = []
    for row in read_table("ci_offices.tsv"):
        for ci_name in split_list(row["ci_name"]):
            of = f"country:{iso[ci_name]}" if row["of"] == "*" else row["of"]
            for names, periods in ci_rows(ci[ci_name], row):
                for start, end in periods:
                    if not names or start is None or (end is not None and end.year < FIRST_YEAR):
                        continue
                    if {(ci_name, names[0], ""), (ci_name, names[0], start.strftime("%Y%m%d"))} & skip:
                        continue
                    found.append(
                        Holding(person_for(ref, index, names), row["office"], of, start, end, "CountryInfo")
                    )
    return found


def curated_holdings(ref: Reference, index: PeopleIndex) -> list[Holding]:
    """Terms from holdings.tsv (the person named by label; people not yet known are created)."""
    found = []
    for number, row in enumerate(read_table("holdings.tsv"), start=2):
        start, end = parse_date(row["start"]), parse_date(row["end"]) if row["end"] else None
        if start is None or (row["end"] and end is None):
            ref.log.append(f"ERROR holdings.tsv row {number}: bad date in {row}")
            continue
        person = person_for(ref, index, [row["person"]])
        found.append(Holding(person, row["office"], row["of"], start, end))
    return found


def merge_holdings(ref: Reference, imported: list[Holding], curated: list[Holding]) -> list[Holding]:
    """Curated terms win: an imported term is cut short where a curated term of the same post begins,
    and dropped if a curated term already covers its first day."""
    by_post: dict[tuple[str, str], list[Holding]] = defaultdict(list)
    for holding in curated:
        by_post[holding.office, holding.of].append(holding)
    kept = [t for t in (trim(h, by_post[h.office, h.of]) for h in imported) if t is not None]
    ref.log.append(f"info: {len(kept)} of {len(imported)} CountryInfo terms kept, {len(curated)} curated")
    return sorted(set(kept + curated))


def trim(imported: Holding, curated: list[Holding]) -> Holding | None:
    """An imported term without the part a curated term of the same post covers (None if nothing is left)."""
    overlapping = [c for c in curated if imported.overlaps(c)]
    if any(c.start <= imported.start for c in overlapping):
        return None
    if not overlapping:
        return imported
    end = min(c.start for c in overlapping)
    return Holding(imported.person, imported.office, imported.of, imported.start, end, imported.source)


def close_open_terms(ref: Reference, imported: list[Holding], curated: list[Holding]) -> list[Holding]:
    """An open imported term ('in office at the last update', 2011) ends when the next holder's starts."""
    starts: dict[tuple[str, str], list[dt.date]] = defaultdict(list)
    for holding in imported + curated:
        starts[holding.office, holding.of].append(holding.start)
    closed = []
    for h in imported:
        later = [start for start in starts[h.office, h.of] if start > h.start]
        if h.end is None and later:
            h = Holding(h.person, h.office, h.of, h.start, min(later), h.source)
        closed.append(h)
    return closed


def check_open_imports(ref: Reference) -> None:
    """An imported term still open after merging would claim its holder is in office today."""
    for h in ref.holdings:
        if h.end is None and h.source != "curated":
            ref.log.append(f"ERROR open CountryInfo term with no successor (curate it in holdings.tsv): {h}")


def build_people(ref: Reference, ci: dict[str, CICountry], phoenix: list[PhoenixEntry]) -> None:
    """People and their office holdings: curated people, CountryInfo terms, curated terms."""
    index = PeopleIndex()
    build_curated_people(ref, index)
    curated = curated_holdings(ref, index)  # first, so that curated spellings name the people
    imported = close_open_terms(ref, ci_holdings(ref, index, ci), curated)
    merged = merge_holdings(ref, imported, curated)
    ref.holdings = [h for h in merged if h.end is None or h.end.year >= FIRST_YEAR]
    check_open_imports(ref)
    holders = {h.person for h in ref.holdings}
    described = {slugify(row["label"]) for row in read_table("people.tsv")}
    ref.people = {k: p for k, p in ref.people.items() if k in holders or k in described}
    add_phoenix_variants(ref, index, phoenix)


def add_phoenix_variants(ref: Reference, index: PeopleIndex, phoenix: list[PhoenixEntry]) -> None:
    """Phoenix synonyms of known people's names ('Vladimir Vladimirovich Putin')."""
    lookup = phoenix_index(phoenix)
    banned = {word.upper() for country in ref.countries.values() for word in country.hidden | {country.label}}
    raw_names: dict[str, set[str]] = defaultdict(set)
    for name, key in index.by_name.items():
        raw_names[key].add(name)
    for key, person in ref.people.items():
        upper = slugify(person.label).upper().replace("-", "_")
        for raw in sorted(raw_names[key] | {upper}):
            for variant in lookup.get(raw, []):
                add_variant(person, variant, banned)


def add_variant(person: Entity, raw: str, banned: set[str]) -> None:
    """One synonym, if it is a full name (a single word is left to the short-name rules)."""
    name = name_variant(raw, banned)
    if name is not None and " " in name:
        person.alt.add(name)


# -- short names: a surname alone, only when it is distinctive -------------------------------------


def person_countries(ref: Reference) -> dict[str, set[str]]:
    """Person key -> the countries their offices are of (a national body counts as its country)."""
    countries: dict[str, set[str]] = defaultdict(set)
    for holding in ref.holdings:
        body = ref.by_ref(holding.of)
        countries[holding.person].add(
            body.country if body and body.kind == "organisation" else holding.of[8:]
        )
    return countries


def short_candidates(ref: Reference, countries: dict[str, set[str]]) -> dict[str, set[str]]:
    """Each person's candidate short names: curated, else the surname (first word in FIRST_WORD_SHORT)."""
    found = {}
    for key, person in ref.people.items():
        words = [w for w in person.label.split() if w[0].isupper() and "." not in w]
        if person.short:
            found[key] = person.short - {"-"}
        elif len(words) >= 2 and person.label.split()[-2].lower() not in PARTICLES:
            first = countries[key] and countries[key] <= FIRST_WORD_SHORT
            found[key] = {words[0] if first else words[-1]}  # not 'Fuente' of 'Juan Ramón de la Fuente'
        else:
            found[key] = set()
    return found


def first_names(ref: Reference, countries: dict[str, set[str]]) -> dict[str, set[str]]:
    """First word of a name -> the people whose given name it is (not for surname-first names)."""
    found: dict[str, set[str]] = defaultdict(set)
    for person in ref.people.values():
        if " " in person.label and not (countries[person.key] and countries[person.key] <= SURNAME_FIRST):
            found[person.label.split()[0]].add(person.key)
    return found


def assign_short_names(ref: Reference) -> None:
    """Give each person their short names, dropping those shared, ordinary words, first names or other names.

    A curated short name written '!Abbas' is kept even if it is someone's first name or a listed word.
    """
    stopwords = read_words("stopwords.txt")
    countries = person_countries(ref)
    candidates = short_candidates(ref, countries)
    given = first_names(ref, countries)
    owners: dict[str, set[str]] = defaultdict(set)
    for key, names in candidates.items():
        for name in names:
            owners[name.lstrip("!")].add(key)
    others = {n for e in ref.entities() if e.kind != "person" for _, n in e.names()}
    for key, names in sorted(candidates.items()):
        for name in sorted(names):
            forced, name = name.startswith("!"), name.lstrip("!")
            reason = short_name_problem(
                name, key, owners, {} if forced else given, others, set() if forced else stopwords
            )
            if reason:
                ref.log.append(f"short name dropped: {name!r} ({ref.people[key].label}): {reason}")
            else:
                ref.people[key].alt.add(name)


def short_name_problem(
    name: str,
    key: str,
    owners: dict[str, set[str]],
    given: dict[str, set[str]],
    others: set[str],
    stop: set[str],
) -> str:
    """Why a short name cannot be used ('' if it can)."""
    if len(owners[name]) > 1:
        return "shared by " + ", ".join(sorted(owners[name]))
    if name in stop or name.lower() in stop:
        return "an ordinary word or common first name"
    if given.get(name, set()) - {key}:
        return "the first name of " + ", ".join(sorted(given[name] - {key}))
    if name in others or len(name) < 2:
        return "the name of a country or organisation" if name in others else "too short"
    return ""


def plain_spellings(name: str) -> set[str]:
    """Spellings news uses for a name: initials without their dots, letters without diacritics.

    >>> sorted(plain_spellings("George W. Bush")), sorted(plain_spellings("Nicolás Maduro"))
    (['George W Bush'], ['Nicolas Maduro'])
    """
    found = {re.sub(r"\b([A-Z])\.(?= )", r"\1", name)}
    ascii_form = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode()
    if len(ascii_form) == len(unicodedata.normalize("NFC", name)):  # only combining marks were dropped
        found.add(ascii_form)
    return found - {name}


def add_plain_spellings(ref: Reference) -> None:
    """Every person's label and variants also without initials' dots and diacritics ('George W Bush')."""
    for person in ref.people.values():
        for name in [person.label, *person.alt]:
            person.alt |= plain_spellings(name)


# -- tidying and label collisions ------------------------------------------------------------------


def acceptable(name: str) -> bool:
    """No empty names, single letters, or two-letter lower-case words ('us', 'in'); 'Xi' and 'UN' are fine."""
    letters = re.sub(r"\W", "", name)
    return len(letters) >= 2 and not (len(name) <= 2 and name.islower())


def tidy(entity: Entity) -> None:
    """Names without a leading 'the', without duplicates; hidden labels never repeat alternative ones."""
    entity.alt = {without_article(n.strip()) for n in entity.alt if acceptable(without_article(n.strip()))}
    entity.hidden = {
        without_article(n.strip()) for n in entity.hidden if acceptable(without_article(n.strip()))
    }
    entity.alt -= entity.drop | {entity.label}
    entity.hidden -= entity.alt | entity.drop | {entity.label}


def name_owners(ref: Reference) -> dict[tuple[str, ...], dict[str, set[str]]]:
    """Token sequence (as the extractor matches it) -> entity -> the names that give it."""
    owners: dict[tuple[str, ...], dict[str, set[str]]] = defaultdict(lambda: defaultdict(set))
    for entity in ref.entities():
        for _, name in entity.names():
            owners[phrase_key(without_article(name))][entity.ref].add(name)
    return owners


def resolve_collisions(ref: Reference) -> list[str]:
    """Apply collisions.tsv: a surface naming several entities keeps only its winner ('-': none)."""
    rules = {phrase_key(row["surface"]): row for row in read_table("collisions.tsv")}
    report, used = [], set()
    for tokens, owners in sorted(name_owners(ref).items()):
        if len(owners) < 2:
            continue
        surface = " ".join(sorted({n for names in owners.values() for n in names}))
        rule = rules.get(tokens)
        if rule is None:
            ref.log.append(f"UNRESOLVED collision: {surface!r} -> {', '.join(sorted(owners))}")
            continue
        used.add(tokens)
        report.append(f"{surface!r}: {', '.join(sorted(owners))} -> {rule['winner']}  ({rule['note']})")
        apply_rule(ref, surface, tokens, owners, rule["winner"])
    stale = [r["surface"] for t, r in rules.items() if t not in used]
    ref.log.extend(f"warning: collisions.tsv rule not needed: {surface!r}" for surface in stale)
    return report


def apply_rule(
    ref: Reference, surface: str, tokens: tuple[str, ...], owners: Iterable[str], winner: str
) -> None:
    """Keep a shared surface for the winner only, or for all when the gazetteer tells them apart by date."""
    if winner == "by date":
        check_dated(ref, surface, owners)
        return
    for owner in owners:
        if owner != winner:
            remove_name(ref, ref.by_ref(owner), tokens)


def check_dated(ref: Reference, surface: str, owners: Iterable[str]) -> None:
    """A name shared 'by date' needs all its owners but one to have dipl:founded or dipl:dissolved."""
    entities = [e for e in map(ref.by_ref, owners) if e is not None]
    undated = [e.ref for e in entities if not (e.founded or e.dissolved)]
    if len(undated) > 1:
        ref.log.append(f"ERROR collision {surface!r} shared by date, but {', '.join(undated)} have no dates")


def remove_name(ref: Reference, entity: Entity | None, tokens: tuple[str, ...]) -> None:
    """Remove from an entity every alternative or hidden name matched as these tokens."""
    if entity is None:
        return
    if phrase_key(entity.label) == tokens:
        ref.log.append(f"ERROR collision: cannot remove the label of {entity.ref} ({entity.label!r})")
    entity.alt = {n for n in entity.alt if phrase_key(n) != tokens}
    entity.hidden = {n for n in entity.hidden if phrase_key(n) != tokens}


def check_offices(ref: Reference) -> None:
    """Office names must be unambiguous in every case form the gazetteer registers, unless declared shared."""
    owners: dict[tuple[str, ...], set[str]] = defaultdict(set)
    for office in ref.offices.values():
        for name in (office.alt - office.shared) | {office.label}:
            for form in (name, name.lower(), name.title()):
                owners[phrase_key(form)].add(office.key)
    for tokens, keys in sorted(owners.items()):
        if len(keys) > 1:
            ref.log.append(f"ERROR office name {' '.join(tokens)!r} belongs to {', '.join(sorted(keys))}")


def check_holdings(ref: Reference) -> None:
    """Every term points to a known person, office and country or organisation; overlaps are reported."""
    for h in ref.holdings:
        if h.person not in ref.people or h.office not in ref.offices or ref.by_ref(h.of) is None:
            ref.log.append(f"ERROR holding with an unknown person, office or country/organisation: {h}")
        if h.end is not None and h.end < h.start:
            ref.log.append(f"ERROR holding ends before it starts: {h}")
    by_post: dict[tuple[str, str], list[Holding]] = defaultdict(list)
    for h in ref.holdings:
        by_post[h.office, h.of].append(h)
    for terms in by_post.values():
        terms.sort(key=lambda h: (h.start, h.person))
        for a, b in zip(terms, terms[1:], strict=False):
            if a.person != b.person and a.end is not None and (a.end - b.start).days > 1:
                ref.log.append(f"warning: overlapping terms: {a.person} / {b.person} as {a.office} of {a.of}")
            if a.end is None and a.person != b.person:
                ref.log.append(
                    f"warning: open term before a later one: {a.person} / {b.person} as {a.office} of {a.of}"
                )


# -- writing Turtle ----------------------------------------------------------------------------------

WIDTH = 110


def literal(text: str) -> str:
    """A Turtle string literal."""
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n") + '"'


def sort_names(names: Iterable[str]) -> list[str]:
    """Names in a stable, readable order."""
    return sorted(names, key=lambda n: (n.casefold(), n))


def predicate_line(predicate: str, objects: list[str]) -> list[str]:
    """'    pred o1, o2, ...' wrapped at WIDTH characters, continuation lines indented further."""
    lines, current = [], f"    {predicate} "
    for i, obj in enumerate(objects):
        piece = obj + ("," if i < len(objects) - 1 else "")
        if len(current) + len(piece) > WIDTH and current.strip() != predicate:
            lines.append(current.rstrip())
            current = "        "
        current += piece + " "
    lines.append(current.rstrip())
    return lines


def statement(subject: str, pairs: list[tuple[str, list[str]]]) -> str:
    """A subject with one predicate per line; ' ;' after each predicate's objects, ' .' after the last."""
    groups = [predicate_line(predicate, objects) for predicate, objects in pairs if objects]
    lines = [subject]
    for i, group in enumerate(groups):
        lines.extend(group[:-1])
        lines.append(group[-1] + (" ." if i == len(groups) - 1 else " ;"))
    return "\n".join(lines)


def comment_lines(text: str) -> str:
    """A note as Turtle comment lines of at most WIDTH characters ('' if there is none)."""
    return "".join(f"# {line}\n" for line in textwrap.wrap(text, WIDTH - 2))


def entity_turtle(entity: Entity, kind: str, extra: list[tuple[str, list[str]]]) -> str:
    """One country, organisation or person."""
    pairs = [
        ("a", [kind]),
        ("rdfs:label", [literal(entity.label)]),
        ("dipl:isoCode", [literal(entity.iso)] if entity.iso else []),
        ("dipl:wikidata", [literal(entity.wikidata)] if entity.wikidata else []),
        ("dipl:founded", [f'"{entity.founded}"^^xsd:date'] if entity.founded else []),
        ("dipl:dissolved", [f'"{entity.dissolved}"^^xsd:date'] if entity.dissolved else []),
        ("skos:altLabel", [literal(n) for n in sort_names(entity.alt)]),
        ("skos:hiddenLabel", [literal(n) for n in sort_names(entity.hidden)]),
        *extra,
    ]
    return comment_lines(entity.comment) + statement(entity.ref, pairs)


def header(title: str, licence: str) -> str:
    """The comment block and prefixes at the top of a generated file."""
    return (
        f"# {title}\n"
        "# Generated by tools/build_reference.py from ../shared/reference/actors/ and tools/reference_data/\n"
        "# do not edit by hand; change the tables and re-run. Format: seeds/README.md.\n"
        f"{licence}\n{PREFIXES}"
    )


def holding_ids(holdings: list[Holding]) -> dict[Holding, str]:
    """holding:<person>-<office>-<of>-<n>, n counting the person's terms in that post from 1 by start date."""
    ids: dict[Holding, str] = {}
    count: dict[str, int] = defaultdict(int)
    for h in sorted(holdings, key=lambda h: (h.person, h.office, h.of, h.start)):
        stem = f"{h.person}-{h.office}-{h.of.partition(':')[2].lower()}"
        count[stem] += 1
        ids[h] = f"holding:{stem}-{count[stem]}"
    return ids


def holding_turtle(h: Holding, iri: str) -> str:
    """One term of office."""
    first = f"{iri} a dipl:OfficeHolding ;\n    dipl:office office:{h.office} ; dipl:officeOf {h.of} ;"
    dates = f'    dipl:startDate "{h.start.isoformat()}"^^xsd:date'
    if h.end is not None:
        dates += f' ; dipl:endDate "{h.end.isoformat()}"^^xsd:date'
    source = "  # from CountryInfo" if h.source == "CountryInfo" else ""
    return f"{first}\n{dates} .{source}"


def render_people(ref: Reference) -> str:
    """people.ttl: each person, then their terms in date order."""
    ids = holding_ids(ref.holdings)
    terms: dict[str, list[Holding]] = defaultdict(list)
    for h in sorted(ref.holdings, key=lambda h: (h.start, h.office, h.of)):
        terms[h.person].append(h)
    blocks = []
    for key in sorted(ref.people):
        person = ref.people[key]
        extra = [
            ("dipl:affiliatedWith", [f"organisation:{o}" for o in sorted(person.affiliated)]),
            ("dipl:holds", [ids[h] for h in terms[key]]),
        ]
        blocks.append(
            "\n".join(
                [entity_turtle(person, "dipl:Person", extra)]
                + [holding_turtle(h, ids[h]) for h in terms[key]]
            )
        )
    title = "People and their terms of office: heads of state and government, ministers, envoys, officials."
    return header(title, CC_BY_SA) + "\n" + "\n\n".join(blocks) + "\n"


def render_countries(ref: Reference) -> str:
    """countries.ttl."""
    blocks = [entity_turtle(ref.countries[k], "dipl:Country", []) for k in sorted(ref.countries)]
    title = (
        "Countries: names and variants (altLabel), adjectives, demonyms, capitals and metonyms (hiddenLabel)."
    )
    return header(title, CC_BY_SA) + "\n" + "\n\n".join(blocks) + "\n"


def render_organisations(ref: Reference) -> str:
    """organisations.ttl: organisations, then which countries are members of what."""
    blocks = [entity_turtle(ref.organisations[k], "dipl:Organisation", []) for k in sorted(ref.organisations)]
    members = [
        statement(e.ref, [("dipl:memberOf", [f"organisation:{o}" for o in sorted(e.members)])])
        for e in sorted([*ref.countries.values(), *ref.organisations.values()], key=lambda e: e.ref)
        if e.members
    ]
    title = "International organisations, groupings, summit series and national bodies; memberships."
    text = (
        "\n\n".join(blocks)
        + "\n\n# -- memberships (current; see tools/reference_data/memberships.tsv) --\n\n"
    )
    return header(title, MIT_ONLY) + "\n" + text + "\n".join(members) + "\n"


def render_offices(ref: Reference) -> str:
    """offices.ttl."""
    blocks = [
        statement(
            f"office:{o.key}",
            [("a", ["dipl:Office"]), ("rdfs:label", [literal(o.label)]),
             ("skos:altLabel", [literal(n) for n in sort_names(o.alt)])],
        )
        for o in sorted(ref.offices.values(), key=lambda o: o.key)
    ]  # fmt: skip
    title = "Offices: kinds of post a person holds for a country or organisation (titles as written in news)."
    return header(title, MIT_ONLY) + "\n" + "\n\n".join(blocks) + "\n"


# -- the build ----------------------------------------------------------------------------------------


def build(shared: Path) -> tuple[Reference, list[str]]:
    """Read every input and return the reference data and the collision decisions applied."""
    ci = read_countryinfo(shared / COUNTRYINFO)
    phoenix = read_phoenix(shared / PHOENIX)
    ref = Reference()
    build_offices(ref)
    build_countries(ref, ci, phoenix)
    build_organisations(ref)
    build_memberships(ref)
    build_people(ref, ci, phoenix)
    add_plain_spellings(ref)
    assign_short_names(ref)
    for entity in ref.entities():
        tidy(entity)
    decisions = resolve_collisions(ref)
    check_offices(ref)
    check_holdings(ref)
    return ref, decisions


def render(ref: Reference) -> dict[str, str]:
    """File name -> Turtle text."""
    return {
        "countries.ttl": render_countries(ref),
        "organisations.ttl": render_organisations(ref),
        "offices.ttl": render_offices(ref),
        "people.ttl": render_people(ref),
    }


def summary(ref: Reference) -> str:
    """Entity counts, one line."""
    return (
        f"{len(ref.countries)} countries, {len(ref.organisations)} organisations, {len(ref.people)} people, "
        f"{len(ref.holdings)} holdings, {len(ref.offices)} offices"
    )


def parse_args(argv: list[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--shared", type=Path, default=ROOT.parent / "shared", help="the shared folder")
    parser.add_argument("--out", type=Path, default=OUT, help="where the .ttl files go (seeds/reference)")
    parser.add_argument("--check", action="store_true", help="write nothing; exit 1 if a file would change")
    parser.add_argument("--verbose", action="store_true", help="also print warnings and dropped short names")
    parser.add_argument("--collisions", action="store_true", help="print every collision decision applied")
    return parser.parse_args(argv)


def main(argv: list[str] | None = None) -> int:
    args = parse_args(argv)
    ref, decisions = build(args.shared)
    errors = [line for line in ref.log if line.startswith(("ERROR", "UNRESOLVED"))]
    for line in ref.log if args.verbose else errors:
        print(line, file=sys.stderr)
    if args.collisions:
        print("\n".join(decisions))
    files = render(ref)
    if args.check:
        stale = [
            n
            for n, text in files.items()
            if not (args.out / n).exists() or (args.out / n).read_text("utf-8") != text
        ]
        print(f"out of date: {', '.join(stale)}" if stale else "up to date", file=sys.stderr)
        return 1 if stale or errors else 0
    for name, text in files.items():
        (args.out / name).write_text(text, encoding="utf-8")
    print(summary(ref), file=sys.stderr)
    return 1 if errors else 0


if __name__ == "__main__":
    sys.exit(main())
