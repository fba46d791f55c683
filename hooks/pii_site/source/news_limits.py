"""Bounds on a news body, checked before Python-Markdown renders it: size, paragraph length,
brackets and nesting. news.py calls `body_problem` once per language's body; a body past a bound
is refused with its line instead of being rendered, because some inputs make rendering quadratic
(10 KB of "[" took 40 s) or deeply recursive ("1. " repeated: RecursionError, a traceback).
"""

from __future__ import annotations

import bisect
import re

from pii_site.source.errors import Problem, file_problem

# Far above any real post (a long commune news item is 3,000-5,000 characters), and small enough
# that the quadratic cost left once the checks below pass stays near a second for a whole body.
BODY_LIMIT = 50_000
# Python-Markdown spends about a quarter of a millisecond on each block (paragraph, heading), so
# 50,000 characters of one-letter paragraphs took 4 s a rendering; a long post has 100 lines.
LINE_LIMIT = 2_000
# Python-Markdown's inline work is quadratic in the length of one paragraph (each match rebuilds
# the paragraph's text): 50,000 characters of "a<" in one paragraph took 12 s, in paragraphs of
# 2,000 one second. A long paragraph of prose is about 1,500 characters.
PARAGRAPH_LIMIT = 5_000
# A "[" scans forward for its "]" (and a "](" for its ")") once per link pattern, to the end of
# the paragraph when there is none: unclosed or deeply nested brackets are the quadratic case.
BRACKET_DEPTH_LIMIT = 3
# Each nested quote or list item is a recursion of the block parser.
BLOCK_DEPTH_LIMIT = 10
# Each of these characters starts an inline match (an escape, code, emphasis, link, entity; news.py
# turns "<", "{" and "}" into an entity or an escape), and the cost of a match grows with the
# number of matches in the whole body: 49,000 "<" in short paragraphs took 7 s. A long post with
# thirty links and some bold text has a couple of hundred.
MARKUP_CHARACTERS = "\\`*_[<&{}"
MARKUP_LIMIT = 2_000

_BACKTICKS = re.compile(r"`+")
# One container opened at the start of a line: a quote ">" or a list item "-", "*", "+", "1.", "1)".
_CONTAINER = re.compile(r"[ \t]*(?:>|(?:[*+-]|\d{1,9}[.)])(?:[ \t]+|$))")
# A thematic break ("* * *", "- - -") looks like nested list items but is one line of its own.
_THEMATIC_BREAK = re.compile(r"^ {0,3}(?:(?:\*[ \t]*){3,}|(?:-[ \t]*){3,}|(?:_[ \t]*){3,})$")


def body_problem(lines: list[str], first_line: int, label: str) -> Problem | None:
    """The first bound `lines` (one language's body, starting on file line `first_line`) breaks,
    or None. One problem at most: a hostile body would otherwise yield thousands of messages."""
    length = sum(len(line) + 1 for line in lines) - 1
    if length > BODY_LIMIT:
        return file_problem(label, first_line, "news_too_long", length=length, limit=BODY_LIMIT)
    if len(lines) > LINE_LIMIT:
        return file_problem(label, first_line + LINE_LIMIT, "news_too_many_lines", count=len(lines), limit=LINE_LIMIT)
    markup = 0
    for index, line in enumerate(lines):
        markup += sum(line.count(char) for char in MARKUP_CHARACTERS)
        if markup > MARKUP_LIMIT:
            return file_problem(
                label, first_line + index, "news_too_much_markup", signs=" ".join(MARKUP_CHARACTERS), limit=MARKUP_LIMIT
            )
    for start, paragraph in _paragraphs(lines):
        problem = _paragraph_problem(paragraph, first_line + start, label)
        if problem is not None:
            return problem
    return None


