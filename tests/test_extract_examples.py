"""The example pages bundled for ``criticscope demo`` extract cleanly and cover what the demo promises."""

from __future__ import annotations

import re
from collections import Counter
from importlib import resources
from pathlib import Path

import pytest

from criticscope.extract import ExtractedPage, extract

EXAMPLES = Path(str(resources.files("criticscope") / "examples"))
FILES = sorted(p for p in EXAMPLES.iterdir() if p.suffix in {".txt", ".html", ".jsonl"})
FURNITURE = ["Advertisement", "Share this article", "Reply", "Leave a Reply", "Listen to this article",
             "Select Voice", "Sign up for our newsletter", "Most popular", "5 min read"]


def pages_of(path: Path) -> list[ExtractedPage]:
    pages = extract(path.read_bytes(), name=path.name)
    assert all(isinstance(p, ExtractedPage) for p in pages), pages
    return pages


ALL = [(path, page) for path in FILES for page in pages_of(path)]


def test_enough_examples_of_each_kind():
    assert len(ALL) >= 14
    kinds = Counter(path.suffix for path, _ in ALL)
    assert kinds[".html"] >= 4 and kinds[".txt"] >= 4 and kinds[".jsonl"] == 2
    assert sum(1 for _, p in ALL if p.structured.get("reviewRating")) >= 2
    assert sum(1 for _, p in ALL if p.comments) >= 5
    assert sum(1 for _, p in ALL if p.captions) >= 4


def test_films_that_share_a_title_are_both_there():
    stems = Counter(re.sub(r"-(?:19|20)\d\d.*$", "", p.stem) for p in FILES)
    assert sum(1 for n in stems.values() if n >= 2) >= 4


@pytest.mark.parametrize(("path", "page"), ALL, ids=[f"{p.name}:{i}" for i, (p, _) in enumerate(ALL)])
def test_example_is_a_clean_review(path, page):
    words = len(page.text.split())
    assert 250 <= words <= 600, words
    paras = set(page.text.split("\n\n"))
    assert not paras & set(FURNITURE)
    for caption in page.captions:
        assert caption not in page.text
    for comment in page.comments:
        assert comment.text not in page.text
    assert page.headline and page.critic and page.language == "en"
