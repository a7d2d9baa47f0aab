"""The critic's own explicit rating: found as written, normalised to 0-100.

Every rating-shaped expression in the critic text (stars, fractions, "N out of M",
letter grades, word forms, thumbs, percentages) becomes a candidate.  Each one is
then judged by its context:

* *rejected*: not a rating at all (dates, gallery counters, "the three stars" of
  the cast, "a 5-star hotel", "3/4 of the audience", markdown asterisks, ...);
* *mention*: a real rating, but not the critic's overall rating of this film
  (an aggregator score, another critic's stars, the critic's rating of another
  film, a category sub-score, a repeat);
* *eligible*: the critic's own rating.  The eligible candidate with the highest
  precedence (structured data, then labelled, then on its own line, ...) is the
  ``best`` rating.

Forms that are unmistakably ratings ("3/5 stars", "★★★½", "***1/2") are eligible
in running prose; ambiguous forms ("7/10", "three stars", "B+", "thumbs up") need
rating context: a label, a line of their own, "I give it ...", a sentence of their
own.  See ``docs/ratings.md`` for the forms, scales and normalisation table.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from criticscope.config import Settings
from criticscope.pipeline import ReviewDoc

LETTER_SCORES: dict[str, float] = {
    "A+": 100, "A": 100, "A-": 91,
    "B+": 83, "B": 75, "B-": 67,
    "C+": 58, "C": 50, "C-": 42,
    "D+": 33, "D": 25, "D-": 16,
    "F": 0,
}
DEFAULT_STAR_SCALE = 5
STAR_SCALES = (4, 5, 10)  # scales a star rating may be given on
FRACTION_SCALES = (4, 5, 10, 100)  # denominators accepted for "N/M" and "N out of M"
WORD_NUMBERS: dict[str, float] = {
    "zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5,
    "six": 6, "seven": 7, "eight": 8, "nine": 9, "ten": 10, "hundred": 100,
}
_MAX_REJECTED = 40

# Precedence weights (higher wins); the structured rating outranks everything.
_P_STRUCTURED = 1000
_P_LABEL_STRONG = 60
_P_LABEL = 50
_P_OWN_LINE = 40
_P_TITLE_LINE = 30
_P_CUE = 30
_P_STANDALONE = 25
_P_PAREN = 20
_P_PROSE = 10
_P_EDGE = 5
_P_COMPARISON = -25

# ---------------------------------------------------------------------------
# Patterns (compiled once at import; nothing is compiled per call)
# ---------------------------------------------------------------------------

_DASH = "-–—−‐‑"
_DASH_CLS = r"\-–—−‐‑"  # for use inside [...] classes
_NUM = r"\d{1,3}(?:\.\d{1,2})?"
_HALF = r"(?:[ \t]?½|[ -]1/2(?![\d/])|[ \t-]+and[ \t-]+(?:a|one)[ \t-]+half)"
_WNUM = r"(?:zero|one|two|three|four|five|six|seven|eight|nine|ten)"
_VAL = (
    rf"(?:(?P<num>{_NUM})(?P<nhalf>{_HALF})?"
    rf"|(?P<word>{_WNUM})(?P<whalf>{_HALF})?"
    r"|(?P<halfonly>½|half[ \t]+an?|an?[ \t]+half))"
)
_SCALE = r"(?P<scale>\d{1,3}|four|five|ten|(?:a[ \t]+|one[ \t]+)?hundred)"

_OUT_OF = re.compile(
    rf"(?<![\w.$£€/])(?:{_VAL})(?P<s1>[ \t-]+stars?)?[ \t]+(?P<conn>out[ \t]+of|outta|of)[ \t]+{_SCALE}\b"
    r"(?P<s2>[ \t-]*stars?\b)?",
    re.I,
)
_FRACTION = re.compile(
    rf"(?<![\w.$£€/])(?P<num>{_NUM})(?P<nhalf>[ \t]?½)?[ \t]?/[ \t]?(?P<scale>\d{{1,3}})(?![\d/]|\.\d|[.,]\d)"
    r"(?P<s2>[ \t]*stars?\b)?",
    re.I,
)
_STARS = re.compile(rf"(?<![\w.$£€/])(?:{_VAL})(?P<sep>[ \t-]+)(?P<sw>stars?)\b", re.I)
_GLYPHS = "★⭐✪✭✮✯☆✩"
_GLYPH = re.compile(
    rf"[{_GLYPHS}](?:[ \t]?(?:[{_GLYPHS}⯨⯪⯫½]|1/2(?![\d/]))|\ufe0f)*"
)
_ASTER = re.compile(r"(?<![\w*:])\*{1,5}(?:[ \t]?(?:½|1/2(?![\d/])))?(?![\w*])")
_THUMBS = re.compile(
    r"\b(?:(?P<count>two|2|both|one|1)[ \t]+)?(?:(?:big|enthusiastic|firm|emphatic|resounding|solid)[ \t]+)?"
    r"thumbs?(?:[ \t-]+way)?[ \t-]+(?P<dir>up|down|sideways)\b"
    r"(?:[ \t]*(?:,|;|/|and|but)[ \t]*(?:one|1)(?:[ \t]+thumbs?)?[ \t-]+(?P<dir2>up|down)\b)?",
    re.I,
)
_PERCENT = re.compile(r"(?<![\w.$£€/])(?P<num>\d{1,3}(?:\.\d)?)[ \t]?%")
_GRADE = (
    r"(?P<letter>[A-DF])(?P<sign>\+|[" + _DASH_CLS + r"](?=[\s.,;:!?)\]]|$)|(?i:[ \t-]?(?:plus|minus)\b))?"
    r"(?![\w+" + _DASH_CLS + r"'’&/])"
)
_LABEL_WORDS = (
    r"(?:(?:our|my|the|final|overall|critic['’]?s?|film|movie|star|letter|bottom[ \t]+line)[ \t]+)*"
    r"(?:rating|verdict|grade|score|stars|overall|bottom[ \t]+line|judg(?:e)?ment)"
)
_LABEL_LETTER = re.compile(
    rf"(?:^|(?<=[\s(\[|•*_]))(?i:{_LABEL_WORDS})[ \t]*(?:[:=?|{_DASH_CLS}]+)?[ \t*_]*" + _GRADE, re.M
)
_OWN_LINE_LETTER = re.compile(r"^[ \t>*_•|]*" + _GRADE + r"[ \t*_.!]*$", re.M)
_CUE_LETTER = re.compile(
    r"(?i:\b(?:give|giving|gives|gave|gets|got|earns|earned|deserves|deserved|merits|warrants|rate|rating"
    r"|grade|grading|award|awarding|is|was|it['’]s|that['’]s)[ \t]+(?:it[ \t]+|this(?:[ \t]+one|[ \t]+film|"
    r"[ \t]+movie)?[ \t]+|the[ \t]+(?:film|movie)[ \t]+)?an?[ \t]+"
    r"(?:(?:solid|strong|generous|firm|respectable|shaky|low|high|well-earned|hard-earned|very|clear|"
    r"comfortable|easy|middling|weak)[ \t]+)?)" + _GRADE
)
_NUMBER_AFTER_CUE = re.compile(
    r"(?i)(?:\b(?:rating|score|verdict|grade)[ \t]*[:=|" + _DASH_CLS + r"][ \t]*"
    r"|\b(?:give|giving|rate|rating|score|scoring)[ \t]+(?:it|this(?:[ \t]+one)?|the[ \t]+(?:film|movie))[ \t]+"
    r"(?:an?[ \t]+)?(?:(?:solid|strong|generous|firm|respectable|healthy|modest|measly|mere)[ \t]+)?)"
    rf"(?P<num>{_NUM})(?![\w/%½]|\.\d|[ \t]*(?:/|½|out\b|of\b|stars?\b|-))"
)

# Dates and clock times are logged as rejected so explanations show them.
_DATE_TIME = re.compile(
    r"\b\d{1,2}/\d{1,2}/\d{2,4}\b|\b\d{1,2}:\d{2}(?:[ \t]?[ap]\.?m\.?)?(?![\d:])", re.I
)

# Context patterns, applied to small slices of text around a candidate.
_LABEL_END = re.compile(
    rf"(?i)(?:^|[^\w'’])(?P<label>{_LABEL_WORDS}|rated)[ \t]*(?:[:=?|{_DASH_CLS}]+|[ \t]+is)?[ \t]*$"
)
_STRONG_LABEL = re.compile(r"(?i)overall|final|verdict|our|my|bottom|critic|judg")
_CLASSIFICATION = re.compile(
    r"(?i)\b(?:mpaa|mpa|bbfc|cbfc|age|content|parental|classification|certificate|cert|esrb|tv|censor)\b"
    r"[ \t]*(?:rating|rated|grade)?"
)
_CATEGORY_END = re.compile(
    r"(?i)(?:^|[^\w])(?:story|plot|acting|performances?|cast|direction|directing|script|screenplay|writing"
    r"|dialogue|visuals?|cinematography|photography|music|soundtrack|sound(?:[ \t]+design)?|effects|vfx"
    r"|special[ \t]+effects|action|stunts|pacing|characters?|rewatch(?:ability|[ \t]+value)|re-?watchability"
    r"|entertainment(?:[ \t]+value)?|fun(?:[ \t]+factor)?|scares|gore|horror|humou?r|comedy|laughs|romance"
    r"|chemistry|production[ \t]+design|editing|costumes?|originality|atmosphere|tension|thrills|emotion"
    r"|heart|violence|nudity|sex|language|family[ \t]+friendliness|kid[ \t-]+friendliness|replay[ \t]+value)"
    rf"[ \t]*(?:[:=|{_DASH_CLS}][ \t]*)?$"
)
_TITLE_LINE = re.compile(
    r"^[\"“‘'*_#]*[A-Z0-9][^\n.!?]{0,70}?[\"”’'*_]*[ \t]*(?:\([^()\n]{1,12}\))?[ \t]*"
    rf"[:|{_DASH_CLS}][ \t]*$"
)
_CAPSULE_TITLE = re.compile(r"^[\"“‘'*_#]*[A-Z0-9][^\n.!?:]{0,60}?(?:\([^()\n]{1,12}\))?[ \t]+$")
_SCALE_NOTE = re.compile(
    r"^[ \t]*(?:[(\[][ \t]*(?:out[ \t]+of|of)[ \t]+(?P<n1>four|five|ten|4|5|10)(?:[ \t]+stars?)?[ \t]*[)\]]"
    r"|(?:out[ \t]+of|of)[ \t]+(?P<n2>four|five|ten|4|5|10)(?:[ \t]+stars?)?\b)",
    re.I,
)
_DECOR = " \t|•·*_-–—:>#[](){}\"“”'‘’.!,;~=/"
_FROM_ME = re.compile(
    r"(?i)^[ \t]*(?:stars?[ \t]+)?(?:,[ \t]*)?(?:from[ \t]+(?:me|us|this[ \t]+(?:critic|reviewer|viewer|corner))"
    r"|for[ \t]+me|in[ \t]+my[ \t]+book|overall|all[ \t]+told|on[ \t]+my[ \t]+scale)\b"
)
_GIVE_CUE = re.compile(
    r"(?i)\b(?P<subj>i|we)(?:['’]d|['’]ll|['’]m|[ \t]+would|[ \t]+will|[ \t]+am|[ \t]+can|[ \t]+could"
    r"|[ \t]+must|[ \t]+shall|[ \t]+have[ \t]+to|[ \t]+gotta)?"
    r"(?:[ \t]+(?:only|happily|gladly|reluctantly|generously|comfortably|confidently|easily|still|probably"
    r"|definitely|certainly|honestly|have[ \t]+to|be|going[ \t]+to|gonna|say|think|feel))*"
    r"[ \t]+(?P<verb>give|giving|rate|rating|award|awarding|score|scoring|grade|grading|put|putting|peg"
    r"|pegging|place|placing)"
    r"(?:[ \t]+(?P<obj>it|this|this[ \t]+one|this[ \t]+film|this[ \t]+movie|the[ \t]+film|the[ \t]+movie|"
    r"[A-Z][\w'’:&.-]*(?:[ \t]+(?:[A-Z0-9][\w'’:&.-]*|of|the|and|a|in|on|to|for)){0,6}))?"
    r"(?:[ \t]+(?:at|a|an|around|about|roughly|maybe|somewhere[ \t]+around|just|only|solid|strong|generous"
    r"|firm|respectable|healthy|modest|measly|mere|perfect|full|well-earned|hard-earned|very|high|low"
    r"|whopping|clean|easy|comfortable))*[ \t]*$"
)
_IS_CUE = re.compile(
    r"(?i)(?:^|[\s,;:(])(?P<subj>it|this|this[ \t]+one|this[ \t]+film|this[ \t]+movie|the[ \t]+film|"
    r"the[ \t]+movie|that|which[ \t]+makes[ \t]+it|that[ \t]+makes[ \t]+it|all[ \t]+in[ \t]+all[ \t]*,?[ \t]*it"
    r"|overall[ \t]*,?[ \t]*it|(?-i:[A-Z][\w'’:&.-]*(?:[ \t]+(?:[A-Z0-9][\w'’:&.-]*|of|the|and|a|in|on|to|for))"
    r"{0,6}))"
    r"(?:['’]s|[ \t]+is|[ \t]+was|[ \t]+gets|[ \t]+earns|[ \t]+deserves|[ \t]+merits|[ \t]+warrants"
    r"|[ \t]+rates|[ \t]+scores|[ \t]+lands|[ \t]+receives|[ \t]+nets|[ \t]+comes[ \t]+in[ \t]+at"
    r"|[ \t]+clocks[ \t]+in[ \t]+at|[ \t]+sits[ \t]+at|[ \t]+ends[ \t]+up[ \t]+(?:as|with|at))"
    r"(?:[ \t]+(?:an?|solid|strong|generous|firm|respectable|healthy|modest|measly|mere|perfect|easy"
    r"|comfortable|clean|just|only|about|around|roughly|maybe|probably|at[ \t]+least|at[ \t]+most|still"
    r"|definitely|very|high|low|well-earned|hard-earned|[\w-]+,|[\w-]+))?"
    r"(?:[ \t]+(?:an?|solid|strong|generous|firm|respectable|healthy|modest|measly|mere|perfect|easy"
    r"|comfortable|clean|very|high|low|well-earned|hard-earned|[\w-]+,?))?[ \t]*$"
)
_PRONOUN_SUBJECTS = frozenset({
    "it", "this", "this one", "this film", "this movie", "the film", "the movie", "that",
})
_NOT_TITLES = frozenset({
    "he", "she", "they", "her", "his", "their", "its", "it", "i", "we", "you", "there", "here", "what",
    "which", "who", "everything", "nothing", "something", "anything", "everyone", "someone", "the",
    "a", "an", "and", "but", "so", "if", "when", "as", "yes", "no", "my", "our",
})
_SUFFIX_OK = re.compile(
    r"(?i)^[ \t]*(?:stars?[ \t]*)?(?:(?:film|movie|picture|flick|watch|experience|affair|outing|effort|ride"
    r"|one|entry|thriller|drama|comedy|horror)\b[ \t]*)?(?:(?:from|for)[ \t]+(?:me|us)\b|in[ \t]+my[ \t]+book\b"
    r"|overall\b|all[ \t]+told\b|on[ \t]+my[ \t]+scale\b|at[ \t]+best\b|at[ \t]+most\b|at[ \t]+least\b"
    r"|tops\b|max\b)?[ \t]*(?:[.!?…;,)\]\"”’'—–-]|$)"
)
_AGGREGATOR = re.compile(
    r"(?i)rotten[ \t]+tomatoes|tomatometer|metacritic|metascore|\bimdb|letterboxd|cinemascore|popcornmeter"
    r"|\bdouban|allocin[eé]|\btmdb|audience[ \t]+score|critics['’]?[ \t]+consensus|average[ \t]+(?:rating|score)"
    r"|aggregat|(?:user|fan|reader|viewer|audience|customer|community|member)s?['’]?[ \t]+(?:rating|score|poll"
    r"|review)s?|\bvotes?\b|\bpolled\b|\bexit[ \t]+poll|\bbox[ \t]*office|\bratings?[ \t]+from\b"
    r"|\(\d[\d,]*[ \t]+(?:ratings|reviews|votes)\)"
)
_OUTLETS = re.compile(
    r"\b(?:the[ \t]+)?(?:Guardian|Observer|Telegraph|Independent|Empire|Total[ \t]+Film|Variety|Hollywood[ \t]+"
    r"Reporter|IndieWire|Vulture|Rolling[ \t]+Stone|Time[ \t]+Out|Sight[ \t]+(?:and|&)[ \t]+Sound|Evening[ \t]+"
    r"Standard|Vanity[ \t]+Fair|New[ \t]+Yorker|Slant|A\.?V\.?[ \t]+Club|Entertainment[ \t]+Weekly|Little[ \t]+"
    r"White[ \t]+Lies|Screen[ \t]+Daily|Deadline|Collider|RogerEbert\.com|Village[ \t]+Voice|New[ \t]+York[ \t]+"
    r"Times|Washington[ \t]+Post|Los[ \t]+Angeles[ \t]+Times|LA[ \t]+Times|Chicago[ \t]+(?:Sun-Times|Tribune)"
    r"|Boston[ \t]+Globe|Wall[ \t]+Street[ \t]+Journal|Financial[ \t]+Times|Sunday[ \t]+Times|Times|Mail|Mirror"
    r"|Sun|Express|Metro|Radio[ \t]+Times|Ebert|Siskel|Roeper|Maltin|Kermode|Bradshaw|Kael|Travers|Dargis"
    r"|A\.[ \t]?O\.[ \t]?Scott|Collin|Sandhu|Romney|Ide|Lodge|Debruge|Rooney|Ehrlich|Wilkinson|Zacharek)\b"
)
_ATTRIB = re.compile(
    r"(?i)\b(?:gave|awarded|handed|bestowed|granted|slapped|earned|received|garnered|got|netted|scored|gives"
    r"|awards|hands|bestows|rewarded|according[ \t]+to|critics?|reviewers?|pundits|colleagues?|consensus"
    r"|(?:his|her|their|whose)(?:[ \t]+\w+)?[ \t]+(?:rating|review|verdict|score|grade))\b"
)
_REVIEW_REF = re.compile(r"(?i)^[ \t-]*(?:stars?[ \t]+)?(?:review|write-?up|notice|rave|pan)s?\b")
_REVIEW_OF = re.compile(r"(?i)\b(?:my|our|his|her|their|the|a)[ \t]+(?:\S+[ \t]+){0,3}review[ \t]+of\b")
_RELATIVE = re.compile(r"(?i)(?:^|[\s,(])(?:which|whom|who|that)[ \t]+(?:i|we)\b")
_COMPARISON = re.compile(
    r"(?i)\b(?:than|compared|comparison|unlike|whereas|predecessor|prequel|sequel|remake|original|previous"
    r"|earlier|last[ \t]+(?:year|time|film|movie|outing|instalment|installment|entry|one)"
    r"|first[ \t]+(?:film|movie|one|instalment|installment|entry|chapter)|back[ \t]+(?:in|when)"
    r"|for[ \t]+(?:reference|the[ \t]+record)|at[ \t]+the[ \t]+time|years[ \t]+ago)\b"
)
_POSSESSIVE_BEFORE = re.compile(r"(?:\b(?:his|her|their|your)|[A-Z][\w.]*['’]s)[ \t]+(?:own[ \t]+)?$")
_CAST_BEFORE = re.compile(
    r"(?i)\b(?:the|its|their|both|all|whose|these|those|other|two|film['’]s|movie['’]s|show['’]s|[a-z]+['’]s)"
    r"[ \t]+(?:\w+[ \t]+)?$"
)
_CAST_AFTER = re.compile(
    r"(?i)^[ \t]*(?:of|who|whom|whose|from|in|are|were|have|had|share|shares|play|playing|do|did|carry|"
    r"bring|make|elevate|give|deliver|and[ \t]+(?:a|an|the|their|its)|,[ \t]*(?-i:[A-Z]))\b"
)
_QUANTITY_AFTER = re.compile(
    r"(?i)^[ \t]*(?:of|[a-z][a-z'’-]*)\b"
)
_CONTEXT_BEFORE_FRACTION = re.compile(
    r"(?i)\b(?:on|opens?|opening|released?|premieres?|premiering|airs?|airing|dated?|from|through|until|till"
    r"|by|since|before|after|went|shooting|shot|hit|made|scored|won|lost|episode|ep\.?|chapter|part|page"
    r"|image|photo|slide|step|day|week|round|game|no\.?|#|vol\.?|volume|issue|season|disc|track)[ \t]*$"
)
_PAGE_MARKER = re.compile(
    r"(?im)^[ \t]*(?:\d+[ \t]+(?:thoughts|responses|comments|replies|reactions)[ \t]+(?:on|to)\b"
    r"|leave[ \t]+a[ \t]+(?:comment|reply)\b|(?:reader[ \t]+)?comments?[ \t]*(?:\(\d+\))?[ \t]*:?[ \t]*$"
    r"|join[ \t]+the[ \t]+(?:discussion|conversation)\b|what[ \t]+do[ \t]+you[ \t]+think\?)"
)
_STANDALONE_FILLER = frozenset(
    "a an solid strong generous easy firm full perfect overall verdict rating final my our just only maybe "
    "probably about around roughly out of from me for stars star total score and that's thats so yeah yes "
    "it's its definitely easily comfortably very well-earned hard-earned deserved richly the film movie gets "
    "earns this one is rating: verdict: grade: in book all told tops max whopping measly mere respectable "
    "healthy modest clean high low i'd id say i'll i'm giving give it".split()
)

# Statements of the outlet's scale: "ratings are out of four stars", "our scale: 0-10".
_SCALE_STATEMENTS = (
    re.compile(
        r"(?i)\b(?:ratings?|reviews?|films?|movies?|grades?|scores?|stars?|rated|graded|scored|system)\b"
        r"[^.\n]{0,40}?(?<![\w½])(?<!\d[ \t])(?:out[ \t]+of|on[ \t]+a[ \t]+scale[ \t]+of)[ \t]+"
        r"(?P<n>four|five|ten|a[ \t]+hundred|4|5|10|100)\b"
    ),
    re.compile(
        r"(?i)\bscale(?:[ \t]+(?:of|from|is))?[ \t]*:?[ \t]*(?:0|1|zero|one|half[ \t]+a[ \t]+star)[ \t]*"
        r"(?:-|–|—|to|through)[ \t]*(?P<n>four|five|ten|a[ \t]+hundred|4|5|10|100)\b"
    ),
    re.compile(r"(?i)\b(?P<n>four|five|ten|hundred|4|5|10|100)[ \t-](?:star|point)[ \t]+(?:scale|system|rating)\b"),
    re.compile(r"(?i)\((?:ratings?|stars?)?[ \t]*out[ \t]+of[ \t]+(?P<n>four|five|ten|4|5|10)(?:[ \t]+stars)?\)"),
)

_BOUNDARY = re.compile(r"[.!?…][\"”’')\]]*\s+|\n")
_CLAUSE = re.compile(rf"[,;:(]|\s[{_DASH_CLS}]\s|\bbut\b|\bwhile\b|\bthough\b|\balthough\b")


# ---------------------------------------------------------------------------
# Results
# ---------------------------------------------------------------------------


@dataclass(frozen=True)
class Rating:
    """One rating as written.  ``score`` is 0-100; letters keep their grade as ``value``."""

    text: str
    start: int | None
    end: int | None
    scale: float | None
    value: float | str | None
    score: float
    kind: str
    source: str = "text"

    def to_dict(self) -> dict[str, Any]:
        return {"text": self.text, "start": self.start, "end": self.end, "scale": self.scale,
                "value": self.value, "score": self.score, "kind": self.kind, "source": self.source}


@dataclass(frozen=True)
class Mention:
    """A real rating that is not the critic's overall rating of this film."""

    rating: Rating
    reason: str

    def to_dict(self) -> dict[str, Any]:
        return {**self.rating.to_dict(), "reason": self.reason}


