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
from functools import lru_cache

MAX_FURNITURE_CHARS = 240

_PLATFORM = (
    r"(?:facebook|twitter|x(?: \(formerly twitter\))?|linkedin|whatsapp|reddit|pinterest|bluesky|threads"
    r"|tumblr|flipboard|mastodon|messenger|telegram|e-?mail|sms)"
)
# one button of a share bar: "Share on X", "Tweet", "Copy link", "Email this article", "Facebook"
_SHARE_ITEM = (
    r"(?:(?:click to )?(?:share|post|send)(?: this)?(?: article| story| post| page| review)?"
    r" (?:on|to|via|with|by) " + _PLATFORM + r"(?: \(opens in new window\))?"
    r"|tweet(?: this)?|pin(?: it)?"
    r"|e-?mail(?: this| to a friend)?(?: article| story| post| page| review| link)?"
    r"|print(?: this)?(?: article| story| post| page| review)?"
    r"|copy(?: the)? link|link copied|gift(?: this)? article"
    r"|save(?: article| for later)?|bookmark|comment|" + _PLATFORM + r")"
)
_SHARE_BAR = r"(?:" + _SHARE_ITEM + r"\s*[,/|·•]?\s*)+"
# a spelled-out number of comments: "One comment", "12 responses to ..."
_COUNT = r"(?:\d+|no|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)"
_PRICE = r"(?:[$£€]\s?\d|\d\s?[¢p]\b|\bfree trial\b|\b(?:first|per|a|each|every) (?:month|week|year)\b)"

