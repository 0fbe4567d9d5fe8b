"""People named by how news introduces them: titles, appositions and later short forms.

A title resolves through the office held on the article's date ("the Chinese President", "the
President of Russia"), or, bare, through the first holder of that office the article introduced
("the President" in a readout); a title and a surname through the holders of that office on the
day ("President Bush" in 2004). People the gazetteer does not know become new people of the article
when news introduces them by title ("Foreign Minister Ana Lopez of Chile", "State Department
spokesman Charles Redman") or apposition ("Li Haidong, a professor at ..."), and their later short
forms ("Lopez") follow them.
"""

from __future__ import annotations

import calendar
import re
from bisect import bisect_right
from itertools import compress

from kg.extract.gazetteer import Gazetteer
from kg.extract.names import (
    ABBREVIATED_TITLES,
    HONORIFICS,
    LOWER,
    NOT_FIRST_NAMES,
    NOT_SURNAMES,
    PLURAL_TITLES,
    POLITICAL_QUALIFIERS,
    PORTFOLIO_WORDS,
    ROLE_HEADS,
    TITLE_HEADS,
    TITLE_MODIFIERS,
    UPPER,
    Found,
    Reading,
    clause_end,
    earlier_named,
    followed_by,
    is_business_title,
    overlaps,
    single_name,
    skip_of_phrase,
    skip_portfolio,
    slug,
    surname,
    title_start,
    unknown_name,
)
from kg.extract.text import Match

_ROLES = (
    "professor|minister|president|spokesman|spokeswoman|spokesperson|adviser|advisor|secretary|"
    "ambassador|envoy|chairman|chairwoman|chair|director|official|senator|leader|head|chief|deputy|"
    "governor|mayor|commissioner|representative|lawmaker|diplomat|negotiator"
)  # not analysts, experts, researchers or fellows: private voices (tests/gold/README.md)
#: Roles in lower case that private companies have as well as states and parties.
_PRIVATE_ROLES = frozenset("president chairman chairwoman chair director chief".split())
_TITLES = (
    "Minister|Secretary|Ambassador|Envoy|Advisor|Adviser|Assistant|Director|Spokesperson|Spokesman|"
    "Spokeswoman|Administrator|Commissioner|Governor|Senator|Representative|Counselor|Coordinator|"
    "Chair|Chairman|President|Undersecretary|Under Secretary|Special Representative|Prime Minister|Head"
)
# The name's word boundary is asserted after its capital, so that the search skips to capitals.
_APPOSITION = re.compile(
    rf"([{UPPER}](?<!\w.)[{LOWER}]+(?: [{UPPER}][{LOWER}]+(?:-[A-Za-z]+)?){{1,2}}), (?:"
    rf"(?:(?:a|an|the) (?:[\w-]+ ){{0,3}}|(?P<owner>[A-Z][\w.-]*'s? )?(?:[a-z-]+ ){{0,2}})(?:{_ROLES})\b"
    rf"|(?P<title>(?:the )?(?:[A-Z][a-z]+ ){{0,3}}(?:{_TITLES})\b))"
)  # "Li Haidong, a professor at ...", "Hasrul Harahap, junior minister for tree crops",
#  "David Turk, Deputy Secretary, Department of Energy"
_NOT_IN_NAMES = PORTFOLIO_WORDS | NOT_SURNAMES | TITLE_HEADS | TITLE_MODIFIERS | {"Prime"}
_NAME_NEXT = re.compile(r" [A-Z][a-z]")
#: A company's words in an apposition: "Jack Tseng, president of the company".
_BUSINESS = re.compile(
    r"\b(?:company|companies|firm|Inc|Corp|Corporation|Ltd|Limited|LLC|Co|Group|Holdings|bank|Bank|"
    r"Airlines|Motors|Industries|shareholders|board|executive committee)\b"
)


#: The body after a role set off by commas in a list: "- Scott Fay, President, Democracy SENTRY" (to the
#: end of the line or item) and the words that make such a body a state's.
_LISTED_BODY = re.compile(r"(?: and [A-Za-z-]+)?, ([A-Z][^\n;]{1,80})")
_PUBLIC_BODY = re.compile(
    r"\b(?:Department|Ministry|Office|Agency|Administration|Commission|Council|Bureau|Service|Senate|House|"
    r"Assembly|Parliament|Congress|Government|Court|Authority|Board|County|City|State|Embassy|Mission|Army|Navy|"
    r"Force|Command|Federal|National|U\.S\.|United States|White House)\b"
)
#: A body after a role: "president at Merrill Lynch", "chairman of the Acme Corporation".
_AT_BODY = re.compile(r" (?:at|with|of) (?:the )?([A-Z][\w.&'-]*)")

