"""Publishers: who speaks in a document, for which country, and when an undated one was written.

An Australian Prime Minister's media release says "I will travel to Beijing" and never names its
author; a White House readout's "the President" is the President of the United States; a BBC story
from the 2004-05 dataset has no date but was written in those years. The table of publishers
(``seeds/reference/publishers.tsv``) says so once per source, and :class:`AuthorExtractor` adds the
author of a first-person document as an actor, resolved through the office held on its date.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from functools import cache, cached_property
from pathlib import Path
from typing import ClassVar

import kg
from kg.errors import OntologyError
from kg.extract.base import Doc, EntityRecord, Record
from kg.extract.dates import When
from kg.extract.gazetteer import Gazetteer
from kg.reader import Article

PUBLISHERS_FILE = "publishers.tsv"  # not .txt: `kg ingest seeds/` would read it as an article
FIRST_PERSON = r"\b(?:I|I'm|I've|I'll|I'd|me|my|we|We|we'll|We'll|us|our|Our)\b"
# Who has the word in a transcript: "PRIME MINISTER TURNBULL:", "JOURNALIST:", "THE HON. DONALD J
# TRUMP, PRESIDENT OF THE UNITED STATES OF AMERICA:", in capitals at the start of a line.
SPEAKER_LABEL = re.compile(r"^[ \t]*([A-Z][A-Z.'’ ,-]*[A-Z.])[ \t]*:", re.M)
# Whose word a release is: "Statement by Vice President Kamala Harris on ...", "Readout of the
# Press Secretary's Call ...", "Remarks by President Biden and ...", "First Lady Melania Trump's Statement".
_RELEASE = r"(?:Joint )?(?:Statement|Remarks|Readout|Message|Letter|Op-Ed|Proclamation)s?"
_WHO = r"[A-Z][\w.-]*(?: [A-Z][\w.-]*)*"
TITLE_VOICE = re.compile(
    rf"{_RELEASE} (?:by|from|of) (?:the )?(?P<who>{_WHO})|(?P<owner>{_WHO})['’]s {_RELEASE}(?!\w)"
)
HONORIFIC = re.compile(r"^(?:THE HON\.?|HIS EXCELLENCY|HER EXCELLENCY|THE)\s+")


@dataclass(frozen=True)
class Publisher:
    """A source of documents: the country it speaks for, its first-person office, its period."""

    source: str
    country: str | None = None
    office: str | None = None
    title: str | None = None
    period: tuple[dt.date, dt.date] | None = None

    @cached_property
    def references(self) -> re.Pattern[str]:
        """How a text refers to its author: "I", "we", or the bare title ("the Prime Minister met ...")."""
        if not self.title:
            return re.compile(FIRST_PERSON)
        title = re.escape(self.title).replace(r"\ ", r"\s+")
        bare = rf"\b[Tt]he {title}\b(?!\s+(?:of\b|[A-Z]))"
        return re.compile(f"{FIRST_PERSON}|{bare}")

    def other_voices(self, text: str, author_name: str) -> list[tuple[int, int]]:
        """The spans of a transcript where someone other than the author has the word, and "I" and
        "we" are theirs: from each such speaker's label to the next label. A document is read as
        a transcript only when it labels at least two speakers, the author among them."""
        return [(start, end) for start, end, _ in self.voices(text, author_name)]

    def voices(self, text: str, author_name: str) -> list[tuple[int, int, str]]:
        """The same spans with the label of who has the word there ("PRIME MINISTER ABE")."""
        labels = [(m.start(), m.group(1)) for m in SPEAKER_LABEL.finditer(text)]
        if len({label for _, label in labels}) < 2:
            return []
        authors = [self._is_author_label(label, author_name) for _, label in labels]
        if not any(authors):
            return []
        ends = [start for start, _ in labels[1:]] + [len(text)]
        return [
            (start, end, label)
            for (start, label), end, mine in zip(labels, ends, authors, strict=True)
            if not mine
        ]

    def _is_author_label(self, label: str, author_name: str) -> bool:
        """ "PRIME MINISTER HOWARD", "PM", "PRIME MINISTER OF AUSTRALIA" or "THE HON. MALCOLM
        TURNBULL MP, PRIME MINISTER OF AUSTRALIA" for the Prime Minister's own transcripts."""
        if label_names(label, author_name):
            return True
        if not self.title:
            return False
        title, spoken = self.title.upper(), HONORIFIC.sub("", label)
        initials = "".join(word[0] for word in title.split())
        return spoken in (title, initials) or spoken.startswith(title + " OF ")

    def author(self, gazetteer: Gazetteer, day: dt.date | None) -> str | None:
        """The person who held the publisher's office on a day: the "I" of its documents."""
        if self.office is None or self.country is None or day is None:
            return None
        return gazetteer.holder(self.office, self.country, day)

    def anchor(self) -> When | None:
        """The window an undated document of this publisher was written in."""
        if self.period is None:
            return None
        start, end = self.period
        return When(start, end, "window", f"publication period of {self.source}", 0.3)


