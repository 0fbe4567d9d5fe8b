"""Seeded random draw of the third held-out gold set (tests/gold/holdout3.json), rich in meetings.

Run from the repository root:

    python tests/gold/draw_holdout3.py

holdout2.json was drawn without steering and has few meetings (17), so its meeting scores are noise.
This draw is **steered towards meetings by its strata predicates only**: every stratum selects
documents whose title (or text, where stated) has a meeting word, from many publishers. Within a
stratum nothing is skipped for content: a drawn document that turns out to have no meeting is kept.

It reuses from draw_holdout2.py the corpus reader, the length limits (at most 6,000 characters; at
least 300, or 100 for the short AG News and ABC items; no minimum for the one-line headlines) and the
OCR garble measure for the Australian PM texts (share of alphabetic tokens outside the vocabulary of
the clean 2000+ Australian texts; at most GARBLE_MAX = 5%). The exclusion set is every id of
dev.json, holdout.json and holdout2.json. The draw is fixed by SEED = 20261125: each stratum's pool is
sorted by id and shuffled with random.Random(f"{SEED}-{stratum}"); the first k candidates that pass
the filters and were not taken by an earlier stratum are taken. REJECT (by-hand skips) is empty.

Strata (regexes case-insensitive unless marked; "title" = the document title; k in brackets):

- wh-call-2021 / -2023 / -2025 (1 each), whitehouse: that year; title ^Readout ... call ... of (a foreign
  counterpart), no video/virtual.
- wh-meeting-2022 / -2024 (1 each), whitehouse: that year; title ^Readout ... (meeting/meets/met) ... with
  ... of, with a foreign office word after "with" (WH_COUNTERPART: President, Prime Minister, King,
  Minister, ...; case-sensitive), no call/video/virtual.
- wh-video (1), whitehouse: title ^Readout ... (video/virtual).
- wh-joint-statement (1), whitehouse: title ^Joint Statement; text has met/meeting/visit/summit/call/talks.
- wh-statement-visit (1), whitehouse: title ^(Statement/Remarks) with visit/summit/meeting/call/talks/trip.
- wh-2026 (1), whitehouse: 2026 (no Readout titles exist); title has
  visit/meeting/meets/call/summit/talks/bilateral.
- au-ocr (3), au_pm_transcripts: 1983-1996 (OCR era, garble filter); title has MEET_TITLE and no
  AU_DOMESTIC word.
- au-2000s (3) / au-2010s (2), au_pm_transcripts: 1997-2009 / 2010-2018; title has MEET_TITLE or joint
  statement/communique/press conference, and no AU_DOMESTIC word.
- rt-diplomacy (7), reuters21578: title has meet/meets/meeting/talks/visit/visits/summit; title or the first
  400 characters of text have minister/president/premier/chancellor/secretary of state/foreign secretary;
  title has no RT_COMPANY word (union, strike, dispute, labour, merger, takeover, shareholder,
  acquisition, buyout, workers, pilots, wage, contract, bid, venture, bank(s), company, corp, inc, ltd,
  share(s), stake).
- nm-bbc-politics (2), news_mixed bbc-politics-*: text has summit/held talks/talks with/met with/meeting
  with/visit to/visiting, and (case-sensitive) President/Prime Minister/Chancellor/Premier/Foreign
  Secretary/Foreign Minister.
- nm-abc (2), news_mixed lee-*: same as nm-bbc-politics.
- nm-agnews (2), news_mixed agnews-*: title or text has talks/meet/meets/met/meeting/visit/visits/summit.
- nm-recent-web (2), news_mixed news-*: any (recent leader-talk web reports; the Korean kr-* items are
  all used already).
- hl-talks (4), headlines_2022: headline has holds talks/talks with/meets/met with/meeting with/phone/
  call(s) with/video call/summit/visit(s), and names a participant from HL_NAMES (leaders and
  ministers frequent in 2022 headlines).

MEET_TITLE = visit/visits/visiting/meet/meets/meeting/meetings/talks/summit/call/calls/phone/
telephone/video/virtual/discussions. AU_DOMESTIC = Australian states and territories, Premiers, COAG, Chief
Ministers, State leaders, the Australia 2020 summit, Cabinet, Board, Caucus, Party (domestic meetings).

Revisions of the predicates (made before any annotation, and frozen since): the first run drew
domestic or commercial matches that the brief puts off-stratum (a Readout of the President's meeting
with his economic team, a White House meeting with state leaders, meetings with the Queensland Premier
and a company board, the Australia 2020 summit, striking seamen's pay talks, a cabinet meeting, a
mining company's talks). The foreign-counterpart condition of wh-meeting, AU_DOMESTIC and the wider
RT_COMPANY list were added in two steps for that reason. The seed was never changed, and no drawn
document was replaced by hand. HOLDOUT3_IDS keeps the 36 ids of the final run; main() fails if a
rerun does not give them.
"""

