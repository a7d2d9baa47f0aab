"""Text preparation for the verdict model: normalisation, negation scope, a fast
fallback sentence splitter, and the hedging cues critics use in mixed reviews.

The training data mixes raw IMDb reviews (HTML line breaks, typographic quotes) with
Rotten Tomatoes sentences that were lower-cased and tokenised ("it's burns' visuals ,
characters and ..."); :func:`normalize` brings both, and new critic text, to one form.
"""

from __future__ import annotations

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
# "one small quibble" phrases mark a complaint the critic is minimising.
CONCESSIVE = (
    r"but", r"however", r"though", r"although", r"yet", r"still", r"nonetheless", r"nevertheless",
    r"even so", r"that said", r"whereas", r"despite", r"in spite of", r"for all (?:its|his|her|their|the)",
)
QUALIFIERS = (
    r"quite", r"rather", r"somewhat", r"fairly", r"mostly", r"largely", r"partly", r"occasionally",
    r"sometimes", r"at times", r"in places", r"in parts", r"in spurts", r"fitfully", r"intermittently",
    r"uneven(?:ly)?", r"patchy", r"mixed", r"flawed", r"messy", r"lumpy", r"hit[- ](?:and|or)[- ]miss",
    r"inconsistent", r"middling", r"so-so", r"fine", r"okay", r"decent", r"solid", r"serviceable",
    r"competent", r"passable", r"watchable", r"respectable", r"pleasant", r"likable", r"agreeable",
    r"enough", r"not bad", r"not quite", r"never quite", r"not always", r"rarely", r"less than",
    r"more than", r"wish", r"if only", r"admire[ds]?", r"admiring", r"forgettable",
)
MINIMIZERS = (
    r"(?:one|only|a|my) (?:small|minor|tiny|slight|single) "
    r"(?:gripe|quibble|complaint|flaw|problem|reservation|niggle|issue)",
    r"(?:my|the) (?:only|one) (?:gripe|quibble|complaint|flaw|problem|reservation|niggle|issue)",
    r"nitpick(?:ing)?", r"quibbles?", r"(?:doesn't|does not|hardly|barely|scarcely) matters?",
    r"who cares", r"if there is a flaw", r"if there's a flaw", r"small price",
    r"a touch", r"a bit", r"a little", r"slightly", r"a tad",
)
_HEDGE = re.compile(r"\b(?:" + "|".join(CONCESSIVE + QUALIFIERS) + r")\b", re.I)
_MINIMIZER = re.compile(r"\b(?:" + "|".join(MINIMIZERS) + r")\b", re.I)
# A sentence that opens with a turn or a summing-up carries the critic's conclusion.
_TURN = re.compile(
    r"^\W*(?:but|however|still|yet|nonetheless|nevertheless|even so|that said|in the end|ultimately"
    r"|overall|all in all)\b",
    re.I,
)


def hedge_counts(sentence: str) -> tuple[int, int]:
    """(hedging cues, minimising cues) in one sentence."""
    text = sentence.translate(_TRANSLATE)
    return len(_HEDGE.findall(text)), len(_MINIMIZER.findall(text))


def is_turn(sentence: str) -> bool:
    return bool(_TURN.search(sentence.translate(_TRANSLATE)))
