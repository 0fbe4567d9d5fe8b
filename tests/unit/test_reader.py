"""Tests for kg.reader: the input formats, datelines, ids, limits and every kind of bad input."""

from __future__ import annotations

import datetime as dt
import gzip
import hashlib
import json
import logging
from contextlib import closing
from itertools import islice
from pathlib import Path
from typing import Any

import pytest
from pydantic import ValidationError

from kg.reader import Article, ArticleError, article_from_record, read_articles, read_text_article

ROOT = Path(__file__).resolve().parents[2]
SEEDS = ROOT / "seeds"
DATA = ROOT / "tests" / "data" / "reader"
CORPUS = ROOT.parent / "shared" / "corpus" / "news_mixed.jsonl.gz"
TITLED_SEED = SEEDS / "000_288c75888d6de7ff.txt"
DATELINED_SEED = SEEDS / "004_4b31d466614f82fc.txt"
PNG_HEADER = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x10"
GOOD_TEXT = "Ministers meet\n\nThe foreign ministers of Ruritania and Freedonia met on Monday.\n"


def read_all(*paths: str | Path, **limits: int) -> tuple[list[Article], list[ArticleError]]:
    """Read everything, collecting errors instead of raising."""
    errors: list[ArticleError] = []
    return list(read_articles(*paths, on_error=errors.append, **limits)), errors


def read_one(path: Path) -> Article:
    (article,) = read_articles(path)
    return article


def write(path: Path, content: str | bytes) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(content, str):
        content = content.encode()
    path.write_bytes(gzip.compress(content) if path.name.endswith(".gz") else content)
    return path


def jsonl(*records: Any) -> str:
    return "".join(json.dumps(record) + "\n" for record in records)


def doc_id(text: str) -> str:
    return "doc-" + hashlib.sha256(text.encode()).hexdigest()[:16]


# -- the seed articles ---------------------------------------------------------------------------


def test_reader_seed_with_title_and_bare_dateline() -> None:
    article = read_one(TITLED_SEED)
    assert article.id == "000_288c75888d6de7ff"
    assert article.title == "Xi, Putin mull bilateral relations via video link"
    assert (article.dateline, article.dateline_place) == ("BEIJING", "Beijing")
    assert (article.published, article.source, article.url) == (None, None, None)
    assert article.text.startswith("BEIJING: Chinese President Xi Jinping")
    assert article.origin == str(TITLED_SEED)


def test_reader_seed_opening_with_dateline_has_no_title() -> None:
    article = read_one(DATELINED_SEED)
    assert article.id == "004_4b31d466614f82fc"
    assert article.title is None
    assert article.dateline == "Beijing, 15 December 2021 (TDI)"
    assert article.dateline_place == "Beijing"
    assert article.published == dt.date(2021, 12, 15)
    assert article.source == "TDI"
    assert article.text.startswith("Beijing, 15 December 2021 (TDI): The President of China")


@pytest.mark.parametrize("path", [TITLED_SEED, DATELINED_SEED], ids=lambda path: path.stem)
def test_reader_seed_offsets_are_faithful_to_the_file(path: Path) -> None:
    article = read_one(path)
    start = article.text.index("Xi Jinping")
    assert article.text[start : start + len("Xi Jinping")] == "Xi Jinping"
    assert path.read_text(encoding="utf-8").endswith(article.text)


def test_reader_seeds_directory_in_sorted_order() -> None:
    articles, errors = read_all(SEEDS)
    assert errors == []
    assert [a.id for a in articles] == ["000_288c75888d6de7ff", "004_4b31d466614f82fc"]


# -- plain text: titles and datelines -------------------------------------------------------------


