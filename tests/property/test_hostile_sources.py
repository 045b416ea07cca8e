"""Hostile and garbled sources: the build never crashes, never writes outside docs/, never lets
source text run as code.

The strategies mix real lines of the five bundled sources with instrument headings, action lines,
list labels, tracked-change and footnote marks (terminated or not), bookmarks, control characters,
NBSP/U+2011, very long lines and strings that would be live syntax in HTML, Markdown, Jinja or
CriticMarkup. Every run uses a fixed seed (derandomize) and a bounded number of examples; the long
run draws fresh examples (a random seed, failures kept in .hypothesis/ and replayed next time):

    HYPOTHESIS_PROFILE=long .venv/bin/python -m pytest tests/property -q -p no:cacheprovider \
        --hypothesis-show-statistics
"""

from __future__ import annotations

import html
import json
import os
import re
import tempfile
from dataclasses import dataclass
from html.parser import HTMLParser
from pathlib import Path

import yaml
from hypothesis import HealthCheck, event, given, settings
from hypothesis import strategies as st
from integration.site_build import build_site

from build_corpus import build_corpus, format_diagnostic, main
from corpus import patterns
from corpus.ids import parse_id, slugify
from corpus.model import Diagnostic
from corpus.render import render_site
from corpus.render_html import front_matter
from corpus.write import write_pages

ROOT = Path(__file__).resolve().parents[2]

# Profiles of this file only (registered under their own names, so that Hypothesis' built-in
# "ci" profile used by the other tests stays as it is); HYPOTHESIS_PROFILE=long picks the long run.
_COMMON = {"deadline": None, "print_blob": True, "suppress_health_check": [HealthCheck.too_slow, HealthCheck.data_too_large]}
settings.register_profile("hostile-sources-ci", derandomize=True, database=None, **_COMMON)
settings.register_profile("hostile-sources-long", derandomize=False, **_COMMON)
PROFILE = os.environ.get("HYPOTHESIS_PROFILE", "ci")
if PROFILE not in ("ci", "long"):
    raise ValueError(f"HYPOTHESIS_PROFILE={PROFILE!r}: use 'ci' (the default) or 'long'")
BASE = settings.get_profile(f"hostile-sources-{PROFILE}")
# Examples per test: (pipeline properties, full mkdocs builds). The long run is ~50x the CI run.
PIPELINE_EXAMPLES, SITE_EXAMPLES = {"ci": (60, 4), "long": (3000, 60)}[PROFILE]

# --- What sources are made of -----------------------------------------------------------------

SOURCE_LINES = tuple(
    line for path in sorted((ROOT / "sources").glob("*.txt")) for line in path.read_text(encoding="utf-8").split("\n")
)
# Real lines that cannot open an instrument: the site-build test numbers its headings itself.
PLAIN_LINES = tuple(line for line in SOURCE_LINES if not patterns.HEADING.match(line.strip(" \t\u00a0"))
                    and not patterns.OPINION_HEADING.match(line.strip(" \t\u00a0")))

