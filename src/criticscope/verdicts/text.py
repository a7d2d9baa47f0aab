"""Text preparation for the verdict model: normalisation, negation scope, a fast
fallback sentence splitter, and the hedging cues critics use in mixed reviews.

The training data mixes raw IMDb reviews (HTML line breaks, typographic quotes) with
Rotten Tomatoes sentences that were lower-cased and tokenised ("it's burns' visuals ,
characters and ..."); :func:`normalize` brings both, and new critic text, to one form.
"""

from __future__ import annotations

import itertools
import re
from typing import Any

_BR = re.compile(r"<br\s*/?>", re.I)
_TAGS = re.compile(r"<[^>]{1,40}>")
_PUNCT = re.compile(r"([.,!?;:()\"])")
_SPACE = re.compile(r"\s+")
_TRANSLATE = {
    ord("\u2019"): "'", ord("\u2018"): "'", ord("\u201c"): '"', ord("\u201d"): '"',
    ord("\u2014"): " - ", ord("\u2013"): " - ", ord("\u2026"): "...", ord("\u00a0"): " ",
}
# A negator marks the next three words ("not_good"), stopping at a conjunction.
_NEGATOR = r"(?:not|no|never|nothing|nobody|none|neither|nor|without|cannot|\w+n't)"
_SCOPE = re.compile(r"\b(" + _NEGATOR + r")\b((?:\s+[^\s.,!?;:]+){1,3})")
_SCOPE_STOP = frozenset({"but", "and", "or", "yet"})


def _mark(m: re.Match[str]) -> str:
    marked: list[str] = []
    words = m.group(2).split()
    for word in words:
        if word in _SCOPE_STOP:
            break
        marked.append("not_" + word)
    return m.group(1) + " " + " ".join(marked + words[len(marked):])


def normalize(text: str) -> str:
    """Lower-case, unify quotes and dashes, space out punctuation, mark negation scope."""
    text = _TAGS.sub(" ", _BR.sub(" ", text)).translate(_TRANSLATE).lower()
    text = _SPACE.sub(" ", _PUNCT.sub(r" \1 ", text)).strip()
    return _SCOPE.sub(_mark, text)


_BLOCK_SEP = re.compile(r"\n[ \t]*\n\s*|(?:<br\s*/?>\s*)+", re.I)
_BOUNDARY = re.compile(r"[.!?][\"')\]\u201d\u2019]*(\s+)(?=[\"'(\[\u201c\u2018]?[A-Z0-9])")
_LINE_BREAK = re.compile(r"\n")
_TERMINAL = (".", "!", "?", ":", '"', "'", ")", "\u201d", "\u2019")
_HEADING_WORDS = 12


def split_sentences(text: str) -> list[dict[str, Any]]:
    """Sentences as ``{"start", "end", "text", "paragraph"}`` over ``text``.

    A plain regex splitter for reviews scored outside the pipeline (the pipeline's
    ``sentences`` stage is used when present).  Paragraphs are separated by blank lines
    (or HTML line breaks), or by a line break after a closing punctuation mark; a short
    line without one is a heading of its own, other line breaks are hard wraps.
    """
    out: list[dict[str, Any]] = []
    paragraph = 0
    pos = 0
    for sep in [*_BLOCK_SEP.finditer(text), None]:
        end = sep.start() if sep else len(text)
        cursor = pos
        for piece_end in _pieces(text, pos, end):
            for b in [*_BOUNDARY.finditer(text, cursor, piece_end), None]:
                stop = b.start(1) if b else piece_end
                raw = text[cursor:stop]
                if raw.strip():
                    s = cursor + len(raw) - len(raw.lstrip())
                    out.append({"start": s, "end": s + len(raw.strip()), "text": raw.strip(), "paragraph": paragraph})
                cursor = b.end() if b else piece_end
            if text[pos:piece_end].strip() and piece_end < end:
                paragraph += 1  # a heading line closes its own paragraph
                pos = piece_end
        if text[pos:end].strip():
            paragraph += 1
        pos = sep.end() if sep else len(text)
    return out


