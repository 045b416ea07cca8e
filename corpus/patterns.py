"""Every pattern the pipeline matches source text with, in one place, one comment per group.

Sources are Word or Markdown exports: spaces may be U+00A0 (no-break) and hyphens U+2011, so
``_S`` and ``_H`` stand for "any space" and "any hyphen" in the patterns below.
"""

import re

_S = r"[ \t\u00a0\u202f]"
_H = r"[-\u2011]"

# --- Export artefacts -------------------------------------------------------------------------
# Word bookmarks: "[bookmark: _Toc406757646]", up to four chained on one line. A name has no space
# or bracket, so that a bookmark left unclosed never swallows the text up to a later "]".
BOOKMARK = re.compile(r"\[bookmark:[ \t]*[^\]\[\s]*\]")
# Footnote reference with the printed per-instrument label after it: "[footnoteRef:38]1".
FOOTNOTE_REF = re.compile(r"\[footnoteRef:(\d+)\](\d*)")
# Footnote text at the end of the line that references it: "[38: 1\tThese include…]".
FOOTNOTE_TEXT = re.compile(r"[ \t]*\[(\d+):[ \t]*(\d*)[ \t]*([^\]\n]*)\]")
# Unicode superscript footnote marks of the Markdown export (004): "countries¹".
SUPERSCRIPT_REF = re.compile(r"([¹²³⁴⁵⁶⁷⁸⁹⁰]+)")
# A stray paragraph holding a superscript footnote's text: "¹ These include…".
SUPERSCRIPT_TEXT = re.compile(r"^([¹²³⁴⁵⁶⁷⁸⁹]+)" + _S + r"+(.*)$")
# An image whose picture was not exported.
IMAGE = re.compile(r"^\[image:[^\]]*\]$")

# --- Markdown-ish marks (001, 004) ------------------------------------------------------------
# Tracked deletion "~~old~~" (never crosses a line) and insertion "[new](#)".
DELETION = re.compile(r"~~(.*?)~~")
# One '~~' mark, to pair them: an odd one on a line is left open (a deletion never crosses a line).
DELETION_MARK = re.compile(r"~~")
INSERTION_OR_LOST_LINK = re.compile(r"\[((?:[^\[\]]|\\\[|\\\])*)\]\(#\)")
# A real Markdown link "[text](https://…)" and an autolink "<https://…>".
LINK = re.compile(r"\[([^\[\]]+)\]\(((?:https?|mailto):[^)\s]+)\)")
AUTOLINK = re.compile(r"<((?:https?|mailto):[^>\s]+)>")
STRONG = re.compile(r"\*\*(.+?)\*\*")
EMPHASIS = re.compile(r"(?<![*\w])\*(?!\s)([^*]+?)\*(?![*\w])")
# Backslash escapes of the Markdown export: "Geneva \(June 2014\)".
MD_ESCAPE = re.compile(r"\\([()\[\]*_~#.\-+!`])")
# A Markdown bullet in front of an ITU label: "- a) …", " - 1 …".
MD_BULLET = re.compile(r"^" + _S + r"*-" + _S + r"+(?=\S)")

