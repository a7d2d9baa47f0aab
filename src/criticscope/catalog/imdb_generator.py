"""Synthetic files in the exact format of IMDb's non-commercial datasets, at any size.

The real files cannot be fetched here, so imports, tests and benchmarks run on these.
They copy what matters to a loader: the six headers, ``\\N`` nulls, gzip, the mix of
title types (most titles are TV episodes), titles shared by many films and remakes,
sequels with Roman numerals, quotes that are not CSV quoting, non-ASCII text, very long
titles, alternative titles repeated across regions, comma-separated nconst lists,
JSON-ish ``characters``, ratings on a minority of titles with long-tailed vote counts.
The output depends only on ``titles``, ``seed`` and ``mix``.
"""

from __future__ import annotations

import bisect
import gzip
import random
from collections.abc import Sequence
from dataclasses import dataclass, field
from itertools import accumulate
from pathlib import Path
from typing import IO

from .sources.tsv import IMDB_HEADERS

N = "\\N"

TITLE_MIXES: dict[str, dict[str, float]] = {
    # close to the real distribution of title.basics
    "imdb": {"tvEpisode": 0.66, "short": 0.095, "movie": 0.07, "video": 0.03, "tvSeries": 0.027,
             "tvMovie": 0.015, "tvMiniSeries": 0.006, "tvSpecial": 0.005, "videoGame": 0.004, "tvShort": 0.002},
    # a catalog of films (for lookup benchmarks)
    "movies": {"movie": 0.88, "tvMovie": 0.08, "short": 0.04},
}

_ADJ = ("Dark Silent Last Lost Red Broken Hidden Golden Quiet Cold Burning Endless Secret Wild Savage Little "
        "Strange Bitter Electric Pale Final Lonely Crimson Hollow Iron Black White Blue Sweet Dead Forgotten "
        "Perfect Fallen Sacred Empty Eternal Distant Wicked Brave Velvet Frozen Restless Shattered Invisible").split()
_NOUN = ("Night City River Road House Summer Heart Storm Kingdom Garden Shadow Mirror Island Winter Song Dream "
         "Empire Hunter Stranger Harbor Mountain Machine Witness Promise Ocean Forest Station Circus Letter Bridge "
         "Dance Angel Ghost Fire Horizon Echo Voyage Border Prisoner Widow Doctor Detective Family Heist Room "
         "Valley Desert Train Carnival Lighthouse Orchard Dancer Monster Spy Soldier Queen King").split()
_FOREIGN = ("Amélie Café Señor Straße Ça Été Noël Mañana Größe Fräulein Ødegaard Żywot Čas Ölüm Göç Ação Coração "
            "Nuit Rêve Liebe Sehnsucht Vida Muerte Amore Notte Città Ciudad Tiempo Sonho Réveil Frère Søster "
            "Öğretmen Miłość Kärlek Ánimo Jeunesse Gelo Fiore Schöne").split()
_CJK = ("千と千尋", "東京物語", "살인의 추억", "花样年华", "七人の侍", "霸王别姬", "밀양", "おくりびと")
_COMMON_TITLES = ("Hamlet", "Home", "The Stranger", "Heat", "Crash", "Drive", "Alone", "The Return", "Trapped",
                  "Macbeth", "Broken", "Lost", "The Visit", "Fear", "Sisters", "The Island", "Gone", "The Gift",
                  "Venom", "Hunted", "Wanted", "Little Women", "Frankenstein", "Dracula", "Cinderella", "Les Misérables",
                  "Pinocchio", "The Host", "Oldboy", "Suspiria", "A Star Is Born", "The Thing", "Solaris",
                  "Nosferatu", "Robin Hood", "Jane Eyre", "Emma", "The Three Musketeers", "Hercules", "Titanic")
_SUBTITLES = ("The Beginning", "Redemption", "Origins", "The Reckoning", "A New Hope", "Dead Reckoning",
              "Homecoming", "Resurrection", "The Final Chapter", "Legacy", "Reckoning", "Part One")
_ROMAN = ("II", "III", "IV", "V", "VI")
_FIRST = ("John Mary James Anna Robert Linda Michael Sarah David Laura Peter Emma Thomas Julia Daniel Claire "
          "Mark Helen Paul Alice George Nora Frank Ruth Henry Grace Samuel Olivia Jack Rose Walter Diane Louis "
          "Marie Jean Pierre Jose María Zoë Chloë Björn Søren Jürgen Małgorzata Ángela François Élodie Dvořák "
          "Joaquín Noémie Ibrahim Aisha Ravi Priya Kenji Yuki Hiro Mei Ana Luca Giulia Matteo Lars Ingrid").split()