HOSTILE = (
    "<script>alert(1)</script>", "<img src=x onerror=alert(1)>", "<iframe src=javascript:alert(1)>",
    "<svg onload=alert(1)>", "<style>body{display:none}</style>", "</div></article><script>alert(1)",
    "{{ config }}", "{{ config.extra }}", "{% raw %}", "{% endraw %}", "{# c #}", "{%- include 'x' -%}",
    "{++ x ++}", "{-- x --}", "{~~a~>b~~}", "{== x ==}", "{>> x <<}",
    "](javascript:alert(1))", "[y](javascript:alert(1))", "[y](JaVaScRiPt:alert(1))", "<javascript:alert(1)>",
    "[x](https://evil.example/\"onmouseover=\"alert(1))", "<https://evil.example/\">", "[x]: javascript:alert(1)",
    "../../etc/passwd", "..\\..\\etc\\passwd", "| a | b |", "|---|---|", "# heading", "## heading {#id}",
    "---", "***", "```", "~~~", "    indented code", "> quote", "<!--", "-->", "<![CDATA[", "&amp;", "&#60;script&#62;",
    "\\", "`code`", "*em*", "__bold__", "^^sup^^", "~sub~", "==mark==", "[^1]", "[^1]: note", "*[HTML]: abbr",
    "!!! note", "??? note", '=== "Tab"', "{ #id .class onclick=alert(1) }", "{: onclick=alert(1) }",
    '<div markdown="1">', "</div>", "---\ntitle: x", ":material-home:", "&nbsp;", "%s%n", "${7*7}",
)
MARKS = (
    "~~", "~~x~~", "~~GUADALAJARA, 2010~~BUSAN, 2014", "[x](#)", "[", "]", "](#)", "(#)", "**", "**x**", "*",
    "[footnoteRef:3]1", "[footnoteRef:3]", "[footnoteRef:4]2", "[footnoteRef:99999999999999999999]7", "[footnoteRef:",
    "[3: 1\ttext of the note]", "[4: 2\tanother note]", "[3: 1\tunterminated", "[3:", "[99999999999999999999: 1 x]",
    "¹", "²³", "¹ text of a note", "[bookmark: _Toc406757646]", "[bookmark: ", "[image: x.png]", "\\(", "\\[", "\\]",
    "- ", " - a) ", "[recalling](#)", "~~resolves~~",
)
SPECIAL_CHARACTERS = tuple(chr(c) for c in (*range(1, 9), *range(11, 32), 0x7F, 0x85)) + (
    "\t", "\u00a0", "\u202f", "\u2011", "\u2010", "\u2013", "\u200b", "\u200e", "\u202e", "\ufeff", "\u2028", "\u2029",
    "\u0441", "\U0001f600", "\u0301", "ﷺ", "\ufffd",
)
ACTIONS = ("MOD\t#1", "ADD\t#49341", "SUP\t#2", "SUP WGPL/149/1", "ADD **WGPL/149/8**", "MOD **WGPL/149/3", "MOD")
KINDS = ("RESOLUTION", "Resolution", "DECISION", "RECOMMENDATION", "Draft new Resolution", "DRAFT RESOLUTION", "Decision")
# Odd numbers carry the instrument's own number ({n}), so that no two instruments share one.
ODD_NUMBERS = ("[COVID-{n}]", "COM5/{n}", "[WG-PL/{n}]", "[../../etc/passwd{n}]", "[<script>alert({n})</script>]",
               "[{{{{ config }}}}{n}]", "[javascript:alert({n})]", "[{n}" + "9" * 300 + "]", "0{n}", "A/B/C{n}")
REVISIONS = (
    "", " (Rev. Dubai, 2018)", " (Dubai, 2018)", " (Rev. Busan, 2014)", " (REV. [GUADALAJARABUSAN, 2010](#)~~2014~~)",
    " (Rev. ~~GUADALAJARA, 2010~~BUSAN, 2014)", " (Rev.DUBAI, 2018)", " (Kyoto, 1994)", " ({{ config }})",
    " (<script>alert(1)</script>, 2018)", " (Rev. " + "x" * 5000 + ", 2018)", " (", " (Rev. Geneva, 2021)",
)
FORMULAS = (
    "The Plenipotentiary Conference of the International Telecommunication Union (Dubai, 2018),",
    "The Plenipotentiary Conference of the International Telecommunication Union (Busan, 2014)", "The Council,",
    "The sixth World Telecommunication/ICT Policy Forum (Geneva, 2021),", "The Council",
)
CLAUSES = ("recalling", "considering", "resolves", "instructs the Secretary-General", "invites Member States",
           "decides", "further resolves", "[recalling", "noting", "resolves to instruct the Directors of the Bureaux")
LABELS = ("a)\t", "b)\t", "\u0441)\t", "i)\t", "ii)\t", "iv)\t", "1\t", "2\t", "1.1\t", "abis)\t", "–\t", "•\t",
          "- a) ", " - 1 ", "1)\t", "a.\t", "999)\t", "x)\t", "1.1.3\t", "2.\t")
ANNEXES = ("ANNEX TO RESOLUTION 12 (Rev. Dubai, 2018)", "ANNEX 2 TO DECISION 5 (REV. dubai, 2018)", "Annex",
           "APPENDIX A. Allocation of resources", "ANNEX 1 TO RESOLUTION [../..] ({{ config }})", "Table 1. Targets")
