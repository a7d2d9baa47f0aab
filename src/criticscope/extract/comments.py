"""Reader comments: find the trailing comment section of a page and split it into Comment rows.

Text pages: the section starts at the first comment marker after the critic's prose -- a
comments header ("2 thoughts on ...", "Leave a Reply", "Comments"), a comment-form line, a
timestamp header ("June 12th, 2025 at 1:57 pm", "Jane on March 3, 2024 at 9:02 am said:") or an
"Author says:" line -- and only if what follows is smaller than the critic's text or holds
several comment headers, so critic prose is never swallowed.

HTML pages: elements whose class or id names a comment are read as comments and pruned from
the tree before the main text is extracted.
"""

from __future__ import annotations

import copy
import re
from collections.abc import Sequence
from dataclasses import dataclass

from lxml import etree

from ..pipeline import Comment
from .dates import find_timestamp
from .furniture import furniture_kind
from .meta import is_person_name, normalize_line

ZONE_KINDS = {"comments_header", "comment_form"}
MAX_HEADER_CHARS = 160

_NOISE = re.compile(
    r"\b(?:reply|says|said|wrote|writes|commented|posted|on|at|by|permalink|edit)\b|[|·•:,@\-–—()\[\]]",
    re.IGNORECASE,
)
_SAYS = re.compile(
    r"(?P<author>.{1,40}?)(?:\s+(?:on|at)\s+.{1,30}?)?\s+(?:says|said|wrote|writes|commented)"
    r"\s*(?::|\.{2,3}|…)?\s*(?:reply)?", re.I)
_POSTED_BY = re.compile(r"[—–-]*\s*(?:posted|written|comment(?:ed)?) by\s+(?P<author>.{1,40}?)\s*:?", re.I)
_AGO = re.compile(
    r"(?:(?P<author>.{1,40}?)\s*(?:[|·•,\-–—]|\bsays:?|\bposted)?\s+)?(?:about\s+)?(?:\d+|an?|one)\s+"
    r"(?:second|minute|min|hour|day|week|month|year)s?\s+ago(?:\s*reply)?",
    re.I,
)
_HANDLE = re.compile(r"@?[\w.\-]{2,30}")
_HEADER_HINT = re.compile(r"\d|\b(?:says|said|wrote|writes|commented|ago|posted by|written by|comment by)\b", re.I)


@dataclass
class Header:
    line: str
    author: str | None
    posted_at: str | None


def _author_ok(s: str) -> bool:
    """A commenter's display name: a person's name or a short handle, not a sentence."""
    s = s.strip()
    if not s or len(s) > 40 or s[-1] in "!?" or (s[-1] == "." and not re.search(r"(?:^|\s)[A-Z]\.$", s)):
        return False
    if is_person_name(s) or re.fullmatch(r"[A-Z]\.?", s):  # a name, or an initial: "K", "J."
        return True
    words = s.split()
    if len(words) == 1:
        return bool(_HANDLE.fullmatch(s))
    return len(words) <= 3 and all(w[:1].isupper() or w[:1].isdigit() for w in words)


def parse_header(line: str) -> Header | None:
    """A comment header line: a timestamp, optionally with the author and "Reply"/"says:" around it."""
    if not line or len(line) > MAX_HEADER_CHARS:
        return None
    if not _HEADER_HINT.search(line):
        return None  # no digit and no "says"/"ago"/"posted by": cannot be a header
    ts = find_timestamp(line)
    if ts is not None:
        rest = (line[: ts.start] + " " + line[ts.end:]).strip()
        rest = _NOISE.sub(" ", rest)
        rest = " ".join(rest.split())
        if not rest:
            return Header(line, None, ts.iso())
        if _author_ok(rest) and len(rest.split()) <= 4:
            return Header(line, rest, ts.iso())
        return None
    for rx in (_SAYS, _POSTED_BY):
        m = rx.fullmatch(line)
        if m and _author_ok(m.group("author")):
            return Header(line, m.group("author").strip(), None)
    m = _AGO.fullmatch(line)
    if m:
        author = (m.group("author") or "").strip() or None
        if author is None or _author_ok(author):
            return Header(line, author, None)
    return None


def _is_author_line(line: str) -> bool:
    return bool(line) and furniture_kind(line) is None and _author_ok(line) and len(line.split()) <= 4