_LAST = ("Smith Johnson Brown Taylor Miller Wilson Moore Anderson Thomas Jackson White Harris Martin Thompson "
         "Garcia Martinez Robinson Clark Rodriguez Lewis Lee Walker Hall Allen Young King Wright Scott Green "
         "Baker Adams Nelson Hill Campbell Mitchell Roberts Carter Phillips Evans Turner Müller Schmidt Núñez "
         "Østergaard Łukasik Dubois Lefèvre Rossi Bianchi Kowalski Novák Yılmaz Papadopoulos Nakamura Tanaka "
         "Sato Suzuki Watanabe Okafor Mensah Haddad Khan Singh Patel Silva Santos Costa Almeida Fernández "
         "O'Connor O'Brien McAllister Van der Berg De la Cruz").split()
_ASIAN_FAMILY = ("Kim Lee Park Choi Jung Bong Hong Zhang Wang Li Chen Liu Yang Huang Zhao Wu Zhou Xu Sun Ma "
                 "Kang Yoon Jang Lim Han Shin Seo Kwon").split()
_ASIAN_SYLL = ("joon ho chan wook sang min ji woo hyun soo jin young seok kyung hee yi mou kai ge wei ming "
               "xiao tian jia hui dong yeon").split()
_GENRES = ("Drama Comedy Documentary Action Romance Thriller Crime Horror Adventure Family Animation Mystery "
           "Fantasy Biography Sci-Fi History Music War Musical Western Sport").split()
_REGIONS = ("US", "GB", "CA", "AU", "FR", "DE", "IT", "ES", "JP", "BR", "MX", "IN", "KR", "SE", "PL", "TR")
_LANGS = ("en", "fr", "de", "it", "es", "ja", "pt", "ko", "sv", "pl", "tr")
_TYPES = (N, N, N, "imdbDisplay", "imdbDisplay", "working", "alternative", "festival", "dvd", "tv")
_ATTRS = (N,) * 8 + ("literal English title", "complete title", "short title", "reissue title")
_PRINCIPAL_CATS = ("actor", "actress", "actor", "actress", "actor", "self", "director", "writer", "producer",
                   "composer", "cinematographer", "editor", "production_designer", "casting_director")
_EPISODE_AKAS = (0, 0, 1, 2, 3, 4, 6, 8, 10, 12)
_PROFESSIONS = ("actor", "actress", "director", "writer", "producer", "composer", "cinematographer", "editor",
                "miscellaneous", "soundtrack", "camera_department")


@dataclass
class GeneratedFiles:
    folder: Path
    paths: dict[str, Path]
    titles: int
    people: int
    rows: dict[str, int] = field(default_factory=dict)
    bad_lines: dict[str, list[int]] = field(default_factory=dict)  # file stem -> line numbers of bad rows