@pytest.mark.parametrize(
    ("content", "title", "text"),
    [
        ("Title\n\nBody text.", "Title", "Body text."),
        ("\n\n  Title  \n \n\nBody text.\n", "Title", "Body text.\n"),
        ("Title\n    Indented body.", "Title", "    Indented body."),
        ("Only one line of text.", None, "Only one line of text."),
        ("Title only\n\n  \n", None, "Title only\n\n  \n"),
        ("Title\r\n\r\nBody\r\nmore", "Title", "Body\nmore"),
        ("\ufeffTitle\n\nBody", "Title", "Body"),
        ("x" * 301 + "\nBody", None, "x" * 301 + "\nBody"),
        ("PARIS (AFP) - Leaders met.\nMore text.", None, "PARIS (AFP) - Leaders met.\nMore text."),
    ],
    ids=["plain", "blank-lines", "indent", "one-line", "title-only", "crlf", "bom", "long-line", "dateline"],
)
def test_reader_text_title_and_body(content: str, title: str | None, text: str) -> None:
    article = read_text_article(content, origin="t.txt")
    assert (article.title, article.text) == (title, text)


DATELINES = [
    ("BEIJING, Dec 30 (Reuters) - China said", "BEIJING, Dec 30 (Reuters)", "Beijing", None, "Reuters"),
    ("WASHINGTON (AP) — The president said", "WASHINGTON (AP)", "Washington", None, "AP"),
    ("MOSCOW, March 3 — Officials said", "MOSCOW, March 3", "Moscow", None, None),
    ("WASHINGTON – Today, the President", "WASHINGTON", "Washington", None, None),
    (
        "NEW YORK, December 15, 2021 (Xinhua) -- Envoys met",
        "NEW YORK, December 15, 2021 (Xinhua)",
        "New York",
        dt.date(2021, 12, 15),
        "Xinhua",
    ),
    (
        "KINGSTON, Jamaica, 3 Mar. 1987 - Jamaica said",
        "KINGSTON, Jamaica, 3 Mar. 1987",
        "Kingston",
        dt.date(1987, 3, 3),
        None,
    ),
    (
        "ST. JOHN'S, Newfoundland, March 9 - Officials",
        "ST. JOHN'S, Newfoundland, March 9",
        "St. John's",
        None,
        None,
    ),
    ("Geneva, 31 February 2021 (UN): Diplomats met", "Geneva, 31 February 2021 (UN)", "Geneva", None, "UN"),
    (
        "ISLAMABAD: Pakistan and China on Monday agreed to widen their cooperation on energy, trade and "
        "security, officials said.",
        "ISLAMABAD",
        "Islamabad",
        None,
        None,
    ),
]


@pytest.mark.parametrize(("body", "dateline", "place", "published", "source"), DATELINES)
def test_reader_dateline_found(
    body: str, dateline: str, place: str, published: dt.date | None, source: str | None
) -> None:
    article = read_text_article(f"Headline\n\n{body}", origin="t.txt")
    assert (article.dateline, article.dateline_place) == (dateline, place)
    assert (article.published, article.source) == (published, source)
    assert article.title == "Headline"
    assert article.text == body  # the dateline stays in the text


LONG = "the two sides talked about trade, energy and security for more than an hour on Monday."
NOT_DATELINES = [
    "Xi, Putin mull bilateral relations via video link",
    "Officials said on Monday - in a statement - that talks would go on.",
    f"Beijing: {LONG}",  # a bare place must be all caps
    "Washington, D.C.\n\nThank you all for coming.",  # no colon or dash after it
    f"EMBARGO: 12.30 AEST {LONG}",
    f"THE PRESIDENT: {LONG}",
    "AP - President Bush charges into the final run-up to the convention.",
    f"PROVIDING REGULATORY RELIEF: {LONG}",
    f"PM: {LONG}",  # too short for a place name
    "UNHCR: refugee numbers rise again in Europe",  # a headline, not a lead sentence
    f"GILLARD: {LONG}\n\nJOURNALIST: And the budget?\n\nGILLARD: {LONG}",  # a speaker label
    "BEIJING:no space after the colon",
]


@pytest.mark.parametrize("body", NOT_DATELINES)
def test_reader_dateline_not_invented(body: str) -> None:
    article = read_text_article(f"Headline\n\n{body}", origin="t.txt")
    assert (article.dateline, article.dateline_place, article.published, article.source) == (None,) * 4


