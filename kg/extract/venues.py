"""Countries that are only a venue or a nationality: "in Lima, Peru", "a Namibian athlete", and the one
country of a domestic story named only by its adjective ("the Australian economy").

Such a country is not an actor of the article (tests/gold/README.md) unless some other mention of
it acts, or someone in the article speaks for it.
"""

from __future__ import annotations

import re

from kg.extract.names import CAPITALISED, NOT_FIRST_NAMES, Found, Reading

#: Words before "in", "to", "from" ... that make the place after them a venue: "meeting in Monaco".
_VENUE_CUES = frozenset(
    "travel travels travelled traveled travelling traveling arrive "
    "arrives arrived arriving arrival meeting meetings meet meets met summit Summit Meeting talks held "
    "hold holds hosted hosting conference Conference session forum Forum fly flew flies flying go goes "
    "went going return returns returned returning stop stopover based attend attends attended "
    "attending gathered convened ceremony dinner stay stayed headed leave leaves left depart departs "
    "departed way".split()
)
_LOCATIVES = frozenset("in to from at into via near".split())
#: Prepositions that make the place after them a venue with no other cue: "jobs in Switzerland".
_PLAIN_LOCATIVES = frozenset("in at into via near across throughout inside within".split())
#: Nouns after a nationality adjective that name private people, not the state: "a Namibian athlete".
_PRIVATE_PEOPLE = frozenset(
    "athlete athletes national nationals citizen citizens player players student students tourist "
    "tourists journalist journalists businessman businessmen businesswoman worker workers man men "
    "woman women boy boys girl girls child children singer actor actress writer author artist coach "
    "runner champion footballer sprinter cyclist boxer golfer driver merchant hostage hostages "
    "descent origin families family consumers taxpayers voters households youth farmers "
    "investors companies company firms firm businesses patients veterans car carmaker carmakers maker "
    "makers manufacturer manufacturers giant retailer retailers bank banks airline airlines insurer "
    "brewer group conglomerate".split()
)
#: A people named in the plural ("Americans", "Iraqis", "Britons"): a nationality, unless it acts.
_PLURAL_PEOPLE = re.compile(r"[A-Z][a-z]+(?:ans|is|ers|ons)")
#: Names with those endings that are places, or a state by its people ("the Soviets said").
#: The Palestinians are the Palestinian side, a political actor (tests/gold/README.md).
_NOT_PLURAL_PEOPLE = frozenset("Paris Tunis Algiers Solomons Soviets Palestinians".split())
#: How a nationality adjective ends: "French", "Chinese", "Israeli", "Australians".
ADJECTIVE_END = re.compile(r"(?:an|ans|ese|ish|ch|i|ic)$")  # not "Paris", "Tunis"
#: Nouns after a nationality adjective that make it the state: "Chinese officials", "the Russian side".
_STATE_NOUNS = (
    r"government|officials?|president|prime minister|foreign|minister|ministry|authorities|side|delegation|"
    r"leaders?|leadership|counterparts?|embassy|ambassador|military|forces|troops|army|navy|administration|"
    r"state|regime|parliament|premier|chancellor|king|envoy|diplomats?|spokes(?:man|woman|person)|"
    r"central bank|representatives?|soldiers|warplanes|negotiators"
)
#: Nouns of a person's origin, which name it only right after the adjective ("Israeli-British national").
_ORIGINS = frozenset("national nationals descent origin".split())
#: First words of a state's things: "US government companies" is the state's, "US defence companies" not.
_STATE_WORDS = frozenset(
    "government state federal military army navy defense defence central public official officials".split()
)
_STATE_NOUN = re.compile(rf"(?:-[A-Z][a-z]+)*\s+(?i:{_STATE_NOUNS})\b")
#: The same before the country: "the President of Armenia", "the Government of Japan".
_STATE_OF = re.compile(rf"(?i:{_STATE_NOUNS}) of (?:the )?$")
_NATIONALITY = re.compile(r"(?:-[A-Z][a-z]+)*\s+([A-Za-z]+)(?: ([a-z]+))?")
#: Verbs after a country's name that make it the subject, a state that acts: "Australia will",
#: "Paris said", "U.S. Warns" (a headline). Other verbs are told by their endings (:func:`_acts`).
_VERBS = frozenset(
    "said says say will would should shall can could must may might has have had is was does did "
    "remains continues wants needs agreed agrees signed signs sought seeks plans hopes expects intends "
    "told tells asked asks insisted insists denied denies refused refuses".split()
)
#: What a state has that only a state acting has: "Australia's position", "Australia's support".
_POSSESSED = frozenset(
    "position positions policy policies relationship relationships relations ties support commitment "
    "commitments contribution role membership hosting participation participant interests interest "
    "strategy initiative response decision view views stance proposal offer bid obligations "
    "engagement alliance allies partners partnership".split()
)
_NEXT_WORDS = re.compile(r"(?:'s?|’s?)?[ \t]+(?:[A-Za-z][a-z]+ly[ \t]+)?([A-Za-z]+)(?:[ \t]+([A-Za-z]+))?")


