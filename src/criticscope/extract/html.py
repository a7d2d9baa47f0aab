"""HTML pages: JSON-LD first, then trafilatura for the main text, then a plain baseline.

The cascade (each step runs only when the one before fell short):

1. JSON-LD ``Review`` (else the article object) gives author, rating, the reviewed work,
   date and publisher -- the most reliable metadata a page has;
2. ``trafilatura.bare_extraction`` gives the main text as blocks (paragraphs, headings,
   list items, quotes) once the comment section, captions and scripts are pruned;
3. when trafilatura returns under ``MIN_TEXT_CHARS``, a baseline reads the page's <p>, <li>,
   <blockquote> and <h1>-<h4> elements in order, and the longer of the two wins;
4. when both are empty, the JSON-LD ``reviewBody``/``articleBody`` is the text.

Whatever the source, the blocks then go through the same line cleaning as text pages.
"""

from __future__ import annotations

import re

import lxml.html
import trafilatura
from lxml import etree

from ..pipeline import Comment
from .clean import clean_blocks
from .comments import comment_containers, comments_from_container, split_zone
from .dates import find_timestamp, parse_date
from .furniture import BYLINE_PREFIX_RE
from .jsonld import article_data, jsonld_objects, review_data
from .meta import domain_of, guess_language, normalize_line, parse_byline
from .model import ExtractedPage, ExtractionError
from .text import text_blocks

MIN_TEXT_CHARS = 250
_XML_DECL = re.compile(r"^\s*<\?xml[^>]*\?>", re.IGNORECASE)
_DROP_TAGS = ("script", "style", "noscript", "template", "iframe", "svg", "object", "embed", "canvas")
_CAPTION_CLASS = re.compile(r"caption|credit", re.IGNORECASE)
_OUTPUT_BLOCKS = {"p", "head", "list", "quote", "table", "graphic", "div", "code", "pre", "section"}
_BASELINE_TAGS = {"p", "li", "blockquote", "h1", "h2", "h3", "h4", "pre", "dd"}
_BASELINE_SKIP = {"nav", "header", "footer", "aside", "form", "figure", "figcaption", "menu", "button", "select"}


def parse_html(html: str) -> etree._Element:
    html = _XML_DECL.sub("", html, count=1)
    try:
        return lxml.html.document_fromstring(html)
    except (etree.ParserError, ValueError) as exc:
        raise ExtractionError(f"unparseable HTML: {exc}") from None


def _meta(tree: etree._Element) -> dict[str, str]:
    out: dict[str, str] = {}
    for el in tree.iter("meta"):
        key = (el.get("property") or el.get("name") or el.get("itemprop") or "").strip().lower()
        value = normalize_line(el.get("content") or "")
        if key and value and key not in out:
            out[key] = value
    for el in tree.iter("link"):
        if (el.get("rel") or "").lower() == "canonical" and el.get("href") and "canonical" not in out:
            out["canonical"] = el.get("href").strip()
    title = tree.find(".//title")
    if title is not None and title.text:
        out.setdefault("title", normalize_line(title.text))
    lang = tree.get("lang") or tree.get("xml:lang")
    if lang:
        out["lang"] = lang.strip().lower()[:2]
    return out


def _remove(el: etree._Element) -> None:
    """Remove an element but keep its tail text in place."""
    parent = el.getparent()
    if parent is None:
        return
    if el.tail:
        prev = el.getprevious()
        if prev is not None:
            prev.tail = (prev.tail or "") + el.tail
        else:
            parent.text = (parent.text or "") + el.tail
    parent.remove(el)


def _attached(el: etree._Element, root: etree._Element) -> bool:
    top = el
    while top.getparent() is not None:
        top = top.getparent()
    return top is root and el is not root


def _element_text(el: etree._Element) -> str:
    return normalize_line(" ".join(t for t in el.itertext() if t))


