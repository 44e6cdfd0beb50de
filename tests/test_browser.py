"""The demo report in a real browser, under four themes, light and dark.

Headless Chromium (Debian's ``chromium``, driven by Playwright through
``executable_path``; nothing is downloaded) opens the built demo served over HTTP,
and axe-core (bundled by axe-playwright-python) checks the pages' main content:
no violation of impact "serious" or "critical".  Contrast is checked again by hand
where axe does not look (the SVG chart), and keyboard access to the annotated
article is checked with real key presses.

Every test here is marked ``browser``: where Chromium or Playwright is missing it
fails, saying what to install; deselect them with ``-m "not browser"``.
"""

from __future__ import annotations

import functools
import http.server
import importlib.util
import os
import shutil
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest
from sphinx.cmd.build import build_main

from factcheck_ext.models import contrast_ratio

pytestmark = pytest.mark.browser

DOCS = Path(__file__).parents[1] / "docs"
CHROMIUM = os.environ.get("FACTCHECK_CHROMIUM", "/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]

#: theme -> the element holding the page's own content (the theme's chrome is the
#: theme's business); themes with a dark mode are checked in both
THEMES = {
    "alabaster": "div.body",
    "furo": "article[role=main]",
    "sphinx_rtd_theme": "div[role=main]",
    "pydata_sphinx_theme": "article.bd-article",
}
DARK_MODE = {"furo", "pydata_sphinx_theme"}
#: theme -> plain Sphinx markup the theme styles below WCAG AA, left out of the check:
#: the Read the Docs theme's inline code (#e74c3c on white, 3.8:1) and link colour
#: (#2980b9, 4.1:1), a known problem of the theme (readthedocs/sphinx_rtd_theme#971);
#: the report's own links and badges are checked under it like everywhere
THEME_OWN_PROBLEMS = {"sphinx_rtd_theme": ["code.literal", "a.reference > span.doc"]}
#: the claims page, the scorecard, a source page, the claimants and the claim index
PAGES = [
    "report/claims",
    "report/scorecard",
    "report/sources",
    "report/claimants",
    "report/followup",
    "report/desk",
    "fc-claimindex",
]
#: what each page shows when it has loaded (the report's pages: verdict badges)
SHOWN = {
    "report/desk": ".fc-desk",
    "fc-claimindex": "table.modindextable, table.domainindex-table",  # (Furo's own)
}
SCHEMES = [
    (theme, scheme)
    for theme in THEMES
    for scheme in (("light", "dark") if theme in DARK_MODE else ("light",))
]


def _unavailable() -> str | None:
    if importlib.util.find_spec("playwright") is None:
        return "Playwright for Python is not installed (the browser extra installs it)"
    if importlib.util.find_spec("axe_playwright_python") is None:
        return "axe-playwright-python is not installed (the browser extra installs it)"
    if not (Path(CHROMIUM).exists() or shutil.which(CHROMIUM)):
        return f"Chromium is not at {CHROMIUM} (apt install chromium; .ci/run does)"
    return None


@pytest.fixture(scope="module")
def site(tmp_path_factory) -> Iterator[str]:
    """The demo built with each theme, served over HTTP (stylesheets of file:// pages
    are not readable by scripts): yields the server's address."""
    reason = _unavailable()
    if reason:
        pytest.fail(f"browser tests cannot run: {reason} (or deselect them with -m 'not browser')")
    root = tmp_path_factory.mktemp("site")
    for theme in THEMES:
        if theme != "alabaster" and importlib.util.find_spec(theme) is None:
            pytest.fail(f"the theme {theme} is not installed (the browser extra installs it)")
        status = build_main(
            [
                "-q",
                "-D",
                f"html_theme={theme}",
                "-b",
                "html",
                "-d",
                str(root / f"{theme}.doctrees"),
                str(DOCS),
                str(root / theme),
            ]
        )
        assert status == 0
    # the standards report: a page of its own, without a theme
    standards = ["-q", "-b", "factcheck-standards", "-d", str(root / "standards.doctrees")]
    assert build_main([*standards, str(DOCS), str(root / "standards")]) == 0
    handler = functools.partial(http.server.SimpleHTTPRequestHandler, directory=str(root))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()


@pytest.fixture(scope="module")
def browser(site):
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield chromium
        chromium.close()


def _open(browser, site: str, theme: str, scheme: str, docname: str):
    page = browser.new_page(color_scheme=scheme, viewport={"width": 1280, "height": 900})
    page.goto(f"{site}/{theme}/{docname}.html")
    return page


@pytest.mark.parametrize(("theme", "scheme"), SCHEMES)
def test_axe_finds_no_serious_violation(browser, site, theme, scheme):
    from axe_playwright_python.sync_playwright import Axe

    axe = Axe()
    found = {}
    for docname in PAGES:
        page = _open(browser, site, theme, scheme, docname)
        assert page.locator(SHOWN.get(docname, ".fc-badge")).first.is_visible(), docname
        context = {
            "include": [[THEMES[theme]]],
            "exclude": [[s] for s in THEME_OWN_PROBLEMS.get(theme, [])],
        }
        result = axe.run(page, context=context)
        assert result.response["passes"], docname  # axe really ran on the content
        serious = [
            (v["id"], [n["target"] for n in v["nodes"][:3]])
            for v in result.response["violations"]
            if v["impact"] in ("serious", "critical")
        ]
        if serious:
            found[docname] = serious
        page.close()
    assert found == {}


def _rgb(colour: str) -> str:
    """``rgb(r, g, b)`` as ``#rrggbb``."""
    parts = colour[colour.index("(") + 1 : colour.index(")")].split(",")
    return "#" + "".join(f"{round(float(p)):02x}" for p in parts[:3])


#: the colour behind an element: its own background and its ancestors', composited
#: (a highlight is the verdict's colour at 15% over the page)
_BACKGROUND = """e => {
  const layers = [];
  for (let n = e; n; n = n.parentElement) {
    const m = getComputedStyle(n).backgroundColor.match(/[\\d.]+/g).map(Number);
    const alpha = m.length > 3 ? m[3] : 1;
    if (alpha > 0) layers.push([m[0], m[1], m[2], alpha]);
    if (alpha >= 1) break;
  }
  let rgb = [255, 255, 255];
  for (const [r, g, b, a] of layers.reverse())
    rgb = [r * a + rgb[0] * (1 - a), g * a + rgb[1] * (1 - a), b * a + rgb[2] * (1 - a)];
  return `rgb(${rgb.join(', ')})`; }"""


@pytest.mark.parametrize(("theme", "scheme"), SCHEMES)
def test_badges_chart_and_highlights_keep_their_contrast(browser, site, theme, scheme):
    page = _open(browser, site, theme, scheme, "report/scorecard")
    checked = 0
    for selector, attribute in (
        (".fc-badge", "color"),
        (".fc-summary-chart text", "fill"),
        (".fc-mark", "color"),
    ):
        for element in page.locator(selector).all():
            text = _rgb(element.evaluate(f"e => getComputedStyle(e).{attribute}"))
            ground = _rgb(element.evaluate(_BACKGROUND))
            assert contrast_ratio(text, ground) >= 4.5, (selector, text, ground)
            checked += 1
    assert checked > 30
    # the claim box keeps its padding (Furo zeroes the padding of page containers)
    page.goto(page.url.replace("scorecard", "claims"))
    padding = page.locator(".fc-claim").first.evaluate(
        "e => parseFloat(getComputedStyle(e).paddingLeft)"
    )
    assert padding >= 8
    page.close()


def test_every_marked_quote_is_reachable_with_tab_and_says_its_verdict(browser, site):
    page = _open(browser, site, "alabaster", "light", "report/scorecard")
    marks = page.locator(".fc-annotated a:has(.fc-mark)")
    expected = marks.count()
    assert expected >= 10
    wanted = set(range(expected))
    reached: set[int] = set()
    for _ in range(400):
        page.keyboard.press("Tab")
        position = page.evaluate("""() => { const all = [...document.querySelectorAll(
            '.fc-annotated a')].filter(a => a.querySelector('.fc-mark'));
            return all.indexOf(document.activeElement); }""")
        if position >= 0:
            reached.add(position)
        if reached == wanted:
            break
    assert reached == wanted
    # the accessible name of each marked quote ends with its verdict
    snapshot = page.locator(".fc-annotated").aria_snapshot()
    assert (
        'link "The protests that began in response to rising fuel prices (verdict: True)"'
        in snapshot
    )
    assert "(verdict: Unverifiable)" in snapshot and "(verdict: Opinion)" in snapshot
    page.close()


def test_the_chart_has_a_text_equivalent(browser, site):
    page = _open(browser, site, "furo", "dark", "report/scorecard")
    chart = page.get_by_role("img", name="Verdicts for West must stand up to Russia")
    assert chart.count() == 1
    name = chart.evaluate(
        "e => document.getElementById(e.getAttribute('aria-labelledby')).textContent"
    )
    for words in ("True: 5 (56%)", "Mostly true: 2 (22%)", "Opinion: 3 (not rated)"):
        assert words in name
    # and the same numbers as a table
    assert page.locator("table.fc-summary-table").first.is_visible()
    page.close()


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_the_standards_report_passes_axe(browser, site, scheme):
    from axe_playwright_python.sync_playwright import Axe

    page = browser.new_page(color_scheme=scheme)
    page.goto(f"{site}/standards/standards.html")
    assert page.get_by_role("heading", level=1).inner_text().startswith("Standards report")
    result = Axe().run(page)
    assert result.response["passes"]
    serious = [
        v["id"] for v in result.response["violations"] if v["impact"] in ("serious", "critical")
    ]
    assert serious == []
    page.close()
