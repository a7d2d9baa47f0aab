"""Small vocabularies and patterns the evidence gatherer reads: relations that
point away from a title, credit roles, countries, languages and platforms."""

from __future__ import annotations

import re

# Words a title may keep in lowercase without losing its title case.
SMALL_WORDS = frozenset(
    "a an the and or nor but of in on at to for from by with as vs via into onto upon is are be not no so "
    "de la le les el los las du des da di del der die das und von".split()
)

# Phrases after which the next words name a film other than the one reviewed.
# kind: derived (an earlier or source film), future (one still to come),
# comparison (a film set beside it), credit (someone's other work).
_AWAY_PHRASES: dict[str, str] = {
    r"remake of": "derived", r"remaking": "derived", r"re-?imagining of": "derived",
    r"reboot of": "derived", r"rebooting": "derived", r"sequel to": "derived", r"prequel to": "derived",
    r"follow-?up to": "derived", r"spin-?off (?:of|from|to)": "derived", r"spun off from": "derived",
    r"successor to": "derived", r"(?:years|decades) (?:after|since)": "derived", r"update of": "derived", r"new version of": "derived",
    r"(?:the|an?|its|this)\s+original": "derived", r"(?:previous|earlier|older|first) (?:film|version|one|"
    r"adaptation|instal?lment|entry|chapter|movie)": "derived",
    r"also (?:titled|called|named|entitled)": "same_name",
    r"not to be confused with": "same_name", r"(?:no relation|unrelated) to": "same_name",
    r"upcoming": "future", r"(?:the|a|an|his|her|their|its|['’]s) coming(?!-)": "future", r"forthcoming": "future", r"yet-to-be-released": "future",
    r"unlike": "comparison", r"compared (?:to|with)": "comparison", r"comparisons? (?:to|with)": "comparison",
    r"reminiscent of": "comparison", r"echoes of": "comparison", r"shades of": "comparison",
    r"flashes of": "comparison", r"nods? to": "comparison", r"debt to": "comparison",
    r"influenced by": "comparison", r"in the (?:vein|mould|mold|tradition|spirit) of": "comparison",
    r"the likes of": "comparison", r"such as": "comparison", r"including": "comparison",
    r"(?<!\bI )(?<!\bwe )(?<!\byou )(?<!\bthey )(?<!\bwould )(?<!n't )(?<!n’t )like": "comparison",
    r"as in": "comparison", r"rather than": "comparison", r"instead of": "comparison",
    r"better than": "comparison", r"worse than": "comparison", r"forget": "comparison",
    r"since": "comparison", r"after": "comparison", r"borrow(?:s|ed|ing)? from": "comparison",
    r"lift(?:s|ed)? from": "comparison", r"riff(?:s|ing)? on": "comparison", r"homage to": "comparison",
    r"(?:director|maker|makers|creators?|star|stars|writer|helmer|team|people|auteur) (?:of|behind)": "credit",
    r"(?:his|her|their|its) (?:\w+ )?(?:debut|breakout|previous|earlier|last|prior|first)"
    r"(?: (?:feature|film|movie|picture|outing|effort))?": "credit",
    r"directorial debut": "credit", r"best known for": "credit", r"known for": "credit",
    r"famous for": "credit", r"won (?:an|the) \w+ for": "credit", r"nominated for": "credit",
    r"nominee for": "credit", r"appeared in": "credit", r"co-?wrote": "credit", r"wrote": "credit",
    r"worked on": "credit", r"did stunts on": "credit",
}
AWAY_RE = re.compile(
    r"\b(?:" + "|".join(f"(?P<k{i}>{p})" for i, p in enumerate(_AWAY_PHRASES)) + r")\b",
    re.IGNORECASE,
)
AWAY_KINDS = list(_AWAY_PHRASES.values())

# "of the same name": the sentence refers to another film with the reviewed film's title.
SAME_NAME_RE = re.compile(
    r"\b(?:of|with|by|under|bearing) the same (?:name|title)\b|\bsame-(?:titled|named)\b|\bnamesake\b"
    r"|\bidentically (?:titled|named)\b|\bshares? (?:its|a|the|their) (?:name|title)\b",
    re.IGNORECASE,
)

