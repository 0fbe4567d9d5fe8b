"""End to end: the graph view in headless Chromium (Debian's), served by a live app over the seeds.

The store holds the seeds plus an XSS probe: a person labelled ``<img src=x onerror=alert(1)>`` who
met Vladimir Putin. The page must draw Putin's neighbourhood, open an entity's page on a click, log
no console error, send no request beyond 127.0.0.1, and show the probe's name as text.
Screenshots go to ``test-artifacts/``.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import httpx
import pytest
from serving import Watched, ingest_seeds, kg_server, watching

from kg.store import Store

pytestmark = pytest.mark.e2e
playwright_api = pytest.importorskip("playwright.sync_api")

PUTIN, XI, PROBE = "person/vladimir-putin", "person/xi-jinping", "person/xss-probe"
XSS = "<img src=x onerror=alert(1)>"
PROBE_TRIPLES = f"""
PREFIX dipl: <https://w3id.org/dipkg/ontology#>
PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
PREFIX xsd: <http://www.w3.org/2001/XMLSchema#>
INSERT DATA {{ GRAPH <https://w3id.org/dipkg/graph/article/xss-probe> {{
  <https://w3id.org/dipkg/id/{PROBE}> a dipl:Person ; rdfs:label "{XSS}" .
  <https://w3id.org/dipkg/id/event/xss-probe/meeting-1> a dipl:Meeting ;
      dipl:participant <https://w3id.org/dipkg/id/{PUTIN}>, <https://w3id.org/dipkg/id/{PROBE}> ;
      dipl:dateStart "2022-06-01"^^xsd:date ; dipl:dateEnd "2022-06-01"^^xsd:date .
}} }}
"""


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """A live `kg serve` over the seeds and the probe (see serving.py)."""
    store = tmp_path_factory.mktemp("graph-live") / "store"
    ingest_seeds(store)
    with Store(store) as writable:
        writable.update(PROBE_TRIPLES)
    with kg_server(store) as url:
        yield url


class GraphPage(Watched):
    """A graph view page: waits for the layout to settle, reads the nodes drawn."""

    def open_view(self, url: str) -> None:
        self.page.goto(url)
        self.page.wait_for_function("document.body.dataset.stabilised === 'true'", timeout=15_000)

    def node_ids(self) -> set[str]:
        return set(self.page.evaluate("network.body.data.nodes.get().map((node) => node.id)"))

    def node_point(self, node: str) -> tuple[float, float]:
        """Where a node is drawn, in page coordinates."""
        point = self.page.evaluate(
            """(id) => {
              const dom = network.canvasToDOM(network.getPosition(id));
              const box = document.querySelector("#graph canvas").getBoundingClientRect();
              return [box.left + dom.x, box.top + dom.y];
            }""",
            node,
        )
        return point[0], point[1]

    def shot(self, name: str, *, full_page: bool = False) -> None:
        super().shot(name, full_page=full_page)


@pytest.fixture
def watched(browser: Any) -> Iterator[GraphPage]:
    with watching(browser, GraphPage, height=800) as page:
        yield page


def test_view_draws_putins_neighbourhood_offline_with_the_probe_as_text(server: str, watched: GraphPage):
    watched.open_view(f"{server}/graph/view?focus={PUTIN}&depth=2")
    page = watched.page
    ids = watched.node_ids()
    assert {PUTIN, XI, PROBE, "person/dmitry-medvedev", "country/RUS", "country/CHN", "org/SCO"} <= ids
    drawn = page.evaluate(
        """() => {
          const canvas = document.querySelector("#graph canvas");
          const pixels = canvas.getContext("2d").getImageData(0, 0, canvas.width, canvas.height).data;
          let painted = 0;
          for (let i = 3; i < pixels.length; i += 4) if (pixels[i] !== 0) painted++;
          return painted;
        }"""
    )
    assert drawn > 5_000, "the canvas is blank"
    assert page.evaluate(f"network.body.data.nodes.get('{PROBE}').label") == XSS
    assert page.locator("img").count() == 0
    page.mouse.move(*watched.node_point(PROBE))
    tooltip = page.locator(".vis-tooltip")
    tooltip.wait_for(state="visible", timeout=5_000)
    assert XSS in tooltip.text_content() and tooltip.locator("img").count() == 0
    watched.shot("graph-view-putin.png")
    assert page.evaluate("network.physics.physicsEnabled") is False  # settled, then stopped
    watched.assert_stayed_home(server)


def test_view_click_on_a_node_opens_its_page(server: str, watched: GraphPage):
    watched.open_view(f"{server}/graph/view?focus={PUTIN}")
    watched.page.mouse.click(*watched.node_point(XI))
    watched.page.wait_for_url(f"{server}/entities/{XI}", timeout=5_000)
    assert (
        watched.page.locator("h1").text_content() == "Xi Jinping"
    )  # the entity's page, as a browser sees it
    watched.shot("entity-page-xi.png")
    watched.assert_stayed_home(server)


def test_view_type_filter_hides_and_shows_a_type(server: str, watched: GraphPage):
    watched.open_view(f"{server}/graph/view?focus={PUTIN}&depth=2")
    page = watched.page
    countries = "network.body.data.nodes.get().filter((node) => node.group === 'Country').length"
    shown = page.evaluate(countries)
    assert shown >= 2  # Russia and China at least
    page.locator("#legend input[data-type=Country]").uncheck()
    assert page.evaluate(countries) == 0 and PUTIN in watched.node_ids()
    watched.shot("graph-view-putin-no-countries.png")
    page.locator("#legend input[data-type=Country]").check()
    assert page.evaluate(countries) == shown
    watched.assert_stayed_home(server)


def test_view_focused_on_the_probe_shows_its_name_as_text(server: str, watched: GraphPage):
    watched.open_view(f"{server}/graph/view?focus={PROBE}")
    assert watched.page.locator("h1").text_content() == f"{XSS}: relationships to depth 1"
    assert watched.page.title().startswith(XSS)
    watched.shot("graph-view-probe.png")
    watched.assert_stayed_home(server)


def test_graph_json_over_http(server: str):
    path = httpx.get(f"{server}/graph/path", params={"source": PROBE, "target": XI}, timeout=10).json()
    [steps] = path["paths"]
    assert [s["to"]["id"] for s in steps] == [PUTIN, XI]
    assert steps[0]["relations"][0]["events"][0]["id"] == "event/xss-probe/meeting-1"
    ranking = httpx.get(f"{server}/graph/rank", params={"measure": "degree"}, timeout=10).json()["ranking"]
    assert ranking[0]["id"] in {PUTIN, XI}
    missing = httpx.get(f"{server}/graph/timeline", params={"a": PUTIN, "b": "person/nobody"}, timeout=10)
    assert missing.status_code == 404 and missing.headers["content-type"].startswith(
        "application/problem+json"
    )