from __future__ import annotations

import random
import re
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import draw_holdout2 as base  # noqa: E402  (corpus reader, length limits, garble measure)

SEED = 20261125
EXCLUDE_FILES = ("dev.json", "holdout.json", "holdout2.json")
REJECT: dict[str, str] = {}

# The 36 ids of the final run (see the module docstring).
HOLDOUT3_IDS: list[str] = [
    "wh-2021-12-09-readout-of-president-bidens-call-with-president-zelenskyy-of-ukraine",
    "wh-2023-10-23-readout-of-national-security-advisor-jake-sullivans-call-with-national-security-advisor-eduardo-m-ano-of-the-philippines",
    "wh-2025-01-10-readout-of-president-bidens-call-with-president-zelenskyy-of-ukraine-16",
    "wh-2022-09-23-readout-of-national-security-advisor-jake-sullivans-meeting-with-frans-timmermans-executive-vice-president-of-the-european-commission",
    "wh-2024-12-03-readout-of-president-joe-bidens-meeting-with-president-joao-lourenco-of-angola",
    "wh-2021-05-10-readout-of-president-joseph-r-biden-jr-s-participation-in-the-bucharest-nine-virtual-summit",
    "wh-2023-07-25-joint-statement-from-mexico-and-the-united-states-on-shared-efforts-to-combat-illicit-fentanyl-disrupt-arms-trafficking-and-humanely-manage",
    "wh-2023-11-01-statement-from-press-secretary-karine-jean-pierre-on-the-bilateral-meeting-between-president-joe-biden-and-president-luis-abinader-of-the-d",
    "wh-2026-02-02-ninth-meeting-of-the-north-american-drug-dialogue",
    "aupm-8852",
    "aupm-8469",
    "aupm-9956",
    "aupm-15900",
    "aupm-16047",
    "aupm-10864",
    "aupm-23531",
    "aupm-17535",
    "reuters21578-10643",
    "reuters21578-975",
    "reuters21578-17256",
    "reuters21578-255",
    "reuters21578-11209",
    "reuters21578-1591",
    "reuters21578-11558",
    "bbc-politics-139",
    "bbc-politics-247",
    "lee-background-021",
    "lee-background-061",
    "agnews-test-0369",
    "agnews-test-2106",
    "news-f0a21622f3",
    "news-14cd3e5f2d",
    "hl2022-cgtn-e64ec09526",
    "hl2022-cgtn-649e8e66bd",
    "hl2022-globaltimes-1dc49603af",
    "hl2022-xinhuanet-a098efc592",
]

