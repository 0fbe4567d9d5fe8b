"""What a SPARQL text says, read lexically: keywords that reach out (SERVICE, LOAD) and dataset clauses.

pyoxigraph has no public algebra API, so the service reads the text itself. The scanner skips what
cannot hold a keyword (strings, IRIs, comments, variables) and looks at the runs of name characters
left over. Oxigraph's parser is a PEG without word boundaries: it reads ``SERVICEex:x``,
``SERVICE:x`` and ``1SERVICE`` as the keyword followed by more (issue 5 measured each). So a run
counts as holding a keyword when its part before the first ``:`` contains it anywhere; only the local
part of a prefixed name (``ex:serviceType``), which the parser consumes whole, may hold the word.
The scanner errs towards finding a keyword: a false find refuses a harmless query, a miss would let
the server fetch an address a client chose.

>>> sorted(outbound_keywords("SELECT * WHERE { SERVICE <http://example.org/sparql> { ?s ?p ?o } }"))
['SERVICE']
>>> outbound_keywords('SELECT * WHERE { ?s ex:serviceType "service" . ?service ?p <http://x/load> }')
set()
>>> sorted(outbound_keywords("PREFIX ex: <http://example.org/> LOADex:data"))
['LOAD']
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from functools import lru_cache

OUTBOUND = ("SERVICE", "LOAD")

_PN_LOCAL_ESC = r"\\[_~.\-!$&'()*+,;=/?#@%]"
_LEXEME = re.compile(
    r"(?P<skip>"
    r"#[^\r\n]*"  # comment
    r'|"""(?:[^"\\]|\\.|"(?!""))*"""'  # long strings
    r"|'''(?:[^'\\]|\\.|'(?!''))*'''"
    r'|"(?:[^"\\\r\n]|\\.)*"'  # short strings
    r"|'(?:[^'\\\r\n]|\\.)*'"
    r'|<[^<>"{}|^`\\\x00-\x20]*>'  # IRIs; no braces or spaces, so no pattern can hide inside
    r"|[?$][A-Za-z0-9_]+"  # variables
    r")"
    rf"|(?P<name>(?:[A-Za-z0-9_.:%-]|{_PN_LOCAL_ESC})+)"
    r"|(?P<open>\{)|(?P<close>\})"
    r"|(?P<other>.)",
    re.DOTALL,
)
_IRI = re.compile(r'[A-Za-z][A-Za-z0-9+.-]*:[^<>"{}|^`\\\x00-\x20]*')


@dataclass(frozen=True)
class Run:
    """A run of name characters outside strings, IRIs, comments and variables."""

    text: str
    start: int
    depth: int  # how many braces enclose it

    @property
    def head(self) -> str:
        """The part a keyword could start in: all of it, or what comes before its first ``:``."""
        return self.text.split(":", 1)[0].upper()

    def holds(self, keyword: str) -> bool:
        return keyword in self.head


def runs(text: str) -> Iterator[Run]:
    """The name runs of a SPARQL text with their brace depth."""
    depth = 0
    for match in _LEXEME.finditer(text):
        kind = match.lastgroup
        if kind == "name":
            yield Run(match.group(), match.start(), depth)
        elif kind == "open":
            depth += 1
        elif kind == "close":
            depth = max(depth - 1, 0)


def outbound_keywords(text: str) -> set[str]:
    """The keywords among SERVICE and LOAD that the text may use (as the parser would read them)."""
    return {keyword for run in runs(text) for keyword in OUTBOUND if run.holds(keyword)}


#: The look-ups ask about the same few fixed texts on every request, and reading one costs about 0.1 ms
#: (issue 5): short texts are remembered, long ones (a client's, maybe megabytes) read each time.
_REMEMBERED_LENGTH = 4096


def has_dataset_clause(query: str) -> bool:
    """Whether a query may carry ``FROM`` / ``FROM NAMED`` (a ``FROM`` outside every brace)."""
    if len(query) <= _REMEMBERED_LENGTH:
        return _has_dataset_clause(query)
    return any(run.depth == 0 and run.holds("FROM") for run in runs(query))


@lru_cache(maxsize=256)
def _has_dataset_clause(query: str) -> bool:
    return any(run.depth == 0 and run.holds("FROM") for run in runs(query))


def has_update_dataset(update: str) -> bool:
    """Whether an update may carry ``WITH`` or ``USING`` clauses of its own."""
    return any(run.depth == 0 and (run.holds("WITH") or run.holds("USING")) for run in runs(update))


def is_iri(text: str) -> bool:
    """Whether a protocol parameter can stand between ``<`` and ``>`` as an absolute IRI.

    >>> is_iri("http://example.org/g"), is_iri("http://x> } DROP ALL ; <y"), is_iri("g")
    (True, False, False)
    """
    return bool(_IRI.fullmatch(text))


def add_using(update: str, default: list[str], named: list[str]) -> str:
    """Give every ``INSERT``/``DELETE ... WHERE`` of an update the protocol's ``using-graph-uri`` and
    ``using-named-graph-uri`` graphs, as ``USING`` clauses before its ``WHERE``.

    >>> add_using("INSERT { ?s a ?t } WHERE { ?s a ?t }", ["http://g"], [])
    'INSERT { ?s a ?t } USING <http://g> WHERE { ?s a ?t }'
    """
    if not all(map(is_iri, [*default, *named])):
        raise ValueError("graph IRIs must be absolute IRIs")
    clauses = " ".join([f"USING <{iri}>" for iri in default] + [f"USING NAMED <{iri}>" for iri in named])
    out, last, depth, previous = [], 0, 0, ""
    for match in _LEXEME.finditer(update):
        kind, word = match.lastgroup, match.group().upper()
        if kind == "open":
            depth += 1
        elif kind == "close":
            depth = max(depth - 1, 0)
            previous = "}"
        elif kind == "name" and depth == 0:
            if word == "WHERE" and previous != "DELETE":  # the DELETE WHERE shorthand takes no USING
                out.append(update[last : match.start()] + clauses + " ")
                last = match.start()
            previous = word
    return "".join(out) + update[last:]
