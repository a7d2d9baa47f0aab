"""schema.org JSON-LD, read apart from the text heuristics: the ``Review`` first, else the article."""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from typing import Any

from lxml import etree

from .dates import parse_date

REVIEW_TYPES = {"review", "criticreview", "userreview", "employerreview"}
ARTICLE_TYPES = {"article", "newsarticle", "blogposting", "reportagenewsarticle", "analysisnewsarticle",
                 "opinionnewsarticle", "reviewnewsarticle", "webpage", "creativework", "socialmediaposting"}
WORK_TYPES = {"movie", "tvseries", "tvepisode", "creativework", "videoobject", "tvseason", "moviesseries"}
_COMMENTS = re.compile(r"^\s*(?:<!--|<!\[CDATA\[)|(?:-->|\]\]>)\s*$")
_TRAILING_COMMA = re.compile(r",\s*([}\]])")


def _types(obj: dict[str, Any]) -> set[str]:
    t = obj.get("@type")
    items = t if isinstance(t, list) else [t]
    return {str(x).lower().rsplit("/", 1)[-1] for x in items if x}


def _load(raw: str) -> Any:
    raw = _COMMENTS.sub("", raw.strip())
    try:
        return json.loads(raw, strict=False)
    except json.JSONDecodeError:
        try:
            return json.loads(_TRAILING_COMMA.sub(r"\1", raw), strict=False)
        except json.JSONDecodeError:
            return None


def _walk(node: Any, depth: int = 0) -> Iterator[dict[str, Any]]:
    if depth > 12:
        return
    if isinstance(node, list):
        for item in node:
            yield from _walk(item, depth + 1)
    elif isinstance(node, dict):
        yield node
        for key in ("@graph", "mainEntity", "review", "itemReviewed", "subjectOf"):
            if key in node:
                yield from _walk(node[key], depth + 1)


def jsonld_objects(tree: etree._Element) -> list[dict[str, Any]]:
    """Every JSON object (flattened through lists and ``@graph``) in the page's JSON-LD scripts."""
    out: list[dict[str, Any]] = []
    for script in tree.iter("script"):
        if "ld+json" not in (script.get("type") or "").lower():
            continue
        data = _load(script.text or "")
        if data is not None:
            out.extend(_walk(data))
    return out


def _name(value: Any) -> str | None:
    """A display name from a string, an object with ``name``, or a list of those."""
    if isinstance(value, str):
        return value.strip() or None
    if isinstance(value, dict):
        return _name(value.get("name"))
    if isinstance(value, list):
        names = [n for n in (_name(v) for v in value) if n]
        return ", ".join(dict.fromkeys(names)) or None
    return None


def _scalar(value: Any) -> Any:
    if isinstance(value, (str, int, float)) and not isinstance(value, bool):
        return value.strip() if isinstance(value, str) else value
    if isinstance(value, list) and value:
        return _scalar(value[0])
    return None


def _rating(value: Any) -> dict[str, Any]:
    if isinstance(value, list):
        value = value[0] if value else None
    if isinstance(value, (str, int, float)) and not isinstance(value, bool):
        return {"ratingValue": value}
    if not isinstance(value, dict):
        return {}
    out = {}
    for key in ("ratingValue", "bestRating", "worstRating", "ratingExplanation", "alternateName", "name"):
        v = _scalar(value.get(key))
        if v is not None and v != "":
            out[key] = v
    return out


def _work(value: Any) -> dict[str, Any]:
    if isinstance(value, list):
        value = value[0] if value else None
    if isinstance(value, str):
        return {"name": value.strip()}
    if not isinstance(value, dict):
        return {}
    out: dict[str, Any] = {}
    kind = value.get("@type")
    kind = kind[0] if isinstance(kind, list) and kind else kind
    if isinstance(kind, str) and kind:
        out["@type"] = kind.rsplit("/", 1)[-1]
    for key in ("name", "alternateName", "dateCreated", "datePublished", "sameAs", "url", "inLanguage",
                "countryOfOrigin", "duration"):
        v = value.get(key)
        v = _name(v) if key == "countryOfOrigin" else _scalar(v)
        if v not in (None, ""):
            out[key] = v
    for key in ("director", "author", "creator"):
        name = _name(value.get(key))
        if name:
            out[key] = name
    actors = value.get("actor") or value.get("actors")
    if actors:
        names = [n for n in (_name(a) for a in (actors if isinstance(actors, list) else [actors])) if n]
        if names:
            out["actor"] = names[:12]
    return out


def review_data(objs: list[dict[str, Any]]) -> tuple[dict[str, Any], str | None]:
    """The first ``Review`` as ``{"author", "reviewRating", "itemReviewed", "datePublished", "publisher",
    "headline", "url"}`` plus its ``reviewBody`` (empty dict, None when the page has no Review)."""
    for obj in objs:
        review, work = None, None
        if _types(obj) & REVIEW_TYPES:
            review = obj
        elif _types(obj) & WORK_TYPES and isinstance(obj.get("review"), (dict, list)):
            candidates = obj["review"] if isinstance(obj["review"], list) else [obj["review"]]
            review = next((c for c in candidates if isinstance(c, dict)), None)
            work = obj
        if review is None:
            continue
        out: dict[str, Any] = {}
        author = _name(review.get("author"))
        if author:
            out["author"] = author
        rating = _rating(review.get("reviewRating"))
        if rating:
            out["reviewRating"] = rating
        item = _work(review.get("itemReviewed")) or (_work(work) if work else {})
        if item:
            out["itemReviewed"] = item
        published = parse_date(_scalar(review.get("datePublished")) or _scalar(review.get("dateCreated")))
        if published:
            out["datePublished"] = published
        publisher = _name(review.get("publisher"))
        if publisher:
            out["publisher"] = publisher
        headline = _scalar(review.get("headline")) or _scalar(review.get("name"))
        if headline:
            out["headline"] = headline
        url = _scalar(review.get("url"))
        if url:
            out["url"] = url
        body = _scalar(review.get("reviewBody"))
        return out, body if isinstance(body, str) else None
    return {}, None


def article_data(objs: list[dict[str, Any]]) -> tuple[dict[str, Any], str | None]:
    """Headline, author, date, publisher of the page's article object, plus its ``articleBody``."""
    for obj in objs:
        if not _types(obj) & ARTICLE_TYPES:
            continue
        out: dict[str, Any] = {}
        for key, value in (
            ("headline", _scalar(obj.get("headline")) or _scalar(obj.get("name"))),
            ("author", _name(obj.get("author"))),
            ("datePublished", parse_date(_scalar(obj.get("datePublished")))),
            ("publisher", _name(obj.get("publisher"))),
        ):
            if value:
                out[key] = value
        if out:
            body = _scalar(obj.get("articleBody"))
            return out, body if isinstance(body, str) else None
    return {}, None