@dataclass(frozen=True)
class Rejected:
    """Something rating-shaped that is not a rating."""

    text: str
    start: int | None
    end: int | None
    reason: str

    def to_dict(self) -> dict[str, Any]:
        return {"text": self.text, "start": self.start, "end": self.end, "reason": self.reason}


@dataclass
class RatingResult:
    best: Rating | None
    best_reason: str = ""
    mentions: list[Mention] = field(default_factory=list)
    rejected: list[Rejected] = field(default_factory=list)
    page_scale: int | None = None

    def to_dict(self) -> dict[str, Any]:
        return {
            "best": self.best.to_dict() if self.best else None,
            "mentions": [m.to_dict() for m in self.mentions],
            "rejected": [r.to_dict() for r in self.rejected],
        }


@dataclass
class _Cand:
    start: int
    end: int
    kind: str
    value: float | str | None = None
    scale: float | None = None
    score: float | None = None
    strong: bool = False  # unmistakably a rating whatever the context
    explicit_scale: bool = False
    problem: str | None = None  # set when the expression itself is not a valid rating
    status: str = "rejected"  # rejected | mention | eligible
    reason: str = ""
    priority: float = 0.0
    extra_end: int = 0  # end of a trailing scale note such as "(out of four)"

    def rating(self, text: str) -> Rating:
        return Rating(text=text[self.start:self.end], start=self.start, end=self.end, scale=self.scale,
                      value=self.value, score=float(self.score if self.score is not None else 0.0),
                      kind=self.kind, source="text")


