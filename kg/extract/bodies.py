"""Organisations the gazetteer does not know: institutions by the shape of their names, countries' bodies.

"The Nuclear Regulatory Commission" is named like an institution; "the Iraqi Foreign Ministry" and
"Japan's Lower House" are a country's bodies, one entity per country and body across articles.
Universities, institutes and foundations are not actors (tests/gold/README.md), and neither is a
name inside one ("Renmin University of China").
"""

from __future__ import annotations

import re
from dataclasses import replace

from kg.extract.gazetteer import Gazetteer
from kg.extract.names import NOT_FIRST_NAMES, PORTFOLIO_WORDS, TITLE_HEADS, Found, Reading, overlaps, slug
from kg.extract.text import Match, PhraseMatcher, normalise

#: Words before "Court" that make it a court of law, not a surname ("Richard Court") or a theatre.
_COURTS = (
    "High Supreme Federal Family District Magistrates Superior Crown County Circuit Appeals Constitutional "
    "Criminal International European Industrial Claims States".split()
)
#: An Australian state's or territory's government, an organisation ("the Tasmanian Government", "the
#: Victorian State Government"), not Australia (a Country); not "the Commonwealth and State Government".
#: Searched only in texts that say "Government".
_STATE_GOVERNMENT = re.compile(
    r"\b(?:Victorian|Tasmanian|Queensland|NSW|New South Wales|Northern Territory|Territory|ACT|Victoria|"
    r"Tasmania|South Australian|Western Australian)(?: State)? Government\b"
)
#: Last words of institutions' names. Universities, institutes and foundations are not actors
#: (tests/gold/README.md); the few that act for a state are in the reference data.
_HEADS = (
    "Ministry|Parliament|Commission|Agency|Council|Organi[sz]ation|Department|Party|Service|Authority|Cabinet|"
    "Tribunal|Committee|Board|Bureau|Task Force|(?:(?<=Working )|(?<=Coordination )|(?<=Contact )|"
    "(?<=Steering )|(?<=Persons )|(?<=Advisory )|(?<=Consultative ))Group|"
    "(?:(?<=Central )|(?<=Reserve ))Bank|(?:" + "|".join(f"(?<={word} )" for word in _COURTS) + ")Court"
)
_INSTITUTION = re.compile(
    # One to six capitalised words (with "and"/"&" between them) before the head, not after "a" or
    # "an". Written to start with a capital letter, so that the search skips to capitals; the
    # assertions after it are the word boundary and the "a "/"an " test before that letter, and the
    # words match possessively (a shorter word is never followed by the space the pattern needs).
    # The same matches as the plain form, four times faster (it backtracked at every position).
    # The first word may join initials to a name: "U.S.-India Drug Policy Executive Working Group".
    rf"[A-Z](?<!\w.)(?<!\ba .)(?<!\ban .)(?:\.(?:[A-Z]\.)+-[A-Z])?[\w'&-]++ (?:(?:and|&) )?"
    rf"(?:[A-Z][\w'&-]++ (?:(?:and|&) )?){{0,5}}"
    rf"(?:{_HEADS})\b"
    # "... Agency for International Development", "... Committee for the Administration of Gaza"
    r"(?: (?:for|of|on) (?:the )?[A-Z][\w'&-]+(?: [A-Z][\w'&-]+){0,3}){0,2}"
)
#: Institutions named head first, after "the": "the Office of National Assessments", "the Board of
#: Investments". After "the ", checked in code: a look-behind or \b first would be tried at every
#: position.
_HEAD_FIRST = re.compile(
    r"(?:Office|Board|Bureau|Department|Ministry) (?:of|for) (?:the )?"
    r"[A-Z][\w'&-]+(?: (?:and |& )?[A-Z][\w'&-]+){0,3}"
)
#: Names of bodies that are not actors; a country named inside one is not an actor either
#: ("Renmin University of China", "London School of Economics").
_NOT_ACTOR_WORDS = (
    "University",
    "Institute",
    "College",
    "School",
    "Academy",
    "Foundation",
    "Hospital",
    "Museum",
)
# Up to four capitalised words and one of the words above, starting at a word boundary; written
# to start with the capital (as ``_INSTITUTION``): up to three more words after the first, or the
# word itself, its first letter already read.
_NOT_ACTOR_BODY = re.compile(
    rf"[A-Z](?<!\w.)(?:[\w'&-]+ (?:[A-Z][\w'&-]+ ){{0,3}}(?:{'|'.join(_NOT_ACTOR_WORDS)})"
    rf"|{'|'.join(f'(?<={word[0]}){word[1:]}' for word in _NOT_ACTOR_WORDS)})"
    r"(?: (?:of|for) (?:the )?(?:[A-Z][\w'&-]+ ?){1,4})?"
)
#: Words of an officer's title before the body: "Chief Executive Officer Australian Customs Service".
_OFFICERS = TITLE_HEADS | {"Executive", "Officer", "Deputy", "Acting", "First", "Assistant"}
#: Words before a body's name that are not part of it: "Each Executive Board".
_DETERMINERS = frozenset("Each Every Additional Another Other Any Its Their Our Your His Her".split())
_HEAD_WORD = re.compile(rf"\b(?:{_HEADS}|Office|Government)\b")
_PREVIOUS_WORD = re.compile(r"\b[A-Z][\w'&-]* $")
#: A country's body named by the country: "the Iraqi Foreign Ministry", "Japan's Lower House".
_BODIES = re.compile(
    r"(?:(?:Foreign|Defen[cs]e|Finance|Trade|Economy|Agriculture|Interior|Justice|Commerce|Industry|"
    r"Energy|Health|Education|Information) Ministry|Ministry of [A-Z][a-z]+(?: Affairs)?|Foreign Office|"
    r"Embassy|Consulate|Parliament|Senate|Lower House|Upper House|National Assembly|Cabinet|Navy|Army|"
    r"Air Force|Coast Guard|Central Bank|Armed Forces|"
    # in lower case, as news writes them: "Ukraine's parliament", "the Iraqi foreign ministry"
    r"(?:foreign|defen[cs]e|finance|trade|interior|justice) ministry|parliament|central bank)"
    r"(?![\w-])"
)


