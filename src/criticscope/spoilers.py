"""Spoiler detection: a score per sentence from named cues, a review-level flag, and a
spoiler-safe view of the text.

A sentence's score combines the cues that fire on it as a noisy-OR of their weights
(``1 - prod(1 - w)``), then applies dampeners for premise/set-up language and for
hedges ("I won't spoil the twist").  The cues, each reported by name:

* ``marker``: an explicit spoiler marker carrying content ("(spoiler) every adult in
  town is a killer"); a bare warning ("Spoilers ahead.") is a ``warning`` instead, which
  scores low itself but raises the sentences after it;
* ``outcome``: who dies or kills whom;
* ``ending``: the final scene, the last shot, "in the end", "before the credits roll"
  (``ending_soft``: the weaker "by the end");
* ``reveal``: "turns out", "is revealed as", "the reveal that", "all along";
* ``fate``: a named character as the subject of a fate verb ("Eve burns him alive");
* ``recap``: the closing sentences of a plot-recap paragraph that already carry a cue;
* ``after_warning``: the sentences that follow a spoiler warning.

The review is flagged when its confidence (the top sentence scores, combined) reaches
``review_threshold``; sentences at or above ``sentence_threshold`` are listed, and
``scores`` keeps ``[index, score]`` for every sentence with a non-zero score.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from criticscope.aspects import GatedRegex
from criticscope.pipeline import ReviewDoc

MASK = "[spoiler hidden]"

_MARKER = re.compile(
    r"\bspoilers?\b(?![- ]free)|\bspoiler (?:alert|warning)\b|\bhighlight to read\b|\bspoiler-ish\b", re.I
)
_INLINE_MARKER = re.compile(
    r"\(spoilers?\)|\[spoilers?\]|\bspoilers?(?: alert| warning)?\s*(?:[:\])—–]|-\s)|\bhighlight to read\b\W*", re.I
)
_REAL_WORLD_DEATH = re.compile(
    r"\b(?:died|passed away) (?:in (?:early |late )?\d{4}|a few (?:months|weeks|years)|shortly|before (?:the film|"
    r"filming|its release|the release))|\bthe late (?-i:[A-Z])|\bin memory of\b|\bdedicated to\b",
    re.I,
)
_NO_SPOILER = GatedRegex(
    r"\b(?:no|without|minimal|mild|minor|light|avoid(?:ing)?|free of|won['’]t|will not|not going to|never)\b"
    r"[^.;]{0,25}\bspoil\w*|\bspoiler[- ]free\b|\bwithout (?:giving|revealing) (?:\w+ ){0,3}away\b|"
    r"\b(?:i|we)['’]?(?:ll| will)? (?:won['’]t|will not|not going to|shan['’]t) (?:say|tell|reveal|spoil|give)\b"
    r"|\bi['’]ll leave (?:the|it|that)\b|\bleave (?:the|it|that) (?:ending|twist|rest) for you\b"
    r"|\bnot going to (?:tell|say|reveal)\b|\bi won['’]t say\b|\bwon['’]t reveal\b",
    re.I,
)
_GIVING_AWAY = re.compile(r"\b(?:i['’]m|i am) (?:giving|going to give) (?:it|this) away\b|\bokay, fine\b", re.I)

_OUTCOME = GatedRegex(
    r"\b(?:dies|died|dying (?:in|at)|is killed|was killed|were killed|are killed|gets killed|get killed|"
    r"killed off|kills|killing (?:him|her|them|everyone)|murders|is murdered|was murdered|shoots (?:him|her|"
    r"them|his|her|himself|herself)|(?:is|was) shot(?! (?:in|on|almost|entirely|by (?-i:[A-Z])|with|like|through|"
    r"mostly|largely|beautifully|digitally))|(?:don['’]t|doesn['’]t|never) end up together|end(?:s)? up (?:dead|alone|"
    r"together|married|with)|gets shot|stabs|found dead|(?:is|are|lies|lie|lay|left) dead|(?:both|all|everyone|everybody) (?:\w+ ){0,2}die|"
    r"die (?:on|in|at|together|alone|of|when|after|before|fighting)|one by one|(?:comes|came) back (?:as|from)|"
    r"back from the dead|returns from the dead|(?:the \w+|he|she|they) (?:lives|survives)(?= *[.!]?$)|"
    r"shoots (?-i:[A-Z])\w+ (?:in the|dead|through|point-blank|twice)|is stabbed|strangles|drowns|drowned|"
    r"is decapitated|decapitated|beheaded|sacrifices (?:himself|herself|themselves)|is eaten|eaten by|"
    r"burn(?:s|ed)? (?:\w+ )?(?:to death|alive)|freezes to death|to death|commits suicide|"
    r"kills (?:himself|herself|themselves)|dies of|bleeds out|slits|impal\w+|crumble into dust|fades away|"
    r"survives|only (?:one|the \w+) survives|the last one standing|is the last|the final kill|gored|"
    r"trampled|blows? (?:\w+ ){0,3}out of|redeems himself|redeems herself|is captured|is arrested|"
    r"goes to prison|ends up in prison|walk(?:s)? free|escapes? (?:through|from|by)|defeat(?:s|ed)?)\b",
    re.I,
)
_ENDING = GatedRegex(
    r"\b(?:in the end|at the end|in the final (?:moments|minutes|scene|act|reel)|"
    r"(?:the )?(?:film|movie|story|it) (?:ends|closes|finishes) (?:with|on|as|when|in)|ends with|ending reveals|"
    r"the (?:final|last|closing) (?:scene|shot|image|moments?|frames?|minute|minutes|twenty minutes|act reveals?|"
    r"confrontation|battle|showdown|fight|twist|reveal(?:ation)?)|before the credits roll|as the credits (?:roll|run)|"
    r"(?:in|during) a post-credits scene|(?:in|by) the epilogue|in the finale|by the finale|in the climax|"
    r"in a last-minute|in the last act|(?:ultimately|eventually|finally),?\s+(?:he|she|they|the|his|her|their|"
    r"it turns|we|(?-i:[A-Z])\w+))\b",
    re.I,
)
_REVEAL = GatedRegex(
    r"\b(?:turns? out|turned out|it is revealed|it['’]s revealed|is revealed (?:as|to be|that|to have)|"
    r"are revealed|was revealed|the reveal that|the (?:big |final )?reveal is|the twist is that|"
    r"twist (?:ending )?is that|revelation is that|the big reveal|we (?:learn|find out|discover) (?:that|in)|"
    r"learns (?:that|she|he)|discovers that|realizes (?:he|she|that)|(?:was|were|is|are|been) "
    r"(?:\w+ ){0,3}all along|all along|the whole time|in on it|was behind|were behind|is actually|"
    r"are actually|was actually|is (?:his|her|their) (?:own )?(?:father|mother|daughter|son|sister|brother)|"
    r"the real (?:villain|killer)|the killer is|the mole|was the one|"
    r"(?:is|was) the (?:killer|murderer|villain|traitor|mole|mastermind|culprit))\b",
    re.I,
)
_SETUP = GatedRegex(
    r"\b(?:opens with|begins with|the film opens|in the opening|at the start|early on|the premise|sets out to|"
    r"sets off|avenge|seeks? revenge|revenge on|hunting (?:the|down)|trains? (?:for|to)|is trained|"
    r"is recruited|must (?:\w+ )?(?:choose|decide|find|save|stop|protect)|after (?:his|her|their) (?:\w+ )?"
    r"(?:is|was|are|were) (?:killed|murdered)|when (?:his|her|their) (?:\w+ )?(?:is|was) (?:killed|murdered)|"
    r"who (?:killed|murdered|destroyed)|that killed|years after|the story is set in motion|is set in motion|"
    r"comes out of retirement|follows|centers on|is about|(?:film|movie|comedy|thriller|drama|story|tale|romance|"
    r"mystery|satire|musical|fable|epic|western) about|asks whether|is grieving|mourning|"
    r"[A-Z][a-z]+ plays (?:a|an|the|[A-Z]))\b",
    re.I,
)
_JUDGEMENT = GatedRegex(
    r"\b(?:is|are|was) (?:a |an |one of |the most |so |too |really |genuinely |pure |just )?"
    r"(?:cop-out|stunner|treat|triumph|letdown|mess|masterpiece|beautiful|moving|rushed|confusing|wild|"
    r"satisfying|unsatisfying|predictable|ambiguous|lot of fun|fun|great|good|brilliant|devastating|"
    r"easy to guess|least interesting|intriguing|thrilling|clumsy)\b"
    r"|\b(?:see (?:it|the ending|the twist) coming|sparked debate|got (?:audible )?gasps|lands with|"
    r"belongs entirely|tied everything together|on a note of|lingers just|is the same|are the same)\b",
    re.I,
)
_ENDING_SOFT = re.compile(r"\bby the end\b", re.I)
_QUESTION = re.compile(r"\?\s*$")
_NAME = r"(?:[A-Z][a-zà-ÿ]+(?:[-'’][A-Za-zà-ÿ]+)*)(?:\s+[A-Z][a-zà-ÿ]+(?:[-'’][A-Za-zà-ÿ]+)*){0,2}"
_FATE = re.compile(
    rf"(?<![.!?]\s)(?<!^)\b(?P<name>{_NAME})(?:['’]s [a-z]+)?\s+(?:\w+\s+){{0,2}}?"
    rf"(?:dies|is killed|survives|escapes|is arrested|ends up|betrays|kills|murders|shoots|stabs|sacrifices|"
    rf"is revealed|turns out|wins|loses|is eaten|is crowned|becomes the new|is found|finds out|returns from|"
    rf"comes back|freezes|burns|blows|redeems|fades|buries|falls into)\b"
)
_FATE_START = re.compile(
    rf"^(?:[\[(“\"]?(?:spoilers?:?\)?\s*)?)(?P<name>{_NAME})(?:['’]s [a-z]+)?\s+(?:\w+\s+){{0,2}}?"
    rf"(?:dies|is killed|survives|escapes|is arrested|ends up|betrays|kills|murders|shoots|stabs|sacrifices|"
    rf"is revealed|turns out|wins|loses|is eaten|is crowned|becomes the new|is found|finds out|returns from|"
    rf"comes back|freezes|burns|blows|redeems|fades|buries|falls into)\b"
)
_NOT_NAMES = frozenset(
    "The This That It Its He She They We I You His Her Their One Everyone Nobody Somebody Everything "
    "Nothing Each Every Both All Most Some When After Before While Then Finally Eventually Ultimately "
    "Later Meanwhile Sadly Unfortunately Spoiler Spoilers Highlight".split()
)
_NARRATIVE_VERB = re.compile(
    r"\b(?:is|are|was|were|has|have|gets|goes|takes|finds|tries|wants|learns|meets|leaves|returns|becomes|"
    r"tells|decides|sends|arrives|discovers|follows|runs|kills|dies|escapes|falls|reveals)\b",
    re.I,
)

CUE_WEIGHTS: dict[str, float] = {
    "marker": 0.85,
    "warning": 0.3,
    "outcome": 0.5,
    "ending": 0.55,
    "ending_soft": 0.3,
    "reveal": 0.55,
    "fate": 0.3,
    "recap": 0.15,
    "after_warning": 0.45,
}


@dataclass
class SentenceScore:
    index: int
    score: float
    cues: list[str]


def _noisy_or(weights: Sequence[float]) -> float:
    p = 1.0
    for w in weights:
        p *= 1.0 - w
    return 1.0 - p


def cue_score(cues: Sequence[str], damp: float = 1.0, weights: dict[str, float] | None = None) -> float:
    """Noisy-OR of the cue weights, times the dampening factor."""
    weights = weights or CUE_WEIGHTS
    return _noisy_or([weights.get(c, 0.0) for c in cues]) * damp


def _has_fate(text: str) -> bool:
    for pattern in (_FATE_START, _FATE):
        for m in pattern.finditer(text):
            if m.group("name").split()[0] not in _NOT_NAMES:
                return True
    return False


def sentence_cues(text: str) -> tuple[list[str], float]:
    """Cue names that fire on one sentence, and the dampening factor (1.0 = none)."""
    cues: list[str] = []
    words = len(text.split())
    lowered = text.lower()
    heads = GatedRegex.heads(lowered)
    hedged = _NO_SPOILER.search(text, lowered, heads) is not None
    if _MARKER.search(text) and not hedged:
        # an inline marker ("(spoiler) ...", "here's a spoiler: ...") carries content; any other
        # mention of spoilers only announces them
        inline = _INLINE_MARKER.search(text)
        content = len(re.findall(r"[A-Za-z]{2,}", text[inline.end():])) if inline else 0
        cues.append("marker" if content >= 3 else "warning")
    if _OUTCOME.search(text, lowered, heads):
        cues.append("outcome")
    if _ENDING.search(text, lowered, heads):
        cues.append("ending")
    elif _ENDING_SOFT.search(text):
        cues.append("ending_soft")
    if _REVEAL.search(text, lowered, heads):
        cues.append("reveal")
    if _has_fate(text):
        cues.append("fate")
    damp = 1.0
    if hedged and not _GIVING_AWAY.search(text):
        damp *= 0.15
    if _SETUP.search(text, lowered, heads):
        damp *= 0.45
    if _REAL_WORLD_DEATH.search(text):
        damp *= 0.2
    if "marker" not in cues and _JUDGEMENT.search(text, lowered, heads):
        damp *= 0.4 if words < 18 else 0.7
    if _QUESTION.search(text):
        damp *= 0.5
    if "warning" in cues and words <= 14 and not {"outcome", "reveal"} & set(cues):
        damp *= 0.8
    return cues, damp


def score_sentences(sentences: Sequence[dict[str, Any]], weights: dict[str, float] | None = None
                    ) -> list[SentenceScore]:
    weights = weights or CUE_WEIGHTS
    out: list[SentenceScore] = []
    warned_paragraph: int | None = None
    paragraphs: dict[int, list[int]] = {}
    for i, s in enumerate(sentences):
        paragraphs.setdefault(s.get("paragraph", 0), []).append(i)
    for i, sent in enumerate(sentences):
        text = sent["text"]
        cues, damp = sentence_cues(text)
        para = sent.get("paragraph", 0)
        if warned_paragraph is not None and para - warned_paragraph <= 1 and "warning" not in cues \
                and not sent.get("heading") and len(text.split()) >= 6 and _NARRATIVE_VERB.search(text) \
                and not _JUDGEMENT.search(text):
            cues.append("after_warning")
        members = paragraphs.get(para, [])
        if len(members) >= 3 and i in members[-2:] and {"outcome", "reveal", "fate", "ending", "ending_soft"} & set(cues):
            narrative = sum(1 for j in members if _NARRATIVE_VERB.search(sentences[j]["text"]))
            if narrative >= len(members) - 1:
                cues.append("recap")
        if "warning" in cues or "marker" in cues:
            warned_paragraph = para
        score = cue_score(cues, damp, weights)
        out.append(SentenceScore(i, round(score, 4), cues))
    return out


def review_confidence(scores: Sequence[float]) -> float:
    """Top sentence scores combined with falling weights (1, 1/2, 1/4)."""
    top = sorted(scores, reverse=True)[:3]
    return round(_noisy_or([s * w for s, w in zip(top, (1.0, 0.5, 0.25), strict=False)]), 4)


class SpoilerDetector:
    """Pipeline stage ``spoilers``: assigns ``doc.ext["spoilers"]``."""

    name = "spoilers"
    requires: tuple[str, ...] = ("sentences",)
    assigns: tuple[str, ...] = ("spoilers",)

    def __init__(self, sentence_threshold: float = 0.5, review_threshold: float = 0.6):
        self.sentence_threshold = sentence_threshold
        self.review_threshold = review_threshold

    def analyse(self, sentences: Sequence[dict[str, Any]]) -> dict[str, Any]:
        scored = score_sentences(sentences)
        confidence = review_confidence([s.score for s in scored])
        listed = [
            {"index": s.index, "start": sentences[s.index]["start"], "end": sentences[s.index]["end"],
             "score": s.score, "cues": s.cues}
            for s in scored if s.score >= self.sentence_threshold
        ]
        return {
            "spoiler": confidence >= self.review_threshold,
            "confidence": confidence,
            "sentences": listed,
            # every non-zero score, so later stages (the pull quote) can avoid near-spoilers too
            "scores": [[s.index, s.score] for s in scored if s.score > 0],
        }

    def __call__(self, doc: ReviewDoc) -> ReviewDoc:
        doc.ext["spoilers"] = self.analyse(doc.sentences())
        return doc


def spoiler_safe_text(doc_or_text: ReviewDoc | str, spoilers: dict[str, Any] | None = None) -> str:
    """The text with every listed spoiler sentence replaced by ``[spoiler hidden]`` (adjacent ones merged)."""
    if isinstance(doc_or_text, ReviewDoc):
        text = doc_or_text.text or ""
        spoilers = spoilers if spoilers is not None else doc_or_text.ext.get("spoilers")
    else:
        text = doc_or_text
    spans = sorted((s["start"], s["end"]) for s in (spoilers or {}).get("sentences", []))
    if not spans:
        return text
    merged: list[list[int]] = []
    for start, end in spans:
        if merged and not text[merged[-1][1]:start].strip(" \t"):
            merged[-1][1] = max(merged[-1][1], end)
        else:
            merged.append([start, end])
    parts, cursor = [], 0
    for start, end in merged:
        parts.append(text[cursor:start])
        parts.append(MASK)
        cursor = end
    parts.append(text[cursor:])
    return "".join(parts)


def create_component(settings: Any = None, **resources: Any) -> SpoilerDetector:
    return SpoilerDetector(
        sentence_threshold=resources.get("spoiler_sentence_threshold", 0.5),
        review_threshold=resources.get("spoiler_review_threshold", 0.6),
    )
