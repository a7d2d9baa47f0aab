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
    "F": 0, "F+": 0, "F-": 0,  # no steps below D-: F with a sign is still F
}
DEFAULT_STAR_SCALE = 5
STAR_SCALES = (4, 5, 10)  # scales a star rating may be given on
FRACTION_SCALES = (4, 5, 10, 100)  # denominators accepted for "N/M" and "N out of M"
WORD_NUMBERS: dict[str, float] = {
    "zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5,
    "six": 6, "seven": 7, "eight": 8, "nine": 9, "ten": 10, "hundred": 100,
}
_MAX_REJECTED = 40

# Precedence weights among text ratings (higher wins); a structured rating outranks them all.
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
_P_NAMED = -10
_TAIL = 120  # how far back end-anchored context patterns look

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
    rf"(?<![\w.$£€/⁄∕])(?P<num>{_NUM})(?P<nhalf>[ \t]?½)?[ \t]?[/⁄∕][ \t]?(?P<scale>\d{{1,3}})(?![\d/⁄∕]|[.,]\d)"
    r"(?P<s2>[ \t]*stars?\b)?",
    re.I,
)
_STARS = re.compile(rf"(?<![\w.$£€/])(?:{_VAL})(?P<sep>[ \t-]+)(?P<sw>stars?)\b", re.I)
_GLYPHS = "★⭐✪✭✮✯☆✩"
_GLYPH = re.compile(
    rf"[{_GLYPHS}](?:[ \t]?(?:[{_GLYPHS}⯨⯪⯫½]|1/2(?![\d/]))|\ufe0f)*"
)
_ASTER = re.compile(r"(?<![^\s(\[])\*{1,5}(?:[ \t]?(?:½|1/2(?![\d/])))?(?![\w*])")
_THUMBS = re.compile(
    r"\b(?:(?P<count>two|2|both|one|1)[ \t]+)?(?:(?:big|enthusiastic|firm|emphatic|resounding|solid)[ \t]+)?"
    r"thumbs?(?:[ \t-]+way)?[ \t-]+(?P<dir>up|down|sideways)\b"
    r"(?:[ \t]*(?:,|;|/|and|but)[ \t]*(?:one|1)(?:[ \t]+thumbs?)?[ \t-]+(?P<dir2>up|down)\b)?",
    re.I,
)
_PERCENT = re.compile(r"(?<![\w.$£€/])(?P<num>\d{1,3}(?:\.\d)?)[ \t]?%")
_GRADE = (
    r"(?P<letter>[A-DF])(?P<sign>\+|[" + _DASH_CLS + r"](?=[\s.,;:!?)\]*_]|$)|(?i:[ \t-]?(?:plus|minus)\b))?"
    r"(?![\w+" + _DASH_CLS + r"'’&/])"
)
_LABEL_WORDS = (
    r"(?:(?:our|my|the|final|overall|critic['’]?s?|film|movie|star|letter|bottom[ \t]+line)[ \t]+)*"
    r"(?:rating|verdict|grade|score|stars|overall|bottom[ \t]+line|judg(?:e)?ment)"
)
_LABEL_LETTER = re.compile(
    rf"(?:^|(?<=[\s(\[|•*_]))(?i:{_LABEL_WORDS})[ \t]*(?:[:=?|{_DASH_CLS}]+)?[ \t*_]*" + _GRADE, re.M
)
_OWN_LINE_LETTER = re.compile(r"\n[ \t>*_•|]*" + _GRADE + r"[ \t*_.!]*(?=\n|$)")
_FIRST_LINE_LETTER = re.compile(r"[ \t>*_•|]*" + _GRADE + r"[ \t*_.!]*(?=\n|$)")
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

_STARS_AFTER_LABEL = re.compile(
    rf"(?i)\b(?:star[ \t]+rating|stars)[ \t]*[:=|{_DASH_CLS}][ \t]*{_VAL}"
    r"(?![\w/%½]|[ \t]*(?:/|out\b|of\b|stars?\b|-))"
)
# Dates and clock times are logged as rejected so explanations show them.
_DATE_TIME = re.compile(
    r"\b\d{1,2}/\d{1,2}/\d{2,4}\b|\b\d{1,2}:\d{2}(?:[ \t]?[ap]\.?m\.?)?(?![\d:])", re.I
)