#: The same bodies as news writes them in lower case, and the word that must come before: "the
#: central bank" (a Reuters story from Manila), "pass the bill through parliament" (the BBC).
LOWER_CASE_BODIES = {
    "parliament": frozenset("the The in to through before into of by from".split()),
    "central bank": frozenset({"the", "The"}),
    "foreign ministry": frozenset({"the", "The"}),
    "finance ministry": frozenset({"the", "The"}),
    "defence ministry": frozenset({"the", "The"}),
    "defense ministry": frozenset({"the", "The"}),
    "trade ministry": frozenset({"the", "The"}),
}


def as_named(name: str) -> str:
    """A body's name as the reference data writes it: 'central bank' is the 'Central Bank'."""
    return name.title() if name.islower() else name


#: National bodies that news names without their country ("Parliament", "the Senate"): the home
#: country's (``seeds/reference/national_bodies.tsv`` says which body that is where it is known).
NATIONAL_BODIES = (
    "Parliament",
    "Federal Parliament",
    "Congress",
    "Senate",
    "House of Representatives",
    "House of Commons",
    "Commons",
    "Lower House",
    "Upper House",
    "National Assembly",
    "Foreign Ministry",
    "Foreign Office",
    "Foreign Affairs Ministry",
    "Ministry of Foreign Affairs",
    "Finance Ministry",
    "Ministry of Finance",
    "Defence Ministry",
    "Defense Ministry",
    "Ministry of Defence",
    "Ministry of Defense",
    "Trade Ministry",
    "Agriculture Ministry",
    "Interior Ministry",
    "Economy Ministry",
    "Commerce Ministry",
    "Justice Ministry",
    "Energy Ministry",
    "Health Ministry",
    "Treasury",
    "Central Bank",
)
_LEGISLATURES = frozenset(NATIONAL_BODIES[:10])
_GENERIC_BODIES = frozenset(NATIONAL_BODIES)  # every country has one; not the parties of the table
#: Bodies that a story names without its country only for the country of its dateline: a BBC story's
#: "the central bank" may be any country's.
_BY_DATELINE_ONLY = frozenset({"Central Bank"} | {as_named(name) for name in LOWER_CASE_BODIES})
#: Words of news outlets' names: "Xinhua News Agency" (and see not_actors.tsv).
_MEDIA = re.compile(r"\b(?:News|Press|Radio|Television|Broadcasting|Times|Herald|Post)\b")
#: Words of sporting and private bodies' names: "Australian Cricket Board", "Iowa Farm Bureau".
_NOT_STATE = re.compile(
    r"\b(?:Olympic|Cricket|Football|Rugby|Soccer|Athletes|Sports?|Farm Bureau|Business Bureau)\b"
)
#: Words next to "Coalition" that make it allies at war, not Australia's Liberal-National Coalition.
_WAR_COALITION = frozenset(
    "forces force troops soldiers aircraft warplanes jets military partners members countries nations allies "
    "commanders command strikes bombing operations international led multinational".split()
)
_CONJUNCTION = re.compile(r" (?:and|&) (?=[A-Z])")