class _Gen:
    def __init__(self, titles: int, seed: int, mix: str):
        if mix not in TITLE_MIXES:
            raise ValueError(f"unknown mix {mix!r}; known: {', '.join(TITLE_MIXES)}")
        self.rng = random.Random(seed)
        self.n_titles = titles
        self.n_people = max(20, titles * 5 // 4)  # name.basics has ~1.3 rows per title
        kinds = TITLE_MIXES[mix]
        self.kinds = list(kinds)
        self.kind_cum = list(accumulate(kinds.values()))
        self.recent_titles: list[tuple[str, int | None]] = []  # for sequels and remakes

    def kind(self) -> str:
        i = bisect.bisect_left(self.kind_cum, self.rng.random() * self.kind_cum[-1])
        return self.kinds[min(i, len(self.kinds) - 1)]

    def year(self) -> int | None:
        r = self.rng.random()
        if r < 0.03:
            return None
        # weighted to recent decades, as the real catalog is
        return int(2026 - (self.rng.random() ** 2.2) * 126)

    def title(self) -> str:
        rng = self.rng
        r = rng.random()
        if r < 0.12:
            return rng.choice(_COMMON_TITLES)
        if r < 0.15 and self.recent_titles:  # a sequel
            base = rng.choice(self.recent_titles)[0]
            form = rng.random()
            if form < 0.4:
                return f"{base} {rng.choice(_ROMAN)}"
            if form < 0.7:
                return f"{base}: Part {rng.choice(_ROMAN)}"
            return f"{base} {rng.randint(2, 5)}"
        if r < 0.18:
            return f"{rng.choice(_NOUN)}: {rng.choice(_SUBTITLES)}"
        if r < 0.20:
            return f"\"{rng.choice(_ADJ)}\" {rng.choice(_NOUN)}"        # a quote that is not CSV quoting
        if r < 0.21:
            return f"{rng.choice(_NOUN)} 'n' {rng.choice(_NOUN)}"
        if r < 0.26:
            return f"{rng.choice(_FOREIGN)} {rng.choice(_FOREIGN).lower()}"
        if r < 0.27:
            return rng.choice(_CJK)
        if r < 0.27005:  # a very long line
            return " ".join(rng.choice(_NOUN) for _ in range(rng.randint(200, 900)))
        if r < 0.45:
            return f"The {rng.choice(_ADJ)} {rng.choice(_NOUN)}"
        if r < 0.60:
            return f"{rng.choice(_NOUN)} of the {rng.choice(_NOUN)}"
        if r < 0.70:
            return f"{rng.choice(_FIRST)}'s {rng.choice(_NOUN)}"
        if r < 0.80:
            return f"{rng.choice(_ADJ)} {rng.choice(_NOUN)}s & {rng.choice(_NOUN)}s"
        return f"{rng.choice(_ADJ)} {rng.choice(_NOUN)}"

    def person_name(self) -> str:
        rng = self.rng
        r = rng.random()
        if r < 0.08:
            fam = rng.choice(_ASIAN_FAMILY)
            given = f"{rng.choice(_ASIAN_SYLL).capitalize()}-{rng.choice(_ASIAN_SYLL)}"
            return f"{fam} {given}" if rng.random() < 0.7 else f"{given} {fam}"
        if r < 0.12:
            return f"{rng.choice(_FIRST)[0]}.{rng.choice(_FIRST)[0]}. {rng.choice(_LAST)}"
        if r < 0.20:
            return f"{rng.choice(_FIRST)} {rng.choice('ABCDEFGHJKLMNPRSTW')}. {rng.choice(_LAST)}"
        if r < 0.23:
            return f"{rng.choice(_FIRST)}-{rng.choice(_FIRST)} {rng.choice(_LAST)}"
        return f"{rng.choice(_FIRST)} {rng.choice(_LAST)}"

    def person(self) -> str:
        # long-tailed: some people work a lot
        rng = self.rng
        n = int(self.n_people * (rng.random() ** 2.5))
        return f"nm{min(n, self.n_people - 1) + 1:07d}"


def _open(path: Path, compress: bool) -> IO[str]:
    if compress:
        return gzip.open(path, "wt", encoding="utf-8", compresslevel=3, newline="\n")
    return path.open("w", encoding="utf-8", newline="\n")


def generate(folder: str | Path, titles: int = 1000, *, seed: int = 0, mix: str = "imdb", compress: bool = True,
             bad_rows: int = 0, only: Sequence[str] | None = None) -> GeneratedFiles:
    """Write the six IMDb dataset files for ``titles`` titles into ``folder``.

    ``bad_rows`` > 0 also writes that many broken lines into ``title.basics`` (wrong
    column count, a year that is no number) and as many into ``title.akas`` (wrong
    column count), all for titles of type ``movie``; their line numbers are in
    ``bad_lines``.  ``only`` limits which files are written."""
    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    g = _Gen(titles, seed, mix)
    rng = g.rng
    suffix = ".tsv.gz" if compress else ".tsv"
    stems = list(IMDB_HEADERS) if only is None else list(only)
    paths = {stem: folder / f"{stem}{suffix}" for stem in stems}
    out = GeneratedFiles(folder=folder, paths=paths, titles=titles, people=g.n_people)
    handles = {stem: _open(path, compress) for stem, path in paths.items()}
    lines = {stem: 1 for stem in IMDB_HEADERS}
    picked = rng.sample(range(titles), min(2 * bad_rows, titles)) if bad_rows else []
    bad_at, bad_aka_at = set(picked[::2]), set(picked[1::2])  # broken basics lines; broken akas lines

    def write(stem: str, row: Sequence[str]) -> None:
        lines[stem] += 1
        fh = handles.get(stem)
        if fh is not None:
            fh.write("\t".join(row) + "\n")

    def write_bad(stem: str, text: str) -> None:
        lines[stem] += 1
        out.bad_lines.setdefault(stem, []).append(lines[stem])
        fh = handles.get(stem)
        if fh is not None:
            fh.write(text + "\n")

    try:
        for stem, fh in handles.items():
            fh.write("\t".join(IMDB_HEADERS[stem]) + "\n")
        for i in range(titles):
            tconst = f"tt{i + 1:07d}"
            kind = "movie" if i in bad_at or i in bad_aka_at else g.kind()
            title = g.title()
            year = g.year()
            is_film = kind in ("movie", "tvMovie")
            if is_film and rng.random() < 0.2:
                g.recent_titles.append((title, year))
                if len(g.recent_titles) > 500:
                    g.recent_titles.pop(0)
            original = title
            if rng.random() < 0.08:
                original = f"{rng.choice(_FOREIGN)} {rng.choice(_FOREIGN).lower()}"
            runtime = N if rng.random() < 0.3 else str(rng.randint(3, 60) if kind in ("short", "tvShort", "tvEpisode")
                                                        else rng.randint(60, 200))
            genres = N if rng.random() < 0.05 else ",".join(rng.sample(_GENRES, rng.randint(1, 3)))
            end_year = str(min(2026, (year or 2000) + rng.randint(0, 9))) if kind in ("tvSeries", "tvMiniSeries") \
                and rng.random() < 0.6 else N
            if i in bad_at:
                if len(out.bad_lines.get("title.basics", [])) % 2 == 0:  # alternate the two kinds
                    write_bad("title.basics", "\t".join((tconst, kind, title, original, "0")))
                else:
                    write_bad("title.basics", "\t".join((tconst, kind, title, original, "0", f"19{rng.randint(0, 9)}x",
                                                         N, runtime, genres)))
                continue
            write("title.basics", (tconst, kind, title, original, "1" if rng.random() < 0.01 and i not in bad_aka_at else "0",
                                   str(year) if year else N, end_year, runtime, genres))
            # alternative titles (~4.6 per title overall, as in the real file); regions often share one title
            n_akas = rng.randint(1, 12) if is_film else (rng.choice(_EPISODE_AKAS) if kind == "tvEpisode"
                                                          else rng.randint(0, 6))
            if i in bad_aka_at:
                write_bad("title.akas", "\t".join((tconst, "1", title)))
            for k in range(n_akas):
                r = rng.random()
                if k == 0:
                    row = (tconst, "1", original, N, N, "original", N, "1")
                else:
                    aka = title if r < 0.5 else (f"{rng.choice(_FOREIGN)} {rng.choice(_NOUN).lower()}" if r < 0.85
                                                 else f"{title} ({rng.choice(_REGIONS)})")
                    lang = rng.choice(_LANGS) if rng.random() < 0.3 else N
                    row = (tconst, str(k + 1), aka, rng.choice(_REGIONS), lang, rng.choice(_TYPES),
                           rng.choice(_ATTRS), "0")
                write("title.akas", row)
            directors = N if rng.random() < 0.05 else ",".join(g.person() for _ in range(1 + (rng.random() < 0.1)))
            writers = N if rng.random() < 0.3 else ",".join(g.person() for _ in range(rng.randint(1, 3)))
            write("title.crew", (tconst, directors, writers))
            # the real file lists up to ~10 principals per title, ~8 per title overall
            n_principals = rng.randint(7, 10) if is_film else (rng.randint(5, 10) if kind == "tvEpisode"
                                                               else rng.randint(2, 10))
            for k in range(n_principals):
                cat = rng.choice(_PRINCIPAL_CATS)
                job = N if cat not in ("writer", "producer") or rng.random() < 0.5 else \
                    rng.choice(("screenplay", "novel", "producer", "executive producer"))
                if cat in ("actor", "actress", "self"):
                    name = f"{rng.choice(_FIRST)} \"{rng.choice(_ADJ)}\" {rng.choice(_LAST)}" if rng.random() < 0.02 \
                        else rng.choice(_FIRST)
                    chars = "[\"" + name.replace('"', '\\"') + "\"]"
                else:
                    chars = N
                # as in the real files, a principal director or writer is one of the title's crew
                crew = directors if cat == "director" else (writers if cat == "writer" else N)
                who = rng.choice(crew.split(",")) if crew != N else g.person()
                write("title.principals", (tconst, str(k + 1), who, cat, job, chars))
            p_rated = 0.45 if is_film else 0.1  # ~13% of titles have ratings
            if rng.random() < p_rated:
                votes = int(5 / max(rng.random(), 1e-6) ** 1.25)
                write("title.ratings", (tconst, f"{rng.uniform(1.0, 10.0):.1f}", str(votes)))
        for j in range(g.n_people):
            nconst = f"nm{j + 1:07d}"
            birth = str(rng.randint(1880, 2010)) if rng.random() < 0.5 else N
            death = str(min(2026, int(birth) + rng.randint(30, 95))) if birth != N and rng.random() < 0.2 else N
            profs = ",".join(rng.sample(_PROFESSIONS, rng.randint(1, 3)))
            known = N if rng.random() < 0.2 else ",".join(f"tt{rng.randint(1, max(1, titles)):07d}"
                                                          for _ in range(rng.randint(1, 4)))
            write("name.basics", (nconst, g.person_name(), birth, death, profs, known))
    finally:
        for fh in handles.values():
            fh.close()
    out.rows = {stem: n - 1 for stem, n in lines.items()}
    return out