#: A role at the end of the words before a comma and a name: "Russia's envoy, ...", "the vice minister
#: of International Trade and Industry, ...", "ONDCP's Acting Deputy Director, ..." (up to six words of
#: an of-phrase after the role; searched backwards from the comma within 90 characters).
_ROLE_BEFORE = re.compile(
    r"(?<![\w-])((?i:envoy|negotiator|minister|secretary|spokes(?:man|woman|person)|ambassador|advis[eo]r|"
    r"director(?:[- ]general)?|commissioner|representative|governor|premier|treasurer|chancellor|president|"
    r"chairman|chairwoman|chair|head|chief|deputy|counterpart|mayor|senator|lawmaker|attorney[- ]general|"
    r"prosecutor|commander))"
    r"(?: (?:of|for|to|at|on|in) [\w'.&-]+(?: [\w'.&-]+){0,5})?$"
)
#: The words of those roles, as tokens: a cheap first test.
_ROLE_WORDS = frozenset(
    word
    for role in (
        "envoy negotiator minister secretary spokesman spokeswoman spokesperson ambassador adviser advisor "
        "director commissioner representative governor premier treasurer chancellor president chairman "
        "chairwoman chair head chief deputy counterpart mayor senator lawmaker attorney prosecutor "
        "commander".split()
    )
    for word in (role, role.capitalize(), role.upper())
)
#: Roles that companies have too: before a name, only with a state or a known body named with them.
_PRIVATE_BEFORE = frozenset("president chairman chairwoman chair director head chief deputy".split())
_OF_WORDS = frozenset("of for to at on in".split())
#: What may follow a name set off after a role.
_AFTER_NAME = frozenset(", . ; ) said says told and has had who will would".split())

#: Offices that a bare title names in the home country: "The Vice President" of a White House readout.
_HOME_OFFICES = frozenset(
    {"office/president", "office/vice-president", "office/prime-minister", "office/first-lady"}
)


def _another_title_next(words: list[str], i: int) -> bool:
    """Whether a capitalised word follows a title and 'and': 'Crown Prince and Prime Minister', not
    'The Vice President and I'."""
    return i < len(words) and words[i][:1].isupper() and words[i] != "I"


#: Words before "to the President" that make it part of an aide's title: "Assistant to the President".
_AIDES = TITLE_HEADS | TITLE_MODIFIERS | frozenset({"Counsel", "Aide", "Liaison"})


#: Bodies named after the office they serve: "the Department of the Prime Minister and Cabinet".
_OFFICES_OF = frozenset("Office Offices Department Departments".split())


def _part_of_another_title(words: list[str], first: int, after: int) -> bool:
    """Whether 'the President' at token ``first`` is part of someone else's title or an office's name:
    'Assistant to the President', 'the Office of the Vice President', 'Minister Assisting the Prime
    Minister', 'the Vice President for Strategy' (a company's)."""
    if after < len(words) and words[after] in ("for", "at"):
        return True
    if first >= 3 and words[first - 2] == "to" and words[first - 3] in _AIDES:
        return True
    if first >= 2 and words[first - 2] == "Assisting":  # "Minister Assisting the Prime Minister"
        return True
    return first >= 3 and words[first - 2] == "of" and words[first - 3] in _OFFICES_OF


#: Month and day names, which no short form may be ("May" after "Theresa May").
_CALENDAR = frozenset(calendar.month_name[1:]) | frozenset(calendar.day_name)
_TITLE_WORDS = TITLE_HEADS | ROLE_HEADS | PLURAL_TITLES | {"leader", "secretary"}