# Context patterns, applied to small slices of text around a candidate.
_LABEL_END = re.compile(
    rf"(?i)(?:^|[^\w'’])(?P<label>{_LABEL_WORDS}|rated|(?:(?:our|my|the|final)[ \t]+)?(?:verdict|rating|grade)"
    rf"[ \t]+(?:on|for)[ \t]+[^\n]{{1,60}}?[ \t]*(?=:))[ \t]*(?:[:=?|{_DASH_CLS}]+|[ \t]+is)?[ \t]*$"
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
_CAPSULE_TITLE = re.compile(r"^[\"“‘'*_#]*[A-Z0-9][^\n.!?]{0,60}?(?:\([^()\n]{1,12}\))?[ \t]+$")
_SCALE_NOTE = re.compile(  # used with .match(text, pos): no "^"
    r"[ \t]*(?:[(\[][ \t]*(?:out[ \t]+of|of|from)[ \t]+(?P<n1>four|five|ten|4|5|10|\*{4,5}|★{4,5})(?:[ \t]+stars?)?"
    r"[ \t]*[)\]]|(?:out[ \t]+of|of|from)[ \t]+(?P<n2>four|five|ten|4|5|10|\*{4,5}(?!\*)|★{4,5})(?:[ \t]+stars?\b)?)",
    re.I,
)
_DECOR = " \t|•·*_-–—:>#[](){}\"“”'‘’.!,;~=/"
_FROM_ME = re.compile(
    r"(?i)^[ \t]*(?:stars?[ \t]+)?(?:,[ \t]*)?(?:from[ \t]+(?:me|us|both[ \t]+of[ \t]+us|the[ \t]+(?:two|three)[ \t]+of[ \t]+us|yours[ \t]+truly"
    r"|this[ \t]+(?:critic|reviewer|viewer|corner))"
    r"|for[ \t]+me|in[ \t]+my[ \t]+book|overall|all[ \t]+told|on[ \t]+my[ \t]+scale)\b"
)
_TITLE_WORDS = r"(?-i:[A-Z][\w'’:&.-]*(?:,?[ \t]+(?:[A-Z0-9][\w'’:&.-]*|of|the|and|a|in|on|to|for)){0,6})"
_GIVE_CUE = re.compile(
    r"(?i)\b(?P<subj>i|we)(?:['’]d|['’]ll|['’]m|[ \t]+would|[ \t]+will|[ \t]+am|[ \t]+can|[ \t]+could"
    r"|[ \t]+must|[ \t]+shall|[ \t]+have[ \t]+to|[ \t]+gotta)?"
    r"(?:[ \t]+(?:only|happily|gladly|reluctantly|generously|comfortably|confidently|easily|still|probably"
    r"|definitely|certainly|honestly|have[ \t]+to|be|going[ \t]+to|gonna|say|think|feel))*"
    r"[ \t]+(?P<verb>give|giving|rate|rated|rating|award|awarding|score|scoring|grade|grading|put|putting"
    r"|peg|pegging|place|placing)"
    r"(?:[ \t]+(?P<obj>it|this|this[ \t]+one|this[ \t]+film|this[ \t]+movie|the[ \t]+film|the[ \t]+movie|"
    rf"{_TITLE_WORDS}))?"
    r"(?:[ \t]+(?:at|around|about|roughly|maybe|somewhere[ \t]+around|just|only))*"
    r"(?:[ \t]+an?(?:[ \t]+(?-i:[a-z][\w-]*),?){0,3})?"  # "a solid", "an honest", "a reluctant and weak"
    r"(?:[ \t]+(?:solid|strong|generous|firm|respectable|healthy|modest|measly|mere|perfect|full|well-earned"
    r"|hard-earned|very|high|low|whopping|clean|easy|comfortable))*[ \t]*$"
)
_CUE_VERBS = (
    r"(?:[ \t]+is|[ \t]+was|[ \t]+gets|[ \t]+earns|[ \t]+deserves|[ \t]+merits|[ \t]+warrants"
    r"|[ \t]+rates|[ \t]+scores|[ \t]+lands|[ \t]+receives|[ \t]+nets|[ \t]+comes[ \t]+in[ \t]+at"
    r"|[ \t]+clocks[ \t]+in[ \t]+at|[ \t]+sits[ \t]+at|[ \t]+ends[ \t]+up[ \t]+(?:as|with|at))"
)
_IS_CUE = re.compile(
    r"(?i)(?:^|[\s,;:(])(?:(?P<pron>it|this|this[ \t]+one|that|(?:which|that)[ \t]+makes[ \t]+it"
    r"|all[ \t]+in[ \t]+all[ \t]*,?[ \t]*it|overall[ \t]*,?[ \t]*it)(?:['’]s|{_CUE_VERBS})"
    rf"|(?P<pron2>this[ \t]+film|this[ \t]+movie|the[ \t]+film|the[ \t]+movie){_CUE_VERBS}"
    rf"|(?P<title>{_TITLE_WORDS}){_CUE_VERBS})"
    r"(?:[ \t]+(?:an?|solid|strong|generous|firm|respectable|healthy|modest|measly|mere|perfect|easy"
    r"|comfortable|clean|just|only|about|around|roughly|maybe|probably|at[ \t]+least|at[ \t]+most|still"
    r"|definitely|very|high|low|well-earned|hard-earned|[\w-]+,|[\w-]+))?"
    r"(?:[ \t]+(?:an?|solid|strong|generous|firm|respectable|healthy|modest|measly|mere|perfect|easy"
    r"|comfortable|clean|very|high|low|well-earned|hard-earned|[\w-]+,?))?[ \t]*$"
)
_ASPECT_SUBJECT = re.compile(  # "the soundtrack gets 5 stars", "her performance is a 10/10"
    r"\b(?:[Tt]he|[Ii]ts|[Hh]er|[Hh]is|[Tt]heir)[ \t]+(?:[a-z][\w-]*[ \t]+){0,2}?(?P<noun>[a-z][\w-]*)"
    r"(?:[ \t]+alone)?[ \t]+(?:gets|earns|deserves|merits|warrants|is|was|rates|scores)(?:[ \t]+an?)?"
    r"(?:[ \t]+[a-z][\w-]*)?[ \t]*$"
)
_FILM_NOUNS = frozenset(
    "film movie picture flick feature sequel prequel remake reboot documentary doc thing result experience "
    "adaptation whole one entry instalment installment chapter finale effort outing product package ride watch "
    "verdict score rating grade total".split()
)
_NEGATION = re.compile(
    r"(?i)\b(?:not|no|never|hardly|isn['’]t|wasn['’]t|aren['’]t|won['’]t|can['’]t|cannot|couldn['’]t"
    r"|doesn['’]t|didn['’]t|wouldn['’]t|shouldn['’]t|nowhere[ \t]+near|far[ \t]+from|wanted[ \t]+to"
    r"|hoped[ \t]+to|tempted[ \t]+to|could[ \t]+have|would[ \t]+have|should[ \t]+have|might[ \t]+have"
    r"|had[ \t]+it|if[ \t]+it[ \t]+had|if[ \t]+only|almost|nearly|would[ \t]+be|could[ \t]+be)\b"
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
    r"|one|entry|thriller|drama|comedy|horror)\b[ \t]*)?(?:(?:from|for)[ \t]+(?:me|us|both[ \t]+of[ \t]+us|the[ \t]+(?:two|three)[ \t]+of[ \t]+us)\b"
    r"|in[ \t]+my[ \t]+book\b"
    r"|overall\b|all[ \t]+told\b|on[ \t]+my[ \t]+scale\b|at[ \t]+best\b|at[ \t]+most\b|at[ \t]+least\b"
    r"|tops\b|max\b)?[ \t]*(?:[.!?…;:,()\[\]\"”’'—–-]|$|(?:and|but|though|although|because|so|if|with)\b)"
)
_AGGREGATOR = re.compile(  # applied to the lower-cased sentence
    r"rotten[ \t]+tomatoes|tomatometer|metacritic|metascore|\bimdb|letterboxd|cinemascore|popcornmeter"
    r"|\bdouban|allocin[eé]|\btmdb|aggregat|critics['’]?[ \t]+consensus|\bpolled\b|\bexit[ \t]+poll"
    r"|\bbox[ \t]*office|\bapp\b|\b(?:user|fan|reader|viewer|audience|customer|community|member)s?['’]?[ \t]+"
    r"(?:rating|score|poll|review|favou?rite|award|choice|pick)|\baverage[ \t]+(?:rating|score)"
    r"|\bratings?[ \t]+from\b|\d[\d,.]*k?[ \t]+(?:votes|ratings|reviews)\b"
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
_COMPARISON = re.compile(  # comparing with another film anywhere in the sentence
    r"(?i)\b(?:than|compared|comparison|unlike|whereas|previous|earlier"
    r"|last[ \t]+(?:year|time|film|movie|outing|instalment|installment|entry|one)"
    r"|back[ \t]+(?:in|when)|for[ \t]+(?:reference|the[ \t]+record)|at[ \t]+the[ \t]+time|years[ \t]+ago)\b"
)
_OTHER_INSTALMENT = re.compile(  # another instalment named just before the rating
    r"(?i)\b(?:predecessor|prequel|sequel|remake|original|first[ \t]+(?:film|movie|one|instalment"
    r"|installment|entry|chapter))\b"
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
_PAGE_MARKER = re.compile(  # a whole line that opens the reader-comment section of a raw page
    r"(?im)^[ \t]*(?:(?P<counted>\d+[ \t]+(?:thoughts|responses|comments|replies|reactions)(?:[ \t]+(?:on|to)\b[^\n]*)?"
    r"|(?:reader[ \t]+)?comments?[ \t]*\(\d+\))|leave[ \t]+a[ \t]+(?:comment|reply)|(?:reader[ \t]+)?comments?"
    r"|join[ \t]+the[ \t]+(?:discussion|conversation)|what[ \t]+do[ \t]+you[ \t]+think\?)[ \t]*:?[ \t]*$"
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
    re.compile(r"(?i)\b(?P<n>four|five|ten|hundred|4|5|10|100)[ \t-](?:star|point)[ \t]+(?:rating[ \t]+)?(?:scale|system)\b"),
    re.compile(r"(?i)\((?:ratings?|stars?)?[ \t]*out[ \t]+of[ \t]+(?P<n>four|five|ten|4|5|10)(?:[ \t]+stars)?\)"),
)

_CONTRAST_AFTER = re.compile(  # "..., but this one has none of that film's ferocity"
    r"(?i)\b(?:but|while|whereas|yet|though|although)\b.{0,60}?\b(?:this|here|the[ \t]+new)\b"
    r"|\band[ \t]+(?:this|the[ \t]+new)[ \t]+(?!is\b|was\b|time\b)[a-z]\w*"
)
_SINGLE_LETTER_LINES = re.compile(rf"(?m)^[ \t]*[A-Z][+{_DASH_CLS}]?[ \t]*$")
_LETTER_NOUN_AFTER = re.compile(
    r"(?i)^[ \t]+(?!(?:from|for|overall|and|but|though|in|at|all|with|if|because|so)\b)[a-z]"
)
_GLYPH_RE_ANY = re.compile(f"[{_GLYPHS}]")
_LEGEND = re.compile(  # "**** excellent, *** good" / "★★★★★ = masterpiece": the top of the scale
    r"(?i)(?<![*★])(?P<run>\*{4,5}|★{4,5})(?![*★])[ \t]*[=:\-–—]?[ \t]*(?:excellent|exceptional|outstanding"
    r"|masterpiece|must[ -]see|essential|superb|perfect|classic)\b"
)
_RUN = re.compile(r"(?<![^\s(\[])(?:\*{1,5}|[★☆]{1,5})(?![\w*★☆])")
_SPACES = re.compile(r"\s+")
_SEGMENT = re.compile(r"[|•·]")  # separators between segments of one page line
_STRUCTURED_GRADE = re.compile(r"\s*" + _GRADE + r"\s*")
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
    labelled: bool = False

    def rating(self, text: str) -> Rating:
        return Rating(text=text[self.start:self.end], start=self.start, end=self.end, scale=self.scale,
                      value=self.value, score=float(self.score if self.score is not None else 0.0),
                      kind=self.kind, source="text")


# ---------------------------------------------------------------------------
# Parsing helpers
# ---------------------------------------------------------------------------


def _word_value(word: str) -> float:
    return WORD_NUMBERS[_SPACES.sub(" ", word.lower()).replace("a ", "").replace("one hundred", "hundred")]


def _scale_value(raw: str) -> float:
    raw = _SPACES.sub(" ", raw.strip().lower())
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


# ---------------------------------------------------------------------------
# Hot spots: a few byte-level scans find where ratings could be, so the detailed
# patterns only ever run on small windows of a long page.
# ---------------------------------------------------------------------------

_KEYWORDS: tuple[tuple[str, bytes], ...] = (
    ("slash", b"/"), ("slash", "⁄".encode()), ("slash", "∕".encode()), ("percent", b"%"), ("aster", b"*"),
    ("star", b"star"), ("outof", b"out of"), ("thumb", b"thumb"), ("label", b"grade"), ("label", b"rating"),
    ("label", b"verdict"), ("label", b"score"), ("label", b"overall"), ("scale", b"scale"), ("colon", b":"),
)
# lines that may open a reader-comment section (checked in full by _PAGE_MARKER)
_COMMENT_LINE_BYTES = re.compile(
    rb"\n[ \t]*(?:\d+[ \t]+(?:thoughts|responses|comments|replies|reactions)|leave[ \t]+a[ \t]+(?:comment|reply)"
    rb"|(?:reader[ \t]+)?comments?\b|join[ \t]+the|what[ \t]+do[ \t]+you[ \t]+think)"
)
_GLYPH_BYTES = re.compile(rb"\xe2(?:\x98[\x85\x86]|\x9c[\xa9\xaa\xad\xae\xaf]|\xad\x90|\xaf[\xa8\xaa\xab])")
_CUE_LETTER_BYTES = re.compile(rb" an? (?:[a-z-]+ )?[A-DF]")
_WINDOW_BEFORE = 60
_WINDOW_AFTER = 80
_WINDOW_GUARD = 30  # matches ending this close to a cut window end are re-checked by a wider window


@dataclass
class _Hotspots:
    hits: dict[str, list[int]]

    def get(self, *keys: str) -> list[int]:
        out: list[int] = []
        for key in keys:
            out.extend(self.hits.get(key, ()))
        return out


def _hotspots(text: str) -> _Hotspots:
    raw = text.encode("utf-8", "surrogatepass")
    low = raw.lower()  # ASCII-only lowering keeps byte offsets
    hits: dict[str, list[int]] = {}
    for key, word in _KEYWORDS:
        i = low.find(word)
        while i >= 0:
            hits.setdefault(key, []).append(i)
            i = low.find(word, i + 1)
    hits["glyph"] = [m.start() for m in _GLYPH_BYTES.finditer(raw)]
    hits["comment"] = [max(0, m.start() - 1) for m in _COMMENT_LINE_BYTES.finditer(b"\n" + low)]
    hits["cue_letter"] = [m.start() for m in _CUE_LETTER_BYTES.finditer(raw)]
    # only slashes and colons with a digit beside them matter, and "star(s)" but not "start"
    hits["slash"] = [i for i in hits.get("slash", ()) if _digit_near(low, i)]
    hits["colon"] = [i for i in hits.get("colon", ()) if _digit_near(low, i, 1)]
    hits["star"] = [i for i in hits.get("star", ()) if _star_word(low, i)]
    if len(raw) != len(text):
        hits = _to_char_offsets(raw, hits)
    return _Hotspots(hits=hits)


def _star_word(low: bytes, i: int) -> bool:
    """"star"/"stars" as a word, not "start", "starring" or "superstar"."""
    after = low[i + 4:i + 5]
    if after == b"s":
        after = low[i + 5:i + 6]
    return not after.isalpha() and not low[i - 1:i].isalpha()


def _digit_near(low: bytes, i: int, reach: int = 3) -> bool:
    return any(48 <= x <= 57 for x in low[max(0, i - reach):i + reach + 1])


def _to_char_offsets(raw: bytes, hits: dict[str, list[int]]) -> dict[str, list[int]]:
    """Map byte offsets (all on character boundaries) to character offsets."""
    wanted = sorted({i for v in hits.values() for i in v})
    table: dict[int, int] = {}
    prev_b = prev_c = 0
    for b in wanted:
        prev_c += len(raw[prev_b:b].decode("utf-8", "surrogatepass"))
        prev_b = b
        table[b] = prev_c
    return {k: [table[i] for i in v] for k, v in hits.items()}


def _windows(positions: list[int], n: int, before: int = _WINDOW_BEFORE,
             after: int = _WINDOW_AFTER) -> list[tuple[int, int]]:
    spans: list[tuple[int, int]] = []
    for p in sorted(positions):
        s, e = max(0, p - before), min(n, p + after)
        if spans and s <= spans[-1][1]:
            spans[-1] = (spans[-1][0], max(spans[-1][1], e))
        else:
            spans.append((s, e))
    return spans


def _scan(pattern: re.Pattern[str], text: str, positions: list[int], before: int = _WINDOW_BEFORE,
          after: int = _WINDOW_AFTER) -> list[re.Match[str]]:
    """``pattern.finditer`` restricted to windows around ``positions``."""
    found: list[re.Match[str]] = []
    n = len(text)
    for s, e in _windows(positions, n, before, after):
        for m in pattern.finditer(text, s, e):
            if e < n and m.end() > e - _WINDOW_GUARD:
                continue  # cut by the window: the next window (or none) decides
            found.append(m)
    return found


# ---------------------------------------------------------------------------
# Page-level facts
# ---------------------------------------------------------------------------


def _legends(text: str, spots: _Hotspots) -> list[tuple[int, int, int]]:
    """Lines explaining the star scale ("***** The Works **** Just Misses ..."): (start, end, top)."""
    lines: dict[int, int] = {}
    for p in spots.get("aster", "glyph"):
        ls = text.rfind("\n", 0, p) + 1
        lines[ls] = lines.get(ls, 0) + 1
    found = []
    for ls, hits in lines.items():
        if hits < 3:
            continue
        le = text.find("\n", ls)
        le = len(text) if le < 0 else le
        lengths = {len(m.group()) for m in _RUN.finditer(text, ls, le)}
        if len(lengths) >= 3 and max(lengths) in STAR_SCALES:
            found.append((ls, le, max(lengths)))
    return found


def _page_scale(text: str, spots: _Hotspots, legends: list[tuple[int, int, int]]) -> int | None:
    if legends:
        return legends[0][2]
    for m in _scan(_LEGEND, text, spots.get("aster", "glyph"), 2):
        return len(m.group("run"))
    positions = spots.get("outof", "scale", "star")
    if not positions:
        return None
    for pattern in _SCALE_STATEMENTS:
        for m in _scan(pattern, text, positions, 110, 60):
            n = int(_scale_value(m.group("n")))
            if n in FRACTION_SCALES:
                return n
    return None


def _comments_start(text: str, spots: _Hotspots) -> int:
    """Offset where a reader-comment section starts in raw page text (``len(text)`` if none)."""
    for m in _scan(_PAGE_MARKER, text, spots.get("comment"), 40, 240):
        # a bare "Comments" line high on the page is more likely navigation than the comment section
        if m.group("counted") or m.start() > len(text) * 0.3:
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


def _candidates(text: str, spots: _Hotspots, page_scale: int | None, default_scale: int) -> list[_Cand]:
    """Every rating-shaped expression on the page, with its value and scale where it has them."""
    return [
        *_scaled_candidates(text, spots),
        *_star_candidates(text, spots, page_scale, default_scale),
        *_other_candidates(text, spots, page_scale),
        *_letter_candidates(text, spots),
    ]


def _scaled_candidates(text: str, spots: _Hotspots) -> list[_Cand]:
    """Expressions that carry their own scale: "3 out of 5 (stars)", "7/10"."""
    out: list[_Cand] = []
    # "3 of 5 stars" is the only out-of form found from a "star" alone
    of_stars = [p for p in spots.get("star") if " of" in text[max(0, p - 16):p].lower()]

    for m in _scan(_OUT_OF, text, spots.get("outof") + of_stars):
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

    for m in _scan(_FRACTION, text, spots.get("slash")):
        value = float(m.group("num")) + (0.5 if m.group("nhalf") else 0.0)
        scale = float(m.group("scale"))
        c = _Cand(m.start(), m.end(), "fraction", _num(value), _num(scale),
                  strong=bool(m.group("s2")), explicit_scale=True)
        if scale not in FRACTION_SCALES:
            c.problem = f"unsupported scale {_num(scale)}" if value <= scale else "not a fraction of a scale"
        elif value > scale:
            c.problem = "value above scale"
        out.append(c)
    return out


def _star_candidates(text: str, spots: _Hotspots, page_scale: int | None, default_scale: int) -> list[_Cand]:
    """Stars counted in digits, words, glyphs or asterisks; the scale comes from the page."""
    out: list[_Cand] = []
    star_hits = spots.get("star")
    for m in _scan(_STARS, text, star_hits):
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

    for m in _scan(_GLYPH, text, spots.get("glyph"), 2):
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

    for m in _scan(_ASTER, text, spots.get("aster"), 2):
        run = m.group()
        stars = run.count("*")
        half = "½" in run or "1/2" in run
        value = stars + (0.5 if half else 0.0)
        c = _Cand(m.start(), m.end(), "stars", _num(value), strong=half)
        scale, c.problem = _stars_scale(value, page_scale, default_scale)
        c.scale = _num(scale) if scale else None
        out.append(c)

    for m in _scan(_STARS_AFTER_LABEL, text, star_hits):
        value, in_words = _val(m)
        start = m.start("word") if in_words else m.start("num") if m.group("num") else m.start("halfonly")
        c = _Cand(start, m.end(), "words" if in_words else "stars", _num(value))
        scale, c.problem = _stars_scale(value, page_scale, default_scale)
        c.scale = _num(scale) if scale else None
        out.append(c)
    return out


def _other_candidates(text: str, spots: _Hotspots, page_scale: int | None) -> list[_Cand]:
    """Thumbs, percentages and bare numbers on a stated scale."""
    out: list[_Cand] = []
    for m in _scan(_THUMBS, text, spots.get("thumb")):
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

    for m in _scan(_PERCENT, text, spots.get("percent")):
        value = float(m.group("num"))
        c = _Cand(m.start(), m.end(), "percent", _num(value), 100, explicit_scale=True)
        if value > 100:
            c.problem = "value above 100%"
        out.append(c)

    # "Rating: 7" / "I give it a 7" only mean something when the page states its scale
    for m in (_NUMBER_AFTER_CUE.finditer(text) if page_scale else ()):
        value = float(m.group("num"))
        c = _Cand(m.start("num"), m.end("num"), "number", _num(value), page_scale, explicit_scale=True)
        if page_scale is not None and value > page_scale:
            c.problem = "value above the page's stated scale"
        out.append(c)
    return out


def _letter_candidates(text: str, spots: _Hotspots) -> list[_Cand]:
    """Letter grades after a label, after "give it a", or alone on a line."""
    letters = [
        *_scan(_LABEL_LETTER, text, spots.get("label")),
        *_scan(_CUE_LETTER, text, spots.get("cue_letter"), _WINDOW_AFTER, 40),
        *_OWN_LINE_LETTER.finditer(text),
    ]
    first = _FIRST_LINE_LETTER.match(text)
    if first:
        letters.append(first)
    out: list[_Cand] = []
    for m in letters:
        key = _grade_key(m.group("letter"), m.group("sign"))
        end = m.end("sign") if m.group("sign") else m.end("letter")
        out.append(_Cand(m.start("letter"), end, "letter", key, None, explicit_scale=True))
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
    around: str  # the previous and the next line
    next_text: str  # the start of the text after the candidate


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
    prev_start = text.rfind("\n", 0, max(ls - 1, 0)) + 1 if ls > 0 else ls
    next_end = text.find("\n", le + 1) if le < len(text) else le
    if next_end < 0:
        next_end = len(text)
    return _Ctx(
        line=text[ls:le], prefix=text[ls:start], suffix=text[end:le], sentence=text[ss:se],
        sent_prefix=sent_prefix, sent_suffix=text[end:se], clause_prefix=sent_prefix[cs:],
        around=text[prev_start:max(ls - 1, prev_start)] + "\n" + text[min(le + 1, len(text)):next_end],
        next_text=text[end:end + 40].lstrip(" \t*_.!\n"),
    )


def _strip_decor(s: str) -> str:
    return s.strip(_DECOR)


@dataclass
class _Page:
    """Page-level facts shared by every candidate's judgement."""

    text: str
    heading: str  # headline or a heading-like first line ("" when there is none)
    comments_at: int
    page_scale: int | None = None
    legends: list[tuple[int, int, int]] = field(default_factory=list)

    def title_known(self, title: str, sentence: str) -> bool:
        """Is ``title`` the reviewed film: in the heading, or named elsewhere in the text?"""
        title = title.strip()
        if not title or title.split(" ")[0].lower() in _NOT_TITLES:
            return False
        if self.heading and title.lower() in self.heading.lower():
            return True
        return self.text.count(title) > sentence.count(title)


def _heading(text: str, headline: str | None) -> str:
    if headline:
        return headline
    head, sep, _ = text.lstrip().partition("\n")
    head = head.strip()
    if sep and 0 < len(head) <= 150 and not head.endswith((".", "!", "?")):
        return head
    return ""


def _is_standalone(ctx: _Ctx, start_in_sentence: int, length: int) -> bool:
    rest = ctx.sentence[:start_in_sentence] + " " + ctx.sentence[start_in_sentence + length:]
    words = [w.strip(_DECOR).lower() for w in rest.split()]
    words = [w for w in words if w]
    return len(words) <= 8 and all(w in _STANDALONE_FILLER for w in words)


@dataclass
class _Signals:
    """What the context around one candidate says."""

    label: str | None = None  # the rating label in front ("Rating:", "Our verdict:")
    category: bool = False  # a category sub-score label ("Acting:")
    own_line: bool = False
    title_line: bool = False  # "Title – 4/5" on a short line
    capsule: bool = False  # "Title (R) ***" newspaper capsule
    paren: bool = False  # "(4/5)"
    cue: bool = False  # "I give it", "it's a", "from me"
    suffix_ok: bool = False  # nothing but filler after it in the sentence
    standalone: bool = False  # a sentence of its own ("Three stars.")
    other_title: str | None = None  # "I'd give Oldboy 5/5, but this...": a named film that is not this one
    named: bool = False  # the rating names a film the page does not otherwise name
    aspect: str | None = None  # "the soundtrack gets 5 stars": a rating of one aspect
    leads: bool = False  # opens its sentence: "4/10 - and I'm being generous."
    negated: bool = False


def _signals(c: _Cand, ctx: _Ctx, page: _Page) -> _Signals:
    sig = _Signals()
    sent_prefix = ctx.sent_prefix.replace("*", " ").replace("_", " ")
    line_prefix = ctx.prefix.replace("*", " ").replace("_", " ")
    # the "...$" patterns only ever need the last stretch before the candidate
    cut = max(0, len(sent_prefix) - _TAIL)
    tail = sent_prefix[cut:]
    clause_tail = ctx.clause_prefix[-_TAIL:]
    label = _LABEL_END.search(tail)
    if label and not _CLASSIFICATION.search(tail[max(0, label.start() - 20):label.end()]):
        before = _SEGMENT.split(sent_prefix[:cut + label.start("label")])[-1].strip(_DECOR)
        # allow a short outlet tag before the label ("EW grade:", "Empire verdict:")
        if not before or (len(before) <= 25 and len(before.split()) <= 3 and before[:1].isupper()):
            sig.label = label.group("label")
    sig.category = bool(_CATEGORY_END.search(tail))
    pre = _strip_decor(line_prefix)
    if sig.label and line_prefix.rstrip(_DECOR).endswith(sig.label.rstrip(_DECOR)):
        pre = _strip_decor(line_prefix[:len(line_prefix.rstrip(_DECOR)) - len(sig.label.rstrip(_DECOR))])
    suf = _strip_decor(_FROM_ME.sub("", ctx.suffix, count=1))
    sig.own_line = not pre and not suf  # alone on its line, or with nothing but its label
    if pre and not suf and not sig.label and not sig.category:
        sig.title_line = bool(_TITLE_LINE.match(ctx.prefix.lstrip()))
        sig.capsule = bool(_CAPSULE_TITLE.match(ctx.prefix.lstrip()))
    sig.paren = ctx.prefix.rstrip().endswith(("(", "[")) and ctx.suffix.lstrip().startswith((")", "]"))
    sig.suffix_ok = bool(_SUFFIX_OK.match(ctx.sent_suffix))
    sig.leads = sig.suffix_ok and not ctx.sent_prefix.strip(_DECOR)
    sent_start = len(ctx.sentence) - len(ctx.sent_suffix) - ((c.extra_end or c.end) - c.start)
    sig.standalone = _is_standalone(ctx, max(0, sent_start), (c.extra_end or c.end) - c.start)
    sig.negated = bool(_NEGATION.search(clause_tail))

    give = _GIVE_CUE.search(tail)
    is_cue = _IS_CUE.search(tail) if not give else None
    if give:
        sig.cue = True
        obj = _SPACES.sub(" ", (give.group("obj") or "").strip())
        if obj and obj.lower() not in _PRONOUN_SUBJECTS and not page.title_known(obj, ctx.sentence):
            if _CONTRAST_AFTER.search(ctx.sent_suffix) or _COMPARISON.search(ctx.sentence):
                sig.other_title = obj
            else:
                sig.named = True
    elif is_cue and sig.suffix_ok:
        if is_cue.group("pron") or is_cue.group("pron2"):
            sig.cue = True
        else:
            title = _SPACES.sub(" ", is_cue.group("title").strip())
            if page.title_known(title, ctx.sentence):
                sig.cue = True
            elif title.split(" ")[0].lower() not in _NOT_TITLES:
                if _CONTRAST_AFTER.search(ctx.sent_suffix) or _COMPARISON.search(ctx.sentence):
                    sig.other_title = title
                else:
                    sig.cue = sig.named = True
    if _FROM_ME.match(ctx.suffix):
        sig.cue = True
    aspect = _ASPECT_SUBJECT.search(tail)
    if aspect and aspect.group("noun") not in _FILM_NOUNS:
        sig.aspect = aspect.group("noun")
    return sig


def _judge(c: _Cand, page: _Page) -> None:
    """Set ``status``, ``reason`` and ``priority`` of a candidate from its context."""
    if c.problem:
        c.status, c.reason = "rejected", c.problem
        return
    if any(ls <= c.start < le for ls, le, _ in page.legends):
        c.status, c.reason = "rejected", "part of a legend explaining the star scale"
        return
    text = page.text
    note = _SCALE_NOTE.match(text, c.end)
    if note and c.kind in ("stars", "words") and not c.explicit_scale:
        raw = note.group("n1") or note.group("n2")
        n = float(len(raw)) if raw[0] in "*★" else _scale_value(raw)
        if n in STAR_SCALES and float(c.value) <= n:  # type: ignore[arg-type]
            c.scale, c.explicit_scale, c.extra_end = _num(n), True, note.end()
    ctx = _context(text, c.start, c.extra_end or c.end)
    sig = _signals(c, ctx, page)
    verdict = _not_own_rating(c, ctx, sig, page) or _not_a_rating(c, ctx, sig, page)
    if verdict:
        c.status, c.reason = verdict
        return
    c.status, c.labelled = "eligible", bool(sig.label)
    c.priority, c.reason = _precedence(c, ctx, sig, len(text))


def _not_own_rating(c: _Cand, ctx: _Ctx, sig: _Signals, page: _Page) -> tuple[str, str] | None:
    """Reasons a candidate is a rating, but not the critic's overall rating of this film."""
    placed = bool(sig.label) or sig.own_line
    if c.start >= page.comments_at:
        return "mention", "in the reader-comment section of the page"
    if sig.category and not sig.label:
        return "mention", "category sub-score, not the overall rating"
    if c.kind in ("stars", "words") and "star" in page.text[c.start:c.end].lower() and not c.strong:
        if not (placed or sig.cue or sig.paren):
            if _CAST_BEFORE.search(ctx.prefix) or _CAST_AFTER.match(ctx.suffix):
                return "rejected", "'stars' are cast members here"
    if _AGGREGATOR.search(ctx.sentence.lower()):
        return "mention", "aggregator, audience or user score"
    if not sig.label and _OUTLETS.search(ctx.sentence):
        return "mention", "attributed to another critic or outlet"
    if _ATTRIB.search(ctx.clause_prefix) or (not placed and _ATTRIB.search(ctx.sent_prefix) and not sig.cue):
        return "mention", "a past or attributed rating, not this review's"
    if _POSSESSIVE_BEFORE.search(ctx.prefix) and not sig.label:
        return "mention", "someone else's rating"
    if not placed:
        if sig.aspect:
            return "mention", f"rates one aspect of the film ({sig.aspect}), not the film"
        if _REVIEW_REF.match(ctx.suffix) or _REVIEW_OF.search(ctx.sentence):
            return "mention", "refers to a review (of another film)"
        if _RELATIVE.search(ctx.clause_prefix) or _RELATIVE.search(ctx.sent_prefix[-40:]):
            return "mention", "rating inside a clause about another film"
        if sig.other_title:
            return "mention", f"rating given to another named film ({sig.other_title})"
        if sig.negated:
            return "rejected", "negated or hypothetical ('not a 10/10', 'could have been')"
        comparison = _COMPARISON.search(ctx.sentence) or _OTHER_INSTALMENT.search(ctx.clause_prefix)
        if comparison and not (sig.cue and not _COMPARISON.search(ctx.clause_prefix)
                               and not _OTHER_INSTALMENT.search(ctx.clause_prefix)):
            return "mention", "inside a comparison with another film"
    return None


def _not_a_rating(c: _Cand, ctx: _Ctx, sig: _Signals, page: _Page) -> tuple[str, str] | None:
    """Reasons a rating-shaped expression is not a rating at all in its context."""
    placed = bool(sig.label) or sig.own_line
    if c.kind == "letter":
        if _LETTER_NOUN_AFTER.match(ctx.sent_suffix) or ctx.prefix.endswith("-") and ctx.prefix[-2:-1].isalpha():
            return "rejected", "a letter in a compound or before a noun ('grade-A smirk', 'a B movie')"
        if sig.label or (sig.own_line and _letter_line_ok(ctx, c)):
            return None
        if sig.cue and sig.suffix_ok:
            return None
        return "rejected", "a capital letter, not a grade in this context"
    if c.kind == "fraction" and not c.strong:
        if _CONTEXT_BEFORE_FRACTION.search(ctx.prefix) and not sig.label:
            return "rejected", "date, count or score, not a rating"
        if placed or sig.title_line or sig.paren or (sig.cue and sig.suffix_ok) or sig.standalone or sig.leads:
            return None
        if _QUANTITY_AFTER.match(ctx.suffix):
            return "rejected", "a fraction of a quantity"
        return "rejected", "no rating context (label, own line, 'I give it')"
    if c.kind == "stars" and ctx.line[len(ctx.prefix):len(ctx.prefix) + 1] == "*":
        # with a stated scale or legend, a run closing the review ("... let off steam. **") is the rating
        closing = page.page_scale is not None and (sig.own_line or sig.standalone) and not page.text[
            c.extra_end or c.end:].strip(_DECOR)
        if sig.own_line and not sig.label and not c.extra_end and not c.strong and not closing:
            return "rejected", "a row of asterisks (section break)"
        if c.strong or sig.label or sig.paren or sig.capsule or c.extra_end or sig.title_line or closing:
            return None
        return "rejected", "asterisks, not a star rating"
    if c.kind == "stars" and c.strong and ctx.line[len(ctx.prefix):len(ctx.prefix) + 1] in _GLYPHS:
        lone = c.value == 1 and c.scale != 1 and not c.explicit_scale
        if lone and not (placed or sig.paren):
            return "rejected", "a single star glyph used as decoration"
        if _GLYPH_RE_ANY.search(ctx.suffix) and not placed and not c.explicit_scale:
            return "rejected", "star glyphs used as decoration"
        return None
    if c.kind == "percent":
        bare = _strip_decor(ctx.sentence) == ctx.sentence[len(ctx.sent_prefix):][:c.end - c.start]
        if placed or (sig.cue and sig.suffix_ok) or bare:
            return None
        return "rejected", "a percentage, not a rating"
    if c.kind == "thumbs":
        if placed or (sig.cue and sig.suffix_ok) or sig.standalone or sig.title_line:
            return None
        return "rejected", "'thumbs up/down' used as an idiom"
    if c.strong:
        return None
    if c.kind in ("out_of", "words") and not (sig.suffix_ok or placed) and "star" not in ctx.line[
            len(ctx.prefix):len(ctx.prefix) + c.end - c.start].lower():
        return "rejected", "a count ('N out of M people'), not a rating"
    if placed or sig.cue or sig.title_line or sig.paren or sig.standalone or sig.leads:
        return None
    return "rejected", "no rating context (label, own line, 'I give it')"


def _precedence(c: _Cand, ctx: _Ctx, sig: _Signals, n: int) -> tuple[float, str]:
    prio = 0.0
    why: list[str] = []
    if sig.label:
        prio += _P_LABEL_STRONG if _STRONG_LABEL.search(sig.label) else _P_LABEL
        why.append(f"labelled '{sig.label.strip()}'")
    if sig.own_line:
        prio += _P_OWN_LINE
        why.append("on a line of its own")
    elif sig.title_line or sig.capsule:
        prio += _P_TITLE_LINE
        why.append("after the title on a short line")
    if sig.cue:
        prio += _P_CUE
        why.append("the critic gives it ('I give it', 'it's a', 'from me')")
    if sig.standalone and not sig.own_line:
        prio += _P_STANDALONE
        why.append("a sentence of its own")
    if sig.paren:
        prio += _P_PAREN
        why.append("in parentheses")
    if not why:
        prio += _P_PROSE
        why.append("an unambiguous rating form in the prose")
    edge = max(600, n * 0.25)
    if c.start < edge or c.end > n - edge:
        prio += _P_EDGE
    if _COMPARISON.search(ctx.sentence) and not (sig.label or sig.own_line):
        prio += _P_COMPARISON
        why.append("penalised: the sentence compares with another film")
    if sig.named:
        prio += _P_NAMED
        why.append("penalised: names a film the page does not otherwise mention")
    if c.kind in ("fraction", "out_of") or c.strong:
        prio += 1
    return prio, ", ".join(why)


def _letter_line_ok(ctx: _Ctx, c: _Cand) -> bool:
    """A letter alone on a line is a grade unless it is a drop cap or part of a letter widget."""
    return not _SINGLE_LETTER_LINES.search(ctx.around) and not ctx.next_text[:1].islower()


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
        m = _STRUCTURED_GRADE.fullmatch(raw)
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
    spots = _hotspots(text)
    legends = _legends(text, spots)
    page_scale = _page_scale(text, spots, legends)
    page = _Page(text=text, heading=_heading(text, headline), comments_at=_comments_start(text, spots),
                 page_scale=page_scale, legends=legends)
    cands = _resolve_overlaps(_candidates(text, spots, page_scale, default_star_scale))
    result = RatingResult(best=None, page_scale=page_scale)

    for c in cands:
        _judge(c, page)
        if c.status != "rejected" and c.score is None:
            c.score = _score(c)

    structured_rating = _structured(structured)
    if isinstance(structured_rating, Rejected):
        result.rejected.append(structured_rating)
        structured_rating = None

    for c in cands:
        if c.extra_end:  # "*1/2 from ****": the run after "from" is the scale, not a rating
            for other in cands:
                if other is not c and c.end <= other.start < c.extra_end:
                    other.status, other.reason = "rejected", "the scale of the rating before it"

    eligible = [c for c in cands if c.status == "eligible"]
    # Bare fractions on their own lines with one denominator and several values are counters.
    counters = _counter_lines(eligible)
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

    for m in _scan(_DATE_TIME, text, spots.get("slash", "colon"), 12, 50):
        if len(result.rejected) >= _MAX_REJECTED:
            break
        kind = "clock time" if ":" in m.group() else "date"
        result.rejected.append(Rejected(m.group(), m.start(), m.end(), f"a {kind}, not a rating"))
    result.rejected.sort(key=lambda r: (r.start is None, r.start or 0))
    return result


def _counter_lines(eligible: list[_Cand]) -> list[_Cand]:
    by_scale: dict[float, list[_Cand]] = {}
    for c in eligible:
        if c.kind == "fraction" and not c.strong and not c.labelled:
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
