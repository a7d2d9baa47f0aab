"""Line patterns as data: page furniture, photo credits, caption shapes, rating and byline lines.

Every pattern is matched against a whole, whitespace-normalised line (``fullmatch``),
case-insensitively unless noted, and only on lines short enough to be furniture, so critic
prose that merely contains "advertisement" or "share" is never touched.  Adding a kind is
adding a list here; :func:`compile_alternation` refuses empty alternatives, which would
otherwise match every line.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

MAX_FURNITURE_CHARS = 240

FURNITURE: dict[str, list[str]] = {
    "ad": [
        r"advertisement",
        r"advertisement\s*[-–—:]?\s*(?:scroll|continue)\b.*",
        r"(?:story|article) continues (?:below|after)(?: this)?(?: advertisement| ad)?",
        r"sponsored(?: content| post| links?)?",
        r"paid (?:content|post|partnership)",
        r"promoted(?: content| stories)?",
        r"ad",
        r"ads? by \w+",
    ],
    "audio": [
        r"select voice",
        r"choose your listening speed",
        r"get through articles \d+(?:\.\d+)?x faster",
        r"listen to (?:this|the) (?:article|story|review)(?:\s*[-–:·]?\s*\d+\s*min(?:ute)?s?)?",
        r"listen\s*[-–:·]?\s*\d+\s*min(?:ute)?s?",
        r"(?:play|pause|playing) (?:audio|article|this article)",
        r"audio (?:version|article)",
        r"text to speech",
        r"voiced by (?:ai|artificial intelligence)\.?",
        r"powered by (?:trinity audio|beyondwords|speechkit|instaread)\.?",
        r"\d(?:\.\d{1,2})?x",
        r"\d{2,3}\s*wpm",
        r"listening speed",
    ],
    "reading_time": [
        r"(?:estimated )?read(?:ing)?\s*time\s*:?\s*(?:about\s*)?\d+\s*(?:min(?:ute)?s?|mins?)\.?",
        r"\d+\s*(?:min(?:ute)?s?)\s*read",
        r"\d+\s*(?:min(?:ute)?s?)\s*(?:reading|read time)",
    ],
    "share": [
        r"share(?: this| the)?(?: article| story| post| page| review)?(?: on| via| with)?(?: \w+)?\s*:?",
        r"(?:click to )?share on (?:facebook|twitter|x|linkedin|whatsapp|reddit|pinterest|bluesky|threads|email)"
        r"(?: \(opens in new window\))?",
        r"tweet|pin(?: it)?|e-?mail|print|copy(?: the)? link|link copied|gift(?: this)? article|save(?: article)?"
        r"|bookmark|comment",
        r"facebook|twitter|linkedin|whatsapp|reddit|pinterest|tumblr|flipboard|bluesky|threads|messenger",
    ],
    "subscribe": [
        r"sign up (?:for|to) (?:our|the)\b.{0,80}",
        r"subscribe(?: now| today| here)?(?: to (?:our|the)\b.{0,80})?[.!]?",
        r"(?:get|receive) (?:our|the) .{0,60}newsletter.{0,60}",
        r"newsletters?",
        r"follow us(?: on .{1,60})?",
        r"follow @\w+.{0,40}",
        r"follow \S.{0,60}? (?:on|at) (?:https?://\S+|twitter|x|instagram|facebook|bluesky|threads|mastodon)\b.{0,40}",
        r"(?:type|enter) your e-?mail(?: address)?.{0,40}",
        r"join our (?:mailing list|newsletter|community).{0,60}",
        r"already (?:a subscriber|have an account)\?.{0,40}",
        r"sign in|log ?in|register|create (?:a free )?account",
    ],
    "trust": [
        r"why you can trust \S.{0,60}",
        r"our editorial (?:standards|policy|guidelines)",
        r"(?:we|this site) may earn (?:a )?commission.{0,120}",
        r"this (?:article|post|page) (?:contains|may contain) affiliate links.{0,120}",
        r"fact[- ]checked by .{1,60}",
    ],
    "nav": [
        r"skip to (?:main )?(?:content|navigation)",
        r"(?:main )?menu|search|home|back to top|go to top",
        r"(?:next|previous|prev) (?:article|story|post|review)",
        r"read (?:more|next)(?:\s*[:»›>].{0,100})?",
        r"continue reading.{0,60}",
        r"related(?: articles| stories| posts| reading| content| reviews)?\s*:?",
        r"(?:read|see) (?:also|more)\s*:.{0,120}",
        r"(?:related|also read|recommended|watch|listen)\s*:\s*.{1,120}",
        r"more (?:from|on|in) .{1,60}",
        r"you (?:may|might) also like.{0,40}",
        r"recommended(?: for you| reading)?",
        r"most (?:popular|read|viewed|shared)",
        r"trending(?: now)?",
        r"click here.{0,80}",
        r"back to (?:the )?.{1,60}",
        r"(?:e-?mail|contact|message) (?:me|us|the author)",
        r"(?:top|latest) (?:stories|news|reviews)",
        r"\S.{0,40} top stories",
    ],
    "separator": [
        r"[-–—_*~=#•·.\s]{2,}",
        r"posted to (?:[a-z0-9]+\.)+[a-z0-9]+",
    ],
    "tags": [
        r"tags?\s*:.{0,200}",
        r"topics?\s*:.{0,200}",
        r"filed under\s*:?.{0,200}",
        r"categor(?:y|ies)\s*:.{0,200}",
        r"posted in .{1,120}",
    ],
    "legal": [
        r"(?:copyright\s*)?©.{0,100}",
        r"(?:copyright|\(c\))\s+\d{4}\b.{0,200}",
        r"all rights reserved\.?.{0,80}",
        r"privacy(?: policy| notice)?|terms(?: of (?:use|service))?|cookie (?:policy|settings|preferences)",
        r"do not sell or share my personal information|do not sell my personal information",
        r"we use cookies\b.{0,200}",
        r"accept(?: all)?(?: cookies)?|reject(?: all)?(?: cookies)?|manage (?:cookies|preferences|consent)",
    ],
    "comments_header": [
        r"\d+\s+(?:thoughts?|responses?|replies|comments?|reactions?)\s+(?:on|to)\b.{0,200}",
        r"\d+\s+(?:reader )?(?:comments?|responses?|replies)\s*:?",
        r"(?:reader )?(?:comments?|responses?)\s*\(\d+\)\s*:?",
        r"leave a (?:comment|reply|response)\s*:?",
        r"(?:post|add|write) a (?:comment|reply)\s*:?",
        r"(?:view|show|see|load|read) (?:all )?(?:\d+ )?comments?(?:\s*\(\d+\))?",
        r"be the first to comment.{0,40}",
    ],
    # weaker: a comment section only when comment headers or a comment form follow
    "comments_label": [
        r"(?:reader )?(?:comments?|responses?|discussion)\s*:?",
        r"join the (?:conversation|discussion)\.?",
        r"what do you think\?",
    ],
    "comment_form": [
        r"cancel reply",
        r"your email address will not be published\.?.{0,120}",
        r"required fields are marked\s*\*?\.?",
        r"(?:name|e-?mail|website|comment|url)\s*\*?\s*(?:\(required\))?",
        r"(?:post|submit|publish|send) (?:comment|reply)",
        r"save my name, email,? and website.{0,120}",
        r"notify me of (?:follow-up comments|new posts).{0,80}",
        r"this site uses akismet.{0,120}",
        r"you must be logged in to post a comment\.?.{0,40}",
        r"log in to reply",
    ],
    "reply": [
        r"reply(?:\s*[↓→])?",
        r"like(?: loading\.{0,3})?|loading\.{0,3}|liked by \d+ (?:person|people)",
        r"[\d,.]+k? (?:likes?|replies|shares|views|followers|claps)",
        r"like(?: this)? (?:review|post|comment|article)",
    ],
}

# Only furniture when next to an "audio" line (a listen-to-article widget), e.g. its speed choices.
WIDGET_CONTEXT: list[str] = [
    r"slow(?:er)?|average|normal|fast(?:er)?|very fast|pause|play|stop|resume|speed|voice|default",
    r"\d(?:\.\d{1,2})?\s*x|\d{2,3}\s*wpm",
    r"(?:male|female)(?: voice)?|(?:us|uk) english",
]

# A whole line that credits a photo; it is furniture, and the line just before it is a caption.
CREDIT: list[str] = [
    r"(?:photo(?:graph)?|image|picture|still)?\s*credits?\s*:.{1,120}",
    r"(?:photo(?:graph)?|image|picture|still|source)\s*:.{1,120}",
    r"\(?(?:photo(?:graph(?:y)?)?|image|picture)s? (?:by|courtesy of) .{1,100}\)?\.?",
    r"\(?courtesy(?: of)? .{1,100}\)?\.?",
    r".{0,80}\b(?:getty images|shutterstock|alamy|ap photo|afp|reuters|rex features)(?:\s*/.{1,30})?\)?\.?",
]

# Caption shapes, matched case-sensitively (names and titles are capitalised).
_NAME = (
    r"[A-Z][\w'’.\-]*(?:\s+(?:(?:de|da|di|du|del|della|der|den|van|von|le|la|bin|ibn|al|el|y)\s+)*"
    r"[A-Z][\w'’.\-]*){0,3}"
)
_NAMES = _NAME + r"(?:(?:\s*,\s*(?:and\s+)?|\s+and\s+|\s*&\s*)" + _NAME + r"){0,3}"
_TITLE = r"(?:[“\"‘'].{1,80}?[”\"’']|[A-Z][^.?!]{0,60}?\(\d{4}\))"
CAPTION_SHAPES: list[str] = [
    # "Ana de Armas in “Ballerina.”", "Jeon Jong-seo as Jang Ok-ju in a still from “Ballerina”, ..."
    r"(?:\(?from left\)?,?\s*)?" + _NAMES + r"(?:\s*\((?:left|right|center|centre)\))?,?"
    r"(?:\s+(?:as|plays|playing)\s+[^,.]{1,60}?,?)?\s+in\s+(?:a\s+(?:still|scene|moment|shot|image)\s+from\s+"
    r"|the\s+(?:film|movie|series)\s+)?" + _TITLE + r"\s*[.,]?[”\"’']?\.?",
    r"(?:a|an|the)\s+(?:still|scene|moment|shot|image|frame)\s+from\s+" + _TITLE + r"[.,]?[”\"’']?\.?",
    # "Leila Hatami and Peyman Moaadi in A Separation. (Sony Pictures Classics)"
    _NAMES + r"(?:\s+(?:as|plays|playing)\s+[^,.]{1,60}?,?)?\s+in\s+[^()]{1,80}?\.?\s*"
    r"\([A-Z][\w.&'’/-]*(?:\s+[A-Z][\w.&'’/-]*){0,5}\)\.?",
]
# A line that ends with its own credit ("... directed by Lee Chung-hyun. Photo: Yoo Eun Mi/Netflix").
CAPTION_WITH_CREDIT: list[str] = [
    r".{10,400}?\s\((?:photo(?:graph)?|picture|image|credit)s?\s*(?::|by)\s*[^()]{2,80}\)\.?",
    r".{10,400}?[.”\"’)]\s*\(?(?:photo(?:graph)?|picture|image|credit)s?\s*(?::|by)\s*[^.!?]{2,80}\)?",
    r".{10,400}?\s[|/]\s*(?:photo(?:graph)?\s*:?\s*)?[^|]{0,40}\b(?:getty images|shutterstock|alamy|ap photo)\)?",
]

_RATING_VALUE = (
    r"(?:[★☆✩✪✭✮✯⭐✰\*]{1,5}\s*(?:½|1/2)?"
    r"|\d{1,3}(?:[.,]\d)?\s*(?:/|out of)\s*\d{1,3}"
    r"|[A-F][+\-−]?"
    r"|(?:half|one|two|three|four|five)(?:[- ]and[- ]a[- ]half)?"
    r"|\d(?:\.\d)?)"
)
RATING: list[str] = [
    r"(?:(?:our|my|the|critic'?s?)\s+)?(?:rating|grade|score|verdict|stars?)\s*[:\-–]\s*" + _RATING_VALUE
    + r"(?:\s*(?:stars?|out of \w+(?: stars)?))?\.?(?:\s*\(.{1,30}\))?",
    r"[★☆✩✪✭✮✯⭐✰]{1,5}\s*(?:½|1/2)?(?:\s*\(.{1,30}\))?",
    r"\d{1,3}(?:[.,]\d)?\s*(?:/|out of)\s*\d{1,3}(?:\s*stars?)?\.?",
    r"(?:half|one|two|three|four|five)(?:[- ]and[- ]a[- ]half)? stars?(?: out of (?:four|five|\d))?\.?",
    r"(?-i:[A-F][+\-−]?)",
]

BYLINE_PREFIX = (
    r"(?:(?:an?\s+)?(?:(?:film|movie)\s+)?(?:reviewed|written|words|review|essay|posted|published|story)\s+by\s*:?"
    r"|by\s*:?|(?:words|text|author|critic|reviewer|review)\s*:)\s+"
)
PARTICLES = {"de", "da", "di", "du", "del", "della", "der", "den", "van", "von", "le", "la", "bin", "ibn",
             "al", "el", "y", "st.", "mac"}
# Capitalised words that make a short line a label, not a person's name.
NOT_NAME_WORDS = {
    "review", "reviews", "film", "films", "movie", "movies", "cinema", "culture", "arts", "art",
    "entertainment", "news", "home", "opinion", "features", "feature", "stories", "story", "top", "latest",
    "more", "tv", "television", "music", "books", "best", "new", "the", "a", "an", "of", "and", "in", "on",
    "for", "with", "to", "from", "at", "our", "your", "my", "all", "this", "that", "what", "how", "why",
    "who", "where", "when", "is", "it", "its", "korean", "asian", "american", "british", "french", "indian",
    "chinese", "japanese", "world", "life", "style", "lifestyle", "sport", "sports", "science", "politics",
    "business", "travel", "health", "food", "games", "gaming", "comics", "streaming", "netflix", "hbo",
    "disney", "amazon", "apple", "prime", "video", "podcast", "podcasts", "interview", "interviews",
    "festival", "festivals", "awards", "oscars", "critics", "critic", "editor", "editors", "staff",
    "contributor", "writer", "afterword", "conclusion", "verdict", "summary", "introduction", "overview",
    "spoilers", "spoiler", "warning", "update", "updated", "credits", "cast", "crew", "director", "directed",
    "starring", "rating", "grade", "score", "trailer", "watch", "comments", "comment", "reply", "share",
    "subscribe", "newsletter", "advertisement", "sponsored", "menu", "search", "login", "sign",
}


def compile_alternation(patterns: Iterable[str], *, flags: int = re.IGNORECASE) -> re.Pattern[str]:
    """One regex matching any of ``patterns``; refuses an empty alternative (it would match every line)."""
    parts = list(patterns)
    if not parts:
        raise ValueError("no patterns to compile")
    for part in parts:
        if not part.strip():
            raise ValueError("empty alternative in a line pattern list")
        if re.fullmatch(part, "", flags):
            raise ValueError(f"pattern matches the empty line: {part!r}")
    return re.compile("|".join(f"(?:{p})" for p in parts), flags)


FURNITURE_RES: dict[str, re.Pattern[str]] = {kind: compile_alternation(p) for kind, p in FURNITURE.items()}
# all kinds in one pass; the first kind (in FURNITURE order) whose patterns match the whole line wins
_ANY_FURNITURE = re.compile(
    "|".join(f"(?P<{kind}>{rx.pattern})" for kind, rx in FURNITURE_RES.items()), re.IGNORECASE
)
WIDGET_CONTEXT_RE = compile_alternation(WIDGET_CONTEXT)
CREDIT_RE = compile_alternation(CREDIT)
CAPTION_SHAPE_RE = compile_alternation(CAPTION_SHAPES, flags=0)
CAPTION_WITH_CREDIT_RE = compile_alternation(CAPTION_WITH_CREDIT)
RATING_RE = compile_alternation(RATING)
BYLINE_PREFIX_RE = re.compile(BYLINE_PREFIX, re.IGNORECASE)
TOP_STORIES_RE = re.compile(r"(?P<name>[A-Z][\w&'’.\- ]{0,40}?)\s+Top Stories")
COPYRIGHT_RE = re.compile(
    r"(?:copyright\s*)?(?:©|\(c\)|copyright)\s*(?:\d{4}\s*[-–]?\s*)?(?:\d{4})?\s*(?P<name>[A-Z][\w&'’.\- ]{1,60}?)"
    r"\s*(?:[.,;|]|all rights reserved|$)",
    re.IGNORECASE,
)


_SEGMENTS = re.compile(r"\s+[|·•]\s+|\s{2,}")


def furniture_kind(line: str) -> str | None:
    """The furniture kind of a whole line (``"ad"``, ``"audio"``, ``"share"`` ...), or None.

    A bar of links ("Share · Tweet · Email", "Back to index | Email me") counts when every
    segment is furniture on its own.
    """
    if not line or len(line) > MAX_FURNITURE_CHARS:
        return None
    kind = _whole_kind(line)
    if kind is None and _SEGMENTS.search(line):
        kinds = [_whole_kind(part) for part in _SEGMENTS.split(line) if part.strip()]
        if len(kinds) >= 2 and all(kinds):
            kind = kinds[0]
    return kind


def _whole_kind(line: str) -> str | None:
    m = _ANY_FURNITURE.fullmatch(line)
    return m.lastgroup if m else None


def is_widget_context(line: str) -> bool:
    return len(line) <= 40 and WIDGET_CONTEXT_RE.fullmatch(line) is not None


def is_credit(line: str) -> bool:
    return bool(line) and len(line) <= 160 and len(line.split()) <= 14 and CREDIT_RE.fullmatch(line) is not None


def is_caption_shape(line: str) -> bool:
    return bool(line) and len(line) <= 200 and CAPTION_SHAPE_RE.fullmatch(line) is not None


def ends_with_credit(line: str) -> bool:
    return 20 <= len(line) <= 500 and CAPTION_WITH_CREDIT_RE.fullmatch(line) is not None


def is_rating_line(line: str) -> bool:
    return bool(line) and len(line) <= 80 and RATING_RE.fullmatch(line) is not None