# ---------------------------------------------------------------------------
# Parsing helpers
# ---------------------------------------------------------------------------


def _word_value(word: str) -> float:
    return WORD_NUMBERS[re.sub(r"\s+", " ", word.lower()).replace("a ", "").replace("one hundred", "hundred")]


def _scale_value(raw: str) -> float:
    raw = re.sub(r"\s+", " ", raw.strip().lower())
    if raw[0].isdigit():
        return float(raw)
    return _word_value(raw.split(" ")[-1])


def _val(m: re.Match[str]) -> tuple[float, bool]:
    """The numeric value of a ``_VAL`` match, and whether it was written in words."""
    gd = m.groupdict()
    if gd.get("halfonly"):
        return 0.5, not gd["halfonly"].startswith("½")
    if gd.get("word"):
        return _word_value(gd["word"]) + (0.5 if gd.get("whalf") else 0.0), True
    return float(gd["num"]) + (0.5 if gd.get("nhalf") else 0.0), False


def _num(x: float) -> float | int:
    return int(x) if float(x).is_integer() else x


def _linear(value: float, scale: float) -> float:
    return round(100.0 * value / scale, 2)


def _grade_key(letter: str, sign: str | None) -> str:
    sign = (sign or "").strip().lower()
    if sign.endswith("plus") or sign == "+":
        return letter + "+"
    if sign.endswith("minus") or (sign and sign in _DASH):
        return letter + "-"
    return letter


