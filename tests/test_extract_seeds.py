"""The four seed pages, checked against the fields of their labels.jsonl (never hand-copied strings)."""

from __future__ import annotations

import json
import re
from datetime import datetime
from pathlib import Path

import pytest

from criticscope.extract import ExtractedPage, extract

SEEDS = Path(__file__).resolve().parents[1].parent / "shared" / "seeds"
LABELS = SEEDS / "labels.jsonl"

pytestmark = pytest.mark.skipif(not LABELS.is_file(), reason="seed pages are not in this checkout")


def norm(s: str) -> str:
    s = " ".join(s.replace("\u00a0", " ").split())
    return re.sub(r"^[•·▪●◦]\s*", "", s)


def labels() -> list[dict]:
    if not LABELS.is_file():
        return []
    return [json.loads(line) for line in LABELS.read_text(encoding="utf-8").splitlines() if line.strip()]


def page_of(label: dict) -> ExtractedPage:
    path = SEEDS / label["file"]
    pages = extract(path.read_bytes(), name=path.name)
    assert len(pages) == 1
    assert isinstance(pages[0], ExtractedPage), pages[0]
    return pages[0]


def paragraphs(page: ExtractedPage) -> set[str]:
    return {norm(p) for p in page.text.split("\n\n")}


def comment_start(label: dict, raw_lines: list[str]) -> int:
    """Index of the first reader-comment line (len(raw_lines) when the page has none)."""
    header = label.get("reader_comment_header")
    if not header:
        return len(raw_lines)
    return next(i for i, line in enumerate(raw_lines) if norm(line) == norm(header))


def header_time(header: str) -> str:
    """The comment header's time, parsed independently of criticscope with strptime."""
    cleaned = re.sub(r"(\d)(st|nd|rd|th)\b", r"\1", norm(header))
    for fmt in ("%B %d, %Y at %I:%M %p", "%d %B %Y at %H:%M", "%B %d, %Y at %H:%M"):
        try:
            return datetime.strptime(cleaned, fmt).strftime("%Y-%m-%dT%H:%M")
        except ValueError:
            continue
    raise AssertionError(f"test cannot parse {header!r}")


IDS = [label["file"][:3] for label in labels()]


@pytest.mark.parametrize("label", labels(), ids=IDS)
def test_boilerplate_lines_are_not_lines_of_the_text(label):
    page = page_of(label)
    paras = paragraphs(page)
    for line in label["boilerplate_lines"]:
        assert norm(line) not in paras, line


@pytest.mark.parametrize("label", labels(), ids=IDS)
def test_captions_are_kept_apart(label):
    page = page_of(label)
    paras = paragraphs(page)
    for line in label["caption_lines"]:
        assert norm(line) not in paras, line
        assert norm(line) not in norm(page.text), line
    captions = {norm(c) for c in page.captions}
    assert {norm(c) for c in label["caption_lines"]} <= captions


@pytest.mark.parametrize("label", labels(), ids=IDS)
def test_heading_lines_survive_as_headline_or_headings(label):
    page = page_of(label)
    kept = {norm(h) for h in page.headings} | ({norm(page.headline)} if page.headline else set())
    for line in label["heading_lines"]:
        assert norm(line) in kept, line
    for heading in page.headings:
        assert norm(heading) in paragraphs(page)  # headings stay in the text as their own paragraph


@pytest.mark.parametrize("label", labels(), ids=IDS)
def test_every_critic_paragraph_is_present(label):
    page = page_of(label)
    raw = (SEEDS / label["file"]).read_text(encoding="utf-8").splitlines()
    paras = paragraphs(page)
    skip = {norm(x) for x in label["boilerplate_lines"] + label["caption_lines"] + label["heading_lines"]}
    end = comment_start(label, raw)
    checked = 0
    for line in raw[:end]:
        line = norm(line)
        if not line or line in skip:
            continue
        if label["author"] and line == norm(label["author"]):
            assert page.critic == label["author"]  # the byline became the critic
            continue
        assert line in paras, line
        checked += 1
    assert checked >= 5  # the check really ran over the critic paragraphs


@pytest.mark.parametrize("label", labels(), ids=IDS)
def test_reader_comments_are_split_off(label):
    page = page_of(label)
    assert len(page.comments) == label["reader_comments"]
    raw = (SEEDS / label["file"]).read_text(encoding="utf-8").splitlines()
    start = comment_start(label, raw)
    for line in raw[start + 1:]:
        if norm(line):
            assert norm(line) not in norm(page.text)
    if label["reader_comments"]:
        first = page.comments[0]
        assert norm(first.header or "") == norm(label["reader_comment_header"])
        assert first.posted_at == header_time(label["reader_comment_header"])
        assert first.text and norm(first.text) in {norm(x) for x in raw[start + 1:] if norm(x)}


@pytest.mark.parametrize("label", labels(), ids=IDS)
def test_metadata_agrees_with_the_labels(label):
    page = page_of(label)
    assert page.critic == label["author"]
    assert page.outlet in (None, label["outlet"])  # never a wrong outlet; None when the page has no cue
    if label["rating_text"]:
        assert norm(label["rating_text"]) in paragraphs(page)
    assert page.language == "en"
    assert page.format == "text"


def test_outlet_cue_found_where_the_page_names_it():
    found = [page_of(label).outlet for label in labels() if label["outlet"]]
    assert any(found), "no seed page yielded its outlet"
