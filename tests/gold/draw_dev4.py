"""Seeded random draw of the fifth development batch ("dev4", tests/gold/dev4.json), rich in meetings,
from the two publishers where the extractor does worst on unseen text: Reuters 1987 and the Australian
PM releases and transcripts.

Run from the repository root:

    python tests/gold/draw_dev4.py

It reuses the machinery of draw_holdout2.py and draw_holdout3.py by import: the corpus reader, the length
limits (at most 6,000 characters, at least 300), the OCR garble measure for the Australian PM texts (share
of alphabetic tokens outside the vocabulary of the clean 2000+ Australian texts; at most GARBLE_MAX = 5%),
the meeting-word, domestic-word, office-word and company-word regexes of draw_holdout3.py, and its draw
procedure: each stratum's pool is sorted by id and shuffled with random.Random(f"{SEED}-{stratum}"); the
first k candidates that pass the filters and were not taken by an earlier stratum are taken.

- SEED = 20261127.
- The exclusion set is every id of dev.json, holdout.json, holdout2.json and holdout3.json.
- Exact duplicates are skipped: the Reuters collection repeats some stories under two ids (240 texts
  occur more than once), so a candidate whose text equals the text of an excluded or already taken
  document is passed over (rule added after the first run drew "G-7 Issues Statement After Meeting" twice,
  before anything was annotated).
- REJECT (by-hand skips after reading, with the reason) is empty unless a text is too garbled to read.
- Nothing is skipped for content: documents that turn out to have no meeting are kept.

Strata (regexes case-insensitive; "title" = the document title; k in brackets):

Reuters 1987 (15):
- rt-diplomacy (5): the rt-diplomacy predicate of draw_holdout3.py: meet/meets/meeting/talks/visit/visits/
  summit in the title; minister/president/premier/chancellor/secretary of state/foreign secretary in the
  title or the first 400 characters of the text; no company/union word (RT_COMPANY) in the title.
- rt-finance (4): title names a finance-minister or central-bank grouping or forum (G-7, G-5, Group of
  Seven/Five/Ten/24, finance minister(s), Louvre, Paris accord, IMF, Interim Committee, Development
  Committee, World Bank, central bank(er)s) and a meeting word (RT_FIN_MEET: meet/meeting/talks/visit/
  summit/conference/session/gather); no RT_COMPANY word in the title.
- rt-opec (2): title has OPEC and a meeting word (RT_FIN_MEET or ministers).
- rt-ec-gatt (2): title names the EC/European Community/Common Market/GATT/Uruguay Round, and ministers/
  talks/meeting/summit/council; no RT_COMPANY word in the title.
- rt-visit (2): title has visit/visits/trip/tour/state visit/summit; the title or the first 400 characters
  name an office (RT_OFFICE); no RT_COMPANY word in the title.

Australian PM (15), mixed years:
- au-ocr-80s (3): 1983-1989; title has a MEET_TITLE word (draw_holdout3.py) or visit-related words
  (AU_VISIT: visit/visitor/state visit/guest/summit/CHOGM/APEC/ASEAN/G20/joint statement/communique/
  joint press conference); no AU_DOMESTIC word; garble filter.
- au-ocr-90s (3): 1990-1996; same.
- au-1997-2003 (3), au-2004-2009 (3), au-2010-2018 (3): same predicate for those years.

The ids of the first run are kept in DEV4_IDS; main() fails if a rerun does not give them. If dev4.json is
ever merged into dev.json, the exclusion leaves DEV4_IDS out so the draw stays repeatable.
"""

from __future__ import annotations

import random
import re
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import draw_holdout2 as base  # noqa: E402  (corpus reader, length limits, garble measure, show)
import draw_holdout3 as h3  # noqa: E402  (meeting, office, company and domestic regexes)

SEED = 20261127
EXCLUDE_FILES = ("dev.json", "holdout.json", "holdout2.json", "holdout3.json")
REJECT: dict[str, str] = {}

# The 30 ids of the first run (see the module docstring).
DEV4_IDS: list[str] = [
    "reuters21578-6744",
    "reuters21578-270",
    "reuters21578-8240",
    "reuters21578-8105",
    "reuters21578-16550",
    "reuters21578-5190",
    "reuters21578-19582",
    "reuters21578-17295",
    "reuters21578-15375",
    "reuters21578-5167",
    "reuters21578-236",
    "reuters21578-4035",
    "reuters21578-17948",
    "reuters21578-13034",
    "reuters21578-17218",
    "aupm-6580",
    "aupm-6417",
    "aupm-7537",
    "aupm-9833",
    "aupm-9075",
    "aupm-9443",
    "aupm-12089",
    "aupm-12180",
    "aupm-10424",
    "aupm-15508",
    "aupm-22163",
    "aupm-21591",
    "aupm-23846",
    "aupm-40748",
    "aupm-17301",
]