def _prune(tree: etree._Element) -> tuple[list[Comment], list[str], list[str]]:
    """Take comments, captions and credits out of the tree; drop scripts. Returns them."""
    for el in list(tree.iter(*_DROP_TAGS)):
        _remove(el)
    comments: list[Comment] = []
    for container in comment_containers(tree):
        comments.extend(comments_from_container(container))
        _remove(container)
    captions: list[str] = []
    credits: list[str] = []
    found = [el for el in tree.iter() if isinstance(el.tag, str)
             and (el.tag == "figcaption" or _CAPTION_CLASS.search(el.get("class") or ""))]
    for el in found:
        if not _attached(el, tree):
            continue  # already removed with a caption around it
        text = _element_text(el)
        if not text or len(text) > 400:
            continue
        if "credit" in (el.get("class") or "").lower() and el.tag != "figcaption":
            credits.append(text)
        else:
            captions.append(text)
        _remove(el)
    # <p><img><br><em>Caption text</em></p>: italic text alone next to a picture
    for img in list(tree.iter("img")):
        el = img.getparent()
        if el is None or el.tag not in ("p", "div") or len(el) > 4 or not _attached(el, tree):
            continue
        text = _element_text(el)
        styled = " ".join(_element_text(c) for c in el.iter("em", "i", "small", "cite") if c is not el)
        if text and len(text) <= 300 and normalize_line(styled) == text:
            captions.append(text)
            _remove(el)
    return comments, list(dict.fromkeys(captions)), credits


def _body_blocks(body: etree._Element) -> list[tuple[str, str]]:
    """trafilatura's output tree (p, head, list/item, quote, table/row/cell, or bare text with <lb/>)
    as (text, kind) blocks."""
    blocks: list[tuple[str, str]] = []
    buf: list[str] = [body.text or ""]

    def flush() -> None:
        blocks.extend((line, "line") for line in "".join(buf).split("\n") if line.strip())
        buf.clear()

    for el in body:
        tag = el.tag if isinstance(el.tag, str) else None
        if tag == "lb":
            buf.append("\n")
        elif tag in _OUTPUT_BLOCKS:
            flush()
            blocks.extend(_block(el))
        elif tag is not None:
            buf.append("".join(el.itertext()))
        buf.append(el.tail or "")
    flush()
    return blocks


def _block(el: etree._Element) -> list[tuple[str, str]]:
    tag = el.tag
    if tag == "head":
        return [("".join(el.itertext()), "heading")]
    if tag == "list":
        return [(" ".join(t for t in item.itertext()), "item") for item in el.iter("item")]
    if tag == "quote":
        return [(text, "quote") for text, _ in _body_blocks(el)]
    if tag == "table":
        rows = []
        for row in el.iter("row"):
            cells = [normalize_line("".join(c.itertext())) for c in row.iter("cell")]
            rows.append((" | ".join(c for c in cells if c), "line"))
        return rows
    if tag == "graphic":
        return []
    return _body_blocks(el)  # p, div, code...: its own text, split at <lb/>


def _baseline_blocks(html: str) -> list[tuple[str, str]]:
    """Last resort: the page's paragraphs, list items and headings in document order."""
    tree = parse_html(html)
    for el in list(tree.iter(*_DROP_TAGS, *_BASELINE_SKIP)):
        _remove(el)
    for container in comment_containers(tree):
        _remove(container)
    blocks: list[tuple[str, str]] = []
    body = tree.find("body")
    for el in (body if body is not None else tree).iter(*_BASELINE_TAGS):
        anc = el.getparent()
        nested = False
        while anc is not None:
            if anc.tag in _BASELINE_TAGS:
                nested = True
                break
            anc = anc.getparent()
        if nested:
            continue
        text = _element_text(el)
        if text:
            kind = "heading" if el.tag in {"h1", "h2", "h3", "h4"} else "item" if el.tag == "li" else "line"
            blocks.append((text, kind))
    return blocks


def _plain(body: str) -> str:
    """A JSON-LD body as plain text (some sites put HTML in it; scripts never survive)."""
    if "<" not in body:
        return body
    try:
        frag = lxml.html.fragment_fromstring(body, create_parent="div")
    except (etree.ParserError, ValueError):
        return re.sub(r"<[^>]*>", " ", body)
    for el in list(frag.iter(*_DROP_TAGS)):
        _remove(el)
    for br in frag.iter("br", "p", "div", "li", "h1", "h2", "h3", "h4"):
        br.tail = "\n" + (br.tail or "")
    return "".join(frag.itertext())


