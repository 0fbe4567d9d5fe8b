"""How names look in news: word lists and token tests that the actor finders share.

Everything here is about the shape of text ("Foreign Minister", "Mr Howard", "Jean-Pierre"), never
about who is who: that is the gazetteer's. The finders read one article through a :class:`Reading`
and report what they find as :class:`Found` mentions.
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from bisect import bisect_right
from collections.abc import Callable
from dataclasses import dataclass

from kg.extract.base import Doc, Evidence
from kg.extract.text import Match, Tokens

#: Letters of Latin script, upper and lower case, as names are written: 'Jørgensen', 'Šefčovič'.
UPPER, LOWER = "A-ZÀ-ÖØ-ÞĀ-ž", "a-zß-öø-ÿĀ-ž"  # Latin Extended-A alternates cases: in both
CAPITALISED = re.compile(
    rf"^(?:Mc|Mac|O['’]|D['’]|De|Le|La|Di|Du)?[{UPPER}][{LOWER}]+(?:-[{UPPER}]?[{LOWER}]+)?$"
    r"|^[A-Z]\.$|^[A-Z]$|^(?:II|III|IV|VI|VII|VIII)$"
)
REGNAL = frozenset("II III IV VI VII VIII".split())  # "Abdullah II": a numeral is no surname
#: Lowercase words inside personal names: "Mohammed bin Salman", "Ursula von der Leyen".
PARTICLES = frozenset("bin bint ibn al el de da di du van von der den le la dos das del".split())
#: Head words of titles that introduce a person: "Press Secretary Karine Jean-Pierre".
TITLE_HEADS = frozenset(
    "Minister Secretary President Premier Chancellor Advisor Adviser Envoy Ambassador Spokesman "
    "Spokeswoman Spokesperson Director Chairman Chairwoman Chair Senator Governor Representative "
    "Commissioner King Queen Prince Princess Emir Sheikh Sultan General Admiral Mayor Leader Speaker Pope "
    "Treasurer "
    "Administrator Counselor Counsellor Chief Mr Mrs Ms Dr Sen Rep Gov Gen Amb Lord Baroness Sir Dame "
    "Lady".split()  # "First Lady Melania Trump", "Lady Thatcher"
)
#: The same in lower case, as news writes a role before a name: "State Department spokesman Charles
#: Redman", "Republican politician Fred Upton", "presidential spokesperson Kang Yu-jung".
ROLE_HEADS = frozenset(
    "spokesman spokeswoman spokesperson minister senator lawmaker politician legislator congressman "
    "congresswoman envoy ambassador negotiator diplomat".split()
)
#: Titles in the plural before several names: "Presidents Klaus Iohannis of Romania and Andrzej Duda".
PLURAL_TITLES = frozenset(
    "Presidents Ministers Secretaries Senators Ambassadors Envoys Leaders Premiers Governors".split()
)
#: Titles written abbreviated with a full stop: "Mr. Jared Kushner", "Sen. Bill Bradley".
ABBREVIATED_TITLES = frozenset("Mr Mrs Ms Dr Sen Rep Gov Gen Amb Prof Adm Lt Col".split())
#: Words before a lower-case 'leader' (or 'president', 'chairman') that make it a political post:
#: "Tory leader Michael Howard", "opposition leader Kim Beazley", "Lib Dem president Simon Hughes".
POLITICAL_QUALIFIERS = frozenset(
    "opposition Opposition party Party majority Majority minority Minority Labour Labor Tory Conservative "
    "Liberal Democrat Dem Democratic Republican Green Greens Nationals National Senate House "
    "parliamentary Parliamentary".split()
)
#: Titles that business uses too: after an unknown capitalised word they name a company's officer.
BUSINESS_TITLES = frozenset("Chairman Chairwoman Chair Chief Director President".split())
#: Titles that name a person without a first name: "Mr Howard", "Dr Mahathir" ("Sir Alan": the first).
HONORIFICS = frozenset("Mr Mrs Ms Dr Sir Dame Lady".split())
#: Words that end an institution's name, so never a person's: "... Terrorist Organization".
NOT_SURNAMES = frozenset(
    "Organization Organisation Council Commission Ministry Agency University Institute Party Union "
    "Committee Department Office Assembly Summit Forum Group Army Navy Force Forces House Court "
    "Bank Fund Government Administration Cabinet Embassy Motors Electric Electronics Airlines "
    "Corporation Company Times Post News Fleet Sea Ocean River Island Islands Mountains Strait Bay "
    "Gulf Peninsula Region Province State States City Square Street Airport Port Station Hall Palace "
    "Stadium Hotel Prize Award Cup Games Olympics Day Week Act Law Bill Plan Initiative Strategy Program "
    "Programme Project Policy Doctrine Road Corridor Executive Extraordinary Plenipotentiary "
    "Emeritus Designate Elect Centre Center Club League Association Federation Network Service "
    "Services Guard Corps Command Republic Kingdom Empire Dynasty War Revolution Nation Nations Meeting "
    "Conference Talks Dialogue Regime Officer Officers Excellency Majesty Highness Holiness".split()
)
#: Last words of organisations' names that other names end with too ("Sustainable Development Committee").
GENERIC_ENDS = frozenset(
    "Committee Council Party Ministry Department Commission Bank Assembly Office Agency".split()
)
#: Words of portfolios and bodies ("Minister for Employment, Education and Training", "Director
#: Personnel"): part of a title, never of a person's name.
PORTFOLIO_WORDS = frozenset(
    "Affairs Agriculture Aviation Budget Business Citizenship Climate Commerce Communications "
    "Community Conservation Consumer Cooperation Co-operation Corporate Culture Customs Defence Defense "
    "Development Disability Economic Economy Education Employment Energy Environment Equality Europe "
    "European External Family Families Finance Financial Fisheries Foreign Forestry Health Heritage Home "
    "Housing Human Immigration Indigenous Industrial Industries Industry Information Infrastructure "
    "Innovation Intelligence Interior International Investment Justice Labor Labour Land Legal Local "
    "Manufacturing Marine Maritime Mines Mining Multicultural National Natural Operations Overseas "
    "Personnel Petroleum Planning Policy Public Regional Relations Research Resources Rural Science "
    "Security Services Skills Social Sport Sports Strategic Superannuation Tourism Trade "
    "Training Transport Transportation Treasury Urban Veterans Water Welfare Women Works Youth Technology "
    "Telecommunications Arts Sciences Territories Prices Status Assisting Ethnic Aboriginal Administrative "
    "Media Digital Tertiary Schools Vocational Technical Revenue Taxation Competition Productivity Reform "
    "Emergency Disaster Recovery Reconstruction Integration Statistics Lands Forests Livestock Animal "
    "Husbandry Irrigation Electricity Nuclear Environmental Religious Police Prisons Border Homeland Aged "
    "Ageing Seniors Children Childhood Gender Medical Food Commonwealth Government Economics Prosecutions "
    "Aeronautics Advocacy Partnerships".split()
)
#: Letters after a name ("Andrew Nikolic AM CSC MP"): not part of it, even written in capitals.
POST_NOMINALS = frozenset(
    "AM AO AC AK MP MLC MLA MHA CSC APM QC KC SC OBE CBE MBE KBE GCMG CMG OAM PSM AFC DSC JP".split()
)
#: Capitalised words that start a sentence or a place, not a name.
NOT_FIRST_NAMES = frozenset(
    "The This That These In On At As For But And When While After Before During Since Although Though "
    "Because If Under With From By Following Today Yesterday Meanwhile Earlier Later His Her Professor "
    "Prof".split()
)
#: Words that qualify a title: "Vice President", "Executive Chair".
TITLE_MODIFIERS = frozenset("Vice Deputy Executive Acting Assistant Associate Senior Former Co".split())


@dataclass
class Found:
    """A mention an actor finder found, resolved to an entity key (known or new)."""

    key: str
    type: str
    label: str
    known: bool
    evidence: Evidence
    office: str | None = None  # the office a person was introduced with
    represents: str | None = None
    affiliations: tuple[str, ...] = ()

    @property
    def span(self) -> tuple[int, int]:
        return self.evidence.start, self.evidence.end


class SentenceIndex:
    """The sentence of an offset by bisection (an article has hundreds of mentions)."""

    def __init__(self, doc: Doc):
        self.sentences = doc.sentences
        self.starts = [s.start for s in doc.sentences]

    def index(self, offset: int) -> int:
        """As :meth:`Doc.sentence_at`: the sentence that contains the offset, else the last one."""
        i = bisect_right(self.starts, offset) - 1
        if i >= 0 and offset < self.sentences[i].end:
            return self.sentences[i].index
        return self.sentences[-1].index

    def evidence(self, start: int, end: int, reason: str = "", confidence: float = 0.95) -> Evidence:
        return Evidence(start, end, self.index(start), "mention", reason, confidence)


@dataclass
class Reading:
    """One article as the actor finders read it: text, tokens, and the gazetteer names in it."""

    doc: Doc
    text: str  # normalised: offsets are the article's
    tokens: Tokens
    sentences: SentenceIndex
    names: list[Match]  # the gazetteer's names that stand for actors here
    day: dt.date | None  # the article's day, if it has one
    recased: frozenset[int] = frozenset()  # tokens written in capitals, read title-cased
    home: str | None = None  # the country the article is written in or from (dateline, publisher)
    home_by_dateline: bool = False  # whether ``home`` is the dateline's country
    period: tuple[dt.date, dt.date] | None = None  # when an undated article was written

    def __post_init__(self) -> None:
        self.name_at = {m.first_token: m for m in self.names}
        self.inside = {i for m in self.names for i in range(m.first_token, m.last_token + 1)}

    def evidence(self, start: int, end: int, reason: str = "", confidence: float = 0.95) -> Evidence:
        return self.sentences.evidence(start, end, reason, confidence)

    def same_line(self, before: int, after: int) -> bool:
        """Whether two tokens are separated by spaces only (a name never runs across a line break)."""
        return "\n" not in self.text[self.tokens.ends[before] : self.tokens.starts[after]]

    def token_range(self, start: int, end: int) -> range:
        """The tokens of a character span."""
        starts = self.tokens.starts
        return range(bisect_right(starts, start) - 1, bisect_right(starts, end - 1))


# Starts with the capital and then asserts the word boundary before it: the search skips to capitals.
_CAPITALS_RUN = re.compile(r"[A-Z](?<!\w.)[A-Z]+[ .]+(?:[A-Z]\.? )?[A-Z]{2,}\b")
#: Words written in lower case inside names and titles, once capitals are read as a name.
_SMALL_WORDS = frozenset("of the and for on in to at a an de da van von der bin al".split())


def in_title_case(tokens: Tokens, text: str, keep: Callable[[str], bool]) -> tuple[Tokens, frozenset[int]]:
    """The tokens with runs of words in capitals title-cased, and the indices of the tokens changed.

    'PRIME MINISTER TURNBULL:' is read as 'Prime Minister Turnbull:' (transcript speaker labels,
    headings). Words ``keep`` accepts stay as written (acronyms such as 'NATO').
    """
    runs = [m.span() for m in _CAPITALS_RUN.finditer(text)]
    if not runs:
        return tokens, frozenset()
    words, starts, changed = list(tokens.words), tokens.starts, set()
    i = bisect_right(starts, runs[0][0]) - 1
    while i < len(words):  # extend each run over the capitals, single letters and dots around it
        j = i
        while (
            j < len(words)
            and (words[j].isupper() or words[j] == ".")
            and "\n" not in text[starts[i] : starts[j]]
        ):
            j += 1
        for k in range(i, j):
            word = words[k]
            if len(word) > 1 and word.isalpha() and word not in POST_NOMINALS and not keep(word):
                words[k] = word.lower() if word.lower() in _SMALL_WORDS else word.capitalize()
                changed.add(k)
        j = max(j, i + 1)
        later = next((s for s, _ in runs if s >= (starts[j] if j < len(words) else len(text))), None)
        if later is None:
            break
        i = bisect_right(starts, later) - 1
    return Tokens(words, tokens.starts, tokens.ends), frozenset(changed)


def overlaps(span: tuple[int, int], spans: list[tuple[int, int]]) -> bool:
    """Whether a character span overlaps any of ``spans``."""
    start, end = span
    return any(s < end and start < e for s, e in spans)


def is_joined(tokens: Tokens, i: int) -> bool:
    """Whether token ``i`` (a hyphen) joins two words with no space: 'Jean-Pierre', 'Dae-jung'."""
    if i + 1 >= len(tokens) or not tokens.words[i + 1].isalpha():
        return False
    return tokens.ends[i - 1] == tokens.starts[i] and tokens.ends[i] == tokens.starts[i + 1]


def single_name(reading: Reading, i: int) -> str | None:
    """The one capitalised word at ``i`` that a title names a person by ('President Bush said')."""
    words = reading.tokens.words
    if i >= len(words) or i in reading.name_at or not reading.same_line(i - 1, i):
        return None
    word = words[i]
    if (
        not CAPITALISED.match(word)
        or len(word) < 3
        or word in TITLE_HEADS
        or word in NOT_FIRST_NAMES
        or word in NOT_SURNAMES
        or word in PORTFOLIO_WORDS
    ):
        return None
    following = words[i + 1] if i + 1 < len(words) and reading.same_line(i, i + 1) else ""
    if CAPITALISED.match(following) or following in ("-", "&") or following in PARTICLES:
        return None  # the start of a longer name, or of a hyphenated one (on the same line)
    return word


def unknown_name(reading: Reading, i: int) -> int | None:
    """The last token of a 2-5 word name starting at ``i`` that the gazetteer lacks.

    Names are capitalised words (initials allowed) with lowercase particles inside them.
    """
    words = reading.tokens.words
    if i >= len(words) or words[i] in TITLE_HEADS or words[i] in NOT_FIRST_NAMES:
        return None  # "President General Pervez Musharraf": the later title leads
    last = i
    while last < len(words) and last - i < 6 and last not in reading.name_at:
        word = words[last]
        if last > i and not reading.same_line(last - 1, last):
            break
        if last > i and word in NOT_FIRST_NAMES:
            break  # "Director Sara Carter The White House Office ...": a sentence goes on
        joined = word == "-" and last > i and is_joined(reading.tokens, last)  # "Jean-Pierre", "Dae-jung"
        lowercase_tail = last > i and words[last - 1] == "-" and word.isalpha()
        if word in PORTFOLIO_WORDS or not (
            CAPITALISED.match(word)
            or joined
            or lowercase_tail
            or (word in PARTICLES and last > i)
            or (last > i and _is_initial_dot(reading, last))
            or (last == i and _INITIALS.match(word))
        ):
            break
        last += 1
    while last > i and words[last - 1] in _TRAILING:
        last -= 1
    if last - i < 2 or len(words[last - 1]) < 2 or any(w in NOT_SURNAMES for w in words[i:last]):
        return None  # "General Motors Pilipinas": a company's name, no person's
    return last - 1


#: Initials written as one token before a name: "M.A. Munim", "A.B.M. Ghulam Mostafa".
_INITIALS = re.compile(r"(?:[A-Z]\.){2,}$")
_TRAILING = PARTICLES | {"-", "."}


def _is_initial_dot(reading: Reading, i: int) -> bool:
    """Whether token ``i`` is the full stop of a middle initial: the '.' of 'Franklin D. Roosevelt'."""
    words, tokens = reading.tokens.words, reading.tokens
    return (
        words[i] == "."
        and len(words[i - 1]) == 1
        and words[i - 1].isupper()
        and tokens.ends[i - 1] == tokens.starts[i]
    )


def after_unknown_capitalised(reading: Reading, i: int) -> bool:
    """Whether token ``i`` follows, on the same line, a capitalised word that is not a title."""
    if i == 0 or not reading.same_line(i - 1, i):
        return False
    word = reading.tokens.words[i - 1]
    if not CAPITALISED.match(word) or word in NOT_FIRST_NAMES or word in TITLE_HEADS:
        return False
    start = reading.tokens.starts[i - 1]
    return reading.text[start - 1 : start] not in (".", "\n")


def is_business_title(reading: Reading, i: int) -> bool:
    """Whether the title at token ``i`` follows a company's name: 'Samsung Electronics Chairman'."""
    words = reading.tokens.words
    while i > 0 and words[i] in TITLE_MODIFIERS | BUSINESS_TITLES and words[i - 1] in TITLE_MODIFIERS:
        i -= 1
    if words[i] not in BUSINESS_TITLES and words[i] not in TITLE_MODIFIERS:
        return False
    return i - 1 not in reading.inside and after_unknown_capitalised(reading, i)