def drop_venues_and_nationalities(
    reading: Reading, found: list[Found], spoken_for: set[str], cities: frozenset[str] = frozenset()
) -> list[Found]:
    """``found`` without the countries whose every mention is a venue or a nationality.

    ``spoken_for`` holds the countries someone in the article speaks for: they stay. ``cities`` are
    the capitals that stand for their states (from :func:`city_names`).
    """
    countries = [f for f in found if f.type == "Country"]
    if not countries:
        return found
    country_at = {i: f.key for f in countries for i in reading.token_range(*f.span)}
    venues = {
        f.evidence.start
        for f in countries
        if _is_venue(reading, f, country_at) or _is_city_of_an_event(reading, f, cities)
    }
    keep = {
        f.key
        for f in countries
        if f.key in spoken_for or (f.evidence.start not in venues and not _is_nationality(reading, f))
    }
    if len(keep) == 1 and _domestic(reading, [f for f in countries if f.key in keep], spoken_for - keep):
        return [f for f in found if f.type != "Country"]
    return [f for f in found if f.type != "Country" or f.key in keep]


def city_names(hidden: set[str]) -> frozenset[str]:
    """The countries' hidden names that are cities: 'Washington', 'Paris', 'Abu Dhabi'; not adjectives
    or peoples ('American', 'Britons')."""
    return frozenset(
        n
        for n in hidden
        if not ADJECTIVE_END.search(n) and (not _PLURAL_PEOPLE.fullmatch(n) or n in _NOT_PLURAL_PEOPLE)
    )


#: Nouns after a city that make it the place of an event: "the London talks", "their Paris meeting".
_EVENTS = frozenset(
    "talks meeting meetings summit conference negotiations session round market markets stock metal gasoil "
    "futures bourse exchange dealers traders trading".split()
)  # and its markets: "the London Metal Exchange", "London Gasoil", "Tokyo stock market"
#: Verbs before a city that make it a destination: "A team will visit Washington next month".
_VISITS = frozenset("visit visits visited visiting".split())


def _is_city_of_an_event(reading: Reading, item: Found, cities: frozenset[str]) -> bool:
    """'the London talks', 'at their Paris meeting', 'will visit Washington': a capital named as the
    place of an event or a visit, not for its state (a country's own name is not read so: 'visit
    Japan' may be the state's)."""
    written = reading.text[item.evidence.start : item.evidence.end]
    if written not in cities:
        return False
    words, mention = reading.tokens.words, reading.token_range(*item.span)
    after = words[mention.stop] if mention.stop < len(words) else ""
    before = words[mention.start - 1] if mention.start > 0 else ""
    return after.lower() in _EVENTS or before.lower() in _VISITS


def seat_names(metonyms: set[str]) -> frozenset[str]:
    """The organisations' metonyms that are places, folded: buildings and cities that stand for a body
    ('White House', 'Kremlin', 'Pentagon', 'Brussels'), not adjectives or plurals ('Republicans')."""
    return frozenset(n.casefold() for n in metonyms if " " in n or not ADJECTIVE_END.search(n))