def test_reader_record_fields_win_over_dateline() -> None:
    text = "PARIS, 2 May 2020 (AFP) - Leaders met."
    given = article_from_record({"text": text, "published": "2020-05-03", "source": "Le Monde"}, origin="r")
    derived = article_from_record({"text": text}, origin="r")
    assert (given.published, given.source) == (dt.date(2020, 5, 3), "Le Monde")
    assert (derived.published, derived.source, derived.dateline_place) == (
        dt.date(2020, 5, 2),
        "AFP",
        "Paris",
    )


# -- ids ----------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("name", "expected"),
    [("000_288c.txt", "000_288c"), ("meeting.text.gz", "meeting"), ("my article.txt", None)],
)
def test_reader_text_file_id_is_stem_if_safe(tmp_path: Path, name: str, expected: str | None) -> None:
    article = read_one(write(tmp_path / name, GOOD_TEXT))
    assert article.id == (expected or doc_id(article.text))


@pytest.mark.parametrize(
    ("record_id", "expected"),
    [
        (7, "7"),
        ("wh-2021-fact-sheet-biden-%e2%81%a0harris", "wh-2021-fact-sheet-biden-%e2%81%a0harris"),
        (None, doc_id("Leaders met.")),
    ],
)
def test_reader_record_id(record_id: Any, expected: str) -> None:
    assert article_from_record({"id": record_id, "text": "Leaders met."}, origin="r").id == expected


@pytest.mark.parametrize("bad_id", ["a b", "-leading-dash", "x" * 201, "café", "50%", "a/b"])
def test_reader_unsafe_id_is_refused(bad_id: str) -> None:
    with pytest.raises(ArticleError, match="not safe in an IRI") as caught:
        read_text_article("Leaders met.", origin="given.txt", id=bad_id)
    assert caught.value.origin == "given.txt"
    with pytest.raises(ValidationError):
        Article(id=bad_id, text="Leaders met.", origin="x")


def test_reader_article_is_frozen() -> None:
    article = read_text_article("Leaders met.", origin="x")
    with pytest.raises(ValidationError):
        article.title = "changed"  # type: ignore[misc,unused-ignore]  # frozen


# -- JSON and JSON Lines --------------------------------------------------------------------------


def test_reader_json_object() -> None:
    article = read_one(DATA / "object.json")
    assert article.id == "fixture-object-1"
    assert article.title == "Leaders of Ruritania and Freedonia hold video call"
    assert article.published == dt.date(2021, 12, 7)  # the date of an ISO datetime
    assert (article.source, article.url) == ("Ruritania Herald", "https://example.org/news/video-call")
    assert (article.dateline_place, article.origin) == ("Ruritania City", str(DATA / "object.json"))
    assert article.text.endswith("Both sides agreed to meet again in the spring.")


def test_reader_json_list() -> None:
    path = DATA / "list.json"
    first, second = read_articles(path)
    assert (first.id, first.published, first.source, first.origin) == (
        "42",
        dt.date(2022, 3, 14),
        "AFP",
        f"{path}[0]",
    )
    assert (second.id, second.title, second.origin) == (
        doc_id(second.text),
        "Joint statement on fisheries",
        f"{path}[1]",
    )


def test_reader_json_lines_go_on_after_bad_lines() -> None:
    path = DATA / "mixed.jsonl"
    articles, errors = read_all(path)
    assert [a.id for a in articles] == ["jl-1", "jl-4", "jl-9"]
    assert [a.origin for a in articles] == [f"{path}:1", f"{path}:4", f"{path}:9"]
    assert articles[1].dateline_place == "Moscow"
    expected = {
        3: "invalid JSON",
        5: "missing 'text' field",
        6: "got a list",
        7: "not an ISO date",
        8: "not safe in an IRI",
    }
    assert [e.origin for e in errors] == [f"{path}:{n}" for n in expected]
    for error, fragment in zip(errors, expected.values(), strict=True):
        assert fragment in error.reason