FURNITURE: dict[str, list[str]] = {
    "ad": [
        r"[\[(<{]?\s*[-–—]*\s*advertisement\s*[-–—]*\s*[\])>}]?",
        r"advertisement\s*[-–—:]?\s*(?:scroll|continue)\b.*",
        r"(?:story|article) continues (?:below|after)(?: this)?(?: advertisement| ad)?",
        r"[\[(]?\s*sponsored(?: content| post| links?| stories| by .{1,60})?\s*[\])]?",
        r"(?:paid|partner) (?:content|post|partnership)(?: with .{1,60})?",
        r"promoted(?: content| stories| links?)?",
        r"(?:sponsored|promoted|advertisement|ad|partner content|paid (?:content|post))\s*:\s*.{1,200}",
        r"ad",
        r"ads? by \w+",
        r"ad feedback|(?:report|remove|hide|close) (?:this )?ads?|advertise with us|ad-free.{0,60}",
        r"advertising|ad ?choices|supported by",
        r"(?:presented|brought to you|supported) by .{1,60}|in (?:paid )?partnership with .{1,60}",
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
        r"playback (?:speed|rate)",
        r"\d{1,2}:\d{2}\s*/\s*\d{1,2}:\d{2}",
    ],
    "reading_time": [
        r"(?:estimated )?read(?:ing)?\s*time\s*:?\s*(?:about\s*)?\d+\s*(?:min(?:ute)?s?|mins?)\.?",
        r"\d+\s*(?:min(?:ute)?s?)\s*read",
        r"\d+\s*(?:min(?:ute)?s?)\s*(?:reading|read time)",
    ],
    "share": [
        r"share(?: this| the)?(?: article| story| post| page| review)?(?: on| via| with)?(?: \w+)?\s*:?"
        r"(?:\s*" + _SHARE_BAR + r")?",
        r"share (?:this|the) (?:article|story|post|page|review) (?:on|via|with) .{1,40}",
        r"share (?:this|the|full) (?:\w+ ){0,2}\w+\s*[,:!]?\s*choose your platform!?|share full article",
        _SHARE_BAR,
        r"(?:shares?|tweets?|pins?)\s*[:\-]?\s*\d[\d,.]*k?",
    ],
    "subscribe": [
        r"sign up (?:for|to) (?:our|the)\b.{0,80}",
        r"subscribe(?: now| today| here)?(?: to (?:our|the)\b.{0,80})?[.!]?",
        r"subscribe (?:now|today)\b.{0,120}",
        r"subscribe to\s*:.{0,80}",
        r"unlimited (?:digital )?access\b.{0,120}",
        r"cancel any ?time\.?",
        r"support (?:independent|our|us|this site|the site)\b.{0,160}",
        r"become an? (?:member|subscriber|supporter|patron)\b.{0,120}",
        r"(?:don'?t|never) miss (?:a|another|an?|any) (?:review|story|post|issue|thing|episode)\b.{0,100}",
        r"(?:get|receive) (?:our|the) .{0,60}newsletter.{0,60}",
        r"newsletters?",
        r"follow (?:us|him|her|them|me)(?: on .{1,60})?",
        r"follow @\w+.{0,40}",
        r"follow \S.{0,60}? (?:on|at) (?:https?://\S+|twitter|x|instagram|facebook|bluesky|threads|mastodon)\b.{0,40}",
        r"(?:type|enter) your e-?mail(?: address)?.{0,40}",
        r"join our (?:mailing list|newsletter|community).{0,60}",
        r"already (?:a subscriber|have an account)\?.{0,40}",
        r"sign in|log ?in|register|create (?:a free )?account",
        r"sign up(?: now| today| here| free| for free)?[.!]?",
        r"you have \d+ free (?:articles?|stories|reads)(?: left| remaining)?.{0,60}",
        r"(?:this (?:article|story|review) is )?(?:for|available to) subscribers only\.?.{0,60}",
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
        r"(?:[«‹←<]\s*)?(?:next|previous|prev|older|newer)(?: (?:article|story|post|review|entry|page))?"
        r"(?:\s*[:»›→>]\s*.{0,120})?(?:\s*[»›→>])?",
        r"(?:(?:newer|older|next|previous|prev) (?:posts?|entry|entries|page|articles?)|home)"
        r"(?:\s+(?:(?:newer|older|next|previous|prev) (?:posts?|entry|entries|page|articles?)|home)){1,3}",
        r"(?:next|this|coming|later this) week\s*(?::|\s[–—-])\s*.{1,150}",
        r"(?:coming (?:up|soon|next)|up next|watch next)\s*:\s*.{1,150}",
        r"up next|(?:further|also) reading|see also|what to (?:read|watch) next|you may have missed",
        r"don'?t miss\s*:.{0,120}",
        r"about us|careers|masthead|accessibility|site ?map|contact",
        r"more (?:reviews|stories|articles|films|movies|features|news|essays|like this)(?: from us)?\s*:?",
        r"about the (?:author|writer|critic|reviewer|contributor)\s*:?",
        r"read (?:more|next)(?:\s*[:»›>].{0,100})?",
        r"continue reading.{0,60}",
        r"related(?: articles| stories| posts| reading| content| reviews| coverage| links| films| movies)?"
        r"\s*:?",
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
        r"tagged(?: with| as| in| under)?\s*:\s*.{1,200}",
        r"labels?\s*:.{0,200}",
        r"keywords?\s*:.{0,200}",
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
        _COUNT + r"\s+(?:thoughts?|responses?|replies|comments?|reactions?)\s+(?:on|to)\b.{0,200}",
        _COUNT + r"\s+(?:reader )?(?:comments?|responses?|replies)(?: yet| so far)?\s*:?",
        r"(?:reader )?(?:comments?|responses?|discussion)\s*(?:\(\d+\)|:\s*\d+)\s*:?",
        r"leave a (?:comment|reply|response)(?: to .{1,60}?)?(?:\s*cancel reply)?\s*:?",
        r"(?:post|add|write|leave|share|submit) (?:a|your) (?:comment|reply|response|thoughts?)\s*:?",
        r"(?:view|show|see|load|read) (?:all )?(?:\d+ )?comments?(?:\s*\(\d+\))?",
        r"be the first to comment.{0,40}",
    ],
    # weaker: a comment section only when comment headers or a comment form follow
    "comments_label": [
        r"(?:reader )?(?:comments?|responses?|discussion)\s*:?",
        r"(?:join|start) the (?:conversation|discussion)\.?|have your say\.?|comment below\.?",
        r"what (?:do|did) you think\?",
    ],
    # not a comment section of its own: a closed section holds no comments
    "comments_closed": [
        r"comments (?:are|have been|now) (?:closed|disabled|turned off)"
        r"(?: for this (?:post|article|review))?\.?",
        r"comments for this (?:post|article|review|entry) (?:are|have been) closed\.?",
        r"commenting (?:is|has been) (?:closed|disabled)\.?",
    ],
    "comment_form": [
        r"cancel reply",
        r"your email address will not be published\.?.{0,120}",
        r"required fields are marked\s*\*?\.?",
        r"(?:name|e-?mail|website|comment|url)\s*\*?\s*"
        r"(?:\((?:required|optional|will not be published|not published|never shared|never displayed)\))?",
        r"(?:post|submit|publish|send) (?:comment|reply)|submit",
        r"save my name, email,? and website.{0,120}",
        r"notify me of (?:follow-up comments|new posts).{0,80}",
        r"this site uses akismet.{0,120}",
        r"you must be logged in to post a comment\.?.{0,40}",
        r"log in to reply",
        # "What did you think? Let us know in the comments below."
        r"(?!(?:\S+\s+){25}).{0,100}\b(?:let us know|sound off|share your thoughts|leave your thoughts"
        r"|tell us what you think)\b.{0,60}\b(?:in the comments?|comments? (?:below|section)|below)\b.{0,20}",
    ],
    "reply": [
        r"reply(?:\s*[↓→])?",
        r"like(?: loading\.{0,3})?|loading\.{0,3}|liked by \d+ (?:person|people)",
        r"[\d,.]+k? (?:likes?|replies|shares|views|followers|claps)",
        r"like(?: this)? (?:review|post|comment|article)",
        r"like this\s*:",
        r"report(?: comment| abuse| this comment)?|flag(?: as inappropriate)?|upvote|downvote",
    ],
}