def drop_seats_as_places(reading: Reading, found: list[Found], seats: frozenset[str]) -> list[Found]:
    """``found`` without the mentions of a body by its building that name only the place or qualify
    another name: 'at the White House', '10 Downing Street', 'White House Press Secretary', 'Kremlin
    spokesman', 'the Downing Street talks', 'THE WHITE HOUSE' under a proclamation. 'The Kremlin said'
    stays, and so does 'talks on Capitol Hill' (with Congress)."""
    text = reading.text
    return [
        f
        for f in found
        if f.type != "Organisation"
        or text[f.evidence.start : f.evidence.end].casefold() not in seats
        or not _seat_as_place(reading, f)
    ]


def _seat_as_place(reading: Reading, item: Found) -> bool:
    words = reading.tokens.words
    mention = reading.token_range(*item.span)
    i, j = mention.start - 1, mention.stop
    if i >= 0 and words[i] in ("the", "The"):
        i -= 1
    if i >= 0 and (words[i].lower() in _SEAT_PLACE_BEFORE or words[i].isdigit()):
        return True
    if j >= len(words) or not reading.same_line(j - 1, j):
        return mention.start in reading.recased  # "THE WHITE HOUSE" closing a proclamation: a place
    after = words[j]
    if after == "," and mention.start in reading.recased:
        return True  # "THE WHITE HOUSE,\nMarch 3, 2022."
    if after in ("'s", "'") and j + 1 < len(words) and words[j + 1][:1].isupper():
        return True  # "the White House's Gender Policy Council": the council
    return after.lower() in _SEAT_QUALIFIES or (after[:1].isupper() and after.lower() not in _VERBS)


#: Words before a building's name ('the' aside) that make it the place: 'at the Kremlin', 'visit the
#: White House'.
_SEAT_PLACE_BEFORE = _LOCATIVES | frozenset(
    "inside outside across around within toward towards visit visits visited visiting join joins "
    "joined joining enter enters entered entering leave leaves left leaving reach reached".split()
)
#: Words after a building's name that it only qualifies: 'Kremlin spokesman', 'White House lawn'.
_SEAT_QUALIFIES = frozenset(
    "spokesman spokeswoman spokesperson press chief aide aides adviser advisor advisers advisors lawn "
    "grounds garden gardens residence complex walls talks meeting summit dinner lunch luncheon ceremony "
    "correspondent correspondents reporters briefing".split()
)


def _is_venue(reading: Reading, item: Found, country_at: dict[int, str]) -> bool:
    """'meeting in Monaco', 'arrived from Helsinki', 'in Lima, Peru', 'Nay Pyi Taw in Burma'.

    ``country_at`` maps every token of every country mention to the country.
    """
    words = reading.tokens.words
    mention = reading.token_range(*item.span)
    i, j = mention.start, mention.stop  # the first token of the mention, the token after it
    if _possessor(reading, item):
        return False  # "in Japan's support for the fund": the state's support, not a place
    before = words[i - 1] if i >= 1 else ""
    if j + 1 < len(words) and words[j] == "," and before in _LOCATIVES and country_at.get(j + 1) == item.key:
        return True  # "in Jakarta, Indonesia": the city of a "city, country" pair
    if before == "," and i >= 3 and CAPITALISED.match(words[i - 2]):  # "... in Lima, Peru"
        k = i - 2
        while k > 0 and CAPITALISED.match(words[k - 1]) and words[k - 1] not in NOT_FIRST_NAMES:
            k -= 1
        city = {country_at.get(n) for n in range(k, i - 1)} - {None}
        return k >= 1 and words[k - 1] in _LOCATIVES and city <= {item.key}
    if before == "the" and i >= 2:  # "in the United States"
        i, before = i - 1, words[i - 2]
    if before in _PLAIN_LOCATIVES:
        return True
    if before in _LOCATIVES and i >= 2:
        cue = words[i - 2]
        in_place = before == "in" and country_at.get(i - 2) == item.key  # "Nay Pyi Taw in Burma"
        return cue in _VENUE_CUES or in_place
    return False