@pytest.mark.parametrize("name", ["batch.jsonl.gz", "batch.ndjson", "batch.ndjson.gz", "batch.json.gz"])
def test_reader_json_lines_forms(tmp_path: Path, name: str) -> None:
    path = write(tmp_path / name, jsonl({"id": "a", "text": "One."}, {"id": "b", "text": "Two."}))
    articles, errors = read_all(path)
    assert errors == []
    assert [(a.id, a.origin) for a in articles] == [("a", f"{path}:1"), ("b", f"{path}:2")]


def test_reader_json_lines_bom_on_first_line(tmp_path: Path) -> None:
    path = write(tmp_path / "bom.jsonl", b"\xef\xbb\xbf" + jsonl({"id": "a", "text": "One."}).encode())
    assert read_one(path).id == "a"


def test_reader_directory_walk_is_sorted_and_skips_hidden_and_unknown(tmp_path: Path) -> None:
    write(tmp_path / "b.txt", GOOD_TEXT)
    write(tmp_path / "a.json", json.dumps({"id": "a-json", "text": "A."}))
    write(tmp_path / "a" / "z.txt", GOOD_TEXT)
    write(tmp_path / "c" / "d.jsonl.gz", jsonl({"id": "d1", "text": "D."}, {"id": "d2", "text": "D."}))
    write(tmp_path / "c" / ".hidden.txt", GOOD_TEXT)
    write(tmp_path / ".git" / "x.txt", GOOD_TEXT)
    write(tmp_path / "notes.md", GOOD_TEXT)
    write(tmp_path / "image.png", PNG_HEADER)
    articles, errors = read_all(tmp_path)
    assert errors == []
    assert [a.id for a in articles] == ["z", "a-json", "b", "d1", "d2"]


# -- bad input: each names the file (and line), and the batch goes on ------------------------------

BAD_INPUTS = [
    ("bad.txt", b"Caf\xe9 talks\n\nLeaders met.", "", "not UTF-8 text (byte 0xe9 at offset 3)"),
    ("bad.txt", PNG_HEADER, "", "looks binary (NUL byte at offset 8)"),
    ("bad.txt", b"", "", "empty or only whitespace"),
    ("bad.txt", b"  \n\t\n \n", "", "empty or only whitespace"),
    ("bad.png", PNG_HEADER, "", "unknown file type"),
    ("bad.json", b'{"title": "x",\n "text": }', ":2", "invalid JSON"),
    ("bad.json", b'{"text": "A."}\n{"text": "B."}\n', ":2", "name it .jsonl"),
    ("bad.json", b'{"title": "No body"}', "", "missing 'text' field"),
    ("bad.json", b'{"text": "   "}', "", "empty or only whitespace"),
    ("bad.json", b'"just a string"', "", "expected a JSON object"),
    ("bad.json", b"[5]", "[0]", "got a number"),
    ("bad.json", b'{"text": "Talks.", "published": "15/12/2021"}', "", "not an ISO date"),
    ("bad.json", b'{"text": "Talks.", "published": 20211215}', "", "not an ISO date"),
    ("bad.json", b'{"id": "a b", "text": "Talks."}', "", "not safe in an IRI"),
    ("bad.json", b'{"id": "", "text": "Talks."}', "", "not safe in an IRI"),
    ("bad.json", b'{"id": true, "text": "Talks."}', "", "'id' must be a string or an integer"),
    ("bad.json", b'{"text": "Talks.", "title": 5}', "", "'title' must be a string or null"),
    ("bad.json", b'{"text": ["Talks."]}', "", "'text' must be a string or null"),
    ("bad.json", b"[" * 100_000 + b"]" * 100_000, "", "JSON cannot be read"),
    ("bad.jsonl", b"\n{oops}\n", ":2", "invalid JSON"),
    ("bad.jsonl", b'{"text": "caf\xe9"}\n', ":1", "line is not UTF-8 text"),
    ("bad.txt.gz", b"Talks", "", "complete gzip file"),
]


