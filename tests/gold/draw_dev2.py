"""Seeded random draw of the third development batch of tests/gold/dev.json ("dev2").

Run from the repository root:

    python tests/gold/draw_dev2.py

It is the draw of draw_holdout2.py (the same strata, k per stratum, length filters, garble
measure for the Australian PM OCR texts, FALLBACK for the empty wh-2026-readout pool and
no skipping for content), imported from there, with two differences:

- the seed is SEED = 20261124 (each stratum's pool, sorted by id, is shuffled with
  random.Random(f"{SEED}-{stratum}"));
- the exclusion set is every id of dev.json, holdout.json and holdout2.json, so the batch
  shares no document with the blind held-out sets.

Because dev.json now contains the batch itself, a rerun after the batch was appended would
exclude it and draw other documents. The exclusion therefore ignores the ids listed in
DEV2_IDS below (the batch as drawn, before it was appended), and the script checks that the
rerun gives exactly those ids.
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import draw_holdout2 as base  # noqa: E402  (the shared strata, filters and draw function)

SEED = 20261124
EXCLUDE_FILES = ("dev.json", "holdout.json", "holdout2.json")

# The 36 ids this script drew on its first run (see the module docstring).
DEV2_IDS: list[str] = [
    "wh-2021-10-29-readout-of-president-bidens-audience-with-his-holiness-pope-francis",
    "wh-2021-05-26-statement-by-president-joe-biden-on-the-investigation-into-the-origins-of-covid-19",
    "wh-2022-05-18-readout-of-national-security-advisor-jake-sullivans-phone-call-with-politburo-member-yang-jiechi",
    "wh-2022-05-13-statement-by-vice-president-kamala-harris-on-the-passing-of-sheikh-khalifa-bin-zayed-al-nahyan",
    "wh-2023-12-14-readout-of-national-security-advisor-jake-sullivans-meetings-with-israeli-officials",
    "wh-2023-05-27-statement-from-president-joe-biden-on-bipartisan-budget-agreement-in-principle",
    "wh-2024-02-13-readout-of-vice-president-kamala-harriss-meeting-with-his-majesty-king-abdullah-ii-of-jordan-3",
    "wh-2024-09-06-statement-from-president-joe-biden-on-the-august-jobs-report",
    "wh-2025-04-18-readout-of-president-donald-j-trumps-call-with-prime-minister-starmer-of-the-united-kingdom-9426",
    "wh-2025-03-16-statement-from-the-press-secretary-50c7",
    "wh-2026-03-25-president-trump-announces-appointments-to-presidents-council-of-advisors-on-science-and-technology-013368",
    "wh-2026-01-16-statement-on-president-trumps-comprehensive-plan-to-end-the-gaza-conflict",
    "aupm-7246",
    "aupm-6163",
    "aupm-11236",
    "aupm-11291",
    "aupm-8784",
    "aupm-20986",
    "aupm-16208",
    "aupm-12875",
    "aupm-17048",
    "aupm-17748",
    "reuters21578-4642",
    "reuters21578-19089",
    "reuters21578-19017",
    "reuters21578-10665",
    "reuters21578-19701",
    "reuters21578-17732",
    "bbc-politics-057",
    "bbc-politics-236",
    "bbc-politics-229",
    "bbc-business-105",
    "bbc-business-328",
    "news-e38a589846",
    "agnews-test-3580",
    "lee-lee50-041",
]


def main() -> int:
    # the later dev3 batch (draw_dev3.py) was not in dev.json when this batch was drawn
    from draw_dev3 import DEV3_IDS

    exclude = base.excluded_ids(*EXCLUDE_FILES) - set(DEV2_IDS) - set(DEV3_IDS)
    rows = base.draw(SEED, exclude)
    base.show(rows)
    if DEV2_IDS and [d["id"] for _, d, _ in rows] != DEV2_IDS:
        print("# WARNING: the draw no longer gives DEV2_IDS", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
