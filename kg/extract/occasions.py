"""Occasions: the summits of a series and other named events, with their days and host city.

A meeting framed by a summit series ("on the margins of the G20 summit", "at the APEC meeting") or
held at a named event ("the opening ceremony of the Beijing Winter Olympics") happened during that
occasion and in its city, which the text often leaves out. Which summit of the series the text
means is read from the meeting's own time (an occasion inside its window), else from the article's
date: the one under way then, else the next one for a plan and the last one for a meeting that
occurred. The table is ``seeds/reference/occasions.tsv``; its header says how it is written.
"""

from __future__ import annotations

import datetime as dt
import re
from bisect import bisect_left
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from kg.errors import KGError

OCCASIONS_FILE = "occasions.tsv"
AROUND = dt.timedelta(days=3)  # an article dated this close to a summit speaks of that summit
REACH = dt.timedelta(days=400)  # the last or next summit of a series: about a year away at most


@dataclass(frozen=True, slots=True)
class Occasion:
    """One summit of a series, or one named event."""

    series: tuple[str, ...]  # organisation keys ("org/G20") or a name of the table's own
    start: dt.date
    end: dt.date
    city: str | None  # None for a virtual summit
    country: str | None  # "country/IDN"
    names: tuple[str, ...] = ()

    def __str__(self) -> str:
        name = self.names[0] if self.names else self.series[0].removeprefix("org/")
        days = self.start.isoformat() if self.start == self.end else f"{self.start} to {self.end}"
        return f"{name} {days}{f', {self.city}' if self.city else ' (virtual)'}"


class Occasions:
    """The occasions of the table, by series and by name."""

    def __init__(self, occasions: Iterable[Occasion]):
        self._by_series: dict[str, list[Occasion]] = {}
        named: dict[str, Occasion] = {}
        for occasion in sorted(occasions, key=lambda o: o.start):
            for series in occasion.series:
                self._by_series.setdefault(series, []).append(occasion)
            named.update({name.lower(): occasion for name in occasion.names})
        self._starts = {series: [o.start for o in found] for series, found in self._by_series.items()}
        self._named = named
        # Names are searched in lowercase text: one alternation, longest first.
        words = sorted(named, key=len, reverse=True)
        self._names = re.compile(r"\b(?:" + "|".join(map(re.escape, words)) + r")\b") if words else None

    @classmethod
    def load(cls, path: Path) -> Occasions:
        """Read the table (see its header); a malformed line is an error that names it."""
        occasions = []
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            if not line.strip() or line.startswith("#"):
                continue
            parts = line.split("\t")
            if len(parts) not in (5, 6):
                raise KGError(f"{path}:{number}: expected 'series, start, end, city, country[, names]'.")
            series, start, end, city, country = (p.strip() for p in parts[:5])
            try:
                first, last = dt.date.fromisoformat(start), dt.date.fromisoformat(end)
            except ValueError as error:
                raise KGError(f"{path}:{number}: dates are YYYY-MM-DD: {error}") from error
            if last < first:
                raise KGError(f"{path}:{number}: the end {end} is before the start {start}.")
            occasions.append(
                Occasion(
                    tuple(s if s.islower() else f"org/{s}" for s in series.split("|")),
                    first,
                    last,
                    None if city == "-" else city,
                    None if country == "-" else f"country/{country}",
                    tuple(n.strip() for n in parts[5].split("|") if n.strip()) if len(parts) == 6 else (),
                )
            )
        return cls(occasions)

    def __len__(self) -> int:
        return len({o for found in self._by_series.values() for o in found})

    def __iter__(self) -> Iterator[Occasion]:
        return iter({o: None for found in self._by_series.values() for o in found})

    def named_in(self, lowered: str, start: int, end: int) -> tuple[Occasion, str] | None:
        """The event a span of lowercased text names, with the name ("beijing winter olympics")."""
        if self._names is None:
            return None
        found = self._names.search(lowered, start, end)
        return (self._named[found.group()], found.group()) if found else None

    def of_series(
        self, series: str, when: tuple[dt.date, dt.date] | None, article: dt.date | None, planned: bool
    ) -> Occasion | None:
        """The summit of a series a meeting was held at: the one inside the meeting's time
        (``when``, first and last day possible) when it has one, else the one under way on the
        article's day, else the next (``planned``) or the last one."""
        found = self._by_series.get(series)
        if not found:
            return None
        if when is not None:
            first, last = when
            inside = [o for o in found if first <= o.end and o.start <= last]
            return inside[0] if len(inside) == 1 else None
        if article is None:
            return None
        at = bisect_left(self._starts[series], article)  # the first to start on the day or after
        for occasion in found[max(0, at - 1) : at + 1]:
            if occasion.start - AROUND <= article <= occasion.end + AROUND:
                return occasion  # under way, just about to start or just over
        if planned:
            upcoming = found[at] if at < len(found) else None
            return upcoming if upcoming is not None and upcoming.start - article <= REACH else None
        previous = next((o for o in reversed(found[:at]) if o.end < article), None)
        return previous if previous is not None and article - previous.end <= REACH else None


def load_occasions(seeds_dir: Path) -> Occasions:
    """The occasions of ``seeds_dir/reference/occasions.tsv`` (none if the file is missing)."""
    path = Path(seeds_dir) / "reference" / OCCASIONS_FILE
    return Occasions.load(path) if path.exists() else Occasions(())