class OrganisationFinder:
    """Finds the organisations an article names that the gazetteer does not know."""

    def __init__(self, gazetteer: Gazetteer):
        self.gazetteer = gazetteer
        self.national_names = PhraseMatcher()
        for name in NATIONAL_BODIES + tuple(name for name, _ in gazetteer.national_bodies):
            self.national_names.add(name, name)
        for name in LOWER_CASE_BODIES:
            self.national_names.add(name, name)

    def __call__(self, reading: Reading, found: list[Found]) -> list[Found]:
        """Countries' bodies and institutions; known names inside an institution's name give way."""
        bodies = self.bodies(reading, found)
        bodies += self.national(reading, found + bodies)
        institutions = self.institutions(reading, found + bodies, claimed=[b.span for b in bodies])
        return drop_inside_institutions(found + bodies + institutions)

    def body(self, name: str, country: str, reading: Reading, span: tuple[int, int], label: str) -> Found:
        """A country's body: the one the reference data knows, else ``org/<iso>-<name>``."""
        known = self.gazetteer.national_bodies.get((as_named(name), country))
        if known is not None:
            evidence = reading.evidence(*span, f"the {name} of {country}", 0.8)
            return Found(known, "Organisation", self.gazetteer.entries[known].label, True, evidence)
        key = f"org/{country.rsplit('/', 1)[-1].lower()}-{slug(name)}"
        return Found(key, "Organisation", label, False, reading.evidence(*span, "a country's body", 0.75))

    def _is_organisation(self, match: Match) -> bool:
        return self.gazetteer.entries[str(match.values[0])].type == "Organisation"

    def national(self, reading: Reading, found: list[Found]) -> list[Found]:
        """'Parliament', 'the Senate', 'the Foreign Ministry' with no country: the home country's."""
        if reading.home is None:
            return []
        words, taken, bodies = reading.tokens.words, [f.span for f in found], []
        for match in self.national_names.find(reading.tokens):
            i, j = match.first_token, match.last_token + 1
            if i in reading.inside or overlaps((match.start, match.end), taken):
                continue
            before = words[i - 1] if i > 0 else ""
            after = words[j] if j < len(words) else ""
            if (before[:1].isupper() and before not in NOT_FIRST_NAMES and reading.same_line(i - 1, i)) or (
                after[:1].isupper() and reading.same_line(j - 1, j)
            ):
                continue  # part of a longer name: "Senate Banking Committee", "Parliament House"
            if after == "of" and j + 1 < len(words) and words[j + 1][:1].isupper():
                continue  # "Ministry of Finance of Japan": named with its country after all
            if words[i] == "Coalition" and (
                after.lower() in _WAR_COALITION or before.lower() in _WAR_COALITION
            ):
                continue  # "Coalition forces in Afghanistan", "the US-led Coalition": allies at war
            written = str(match.values[0])
            name = as_named(written)
            if written in LOWER_CASE_BODIES and (
                before not in LOWER_CASE_BODIES[written] or after in ("governors", "governments")
            ):
                continue  # "a central bank", "the state parliament": no particular country's
            if name != "Parliament" and name in _BY_DATELINE_ONLY and not reading.home_by_dateline:
                continue  # a BBC story's "central bank" may be any country's; from Manila, the Philippines'
            if (name, reading.home) not in self.gazetteer.national_bodies and (
                name in _LEGISLATURES or not reading.home_by_dateline or name not in _GENERIC_BODIES
            ):
                continue  # "Congress" in an Australian release: another country's; "Labor" in an American one
            bodies.append(self.body(name, reading.home, reading, (match.start, match.end), written))
        return bodies

    def bodies(self, reading: Reading, found: list[Found]) -> list[Found]:
        """'the Iraqi Foreign Ministry', "Japan's Lower House", 'the U.S. Embassy': a country's body.

        One entity per country and body across articles (``org/irq-foreign-ministry``), labelled as
        first written.
        """
        text, bodies = reading.text, []
        taken = [f.span for f in found if f.type != "Country"]
        for match in reading.names:
            if self.gazetteer.entries[str(match.values[0])].type != "Country":
                continue
            after = match.end + (3 if text.startswith("'s ", match.end) else 1)
            body = _BODIES.match(text, after) if text[match.end : match.end + 1] in " '" else None
            if body is None or overlaps((match.start, body.end()), taken):
                continue
            start, end = match.start, body.end()
            country = self.gazetteer.resolve(
                match.values, reading.doc.anchor.end if reading.doc.anchor else None
            )
            bodies.append(self.body(body.group(), country, reading, (start, end), text[start:end]))
            taken.append((start, end))
        return bodies

    def institutions(
        self, reading: Reading, found: list[Found], *, claimed: list[tuple[int, int]] = ()
    ) -> list[Found]:
        """'the Nuclear Regulatory Commission': capitalised words ending in an institution's word."""
        text, names, institutions = reading.text, reading.names, []
        starts = {m.start for m in names}
        taken = [f.span for f in found if not f.known] + list(claimed)  # countries' bodies
        spans = sorted(
            [m.span() for m in _INSTITUTION.finditer(text)]
            + ([m.span() for m in _STATE_GOVERNMENT.finditer(text)] if "Government" in text else [])
            + [
                m.span()
                for m in _HEAD_FIRST.finditer(text)
                if text[max(0, m.start() - 4) : m.start()] in ("the ", "The ")
            ]
        )
        spans = [(start, _with_portfolio(text, end)) for start, end in spans]
        spans = [
            (a, b) for a, b in spans if not any(s <= a and b <= e and (s, e) != (a, b) for s, e in spans)
        ]
        for start, end in spans:  # the longest reading of each name: "Department of Immigration and ..."
            if overlaps((start, end), taken):
                continue
            if reading.token_range(start, end).start in reading.recased:
                continue  # a headline in capitals: "TNT SETS NEW PACKAGE DELIVERY SERVICE"
            first = text[start:end].split(" ", 1)[0]
            if first in NOT_FIRST_NAMES or first in _DETERMINERS:  # "The Commission", "Each Board"
                start += len(first) + 1
                if " " not in text[start:end].strip():
                    continue
            officer = start
            while (first := text[start:end].split(" ", 1)[0]) in _OFFICERS and " " in text[start:end]:
                start += len(first) + 1  # "Secretary Department of Defence": the department
            previous = _PREVIOUS_WORD.search(text, max(0, start - 40), start)
            if (
                start == officer
                and previous
                and previous.group().strip() not in NOT_FIRST_NAMES | _DETERMINERS
            ):
                continue  # the tail of a longer name: "(a) Foreign Terrorist Organization"
            if any(
                m.start < end and start < m.end and not (start <= m.start and m.end <= end) for m in names
            ):
                continue  # overlaps a known name without containing it: "Communist Party" of "... of China"
            if any(m.start <= start and end <= m.end for m in names):
                continue
            while end > start and text[end - 1].isspace():
                end -= 1
            possessive = max(text.rfind("'s ", start, end) + 3, text.rfind("s' ", start, end) + 3)
            owner = text[start : max(possessive - 3, start)].rsplit(" ", 1)[-1]
            if possessive >= 3 and owner not in TITLE_HEADS:
                # "White House's Gender Policy Council", "Philippines' Board of ...": the body; but the
                # "Prime Minister's Business Advisory Council" is named with the office it serves
                start = possessive
            if text.endswith("'s", start, end):
                end -= 2  # "the Department of Transportation's rule"
            for part_start, part_end in _parts(text, start, end):
                label = text[part_start:part_end]
                if " " not in label or _MEDIA.search(label) or _NOT_STATE.search(label):
                    continue  # "Xinhua News Agency" is a news outlet, "Australian Cricket Board" a sport's
                if any(
                    (m.start <= part_start and part_end <= m.end)
                    or (part_start in starts and m.end == part_end and self._is_organisation(m))
                    for m in names
                ):
                    continue  # a known name, or one with a prefix: "UN World Health Organization"
                evidence = reading.evidence(part_start, part_end, "named like an institution", 0.7)
                institutions.append(
                    Found(f"org/{slug(label)}", "Organisation", normalise(label), False, evidence)
                )
        return short_forms(institutions)