IC = re.I
MEET_TITLE = re.compile(
    r"\b(visit|visits|visiting|meet|meets|meeting|meetings|talks|summit|call|calls|phone|telephone|"
    r"video|virtual|discussions)\b",
    IC,
)
# Australian domestic titles (states, premiers' and COAG meetings, the Australia 2020 summit)
AU_DOMESTIC = re.compile(
    r"\b(Queensland|Victoria|Victorian|New South Wales|NSW|Tasmania|Tasmanian|"
    r"South Australia|South Australian|"
    r"Western Australia|Northern Territory|ACT|Premiers|Premiers'|COAG|Council of Australian Governments|"
    r"Australia 2020|Chief Ministers?|State leaders?|Cabinet|Board|Caucus|Party)\b"
    r"|\b(State|Queensland|Victorian|NSW|Tasmanian) Premier\b",
    IC,
)
AU_EXTRA = re.compile(r"\b(joint statement|joint communique|joint press conference)\b", IC)
RT_MEET = re.compile(r"\b(meet|meets|meeting|talks|visit|visits|summit)\b", IC)
RT_OFFICE = re.compile(
    r"\b(minister|president|premier|chancellor|secretary of state|foreign secretary)\b", IC
)
RT_COMPANY = re.compile(
    r"\b(union|unions|strike|strikes|striking|strikers|dispute|labour|labor|merger|takeover|shareholders?|acquisition|buyout|workers|pilots|wage|contract|bid|venture|banks?|company|companies|corp|inc|ltd|shares?|stake)\b",
    IC,
)
NM_MEET = re.compile(r"\b(summit|held talks|talks with|met with|meeting with|visit to|visiting)\b", IC)
NM_OFFICE = re.compile(
    r"\b(President|Prime Minister|Chancellor|Premier|Foreign Secretary|Foreign Minister)\b"
)
AG_MEET = re.compile(r"\b(talks|meet|meets|met|meeting|visit|visits|summit)\b", IC)
HL_MEET = re.compile(
    r"\b(holds talks|talks with|meets|met with|meeting with|phone|calls? with|video call|summit|visits?)\b",
    IC,
)
HL_NAMES = re.compile(
    r"\b(Xi|Xi Jinping|Li Keqiang|Wang Yi|Wang Qishan|Li Zhanshu|Putin|Lavrov|Biden|Blinken|Harris|Macron|"
    r"Scholz|Johnson|Truss|Modi|Jaishankar|Erdogan|Zelensky|Zelenskyy|Kishida|Yoon|Guterres|Lukashenko|"
    r"Shoigu|Austin|Pelosi|Draghi|Sanchez|Widodo|Jokowi|Lee Hsien Loong|Prayut|Hun Sen|Albanese|Ardern|"
    r"Bolsonaro|Lula|Raisi|Bennett|Lapid|Bachelet|Orban|Sholz|von der Leyen|Michel|Borrell|Stoltenberg)\b"
)


def year(d):
    return base.year(d)


def title(d):
    return d.get("title") or ""


WH_READOUT = re.compile(r"^readout\b", IC)
WH_CALL = re.compile(r"^readout\b.*\bcall\b.*\bof\b", IC)
WH_MEETING = re.compile(r"^readout\b.*\b(meeting|meets|met)\b.*\bwith\b.*\bof\b", IC)
# the counterpart is a foreign office holder (case-sensitive office words)
WH_COUNTERPART = re.compile(
    r"\bwith\b.*\b(President|Prime Minister|Chancellor|King|Queen|Emir|Crown Prince|Minister|"
    r"Secretary[- ]General|"
    r"Premier|Taoiseach|Sultan|Pope|His Majesty|Her Majesty|His Holiness)\b"
)
WH_NOT_MEETING = re.compile(r"\b(call|video|virtual)\b", IC)
WH_VIDEO = re.compile(r"^readout\b.*\b(video|virtual)\b", IC)
WH_TEXT_MEET = re.compile(r"\b(met|meeting|visit|summit|call|talks)\b", IC)
WH_STMT = re.compile(r"^(statement|remarks)\b", IC)
WH_STMT_MEET = re.compile(r"\b(visit|summit|meeting|call|talks|trip)\b", IC)
WH_2026 = re.compile(r"\b(visit|meeting|meets|call|summit|talks|bilateral)\b", IC)

STRATA = []
for y in (2021, 2023, 2025):
    STRATA.append(
        (
            f"wh-call-{y}",
            "whitehouse",
            1,
            lambda d, y=y: (
                year(d) == y and WH_CALL.search(title(d)) and not re.search(r"video|virtual", title(d), IC)
            ),
        )
    )
for y in (2022, 2024):
    STRATA.append(
        (
            f"wh-meeting-{y}",
            "whitehouse",
            1,
            lambda d, y=y: (
                year(d) == y
                and WH_MEETING.search(title(d))
                and WH_COUNTERPART.search(title(d))
                and not WH_NOT_MEETING.search(title(d))
            ),
        )
    )