def title_start(reading: Reading, i: int) -> int:
    """The first token of a title that ends at token ``i``: 'Economy Minister', 'Special Envoy'."""
    words, starts, text = reading.tokens.words, reading.tokens.starts, reading.text
    while (
        i > 0
        and CAPITALISED.match(words[i - 1])
        and words[i - 1] not in NOT_FIRST_NAMES
        and reading.same_line(i - 1, i)
        and text[starts[i - 1] - 2 : starts[i - 1]] not in (". ", "\n")
    ):
        i -= 1
    return i


def skip_portfolio(tokens: Tokens, i: int) -> int:
    """The token after the rest of a title: 'for Foreign Affairs and Trade, ', 'of State for Energy ',
    'of Industry and Trade '; a comma or honorific before the name is skipped too ('..., Mr John
    Kerin'). ``i`` itself when no portfolio follows."""
    words = tokens.words
    if i >= len(words) or words[i] not in ("for", "of"):
        return i
    j = i + 1
    if words[j : j + 2] == ["State", "for"]:  # "Minister of State for Finance"
        j += 2
    j += j < len(words) and words[j] == "the"
    portfolio = j
    while j < len(words) and (
        words[j] in PORTFOLIO_WORDS or (j > portfolio and words[j] in ("and", "&", ","))
    ):
        if words[j] == "," and not (j + 1 < len(words) and words[j + 1] in PORTFOLIO_WORDS | {"and"}):
            break
        j += 1
    while j > portfolio and words[j - 1] in ("and", "&"):
        j -= 1
    if j == portfolio:
        return i
    j += j < len(words) and words[j] == ","
    if j < len(words) and words[j] in HONORIFICS | {"Senator"}:
        j += 1 + (j + 1 < len(words) and words[j + 1] == ".")
    return j