# Repeated to make very long lines (and to look for quadratic regular expressions).
LONG_UNITS = ("x", "~~a", "[footnoteRef:1]", "(", "[", "a) ", "**", "[x](#)", "\t", "Resolution 1 ", "<script>", "¹", "- ")


@st.composite
def fragments(draw: st.DrawFn, real: tuple[str, ...] = SOURCE_LINES) -> str:
    """One piece of a line; long repeats are rare so that a build stays quick."""
    roll = draw(st.integers(0, 99))
    if roll < 30:
        return draw(st.sampled_from(real))
    if roll < 48:
        return draw(st.sampled_from(HOSTILE))
    if roll < 66:
        return draw(st.sampled_from(MARKS))
    if roll < 76:
        return draw(st.sampled_from(SPECIAL_CHARACTERS))
    if roll < 86:
        return draw(st.sampled_from(LABELS + CLAUSES))
    if roll < 98:  # any characters but NUL, which makes the whole file an error (test_bad_input.py)
        return draw(st.text(st.characters(codec="utf-8", exclude_characters="\x00"), max_size=12))
    return draw(st.sampled_from(LONG_UNITS)) * draw(st.integers(1_000, 40_000))


def lines(real: tuple[str, ...] = SOURCE_LINES, max_size: int = 6) -> st.SearchStrategy[list[str]]:
    """Lines of 0 to 3 fragments each."""
    return st.lists(st.lists(fragments(real), max_size=3).map("".join), max_size=max_size)


@st.composite
def heading(draw: st.DrawFn, number: int) -> str:
    """An instrument heading whose number is ``number`` unless an odd one is drawn."""
    if draw(st.integers(0, 9)) == 0:
        return f"{draw(st.sampled_from(('DRAFT OPINION', 'Opinion')))} {number}: {draw(st.sampled_from(HOSTILE + SOURCE_LINES))}"
    shown = draw(st.sampled_from(ODD_NUMBERS)).format(n=number) if draw(st.integers(0, 9)) == 0 else str(number)
    return f"{draw(st.sampled_from(KINDS))} {shown}{draw(st.sampled_from(REVISIONS))}"


@st.composite
def body_lines(draw: st.DrawFn, real: tuple[str, ...]) -> list[str]:
    """A clause keyword, a labelled item, a table row, an annex heading or any line."""
    roll = draw(st.integers(0, 5))
    if roll == 0:
        return [draw(st.sampled_from(CLAUSES))]
    if roll == 1:
        return [draw(st.sampled_from(LABELS)) + "".join(draw(st.lists(fragments(real), min_size=1, max_size=3)))]
    if roll == 2:
        cells = draw(st.lists(fragments(real), min_size=2, max_size=5))
        return [draw(st.sampled_from(("\t", "\t\t", " | "))).join(cells)]
    if roll == 3:
        return [draw(st.sampled_from(ANNEXES)), ""]
    return draw(lines(real, max_size=2))


@st.composite
def instruments(draw: st.DrawFn, number: int, real: tuple[str, ...]) -> list[str]:
    """An action line, heading, title and formula (each may be missing or garbled), then a body."""
    out = [draw(st.sampled_from(ACTIONS))] if draw(st.booleans()) else []
    out += [draw(heading(number)), *draw(lines(real, max_size=2))]
    if draw(st.integers(0, 3)):
        out.append(draw(st.sampled_from(FORMULAS)))
    for part in draw(st.lists(body_lines(real), max_size=10)):
        out += part
    return out


@st.composite
def source_texts(draw: st.DrawFn, first_number: int, real: tuple[str, ...] = SOURCE_LINES, opens: bool = False) -> str:
    """A whole .txt: instruments, runs of real lines and loose lines, with any line ending;
    ``opens``: it starts with an instrument (so it is never empty)."""
    out: list[str] = []
    for index in range(draw(st.integers(1, 5))):
        roll = 0 if opens and index == 0 else draw(st.integers(0, 9))
        if roll < 5:
            out += draw(instruments(first_number + index, real))
        elif roll < 7:
            start = draw(st.integers(0, len(real) - 1))
            out += real[start : start + draw(st.integers(1, 40))]
        else:
            out += draw(lines(real))
    newline = draw(st.sampled_from(("\n", "\n", "\r\n", "\r")))
    return draw(st.sampled_from(("", "\ufeff"))) + newline.join(out) + draw(st.sampled_from(("", newline)))


