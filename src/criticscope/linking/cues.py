"""Small vocabularies and patterns the evidence gatherer reads: relations that
point away from a title, credit roles, countries, languages and platforms."""

from __future__ import annotations

import re

# Words a title may keep in lowercase without losing its title case.
SMALL_WORDS = frozenset(
    "a an the and or nor but of in on at to for from by with as vs via into onto upon is are be not no so "
    "de la le les el los las du des da di del der die das und von".split()
)

class PhraseMatcher:
    """Finds phrases fast: each phrase starts with a literal word (or ``w1|w2``)
    looked up in a dict, and only then is the rest of its pattern tried there.

    An entry is ``("first|alternatives rest-of-regex", value)``, optionally with
    ``before=`` (a regex the text just before the phrase must match) or ``not_before=``.
    """

    _WORD = re.compile(r"[A-Za-z][A-Za-z+-]*")

    def __init__(self, entries: list[tuple]):
        self.by_word: dict[str, list[tuple[re.Pattern, object, re.Pattern | None, re.Pattern | None]]] = {}
        for entry in entries:
            spec, value = entry[0], entry[1]
            opts = entry[2] if len(entry) > 2 else {}
            first, _, rest = spec.partition(" ")
            words = first.split("|")
            pattern = re.compile(r"(?:" + "|".join(re.escape(w) for w in words) + r")" +
                                 ((r"\s+" + rest) if rest else "") + r"(?![\w-])", re.IGNORECASE)
            before = re.compile(opts["before"] + r"$", re.IGNORECASE) if "before" in opts else None
            not_before = re.compile(opts["not_before"] + r"$", re.IGNORECASE) if "not_before" in opts else None
            for w in words:
                self.by_word.setdefault(w.lower().split("-")[0], []).append((pattern, value, before, not_before))

    def finditer(self, text: str) -> list[tuple[int, int, object]]:
        out: list[tuple[int, int, object]] = []
        last_end = -1
        for m in self._WORD.finditer(text):
            start = m.start()
            if start < last_end:
                continue
            entries = self.by_word.get(m.group().lower().split("-")[0])
            if not entries:
                continue
            for pattern, value, before, not_before in entries:
                hit = pattern.match(text, start)
                if hit is None:
                    continue
                head = text[max(0, start - 12):start]
                if before is not None and not before.search(head):
                    continue
                if not_before is not None and not_before.search(head):
                    continue
                out.append((start, hit.end(), value))
                last_end = hit.end()
                break
        return out


# Phrases after which the next words name a film other than the one reviewed.
# kind: derived (an earlier or source film), future (one still to come),
# comparison (a film set beside it), credit (someone's other work).
_AWAY_ENTRIES: list[tuple] = [
    ("remake of", "derived"), ("remaking", "derived"), ("re-imagining|reimagining of", "derived"),
    ("reboot of", "derived"), ("rebooting", "derived"), ("sequel to", "derived"), ("prequel to", "derived"),
    ("follow-up|followup to", "derived"), ("spin-off|spinoff (?:of|from|to)", "derived"),
    ("spun off from", "derived"), ("successor to", "derived"), ("years|decades (?:after|since)", "derived"),
    ("update of", "derived"), ("new version of", "derived"), ("the|an|a|its|this original", "derived"),
    ("previous|earlier|older|first (?:film|version|one|adaptation|instal?lment|entry|chapter|movie)", "derived"),
    ("also (?:titled|called|named|entitled)", "same_name"), ("not to be confused with", "same_name"),
    ("no relation to", "same_name"), ("unrelated to", "same_name"),
    ("not the(?=\\s+(?:[\\w.’'-]+\\s+){1,4}(?:one|version|film|movie)\\b)", "same_name"),
    ("not that", "same_name"),
    ("upcoming", "future"), ("forthcoming", "future"), ("yet-to-be-released", "future"),
    ("coming", "future", {"before": r"(?:\b(?:the|a|an|his|her|their|its)|['’]s) "}),
    ("unlike", "comparison"), ("compared (?:to|with)", "comparison"), ("comparison|comparisons (?:to|with)",
                                                                       "comparison"),
    ("reminiscent of", "comparison"), ("echoes of", "comparison"), ("shades of", "comparison"),
    ("flashes of", "comparison"), ("nod|nods to", "comparison"), ("debt to", "comparison"),
    ("influenced by", "comparison"), ("in the (?:vein|mould|mold|tradition|spirit) of", "comparison"),
    ("the likes of", "comparison"), ("such as", "comparison"), ("including", "comparison"),
    ("like", "comparison", {"not_before": r"\b(?:I|we|you|they|would|n['’]t|to|really|just|didn['’]t|don['’]t) "}),
    ("as in", "comparison"), ("rather than", "comparison"), ("instead of", "comparison"),
    ("better than", "comparison"), ("worse than", "comparison"), ("forget", "comparison"),
    ("since", "comparison"), ("after", "comparison"), ("borrow|borrows|borrowed|borrowing from", "comparison"),
    ("lift|lifts|lifted from", "comparison"), ("riff|riffs|riffing on", "comparison"),
    ("homage to", "comparison"),
    ("director|maker|makers|creator|creators|star|stars|writer|helmer|team|people|auteur (?:of|behind)", "credit"),
    (r"his|her|their|its (?:\w+ )?(?:debut|breakout|previous|earlier|last|prior|first)"
     "(?: (?:feature|film|movie|picture|outing|effort))?", "credit"),
    ("directorial debut", "credit"), ("best known for", "credit"), ("known for", "credit"),
    ("famous for", "credit"), ("won (?:an|the) \\w+ for", "credit"), ("nominated for", "credit"),
    ("nominee for", "credit"), ("appeared in", "credit"), ("co-wrote|cowrote", "credit"), ("wrote", "credit"),
    ("worked on", "credit"), ("did stunts on", "credit"),
]


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
# A title directly followed by a credit role: "from the Parasite director Bong Joon-ho".
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

# A title used as a franchise, a character or a style, not as one film: "the Mad Max series",
# "Indiana Jones himself", "a Bond-style chase", "from the world of X".
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
_COUNTRY_ENTRIES: list[tuple] = [(k, k) for k in _COUNTRY_CUES]


# Platform cues -> canonical platform names (lowercase).
_PLATFORM_ENTRIES: list[tuple] = [
    ("netflix", "netflix"), ("prime video", "prime video"), ("amazon (?:prime|studios|mgm)", "prime video"),
    ("disney+", "disney+"), ("disney plus", "disney+"), ("hulu", "hulu"), ("apple (?:tv\\+|tv plus|original)", "apple tv+"),
    ("hbo", "max"), ("peacock", "peacock"), ("paramount+", "paramount+"), ("paramount plus", "paramount+"),
    ("shudder", "shudder"), ("mubi", "mubi"), ("tubi", "tubi"),
    ("in (?:theaters|theatres|cinemas)", "theatrical"), ("on the big screen", "theatrical"),
    ("theatrical|theatrically release", "theatrical"),
]
STREAMERS = frozenset({"netflix", "prime video", "disney+", "hulu", "apple tv+", "max", "peacock", "paramount+",
                       "shudder", "mubi", "tubi"})


def _tagged(family: str, entries: list[tuple]) -> list[tuple]:
    return [(e[0], (family, e[1]), *e[2:]) for e in entries]


# One pass over the words finds relations ("away"), countries and platforms.
PAGE_PHRASES = PhraseMatcher(_tagged("away", _AWAY_ENTRIES) + _tagged("country", _COUNTRY_ENTRIES)
                             + _tagged("platform", _PLATFORM_ENTRIES))