# A year that belongs to an earlier or another version: "the 1978 original".
AWAY_YEAR_RE = re.compile(
    r"\b(?P<y>(?:19|20)\d{2})(?:['’]s)?\s+(?:original|version|adaptation|incarnation|iteration|take|classic"
    r"|predecessor|remake|edition|telling|film of the same name|one)\b",
    re.IGNORECASE,
)
# A title directly followed by a credit role: "from The Call director Lee Chung-hyun".
CREDIT_AFTER_RE = re.compile(
    r"^\s*(?:['’]s\s+)?(?:(?:co-|writer-)?(?:director|filmmaker|helmer|auteur|writer|screenwriter|actor"
    r"|actress|co-star|producer|creator|composer|cinematographer|alum|alumna|alumnus|veteran)s?|star)\b",
    re.IGNORECASE,
)
DIRECTOR_BEFORE_RE = re.compile(
    r"(?:directed by|direction (?:of|by)|director|filmmaker|helmer|writer-director|written and directed by"
    r"|helmed by|auteur|from)\s*[:,]?\s*(?:[A-Z][\w.’'-]*\s+){0,3}$",
)
DIRECTOR_AFTER_RE = re.compile(
    r"^(?:['’]s?\s+(?:film|movie|latest|new|debut|feature|thriller|drama|comedy|picture|follow-up|work"
    r"|direction|script|adaptation|remake|reboot|sequel|version|take)|,? who (?:directed|directs|helmed|wrote and directed)"
    r"|\s+(?:directs|directed|helms|helmed))\b",
    re.IGNORECASE,
)
CAST_BEFORE_RE = re.compile(
    r"(?:starring|stars|star|led by|headlined by|actor|actress|co-stars?|played by|cast(?: of)?"
    r"|performances? (?:by|from)|with)\s*[:,]?\s*(?:[A-Z][\w.’'-]*\s+){0,3}$",
)
CAST_AFTER_RE = re.compile(r"^\s*(?:as\s+[A-Z]|\(as\b|plays\b|stars\b|co-stars\b|gives\b)")

# A title used as a franchise, a character or a style, not as one film: "the John Wick series",
# "John Wick himself", "a Wick-style fight", "from the world of X".
FRANCHISE_AFTER_RE = re.compile(
    r"^(?:['’]s)?[\s-]*(?:series|franchise|films|movies|saga|universe|mythos|cinematic universe|style|sequels?"
    r"|prequels?|veterans?|fans|tropes|formula|chic|inspired|esque|like|himself|herself|themselves|character"
    r"|world|lore|brand|property|canon|entries|instal?lments|trilogy|era)\b",
    re.IGNORECASE,
)
FRANCHISE_BEFORE_RE = re.compile(r"(?:the )?(?:world|universe|franchise|series|creators?|makers) of\s*[“\"‘']?$",
                                 re.IGNORECASE)
REVIEW_MARKER_AFTER = re.compile(
    r"^[”\"’']?\s*(?:\(\s*\d{4}\s*\)\s*)?[:|–—-]?\s*(?:(?:movie|film) )?review\b", re.IGNORECASE
)

