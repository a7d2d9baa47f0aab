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
    for el in list(tree.iter()):
        if not isinstance(el.tag, str) or not _attached(el, tree):
            continue  # already removed with a caption around it
        is_caption = el.tag == "figcaption" or _CAPTION_CLASS.search(el.get("class") or "")
        if not is_caption:
            continue
        text = _element_text(el)
        if not text or len(text) > 400:
            continue
        if "credit" in (el.get("class") or "").lower() and el.tag != "figcaption":
            credits.append(text)
        else:
            captions.append(text)
        _remove(el)
    # <p><img><br><em>Caption text</em></p>: italic text alone next to a picture
    for el in list(tree.iter("p", "div")):
        if not _attached(el, tree) or el.find(".//img") is None or len(el) > 4:
            continue
        text = _element_text(el)
        styled = " ".join(_element_text(c) for c in el.iter("em", "i", "small", "cite") if c is not el)
        if text and len(text) <= 300 and normalize_line(styled) == text:
            captions.append(text)
            _remove(el)
    return comments, list(dict.fromkeys(captions)), credits


def _body_blocks(body: etree._Element) -> list[tuple[str, str]]:
    """trafilatura's output tree (p, head, list/item, quote, table/row/cell) as (text, kind) blocks."""
    blocks: list[tuple[str, str]] = []

    def lines_of(el: etree._Element) -> list[str]:
        # <lb/> inside a paragraph separates lines of the scraped page
        parts = [el.text or ""]
        for child in el:
            if isinstance(child.tag, str):
                parts.append("\n" if child.tag == "lb" else "".join(child.itertext()))
            parts.append(child.tail or "")
        return [line for line in "".join(parts).split("\n") if line.strip()]

    for el in body:
        tag = el.tag
        if tag == "head":
            blocks.append(("".join(el.itertext()), "heading"))
        elif tag == "list":
            for item in el.iter("item"):
                blocks.append((" ".join(t for t in item.itertext()), "item"))
        elif tag == "quote":
            for line in lines_of(el) if not len(el.findall("p")) else ["".join(p.itertext()) for p in el]:
                blocks.append((line, "quote"))
        elif tag == "table":
            for row in el.iter("row"):
                cells = [normalize_line("".join(c.itertext())) for c in row.iter("cell")]
                blocks.append((" | ".join(c for c in cells if c), "line"))
        elif tag == "graphic":
            continue
        else:
            blocks.extend((line, "line") for line in lines_of(el))
    return blocks


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
    comments, captions, credits = _prune(tree)

    doc = None
    try:
        doc = trafilatura.bare_extraction(
            tree, url=url, with_metadata=True, include_comments=True, include_tables=True,
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

    title_hint = (structured.get("headline") or article.get("headline") or meta.get("og:title")
                  or (doc.title if doc is not None else None) or meta.get("title"))
    cleaned = clean_blocks(blocks, join_wrapped=source == "jsonld", title_hint=title_hint,
                           known_captions=captions)
    if not cleaned.paragraphs:
        raise ExtractionError("no critic text found in HTML")

    if not comments and doc is not None and doc.comments:
        comments, _ = split_zone([normalize_line(x) for x in str(doc.comments).splitlines()])
    comments.extend(cleaned.comments)

    page_url = url or meta.get("og:url") or meta.get("canonical") or (doc.url if doc is not None else None)
    critic = _first_author(structured.get("author"), article.get("author"), meta.get("author"), cleaned.critic,
                           _dom_byline(tree), doc.author if doc is not None else None)
    outlet = (structured.get("publisher") or article.get("publisher") or meta.get("og:site_name")
              or (doc.sitename if doc is not None else None) or cleaned.outlet or domain_of(page_url))
    published = (structured.get("datePublished") or article.get("datePublished")
                 or parse_date(meta.get("article:published_time")) or parse_date(meta.get("date"))
                 or cleaned.published or (parse_date(doc.date) if doc is not None and doc.date else None))
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
        published=published,
        language=language or guess_language(cleaned.text),
        structured=structured,
        removed=[*credits, *cleaned.removed],
        format="html",
    )


_BYLINE_CLASS = re.compile(r"byline|author|writer|credit-name", re.IGNORECASE)


def _dom_byline(tree: etree._Element) -> str | None:
    """The critic from an element classed like a byline, or a short one reading "By Jane Doe · 3 June 2024"."""
    for el in tree.iter("p", "div", "span", "address", "a", "li", "section", "header"):
        classed = bool(_BYLINE_CLASS.search(el.get("class") or ""))
        text = _element_text(el) if classed or len(el) <= 3 else ""
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

