"""Integrity checks for the bundled starter film catalog (src/criticscope/data/catalog/*.jsonl)."""

from __future__ import annotations

import json
import re
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from pathlib import Path

import pytest
from unidecode import unidecode

import criticscope

CATALOG_DIR = Path(criticscope.__file__).resolve().parent / "data" / "catalog"
KINDS = {"movie", "tv_movie", "short", "video"}
IMDB_ID = re.compile(r"^tt\d{7,8}$")
REGION = re.compile(r"^[A-Z]{2}$")
LANG_CODE = re.compile(r"^[a-z]{2,3}$")
MIN_TOTAL = 1000
MIN_RECENT_SHARE = 0.40
MIN_SHARED_TITLES = 150
MIN_BIG_COUNTRIES = 8
BIG_COUNTRY_SIZE = 10


@dataclass
class Entry:
    file: str
    line: int
    data: dict

    @property
    def where(self) -> str:
        return f"{self.file}:{self.line}"


@dataclass
class Catalog:
    entries: list[Entry] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)
    files: list[str] = field(default_factory=list)


def norm(text: str) -> str:
    """Loose key for titles and names: ASCII-folded, lower-case, punctuation-free."""
    text = unidecode(text).lower().replace("&", " and ")
    return " ".join(re.sub(r"[^a-z0-9]+", " ", text).split())


def film_key(data: dict) -> tuple[str, int, str]:
    return norm(data["title"]), data["year"], norm(data["directors"][0])


def load_catalog() -> Catalog:
    catalog = Catalog()
    for path in sorted(CATALOG_DIR.glob("*.jsonl")):
        catalog.files.append(path.name)
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
            if not line.strip():
                catalog.errors.append(f"{path.name}:{number}: blank line")
                continue
            try:
                data = json.loads(line)
            except json.JSONDecodeError as exc:
                catalog.errors.append(f"{path.name}:{number}: {exc}")
                continue
            if not isinstance(data, dict):
                catalog.errors.append(f"{path.name}:{number}: not a JSON object")
                continue
            catalog.entries.append(Entry(path.name, number, data))
    return catalog


@pytest.fixture(scope="module")
def catalog() -> Catalog:
    loaded = load_catalog()
    assert loaded.files, f"no catalog files in {CATALOG_DIR}"
    return loaded


def is_str_list(value: object, *, min_len: int = 0, max_len: int | None = None) -> bool:
    if not isinstance(value, list) or len(value) < min_len:
        return False
    if max_len is not None and len(value) > max_len:
        return False
    return all(isinstance(item, str) and item.strip() == item and item for item in value)


def schema_problems(data: dict) -> list[str]:
    problems = []
    title = data.get("title")
    if not isinstance(title, str) or not title.strip():
        problems.append("title must be a non-empty string")
    year = data.get("year")
    if not isinstance(year, int) or isinstance(year, bool) or not 1890 <= year <= 2026:
        problems.append(f"year must be an int in 1890-2026, got {year!r}")
    if not is_str_list(data.get("directors"), min_len=1):
        problems.append("directors must be a non-empty list of names")
    if not is_str_list(data.get("cast"), max_len=5):
        problems.append("cast must be a list of 0-5 names")
    if not is_str_list(data.get("countries"), min_len=1):
        problems.append("countries must be a non-empty list of names")
    language = data.get("language")
    if not isinstance(language, str) or not language.strip():
        problems.append("language must be a non-empty string")
    if data.get("kind") not in KINDS:
        problems.append(f"kind must be one of {sorted(KINDS)}, got {data.get('kind')!r}")
    if "original_title" in data and (
        not isinstance(data["original_title"], str) or not data["original_title"]
    ):
        problems.append("original_title must be a non-empty string")
    if "genres" in data and not is_str_list(data["genres"]):
        problems.append("genres must be a list of strings")
    for optional in ("platform", "imdb_id", "group"):
        if data.get(optional) is not None and not isinstance(data[optional], str):
            problems.append(f"{optional} must be a string or null")
    for aka in data.get("aka") or []:
        if not isinstance(aka, dict) or not isinstance(aka.get("title"), str) or not aka["title"].strip():
            problems.append(f"aka entry without a title: {aka!r}")
            continue
        if aka.get("region") is not None and not REGION.match(str(aka["region"])):
            problems.append(f"aka region must be a 2-letter code: {aka!r}")
        if aka.get("language") is not None and not LANG_CODE.match(str(aka["language"])):
            problems.append(f"aka language must be an ISO 639 code: {aka!r}")
    return problems


def test_every_line_parses(catalog: Catalog) -> None:
    assert not catalog.errors, "\n".join(catalog.errors[:20])


def test_required_fields_present_and_typed(catalog: Catalog) -> None:
    bad = [
        f"{e.where} {e.data.get('title')!r}: {p}" for e in catalog.entries for p in schema_problems(e.data)
    ]
    assert not bad, "\n".join(bad[:30])


def test_no_duplicate_film_within_or_across_files(catalog: Catalog) -> None:
    seen: dict[tuple[str, int, str], list[str]] = defaultdict(list)
    for entry in catalog.entries:
        seen[film_key(entry.data)].append(entry.where)
    dups = {key: places for key, places in seen.items() if len(places) > 1}
    assert not dups, "duplicate (title, year, first director):\n" + "\n".join(
        f"{key}: {places}" for key, places in list(dups.items())[:30]
    )