STRATA += [
    ("wh-video", "whitehouse", 1, lambda d: WH_VIDEO.search(title(d))),
    (
        "wh-joint-statement",
        "whitehouse",
        1,
        lambda d: re.search(r"^joint statement\b", title(d), IC) and WH_TEXT_MEET.search(d["text"]),
    ),
    (
        "wh-statement-visit",
        "whitehouse",
        1,
        lambda d: WH_STMT.search(title(d)) and WH_STMT_MEET.search(title(d)),
    ),
    ("wh-2026", "whitehouse", 1, lambda d: year(d) == 2026 and WH_2026.search(title(d))),
    (
        "au-ocr",
        "au_pm_transcripts",
        3,
        lambda d: (
            year(d)
            and 1983 <= year(d) <= 1996
            and MEET_TITLE.search(title(d))
            and not AU_DOMESTIC.search(title(d))
        ),
    ),
]
for name, lo, hi, k in [("au-2000s", 1997, 2009, 3), ("au-2010s", 2010, 2018, 2)]:
    STRATA.append(
        (
            name,
            "au_pm_transcripts",
            k,
            lambda d, lo=lo, hi=hi: (
                year(d)
                and lo <= year(d) <= hi
                and (MEET_TITLE.search(title(d)) or AU_EXTRA.search(title(d)))
                and not AU_DOMESTIC.search(title(d))
            ),
        )
    )
STRATA += [
    (
        "rt-diplomacy",
        "reuters21578",
        7,
        lambda d: (
            RT_MEET.search(title(d))
            and RT_OFFICE.search(title(d) + "\n" + d["text"][:400])
            and not RT_COMPANY.search(title(d))
        ),
    ),
    (
        "nm-bbc-politics",
        "news_mixed",
        2,
        lambda d: (
            d["id"].startswith("bbc-politics-") and NM_MEET.search(d["text"]) and NM_OFFICE.search(d["text"])
        ),
    ),
    (
        "nm-abc",
        "news_mixed",
        2,
        lambda d: d["id"].startswith("lee-") and NM_MEET.search(d["text"]) and NM_OFFICE.search(d["text"]),
    ),
    (
        "nm-agnews",
        "news_mixed",
        2,
        lambda d: d["id"].startswith("agnews-") and AG_MEET.search(title(d) + "\n" + d["text"]),
    ),
    ("nm-recent-web", "news_mixed", 2, lambda d: d["id"].startswith("news-")),
    ("hl-talks", "headlines_2022", 4, lambda d: HL_MEET.search(title(d)) and HL_NAMES.search(title(d))),
]
SHORT = {"nm-abc", "nm-agnews"}  # minimum 100 characters
NO_MIN = {"hl-talks"}  # one-line headlines


def draw(seed, exclude: set[str]):
    cache = {stem: base.docs(stem) for stem in {s for _, s, _, _ in STRATA}}
    vocab = base.vocabulary(cache["au_pm_transcripts"])
    taken: set[str] = set()
    out = []
    for name, stem, k, pred in STRATA:
        lo = 0 if name in NO_MIN else base.MIN_LEN_SHORT if name in SHORT else base.MIN_LEN
        pool = [
            d
            for d in cache[stem]
            if d["id"] not in exclude
            and d["id"] not in taken
            and lo <= len(d["text"]) <= base.MAX_LEN
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
            taken.add(d["id"])
            n += 1
            out.append((name, d, g))
        if n < k:
            print(f"# WARNING: stratum {name} gave {n} of {k} (pool {len(pool)})", file=sys.stderr)
    return out


def main() -> int:
    # dev.json has grown since this draw (the "dev3" batch of draw_dev3.py); those later ids were not
    # excluded when holdout3.json was drawn, so they are left out of the exclusion to keep the draw
    # repeatable.
    from draw_dev3 import DEV3_IDS

    rows = draw(SEED, base.excluded_ids(*EXCLUDE_FILES) - set(DEV3_IDS))
    base.show(rows)
    if [d["id"] for _, d, _ in rows] != HOLDOUT3_IDS:
        print("# WARNING: the draw no longer gives HOLDOUT3_IDS", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