def find_zone(lines: Sequence[str], kept: Sequence[bool], start: int) -> int | None:
    """Index where the trailing comment section begins (None: the page has none).

    ``kept[i]`` says whether line ``i`` is still a candidate for critic text (not furniture
    already); prose lengths are measured over those lines.
    """
    n = len(lines)
    sizes = [len(lines[i]) if kept[i] else 0 for i in range(n)]
    total = sum(sizes)
    for i in range(start, n):
        line = lines[i]
        if not line:
            continue
        kind = furniture_kind(line)
        header = None if kind else parse_header(line)
        if header is not None and header.author is None and "T" not in (header.posted_at or "") \
                and not re.search(r"\b(?:reply|says|said|wrote)\b", line, re.I):
            header = None  # a bare date inside an article is not enough
        if not (kind in ZONE_KINDS or kind == "comments_label" or header is not None):
            continue
        begin = i
        if header is not None and header.author is None:
            j = i - 1
            while j >= 0 and not lines[j]:
                j -= 1
            if j >= start and kept[j] and _is_author_line(lines[j]):
                begin = j
        prose_before = sum(sizes[:begin])
        prose_after = total - prose_before
        if prose_before < 150:
            continue
        rest = lines[i + 1:]
        headers_after = _count_headers(rest) + (header is not None)
        if kind == "comments_label" and not (
            headers_after or any(furniture_kind(x) in ZONE_KINDS for x in rest if x)
        ):
            continue
        if prose_after <= prose_before or headers_after >= 2:
            return begin
    return None


def _count_headers(lines: Sequence[str]) -> int:
    return sum(1 for line in lines if line and parse_header(line) is not None)


def split_zone(lines: Sequence[str]) -> tuple[list[Comment], list[str]]:
    """Comments and removed furniture lines from the lines of a comment section."""
    comments: list[Comment] = []
    removed: list[str] = []
    current: Comment | None = None
    headed = False  # the current comment began with a header (so blank lines do not end it)

    def flush() -> None:
        nonlocal current
        if current is not None and (current.text.strip() or current.header):
            current.text = current.text.strip()
            comments.append(current)
        current = None

    n = len(lines)
    i = 0
    while i < n:
        line = lines[i]
        if not line:
            if current is not None and not headed and current.text:
                flush()
            i += 1
            continue
        kind = furniture_kind(line)
        if kind is not None:
            removed.append(line)
            if kind == "reply":
                flush()
            i += 1
            continue
        header = parse_header(line)
        if header is not None:
            if (current is not None and headed and current.posted_at is None and header.author is None
                    and header.posted_at is not None):
                # "Jane says:" then its timestamp line, or a timestamp under the comment text: one comment
                current.posted_at = header.posted_at
                current.header = f"{current.header} {line}".strip() if not current.text else current.header
                i += 1
                continue
            flush()
            current = Comment(text="", author=header.author, posted_at=header.posted_at, header=line)
            headed = True
            i += 1
            continue
        nxt = i + 1
        while nxt < n and not lines[nxt]:
            nxt += 1
        nxt_header = parse_header(lines[nxt]) if nxt < n else None
        if (nxt_header is not None and nxt_header.author is None and _is_author_line(line)
                and (current is None or current.text)):
            flush()
            current = Comment(text="", author=line.strip(), posted_at=nxt_header.posted_at,
                              header=f"{line}\n{lines[nxt]}")
            headed = True
            i = nxt + 1
            continue
        if current is None:
            current = Comment(text="")
            headed = False
        current.text = f"{current.text}\n\n{line}" if current.text else line
        i += 1
    flush()
    return comments, removed


# ---------------------------------------------------------------- HTML comment sections

_COMMENTISH = re.compile(r"comment|disqus|respond|reply-form", re.I)
_ITEM_TOKENS = {"comment", "comment-item", "single-comment", "user-comment", "reader-comment", "c-comment",
                "comment-entry", "commentlist-item", "comment-wrapper"}
_ITEM_ID = re.compile(r"(?:li-|div-)?comment-?\d+", re.I)
_AUTHOR_HINT = re.compile(r"author|user|name|\bfn\b|nick|commenter", re.I)
_TIME_HINT = re.compile(r"date|time|posted|meta|when", re.I)
_BODY_HINT = re.compile(r"content|text|body|message", re.I)
_BLOCK_TAGS = {"p", "div", "li", "ol", "ul", "blockquote", "section", "article", "header", "footer", "h1", "h2",
               "h3", "h4", "h5", "h6", "br", "time", "cite", "table", "tr", "dd", "dt", "figure", "figcaption"}
_SKIP_TAGS = {"script", "style", "form", "button", "textarea", "noscript", "template", "svg", "iframe", "select"}


def _attr_text(el: etree._Element) -> str:
    return f"{el.get('class') or ''} {el.get('id') or ''}"


def _is_item(el: etree._Element) -> bool:
    tokens = {t.lower() for t in (el.get("class") or "").split()}
    return bool(tokens & _ITEM_TOKENS) or bool(_ITEM_ID.fullmatch(el.get("id") or ""))