def _size(blocks: list[tuple[str, str]]) -> int:
    return sum(len(t.strip()) for t, _ in blocks)


def extract_html(html: str, *, url: str | None = None) -> ExtractedPage:
    """Extract one review page from HTML (see the module docstring for the cascade)."""
    if not html or not html.strip():
        raise ExtractionError("empty input")
    tree = parse_html(html)
    objs = jsonld_objects(tree)
    structured, review_body = review_data(objs)
    article, article_body = article_data(objs)
    meta = _meta(tree)
    h1 = tree.find(".//h1")
    title_hint = (structured.get("headline") or article.get("headline") or meta.get("og:title")
                  or (_element_text(h1) if h1 is not None else None) or meta.get("title"))
    published = (structured.get("datePublished") or article.get("datePublished") or _meta_date(meta))
    comments, captions, credits = _prune(tree)
    if published is None:
        published = _dom_date(tree) or _url_date(url or meta.get("canonical") or meta.get("og:url"))
    byline = _dom_byline(tree)  # read before trafilatura rewrites the tree

    doc = None
    try:
        doc = trafilatura.bare_extraction(
            tree, url=url, with_metadata=False, include_comments=True, include_tables=True,
            include_images=False, include_formatting=False, deduplicate=False,
        )
    except Exception:  # trafilatura failing on a hostile page must leave the baseline a chance
        doc = None
    blocks = _body_blocks(doc.body) if doc is not None and doc.body is not None else []
    source = "trafilatura"
    if _size(blocks) < MIN_TEXT_CHARS:
        base = _baseline_blocks(html)
        if _size(base) > _size(blocks):
            blocks, source = base, "baseline"
    if _size(blocks) < MIN_TEXT_CHARS:
        body = _plain(review_body or article_body or "")
        if body and len(body.strip()) > _size(blocks):
            blocks, source = text_blocks(body), "jsonld"

    cleaned = clean_blocks(blocks, join_wrapped=source == "jsonld", title_hint=title_hint,
                           known_captions=captions)
    if not cleaned.paragraphs:
        raise ExtractionError("no critic text found in HTML")

    if not comments and doc is not None and doc.comments:
        comments, _ = split_zone([normalize_line(x) for x in str(doc.comments).splitlines()])
    comments.extend(cleaned.comments)

    page_url = url or meta.get("og:url") or meta.get("canonical")
    critic = _first_author(structured.get("author"), article.get("author"), meta.get("author"), cleaned.critic,
                           byline)
    outlet = (structured.get("publisher") or article.get("publisher") or meta.get("og:site_name")
              or meta.get("application-name") or cleaned.outlet
              or _site_from_title(meta.get("title"), cleaned.headline or title_hint) or domain_of(page_url))
    headline = cleaned.headline or _clean_title(title_hint, outlet)
    language = meta.get("lang") if meta.get("lang", "").isalpha() else None
    return ExtractedPage(
        text=cleaned.text,
        headline=headline,
        headings=cleaned.headings,
        captions=list(dict.fromkeys([*captions, *cleaned.captions])),
        comments=comments,
        critic=critic,
        outlet=outlet,
        url=page_url,
        published=published or cleaned.published,
        language=language or guess_language(cleaned.text),
        structured=structured,
        removed=[*credits, *cleaned.removed],
        format="html",
    )


_DATE_META = ("article:published_time", "og:published_time", "datepublished", "date", "pubdate", "publishdate",
              "dc.date", "dc.date.issued", "dcterms.created", "sailthru.date", "parsely-pub-date")


def _meta_date(meta: dict[str, str]) -> str | None:
    for key in _DATE_META:
        found = parse_date(meta.get(key))
        if found:
            return found
    return None


_DATE_CLASS = re.compile(r"date|time|publish|posted|meta|byline|dateline", re.IGNORECASE)
_URL_DATE = re.compile(r"/((?:19|20)\d\d)/([01]?\d)/([0-3]?\d)(?:/|$)")