def _possessor(reading: Reading, item: Found) -> bool:
    """Whether a mention owns what only a state has: "Japan's support", "Australia's position"."""
    text, end = reading.text, item.evidence.end
    if not text.startswith(("'s ", "’s ", "' ", "’ "), end):
        return False
    rest = _NEXT_WORDS.match(text, end, end + 60)
    return rest is not None and bool({rest.group(1), rest.group(2)} & _POSSESSED)


def _domestic(reading: Reading, mentions: list[Found], others: set[str]) -> bool:
    """Whether the mentions of an article's only country name a place or a people, not a state.

    The country the article is written in is then the home of a domestic story ("Australia's
    coastline", "American workers"), unless someone in it speaks for another state (``others``);
    any other country is, when it is named only by its adjective ("an Irish goose")."""
    if any(_acts(reading, f) for f in mentions):
        return False
    text = reading.text
    if mentions[0].key == reading.home and not others:
        return True
    return all(_is_adjective(text[f.evidence.start : f.evidence.end], f.label) for f in mentions)


def _is_adjective(written: str, label: str) -> bool:
    """'Australian', 'American': one word with a nationality adjective's ending that is not the
    country's own name ('Japan', 'Iran')."""
    return " " not in written and ADJECTIVE_END.search(written) is not None and written != label


def _acts(reading: Reading, item: Found) -> bool:
    """Whether a mention names the state acting rather than the place or the people of a domestic
    story: 'the Australian Government', 'Australia will', "Australia's position", 'Paris said'; not
    "Australia's coastline", 'American workers', 'all Americans'."""
    text, end = reading.text, item.evidence.end
    written = text[item.evidence.start : end]
    if " " in written and _STATE_NOUN.match(written, written.rindex(" ")):
        return True  # "the Australian Government", a name of the state itself
    if _STATE_OF.search(text, max(0, item.evidence.start - 30), item.evidence.start):
        return True  # "the President of Armenia"
    if (
        _STATE_NOUN.match(text, end)
        or text.startswith(("'s", "’s"), end)
        and _STATE_NOUN.match(text, end + 2)
    ):
        return True
    rest = _NEXT_WORDS.match(text, end, end + 60)
    if rest is None:
        return False
    if text[end] in "'’":  # "Australia's trade strategy"
        return bool({rest.group(1), rest.group(2)} & _POSSESSED)
    word = rest.group(1)
    headline = "\n" not in text[:end]
    if word.lower() in _VERBS or (headline and word == "To"):  # "Bangladesh To Seek World Bank Help"
        return True
    if _is_adjective(written, item.label) or written.endswith("is") or not (word.islower() or headline):
        return False  # "American workers", "Iraqis", "Australia Day"
    return len(word) > 3 and (word.endswith("ed") or (word.endswith("s") and not word.endswith(("ss", "us"))))


def _is_nationality(reading: Reading, item: Found) -> bool:
    """'a Namibian athlete', 'Israeli-British national': an adjective of a private person's nationality;
    'Americans', 'some Iraqis': a people in the plural, unless it acts ('the Israelis said')."""
    text = reading.text
    written = text[item.evidence.start : item.evidence.end]
    if _PLURAL_PEOPLE.fullmatch(written) and written not in _NOT_PLURAL_PEOPLE:
        return not _acts(reading, item)
    rest = _NATIONALITY.match(text[item.evidence.end : item.evidence.end + 40])
    if rest is None:
        return False
    first, second = rest.group(1), rest.group(2)
    if first in _PRIVATE_PEOPLE:
        return True  # "a Namibian athlete"
    # "US mortgage giant Fannie Mae", "U.S. Car firms", "US defence companies"
    return (
        second is not None
        and second in _PRIVATE_PEOPLE
        and second not in _ORIGINS
        and first.lower() not in _STATE_WORDS
        and not first.endswith("s")  # "Tanzania conducts national ...": a verb
    )