# --- Instrument headings ----------------------------------------------------------------------
KIND_WORD = r"(?P<kind>resolution|decision|recommendation)"
# "RESOLUTION 130 (Rev. Dubai, 2018)", "Resolution WGPL/1 (Dubai, 2018)", "RESOLUTION 151 (Rev.DUBAI, 2018)".
HEADING = re.compile(
    r"^(?P<draft>draft" + _S + r"+(?:new" + _S + r"+)?)?" + KIND_WORD + _S + r"+"
    r"(?P<number>\[[^\]]+\]|[A-Z0-9][A-Z0-9/\-]*)"
    r"(?:" + _S + r"*\((?P<revision>.*)\))?" + _S + r"*$",
    re.IGNORECASE,
)
# "DRAFT OPINION 1: Enabling environment…" (title on the same line).
OPINION_HEADING = re.compile(
    r"^(?P<draft>draft" + _S + r"+)?opinion" + _S + r"+(?P<number>\d+)" + _S + r"*:" + _S + r"*(?P<title>.*)$",
    re.IGNORECASE,
)
# "ANNEX 2 TO DECISION 5 (REV. dubai, 2018)", "ANNEX TO RESOLUTION 25 (Rev. Dubai, 2018)".
ANNEX_HEADING = re.compile(
    r"^annex(?:" + _S + r"+(?P<n>\d+))?" + _S + r"+to" + _S + r"+" + KIND_WORD + _S + r"+(?P<number>\S+)"
    + _S + r"*\((?P<revision>[^)]*)\)" + _S + r"*$",
    re.IGNORECASE,
)
APPENDIX_HEADING = re.compile(r"^appendix" + _S + r"+(?P<n>[A-Z0-9]+)\.?" + _S + r"+(?P<title>.+)$", re.IGNORECASE)
# Action lines: "MOD\t#49341" (002), "SUP WGPL/149/1", "ADD **WGPL/149/8**" (004).
ACTION = re.compile(r"^(?P<action>MOD|ADD|SUP)" + _S + r"+(?:#\d+|\*{0,2}[A-Z]+/\d+/\d+\*{0,2})" + _S + r"*$")
# A revision in a heading: "Rev. dUBAI, 2018", "Rev.DUBAI, 2018", "Kyoto, 1994".
REVISION = re.compile(r"^(?P<rev>rev\." + _S + r"*)?(?P<place>[^,\d]+?)," + _S + r"*(?P<year>\d{4})$", re.IGNORECASE)
# The enacting formula opens the body: "The Plenipotentiary Conference of the International
# Telecommunication Union (Dubai, 2018),", "The Council,", "The sixth World Telecommunication/ICT
# Policy Forum (Geneva, 2021),".
FORMULA = re.compile(
    r"^The" + _S + r"+(?:Plenipotentiary" + _S + r"+Conference|Council\b|\w+" + _S
    + r"+World" + _S + r"+Telecommunication)",
)

# --- Clause headers (keywords) ----------------------------------------------------------------
# First words of a clause header line: preamble and operative verbs of ITU texts.
CLAUSE_WORDS = (
    "recalling|recognizing|recognising|considering|noting|resolves|instructs|invites|decides|"
    "further|taking|bearing|aware|emphasizing|emphasising|encourages|urges|requests|convinced|"
    "concerned|calls|welcoming|mindful|conscious|having|confirms|authorizes|highlighting|stressing|"
    "appreciating|continues|expresses|reaffirming|observing|recommends|endorsing|acknowledging|"
    "is of the view|recognizing/recalling|notes|affirms|agrees|approves|reminds|underlining"
)
CLAUSE = re.compile(r"^\[?(?:" + CLAUSE_WORDS + r")\b", re.IGNORECASE)

# --- List labels ------------------------------------------------------------------------------
# The label and what follows it. Letters (with the Cyrillic "с" used for "c"), "abis)", roman
# numerals, decimal numbers "1.1", "1)", "a.", dashes and bullets. Bare numbers need a tab in Word
# exports (a sentence may start with a number), a space is enough in Markdown exports.
LETTER_LABEL = r"(?:[a-z\u0441]{1,3}|[a-z](?:bis|ter|quater))[).]"
NUMBER_LABEL = r"\d{1,3}(?:\.\d{1,3})*[).]?"
BULLET_LABEL = r"[–•]"
LABEL_WORD = re.compile(
    r"^(?P<label>" + LETTER_LABEL + r"|" + NUMBER_LABEL + r"|" + BULLET_LABEL + r")"
    r"(?P<sep>" + _S + r"+)(?P<rest>\S.*)$"
)
# A line of a tracked-changes source (004) that starts with a change, as a deleted or inserted item
# or a changed label does: "~~*d)* that …~~", "~~7~~8 to report", "4~~5~~ to consider", "[4 to …]".
CHANGED_ITEM = re.compile(r"^(?:\[|\S*~~)")
ROMAN = re.compile(r"^(?=[ivx])(x{0,3})(ix|iv|v?i{0,3})\)$")
# Numbered report sections "1.1.3\tText" and "2.\tThemes" (003): headings, not list items.
SECTION_NUMBER = re.compile(r"^(?P<num>\d+(?:\.\d+)*)\.?\t(?P<title>.+)$")
# Table captions: "Table 1. Targets", "Table 1: Timetable…", "Table 2".
TABLE_CAPTION = re.compile(r"^Table" + _S + r"+\d+\b.*$")