def _dom_date(tree: etree._Element) -> str | None:
    """A publication date shown near the top of the page: <time datetime>, an element classed like
    a date or byline, or a short line before the first long paragraph that holds only a date."""
    for el in tree.iter("time"):
        found = parse_date(el.get("datetime")) or parse_date(_element_text(el))
        if found:
            return found
    for el in tree.iter():
        if not isinstance(el.tag, str):
            continue
        if el.tag == "p" and len(el.text or "") > 200:
            break  # the article has started; dates further down belong to something else
        classed = _DATE_CLASS.search(f"{el.get('class') or ''} {el.get('itemprop') or ''}")
        if not classed and (el.tag not in ("span", "div", "p", "small", "li") or len(el) > 0):
            continue
        text = _element_text(el)
        if 0 < len(text) <= (100 if classed else 40):
            found = parse_date(text)
            if found:
                return found
    return None


def _url_date(url: str | None) -> str | None:
    m = _URL_DATE.search(url or "")
    return parse_date(f"{m.group(1)}-{int(m.group(2)):02d}-{int(m.group(3)):02d}") if m else None


def _site_from_title(title: str | None, headline: str | None) -> str | None:
    """"Headline | Site Name" in the <title>: the short capitalised suffix that is not the headline."""
    if not title:
        return None
    parts = re.split(r"\s+[|–—-]\s+|\s+::\s+", normalize_line(title))
    if len(parts) < 2:
        return None
    last = parts[-1].strip()
    tokens = last.split()
    if (not 1 <= len(tokens) <= 5 or not all(t[:1].isupper() or t[:1].isdigit() or t.lower() in {"of", "the", "and", "&"}
                                             for t in tokens)):
        return None
    if headline and last.casefold() in normalize_line(headline).casefold():
        return None
    return last


_BYLINE_START = re.compile(
    r"\s*(?:an?\s+)?(?:(?:film|movie)\s+)?(?:by|words|posted|written|reviewed|review|essay|story|published|text"
    r"|author|critic|reviewer)\b", re.IGNORECASE)
_BYLINE_CLASS = re.compile(r"byline|author|writer|credit-name", re.IGNORECASE)


def _dom_byline(tree: etree._Element) -> str | None:
    """The critic from an element marked as the author (rel/itemprop/class), or a short one reading
    "By Jane Doe · 3 June 2024"."""
    for el in tree.iter("p", "div", "span", "address", "a", "li", "section", "header"):
        classed = bool(_BYLINE_CLASS.search(el.get("class") or "")) or el.get("rel") == "author" or (
            el.get("itemprop") in ("author", "creator"))
        if not classed and (len(el) > 3 or not _BYLINE_START.match(el.text or "")):
            continue
        text = _element_text(el)
        if not text or len(text) > 120 or not (classed or BYLINE_PREFIX_RE.match(text)):
            continue
        found = parse_byline(_strip_date(text), bare_ok=classed)
        if found is not None:
            return found[0]
    return None


def _strip_date(text: str) -> str:
    ts = find_timestamp(text)
    if ts is not None:
        text = f"{text[: ts.start]} {text[ts.end:]}"
    return normalize_line(re.sub(r"(?:\s*[·|•,–—-]\s*)+$", "", normalize_line(text)))


def _first_author(*candidates: str | None) -> str | None:
    """The first usable author name: separators, dates and a "By" prefix trimmed off."""
    for value in candidates:
        if not value or not value.strip():
            continue
        text = _strip_date(value)
        found = parse_byline(text, bare_ok=True)
        if found is not None:
            return found[0]
        text = text.strip(" ·|•,;:-–—")
        if text and len(text) <= 80:
            return text
    return None


def _clean_title(title: str | None, outlet: str | None) -> str | None:
    """A <title> without its " | Site name" suffix."""
    if not title:
        return None
    title = normalize_line(title)
    if outlet:
        for sep in (" | ", " - ", " – ", " — ", " :: "):
            suffix = f"{sep}{outlet}"
            if title.lower().endswith(suffix.lower()):
                return title[: -len(suffix)].strip() or title
    return title

