"""Pull quote: the short sentence or clause that best carries the critic's verdict.

Candidates are the review's sentences, plus the clauses of sentences longer than the
word limit (cut at semicolons, dashes, colons and contrastive conjunctions).  A
candidate is dropped when it is a heading, longer than ``max_words`` (30) or shorter
than ``min_words``, overlaps a sentence the spoiler stage listed, or has a spoiler
score of its own at or above ``spoiler_max``.  The rest are ranked by

* how evaluative they are (the lexicon on the clause, and the verdict model's
  ``p_positive`` on the sentence when the verdict stage put one there),
* agreement with the review's verdict (``doc.ext["verdict"]["verdict"]``): positive
  quotes for positive reviews, negative for negative ones, and for mixed reviews a
  quote that weighs both sides or judges with reserve (``0.1 < |polarity| <= 0.6``),
* talking about the film ("the film", "this movie", a superlative) rather than the plot,
* a penalty for plot summary (character-driven narration with no judgement), for
  name-dropping (a high share of capitalised names and titles), questions and
  first-person asides, and a small bonus for the closing paragraph and compact length.

The best candidate is the quote; the next two from other sentences are the alternates.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from criticscope.aspects import PolarityLexicon, shared_lexicon
from criticscope.pipeline import ReviewDoc
from criticscope.spoilers import cue_score, sentence_cues

_CLAUSE_CUT = re.compile(r"\s*(?:;|:\s|\s[—–]\s|—|,\s+(?:but|though|although|yet|while)\s|\s+but\s)\s*", re.I)
_FILM_REF = re.compile(
    r"\b(?:the|this|a|an|its) (?:film|movie|picture|sequel|thriller|comedy|drama|musical|debut|blockbuster)\b"
    r"|\b(?:it['’]s|it is|this is|it was|this was)\b|\b(?:masterpiece|triumph|mess|disaster|classic|"
    r"one of the (?:best|worst|great|most)|best|worst|finest|must-see|skip it|see it|recommend)\b",
    re.I,
)
_PLOT = re.compile(
    r"\b(?:plays|follows|is set in|sets out|must|after (?:his|her|their)|when (?:his|her|their|a|an|the)|"
    r"who (?:is|was|has|had)|returns? to|arrives|discovers|learns|meets|finds|tries to|wants to|decides|"
    r"is recruited|is sent|is trained|goes to|travels|lives (?:in|with)|works as|stars [\w\s'’-]{1,40} as|"
    r"aveng\w+|sets out|takes on)\b",
    re.I,
)
_CONCESSIVE = re.compile(r"(?:While|Although|Though|Even though|Despite|For all|Whatever)\b")
_PROPER = re.compile(r"(?<=[\w,;:] )(?:[A-Z][\w'’-]+)")
_FIRST_PERSON = re.compile(r"^(?:I|I['’]m|I['’]ve|I['’]d|My|We|Me)\b")
_PREMISE_START = re.compile(r"^(?:In|At|After|When|As|On|During|Years|Decades|Months)\b")
EMPTY: dict[str, Any] = {"text": None, "start": None, "end": None, "score": None, "alternates": []}
_NEGATIVE_VERDICTS = {"negative"}
_POSITIVE_VERDICTS = {"positive"}


@dataclass
class Candidate:
    sentence: int
    start: int
    end: int
    text: str
    value: float  # polarity in [-1, 1]
    score: float = 0.0


def _words(text: str) -> int:
    return len(text.split())


def _clauses(text: str, max_words: int) -> list[tuple[int, int]]:
    """The sentence itself when short enough, else its clauses (offsets within the sentence)."""
    if _words(text) <= max_words:
        return [(0, len(text))]
    spans, cursor = [], 0
    for m in _CLAUSE_CUT.finditer(text):
        spans.append((cursor, m.start()))
        cursor = m.end()
    spans.append((cursor, len(text)))
    out = []
    for s, e in spans:
        seg = text[s:e]
        lead = len(seg) - len(seg.lstrip(" ,(\"“"))
        s += lead
        e = s + len(text[s:e].rstrip(" ,"))
        if e > s:
            out.append((s, e))
    return out


def agrees(verdict: str | None, value: float, contrastive: bool = False, band: float = 0.1) -> bool:
    """Whether a quote of polarity ``value`` carries the verdict (mixed: weighs both sides or holds back)."""
    if verdict in _POSITIVE_VERDICTS:
        return value > band
    if verdict in _NEGATIVE_VERDICTS:
        return value < -band
    if verdict == "mixed":
        return contrastive or band < abs(value) <= 0.6
    return True


def is_contrastive(text: str, lexicon: PolarityLexicon) -> bool:
    """Both a positive and a negative part, split at a contrast ("gorgeous, but hollow")."""
    parts = [p for p in _CLAUSE_CUT.split(text) if p and p.strip()]
    lead = _CONCESSIVE.match(text)
    if len(parts) < 2 and lead and "," in text[lead.end():]:
        head, _, tail = text.partition(",")
        parts = [head, tail]
    if len(parts) < 2:
        return False
    values = [lexicon.score(p) for p in parts]
    return any(v > 0.1 for v in values) and any(v < -0.1 for v in values)


class PullQuoteSelector:
    """Pipeline stage ``pullquote``: assigns ``doc.ext["pullquote"]``."""

    name = "pullquote"
    requires: tuple[str, ...] = ("sentences", "verdict", "spoilers")
    assigns: tuple[str, ...] = ("pullquote",)

    def __init__(self, *, max_words: int = 30, min_words: int = 4, spoiler_max: float = 0.3,
                 alternates: int = 2, lexicon: PolarityLexicon | None = None):
        self.max_words = max_words
        self.min_words = min_words
        self.spoiler_max = spoiler_max
        self.n_alternates = alternates
        self._lexicon = lexicon

    @property
    def lexicon(self) -> PolarityLexicon:
        if self._lexicon is None:
            self._lexicon = shared_lexicon()
        return self._lexicon

    def candidates(self, sentences: Sequence[dict[str, Any]], spoilers: dict[str, Any] | None) -> list[Candidate]:
        blocked = [(s["start"], s["end"]) for s in (spoilers or {}).get("sentences", [])]
        known = {int(i): float(v) for i, v in (spoilers or {}).get("scores", [])} if spoilers and "scores" in spoilers \
            else None
        out = []
        for index, sent in enumerate(sentences):
            text = sent["text"]
            if sent.get("heading") or " | " in text or any(sent["start"] < e and b < sent["end"] for b, e in blocked):
                continue
            if known is not None:
                if known.get(index, 0.0) >= self.spoiler_max:
                    continue
            else:
                cues, damp = sentence_cues(text)
                if cues and cue_score(cues, damp) >= self.spoiler_max:
                    continue
            for s, e in _clauses(text, self.max_words):
                clause = text[s:e]
                if not self.min_words <= _words(clause) <= self.max_words:
                    continue
                out.append(Candidate(index, sent["start"] + s, sent["start"] + e, clause,
                                     self.lexicon.score(clause)))
        return out

    def rank(self, cands: list[Candidate], sentences: Sequence[dict[str, Any]], verdict: str | None) -> None:
        last_para = max((s.get("paragraph", 0) for s in sentences), default=0)
        for c in cands:
            sent = sentences[c.sentence]
            value = c.value
            p = sent.get("p_positive")
            if p is not None:
                model = 2.0 * float(p) - 1.0
                value = 0.5 * value + 0.5 * model if (c.end - c.start) == len(sent["text"]) else 0.75 * value + 0.25 * model
            c.value = value
            contrastive = verdict == "mixed" and is_contrastive(c.text, self.lexicon)
            score = abs(value)
            if verdict in _POSITIVE_VERDICTS or verdict in _NEGATIVE_VERDICTS:
                score += 0.6 if agrees(verdict, value) else -1.0
            elif verdict == "mixed":
                # a one-sided sentence the classifier reads as a rave or a pan does not carry "mixed"
                held_back = p is None or agrees(verdict, 2.0 * float(p) - 1.0)
                if contrastive:
                    score = 0.5 * abs(value) + 0.7
                elif agrees(verdict, value) and held_back:
                    score = 0.5 * abs(value) + 0.3
                else:
                    score = -0.6
            if _FILM_REF.search(c.text):
                score += 0.25
            if _PLOT.search(c.text):
                score -= 0.6 if abs(value) < 0.6 else 0.3
            if _FIRST_PERSON.match(c.text) and abs(value) < 0.5:
                score -= 0.2
            if _PREMISE_START.match(c.text) and abs(value) < 0.4:
                score -= 0.2
            proper = len(_PROPER.findall(c.text)) / max(1, _words(c.text))
            if proper > 0.15:  # name-dropping trivia and credits rather than judgement
                score -= min(0.6, 2.0 * (proper - 0.15))
            if c.text.rstrip().endswith("?"):
                score -= 0.4
            n = _words(c.text)
            score -= 0.01 * max(0, n - 22) + 0.05 * max(0, 6 - n)
            para = sent.get("paragraph", 0)
            if para == last_para:
                score += 0.15
            elif para <= 1:
                score += 0.05
            c.score = round(score, 4)

    def select(self, sentences: Sequence[dict[str, Any]], spoilers: dict[str, Any] | None,
               verdict: str | None) -> dict[str, Any] | None:
        cands = self.candidates(sentences, spoilers)
        if not cands:
            return None
        self.rank(cands, sentences, verdict)
        cands.sort(key=lambda c: (-c.score, c.start))
        best = cands[0]
        alternates: list[Candidate] = []
        used = {best.sentence}
        for c in cands[1:]:
            if len(alternates) >= self.n_alternates:
                break
            if c.sentence in used:
                continue
            used.add(c.sentence)
            alternates.append(c)
        return {
            "text": best.text,
            "start": best.start,
            "end": best.end,
            "score": best.score,
            "alternates": [{"text": c.text, "start": c.start, "end": c.end} for c in alternates],
        }

    def __call__(self, doc: ReviewDoc) -> ReviewDoc:
        verdict = (doc.ext.get("verdict") or {}).get("verdict")
        doc.ext["pullquote"] = self.select(doc.sentences(), doc.ext.get("spoilers"), verdict) or dict(EMPTY)
        return doc


def create_component(settings: Any = None, **resources: Any) -> PullQuoteSelector:
    return PullQuoteSelector()