def _page_scale(text: str) -> int | None:
    for pattern in _SCALE_STATEMENTS:
        m = pattern.search(text)
        if m:
            n = int(_scale_value(m.group("n")))
            if n in FRACTION_SCALES:
                return n
    return None


def _comments_start(text: str) -> int:
    """Offset where a reader-comment section starts in raw page text (``len(text)`` if none)."""
    for m in _PAGE_MARKER.finditer(text):
        if m.start() > len(text) * 0.3:
            return m.start()
    return len(text)


# ---------------------------------------------------------------------------
# Candidate generation
# ---------------------------------------------------------------------------


def _stars_scale(value: float, page_scale: int | None, default: int) -> tuple[float | None, str | None]:
    scale = page_scale if page_scale in STAR_SCALES else default
    if value > scale:
        return None, f"{_num(value)} stars with no stated scale above {scale}"
    return float(scale), None


def _candidates(text: str, page_scale: int | None, default_scale: int) -> list[_Cand]:
    out: list[_Cand] = []

    for m in _OUT_OF.finditer(text):
        value, in_words = _val(m)
        scale = _scale_value(m.group("scale"))
        has_stars = bool(m.group("s1") or m.group("s2"))
        c = _Cand(m.start(), m.end(), "words" if in_words else "out_of", _num(value), _num(scale),
                  strong=has_stars, explicit_scale=True)
        if m.group("conn").lower() == "of" and not has_stars:
            c.problem = "'N of M' without stars is a count, not a rating"
        elif scale not in FRACTION_SCALES or (has_stars and scale not in STAR_SCALES):
            c.problem = f"unsupported scale {_num(scale)}"
        elif value > scale:
            c.problem = "value above scale"
        out.append(c)

    for m in _FRACTION.finditer(text):
        value = float(m.group("num")) + (0.5 if m.group("nhalf") else 0.0)
        scale = float(m.group("scale"))
        c = _Cand(m.start(), m.end(), "fraction", _num(value), _num(scale),
                  strong=bool(m.group("s2")), explicit_scale=True)
        if scale not in FRACTION_SCALES:
            c.problem = f"unsupported scale {_num(scale)}" if value <= scale else "not a fraction of a scale"
        elif value > scale:
            c.problem = "value above scale"
        out.append(c)

    for m in _STARS.finditer(text):
        value, in_words = _val(m)
        c = _Cand(m.start(), m.end(), "words" if in_words else "stars", _num(value))
        sep = m.group("sep")
        if "-" in sep and not sep.strip(" \t-") and not sep.startswith((" ", "\t")):
            c.problem = "attributive 'N-star' (a 5-star hotel, a 4-star review)"
        elif m.group("sw").lower() == "star" and value > 1:
            c.problem = "attributive 'N star' (singular)"
        else:
            scale, problem = _stars_scale(value, page_scale, default_scale)
            c.scale, c.problem = (_num(scale) if scale else None), problem
        # fractional star counts are never people
        c.strong = not in_words and value != int(value)
        out.append(c)

    for m in _GLYPH.finditer(text):
        run = m.group()
        full = sum(run.count(g) for g in "★⭐✪✭✮✯")
        empty = run.count("☆") + run.count("✩")
        half = run.count("½") + run.count("1/2") + sum(run.count(g) for g in "⯨⯪⯫")
        value = full + 0.5 * min(half, 1)
        c = _Cand(m.start(), m.end(), "stars", _num(value), strong=True)
        if empty or any(g in run for g in "⯨⯪⯫"):
            c.scale, c.explicit_scale = full + empty + min(half, 1), True
        else:
            scale, c.problem = _stars_scale(value, page_scale, default_scale)
            c.scale = _num(scale) if scale else None
        if full + half == 0 and empty == 0:
            continue
        out.append(c)

    for m in _ASTER.finditer(text):
        run = m.group()
        stars = run.count("*")
        half = "½" in run or "1/2" in run
        value = stars + (0.5 if half else 0.0)
        c = _Cand(m.start(), m.end(), "stars", _num(value), strong=half)
        scale, c.problem = _stars_scale(value, page_scale, default_scale)
        c.scale = _num(scale) if scale else None
        out.append(c)

    for m in _THUMBS.finditer(text):
        count = (m.group("count") or "").lower()
        up = m.group("dir").lower()
        if m.group("dir2") or up == "sideways":
            value, scale = 1, 2
        elif count in ("two", "2", "both"):
            value, scale = (2 if up == "up" else 0), 2
        elif count in ("one", "1"):
            value, scale = 1, 2
        else:
            value, scale = (1 if up == "up" else 0), 1
        out.append(_Cand(m.start(), m.end(), "thumbs", value, scale, explicit_scale=True))

    for m in _PERCENT.finditer(text):
        value = float(m.group("num"))
        c = _Cand(m.start(), m.end(), "percent", _num(value), 100, explicit_scale=True)
        if value > 100:
            c.problem = "value above 100%"
        out.append(c)

    for m in _NUMBER_AFTER_CUE.finditer(text):
        value = float(m.group("num"))
        c = _Cand(m.start("num"), m.end("num"), "number", _num(value), page_scale, explicit_scale=True)
        if page_scale is None:
            c.problem = "a bare number with no stated scale"
        elif value > page_scale:
            c.problem = "value above the page's stated scale"
        out.append(c)

    for pattern in (_LABEL_LETTER, _OWN_LINE_LETTER, _CUE_LETTER):
        for m in pattern.finditer(text):
            key = _grade_key(m.group("letter"), m.group("sign"))
            s = m.start("letter")
            out.append(_Cand(s, m.end(), "letter", key, None, explicit_scale=True))

    return out