# File names an editor might give; {i} (the source's index) keeps their slugs apart: two names
# with one slug are tests/integration/test_bad_input.py's.
STEMS = ("doc-{i}", "Final Acts {{{{ config }}}} <b> {i}", "\u00dcBER {i}", ".hidden-{i}", "-{i}-", "{i}" + "9" * 240,
         "\u03a9\u03bc\u03ad\u03b3\u03b1 {i}", "a..b {i}", "CON {i}", "x\u202e{i}")
CONFERENCES = (("pp", "Dubai, 2018", 2018), ("pp", "Busan, 2014", 2014), ("council", "Council 2020", 2020),
               ("wtpf-21", "Geneva, 2021", 2021), ("itu", "CSTD, 2020", 2020))


@st.composite
def metadata(draw: st.DrawFn, line_count: int) -> dict[str, object]:
    """A valid .yml: free-text fields may be hostile; the attachment (lines inside the file of
    ``line_count`` lines: past the end is tests/integration/test_bad_input.py) may target nothing."""
    body, conference, year = draw(st.sampled_from(CONFERENCES))
    meta: dict[str, object] = {
        "title": draw(st.sampled_from(HOSTILE + ("Final Acts",))), "body": body, "body_name": "Plenipotentiary Conference",
        "conference": conference, "year": year, "status": draw(st.sampled_from(("adopted", "proposed", "draft"))),
        "markup": draw(st.sampled_from(("word-export", "markdown", "markdown-changes"))), "symbol": draw(st.sampled_from(("", *HOSTILE))),
    }
    if draw(st.integers(0, 4)) == 0:
        first = draw(st.integers(1, line_count))
        target = draw(st.sampled_from((f"{body}/resolution/1@{slugify(conference)}#annex-1", f"{body}/resolution/1@{slugify(conference)}",
                                       "nowhere", "{{ config }}", "../../etc/passwd", "<script>alert(1)</script>")))
        meta["attachments"] = [{"lines": f"{first}-{draw(st.integers(first, line_count))}", "caption": draw(st.sampled_from(HOSTILE)),
                                "target": target, "layout": draw(st.sampled_from(("tab-sheet", "text")))}]
    return meta


@dataclass(frozen=True)
class Folder:
    """A sources folder to write: file stem -> (text, metadata); and whether topics.yml is there."""

    sources: dict[str, tuple[str, dict[str, object]]]
    topics: bool


@st.composite
def folders(draw: st.DrawFn, max_sources: int = 2, unique_headings: bool = False) -> Folder:
    """One or more sources; with ``unique_headings`` no two instruments share a number and no
    source is empty (the only errors a build can then report)."""
    real = PLAIN_LINES if unique_headings else SOURCE_LINES
    count = draw(st.integers(1, max_sources))
    sources = {}
    for i in range(count):
        text = draw(source_texts(1 + 100 * i, real, unique_headings))
        line_count = len(text.replace("\r\n", "\n").replace("\r", "\n").split("\n"))
        sources[draw(st.sampled_from(STEMS)).format(i=i)] = (text, draw(metadata(line_count)))
    return Folder(sources, draw(st.booleans()))


def write_folder(root: Path, folder: Folder) -> Path:
    """Write the .txt/.yml pairs (and the real topics.yml) into root/sources."""
    sources = root / "sources"
    sources.mkdir()
    for stem, (text, meta) in folder.sources.items():
        (sources / f"{stem}.txt").write_bytes(text.encode("utf-8"))
        (sources / f"{stem}.yml").write_text(yaml.safe_dump(meta, allow_unicode=True), encoding="utf-8")
    if folder.topics:
        (sources / "topics.yml").write_bytes((ROOT / "sources" / "topics.yml").read_bytes())
    return sources