IC = re.I
RT_FIN = re.compile(
    r"\b(G-7|G-5|G7|G5|Group of (Seven|Five|Ten|24)|finance ministers?|Louvre|Paris accord|IMF|"
    r"Interim Committee|Development Committee|World Bank|central bank(er)?s)\b",
    IC,
)
RT_FIN_MEET = re.compile(
    r"\b(meet|meets|meeting|talks|visit|visits|summit|conference|session|gather\w*)\b", IC
)
RT_OPEC = re.compile(r"\bOPEC\b", IC)
RT_EC = re.compile(r"\b(EC|European Community|Common Market|GATT|Uruguay Round)\b", IC)
RT_EC_MEET = re.compile(r"\b(ministers?|talks|meet|meets|meeting|summit|council)\b", IC)
RT_VISIT = re.compile(r"\b(visit|visits|trip|tour|state visit|summit)\b", IC)
AU_VISIT = re.compile(
    r"\b(visit|visits|visitor|visiting|state visit|guest|summit|CHOGM|APEC|ASEAN|G20|G-20|"
    r"joint statement|joint communique|communique|joint press conference)\b",
    IC,
)


def title(d):
    return d.get("title") or ""


def rt_head(d):
    return title(d) + "\n" + d["text"][:400]


def au_pred(lo, hi):
    def pred(d):
        y = base.year(d)
        return (
            y is not None
            and lo <= y <= hi
            and (h3.MEET_TITLE.search(title(d)) or AU_VISIT.search(title(d)))
            and not h3.AU_DOMESTIC.search(title(d))
        )

    return pred


STRATA = [
    (
        "rt-diplomacy",
        "reuters21578",
        5,
        lambda d: (
            h3.RT_MEET.search(title(d))
            and h3.RT_OFFICE.search(rt_head(d))
            and not h3.RT_COMPANY.search(title(d))
        ),
    ),
    (
        "rt-finance",
        "reuters21578",
        4,
        lambda d: (
            RT_FIN.search(title(d)) and RT_FIN_MEET.search(title(d)) and not h3.RT_COMPANY.search(title(d))
        ),
    ),
    (
        "rt-opec",
        "reuters21578",
        2,
        lambda d: (
            RT_OPEC.search(title(d))
            and (RT_FIN_MEET.search(title(d)) or re.search(r"\bministers?\b", title(d), IC))
        ),
    ),
    (
        "rt-ec-gatt",
        "reuters21578",
        2,
        lambda d: (
            RT_EC.search(title(d)) and RT_EC_MEET.search(title(d)) and not h3.RT_COMPANY.search(title(d))
        ),
    ),
    (
        "rt-visit",
        "reuters21578",
        2,
        lambda d: (
            RT_VISIT.search(title(d))
            and h3.RT_OFFICE.search(rt_head(d))
            and not h3.RT_COMPANY.search(title(d))
        ),
    ),
    ("au-ocr-80s", "au_pm_transcripts", 3, au_pred(1983, 1989)),
    ("au-ocr-90s", "au_pm_transcripts", 3, au_pred(1990, 1996)),
    ("au-1997-2003", "au_pm_transcripts", 3, au_pred(1997, 2003)),
    ("au-2004-2009", "au_pm_transcripts", 3, au_pred(2004, 2009)),
    ("au-2010-2018", "au_pm_transcripts", 3, au_pred(2010, 2018)),
]


def draw(seed, exclude: set[str]):
    cache = {stem: base.docs(stem) for stem in {s for _, s, _, _ in STRATA}}
    vocab = base.vocabulary(cache["au_pm_transcripts"])
    taken: set[str] = set()
    # texts already used (excluded gold ids) or taken: an exact duplicate text under another id is skipped
    seen_text = {d["text"] for docs in cache.values() for d in docs if d["id"] in exclude}
    out = []
    for name, stem, k, pred in STRATA:
        pool = [
            d
            for d in cache[stem]
            if d["id"] not in exclude
            and d["id"] not in taken
            and d["text"] not in seen_text
            and base.MIN_LEN <= len(d["text"]) <= base.MAX_LEN
            and pred(d)
        ]
        pool.sort(key=lambda d: d["id"])
        random.Random(f"{seed}-{name}").shuffle(pool)
        n = 0
        for d in pool:
            if n == k:
                break
            g = base.garble(d["text"], vocab)
            if stem == "au_pm_transcripts" and g > base.GARBLE_MAX:
                continue
            if d["id"] in REJECT:
                continue
            if d["text"] in seen_text:
                continue
            taken.add(d["id"])
            seen_text.add(d["text"])
            n += 1
            out.append((name, d, g))
        if n < k:
            print(f"# WARNING: stratum {name} gave {n} of {k} (pool {len(pool)})", file=sys.stderr)
    return out


def main() -> int:
    exclude = base.excluded_ids(*EXCLUDE_FILES) - set(DEV4_IDS)
    rows = draw(SEED, exclude)
    base.show(rows)
    if [d["id"] for _, d, _ in rows] != DEV4_IDS:
        print("# WARNING: the draw no longer gives DEV4_IDS", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