def _resolve_overlaps(cands: list[_Cand]) -> list[_Cand]:
    cands.sort(key=lambda c: (c.start, -(c.end - c.start)))
    kept: list[_Cand] = []
    last_end = -1
    for c in cands:
        if c.start < last_end:
            prev = kept[-1]
            # a longer expression later in an overlap replaces a shorter earlier one
            if c.end - c.start > prev.end - prev.start and c.end > prev.end:
                kept[-1] = c
                last_end = c.end
            continue
        kept.append(c)
        last_end = c.end
    return kept


# ---------------------------------------------------------------------------
# Context
# ---------------------------------------------------------------------------


@dataclass
class _Ctx:
    line: str
    prefix: str  # line text before the candidate
    suffix: str  # line text after the candidate (after any scale note)
    sentence: str
    sent_prefix: str
    sent_suffix: str
    clause_prefix: str


def _context(text: str, start: int, end: int) -> _Ctx:
    ls = text.rfind("\n", 0, start) + 1
    le = text.find("\n", end)
    if le < 0:
        le = len(text)
    ss = ls
    for m in _BOUNDARY.finditer(text, max(ls, start - 400), start):
        ss = m.end()
    m_end = _BOUNDARY.search(text, end, min(le, end + 400))
    se = m_end.start() + 1 if m_end else le
    sent_prefix = text[ss:start]
    cs = 0
    for m in _CLAUSE.finditer(sent_prefix):
        cs = m.end()
    return _Ctx(
        line=text[ls:le], prefix=text[ls:start], suffix=text[end:le], sentence=text[ss:se],
        sent_prefix=sent_prefix, sent_suffix=text[end:se], clause_prefix=sent_prefix[cs:],
    )