class PeopleFinder:
    """Finds the people an article names through titles, appositions and short forms."""

    def __init__(self, gazetteer: Gazetteer):
        self.gazetteer = gazetteer

    def __call__(self, reading: Reading, found: list[Found]) -> list[Found]:
        """The people ``reading`` names beyond the gazetteer's names (``found`` so far)."""
        people = self.titled(reading, found)
        people += self.generic_titles(reading, found + people)
        people += self.appositions(reading, found + people)
        people += self.roles_before(reading, found + people)
        people += self.listed(reading, found + people)
        people += self.short_forms(reading, found + people)
        return people

    # -- titles: "Foreign Minister Wang Yi", "the Chinese President" ------------------------

    def titled(self, reading: Reading, known: list[Found]) -> list[Found]:
        """People named through an office the gazetteer lists, with or without their name."""
        tokens, name_at = reading.tokens, reading.name_at
        found: list[Found] = []
        bare: list[Match] = []
        for office in self.gazetteer.office_names.find(tokens):
            if office.first_token in reading.inside or is_business_title(reading, office.first_token):
                continue  # "SK Group Chairman Chey Tae-won": a company's officer
            after = office.last_token + 1
            if after in name_at and self._is_person(name_at[after]):
                continue  # "President Xi": the name itself is the mention
            if (named := self._name_set_off(reading, after)) is not None:
                if named:  # "the General Secretary of the CPC, Hu Yaobang": a title of that person
                    entry = self.gazetteer.entries[named]
                    near = self._country_near(reading, office)
                    span = (near[1], near[2]) if near else (office.start, office.end)
                    evidence = reading.evidence(*span, "the title of the name after it", 0.8)
                    found.append(Found(named, "Person", entry.label, True, evidence))
                continue  # "the US special envoy, Steve Witkoff,": the name is the mention
            unknown = (
                unknown_name(reading, after)
                if after < len(tokens) and reading.same_line(after - 1, after)
                else None
            )
            if (
                unknown is not None
                and (holder := self._holder_named(tokens.words[after], reading, office))
                and self._holds_for_named_country(reading, office, unknown, holder)
            ):
                entry = self.gazetteer.entries[holder]  # "Vice President Harris Announces ...": a headline
                evidence = reading.evidence(
                    office.start, tokens.ends[after], "holder of the title on the day", 0.8
                )
                found.append(
                    Found(holder, "Person", entry.label, True, evidence, office=str(office.values[0]))
                )
            elif unknown is not None:
                if after not in reading.recased and not self._private_role(reading, office):
                    found.append(self._new_person(reading, office, unknown))
            elif followed_by(tokens, office, {"and", "&"}) and _another_title_next(
                tokens.words, office.last_token + 2
            ):
                continue  # "Crown Prince and Prime Minister ...": the last title names the person
            elif (person := self._surnamed(reading, office, known + found)) is not None:
                found.append(person)
            elif (holder_found := self._holder(reading, office)) is not None:
                found.append(holder_found)
            elif not followed_by(tokens, office, {"of"}):  # "the Chairman of <unresolved>" is not bare
                bare.append(office)
        return found + self._bare_titles(reading, bare, known + found)

    def _holds_for_named_country(self, reading: Reading, office: Match, name_end: int, person: str) -> bool:
        """Whether a holder found by one word of a name holds office for the country the title names,
        if it names one: "Crown Prince Salman bin Hamad Al Khalifa of Bahrain" is not Saudi Arabia's
        Mohammed bin Salman."""
        near = self._country_near(reading, office, name_end=name_end)
        return near is None or near[0] in {h.of for h in self.gazetteer.offices_of(person, reading.day)}

    def _name_set_off(self, reading: Reading, i: int) -> str | None:
        """The person a title ending before token ``i`` names when a comma and the person's name follow
        it, past an of-phrase of up to six words: 'the US special envoy to the Middle East, Anthony
        Zinni'. The known person's key, "" for a name the reference data lacks, else None."""
        words = reading.tokens.words
        j = i
        if j < len(words) and words[j] in _OF_WORDS:
            j = next((k for k in range(j + 1, min(j + 8, len(words))) if words[k] in ",.;\n"), j)
        if j + 1 >= len(words) or words[j] != "," or not reading.same_line(i - 1, j + 1):
            return None
        match = reading.name_at.get(j + 1)
        last = match.last_token if match is not None else unknown_name(reading, j + 1)
        if last is None or (last + 1 < len(words) and words[last + 1] not in _AFTER_NAME):
            return None  # "Prime Minister, Bill Clinton's decision ...": an address, then a name
        if match is None:
            return None if set(words[j + 1 : last + 1]) & _NOT_IN_NAMES else ""  # "..., Vice President"
        return str(match.values[0]) if self._is_person(match) else None

    @staticmethod
    def _private_role(reading: Reading, office: Match) -> bool:
        """'chairman Hugh Macaulay', 'president Dean Groussman': a role in lower case that companies
        have too, with no party, body or country before it to make it a public post."""
        word = reading.tokens.words[office.first_token]
        if not word.islower() or word not in _PRIVATE_ROLES:
            return False
        i = office.first_token - 1
        return i < 0 or (i not in reading.inside and reading.tokens.words[i] not in POLITICAL_QUALIFIERS)

    def _surnamed(self, reading: Reading, office: Match, people: list[Found]) -> Found | None:
        """'President Bush', 'Foreign Minister Caputo': a title and one name.

        The person is whoever held an office of that title on the day under that surname; failing
        that, a new person named by the surname alone.
        """
        i = office.last_token + 1
        name = single_name(reading, i)
        if name is None:
            return None
        start, end = reading.tokens.starts[office.first_token], reading.tokens.ends[i]
        earlier = earlier_named(name, people, start)
        if earlier is not None:
            evidence = reading.evidence(start, end, f"the {earlier.label} introduced earlier", 0.75)
            return Found(earlier.key, "Person", earlier.label, earlier.known, evidence)
        holder = self._holder_named(name, reading, office)
        if holder is not None:
            entry = self.gazetteer.entries[holder]
            evidence = reading.evidence(start, end, f"{name}, holder of the title on the day", 0.8)
            return Found(holder, "Person", entry.label, True, evidence, office=str(office.values[0]))
        near = self._country_near(reading, office, name_end=i)
        evidence = reading.evidence(near[1] if near else start, end, "named with a title", 0.7)
        return Found(
            f"person/{slug(name)}", "Person", name, False, evidence,
            office=str(office.values[0]), represents=near[0] if near else None,
        )  # fmt: skip

    def _holder_named(self, name: str, reading: Reading, office: Match | None = None) -> str | None:
        """The one person with that surname who held one of the offices (any) on the article's day,
        or, for an undated article, at some time in the period it was written in."""
        offices = {str(v) for v in office.values} if office is not None else None
        if reading.day is not None:
            people = self.gazetteer.holders_named(name, reading.day, offices)
        elif reading.period is not None:
            people = self.gazetteer.holders_named_between(name, *reading.period, offices)
        else:
            return None
        return people.pop() if len(people) == 1 else None

    def _in_context(self, person: str, reading: Reading, found: list[Found]) -> bool:
        """Whether a person's country is the article's or one it names ('Mr FitzGerald' in an
        Australian release is not Ireland's Taoiseach)."""
        countries = {f.key for f in found if f.type == "Country"} | {reading.home}
        return any(h.of in countries for h in self.gazetteer.offices_of(person, None))

    def _new_person(self, reading: Reading, office: Match, last: int) -> Found:
        tokens = reading.tokens
        label = reading.text[tokens.starts[office.last_token + 1] : tokens.ends[last]]
        near = self._country_near(reading, office, name_end=last)
        start = near[1] if near else office.start
        evidence = reading.evidence(start, tokens.ends[last], "named with a title", 0.8)
        return Found(
            f"person/{slug(label)}", "Person", label, False, evidence,
            office=str(office.values[0]), represents=near[0] if near else None,
        )  # fmt: skip

    def _holder(self, reading: Reading, office: Match) -> Found | None:
        """'the Chinese President', 'The President of China': the holder of that office on the day."""
        near = self._country_near(reading, office)
        if near is None:
            return None
        country, start, end = near
        words, first = reading.tokens.words, office.first_token
        if start == office.start and words[first].islower() and (first == 0 or words[first - 1] != "the"):
            return None  # "he would have been a very good president of the United States": anyone
        for office_key in office.values:
            person = self._holder_then(str(office_key), country, reading)
            if person is not None:
                entry = self.gazetteer.entries[person]
                when = reading.day.isoformat() if reading.day else "through the period"
                evidence = reading.evidence(start, end, f"office held on {when}", 0.85)
                return Found(person, "Person", entry.label, True, evidence, office=str(office_key))
        return None

    def _holder_then(self, office: str, of: str, reading: Reading) -> str | None:
        """Who held an office on the article's day; for an undated article, the one person who held
        it through the whole period the publisher wrote in ('the Chinese President' in a BBC story
        of 2004-05 is Hu Jintao)."""
        if reading.day is not None:
            return self.gazetteer.holder(office, of, reading.day)
        if reading.period is None:
            return None
        first, last = (self.gazetteer.holder(office, of, day) for day in reading.period)
        return first if first == last else None

    def _country_near(
        self, reading: Reading, office: Match, *, name_end: int | None = None
    ) -> tuple[str, int, int] | None:
        """The country of a title, and the span of the whole title.

        'Chinese President', 'President of China' and 'President Xi Jinping of China' (with
        ``name_end`` the last token of the name) all name China.
        """
        tokens, name_at = reading.tokens, reading.name_at
        end = office.first_token - 1
        if end > 0 and tokens.words[end] in ("'s", "’s", "'"):
            end -= 1  # "China's president"
        before = next((m for m in reading.names if m.last_token == end), None)
        if before is not None and self._is_country(before):
            return str(before.values[0]), before.start, office.end
        after = (office.last_token if name_end is None else name_end) + 1
        if (
            after + 1 < len(tokens)
            and tokens.words[after] == "of"
            and tokens.words[after + 1] in ("the", "The")
        ):
            after += 1  # "President of the United States": the country's name is matched without "the"
        if (
            after < len(tokens)
            and tokens.words[after - (tokens.words[after] != "of")] == "of"
            and after + 1 in name_at
        ):
            country = name_at[after + 1]
            if self._is_country(country) or name_end is None:
                return str(country.values[0]), office.start, country.end
        return None

    def _is_country(self, match: Match) -> bool:
        return self.gazetteer.entries[str(match.values[0])].type == "Country"

    def _is_person(self, match: Match) -> bool:
        return self.gazetteer.entries[str(match.values[0])].type == "Person"

    def _bare_titles(self, reading: Reading, bare: list[Match], found: list[Found]) -> list[Found]:
        """'the President' with no country: the first person the article introduced in that office;
        failing that, a head of state or government (or the Vice President, the First Lady) of the
        article's home country on its day ('The Vice President' of a White House readout)."""
        resolved = []
        for office in bare:
            earlier = sorted(
                (f for f in found if f.evidence.start < office.start), key=lambda f: f.evidence.start
            )
            for person in earlier:
                held = {h.office for h in self.gazetteer.offices_of(person.key, reading.day)}
                if person.type == "Person" and ({person.office} | held) & {str(v) for v in office.values}:
                    evidence = reading.evidence(
                        office.start, office.end, f"the {person.label} introduced earlier", 0.7
                    )
                    resolved.append(Found(person.key, "Person", person.label, person.known, evidence))
                    break
            else:
                if (home := self._home_holder(reading, office)) is not None:
                    resolved.append(home)
        return resolved

    def _home_holder(self, reading: Reading, office: Match) -> Found | None:
        """The holder of a top office of the home country on the article's day, for a title written
        capitalised after 'the' ('the Vice President'; not 'a Vice President', 'as Vice President',
        'the Deputy Prime Minister')."""
        words, first = reading.tokens.words, office.first_token
        if (
            reading.home is None
            or reading.day is None
            or first == 0
            or words[first - 1] not in ("the", "The")
        ):
            return None
        if not words[first][:1].isupper() or _part_of_another_title(words, first, office.last_token + 1):
            return None
        for key in (str(v) for v in office.values if str(v) in _HOME_OFFICES):
            person = self.gazetteer.holder(key, reading.home, reading.day)
            if person is not None:
                entry = self.gazetteer.entries[person]
                evidence = reading.evidence(office.start, office.end, "the home country's office holder", 0.7)
                return Found(person, "Person", entry.label, True, evidence, office=key)
        return None

    # -- titles the gazetteer does not list: "Special Envoy Steve Witkoff" -------------------

    def generic_titles(self, reading: Reading, found: list[Found]) -> list[Found]:
        """People introduced by a title word the gazetteer does not list as an office."""
        words, tokens = reading.tokens.words, reading.tokens
        taken = [f.span for f in found]
        people: list[Found] = []
        for i in compress(range(len(words)), map(_TITLE_WORDS.__contains__, words)):  # most tokens are none
            word = words[i]
            if i in reading.recased or not self._is_title_word(reading, i):
                continue  # capitals are a heading or a list of names: only listed offices name people there
            start = i + 1
            if start < len(words) and words[start] == "." and word in ABBREVIATED_TITLES:
                start += 1  # "Mr. Jared Kushner", "Sen. Bill Bradley"
            if start < len(words) and words[start] in TITLE_HEADS:
                continue  # "Secretary General Jens Stoltenberg": the last title word leads
            if is_business_title(reading, i):
                continue  # "Samsung Electronics Chairman Lee Jae-yong": a company's officer
            title = i
            if word in _JUDGES_BEFORE and start + 1 < len(words) and words[start] == "Justice":
                title, start = start, start + 1  # "Lord Justice Rix", "Mr Justice Forbes": a judge
            start = skip_portfolio(tokens, start)  # "Minister for Trade and Industry Jane Doe"
            start = skip_of_phrase(tokens, start)  # "Secretary of the Army Dan Driscoll"
            if start + 1 < len(words) and words[start] == "," and _after_the(reading, i):
                start += 1  # "with the Treasurer, Wayne Swan": the title, then the name set off
                if start + 1 < len(words) and words[start] in HONORIFICS:  # "the Tasmanian Premier, Mr. Gray"
                    start += 1 + (words[start + 1] == ".")
                elif (name_end := unknown_name(reading, start)) is None or set(
                    words[start : name_end + 1]
                ) & (TITLE_MODIFIERS | TITLE_HEADS):
                    continue  # "the Secretary of the Shop, Distributive and ...", "..., Special Assistant"
            last = (
                unknown_name(reading, start)
                if start < len(words) and reading.same_line(start - 1, start)
                else None
            )
            if last is None and word not in ROLE_HEADS and word not in PLURAL_TITLES and word[0].isupper():
                person = self._generic_surnamed(reading, title, start, found + people)
                if person is not None and not overlaps(person.span, taken):
                    people.append(person)
                    taken.append(person.span)
                continue
            while last is not None and words[last] not in TITLE_HEADS:
                span = (tokens.starts[start], tokens.ends[last])
                if overlaps(span, taken):
                    break
                label = reading.text[span[0] : span[1]]
                evidence = reading.evidence(*span, f"named after the title '{word}'", 0.75)
                people.append(Found(f"person/{slug(label)}", "Person", label, False, evidence))
                taken.append(span)
                if word not in PLURAL_TITLES:
                    break
                start, last = self._next_of_several(reading, last)  # "Presidents A of X and B of Y"
        return people

    @staticmethod
    def _is_title_word(reading: Reading, i: int) -> bool:
        """Whether token ``i`` is a title before a name; 'leader' only after a party or a country,
        'secretary' only after a portfolio."""
        word = reading.tokens.words[i]
        if word in TITLE_HEADS or word in ROLE_HEADS or word in PLURAL_TITLES:
            return True
        if word not in ("leader", "secretary") or i == 0 or not reading.same_line(i - 1, i):
            return False
        if word == "secretary":  # "Commerce secretary Malcolm Baldrige", "trade and industry secretary"
            return reading.tokens.words[i - 1].capitalize() in PORTFOLIO_WORDS
        before = reading.tokens.words[i - 1]
        return before in POLITICAL_QUALIFIERS or i - 1 in reading.inside

    @staticmethod
    def _next_of_several(reading: Reading, last: int) -> tuple[int, int | None]:
        """The next name of a list after a plural title: ', B' or ' and B', past an 'of Country'."""
        words = reading.tokens.words
        i = last + 1
        if i + 1 < len(words) and words[i] == "of" and i + 1 in reading.name_at:
            i = reading.name_at[i + 1].last_token + 1
        if i < len(words) and words[i] in (",", "and"):
            i += 1 + (words[i] == "," and i + 1 < len(words) and words[i + 1] == "and")
            if i < len(words) and i not in reading.name_at:
                return i, unknown_name(reading, i)
        return i, None

    def _generic_surnamed(self, reading: Reading, title: int, i: int, people: list[Found]) -> Found | None:
        """'Secretary Driscoll', 'Mr Howard': a title word and a surname.

        The one office holder of the day with that surname; else, after a title (not Mr or Dr),
        a new person named by the surname.
        """
        name = single_name(reading, i)
        if name is None:
            return None
        tokens = reading.tokens
        start, end = tokens.starts[title_start(reading, title)], tokens.ends[i]
        earlier = earlier_named(name, people, start)
        if earlier is not None:
            evidence = reading.evidence(start, end, f"the {earlier.label} introduced earlier", 0.75)
            return Found(earlier.key, "Person", earlier.label, earlier.known, evidence)
        holder = self._holder_named(name, reading)
        if holder is not None and (
            tokens.words[title] not in HONORIFICS or self._in_context(holder, reading, people)
        ):
            entry = self.gazetteer.entries[holder]
            evidence = reading.evidence(start, end, f"{name}, in office on the day", 0.75)
            return Found(holder, "Person", entry.label, True, evidence)
        if tokens.words[title] in HONORIFICS:
            return None
        evidence = reading.evidence(start, end, f"named after the title '{tokens.words[title]}'", 0.7)
        return Found(f"person/{slug(name)}", "Person", name, False, evidence)

    # -- appositions and short forms ---------------------------------------------------------

    def appositions(self, reading: Reading, found: list[Found]) -> list[Found]:
        """'Li Haidong, a professor at ...', 'said Jake Sullivan, the national security adviser'."""
        text = reading.text
        taken = [f.span for f in found]
        people = []
        for match in _APPOSITION.finditer(text):
            start, end = match.span(1)
            label = match.group(1)
            if label.split()[0] in NOT_FIRST_NAMES or overlaps((start, end), taken) or "\n" in label:
                continue
            if match.group("title") and _NAME_NEXT.match(text, match.end()):
                continue  # "Prime Minister Johnson, President Biden and ...": a list of titled names
            if set(label.split()) & _NOT_IN_NAMES or _BUSINESS.search(
                text, match.end(), clause_end(text, match.end(), sentence=True)
            ):
                continue  # "Foreign Affairs, ...", "Jack Tseng, president of the company"
            if self._private_apposition(reading, match):
                continue  # "John Hill, a vice president at Merrill Lynch Futures"
            evidence = reading.evidence(start, end, "introduced by apposition", 0.8)
            until = clause_end(text, match.end())
            affiliations = tuple(
                f.key for f in found if f.type == "Organisation" and match.end() <= f.evidence.start < until
            )
            people.append(
                Found(f"person/{slug(label)}", "Person", label, False, evidence, affiliations=affiliations)
            )
            taken.append((start, end))
        return people

    @staticmethod
    def _private_apposition(reading: Reading, match: re.Match[str]) -> bool:
        """'a vice president at Merrill Lynch Futures', 'chairman of Acme Holdings': a role that companies
        have too, at a body the reference data does not know."""
        role = match.group(0).rsplit(" ", 1)[-1].lower()
        if role not in _PRIVATE_ROLES and role != "head":
            return False
        if match.group("title") and (listed := _LISTED_BODY.match(reading.text, match.end())):
            # "- Scott Fay, President, Democracy SENTRY": a listed officer of a body that is no state's
            # ("- Jane Roe, Director, Office of Management and Budget" is one)
            i = reading.token_range(listed.start(1), listed.end(1)).start
            return i not in reading.inside and not _PUBLIC_BODY.search(listed.group(1))
        if match.group("owner"):  # "Federated's chief": a company's, unless a state or known body's
            return reading.token_range(*match.span("owner")).start not in reading.inside
        body = _AT_BODY.match(reading.text, match.end())
        if body is None:
            return False
        i = reading.token_range(body.start(1), body.end(1)).start
        return i not in reading.inside

    def roles_before(self, reading: Reading, found: list[Found]) -> list[Found]:
        """'the US special envoy to the Middle East, Anthony Zinni', "Russia's envoy, Kirill Dmitriev":
        a role, then the name set off by a comma and followed by a comma, a full stop or a verb of
        saying. A role that companies have too ('the director, ...') needs a state or a body named
        before it, and no company."""
        words, tokens, text = reading.tokens.words, reading.tokens, reading.text
        taken = [f.span for f in found]
        people: list[Found] = []
        commas = set()
        for r in compress(range(len(words)), map(_ROLE_WORDS.__contains__, words)):  # most tokens are none
            commas.update(i for i in range(r + 1, min(r + 9, len(words) - 2)) if words[i] == ",")
        for i in sorted(commas):  # a comma up to eight words after a role word
            start = i + 1
            if not words[start][:1].isupper() or start in reading.name_at or not reading.same_line(i, start):
                continue
            last = unknown_name(reading, start)
            if last is None or (last + 1 < len(words) and words[last + 1] not in _AFTER_NAME):
                continue
            comma = tokens.starts[i]
            role = _ROLE_BEFORE.search(text, max(0, comma - 90), comma)
            if role is None or "\n" in text[role.start() : comma]:
                continue
            span = (tokens.starts[start], tokens.ends[last])
            if overlaps(span, taken) or set(words[start : last + 1]) & _NOT_IN_NAMES:
                continue
            if role.group(1).lower() in _PRIVATE_BEFORE and not self._public(reading, role.start(), comma):
                continue  # "the company's president, Dean Groussman"
            label = text[span[0] : span[1]]
            evidence = reading.evidence(*span, "named after a role", 0.75)
            people.append(Found(f"person/{slug(label)}", "Person", label, False, evidence))
            taken.append(span)
        return people

    @staticmethod
    def _public(reading: Reading, start: int, end: int) -> bool:
        """Whether a role's words name a state or a known body, and no company."""
        if _BUSINESS.search(reading.text, start, end):
            return False
        return any(i in reading.inside for i in reading.token_range(start, end))

    def listed(self, reading: Reading, found: list[Found]) -> list[Found]:
        """The bare names of a bulleted list of people: "The appointed members are: - Secretary Marco
        Rubio - Steve Witkoff - Marc Rowan - Robert Gabriel". A list whose lines name at least two
        people otherwise (by title or as known) is a list of people, and a line that is nothing but
        a name of two or three words names one more; lines of agencies or of names with roles after
        them ("- Cliff Albright, Director, ...") are left to the other finders, and so are lists
        that are mostly not of people."""
        text = reading.text
        if "\n- " not in text and "\n• " not in text:
            return []
        people: list[Found] = []
        for block in _bullet_blocks(text):
            people_lines = sum(
                any(f.type == "Person" and start <= f.evidence.start < end for f in found)
                for start, end in block
            )
            if people_lines < 2 or people_lines * 2 < len(block):
                continue  # a list of bodies or teams with a few people in it
            taken = [f.span for f in found]
            for start, end in block:
                if overlaps((start, end), taken):
                    continue
                tokens = reading.token_range(start, end)
                last = unknown_name(reading, tokens.start)
                words = reading.tokens.words[tokens.start : tokens.stop]
                if last != tokens.stop - 1 or len(text[start:end].split()) > 3 or set(words) & _NOT_IN_NAMES:
                    continue  # more than a name: "- Maryland Delegate Jennifer White"
                span = (reading.tokens.starts[tokens.start], reading.tokens.ends[last])
                label = text[span[0] : span[1]]
                evidence = reading.evidence(*span, "a name in a list of people", 0.7)
                people.append(Found(f"person/{slug(label)}", "Person", label, False, evidence))
        return people

    def short_forms(self, reading: Reading, found: list[Found]) -> list[Found]:
        """Later mentions of a person by one word of the full name: 'Lopez' after 'Ana Lopez', and
        for a person the reference data knows, the family name written first too ('Lee' after
        'President Lee Jae Myung', 'Wang' after 'Wang Yi'). A word two people of the article share,
        or that the text also writes in lower case ('May', 'Mark'), stays unlinked."""
        surnames: dict[str, Found] = {}
        shared: set[str] = set()
        for item in sorted((f for f in found if f.type == "Person"), key=lambda f: f.evidence.start):
            if " " not in item.label:
                continue
            names = {surname(item.label)} | ({item.label.split()[0]} if item.known else set())
            for name in names:
                if len(name) <= 2 or not name[0].isupper() or name in NOT_SURNAMES or name in _CALENDAR:
                    continue
                other = surnames.setdefault(name, item)
                if other.key == item.key:
                    continue
                if other.label.endswith(" " + item.label):
                    surnames[name] = item  # "Daleep Singh" rather than a misread "Economics Daleep Singh"
                elif not item.label.endswith(" " + other.label):
                    shared.add(name)
        for name in shared:
            del surnames[name]
        if not surnames:
            return []
        starts, reach = _covered([f.span for f in found])
        tokens = reading.tokens
        words: set[str] | None = None
        short = []
        for i in compress(range(len(tokens.words)), map(surnames.__contains__, tokens.words)):
            person, start, end = surnames[tokens.words[i]], tokens.starts[i], tokens.ends[i]
            if start < person.evidence.end or _inside(start, starts, reach):
                continue
            if person.known:
                words = set(tokens.words) if words is None else words
                if tokens.words[i].lower() in words or _NAME_NEXT.match(reading.text, end):
                    continue  # "may", or "Lee Hsien Loong": another word or another person
            evidence = reading.evidence(start, end, f"short form of {person.label}", 0.75)
            short.append(Found(person.key, "Person", person.label, False, evidence))
        return short