def skip_of_phrase(tokens: Tokens, i: int) -> int:
    """The token after an 'of (the) Capitalised...' phrase that continues a title, or ``i``."""
    words = tokens.words
    if i >= len(words) or words[i] != "of":
        return i
    j = i + 1 + (i + 1 < len(words) and words[i + 1] == "the")
    if j < len(words) and CAPITALISED.match(words[j]) and j + 1 < len(words):
        return j + 1
    return i


def followed_by(tokens: Tokens, match: Match, words: set[str]) -> bool:
    """Whether the token after a match is one of ``words`` ('of' after a title, 'and' in a chain)."""
    after = match.last_token + 1
    return after < len(tokens) and tokens.words[after] in words


def surname(label: str) -> str:
    """The word a person is later called by: the last, or the one before a numeral ('Abdullah II')."""
    words = label.split()
    return words[-2] if words[-1] in REGNAL and len(words) > 1 else words[-1]


def earlier_named(name: str, people: list[Found], before: int) -> Found | None:
    """The person introduced before an offset whose full name begins or ends with ``name``."""
    for person in sorted(people, key=lambda f: f.evidence.start):
        if person.type != "Person" or person.evidence.start >= before or " " not in person.label:
            continue
        words = person.label.split()
        if name in (words[0], words[-1], surname(person.label)):
            return person
    return None


def clause_end(text: str, start: int, *, sentence: bool = False) -> int:
    """Where an apposition ends: the next comma, full stop or line end after ``start`` (with
    ``sentence``, the next full stop or line end)."""
    ends = [i for i in (text.find(c, start) for c in (".;\n" if sentence else ",.;\n")) if i >= 0]
    return min(ends, default=len(text))


#: Letters that Unicode does not decompose into a letter and a mark.
_UNDECOMPOSED = str.maketrans(
    {"ø": "o", "Ø": "O", "ł": "l", "Ł": "L", "đ": "d", "Đ": "D", "ß": "ss", "æ": "ae"}
)


def slug(label: str) -> str:
    """A label as a key's last part: lower case without diacritics, runs of other characters as one
    hyphen ('Sebastián Piñera' is 'sebastian-pinera')."""
    if not label.isascii():
        label = unicodedata.normalize("NFKD", label.translate(_UNDECOMPOSED))
        label = label.encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "-", label.lower()).strip("-")