def _strip_decor(s: str) -> str:
    return s.strip(_DECOR)


def _title_in_heading(title: str, heading: str) -> bool:
    return bool(title) and title.lower() in heading.lower()


def _is_standalone(ctx: _Ctx, start_in_sentence: int, length: int) -> bool:
    rest = ctx.sentence[:start_in_sentence] + " " + ctx.sentence[start_in_sentence + length:]
    words = [w.strip(_DECOR).lower() for w in rest.split()]
    words = [w for w in words if w]
    return len(words) <= 8 and all(w in _STANDALONE_FILLER for w in words)


def _judge(c: _Cand, text: str, heading: str, comments_at: int) -> None:
    """Set ``status``, ``reason`` and ``priority`` of a candidate from its context."""
    if c.problem:
        c.status, c.reason = "rejected", c.problem
        return
    note = _SCALE_NOTE.match(text, c.end)
    if note and c.kind in ("stars", "words") and not c.explicit_scale:
        n = _scale_value(note.group("n1") or note.group("n2"))
        if n in STAR_SCALES and float(c.value) <= n:  # type: ignore[arg-type]
            c.scale, c.explicit_scale, c.extra_end = _num(n), True, note.end()
    ctx = _context(text, c.start, c.extra_end or c.end)
    prefix_clean = ctx.prefix.replace("*", " ").replace("_", " ")
    label = _LABEL_END.search(prefix_clean)
    category = _CATEGORY_END.search(prefix_clean)
    classification = bool(label and _CLASSIFICATION.search(prefix_clean[max(0, label.start() - 20):]))
    pre = _strip_decor(prefix_clean)
    suf = _strip_decor(_FROM_ME.sub("", ctx.suffix, count=1))
    own_line = not pre and not suf
    labelled = bool(label) and not classification and not _strip_decor(prefix_clean[:label.start("label")])
    label_in_line = bool(label) and not classification
    title_line = (not suf and not label_in_line and not category
                  and bool(_TITLE_LINE.match(ctx.prefix.strip() + " ")) if pre else False)
    title_line = title_line or (not suf and not label_in_line and not category and bool(pre)
                                and bool(_TITLE_LINE.match(ctx.prefix.lstrip())))
    paren = ctx.prefix.rstrip().endswith(("(", "[")) and ctx.suffix.lstrip().startswith((")", "]"))
    give = _GIVE_CUE.search(ctx.clause_prefix)
    is_cue = _IS_CUE.search(ctx.clause_prefix)
    from_me = bool(_FROM_ME.match(ctx.suffix))
    suffix_ok = bool(_SUFFIX_OK.match(ctx.sent_suffix if ctx.sent_suffix.strip() else ""))
    sent_start = len(ctx.sentence) - len(ctx.sent_suffix) - (c.end - c.start) - (
        (c.extra_end - c.end) if c.extra_end else 0)
    standalone = _is_standalone(ctx, max(0, sent_start), (c.extra_end or c.end) - c.start)

    # Whose rating is it, and of what?
    other_title = None
    cue = False
    if give:
        obj = (give.group("obj") or "").strip()
        cue = True
        if obj and obj.lower() not in _PRONOUN_SUBJECTS and not _title_in_heading(obj, heading):
            other_title = obj
    elif is_cue and (suffix_ok or c.kind in ("letter",) and suffix_ok):
        subj = re.sub(r"\s+", " ", is_cue.group("subj").strip())
        low = subj.lower()
        if low in _PRONOUN_SUBJECTS or low.endswith(" it") or low.endswith("makes it"):
            cue = True
        elif low.split(" ")[0] not in _NOT_TITLES and _title_in_heading(subj, heading):
            cue = True
    cue = cue or (from_me and not ctx.clause_prefix.strip(_DECOR))
    sentence_level = ctx.sentence
    if c.start >= comments_at:
        c.status, c.reason = "mention", "in the reader-comment section of the page"
        return
    if category and not labelled:
        c.status, c.reason = "mention", "category sub-score, not the overall rating"
        return
    if c.kind == "stars" and c.value is not None and not c.strong:
        prev = ctx.prefix
        if _CAST_BEFORE.search(prev) or (_CAST_AFTER.match(ctx.suffix) and not cue):
            if not (labelled or own_line or cue or paren):
                c.status, c.reason = "rejected", "'stars' are cast members here"
                return
    if c.kind == "words" and "star" in text[c.start:c.end].lower():
        if _CAST_BEFORE.search(ctx.prefix) and not (labelled or own_line or cue):
            c.status, c.reason = "rejected", "'stars' are cast members here"
            return
        if _CAST_AFTER.match(ctx.suffix) and not (labelled or own_line or cue):
            c.status, c.reason = "rejected", "'stars' are cast members here"
            return

    # Real ratings that belong to someone or something else.
    if _AGGREGATOR.search(sentence_level) or (not labelled and _AGGREGATOR.search(ctx.line)):
        c.status, c.reason = "mention", "aggregator, audience or user score"
        return
    if not labelled and _OUTLETS.search(sentence_level):
        c.status, c.reason = "mention", "attributed to another critic or outlet"
        return
    if _ATTRIB.search(ctx.clause_prefix) or (not labelled and _ATTRIB.search(ctx.sent_prefix)
                                             and not give and not own_line):
        c.status, c.reason = "mention", "a past or attributed rating, not this review's"
        return
    if _POSSESSIVE_BEFORE.search(ctx.prefix) and not labelled:
        c.status, c.reason = "mention", "someone else's rating"
        return
    if _REVIEW_REF.match(ctx.suffix) or _REVIEW_OF.search(ctx.sentence):
        if not (labelled or own_line):
            c.status, c.reason = "mention", "refers to a review (of another film)"
            return
    if _RELATIVE.search(ctx.clause_prefix) or _RELATIVE.search(ctx.sent_prefix[-40:]):
        if not (labelled or own_line):
            c.status, c.reason = "mention", "rating inside a clause about another film"
            return
    if other_title:
        c.status, c.reason = "mention", f"rating given to another named film ({other_title})"
        return
    comparison = bool(_COMPARISON.search(ctx.sentence)) and not (labelled or own_line)
    if comparison and not (cue and not _COMPARISON.search(ctx.clause_prefix)):
        c.status, c.reason = "mention", "inside a comparison with another film"
        return

    # Not a rating at all without rating context.
    context_ok = labelled or own_line or cue or title_line or paren or standalone
    if c.kind == "letter":
        context_ok = labelled or (own_line and _letter_line_ok(text, c)) or (cue and suffix_ok)
        if not context_ok:
            c.status, c.reason = "rejected", "a capital letter, not a grade in this context"
            return
    elif c.kind == "fraction" and not c.strong:
        if _CONTEXT_BEFORE_FRACTION.search(ctx.prefix) and not labelled:
            c.status, c.reason = "rejected", "date, count or score, not a rating"
            return
        if not (labelled or own_line or title_line or paren or (cue and suffix_ok) or standalone):
            reason = ("a fraction of a quantity" if _QUANTITY_AFTER.match(ctx.suffix)
                      else "no rating context (label, own line, 'I give it')")
            c.status, c.reason = "rejected", reason
            return
    elif c.kind == "stars" and text[c.start] == "*":
        if own_line and not labelled and c.value == int(c.value):  # type: ignore[arg-type]
            c.status, c.reason = "rejected", "a row of asterisks (section break)"
            return
        capsule = bool(_CAPSULE_TITLE.match(ctx.prefix)) and not suf
        if not (c.strong or labelled or paren or capsule or c.extra_end or title_line):
            c.status, c.reason = "rejected", "asterisks, not a star rating"
            return
    elif c.kind == "percent":
        if not (labelled or own_line or (cue and suffix_ok)):
            c.status, c.reason = "rejected", "a percentage, not a rating"
            return
    elif c.kind == "thumbs":
        if not (labelled or own_line or (cue and suffix_ok) or standalone or title_line):
            c.status, c.reason = "rejected", "'thumbs up/down' used as an idiom"
            return
    elif not c.strong:
        if c.kind in ("out_of", "words") and not (suffix_ok or own_line or labelled):
            c.status, c.reason = "rejected", "a count ('N out of M people'), not a rating"
            return
        if not context_ok:
            c.status, c.reason = "rejected", "no rating context (label, own line, 'I give it')"
            return

    c.status = "eligible"
    prio = 0.0
    why: list[str] = []
    if labelled and label:
        strong_label = bool(_STRONG_LABEL.search(label.group("label")))
        prio += _P_LABEL_STRONG if strong_label else _P_LABEL
        why.append(f"labelled '{label.group('label').strip()}'")
    if own_line:
        prio += _P_OWN_LINE
        why.append("on a line of its own")
    elif title_line:
        prio += _P_TITLE_LINE
        why.append("after the title on a short line")
    if cue:
        prio += _P_CUE
        why.append("the critic gives it ('I give it', 'it's a')")
    if standalone and not own_line:
        prio += _P_STANDALONE
        why.append("a sentence of its own")
    if paren:
        prio += _P_PAREN
        why.append("in parentheses")
    if not why:
        prio += _P_PROSE
        why.append("an unambiguous rating form in the prose")
    if c.start < max(600, len(text) * 0.25) or c.end > len(text) - max(600, len(text) * 0.25):
        prio += _P_EDGE
    if comparison:
        prio += _P_COMPARISON
        why.append("penalised: sentence compares with another film")
    if c.kind in ("fraction", "out_of") or c.strong:
        prio += 1
    c.priority, c.reason = prio, ", ".join(why)