@pytest.mark.parametrize(("name", "content", "where", "fragment"), BAD_INPUTS)
def test_reader_bad_input_is_reported_and_skipped(
    tmp_path: Path, name: str, content: bytes, where: str, fragment: str
) -> None:
    bad = tmp_path / name
    bad.write_bytes(content)  # as given: not compressed, even for .gz
    good = write(tmp_path / "good.txt", GOOD_TEXT)
    articles, errors = read_all(bad, good)
    assert [a.id for a in articles] == ["good"]
    (error,) = errors
    assert error.origin == f"{bad}{where}"
    assert fragment in error.reason
    assert "; " in error.reason  # the reason goes on to say what to do
    assert str(error) == f"{bad}{where}: {error.reason}"


def test_reader_damaged_gzip_stream_reports_line(tmp_path: Path) -> None:
    data = gzip.compress(jsonl(*({"id": f"r{i}", "text": "Talks went on." * 20} for i in range(50))).encode())
    path = tmp_path / "cut.jsonl.gz"
    path.write_bytes(data[: len(data) // 2])
    articles, errors = read_all(path)
    (error,) = errors
    assert error.origin == f"{path}:{len(articles) + 1}"
    assert "complete gzip file" in error.reason


def test_reader_missing_path_is_reported_and_skipped(tmp_path: Path) -> None:
    good = write(tmp_path / "good.txt", GOOD_TEXT)
    articles, errors = read_all(tmp_path / "nope.txt", good)
    assert [a.id for a in articles] == ["good"]
    assert [(e.origin, e.reason) for e in errors] == [
        (str(tmp_path / "nope.txt"), "no such file or directory; check the path")
    ]


def test_reader_raises_without_on_error(tmp_path: Path) -> None:
    articles = read_articles(write(tmp_path / "good.txt", GOOD_TEXT), tmp_path / "nope.txt")
    assert next(articles).id == "good"
    with pytest.raises(ArticleError, match="nope.txt: no such file"):
        next(articles)


def test_reader_logs_a_warning_per_skipped_item(tmp_path: Path, caplog: pytest.LogCaptureFixture) -> None:
    with caplog.at_level(logging.WARNING, logger="kg.reader"):
        read_all(tmp_path / "nope.txt")
    assert [r.levelname for r in caplog.records] == ["WARNING"]
    assert "nope.txt" in caplog.records[0].getMessage()


# -- limits -------------------------------------------------------------------------------------


@pytest.mark.parametrize("name", ["big.txt", "big.json", "big.txt.gz"])
def test_reader_file_over_limit(tmp_path: Path, name: str) -> None:
    path = write(tmp_path / name, json.dumps({"text": "x" * 200}))
    _, errors = read_all(path, max_file_bytes=100)
    assert [e.origin for e in errors] == [str(path)]
    assert "over the limit of 100 bytes" in errors[0].reason


def test_reader_line_over_limit_is_skipped_alone(tmp_path: Path) -> None:
    exact = json.dumps({"id": "exact", "text": "x"})
    exact = exact[:-2] + "x" * (100 - len(exact)) + exact[-2:]  # exactly 100 bytes
    lines = [{"id": "a", "text": "A."}, {"id": "huge", "text": "x" * 500}]
    path = write(tmp_path / "lines.jsonl", jsonl(*lines) + exact)  # the last line has no newline
    articles, errors = read_all(path, max_line_bytes=100)
    assert [a.id for a in articles] == ["a", "exact"]
    assert [e.origin for e in errors] == [f"{path}:2"]
    assert "line is over the limit of 100 bytes" in errors[0].reason


def test_reader_article_over_limit(tmp_path: Path) -> None:
    path = write(tmp_path / "long.txt", GOOD_TEXT)
    _, errors = read_all(path, max_article_chars=10)
    assert [e.origin for e in errors] == [str(path)]
    assert "over the limit of 10" in errors[0].reason


# -- the real corpus --------------------------------------------------------------------------------


@pytest.mark.skipif(not CORPUS.exists(), reason=f"corpus not present at {CORPUS}")
def test_reader_real_corpus_first_200_records() -> None:
    errors: list[ArticleError] = []
    with closing(read_articles(CORPUS, on_error=errors.append)) as articles:
        first = list(islice(articles, 200))
    assert errors == []
    assert len(first) == 200
    assert first[0].origin == f"{CORPUS}:1"
    assert len({a.id for a in first}) == 200