def test_imdb_ids_well_formed_and_unique(catalog: Catalog) -> None:
    ids: dict[str, list[str]] = defaultdict(list)
    malformed = []
    for entry in catalog.entries:
        imdb_id = entry.data.get("imdb_id")
        if imdb_id is None:
            continue
        if not IMDB_ID.match(imdb_id):
            malformed.append(f"{entry.where}: {imdb_id!r}")
        ids[imdb_id].append(f"{entry.where} {entry.data['title']} ({entry.data['year']})")
    dups = {imdb_id: films for imdb_id, films in ids.items() if len(films) > 1}
    assert not malformed, "malformed imdb_id:\n" + "\n".join(malformed)
    assert not dups, "imdb_id used twice:\n" + "\n".join(f"{k}: {v}" for k, v in dups.items())


def test_no_person_listed_twice_in_one_film(catalog: Catalog) -> None:
    bad = []
    for entry in catalog.entries:
        for role in ("directors", "cast"):
            names = [norm(name) for name in entry.data[role]]
            repeated = sorted(name for name, count in Counter(names).items() if count > 1)
            if repeated:
                bad.append(f"{entry.where} {entry.data['title']}: {role} repeats {repeated}")
    assert not bad, "\n".join(bad)


def test_catalog_size_and_coverage(catalog: Catalog) -> None:
    films = [entry.data for entry in catalog.entries]
    per_file = Counter(entry.file for entry in catalog.entries)
    recent = sum(1 for film in films if 2015 <= film["year"] <= 2026)
    title_counts = Counter(norm(film["title"]) for film in films)
    shared_titles = sum(1 for count in title_counts.values() if count >= 2)
    country_counts = Counter(country for film in films for country in set(film["countries"]))
    big_countries = sorted(c for c, n in country_counts.items() if n >= BIG_COUNTRY_SIZE)
    summary = (
        f"catalog: {len(films)} films ({dict(per_file)}); {recent} from 2015-2026 "
        f"({recent / max(len(films), 1):.0%}); {shared_titles} titles shared by 2+ films; "
        f"{len(big_countries)} countries with >= {BIG_COUNTRY_SIZE} films"
    )
    assert len(films) >= MIN_TOTAL, f"need >= {MIN_TOTAL} films. {summary}"
    assert recent >= MIN_RECENT_SHARE * len(films), (
        f"need >= {MIN_RECENT_SHARE:.0%} from 2015-2026. {summary}"
    )
    assert shared_titles >= MIN_SHARED_TITLES, f"need >= {MIN_SHARED_TITLES} shared titles. {summary}"
    assert len(big_countries) >= MIN_BIG_COUNTRIES, f"need >= {MIN_BIG_COUNTRIES} big countries. {summary}"


def test_same_title_films_stay_distinguishable(catalog: Catalog) -> None:
    """Films sharing a title must differ by year or by director, or a linker cannot tell them apart."""
    by_title: dict[str, list[dict]] = defaultdict(list)
    for entry in catalog.entries:
        by_title[norm(entry.data["title"])].append(entry.data)
    clashes = []
    for title, films in by_title.items():
        years_directors = Counter((film["year"], norm(" ".join(film["directors"]))) for film in films)
        clashes += [f"{title} {key}" for key, count in years_directors.items() if count > 1]
    assert not clashes, "\n".join(clashes)


def test_text_fields_are_clean(catalog: Catalog) -> None:
    bad = []
    for entry in catalog.entries:
        data = entry.data
        texts = [data["title"], data.get("original_title") or data["title"], data["language"]]
        texts += data["directors"] + data["cast"] + data["countries"]
        for text in texts:
            if text != text.strip() or "  " in text or "|" in text or "@" in text:
                bad.append(f"{entry.where}: {text!r}")
        if norm(data["title"]) in {norm(name) for name in data["cast"]}:
            bad.append(f"{entry.where}: cast member equals the title")
    assert not bad, "\n".join(bad[:30])


def test_aka_titles_add_information(catalog: Catalog) -> None:
    redundant = [
        f"{entry.where} {entry.data['title']}: aka {aka['title']!r}"
        for entry in catalog.entries
        for aka in entry.data.get("aka") or []
        if aka["title"] == entry.data["title"]
    ]
    assert not redundant, "\n".join(redundant)


def test_streaming_originals_are_recent(catalog: Catalog) -> None:
    too_old = [
        f"{entry.where} {entry.data['title']} ({entry.data['year']}) on {entry.data['platform']}"
        for entry in catalog.entries
        if entry.data.get("platform") and entry.data["year"] < 2007
    ]
    assert not too_old, "\n".join(too_old)


def test_groups_tie_related_films(catalog: Catalog) -> None:
    """A group key is a lowercase slug and never ties two films from the same year and director."""
    groups: dict[str, list[dict]] = defaultdict(list)
    bad = []
    for entry in catalog.entries:
        group = entry.data.get("group")
        if group is None:
            continue
        if not re.fullmatch(r"[a-z0-9]+(-[a-z0-9]+)*", group):
            bad.append(f"{entry.where}: group {group!r} is not a slug")
        groups[group].append(entry.data)
    for group, films in groups.items():
        keys = Counter((film["year"], norm(film["directors"][0]), norm(film["title"])) for film in films)
        bad += [f"group {group}: {key} twice" for key, count in keys.items() if count > 1]
    assert not bad, "\n".join(bad)