def _pieces(text: str, start: int, end: int) -> list[int]:
    """End offsets of the paragraphs inside one block: a line that closes a sentence ends
    its paragraph, a short heading-like line stands alone, other lines are hard wraps."""
    ends: list[int] = []
    line_start = start
    for br in _LINE_BREAK.finditer(text, start, end):
        line = text[line_start:br.start()].strip()
        following = text[br.end():end].lstrip()[:1]
        if line and (line.endswith(_TERMINAL) or (
                len(line.split()) <= _HEADING_WORDS and following
                and (following.isupper() or following.isdigit() or following in "\"'\u201c\u2018("))):
            ends.append(br.start())
        line_start = br.end()
    ends.append(end)
    return ends


# --- hedging cues ------------------------------------------------------------------
# Concession and middling qualifiers mark a weighed, mixed opinion; downtoners and
# "one small quibble" phrases mark a complaint the critic is minimising.  A cue is a
# phrase of words; "(a|b)" lists alternatives for one word.
CONCESSIVE = (
    "but", "however", "though", "although", "yet", "still", "nonetheless", "nevertheless", "even so",
    "that said", "whereas", "despite", "in spite of", "for all (its|his|her|their|the)",
)
QUALIFIERS = (
    "quite", "rather", "somewhat", "fairly", "mostly", "largely", "partly", "occasionally", "sometimes",
    "at times", "in places", "in parts", "in spurts", "fitfully", "intermittently", "(uneven|unevenly)",
    "patchy", "mixed", "flawed", "messy", "lumpy", "hit (and|or) miss", "inconsistent", "middling", "so so",
    "fine", "okay", "decent", "solid", "serviceable", "competent", "passable", "watchable", "respectable",
    "pleasant", "likable", "agreeable", "enough", "not bad", "not quite", "never quite", "not always",
    "rarely", "less than", "more than", "wish", "if only", "(admire|admires|admired|admiring)", "forgettable",
)
MINIMIZERS = (
    "(one|only|a|my) (small|minor|tiny|slight|single) (gripe|quibble|complaint|flaw|problem|reservation|niggle|issue)",
    "(my|the) (only|one) (gripe|quibble|complaint|flaw|problem|reservation|niggle|issue)",
    "(nitpick|nitpicking|quibble|quibbles)", "(doesn't|hardly|barely|scarcely) (matter|matters)",
    "does not matter", "who cares", "if there is a flaw", "if there's a flaw", "small price",
    "a touch", "a bit", "a little", "slightly", "a tad",
)
_WORD = re.compile(r"[a-z0-9]+(?:'[a-z]+)?")


def _expand(pattern: str) -> list[tuple[str, ...]]:
    options = [p[1:-1].split("|") if p.startswith("(") else [p] for p in re.split(r"(\([^)]*\))", pattern) if p]
    return [tuple("".join(combo).split()) for combo in itertools.product(*options)]


class PhraseCounter:
    """Counts non-overlapping occurrences of several phrase groups in a word list in one
    pass; at each word the longest phrase of any group wins."""

    def __init__(self, *groups: tuple[str, ...]):
        self.index: dict[str, list[tuple[tuple[str, ...], int]]] = {}
        for g, patterns in enumerate(groups):
            for pattern in patterns:
                for phrase in _expand(pattern):
                    self.index.setdefault(phrase[0], []).append((phrase, g))
        for phrases in self.index.values():
            phrases.sort(key=lambda item: len(item[0]), reverse=True)
        self.n_groups = len(groups)

    def count(self, words: list[str]) -> list[int]:
        counts = [0] * self.n_groups
        i, index = 0, self.index
        while i < len(words):
            for phrase, g in index.get(words[i], ()):
                if len(phrase) == 1 or tuple(words[i: i + len(phrase)]) == phrase:
                    counts[g] += 1
                    i += len(phrase)
                    break
            else:
                i += 1
        return counts


_CUES = PhraseCounter(CONCESSIVE + QUALIFIERS, MINIMIZERS)
# A sentence that opens with a turn or a summing-up carries the critic's conclusion.
_TURN = re.compile(
    r"^\W*(?:but|however|still|yet|nonetheless|nevertheless|even so|that said|in the end|ultimately"
    r"|overall|all in all)\b",
    re.I,
)


def hedge_counts(sentence: str) -> tuple[int, int]:
    """(hedging cues, minimising cues) in one sentence."""
    hedges, minimizers = _CUES.count(_WORD.findall(sentence.translate(_TRANSLATE).lower()))
    return hedges, minimizers


def is_turn(sentence: str) -> bool:
    return bool(_TURN.search(sentence.translate(_TRANSLATE)))