# Furniture recognised by words anywhere in a short line, not by its start: these patterns scan the whole
# line, so they are tried only on lines holding one of the PROMPT_CUE words.
PROMPT_FURNITURE: dict[str, list[str]] = {
    "subscribe": [
        # a subscription offer: a price or trial with a subscription word
        r"(?!(?:\S+\s+){20})(?=.*?" + _PRICE + r")(?=.*?\b(?:subscri\w*|offer|trial|digital access|all access"
        r"|membership|cancel any ?time|unlimited)\b).+",
        # newsletter prompts in any wording: a newsletter or inbox plus a call to sign up
        r"(?!(?:\S+\s+){30})(?=.*?\byour inbox\b).+",
        r"(?!(?:\S+\s+){30})(?=.*?\b(?:newsletters?|mailing list)\b)(?=.*?\b(?:sign(?:ing)? up|subscribe"
        r"|delivered|join|receive|register|enter|never miss|get (?:our|the)|free)\b).+",
        # "Like what you read? Support ...", "Want more reviews like this? Sign up ..."
        r"(?!(?:\S+\s+){30})[^.?!]{3,80}\?\s*(?:sign up|subscribe|support (?:us|our|independent)|donate|click"
        r"|tap|register|become an? (?:member|subscriber|supporter|patron)|join (?:us|our))\b.{0,160}",
    ],
}
PROMPT_CUE = r"inbox|newsletter|mailing list|[$£€¢]|\dp\b|trial|month|week|year|\?"

# Only furniture when next to an "audio" line (a listen-to-article widget), e.g. its speed choices.
WIDGET_CONTEXT: list[str] = [
    r"slow(?:er)?|average|normal|fast(?:er)?|very fast|pause|play|stop|resume|speed|voice|default",
    r"\d(?:\.\d{1,2})?\s*x|\d{2,3}\s*wpm",
    r"(?:male|female)(?: voice)?|(?:us|uk) english",
]

# A whole line that credits a photo; it is furniture, and the line just before it is a caption.
CREDIT: list[str] = [
    r"(?:photo(?:graph)?|image|picture|still)?\s*credits?\s*:.{1,120}",
    r"[(\[]\s*(?:(?:photo(?:graph)?|image|picture|still|source)\s*credits?"
    r"|photo(?:graph)?|image|picture|still|source|credits?)s?\s*(?::|by)\s*[^()\[\]]{1,100}[)\]]\.?",
    r"(?:photo(?:graph)?|image|picture|still|source)\s*:.{1,120}",
    r"\(?(?:photo(?:graph(?:y)?)?|image|picture)s? (?:by|courtesy of) .{1,100}\)?\.?",
    r"\(?courtesy(?: of)? .{1,100}\)?\.?",
    r".{0,80}\b(?:getty images|shutterstock|alamy|ap photo|afp|reuters|rex features)(?:\s*/.{1,30})?\)?\.?",
]

# A whole line that is a caption by its label: "Pictured: ...", "Above: ...", "Main image: ...".
CAPTION_PREFIX: list[str] = [
    r"(?:pictured|above|below|(?:main|top|header|featured|lead) (?:image|photo|picture))\s*:\s*\S.{2,200}",
]