# --- What must hold ---------------------------------------------------------------------------

SAFE_PATH = re.compile(r"^[a-z0-9][a-z0-9.-]*(?:/[a-z0-9][a-z0-9.-]*)*\.(?:md|json)$")
# Every tag the renderer writes; a tag outside this list in a page came from source text.
RENDERER_TAGS = frozenset((
    "a", "br", "caption", "circle", "code", "dd", "del", "div", "dl", "dt", "em", "g", "h1", "h2", "h3", "h4", "h5", "h6",
    "hr", "ins", "label", "li", "line", "nav", "ol", "p", "q", "span", "strong", "sup", "svg", "table", "td", "text", "th",
    "title", "tr", "ul",
))
URL_ATTRIBUTES = frozenset(("href", "src", "action", "formaction", "xlink:href", "data", "srcdoc"))


def assert_diagnostics_point_into_files(diagnostics: tuple[Diagnostic, ...], root: Path) -> None:
    """Every problem is a Diagnostic naming an existing file, a line of it, and prints with a caret."""
    for diagnostic in diagnostics:
        assert isinstance(diagnostic, Diagnostic)
        assert diagnostic.severity in ("error", "warning"), diagnostic
        path = root / diagnostic.path
        assert path.is_file(), diagnostic
        count = len(path.read_bytes().decode("utf-8", "replace").replace("\r\n", "\n").replace("\r", "\n").split("\n"))
        assert 1 <= diagnostic.line <= count and diagnostic.col >= 1, diagnostic
        assert format_diagnostic(diagnostic, root).startswith(f"{diagnostic.path}:{diagnostic.line}:{diagnostic.col}: ")