# Country and language cues -> values a catalog may store (ISO codes and names, lowercase).
_COUNTRY_CUES: dict[str, tuple[str, ...]] = {
    "korean": ("kr", "kor", "south korea", "korea", "ko", "korean"),
    "japanese": ("jp", "jpn", "japan", "ja", "japanese"),
    "chinese": ("cn", "chn", "china", "zh", "chinese", "mandarin", "hk", "tw"),
    "mandarin": ("cn", "zh", "chinese", "mandarin", "tw"),
    "cantonese": ("hk", "yue", "cantonese", "hong kong", "zh"),
    "hong kong": ("hk", "hong kong", "cantonese", "yue"),
    "taiwanese": ("tw", "taiwan", "zh"),
    "indian": ("in", "ind", "india", "hi", "ta", "te", "ml", "hindi", "tamil", "telugu", "malayalam"),
    "bollywood": ("in", "india", "hi", "hindi"),
    "hindi": ("hi", "hindi", "in", "india"),
    "tamil": ("ta", "tamil", "in", "india"),
    "telugu": ("te", "telugu", "in", "india"),
    "malayalam": ("ml", "malayalam", "in", "india"),
    "french": ("fr", "fra", "france", "french"),
    "german": ("de", "deu", "germany", "german"),
    "italian": ("it", "ita", "italy", "italian"),
    "spanish": ("es", "esp", "spain", "spanish"),
    "mexican": ("mx", "mex", "mexico", "es", "spanish"),
    "argentine": ("ar", "argentina", "es", "spanish"),
    "argentinian": ("ar", "argentina", "es", "spanish"),
    "brazilian": ("br", "bra", "brazil", "pt", "portuguese"),
    "portuguese": ("pt", "portugal", "portuguese", "br"),
    "danish": ("dk", "denmark", "da", "danish"),
    "swedish": ("se", "sweden", "sv", "swedish"),
    "norwegian": ("no", "norway", "nb", "nn", "norwegian"),
    "finnish": ("fi", "finland", "finnish"),
    "icelandic": ("is", "iceland", "icelandic"),
    "dutch": ("nl", "netherlands", "dutch"),
    "belgian": ("be", "belgium", "fr", "nl"),
    "polish": ("pl", "poland", "polish"),
    "russian": ("ru", "russia", "russian"),
    "ukrainian": ("ua", "ukraine", "uk", "ukrainian"),
    "romanian": ("ro", "romania", "romanian"),
    "hungarian": ("hu", "hungary", "hungarian"),
    "czech": ("cz", "czech republic", "czechia", "cs", "czech"),
    "greek": ("gr", "greece", "el", "greek"),
    "turkish": ("tr", "turkey", "türkiye", "turkish"),
    "iranian": ("ir", "iran", "fa", "persian"),
    "persian": ("ir", "iran", "fa", "persian"),
    "farsi": ("ir", "iran", "fa", "persian"),
    "israeli": ("il", "israel", "he", "hebrew"),
    "hebrew": ("il", "israel", "he", "hebrew"),
    "arabic": ("ar", "arabic", "eg", "sa", "lb", "jo", "tn", "ma"),
    "egyptian": ("eg", "egypt", "ar", "arabic"),
    "lebanese": ("lb", "lebanon", "ar", "arabic"),
    "nigerian": ("ng", "nigeria"),
    "south african": ("za", "south africa"),
    "thai": ("th", "thailand", "thai"),
    "vietnamese": ("vn", "vietnam", "vi", "vietnamese"),
    "indonesian": ("id", "indonesia", "indonesian"),
    "filipino": ("ph", "philippines", "tl", "filipino", "tagalog"),
    "australian": ("au", "australia"),
    "british": ("gb", "uk", "united kingdom"),
    "irish": ("ie", "ireland"),
    "canadian": ("ca", "canada"),
    "american": ("us", "usa", "united states", "united states of america"),
}
COUNTRY_CUES = _COUNTRY_CUES
COUNTRY_RE = re.compile(
    r"\b(?:" + "|".join(sorted((re.escape(k) for k in _COUNTRY_CUES), key=len, reverse=True))
    + r")(?:-language)?\b",
    re.IGNORECASE,
)

# Platform cues -> canonical platform names (lowercase).
_PLATFORM_CUES: dict[str, str] = {
    r"netflix": "netflix", r"prime video|amazon prime|amazon studios|amazon mgm": "prime video",
    r"disney\+|disney plus": "disney+", r"hulu": "hulu", r"apple tv\+|apple tv plus|apple original": "apple tv+",
    r"hbo max|\bmax\b original|hbo": "max", r"peacock": "peacock", r"paramount\+|paramount plus": "paramount+",
    r"shudder": "shudder", r"mubi": "mubi", r"tubi": "tubi",
    r"in (?:theaters|theatres|cinemas)|on the big screen|theatrical(?:ly)? release": "theatrical",
}
PLATFORM_RE = re.compile(
    r"(?:" + "|".join(f"(?P<p{i}>{p})" for i, p in enumerate(_PLATFORM_CUES)) + r")", re.IGNORECASE
)
PLATFORM_NAMES = list(_PLATFORM_CUES.values())
STREAMERS = frozenset(v for v in PLATFORM_NAMES if v != "theatrical")