def label_names(label: str, name: str) -> bool:
    """Whether a transcript's speaker label ("PRIME MINISTER ABE", "THE HON. MALCOLM TURNBULL MP")
    names a person: their surname is one of its words."""
    return name.split()[-1].upper() in re.findall(r"[A-Z]+", label)


@dataclass(frozen=True)
class Publishers:
    """The publisher table: the first row whose ``source`` the article's source contains."""

    rows: tuple[Publisher, ...]

    def of(self, article: Article) -> Publisher | None:
        """The publisher of an article, if the table knows it."""
        source = article.source or ""
        return next((row for row in self.rows if row.source in source), None)


@cache
def load_publishers(seeds_dir: Path) -> Publishers:
    """The publisher table of the reference data in ``seeds_dir`` (empty if there is none)."""
    path = Path(seeds_dir) / "reference" / PUBLISHERS_FILE
    if not path.exists():
        return Publishers(())
    rows = []
    lines = [
        line for line in path.read_text(encoding="utf-8").splitlines() if line and not line.startswith("#")
    ]
    for number, line in enumerate(lines[1:], start=2):
        cells = line.split("\t")
        if len(cells) != 5:
            raise OntologyError(
                f"{path}: row {number} has {len(cells)} cells; expected 5: source, country, office, title,"
                " period."
            )
        source, country, office, title, period = (None if c.strip() == "-" else c.strip() for c in cells)
        rows.append(Publisher(source or "", country, office, title, _period(period, path)))
    return Publishers(tuple(rows))


def _period(text: str | None, path: Path) -> tuple[dt.date, dt.date] | None:
    if text is None:
        return None
    try:
        start, end = (dt.date.fromisoformat(part) for part in text.split(".."))
    except ValueError as error:
        raise OntologyError(f"{path}: period {text!r} is not START..END in ISO dates.") from error
    return start, end


def document_author(doc: Doc, gazetteer: Gazetteer, publishers: Publishers) -> str | None:
    """The person who writes a first-person document ("I will travel to ..."), if known: the
    holder of the publisher's office, unless the title gives the word to someone else ("Statement
    by Vice President Kamala Harris", "Readout of the Press Secretary's call"): then the text names
    its speaker, and "the President" in it is not that speaker. Worked out once a document: the
    author, meeting and statement extractors all ask."""
    if "author" not in doc.shared:
        doc.shared["author"] = _author(doc, gazetteer, publishers)
    return doc.shared["author"]  # type: ignore[return-value]


def _author(doc: Doc, gazetteer: Gazetteer, publishers: Publishers) -> str | None:
    publisher = publishers.of(doc.article)
    if publisher is None or not publisher.references.search(doc.article.text):
        return None
    voice = TITLE_VOICE.match(doc.article.title or "")
    if (
        voice is not None
        and publisher.title
        and not (voice["who"] or voice["owner"]).startswith(publisher.title)
    ):
        return None
    return publisher.author(gazetteer, doc.article.published)


class AuthorExtractor:
    """Adds the unnamed author of a first-person document as a person who speaks for the publisher's
    country. That country is implied when the text deals with another state (a readout that names only
    "the President" and his counterpart's country), not in a domestic release that names no other."""

    name: ClassVar[str] = "dipl.authors.v1"
    version: ClassVar[str] = kg.__version__
    assigns: ClassVar[tuple[str, ...]] = ("dipl:Person",)

    def __init__(self, gazetteer: Gazetteer, publishers: Publishers):
        self.gazetteer = gazetteer
        self.publishers = publishers

    def __call__(self, doc: Doc) -> list[Record]:
        author = document_author(doc, self.gazetteer, self.publishers)
        if author is None or any(e.key == author for e in doc.entities):
            return []
        publisher = self.publishers.of(doc.article)
        entry = self.gazetteer.entries[author]
        country = publisher.country if publisher else None
        records: list[Record] = [
            EntityRecord(author, "Person", entry.label, (), known=True, represents=country)
        ]
        countries = {e.key for e in doc.entities if e.type == "Country"}
        if country and countries and country not in countries:  # a readout that names only the other side
            label = self.gazetteer.entries[country].label
            records.append(EntityRecord(country, "Country", label, (), known=True))
        return records