class _Tags(HTMLParser):
    """Tags, attributes and script text of an HTML or Markdown document."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, list[tuple[str, str | None]]]] = []
        self.script_text: list[str] = []
        self._in_script = False

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, attrs))
        self._in_script = tag == "script"

    def handle_endtag(self, tag):
        self._in_script = False

    def handle_data(self, data):
        if self._in_script:
            self.script_text.append(data)


def live_code(tags: list[tuple[str, list[tuple[str, str | None]]]]) -> list[str]:
    """Event-handler attributes and script URLs (as a browser reads them: controls and spaces ignored)."""
    found = []
    for tag, attrs in tags:
        for name, value in attrs:
            scheme = re.sub(r"[\x00-\x20]", "", value or "").lower()
            if name.startswith("on") or (name in URL_ATTRIBUTES and scheme.startswith(("javascript:", "vbscript:", "data:text/html"))):
                found.append(f"<{tag} {name}={value!r}>")
    return found


def assert_page_is_inert(path: str, text: str) -> None:
    """No tag the renderer does not write, no script URL or handler, no template or Markdown link syntax."""
    if path.endswith(".json"):
        json.loads(text)
        return
    front, _, body = text.partition("\n---\n") if text.startswith("---\n") else ("", "", text)
    if front:
        assert isinstance(yaml.safe_load(front[4:]), dict), path
    parser = _Tags()
    parser.feed(body)
    assert {tag for tag, _ in parser.tags} <= RENDERER_TAGS, (path, {tag for tag, _ in parser.tags} - RENDERER_TAGS)
    assert live_code(parser.tags) == [], path
    for syntax in ("{{", "{%", "{#", "](javascript:", "{++", "{--", "{~~", "{==", "{>>"):
        assert syntax not in body, (path, syntax, body[max(0, body.find(syntax) - 200) : body.find(syntax) + 200])


def assert_paths_stay_in_docs(root: Path, pages: dict[str, str]) -> None:
    """Page paths are slugs under docs/; the build wrote nothing anywhere else."""
    docs = (root / "docs").resolve()
    for relative in pages:
        assert SAFE_PATH.match(relative) and ".." not in relative.split("/"), relative
        assert docs in (docs / relative).resolve().parents, relative
    written = {p.relative_to(root).as_posix() for p in root.rglob("*") if p.is_file()}
    outside = {p for p in written if not p.startswith(("sources/", "docs/"))}
    assert outside == set()
    assert {p.removeprefix("docs/") for p in written if p.startswith("docs/")} == set(pages) | {".generated"}


def assert_ids_are_well_formed(corpus_text: str) -> None:
    """Every id in corpus.json reads back as itself (DESIGN: str(parse(s)) == s)."""
    data = json.loads(corpus_text)
    for instrument in data["instruments"]:
        for identifier in [instrument["id"], *(version["id"] for version in instrument["versions"])]:
            assert str(parse_id(identifier)) == identifier


# --- The properties ---------------------------------------------------------------------------


@settings(BASE, max_examples=PIPELINE_EXAMPLES)
@given(folder=folders())
def test_any_source_builds_into_inert_pages_inside_docs(folder: Folder) -> None:
    """(a) no stage raises and every problem is a Diagnostic; when the CLI would write pages,
    (b) every page path is a slug path inside docs/ and (c) no page holds live code."""
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        sources = write_folder(root, folder)
        corpus, histories, attached = build_corpus(sources)
        assert_diagnostics_point_into_files(corpus.diagnostics, root)
        if any(d.severity == "error" for d in corpus.diagnostics):
            event("an error: the CLI writes nothing")
            return
        event(f"{len(corpus.versions)} versions" if len(corpus.versions) < 5 else "5+ versions")
        pages = render_site(corpus, histories, attached)
        write_pages(root / "docs", pages)
        assert_paths_stay_in_docs(root, pages)
        assert len([p for p in pages if p.startswith("documents/")]) == len(corpus.sources)  # a page each
        for path, text in pages.items():
            assert_page_is_inert(path, text)
        assert_ids_are_well_formed(pages["corpus.json"])


def assert_site_is_inert(site: Path) -> None:
    """In every built HTML page: no handler or script URL, and no script that runs source text."""
    for page in site.rglob("*.html"):
        parser = _Tags()
        parser.feed(page.read_text(encoding="utf-8"))
        assert live_code(parser.tags) == [], page
        assert "alert(" not in "".join(parser.script_text), page


@settings(BASE, max_examples=SITE_EXAMPLES)
@given(folder=folders(max_sources=1, unique_headings=True))
def test_any_error_free_source_passes_mkdocs_strict(folder: Folder) -> None:
    """(d) the generated Markdown of any source without errors builds with `mkdocs build --strict`."""
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        result = build_site(root, write_folder(root, folder))
        assert result.returncode == 0, result.stderr[-3000:]
        assert_site_is_inert(root / "site")


def test_a_number_too_long_for_a_file_name_is_an_error_not_a_traceback(tmp_path):
    """A 300-digit number in a heading: the build reports it (or shortens the slug), never a traceback."""
    sources = tmp_path / "sources"
    sources.mkdir()
    (sources / "doc.txt").write_text(f"MOD\t#1\nRESOLUTION [{'9' * 300}]\nTitle\n", encoding="utf-8")
    (sources / "doc.yml").write_bytes((ROOT / "sources" / "pp-2018-dubai-final-acts.yml").read_bytes().split(b"attachments:")[0])
    code = main(["build", "--sources", str(sources), "--out", str(tmp_path / "docs")])
    written = [p for p in (tmp_path / "docs").rglob("*")] if code == 0 else []
    assert all(len(p.name.encode()) <= 255 for p in written)


@settings(BASE, max_examples=PIPELINE_EXAMPLES)
@given(title=st.text(), description=st.text(), boost=st.integers(0, 9), exclude=st.booleans())
def test_front_matter_reads_back_as_the_values_it_was_given(title, description, boost, exclude):
    """Any title (quotes, '#', ': ', C1 controls, line separators, emoji) survives as YAML that
    MkDocs' reader accepts and reads back unchanged."""
    front = front_matter(title, description, {"boost": boost, "exclude": exclude})
    assert front.startswith("---\n") and front.endswith("\n---\n\n")
    expected = {"title": html.escape(title, quote=False), "search": {"boost": boost, "exclude": exclude}}
    if description:
        expected["description"] = html.escape(description[:300], quote=True)
    assert yaml.safe_load(front[4:-5]) == expected