def _text(el: etree._Element) -> str:
    return normalize_line(" ".join(t for t in el.itertext() if t))


def _own_paragraph_chars(el: etree._Element) -> int:
    """Characters of <p> text inside ``el`` that are not inside a nested comment element."""
    total = 0
    for p in el.iter("p"):
        anc = p.getparent()
        nested = False
        while anc is not None and anc is not el:
            if _COMMENTISH.search(_attr_text(anc)):
                nested = True
                break
            anc = anc.getparent()
        if not nested:
            total += len(_text(p))
    return total


def comment_containers(tree: etree._Element) -> list[etree._Element]:
    """Outermost elements that hold reader comments (or the comment form)."""
    found = []
    walker = etree.iterwalk(tree, events=("start",))
    for _, el in walker:
        if not isinstance(el.tag, str) or el.tag in {"html", "body", "main", "head"}:
            continue
        if not _COMMENTISH.search(_attr_text(el)):
            continue
        if el.find(".//h1") is not None or _own_paragraph_chars(el) > 400:
            continue  # e.g. <article class="post has-comments">: the review itself
        found.append(el)
        walker.skip_subtree()
    return found


def _item_lines(el: etree._Element) -> list[str]:
    """The text of ``el`` as lines, breaking at block elements, skipping scripts and forms."""
    parts: list[str] = []
    skipping: etree._Element | None = None
    for event, node in etree.iterwalk(el, events=("start", "end")):
        is_el = isinstance(node.tag, str)
        if event == "start":
            if skipping is not None:
                continue
            if is_el and node.tag in _SKIP_TAGS:
                skipping = node
                continue
            if is_el and node.tag in _BLOCK_TAGS:
                parts.append("\n")
            if is_el and node.text:
                parts.append(node.text)
            continue
        if skipping is not None and node is not skipping:
            continue
        if skipping is None and is_el and node.tag in _BLOCK_TAGS:
            parts.append("\n")
        skipping = None
        if node is not el and node.tail:
            parts.append(node.tail)
    lines = (normalize_line(line) for line in "".join(parts).split("\n"))
    return [line for line in lines if line]


def _parse_item(item: etree._Element) -> Comment | None:
    own = item
    if any(isinstance(d.tag, str) and _is_item(d) for d in item.iterdescendants()):
        own = copy.deepcopy(item)  # replies are comments of their own: read this one without them
        for nested in [d for d in own.iterdescendants() if isinstance(d.tag, str) and _is_item(d)]:
            parent = nested.getparent()
            if parent is not None:
                parent.remove(nested)
    author = None
    for el in own.iter():
        if not isinstance(el.tag, str) or el is own:
            continue
        if el.tag == "cite" or _AUTHOR_HINT.search(f"{_attr_text(el)} {el.get('itemprop') or ''}"):
            name = re.sub(r"\s*(?:says|said|wrote)\s*:?\s*$", "", _text(el), flags=re.I).strip()
            if name and len(name) <= 60:
                author = name
                break
    posted_at = None
    header = None
    for el in own.iter("time"):
        ts = find_timestamp(el.get("datetime") or "") or find_timestamp(_text(el))
        if ts:
            posted_at, header = ts.iso(), _text(el) or el.get("datetime")
            break
    if posted_at is None:
        for el in own.iter():
            if isinstance(el.tag, str) and el is not own and _TIME_HINT.search(_attr_text(el)):
                ts = find_timestamp(_text(el))
                if ts:
                    posted_at, header = ts.iso(), _text(el)
                    break
    body = None
    for el in own.iter():
        if (isinstance(el.tag, str) and el is not own and _BODY_HINT.search(_attr_text(el))
                and not _AUTHOR_HINT.search(_attr_text(el)) and not _TIME_HINT.search(_attr_text(el))):
            body = el
            break
    lines = _item_lines(body if body is not None else own)
    skip = {author, header}
    text_lines = [
        line for line in lines
        if line not in skip and furniture_kind(line) is None
        and not (len(line) <= 80 and any(ch.isdigit() for ch in line) and parse_header(line) is not None)
        and not (author and line.startswith(author) and len(line) <= len(author) + 8)
    ]
    text = "\n\n".join(text_lines).strip()
    if not text:
        return None
    return Comment(text=text, author=author, posted_at=posted_at, header=header)


def comments_from_container(container: etree._Element) -> list[Comment]:
    items = [el for el in container.iter() if isinstance(el.tag, str) and _is_item(el)]
    if items:
        return [c for c in (_parse_item(it) for it in items) if c is not None]
    # no per-comment markup: fall back to the text rules on the section's lines
    comments, _ = split_zone(_item_lines(container))
    return comments