# Caption shapes, matched case-sensitively (names and titles are capitalised).
_NAME = (
    r"[A-Z][\w'’.\-]*(?:\s+(?:(?:de|da|di|du|del|della|der|den|van|von|le|la|bin|ibn|al|el|y)\s+)*"
    r"[A-Z][\w'’.\-]*){0,3}"
)
# "Sandra Hüller, left, and ...": where the person stands in the photo
_PLACE = r"(?:\s*,\s*(?:from\s+)?(?:left|right|centre|center|top|bottom|above|below|front|rear|back)\s*,?)?"
_NAMES = _NAME + _PLACE + r"(?:(?:\s*,\s*(?:and\s+)?|\s+and\s+|\s*&\s*)" + _NAME + _PLACE + r"){0,3}"
# the same, starting with a full name of two or more words ("Nobody in Hollywood." is not a caption)
_FULL_NAMES = r"(?=[A-Z][\w'’.\-]*\s+(?:(?:de|da|di|du|del|della|der|den|van|von|le|la|y)\s+)*[A-Z])" + _NAMES
_TITLE = r"(?:[“\"‘'].{1,80}?[”\"’']|[A-Z][^.?!]{0,60}?\(\d{4}\))"
# an unquoted title in capitalised words: "The Iron Claw", "Dune: Part Two", "Anatomy of a Fall"
_PLAIN_TITLE = (r"[A-Z0-9][\w'’:&!-]*(?:\s+(?:of|the|a|an|and|in|on|to|for|at|from|with|or|vs\.?"
                r"|[A-Z0-9][\w'’:&!.-]*)){0,8}")
_LEFT_TO_RIGHT = r"(?:\(?(?:[Ff]rom\s+)?(?:[Ll]eft(?:\s+to\s+right)?|L-R|l-r)\)?\s*[:,]?\s*)?"
_STUDIO = r"\([A-Z][\w.&'’/-]*(?:\s+[A-Z][\w.&'’/-]*){0,5}\)"
CAPTION_SHAPES: list[str] = [
    # "Tilda Swinton in “Suspiria.”", "Song Kang-ho as Ki-taek in a still from “Parasite”, ..."
    r"(?:\(?from left\)?,?\s*)?" + _NAMES + r"(?:\s*\((?:left|right|center|centre)\))?,?"
    r"(?:\s+(?:as|plays|playing)\s+[^,.]{1,60}?,?)?\s+in\s+(?:a\s+(?:still|scene|moment|shot|image)\s+from\s+"
    r"|the\s+(?:film|movie|series)\s+)?" + _TITLE + r"\s*[.,]?[”\"’']?\.?",
    r"(?:a|an|the)\s+(?:still|scene|moment|shot|image|frame)\s+from\s+" + _TITLE + r"[.,]?[”\"’']?\.?",
    # "Leila Hatami and Peyman Moaadi in A Separation. (Sony Pictures Classics)"
    _NAMES + r"(?:\s+(?:as|plays|playing)\s+[^,.]{1,60}?,?)?\s+in\s+[^()]{1,80}?\.?\s*" + _STUDIO + r"\.?",
    # "Cillian Murphy as J. Robert Oppenheimer (Universal Pictures)"
    _NAMES + r"\s+as\s+[^()]{1,60}?\.?\s*" + _STUDIO + r"\.?",
    # "Zac Efron as Kevin Von Erich in The Iron Claw", "Left to right: Jane Doe and John Roe in Heat."
    _LEFT_TO_RIGHT + _FULL_NAMES + r"\s+(?:as|plays|playing)\s+[^,.]{1,60}?,?\s+in\s+" + _PLAIN_TITLE + r"\.?",
    _LEFT_TO_RIGHT + _FULL_NAMES + r"\s+in\s+" + _PLAIN_TITLE + r"\.",
    # "Still from Old, with the family on the beach"
    r"(?:(?:[Aa]n?|[Tt]he)\s+)?(?:[Ss]till|[Ss]creenshot|[Ff]rame grab|[Ss]creen grab)s?\s+from\s+\S.{0,150}",
]
# A line that ends with its own credit ("... directed by Bong Joon-ho. Photo: Studio/Distributor").
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
# a value on a known scale: "4/5", "7.5 out of 10", "★★★½"
_SCALED_VALUE = (
    r"(?:\d{1,3}(?:[.,]\d{1,2})?\s*(?:/|out of)\s*(?:4|5|10|20|100)\b(?:\s*stars?)?"
    r"|[★☆✩✪✭✮✯⭐✰]{1,5}\s*(?:½|1/2)?)"
)
# an age certificate printed between a title and its rating: "Nosferatu (15) 4/5"
_CERTIFICATE = r"\((?:U|PG|12A?|15|18|R|PG-13|NC-17|G|M|MA15\+|TV-MA|R18\+?)\)"
RATING: list[str] = [
    r"(?:(?:our|my|the|critic'?s?)\s+)?(?:rating|grade|score|verdict|stars?)\s*[:\-–]\s*" + _RATING_VALUE
    + r"(?:\s*(?:stars?|out of \w+(?: stars)?))?\.?(?:\s*\(.{1,30}\))?",
    r"[★☆✩✪✭✮✯⭐✰]{1,5}\s*(?:½|1/2)?(?:\s*\(.{1,30}\))?",
    r"\d{1,3}(?:[.,]\d)?\s*(?:/|out of)\s*\d{1,3}(?:\s*stars?)?\.?",
    r"(?:half|one|two|three|four|five)(?:[- ]and[- ]a[- ]half)? stars?(?: out of (?:four|five|\d))?\.?",
    r"\d(?:\.\d)?\s*stars?(?: out of (?:four|five|\d+))?\.?",
    r"(?-i:[A-F][+\-−]?)",
]
# A rating after a label or a title; tried only on lines that end with a rating value (see is_rating_line).
LABELLED_RATING: list[str] = [
    # a score block of a disc review: "Movie: 5/5", "Picture quality - 4/5", "Extras: ★★"
    r"[^\W\d_][\w'’&]*(?:\s+[\w'’&]+){0,3}\s*[:\-–—]\s*" + _SCALED_VALUE + r"\.?",
    # a title with its rating: "Nosferatu (15) 4/5", "(15) ★★★★", "The Iron Claw – 3/5"
    r"(?!.*\b(?:part|chapter|episode|season|page|step|vol|volume|disc|track|round)\s*\d)"
    r"(?:[^.!?:]{1,60}?\s*)?(?:" + _CERTIFICATE + r"\s*)?(?:[-–—|]\s*)?" + _SCALED_VALUE + r"\.?",
]
# the title part of a title-with-rating line: "Nosferatu (15) 4/5" -> "Nosferatu"
TITLE_RATING_RE = re.compile(
    r"(?P<title>[^.!?:()]{1,60}?)\s*(?:" + _CERTIFICATE + r"\s*)?(?:[-–—|]\s*)?" + _SCALED_VALUE + r"\.?"
)