#: Words before "Justice" in a judge's title: "Lord Justice Rix", "Mr Justice Forbes".
_JUDGES_BEFORE = frozenset("Lord Lady Mr Mrs Ms Chief".split())


def _bullet_blocks(text: str) -> list[list[tuple[int, int]]]:
    """The runs of consecutive bulleted lines ('- ...', '• ...'), each line as the span after its
    bullet."""
    blocks: list[list[tuple[int, int]]] = []
    run: list[tuple[int, int]] = []
    at = 0
    for line in text.split("\n"):
        if line.startswith(("- ", "• ")) and len(line) > 2:
            run.append((at + 2, at + len(line.rstrip())))
        elif line.strip() or not run:  # a blank line inside a list does not end it
            if len(run) >= 3:
                blocks.append(run)
            run = []
        at += len(line) + 1
    if len(run) >= 3:
        blocks.append(run)
    return blocks


def _after_the(reading: Reading, i: int) -> bool:
    """Whether the title that ends at token ``i`` follows 'the': 'the Treasurer', 'the Tasmanian Premier'."""
    first = title_start(reading, i)
    return first > 0 and reading.tokens.words[first - 1] in ("the", "The")


def _covered(spans: list[tuple[int, int]]) -> tuple[list[int], list[int]]:
    """The spans' starts, sorted, and the furthest end reached by the spans up to each: what
    :func:`_inside` needs to tell in a binary search whether an offset lies in any of them."""
    starts, reach, furthest = [], [], -1
    for start, end in sorted(spans):
        furthest = max(furthest, end)
        starts.append(start)
        reach.append(furthest)
    return starts, reach


def _inside(at: int, starts: list[int], reach: list[int]) -> bool:
    """Whether an offset lies in one of the spans :func:`_covered` describes."""
    k = bisect_right(starts, at)
    return k > 0 and reach[k - 1] > at