def _letter_line_ok(text: str, c: _Cand) -> bool:
    """A letter alone on a line is a grade unless it is a drop cap or part of a letter widget."""
    nxt = text[c.end:].lstrip(" \t*_.!\n")
    if nxt[:1].islower():
        return False  # drop cap: "A\nlong time ago..."
    ls = text.rfind("\n", 0, c.start)
    prev_line = text[text.rfind("\n", 0, max(ls, 0)) + 1:max(ls, 0)].strip() if ls > 0 else ""
    le = text.find("\n", c.end)
    next_line = text[le + 1:text.find("\n", le + 1) if text.find("\n", le + 1) >= 0 else len(text)].strip() \
        if le >= 0 else ""
    single = re.compile(r"^[A-Z][+-]?$")
    return not (single.match(prev_line) or single.match(next_line))


# ---------------------------------------------------------------------------
# Structured data
# ---------------------------------------------------------------------------


def _to_number(raw: Any) -> float | None:
    if isinstance(raw, bool):
        return None
    if isinstance(raw, int | float):
        return float(raw)
    if isinstance(raw, str):
        s = raw.strip().replace(",", ".")
        try:
            return float(s)
        except ValueError:
            return None
    return None


def _fmt(raw: Any) -> str:
    if isinstance(raw, str):
        return raw.strip()
    n = float(raw)
    return str(int(n)) if n.is_integer() else str(n)


def _find_review_rating(structured: dict[str, Any]) -> Any:
    if "reviewRating" in structured:
        return structured["reviewRating"]
    review = structured.get("review")
    if isinstance(review, list):
        review = next((r for r in review if isinstance(r, dict) and "reviewRating" in r), None)
    if isinstance(review, dict):
        return review.get("reviewRating")
    return None


def _structured(structured: dict[str, Any] | None) -> Rating | Rejected | None:
    if not structured:
        return None
    rr = _find_review_rating(structured)
    if rr is None:
        return None
    if isinstance(rr, list):
        rr = next((r for r in rr if isinstance(r, dict)), rr[0] if rr else None)
    if isinstance(rr, int | float | str):
        rr = {"ratingValue": rr}
    if not isinstance(rr, dict) or rr.get("ratingValue") in (None, ""):
        return Rejected(text=str(rr), start=None, end=None, reason="structured reviewRating without ratingValue")
    raw = rr["ratingValue"]
    if isinstance(raw, str):
        m = re.fullmatch(r"\s*" + _GRADE + r"\s*", raw)
        if m:
            key = _grade_key(m.group("letter"), m.group("sign"))
            return Rating(text=raw.strip(), start=None, end=None, scale=None, value=key,
                          score=float(LETTER_SCORES[key]), kind="structured", source="structured")
    value = _to_number(raw)
    best_raw = rr.get("bestRating", 5)
    best = _to_number(best_raw)
    worst = _to_number(rr.get("worstRating", 0))
    if value is None or best is None or best <= 0:
        return Rejected(text=str(raw), start=None, end=None, reason="structured rating is not numeric")
    if worst is None:
        worst = 0.0
    if value > best or value < min(worst, 0.0):
        return Rejected(text=f"{_fmt(raw)}/{_fmt(best_raw)}", start=None, end=None,
                        reason="structured rating outside its scale")
    # worstRating 0 or 1 is schema boilerplate: read "3 of best 5" as 60, like the page text.
    if worst in (0.0, 1.0) or worst >= best:
        score = _linear(value, best)
    else:
        score = round(100.0 * (value - worst) / (best - worst), 2)
    return Rating(text=f"{_fmt(raw)}/{_fmt(best_raw)}", start=None, end=None, scale=_num(best),
                  value=_num(value), score=score, kind="structured", source="structured")


