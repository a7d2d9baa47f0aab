"""Every page in tests/data/pages against its NAME.expected.json."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from criticscope.extract import ExtractedPage, extract

PAGES = Path(__file__).resolve().parent / "data" / "pages"
SUFFIXES = (".txt", ".html")


def norm(s: str) -> str:
    s = " ".join(s.replace("\u00a0", " ").split())
    return re.sub(r"^[•·▪●◦]\s*", "", s)


def cases() -> list[tuple[Path, dict]]:
    out = []
    for exp in sorted(PAGES.glob("*.expected.json")):
        stem = exp.name[: -len(".expected.json")]
        page = next((PAGES / f"{stem}{s}" for s in SUFFIXES if (PAGES / f"{stem}{s}").is_file()), None)
        assert page is not None, f"no page for {exp.name}"
        out.append((page, json.loads(exp.read_text(encoding="utf-8"))))
    return out


CASES = cases()


def extracted(path: Path) -> ExtractedPage:
    pages = extract(path.read_bytes(), name=path.name)
    assert len(pages) == 1
    assert isinstance(pages[0], ExtractedPage), pages[0]
    return pages[0]


def test_the_corpus_is_big_and_varied():
    assert len(CASES) >= 20
    assert {p.suffix for p, _ in CASES} == {".txt", ".html"}
    assert sum(1 for _, e in CASES if e["comments"]) >= 8
    assert sum(1 for _, e in CASES if e["captions"]) >= 5


@pytest.mark.parametrize(("path", "expected"), CASES, ids=[p.name for p, _ in CASES])
def test_page(path: Path, expected: dict):
    page = extracted(path)
    text = norm(page.text)
    missing = [s for s in expected["must_contain"] if norm(s) not in text]
    assert not missing, f"critic text lost: {missing}"
    leaked = [s for s in expected["must_not_contain"] if norm(s) in text]
    assert not leaked, f"furniture/captions/comments leaked: {leaked}"
    for key in ("headline", "critic", "outlet", "published"):
        assert page.__getattribute__(key) == expected[key], key
    assert [norm(c) for c in page.captions] == [norm(c) for c in expected["captions"]]
    if "headings" in expected:
        assert page.headings == expected["headings"]
    got = [(c.author, c.posted_at) for c in page.comments]
    assert got == [(c["author"], c["posted_at"]) for c in expected["comments"]]
    for comment, want in zip(page.comments, expected["comments"], strict=True):
        assert comment.text.startswith(want["text_startswith"])
    for key, value in expected.get("structured", {}).items():
        for sub, v in value.items():
            assert page.structured[key][sub] == v, (key, sub)


@pytest.mark.parametrize(("path", "expected"), CASES, ids=[p.name for p, _ in CASES])
def test_paragraphs_are_clean_units(path: Path, expected: dict):
    page = extracted(path)
    paras = page.text.split("\n\n")
    assert all(p == p.strip() and p for p in paras)
    assert all("\n" not in p for p in paras)
    for heading in page.headings:
        assert heading in paras
    assert page.headline not in paras
    assert page.language == "en"