def _paragraphs(lines: list[str]) -> list[tuple[int, list[str]]]:
    """Runs of non-blank lines, with the index of their first line."""
    runs: list[tuple[int, list[str]]] = []
    for index, line in enumerate(lines):
        if not line.strip():
            continue
        if runs and runs[-1][0] + len(runs[-1][1]) == index:
            runs[-1][1].append(line)
        else:
            runs.append((index, [line]))
    return runs


def _paragraph_problem(lines: list[str], first_line: int, label: str) -> Problem | None:
    text = "\n".join(lines)
    if len(text) > PARAGRAPH_LIMIT:
        return file_problem(label, first_line, "news_paragraph_too_long", length=len(text), limit=PARAGRAPH_LIMIT)
    for index, line in enumerate(lines):
        depth = _block_depth(line)
        if depth > BLOCK_DEPTH_LIMIT:
            return file_problem(label, first_line + index, "news_blocks_too_deep", depth=depth, limit=BLOCK_DEPTH_LIMIT)
    return _bracket_problem(_without_code(text), first_line, label)


def _without_code(text: str) -> str:
    """`text` with its code spans made spaces (newlines kept, so positions still give lines):
    brackets in code are text. As in Python-Markdown, a run of n backticks opens a span that the
    next run of exactly n closes, and a run with no such partner is text. Linear on purpose: a
    regular expression with a back-reference to the run took minutes on 2,000 backticks."""
    runs = []
    for run in _BACKTICKS.finditer(text):
        start = run.start() + (text[run.start() - 1 : run.start()] == "\\")  # "\`" is an escaped backtick
        if start < run.end():
            runs.append((start, run.end()))
    runs_of_length: dict[int, list[int]] = {}
    for index, (start, end) in enumerate(runs):
        runs_of_length.setdefault(end - start, []).append(index)
    characters = list(text)
    index = 0
    while index < len(runs):
        start, end = runs[index]
        same = runs_of_length[end - start]
        partner = bisect.bisect_right(same, index)
        if partner == len(same):
            index += 1
            continue
        closing = same[partner]
        for position in range(start, runs[closing][1]):
            if characters[position] != "\n":
                characters[position] = " "
        index = closing + 1
    return "".join(characters)


def _block_depth(line: str) -> int:
    if _THEMATIC_BREAK.match(line):
        return 0
    depth = position = 0
    while (container := _CONTAINER.match(line, position)) and container.end() > position:
        depth += 1
        position = container.end()
    return depth


def _bracket_problem(text: str, first_line: int, label: str) -> Problem | None:
    """Every "[" closed by "]" and every "](" (a link's address) by ")" in the paragraph, and
    brackets at most BRACKET_DEPTH_LIMIT deep: then each character is scanned a few times only."""
    openers: list[int] = []  # positions of the "[" not closed yet
    address_start = -1  # position of the "(" of a link address being read, else -1
    parentheses = 0
    position = 0
    while position < len(text):
        char = text[position]
        if char == "\\":
            position += 2  # an escaped character is text
            continue
        if address_start >= 0:
            parentheses += {"(": 1, ")": -1}.get(char, 0)
            if parentheses == 0:
                address_start = -1
        elif char == "[":
            openers.append(position)
            if len(openers) > BRACKET_DEPTH_LIMIT:
                line = first_line + text.count("\n", 0, position)
                return file_problem(
                    label, line, "news_brackets_too_deep", depth=len(openers), limit=BRACKET_DEPTH_LIMIT
                )
        elif char == "]" and openers:
            openers.pop()
            if text.startswith("(", position + 1):
                address_start, parentheses = position + 1, 1
                position += 1
        position += 1
    unclosed = [(start, "(", ")")] if (start := address_start) >= 0 else []
    unclosed += [(start, "[", "]") for start in openers[:1]]
    if not unclosed:
        return None
    start, found, closing = min(unclosed)
    line = first_line + text.count("\n", 0, start)
    return file_problem(label, line, "news_unclosed_bracket", found=found, closing=closing)