# ---------------------------------------------------------------------------
# Public API
# ---------------------------------------------------------------------------


def _score(c: _Cand) -> float:
    if c.kind == "letter":
        return float(LETTER_SCORES[str(c.value)])
    return _linear(float(c.value), float(c.scale))  # type: ignore[arg-type]


def extract_ratings(
    text: str,
    structured: dict[str, Any] | None = None,
    *,
    headline: str | None = None,
    default_star_scale: int = DEFAULT_STAR_SCALE,
) -> RatingResult:
    """Find the critic's own rating in ``text`` (and JSON-LD ``structured`` data).

    ``headline`` (else the first line of ``text``) tells whose title a sentence like
    "Past Lives is a 9/10" names.  Stars without any stated scale are read on
    ``default_star_scale``.
    """
    text = text or ""
    page_scale = _page_scale(text)
    heading = headline or text.lstrip()[:200].split("\n", 1)[0]
    comments_at = _comments_start(text)
    cands = _resolve_overlaps(_candidates(text, page_scale, default_star_scale))
    result = RatingResult(best=None, page_scale=page_scale)

    for c in cands:
        _judge(c, text, heading, comments_at)
        if c.status != "rejected" and c.score is None:
            c.score = _score(c)

    structured_rating = _structured(structured)
    if isinstance(structured_rating, Rejected):
        result.rejected.append(structured_rating)
        structured_rating = None

    eligible = [c for c in cands if c.status == "eligible"]
    # Bare fractions on their own lines with one denominator and several values are counters.
    counters = _counter_lines(text, eligible)
    for c in counters:
        c.status, c.reason = "rejected", "a gallery or page counter"
    eligible = [c for c in eligible if c.status == "eligible"]
    best_c = max(eligible, key=lambda c: (c.priority, -c.start)) if eligible else None

    if structured_rating is not None:
        result.best = structured_rating
        result.best_reason = "structured data (JSON-LD reviewRating) takes precedence"
    elif best_c is not None:
        result.best = best_c.rating(text)
        result.best_reason = best_c.reason

    for c in cands:
        if c.status == "rejected":
            if len(result.rejected) < _MAX_REJECTED and _worth_logging(c, text):
                result.rejected.append(Rejected(text[c.start:c.end], c.start, c.end, c.reason))
            continue
        if c is best_c and structured_rating is None:
            continue
        if c.status == "eligible":
            same = result.best is not None and abs(result.best.score - (c.score or 0)) < 1e-9
            if structured_rating is not None:
                reason = ("agrees with the structured rating" if same
                          else "structured data (JSON-LD reviewRating) takes precedence")
            else:
                reason = "repeats the best rating" if same else f"lower precedence than the best rating ({c.reason})"
        else:
            reason = c.reason
        result.mentions.append(Mention(c.rating(text), reason))

    for m in _DATE_TIME.finditer(text):
        if len(result.rejected) >= _MAX_REJECTED:
            break
        kind = "clock time" if ":" in m.group() else "date"
        result.rejected.append(Rejected(m.group(), m.start(), m.end(), f"a {kind}, not a rating"))
    result.rejected.sort(key=lambda r: (r.start is None, r.start or 0))
    return result


def _counter_lines(text: str, eligible: list[_Cand]) -> list[_Cand]:
    by_scale: dict[float, list[_Cand]] = {}
    for c in eligible:
        if c.kind == "fraction" and not c.strong and "label" not in c.reason:
            by_scale.setdefault(float(c.scale or 0), []).append(c)  # type: ignore[arg-type]
    found: list[_Cand] = []
    for group in by_scale.values():
        if len({c.value for c in group}) >= 2:
            found.extend(group)
    return found


def _worth_logging(c: _Cand, text: str) -> bool:
    """Skip noise such as bullet asterisks and every percentage in the text."""
    if c.kind == "stars" and text[c.start] == "*":
        return c.end - c.start > 1 and "section" not in c.reason
    return c.kind != "percent" or "rating" in c.reason


def explain(result: RatingResult) -> str:
    """A readable account of what was found and why."""
    lines: list[str] = []
    if result.best is None:
        lines.append("No explicit rating by the critic.")
    else:
        b = result.best
        where = "structured data" if b.source == "structured" else f"chars {b.start}-{b.end}"
        scale = f" on a scale of {b.scale}" if b.scale is not None else ""
        lines.append(f"Rating: {b.text!r} ({b.kind}{scale}, {where}) -> {b.score:g}/100")
        if result.best_reason:
            lines.append(f"  why: {result.best_reason}")
    if result.page_scale:
        lines.append(f"Page states its scale: out of {result.page_scale}")
    if result.mentions:
        lines.append("Other ratings on the page (not the critic's overall rating):")
        for m in result.mentions:
            r = m.rating
            pos = f"@{r.start}" if r.start is not None else "@structured"
            lines.append(f"  - {r.text!r} {pos} -> {r.score:g}/100: {m.reason}")
    if result.rejected:
        lines.append("Rejected (not ratings):")
        for x in result.rejected:
            pos = f"@{x.start}" if x.start is not None else "@structured"
            lines.append(f"  - {x.text!r} {pos}: {x.reason}")
    return "\n".join(lines)


class RatingsComponent:
    """Pipeline stage writing ``doc.ext["ratings"]``."""

    name = "ratings"
    requires: tuple[str, ...] = ()
    assigns: tuple[str, ...] = ("ratings",)

    def __init__(self, default_star_scale: int = DEFAULT_STAR_SCALE):
        self.default_star_scale = default_star_scale

    def __call__(self, doc: ReviewDoc) -> ReviewDoc:
        result = extract_ratings(doc.text, doc.structured or None, headline=doc.headline,
                                 default_star_scale=self.default_star_scale)
        doc.ext["ratings"] = result.to_dict()
        return doc


def create_component(settings: Settings, **resources: Any) -> RatingsComponent:
    scale = resources.get("default_star_scale", DEFAULT_STAR_SCALE)
    return RatingsComponent(default_star_scale=int(scale))