# A critic's role after a name: "Jane Doe, Film Critic", "Jane Doe | Chief Film Critic at The Paper".
ROLE = (
    r"(?:(?:chief|senior|lead|head|staff|contributing|guest|associate|deputy|principal|resident"
    r"|freelance|former|regular)\s+)*"
    r"(?:(?:film|movie|cinema|tv|television|culture|arts|entertainment|music|theatre|theater|features?"
    r"|digital|news|home video|disc)\s+)*(?:critic|reviewer|writer|editor|correspondent|contributor|columnist"
    r"|journalist|reporter|blogger)s?(?:\s+(?:at|for|of|,)\s*.{1,60})?|special to .{1,60}"
)
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
# Words of kickers, section labels and site furniture above a headline ("Movie Review", "Weekend | At the
# Movies", "FROM THE ARCHIVE", "Critic's Pick", "Now streaming"): a line made only of these (and of
# NOT_NAME_WORDS) is a label, never a headline.
KICKER_WORDS = {
    "reviewed", "archive", "archives", "weekend", "week", "weekly", "daily", "today", "tonight", "now",
    "showing", "playing", "theaters", "theatres", "cinemas", "release", "releases", "released", "stream",
    "streamers", "pick", "picks", "choice", "critic's", "critics'", "editor's", "editors'", "staff",
    "essential", "essentials", "classic", "classics", "retro", "retrospective", "revisited", "throwback",
    "recommended", "must-see", "guide", "section", "column", "essay", "essays", "coverage", "special",
    "premiere", "preview", "previews", "international", "foreign", "indie", "independent", "horror",
    "comedy", "comedies", "drama", "dramas", "thriller", "thrillers", "documentary", "documentaries",
    "animation", "animated", "sci-fi", "fantasy", "romance", "westerns", "musical", "kids", "shorts",
    "k-drama", "k-dramas", "k-movies", "bollywood", "anime", "disc", "discs", "dvd", "blu-ray", "4k", "uhd",
    "digital", "vod", "demand", "at", "by", "weekend's", "exclusive", "spotlight", "screening",
    "screenings", "film's", "movie's", "arts", "entertainment", "culture", "read", "watch", "watching",
    "list", "lists", "ranked", "ranking", "rankings", "roundup", "round-up", "capsule", "capsules",
    "verdict", "critique", "criticism", "cinema's", "festival", "fest", "recap", "recaps", "explained",
    "analysis", "books", "tv", "series", "season", "episode", "shows", "premium", "subscriber", "members",
    "paywall", "issue", "vol", "volume", "edition", "magazine", "zine", "sunday", "monday", "tuesday",
    "wednesday", "thursday", "friday", "saturday",
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
_ANY_PROMPT = re.compile(
    "|".join(f"(?P<{kind}>{compile_alternation(p).pattern})" for kind, p in PROMPT_FURNITURE.items()),
    re.IGNORECASE,
)
_PROMPT_CUE_RE = re.compile(PROMPT_CUE, re.IGNORECASE)
WIDGET_CONTEXT_RE = compile_alternation(WIDGET_CONTEXT)
CREDIT_RE = compile_alternation(CREDIT)
CAPTION_SHAPE_RE = compile_alternation(CAPTION_SHAPES, flags=0)
CAPTION_PREFIX_RE = compile_alternation(CAPTION_PREFIX)
ROLE_RE = re.compile(ROLE, re.IGNORECASE)
ROLE_WORD_RE = re.compile(
    r"critic|reviewer|writer|editor|correspondent|contributor|columnist|journalist|reporter|blogger"
    r"|special to",
    re.IGNORECASE,
)
CAPTION_WITH_CREDIT_RE = compile_alternation(CAPTION_WITH_CREDIT)
RATING_RE = compile_alternation(RATING)
LABELLED_RATING_RE = compile_alternation(LABELLED_RATING)
_ENDS_WITH_VALUE = re.compile(r"(?:\d|[★☆✩✪✭✮✯⭐✰½]|stars?)\s*\.?$", re.IGNORECASE)
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
    return _short_line_kind(line)


@lru_cache(maxsize=8192)  # the cleaning passes ask about the same short lines again
def _short_line_kind(line: str) -> str | None:
    kind = _whole_kind(line)
    if kind is None and _SEGMENTS.search(line):
        kinds = [_whole_kind(part) for part in _SEGMENTS.split(line) if part.strip()]
        if len(kinds) >= 2 and all(kinds):
            kind = kinds[0]
    return kind


def _whole_kind(line: str) -> str | None:
    m = _ANY_FURNITURE.fullmatch(line)
    if m is None and _PROMPT_CUE_RE.search(line):
        m = _ANY_PROMPT.fullmatch(line)
    return m.lastgroup if m else None


def is_widget_context(line: str) -> bool:
    return len(line) <= 40 and WIDGET_CONTEXT_RE.fullmatch(line) is not None


def is_credit(line: str) -> bool:
    return bool(line) and len(line) <= 160 and len(line.split()) <= 14 and CREDIT_RE.fullmatch(line) is not None


def is_caption_shape(line: str) -> bool:
    return bool(line) and len(line) <= 200 and (
        CAPTION_SHAPE_RE.fullmatch(line) is not None or CAPTION_PREFIX_RE.fullmatch(line) is not None)


def ends_with_credit(line: str) -> bool:
    return 20 <= len(line) <= 500 and CAPTION_WITH_CREDIT_RE.fullmatch(line) is not None


def is_rating_line(line: str) -> bool:
    return bool(line) and len(line) <= 80 and _is_rating(line)


@lru_cache(maxsize=8192)
def _is_rating(line: str) -> bool:
    return RATING_RE.fullmatch(line) is not None or (
        _ENDS_WITH_VALUE.search(line) is not None and LABELLED_RATING_RE.fullmatch(line) is not None)


def rating_title(line: str) -> str | None:
    """The title in front of a rating ("Nosferatu (15) 4/5" -> "Nosferatu"), or None."""
    if not is_rating_line(line):
        return None
    m = TITLE_RATING_RE.fullmatch(line)
    title = m.group("title").strip(" -–—|,") if m else ""
    return title or None
