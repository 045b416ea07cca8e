"""Find citations of resolutions, decisions, recommendations and opinions in one cleaned paragraph.

``find_citations(text, context)`` returns typed ``Citation`` objects with exact spans
(``text[c.start:c.end] == c.text``), one per cited number (a list "Resolutions 70, 175 and 198
(Rev. Dubai, 2018)" gives three). The adopting body is read from the words around the number
("of WTDC", "UNGA Resolution", "Resolution ITU-R 48"), else from the conference of the revision
("Rev. Hammamet, 2016" is WTSA), else from the form of the number ("68/198" is UNGA, "1305" is
Council), else, for a bare number, from the citing text's own body. Nothing here links: that is
resolve.py's job.

Every pattern is anchored at a known position or searched in a bounded window, so the scan is
linear in the length of the text.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field

from corpus.ids import slugify
from corpus.model import Citation, CiteContext

# ================================================================================================
# Patterns (citation grammar). ``_S`` is any space (sources use U+00A0 and U+202F), ``_H`` any
# hyphen (U+2011 in "ITU‑R").
# ================================================================================================
_S = r"[ \t\u00a0\u202f]"
_H = r"[-\u2011]"

# An anchor: a self-reference ("this resolution", "the present resolution", "this Opinion") or a
# kind word with a capital first letter ("Resolution", "RESOLUTIONS", never "recommendation 12").
ANCHOR = re.compile(
    r"(?P<self>\b(?:[Tt]his|[Tt]he" + _S + r"+present)" + _S
    + r"+(?P<skind>(?i:resolution|decision|recommendation|opinion))\b(?!" + _S + r"*\d))"
    r"|(?<![\w\u2011-])(?P<kind>R(?i:esolution|ecommendation)|D(?i:ecision)|O(?i:pinion))(?P<plural>[sS])?\b"
)

# A body abbreviation written between the kind word and the number: "Resolution ITU‑R 48",
# "Recommendation ITU-T X.1205", "Recommendation ITU T E.1100", "Resolution WTDC 9".
INFIX = re.compile(_S + r"+(?P<infix>ITU(?:" + _H + r"|" + _S + r")?[RTD]|WTDC|WTSA|UNGA|ECOSOC)(?=" + _S + r")")

# The number, as printed. Order matters: the longest forms first.
NUMBER = re.compile(
    _S + r"*(?P<number>"
    r"\[[A-Za-z0-9][A-Za-z0-9/\-\u2011]*\]"  # bracketed draft number: [COVID-19], [WG-PL/7]
    r"|(?:COM\d{1,2}|WGPL|WG" + _H + r"PL)/\d{1,3}"  # provisional PP numbers: COM5/2, WGPL/1
    r"|(?:A/RES/)?\d{1,4}/\d{1,4}[A-Z]?"  # UN style: 68/198, 72/266B, A/RES/70/1, 2012/24
    r"|[A-Z]\.\d{1,5}(?:\.\d+)*(?:/Suppl\.\d+)?"  # ITU-T/ITU-R Recommendation: X.1205, E.164
    r"|\d{1,4}(?![\d/])"  # plain number: 71, 1305
    r")(?![\w/])"
)
# The revision suffix of an ITU-R Resolution number: "ITU‑R 7‑3", "ITU-R 62-1".
ITU_R_SUFFIX = re.compile(_H + r"\d{1,2}(?!\d)")
# A body abbreviation written after the number: "Resolution 10 WTDC (Rev. Hyderabad, 2010)".
POSTFIX = re.compile(_S + r"+(?P<postfix>WTDC|WTSA|UNGA)\b")

# A place name inside a revision: letters (accents included), spaces, dots, hyphens.
_PLACE = r"[A-Za-z\u00c0-\u024f][A-Za-z\u00c0-\u024f'.\-\u2011 \u00a0]{0,30}?"
# The revision in parentheses. "(Rev. Dubai, 2018)", "(Rev.DUBAI, 2018)", "(Rev. Dubai 2018)",
# "(Busan, 2014)", "(Rev. Buenos Aires, 2017 )", "(Rev. (Hammamet, 2016)" (stray parenthesis),
# "(Rev.- Dubai, 2014)" (left by a deletion), "(Rev.WRC-15)", "(WRC-2015)", "(RA-12)",
# "(Rev. Council 2020)", "(Rev. 2015)", "(2008)", "(2016, last amended 2017)".
REVISION = re.compile(
    _S + r"*\(" + _S + r"*(?P<rev>Rev\.?(?:" + _S + r"*" + _H + r")?" + _S + r"*)?(?P<open>\()?" + _S + r"*(?:"
    r"(?P<conf>WRC|RA|WTSA|WTDC)(?:" + _H + r"|" + _S + r")?(?P<yy>\d{2}(?:\d{2})?)(?!\d)"  # WRC-15
    r"|(?:Council" + _S + r"+)?(?P<cyear>\d{4})(?:," + _S + r"*last" + _S
    + r"+(?:modified|amended)" + _S + r"+\d{4})?"  # Council: (2008), (Rev. Council 2020)
    r"|(?P<place>" + _PLACE + r")," + r"?" + _S + r"*(?P<year>\d{4})(?!\d)"  # (Rev. Dubai, 2018)
    r")" + _S + r"*\)(?(open)\)?)"
)
# A parenthesis that is meant as a revision but is garbled by tracked changes: "(Rev. )",
# "(Johannesburg, 2008Rev. Dubai, 2012)", "(Rev. HyderabadDubai, 20140)". It is consumed, so that
# the words after it still count, but it gives no revision. A title in parentheses ("Decision 5
# (Revenue and expenses for the Union)") has neither "Rev." nor a year and is left alone.
GARBLED_REVISION = re.compile(_S + r"*\((?=[^()\n]{0,60}\))(?=[^()\n]*?(?:Rev\.|\d{4}))[^()\n]{0,60}\)")
# The conferences named inside a garbled revision ("Hyderabad, 2010" and "Rev. Dubai, 2014"): when
# all were held by one body, that body is known even though the revision is not.
GARBLED_CONFERENCE = re.compile(
    r"(?:Rev\.?" + _S + r"*)?(?P<place>[A-Z][A-Za-z\u00c0-\u024f\- ]{1,30}?),?" + _S + r"*(?P<year>\d{4})(?!\d)"
)

# Words after the citation naming the adopting body; they are part of the citation's span.
_OF = _S + r"*,?" + _S + r"+of" + _S + r"+(?:the" + _S + r"+)?(?:of" + _S + r"+the" + _S + r"+)?"
_ORDINAL = r"(?P<ordinal>(?i:first|second|third|fourth|fifth|sixth|seventh))"
BODY_PHRASE = re.compile(
    _OF + r"(?:"
    r"(?P<this>this|the" + _S + r"+present)" + _S + r"+conference"  # "of this conference"
    r"|(?P<pp>(?:ITU" + _S + r"+)?Plenipotentiary" + _S + r"+Conference(?:" + _S + r"*\(PP\))?)"
    r"|(?P<wtdc>(?:ITU" + _S + r"+)?World" + _S + r"+Telecommunication" + _S + r"+(?:Development" + _S
    + r"+Conference(?:" + _S + r"*\(WTDC\))?|Conference" + _S + r"*\(WTDC\))|WTDC)"
    r"|(?P<wtsa>World" + _S + r"+Telecommunication" + _S + r"+Standardization" + _S + r"+Assembly(?:" + _S
    + r"*\(WTSA\))?|WTSA)"
    r"|(?P<ra>(?:ITU" + _S + r"+)?Radiocommunication" + _S + r"+Assembly(?:" + _S + r"*\(RA\))?|RA)"
    r"|(?P<wrc>World" + _S + r"+Radiocommunication" + _S + r"+Conference(?:" + _S + r"*\(WRC\))?|WRC)"
    r"|(?P<wcit>World" + _S + r"+Conference" + _S + r"+on" + _S + r"+International" + _S
    + r"+Telecommunications(?:" + _S + r"*\(WCIT\))?|WCIT)"
    r"|(?P<unga>(?:United" + _S + r"+Nations|UN)" + _S + r"+General" + _S + r"+Assembly(?:" + _S
    + r"*\(UNGA\))?|General" + _S + r"+Assembly" + _S + r"+of" + _S + r"+the" + _S + r"+United" + _S
    + r"+Nations|UNGA)"
    r"|(?P<ecosoc>ECOSOC|(?:United" + _S + r"+Nations" + _S + r"+)?Economic" + _S + r"+and" + _S
    + r"+Social" + _S + r"+Council)"
    r"|(?P<council>(?:ITU" + _S + r"+)?Council(?:" + _S + r"+(?P<cyear>\d{4}))?)"
    r"|(?P<wtpf>(?:(?:" + _ORDINAL + r"|(?P<wyear>\d{4}))" + _S + r"+)?World" + _S
    + r"+Telecommunication(?:/(?:ICT|Information" + _S + r"+and" + _S + r"+Communication" + _S
    + r"+Technolog(?:y|ies)(?:" + _S + r"*\(ICT\))?))?" + _S + r"+(?:Policy" + _S + r"+)?Forum(?:"
    + _S + r"*\(WTPF\))?|WTPF)"
    r")(?![\w\u2011-])",
    re.IGNORECASE,
)
# Words after the citation that name the body without being part of it: "Resolution 1327 adopted
# by the Council at its 2011 session", "adopted by the 2012 session of the ITU Council".
ADOPTED_BY = re.compile(
    _S + r"*,?" + _S + r"+(?:adopted|approved)" + _S + r"+(?:by|at)" + _S + r"+(?:the" + _S + r"+)?"
    r"(?:\d{4}" + _S + r"+session" + _S + r"+of" + _S + r"+the" + _S + r"+)?(?:ITU" + _S + r"+)?"
    r"(?:(?P<council>Council)|(?P<unga>(?:United" + _S + r"+Nations" + _S + r"+)?General" + _S
    + r"+Assembly|UNGA))\b"
)
# Words just before the kind word naming the body: "UNGA Resolution", "United Nations General
# Assembly (UNGA) Resolution", "ITU Council Resolution", "WTDC‑17 adopted Resolution",
# "the United Nations General Assembly, in its Resolution", "(UNGA) through Resolution".
_BRIDGE = r"(?:" + _S + r"*,?" + _S + r"+(?:has" + _S + r"+)?(?:adopted|in" + _S + r"+its|in" + _S
_BRIDGE += r"+adopting|through)(?:" + _S + r"+new)?)?"
BODY_PREFIX = re.compile(
    r"(?:(?P<hrc>Human" + _S + r"+Rights" + _S + r"+Council)"
    r"|(?P<ecosoc>ECOSOC)"
    r"|(?P<unga>UNGA|(?:(?:United" + _S + r"+Nations|UN)" + _S + r"+)?General" + _S + r"+Assembly)"
    r"|(?P<council>(?:ITU" + _S + r"+)?Council)"
    r"|(?P<pp>Plenipotentiary" + _S + r"+Conference)"
    r"|(?P<wtdc>WTDC)|(?P<wtsa>WTSA)|(?P<wrc>WRC)|(?P<wcit>WCIT)|(?P<wtpf>WTPF)"
    r")(?:" + _S + r"*\((?:UNGA|WTDC|WTSA)\))?(?:" + _H + r"\d{0,2})?\)?" + _BRIDGE + _S + r"+\Z"
)
# A generic mention, not a citation of one text: "the respective Resolution 1 on working methods".
GENERIC_PREFIX = re.compile(r"\brespective" + _S + r"+\Z")
# Spreadsheet captions and table titles: "Table 2 Decision 5", "Table Resolution 71".
TABLE_PREFIX = re.compile(r"\bTable(?:" + _S + r"+\d+)?" + _S + r"+\Z", re.IGNORECASE)
# The cited part, written before the kind word: "Annex 2 to", "the annex to", "resolves 2 of",
# "recognizing e) of", "resolves 1 to 11 of", "instructs the Secretary-General 3 of".
PART_PREFIX = re.compile(
    r"(?:(?P<annex>Annex|annex|ANNEX)(?:" + _S + r"+(?P<n>\d+))?" + _S + r"+(?:to|in|of|TO)" + _S
    + r"+(?:the" + _S + r"+)?"
    r"|(?P<clause>(?:further" + _S + r"+)?(?:resolves|recognizing|recognising|considering|recalling|"
    r"noting|decides|instructs|invites)(?:" + _S + r"+the)?(?:" + _S + r"+[A-Z][\w\u2011-]*){0,6})"
    + _S + r"+(?P<label>\d+(?:\.\d+)*|[a-z]{1,4}\))(?:" + _S + r"+to" + _S + r"+\d+)?" + _S
    + r"+(?:of|in)" + _S + r"+)\Z"
)
# Separators between the numbers of a list: "70, 175 and 198", "139, and 140", "18 (…) 18 (…)".
LIST_SEPARATOR = re.compile(_S + r"*,?" + _S + r"*and" + _S + r"+|" + _S + r"*," + _S + r"*|" + _S + r"+")
# A list that goes on after a title: "15 (Rev. Hyderabad, 2010), on applied research …, 20 (…)".
LIST_TITLE_GAP = re.compile(
    _S + r"*," + _S + r"*on" + _S + r"+[^;()\[\]\n]{1,250}?(?:" + _S + r"*,?" + _S + r"*and" + _S + r"+|"
    + _S + r"*," + _S + r"*)(?=\d)"
)
# The date after a UN resolution number in a list: "71/243 of 21 December 2016".
UN_DATE = re.compile(_S + r"+of" + _S + r"+\d{1,2}" + _S + r"+[A-Z][a-z]+" + _S + r"+\d{4}")
# A whole paragraph that is an instrument, annex or cover-table heading, not a citation:
# "RESOLUTION 70 (Rev. dUBAI, 2018)", "ANNEX 1 TO Resolution COM5/2 (Dubai, 2018)",
# "SUP\tRESOLUTION 35", "DRAFT NEW RESOLUTION [WG-PL/7]", "DRAFT OPINION 1: Enabling…". A lone
# "Resolution 71 (Rev. Dubai, 2018)" is a heading only when something marks it as one (see
# _is_heading): its first word in capitals, an action or "draft" before it, or a number
# that only headings carry (COM5/2, WGPL/1, [COVID-19]).
HEADING_LINE = re.compile(
    r"^(?P<marker>(?:(?:MOD|ADD|SUP)" + _S + r"+)?(?:draft" + _S + r"+(?:new" + _S + r"+)?)?(?:annex(?:" + _S
    + r"+\d+)?" + _S + r"+to" + _S + r"+)?)(?P<kind>resolution|decision|recommendation)" + _S
    + r"+(?P<number>\S+)(?:" + _S + r"*\([^()]*\))?$"
    r"|^draft" + _S + r"+opinion" + _S + r"+\d+" + _S + r"*:",
    re.IGNORECASE,
)
PROVISIONAL_NUMBER = re.compile(r"^(?:\[|COM\d|WG)", re.IGNORECASE)

# ================================================================================================
# Tables
# ================================================================================================
# Conferences by (place slug, year): the bodies that met there, most likely first. Opinions only
# come from WTPF; the other kinds never do. Dubai 2012 is WTSA-12 (WCIT-12 only when named).
CONFERENCES: dict[tuple[str, int], tuple[str, ...]] = {
    ("nairobi", 1982): ("PP",), ("nice", 1989): ("PP",), ("geneva", 1992): ("PP",),
    ("kyoto", 1994): ("PP",), ("minneapolis", 1998): ("PP", "WTPF-98"), ("marrakesh", 2002): ("PP",),
    ("antalya", 2006): ("PP",), ("guadalajara", 2010): ("PP",), ("busan", 2014): ("PP",),
    ("dubai", 2018): ("PP",), ("bucharest", 2022): ("PP",),
    ("buenos-aires", 1994): ("WTDC",), ("valletta", 1998): ("WTDC",), ("istanbul", 2002): ("WTDC",),
    ("doha", 2006): ("WTDC",), ("hyderabad", 2010): ("WTDC",), ("dubai", 2014): ("WTDC",),
    ("buenos-aires", 2017): ("WTDC",), ("kigali", 2022): ("WTDC",),
    ("helsinki", 1993): ("WTSA",), ("geneva", 1996): ("WTSA", "WTPF-96"), ("montreal", 2000): ("WTSA",),
    ("florianopolis", 2004): ("WTSA",), ("johannesburg", 2008): ("WTSA",), ("dubai", 2012): ("WTSA",),
    ("hammamet", 2016): ("WTSA",), ("geneva", 2022): ("WTSA",),
    ("istanbul", 2000): ("RA",), ("geneva", 2003): ("RA",), ("geneva", 2007): ("RA",),
    ("geneva", 2012): ("RA",), ("geneva", 2015): ("RA",), ("sharm-el-sheikh", 2019): ("RA",),
    ("dubai", 2023): ("RA",),
    ("geneva", 2001): ("WTPF-01",), ("lisbon", 2009): ("WTPF-09",), ("geneva", 2013): ("WTPF-13",),
    ("geneva", 2021): ("WTPF-21",),
}
# How each place is written in a normalised revision.
PLACE_NAMES = {
    slugify(name): name
    for name in (
        "Nairobi", "Nice", "Geneva", "Kyoto", "Minneapolis", "Marrakesh", "Antalya", "Guadalajara",
        "Busan", "Dubai", "Bucharest", "Buenos Aires", "Valletta", "Istanbul", "Doha", "Hyderabad",
        "Kigali", "Helsinki", "Montreal", "Florianópolis", "Johannesburg", "Hammamet",
        "Sharm el-Sheikh", "Lisbon",
    )
}
# Body slugs of citing texts -> body names of citations ("same body as the citing text").
CONTEXT_BODIES = {"pp": "PP", "council": "Council", "wtpf-21": "WTPF-21"}
# Kinds each body adopts, for the same-body rule.
BODY_KINDS = {
    "PP": ("resolution", "decision", "recommendation"),
    "Council": ("resolution", "decision"),
    "WTPF-21": ("opinion",),
}
# WTPF sessions by ordinal ("the fifth WTPF") and by year ("the 2009 WTPF").
WTPF_ORDINALS = {"fourth": "WTPF-09", "fifth": "WTPF-13", "sixth": "WTPF-21"}
WTPF_YEARS = {"1996": "WTPF-96", "1998": "WTPF-98", "2001": "WTPF-01", "2009": "WTPF-09",
              "2013": "WTPF-13", "2021": "WTPF-21"}
# Body abbreviations written inside the citation, by kind: "Resolution ITU-R 48" is an RA text,
# "Recommendation ITU-T X.1205" an ITU-T one.
INFIX_BODIES = {
    "ITU-R": ("RA", "ITU-R"), "ITU-T": ("WTSA", "ITU-T"), "ITU-D": ("WTDC", "ITU-D"),
    "WTDC": ("WTDC", "WTDC"), "WTSA": ("WTSA", "WTSA"), "UNGA": ("UNGA", "UNGA"),
    "ECOSOC": ("ECOSOC", "ECOSOC"),
}
# Named groups of BODY_PHRASE / BODY_PREFIX / ADOPTED_BY -> body names.
GROUP_BODIES = {
    "pp": "PP", "wtdc": "WTDC", "wtsa": "WTSA", "ra": "RA", "wrc": "WRC", "wcit": "WCIT",
    "unga": "UNGA", "ecosoc": "ECOSOC", "council": "Council", "hrc": "HRC", "wtpf": "WTPF",
}
UN_NUMBER = re.compile(r"^(?:A/RES/)?\d{1,2}/\d{1,3}[A-Z]?$")
PREFIX_WINDOW = 120
"""How far before a kind word the part patterns look ("instructs the Secretary-General 3 of")."""
BODY_WINDOW = 72
"""How far before a kind word the body patterns look ("United Nations General Assembly (UNGA) through")."""
BODY_WORDS = ("Council", "UNGA", "Assembly", "ECOSOC", "Plenipotentiary", "WTDC", "WTSA", "WRC",
              "WCIT", "WTPF")
"""Cheap test before BODY_PREFIX: one of these must occur in the window."""
PART_WORDS = ("nnex", "NNEX", "resolves", "recogni", "consider", "recalling", "noting", "decides",
              "instructs", "invites")
"""Cheap test before PART_PREFIX: one of these must occur in the window."""


# ================================================================================================
# What one parse collects
# ================================================================================================
@dataclass
class _Item:
    """One number of a citation or list, with what is written right next to it."""

    start: int
    end: int
    number: str
    infix: str = ""
    revision: tuple[bool, str, str] | None = None
    """(has 'Rev.', place or '' for a year alone or a conference abbreviation, year or 'WRC-15')."""
    revision_body: str = ""
    garbled: bool = False


@dataclass
class _Parse:
    """A citation phrase: one or more numbers sharing a kind, prefix words and trailing words."""

    start: int
    kind: str
    items: list[_Item] = field(default_factory=list)
    part: str = ""
    words_body: str = ""
    generic: bool = False


# ================================================================================================
# Public API
# ================================================================================================
def find_citations(text: str, context: CiteContext) -> list[Citation]:
    """Every citation in one cleaned paragraph, in text order, one per cited number."""
    if _is_heading(text.strip()):
        return []
    found: list[Citation] = []
    consumed = 0
    for anchor in ANCHOR.finditer(text):
        if anchor.start() < consumed:
            continue
        if anchor.group("self"):
            if not _refers_back(anchor, found):
                found.append(_self_citation(text, anchor, context))
            consumed = anchor.end()
            continue
        parse = _parse_citation(text, anchor, context)
        if parse is None:
            continue
        found.extend(_citations(text, parse, context))
        consumed = parse.items[-1].end
    return found


# ================================================================================================
# Rules, in the order they apply to one anchor
# ================================================================================================
def _is_heading(text: str) -> bool:
    """The whole paragraph is an instrument, annex or cover-table heading."""
    heading = HEADING_LINE.match(text)
    if heading is None:
        return False
    if heading.group("kind") is None:  # "DRAFT OPINION 1: …"
        return True
    marker, first_word = heading.group("marker"), text.split()[0]
    return bool(re.match(r"(?i:MOD|ADD|SUP|draft)\b", marker) or first_word.isupper()
                or PROVISIONAL_NUMBER.match(heading.group("number")))


def _refers_back(anchor: re.Match[str], found: list[Citation]) -> bool:
    """'…UNGA Resolution A/RES/70/125 … In this Resolution, a request…': a capitalised "this
    Resolution" after a citation of another text of that kind means that text, not the citing one.
    (WTPF opinions write "this Opinion" for themselves; they cite no other opinion before it.)"""
    kind = anchor.group("skind")
    return kind[0].isupper() and any(c.kind == kind.lower() and c.type != "self" for c in found)


def _self_citation(text: str, anchor: re.Match[str], context: CiteContext) -> Citation:
    """'this resolution', 'Annex 2 to this resolution', 'resolves 3 of this resolution'."""
    kind = anchor.group("skind").lower()
    start, part = _part_before(text, anchor.start())
    same = kind == context.kind
    return Citation(
        start=start, end=anchor.end(), text=text[start : anchor.end()], type="self",
        body=CONTEXT_BODIES.get(context.body, "") if same else "",
        kind=kind, number=context.number if same else "",
        revision=context.conference if same else "", part=part,
    )


def _parse_citation(text: str, anchor: re.Match[str], context: CiteContext) -> _Parse | None:
    """Kind word, number(s), revisions and body words; None when no number follows."""
    before = text[max(0, anchor.start() - PREFIX_WINDOW) : anchor.start()]
    if "able" in before[-24:].lower() and TABLE_PREFIX.search(before[-24:]):
        return None
    kind = anchor.group("kind").lower()
    first = _parse_item(text, anchor.end(), kind)
    if first is None:
        return None
    parse = _Parse(start=anchor.start(), kind=kind, items=[first])
    if anchor.group("plural"):
        _extend_list(text, parse)
    _read_prefix(text, parse, before)
    _read_trailing_words(text, parse, context)
    return parse


def _parse_item(text: str, position: int, kind: str) -> _Item | None:
    """One number with its infix body, postfix body and revision, starting at ``position``."""
    infix = INFIX.match(text, position)
    if infix:
        position = infix.end()
    number = NUMBER.match(text, position)
    if number is None:
        return None
    end = number.end()
    infix_name = _infix_name(infix.group("infix")) if infix else ""
    if infix_name == "ITU-R":
        suffix = ITU_R_SUFFIX.match(text, end)
        end = suffix.end() if suffix else end
    item = _Item(start=number.start("number"), end=end, number=_clean_number(text[number.start("number") : end]))
    if infix_name:
        item.infix = INFIX_BODIES[infix_name][0 if kind != "recommendation" else 1]
    postfix = POSTFIX.match(text, item.end)
    if postfix:
        item.infix, item.end = postfix.group("postfix"), postfix.end()
    _read_revision(text, item, kind)
    return item


def _read_revision(text: str, item: _Item, kind: str) -> None:
    """The parenthesis after the number: a revision, or a garbled one (consumed, no revision)."""
    revision = REVISION.match(text, item.end)
    if revision:
        item.end = revision.end()
        has_rev = bool(revision.group("rev"))
        if revision.group("conf"):
            conf = f"{revision.group('conf')}-{revision.group('yy')[-2:]}"
            item.revision, item.revision_body = (has_rev, "", conf), revision.group("conf")
        elif revision.group("cyear"):
            item.revision = (has_rev, "Council" if "Council" in revision.group(0) else "", revision.group("cyear"))
            item.revision_body = "Council" if item.revision[1] else ""
        else:
            place = _place_name(revision.group("place"))
            item.revision = (has_rev, place, revision.group("year"))
            item.revision_body = _conference_body(place, int(revision.group("year")), kind)
        return
    garbled = GARBLED_REVISION.match(text, item.end)
    if garbled:
        item.end, item.garbled = garbled.end(), True
        bodies = {
            _conference_body(_place_name(found.group("place")), int(found.group("year")), kind)
            for found in GARBLED_CONFERENCE.finditer(garbled.group(0))
        }
        item.revision_body = bodies.pop() if len(bodies) == 1 else ""


def _extend_list(text: str, parse: _Parse) -> None:
    """More numbers after a plural kind word: '70, 175 and 198', '15 (…), on …, 20 (…)'."""
    while True:
        last = parse.items[-1]
        item = _next_list_item(text, last, parse.kind)
        if item is None:
            return
        parse.items.append(item)


def _next_list_item(text: str, last: _Item, kind: str) -> _Item | None:
    """The next item of a list, or None where the list ends."""
    position = last.end
    date = UN_DATE.match(text, position) if "/" in last.number else None
    if date:
        position = date.end()
    separator = LIST_SEPARATOR.match(text, position)
    if separator:
        item = _parse_item(text, separator.end(), kind)
        plain_gap = not text[position : separator.end()].strip(" \t\u00a0\u202f,")
        if item and not item.infix and (not plain_gap or "," in separator.group(0) or item.revision):
            return item
    gap = LIST_TITLE_GAP.match(text, position)
    if gap:
        item = _parse_item(text, gap.end(), kind)
        if item and (item.revision or ("/" in item.number and "/" in last.number)):
            return item
    return None


def _read_prefix(text: str, parse: _Parse, before: str) -> None:
    """Body words, generic markers and the cited part written before the kind word."""
    cut = len(before)
    near = before[-BODY_WINDOW:]
    body = BODY_PREFIX.search(near) if any(word in near for word in BODY_WORDS) else None
    if body:
        parse.words_body = GROUP_BODIES[body.lastgroup or ""]
        cut = len(before) - len(near) + body.start()
    if "respective" in before[max(0, cut - 16) : cut] and GENERIC_PREFIX.search(before[:cut]):
        parse.generic = True
    start, parse.part = _part_before(text, parse.start - (len(before) - cut))
    if parse.part:
        parse.start = start


def _part_before(text: str, position: int) -> tuple[int, str]:
    """('annex-2' | 'resolves-2' | '', start of the part words) for the words ending at position."""
    window = text[max(0, position - PREFIX_WINDOW) : position]
    if not any(word in window for word in PART_WORDS):
        return position, ""
    part = PART_PREFIX.search(window)
    if not part:
        return position, ""
    start = position - len(window) + part.start()
    if part.group("annex"):
        return start, f"annex-{part.group('n')}" if part.group("n") else "annex"
    return start, f"{slugify(part.group('clause'))}-{slugify(part.group('label'))}"


def _read_trailing_words(text: str, parse: _Parse, context: CiteContext) -> None:
    """'of the Plenipotentiary Conference', 'of this conference', 'adopted by the Council'."""
    last = parse.items[-1]
    phrase = BODY_PHRASE.match(text, last.end)
    if phrase:
        last.end = phrase.end()
        if phrase.group("wtpf") and not last.revision:
            _read_revision(text, last, parse.kind)  # "Opinion 2 of the fifth WTPF (Geneva, 2013)"
        if phrase.group("this"):
            parse.words_body = parse.words_body or CONTEXT_BODIES.get(context.body, "")
        else:
            parse.words_body = _phrase_body(phrase) or parse.words_body
        return
    adopted = ADOPTED_BY.match(text, last.end)
    if adopted and not parse.words_body:
        parse.words_body = GROUP_BODIES[adopted.lastgroup or ""]


def _phrase_body(phrase: re.Match[str]) -> str:
    """The body a BODY_PHRASE names; a WTPF session from its ordinal or year when given."""
    name = next(group for group in GROUP_BODIES if phrase.groupdict().get(group))
    if name != "wtpf":
        return GROUP_BODIES[name]
    ordinal, year = phrase.group("ordinal"), phrase.group("wyear")
    if ordinal:
        return WTPF_ORDINALS.get(ordinal.lower(), "WTPF")
    return WTPF_YEARS.get(year or "", "WTPF")


# ================================================================================================
# From a parse to Citation objects
# ================================================================================================
def _citations(text: str, parse: _Parse, context: CiteContext) -> list[Citation]:
    """One Citation per item, with shared revisions and bodies applied across the list."""
    facts = [_Facts(parse, item, revision, revision_body, context)
             for item, (revision, revision_body) in zip(parse.items, _shared_revisions(parse.items))]
    if len(facts) > 1:
        own = {_decide_body(fact, OWN_BODY_RULES) for fact in facts} - {""}
        shared = own.pop() if len(own) == 1 else ""
        for fact in facts:
            fact.list_body = shared
    citations = []
    for index, fact in enumerate(facts):
        body, item = _decide_body(fact, BODY_RULES), fact.item
        start = parse.start if index == 0 else item.start
        citations.append(
            Citation(
                start=start, end=item.end, text=text[start : item.end],
                type=_type(parse, item, body), body=body, kind=parse.kind, number=item.number,
                revision=_format_revision(fact.revision, body), part=parse.part if index == 0 else "",
            )
        )
    return citations


def _shared_revisions(items: list[_Item]) -> list[tuple[tuple[bool, str, str] | None, str]]:
    """Each item's revision and revision body; an item without one takes the next one's."""
    result: list[tuple[tuple[bool, str, str] | None, str]] = []
    carried: tuple[tuple[bool, str, str] | None, str] = (None, "")
    for item in reversed(items):
        if item.revision or item.garbled:
            carried = (item.revision, item.revision_body)
        result.append(carried)
    return result[::-1]


@dataclass
class _Facts:
    """What is known about one cited number when its body is decided."""

    parse: _Parse
    item: _Item
    revision: tuple[bool, str, str] | None
    revision_body: str
    context: CiteContext
    list_body: str = ""


def _body_from_words(facts: _Facts) -> str:
    """'of WTDC', 'UNGA Resolution', 'Resolution ITU-R 48'; 'of WTPF' takes its session from the revision."""
    words = facts.item.infix or facts.parse.words_body
    if words == "WTPF" and facts.revision_body.startswith("WTPF"):
        return facts.revision_body
    return words


def _body_from_revision(facts: _Facts) -> str:
    """'(Rev. Hammamet, 2016)' is WTSA, '(Rev. Dubai, 2014)' WTDC, '(Rev. Geneva, 2015)' RA."""
    return facts.revision_body


def _body_from_number(facts: _Facts) -> str:
    """'68/198' is a UNGA resolution; 'Resolution 1305' and 'Decision 584' are Council texts."""
    kind, number = facts.parse.kind, facts.item.number
    if facts.parse.generic:
        return ""
    if UN_NUMBER.match(number):
        return "UNGA"
    if number.isdigit() and ((kind == "resolution" and 1000 <= int(number) < 2000)
                             or (kind == "decision" and 400 <= int(number) < 1000)):
        return "Council"
    return ""


def _body_from_list(facts: _Facts) -> str:
    """A list item with nothing of its own takes the body all the other items agree on."""
    return facts.list_body


def _body_of_citing_text(facts: _Facts) -> str:
    """A bare number ('Resolution 71', no revision, no body words) is the citing text's own body,
    if that body adopts texts of the kind; never for 'the respective Resolution 1' or 'N/M' numbers."""
    kind, number = facts.parse.kind, facts.item.number
    if facts.revision or facts.item.garbled or facts.parse.generic:
        return ""
    if "/" in number and not number.upper().startswith(("COM", "WG")):
        return ""
    body = CONTEXT_BODIES.get(facts.context.body, "")
    return body if kind in BODY_KINDS.get(body, ()) else ""


BODY_RULES: tuple[tuple[str, Callable[[_Facts], str]], ...] = (
    ("words", _body_from_words),
    ("revision", _body_from_revision),
    ("number", _body_from_number),
    ("list", _body_from_list),
    ("citing-text", _body_of_citing_text),
)
"""How the adopting body is decided, first rule that answers wins."""
OWN_BODY_RULES = BODY_RULES[:3]
"""The rules that look only at one item (what the items of a list share is computed from these)."""


def _decide_body(facts: _Facts, rules: tuple[tuple[str, Callable[[_Facts], str]], ...]) -> str:
    """The answer of the first rule that gives one; '' when none does."""
    for _name, rule in rules:
        body = rule(facts)
        if body:
            return body
    return ""


def _type(parse: _Parse, item: _Item, body: str) -> str:
    if parse.part:
        return "part"
    if len(parse.items) > 1:
        return "list"
    if not body:
        return "unknown"
    return "full" if item.revision or item.garbled or item.infix or parse.words_body else "short"


# ================================================================================================
# Normalisation
# ================================================================================================
def _format_revision(revision: tuple[bool, str, str] | None, body: str) -> str:
    """'Rev. Dubai, 2018', 'Busan, 2014', 'Rev. WRC-15', 'Rev. Council 2020', 'Council 2008'."""
    if revision is None:
        return ""
    has_rev, place, year = revision
    prefix = "Rev. " if has_rev else ""
    if not place and (body == "Council") and year.isdigit():
        place = "Council"
    if place == "Council":
        return f"{prefix}Council {year}"
    return f"{prefix}{place}, {year}" if place else f"{prefix}{year}"


def _place_name(printed: str) -> str:
    """'dUBAI' -> 'Dubai', 'BUENOS AIRES' -> 'Buenos Aires'; unknown places as printed."""
    printed = " ".join(printed.replace("\u00a0", " ").split()).rstrip(".")
    if printed.lower() == "council":
        return "Council"
    known = PLACE_NAMES.get(slugify(printed))
    if known:
        return known
    return printed.title() if printed.isupper() or printed.islower() else printed


def _conference_body(place: str, year: int, kind: str) -> str:
    """The body that met at (place, year), chosen for the kind: opinions come from WTPF only."""
    if place == "Council":
        return "Council"
    for body in CONFERENCES.get((slugify(place), year), ()):
        if (kind == "opinion") == body.startswith("WTPF"):
            return body
    return ""


def _infix_name(printed: str) -> str:
    """'ITU‑R', 'ITU R', 'ITUR' -> 'ITU-R'; other abbreviations unchanged."""
    return f"ITU-{printed[-1]}" if printed.startswith("ITU") else printed


def _clean_number(printed: str) -> str:
    """'[COVID-19]' -> 'COVID-19', '7‑3' -> '7-3'."""
    return _fold(printed.strip("[]"))


def _fold(text: str) -> str:
    return text.replace("\u2011", "-").replace("\u00a0", " ")
