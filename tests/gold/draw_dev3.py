"""Seeded random draw of the fourth development batch of tests/gold/dev.json ("dev3"), rich in meetings.

Run from the repository root:

    python tests/gold/draw_dev3.py

It is the draw of draw_holdout3.py (the same strata, predicates, k per stratum, length filters,
garble measure for the Australian PM OCR texts, no skipping for content: REJECT is empty),
imported from there (its draw(seed, exclude) function), with two differences:

- the seed is SEED = 20261126 (each stratum's pool, sorted by id, is shuffled with
  random.Random(f"{SEED}-{stratum}"));
- the exclusion set is every id of dev.json, holdout.json, holdout2.json and holdout3.json, so the
  batch shares no document with the blind held-out sets.

Its purpose is to give the dev set documents from the same distribution as the meeting-rich blind
set holdout3.json, to tune on, without looking at that set.

Because dev.json now contains the batch itself, a rerun after the batch was appended would
exclude it and draw other documents. The exclusion therefore ignores the ids listed in
DEV3_IDS below (the batch as drawn, before it was appended), and the script checks that the
rerun gives exactly those ids.
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import draw_holdout2 as base  # noqa: E402  (excluded_ids, show)
import draw_holdout3 as strata  # noqa: E402  (the meeting-rich strata and draw function)

SEED = 20261126
EXCLUDE_FILES = ("dev.json", "holdout.json", "holdout2.json", "holdout3.json")

# The 36 ids this script drew on its first run (see the module docstring).
DEV3_IDS: list[str] = [
    "wh-2021-10-04-readout-of-joseph-r-biden-jr-s-call-with-prime-minister-kishida-of-japan",
    "wh-2023-11-14-readout-of-president-bidens-call-with-prime-minister-netanyahu-of-israel-9",
    "wh-2025-01-09-readout-of-president-joe-bidens-call-with-president-joseph-aoun-of-lebanon",
    "wh-2022-06-28-readout-of-president-bidens-meeting-with-president-macky-sall-of-senegal",
    "wh-2024-11-18-readout-of-president-joe-bidens-meeting-with-president-claudia-sheinbaum-of-mexico",
    "wh-2021-11-12-readout-of-president-joe-bidens-participation-in-the-apec-virtual-leaders-meeting",
    "wh-2023-11-01-joint-statement-on-u-s-eu-energy-security-task-force-meeting",
    "wh-2021-02-01-statement-by-white-house-press-secretary-jen-psaki-on-president-joe-biden-and-vice-president-kamala-harris-meeting-with-republican-senators",
    "wh-2026-01-26-inaugural-meeting-of-us-india-drug-policy-working-group",
    "aupm-10002",
    "aupm-7401",
    "aupm-8919",
    "aupm-21641",
    "aupm-12796",
    "aupm-15856",
    "aupm-23026",
    "aupm-23852",
    "reuters21578-16730",
    "reuters21578-19528",
    "reuters21578-19600",
    "reuters21578-5186",
    "reuters21578-2989",
    "reuters21578-15761",
    "reuters21578-14820",
    "bbc-politics-294",
    "bbc-politics-155",
    "lee-background-221",
    "lee-background-027",
    "agnews-test-2703",
    "agnews-test-3993",
    "news-dfe1ce2b54",
    "news-2ab0d2cd43",
    "hl2022-cgtn-bf85b628f7",
    "hl2022-cgtn-e189bd183d",
    "hl2022-cgtn-90dd3335b3",
    "hl2022-chinadaily-6e718dc007",
]


def main() -> int:
    exclude = base.excluded_ids(*EXCLUDE_FILES) - set(DEV3_IDS)
    rows = strata.draw(SEED, exclude)
    base.show(rows)
    if DEV3_IDS and [d["id"] for _, d, _ in rows] != DEV3_IDS:
        print("# WARNING: the draw no longer gives DEV3_IDS", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