_ADJECTIVE = re.compile(r"(?:an|al|ic|ive|ous)$")
_AND_MORE = re.compile(r" (?:and|&) ([A-Z][a-z]+(?: [A-Z][a-z]+){0,2})")


def _with_portfolio(text: str, end: int) -> int:
    """The end of a name that goes on with 'and' and the rest of a portfolio: "Department of
    Immigration and Multicultural Affairs" (not "... of Defense and Congress")."""
    while text[end - 1] == " ":
        end -= 1
    more = _AND_MORE.match(text, end)
    if more is None or not set(more.group(1).split()) <= PORTFOLIO_WORDS or _ADJECTIVE.search(more.group(1)):
        return end  # "... Organisation and European security": an adjective begins a phrase
    return more.end()


def _parts(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """The institutions a name joins with 'and': "Gender Policy Council and National Security
    Council" is two, "Department of Foreign Affairs and Trade" and "Agriculture and Fisheries
    Ministry" one each; "Secretary Becerra and Department of Labor" names one."""
    cuts = [start, *(i for c in _CONJUNCTION.finditer(text, start, end) for i in c.span()), end]
    parts = [(cuts[k], cuts[k + 1]) for k in range(0, len(cuts), 2)]
    merged: list[tuple[int, int]] = []
    pending: int | None = None  # the start of head-less parts waiting for the next head
    for part_start, part_end in parts:
        words = text[part_start:part_end].split()
        if not _HEAD_WORD.search(text, part_start, part_end):
            if set(words) & TITLE_HEADS:
                pending = None  # "Secretary Becerra": a person, not part of a name
            elif merged and pending is None:
                merged[-1] = (merged[-1][0], part_end)  # "... Foreign Affairs and Trade"
            elif pending is None:
                pending = part_start  # "Agriculture and ..."
            continue
        merged.append((pending if pending is not None else part_start, part_end))
        pending = None
    return merged


_OF_PHRASE = re.compile(r" (?:for|of|on) .*")


def short_forms(institutions: list[Found]) -> list[Found]:
    """A body named again by the last words of its name is the same body: "the Executive Working
    Group" after "the U.S.-India Drug Policy Executive Working Group", "the Task Force" after "the
    U.S.-EU Task Force on Energy Security", "China Joint Coordination Group" after "Australia-China
    Joint Coordination Group"."""

    def parts(label: str) -> tuple[list[str], str]:
        of = _OF_PHRASE.search(label)
        return label[: of.start() if of else None].replace("-", " ").split(), of.group() if of else ""

    names = {f.label: parts(f.label) for f in institutions}
    out = []
    for f in institutions:
        words, of = names[f.label]
        longer = next(
            (
                other
                for other in institutions
                if len(names[other.label][0]) > len(words)
                and names[other.label][0][-len(words) :] == words
                and of in ("", names[other.label][1])
            ),
            None,
        )
        out.append(f if longer is None else replace(f, key=longer.key, label=longer.label))
    return out


def drop_inside_institutions(found: list[Found]) -> list[Found]:
    """Known names inside the name of an organisation the article introduces ('... of China')."""
    spans = [f.span for f in found if not f.known]
    return [
        f
        for f in found
        if not f.known or not any(s <= f.evidence.start and f.evidence.end <= e for s, e in spans)
    ]


def outside_non_actor_bodies(text: str, names: list[Match]) -> list[Match]:
    """The names that are not part of a university's, institute's or foundation's name."""
    if not any(word in text for word in _NOT_ACTOR_WORDS):
        return names
    spans = [m.span() for m in _NOT_ACTOR_BODY.finditer(text)]
    if not spans:
        return names
    return [
        m
        for m in names
        if not any(s <= m.start and m.end <= e and (s, e) != (m.start, m.end) for s, e in spans)
    ]
