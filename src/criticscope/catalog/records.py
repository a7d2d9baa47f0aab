"""Film records from small catalog sources, and how two records of one film combine."""

from __future__ import annotations

from dataclasses import dataclass, field

from .normalize import normalize_name, normalize_title


@dataclass
class Aka:
    title: str
    region: str | None = None
    language: str | None = None


@dataclass
class FilmRecord:
    """One film as a source describes it, before it is matched to the catalog."""

    title: str
    year: int | None = None
    original_title: str | None = None
    kind: str = "movie"
    runtime: int | None = None
    directors: list[str] = field(default_factory=list)
    writers: list[str] = field(default_factory=list)
    cast: list[str] = field(default_factory=list)
    countries: list[str] = field(default_factory=list)
    languages: list[str] = field(default_factory=list)
    genres: list[str] = field(default_factory=list)
    platform: str | None = None
    imdb_id: str | None = None
    wikidata_id: str | None = None
    votes: int | None = None
    akas: list[Aka] = field(default_factory=list)
    origin: str = ""  # where the record came from ("films_recent.jsonl:12"), for error messages

    @property
    def norm_title(self) -> str:
        return normalize_title(self.title)

    @property
    def first_director(self) -> str:
        return normalize_name(self.directors[0]) if self.directors else ""

    def merge_key(self) -> tuple[str, int | None, str]:
        """Two records with the same key describe the same film."""
        return (self.norm_title, self.year, self.first_director)

    def absorb(self, other: FilmRecord) -> None:
        """Fill what this record lacks from ``other`` (a second description of the same film)."""
        for name in ("original_title", "runtime", "platform", "imdb_id", "wikidata_id", "votes", "year"):
            if getattr(self, name) in (None, "") and getattr(other, name) not in (None, ""):
                setattr(self, name, getattr(other, name))
        for name in ("directors", "writers", "cast", "countries", "languages", "genres"):
            mine: list[str] = getattr(self, name)
            seen = {normalize_name(v) if name in ("directors", "writers", "cast") else v.lower() for v in mine}
            for value in getattr(other, name):
                key = normalize_name(value) if name in ("directors", "writers", "cast") else value.lower()
                if key not in seen:
                    seen.add(key)
                    mine.append(value)
        known = {normalize_title(a.title) for a in self.akas} | {self.norm_title}
        for aka in [Aka(other.title), *other.akas]:
            norm = normalize_title(aka.title)
            if norm and norm not in known:
                known.add(norm)
                self.akas.append(aka)


def dedupe_records(records: list[FilmRecord]) -> list[FilmRecord]:
    """Merge records of the same film: same IMDb id, or same normalized title, year
    and first director."""
    by_imdb: dict[str, FilmRecord] = {}
    by_key: dict[tuple[str, int | None, str], FilmRecord] = {}
    out: list[FilmRecord] = []
    for rec in records:
        target = by_imdb.get(rec.imdb_id) if rec.imdb_id else None
        if target is None:
            target = by_key.get(rec.merge_key())
            if target is not None and rec.imdb_id and target.imdb_id and target.imdb_id != rec.imdb_id:
                target = None  # same title, year and director but two IMDb entries: keep both
        if target is None:
            out.append(rec)
            target = rec
        else:
            target.absorb(rec)
        if target.imdb_id:
            by_imdb[target.imdb_id] = target
        by_key.setdefault(target.merge_key(), target)
        by_key.setdefault(rec.merge_key(), target)
    return out
