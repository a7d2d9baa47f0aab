"""An in-memory index over the catalog for fast candidate lookup.

``CatalogIndex.load(store)`` reads films, titles, credits and people once into plain
dicts.  Lookups then never touch the database:

* ``candidates(title, year, people)``: exact keys (titles, aliases, derived variants)
  first, then rapidfuzz over the titles that share a rare word with the query (typos
  are mapped to the nearest words of the vocabulary), plus films credited to the
  people named; each candidate carries per-field similarities and a weighted score.
* ``find_titles(text)`` / ``find_people(text)``: token n-gram lookups over running text.
"""

from __future__ import annotations

import gc
import heapq
import json
from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import asdict, dataclass, field
from itertools import chain
from typing import Any

from rapidfuzz import fuzz, process
from sqlalchemy import Text, select
from sqlalchemy import cast as sql_cast

from ..store import Store
from .db import CREDITS, FILMS, PEOPLE, TITLES, chunks, split_keys
from .normalize import (
    _POSSESSIVE,
    ARTICLES,
    FULL,
    HEAD,
    SHORT,
    TAIL,
    _title_words,
    name_keys,
    name_tokens,
    normalize_name,
    normalize_title,
    variant_forms,
)

DEFAULT_WEIGHTS: dict[str, float] = {"title": 3.0, "year": 2.0, "people": 3.0}

# How much a match through a derived key is worth, by kind of key on each side.
CATALOG_KEY_WEIGHT = {"s": 0.95, "t": 0.9, "h": 0.85}
QUERY_KEY_WEIGHT = {FULL: 1.0, SHORT: 0.95, TAIL: 0.85, HEAD: 0.8}
_CODE_OF = {"s": 0, "t": 1, "h": 2}
_CODES = "sth"

MAX_FUZZY_POOL = 2500     # titles compared with rapidfuzz per query
MIN_FUZZY_SCORE = 70      # rapidfuzz ratio (0-100) below which a title is no candidate
FUZZY_LIMIT = 40
MAX_NGRAM = 8
MAX_PERSON_FILMS = 400    # films added as candidates per person named in the query
_STOP_TOKENS = frozenset({"the", "a", "an", "of", "and", "in", "on", "to", "for", "with", "at", "de", "la", "le"})


@dataclass
class Candidate:
    film_id: int
    title: str
    year: int | None
    kind: str
    directors: list[str]
    cast: list[str]
    countries: list[str]
    languages: list[str]
    platform: str | None
    imdb_id: str | None
    provisional: bool
    matched_title: str = ""                                  # the title/alias that matched
    scores: dict[str, float] = field(default_factory=dict)   # "title", "year", "people" (0-1)
    score: float = 0.0                                       # weighted combination of ``scores``
    votes: int | None = None

    def as_dict(self) -> dict[str, Any]:
        return asdict(self)


@dataclass(slots=True)
class _QueryPerson:
    norm: str
    tokens: list[str]
    exact: set[int]     # people with one of the name's keys
    surname: set[int]   # people whose surname (or family name) it is, for a one-word name


class _Film:
    __slots__ = ("title", "year", "kind", "countries", "languages", "platform", "imdb_id", "provisional",
                 "votes", "titles", "norm")

    def __init__(self, row: Any):
        self.title: str = row.title
        self.norm: str = row.norm_title
        self.year: int | None = row.year
        self.kind: str = row.kind or "movie"
        # JSON lists, decoded only when the film is returned (most never are)
        self.countries: Any = row.countries
        self.languages: Any = row.languages
        self.platform: str | None = row.platform
        self.imdb_id: str | None = row.imdb_id
        self.provisional: bool = bool(row.provisional)
        self.votes: int | None = row.votes
        self.titles: list[tuple[str, str]] = []  # (key, raw title) for every exact and derived key


def _json_list(value: Any) -> list[str]:
    if not value or value == "[]":
        return []
    return list(json.loads(value) if isinstance(value, str) else value)


_ARTICLE_INITIALS = frozenset(a[0] for a in ARTICLES) | frozenset(a[0].upper() for a in ARTICLES)


def _raw_article(raw: str, key: str) -> str | None:
    """The article a catalog title starts with when its key dropped it ("The Godfather")."""
    if not raw or raw[0] not in _ARTICLE_INITIALS or raw[:len(key)].lower() == key:
        return None
    first = raw.split(None, 1)[0].lower()
    if "'" in first or "’" in first:
        first = first.replace("’", "'").split("'", 1)[0]
    return first if first in ARTICLES and not key.startswith(first + " ") and key != first else None


def _film_columns() -> list[Any]:
    # countries/languages as text: decoding ~500k JSON lists would dominate loading
    return [FILMS.c.id, FILMS.c.title, FILMS.c.norm_title, FILMS.c.year, FILMS.c.kind,
            sql_cast(FILMS.c.countries, Text).label("countries"),
            sql_cast(FILMS.c.languages, Text).label("languages"),
            FILMS.c.platform, FILMS.c.imdb_id, FILMS.c.provisional, FILMS.c.votes]


class CatalogIndex:
    """In-memory lookup over films, titles, people and credits.  Build with :meth:`load`."""

    def __init__(self, weights: Mapping[str, float] | None = None):
        self.weights = {**DEFAULT_WEIGHTS, **(weights or {})}
        self._films: dict[int, _Film] = {}
        self._exact: dict[str, list[int]] = defaultdict(list)
        self._variant: dict[str, list[int]] = defaultdict(list)   # film_id * 4 + kind code
        self._key_ids: dict[str, int] = {}
        self._keys: list[str] = []
        self._postings: dict[str, list[int]] = defaultdict(list)
        self._vocab_by_len: dict[int, list[str]] | None = None
        self._first_max: dict[str, int] = {}
        self._key_articles: dict[str, set[str]] = defaultdict(set)
        self._people: dict[int, tuple[str, str, tuple[str, ...]]] = {}  # name, norm, keys
        self._pkeys: dict[str, list[int]] = defaultdict(list)
        self._surnames: dict[str, list[int]] = defaultdict(list)
        self._by_initial: dict[str, list[tuple[str, int]]] | None = None
        self._credits: dict[int, list[tuple[int, str]]] = defaultdict(list)
        self._person_credits: dict[int, list[tuple[int, str]]] = defaultdict(list)

    # --- building ----------------------------------------------------------------

    @classmethod
    def load(cls, store: Store, *, weights: Mapping[str, float] | None = None) -> CatalogIndex:
        """Read the whole catalog (films not merged away) into memory."""
        index = cls(weights)
        gc_was_enabled = gc.isenabled()
        gc.disable()  # many small objects and no cycles: collections would only slow the build
        try:
            index._load(store)
        finally:
            if gc_was_enabled:
                gc.enable()
        return index

    def _load(self, store: Store) -> None:
        index = self
        with store.engine.connect() as conn:
            films = conn.execute(select(*_film_columns()).where(FILMS.c.merged_into.is_(None))).all()
            index._add_films(films)
            index._add_titles(conn.execute(select(TITLES.c.film_id, TITLES.c.title, TITLES.c.norm_title,
                                                  TITLES.c.variants).order_by(TITLES.c.film_id, TITLES.c.id)).all())
            index._add_people(conn.execute(select(PEOPLE.c.id, PEOPLE.c.name, PEOPLE.c.norm_name,
                                                  PEOPLE.c.name_keys)).all())
            index._add_credits(conn.execute(select(CREDITS.c.film_id, CREDITS.c.person_id, CREDITS.c.role)
                                            .order_by(CREDITS.c.film_id, CREDITS.c.ord, CREDITS.c.role)).all())

    def add_films(self, store: Store, film_ids: Iterable[int]) -> None:
        """Add (or refresh) films written after :meth:`load`, e.g. a new provisional film."""
        ids = sorted(set(film_ids))
        with store.engine.connect() as conn:
            for chunk in chunks(ids, 500):
                self._forget(chunk)
                self._add_films(conn.execute(select(*_film_columns()).where(FILMS.c.id.in_(chunk))))
                self._add_titles(conn.execute(select(TITLES.c.film_id, TITLES.c.title, TITLES.c.norm_title,
                                                     TITLES.c.variants).where(TITLES.c.film_id.in_(chunk))
                                              .order_by(TITLES.c.film_id, TITLES.c.id)))
                credit_rows = conn.execute(select(CREDITS.c.film_id, CREDITS.c.person_id, CREDITS.c.role)
                                           .where(CREDITS.c.film_id.in_(chunk))
                                           .order_by(CREDITS.c.film_id, CREDITS.c.ord, CREDITS.c.role)).all()
                pids = sorted({r.person_id for r in credit_rows} - set(self._people))
                for pchunk in chunks(pids, 500):
                    self._add_people(conn.execute(select(PEOPLE.c.id, PEOPLE.c.name, PEOPLE.c.norm_name,
                                                         PEOPLE.c.name_keys).where(PEOPLE.c.id.in_(pchunk))))
                self._add_credits(credit_rows)

    def _forget(self, film_ids: Sequence[int]) -> None:
        for fid in film_ids:
            film = self._films.pop(fid, None)
            if film is None:
                continue
            for key, _ in film.titles:
                if fid in self._exact.get(key, ()):
                    self._exact[key] = [f for f in self._exact[key] if f != fid]
                if key in self._variant:
                    self._variant[key] = [v for v in self._variant[key] if v >> 2 != fid]
            for pid, _ in self._credits.pop(fid, []):
                self._person_credits[pid] = [c for c in self._person_credits[pid] if c[0] != fid]

    def _add_films(self, rows: Iterable[Any]) -> None:
        for row in rows:
            self._films[row.id] = _Film(row)

    def _register_key(self, key: str) -> None:
        if key in self._key_ids:
            return
        kid = len(self._keys)
        self._key_ids[key] = kid
        self._keys.append(key)
        toks = key.split()
        for tok in set(toks):
            self._postings[tok].append(kid)
        n = min(len(toks), MAX_NGRAM)
        if n > self._first_max.get(toks[0], 0):
            self._first_max[toks[0]] = n
        self._vocab_by_len = None

    def _add_titles(self, rows: Iterable[Any]) -> None:
        films, key_ids, keys = self._films, self._key_ids, self._keys
        for fid, raw, norm, variants in rows:
            film = films.get(fid)
            if film is None or not norm:
                continue
            kid = key_ids.get(norm)
            if kid is None:
                self._register_key(norm)
            else:
                norm = keys[kid]  # one string object per distinct key
            self._exact[norm].append(fid)  # one row per (film, normalized title)
            film.titles.append((norm, raw))
            art = _raw_article(raw, norm)
            if art:
                self._key_articles[norm].add(art)
            for item in split_keys(variants):
                code, _, key = item.partition(":")
                if not key or code not in _CODE_OF:
                    continue
                self._variant[key].append(fid * 4 + _CODE_OF[code])
                film.titles.append((key, raw))
                self._register_key(key)
                if code == "t":
                    art = _raw_article(raw.split(":")[-1].strip(), key)
                    if art:
                        self._key_articles[key].add(art)

    def _add_people(self, rows: Iterable[Any]) -> None:
        for pid, name, norm, extra in rows:
            if not norm:
                continue  # a person whose name an import has not filled in yet
            keys = (norm, *split_keys(extra))
            self._people[pid] = (name, norm, keys)
            for key in keys:
                self._pkeys[key].append(pid)
            toks = norm.split()
            if len(toks) > 1:
                self._surnames[toks[-1]].append(pid)
                self._surnames[toks[0]].append(pid)  # family-name-first romanizations
        self._by_initial = None

    def _add_credits(self, rows: Iterable[Any]) -> None:
        credits, pcredits = self._credits, self._person_credits
        for fid, pid, role in rows:
            if fid in self._films:
                credits[fid].append((pid, role))
                pcredits[pid].append((fid, role))

    def __len__(self) -> int:
        return len(self._films)

    # --- films -------------------------------------------------------------------

    def _candidate(self, fid: int, matched: str = "", scores: dict[str, float] | None = None,
                   score: float = 1.0) -> Candidate:
        film = self._films[fid]
        directors: list[str] = []
        cast: list[str] = []
        for pid, role in self._credits.get(fid, ()):
            person = self._people.get(pid)
            if person is None:
                continue
            if role == "director":
                directors.append(person[0])
            elif role in ("actor", "self"):
                cast.append(person[0])
        matched_title = next((raw for key, raw in film.titles if key == matched), film.title) if matched else film.title
        return Candidate(film_id=fid, title=film.title, year=film.year, kind=film.kind, directors=directors,
                         cast=cast, countries=_json_list(film.countries), languages=_json_list(film.languages),
                         platform=film.platform, imdb_id=film.imdb_id, provisional=film.provisional,
                         matched_title=matched_title, scores=dict(scores or {}), score=score, votes=film.votes)

    def film(self, film_id: int) -> Candidate | None:
        return self._candidate(film_id) if film_id in self._films else None

    def films_by_norm_title(self, norm: str) -> list[int]:
        """Films with exactly this normalized title or alias; if none, films with it as a
        derived key (a title without its subtitle, "saw 4"...)."""
        exact = list(self._exact.get(norm, ()))
        if exact:
            return exact
        seen: list[int] = []
        for code in self._variant.get(norm, ()):
            if code >> 2 not in seen:
                seen.append(code >> 2)
        return seen

    def title_keys(self) -> Mapping[str, int]:
        """Every normalized title, alias and derived key the index knows, mapped to an
        internal id; test ``normalize_title(span) in index.title_keys()``."""
        return self._key_ids

    # --- candidates --------------------------------------------------------------

    def _near_tokens(self, token: str) -> list[str]:
        """Vocabulary words within a typo or two of ``token``."""
        if len(token) < 4:
            return []
        if self._vocab_by_len is None:
            by_len: dict[int, list[str]] = defaultdict(list)
            for tok in self._postings:
                by_len[len(tok)].append(tok)
            self._vocab_by_len = dict(by_len)
        pool = [t for n in (len(token) - 1, len(token), len(token) + 1) for t in self._vocab_by_len.get(n, ())]
        return [m[0] for m in process.extract(token, pool, scorer=fuzz.ratio, score_cutoff=75, limit=3)]

    def _fuzzy_pool(self, qnorm: str, cap: int = MAX_FUZZY_POOL) -> list[str]:
        """Titles worth a rapidfuzz comparison: those sharing the query's rarest words
        (all of its content words when several share some), typos mapped to the
        nearest vocabulary words first."""
        lists: list[list[int]] = []
        tokens = set(qnorm.split())
        content = [t for t in tokens if t not in _STOP_TOKENS] or list(tokens)
        for tok in content:
            post = self._postings.get(tok)
            if post is None:
                near = [self._postings[t] for t in self._near_tokens(tok)]
                post = list(chain.from_iterable(near)) if len(near) > 1 else (near[0] if near else None)
            if post:
                lists.append(post)
        if not lists:
            return []
        lists.sort(key=len)
        pool: set[int] = set(lists[0]) if len(lists[0]) <= cap else set()
        shared = set(lists[0])
        for post in lists[1:]:
            narrowed = shared.intersection(post)
            if not narrowed:
                break
            shared = narrowed
        if len(lists) > 1:
            pool |= shared if len(shared) <= cap else set(list(shared)[:cap])
        elif not pool:
            pool = set(lists[0][:cap])
        return [self._keys[i] for i in pool]

    def _title_hits(self, title_text: str, qnorm: str) -> dict[int, tuple[float, str]]:
        hits: dict[int, tuple[float, str]] = {}

        def offer(fid: int, score: float, key: str) -> None:
            if score > hits.get(fid, (0.0, ""))[0]:
                hits[fid] = (score, key)

        for key, kind in variant_forms(title_text):
            qw = QUERY_KEY_WEIGHT[kind]
            for fid in self._exact.get(key, ()):
                offer(fid, qw, key)
            for code in self._variant.get(key, ()):
                offer(code >> 2, qw * CATALOG_KEY_WEIGHT[_CODES[code & 3]], key)
        # with an exact match in hand, look only a little further for near spellings
        pool = self._fuzzy_pool(qnorm, MAX_FUZZY_POOL // 8 if qnorm in self._exact else MAX_FUZZY_POOL)
        if pool:
            for key, sc, _ in process.extract(qnorm, pool, scorer=fuzz.ratio, score_cutoff=MIN_FUZZY_SCORE,
                                              limit=FUZZY_LIMIT):
                s = sc / 100.0
                for fid in self._exact.get(key, ()):
                    offer(fid, s, key)
                for code in self._variant.get(key, ()):
                    offer(code >> 2, s * CATALOG_KEY_WEIGHT[_CODES[code & 3]], key)
        return hits

    def _query_people(self, people: Sequence[str]) -> list[_QueryPerson]:
        out = []
        for name in people:
            norm = normalize_name(name)
            if not norm:
                continue
            toks = norm.split()
            keys = name_keys(name)
            exact = {pid for key in keys for pid in self._pkeys.get(key, ())}
            surname = set(self._surnames.get(toks[0], ())) if len(toks) == 1 and len(toks[0]) > 2 else set()
            out.append(_QueryPerson(norm, toks, exact, surname - exact))
        return out

    def _people_score(self, fid: int, qpeople: list[_QueryPerson], *, fuzzy: bool) -> float:
        """Share of the query's people credited on the film: 1 for a name match, 0.9 for
        a surname alone, the spelling similarity (>= 0.85) when ``fuzzy``."""
        credited = self._credits.get(fid, ())
        total = 0.0
        for q in qpeople:
            best = 0.0
            for pid, _ in credited:
                if pid in q.exact:
                    best = 1.0
                    break
                if pid in q.surname:
                    best = max(best, 0.9)
                elif fuzzy and len(q.tokens) > 1:
                    person = self._people.get(pid)
                    if person is not None:
                        ratio = fuzz.ratio(q.norm, person[1], score_cutoff=85) / 100.0
                        best = max(best, ratio)
            total += best
        return total / len(qpeople)

    @staticmethod
    def year_score(query: int, film: int | None) -> float:
        """1 for the same year, 0.7 one year off (festival vs release), 0.3 two off;
        0.5 when the catalog has no year."""
        if film is None:
            return 0.5
        return {0: 1.0, 1: 0.7, 2: 0.3}.get(abs(query - film), 0.0)

    def _combine(self, scores: dict[str, float]) -> float:
        w = self.weights
        total = sum(w.get(k, 0.0) for k in scores) or 1.0
        return round(sum(w.get(k, 0.0) * v for k, v in scores.items()) / total, 4)

    def candidates(self, title_text: str, year: int | None = None, people: Sequence[str] = (),
                   limit: int = 20) -> list[Candidate]:
        """Films that ``title_text`` (with ``year`` and ``people``, when known) may name,
        best first.  ``scores`` holds each field's similarity; ``score`` combines them
        with the index weights over the fields that were given."""
        qnorm = normalize_title(title_text or "")
        qpeople = self._query_people(people)
        hits = self._title_hits(title_text, qnorm) if qnorm else {}
        for q in qpeople:  # films of the people named, even under another title
            for pid in (q.exact or q.surname):
                for fid, role in self._person_credits.get(pid, ())[:MAX_PERSON_FILMS]:
                    if fid in hits:
                        continue
                    film = self._films[fid]
                    if role != "director" and (year is None or film.year is None or abs(film.year - year) > 1):
                        continue
                    keys = [k for k, _ in film.titles] or [film.norm]
                    best = max(keys, key=lambda k: fuzz.ratio(qnorm, k))
                    hits[fid] = (fuzz.ratio(qnorm, best) / 100.0 if qnorm else 0.0, best)
        films, w = self._films, self.weights
        wt, wy, wp = w.get("title", 0.0), w.get("year", 0.0) if year is not None else 0.0, \
            w.get("people", 0.0) if qpeople else 0.0
        wsum = (wt + wy + wp) or 1.0
        year_score = self.year_score
        ranked: list[tuple[float, float, int, int, str, float, float]] = []
        for fid, (ts, key) in hits.items():  # plain floats here: there can be thousands of hits
            film = films.get(fid)
            if film is None:
                continue
            ys = year_score(year, film.year) if year is not None else 0.0
            ps = self._people_score(fid, qpeople, fuzzy=False) if qpeople else 0.0
            ranked.append((-(wt * ts + wy * ys + wp * ps) / wsum, -ts, -(film.votes or 0), fid, key, ys, ps))
        # exact names over every hit; misspelt names only for the front runners
        top = heapq.nsmallest(limit * 3 if qpeople else limit, ranked)
        out: list[Candidate] = []
        for _, neg_ts, _, fid, key, ys, ps in top:
            scores = {"title": round(-neg_ts, 4)}
            if year is not None:
                scores["year"] = ys
            if qpeople:
                scores["people"] = round(ps if ps >= 1.0 else max(ps, self._people_score(fid, qpeople, fuzzy=True)), 4)
            out.append(self._candidate(fid, key, scores, self._combine(scores)))
        out.sort(key=lambda c: (-c.score, -c.scores["title"], -(c.votes or 0), c.film_id))
        return out[:limit]

    # --- people ------------------------------------------------------------------

    def _lookup_person(self, qkeys: set[str], qtoks: list[str]) -> list[int]:
        found: list[int] = []
        for key in qkeys:
            for pid in self._pkeys.get(key, ()):
                if pid not in found:
                    found.append(pid)
        if not found and len(qtoks) == 1 and len(qtoks[0]) > 2:
            found = list(dict.fromkeys(self._surnames.get(qtoks[0], ())))
        return found

    def people(self, name: str) -> list[tuple[int, str]]:
        """People the catalog knows by ``name``: same keys (initials, diacritics, either
        word order), a surname alone, else the closest spellings."""
        norm = normalize_name(name)
        if not norm:
            return []
        qtoks = norm.split()
        found = self._lookup_person(name_keys(name), qtoks)
        if not found and len(qtoks) > 1:
            if self._by_initial is None:
                by_initial: dict[str, list[tuple[str, int]]] = defaultdict(list)
                for pid, (_, pnorm, _) in self._people.items():
                    by_initial[pnorm[0]].append((pnorm, pid))
                self._by_initial = dict(by_initial)
            pool = self._by_initial.get(norm[0], [])
            names = [p[0] for p in pool]
            found = [pool[i][1] for _, _, i in process.extract(norm, names, scorer=fuzz.ratio, score_cutoff=88,
                                                               limit=10)]
        return [(pid, self._people[pid][0]) for pid in found if pid in self._people]

    def credits_of_person(self, person_id: int) -> list[tuple[int, str]]:
        return list(self._person_credits.get(person_id, ()))

    # --- spans in running text ---------------------------------------------------

    def find_titles(self, text: str, min_tokens: int = 1) -> list[tuple[int, int, str]]:
        """``(start, end, key)`` for every span of ``text`` (up to 8 words) whose
        normalized form is a catalog title, alias or derived key; a leading article the
        catalog title has ("The" Godfather) is included in the span.  Overlapping spans
        are all returned; the caller decides what counts as a mention."""
        words = _title_words(text)
        toks = [w[2] for w in words]
        n = len(toks)
        keys, first_max, articles = self._key_ids, self._first_max, self._key_articles
        out: list[tuple[int, int, str]] = []
        for i in range(n):
            longest = first_max.get(toks[i])
            if not longest:
                start, end, tok, art = words[i]
                if min_tokens <= 1 and text[end - 2:end] in _POSSESSIVE and tok[:-1] in keys:
                    if i and words[i - 1][3] and toks[i - 1] in articles.get(tok[:-1], ()):
                        start = words[i - 1][0]
                    out.append((start, end - 2, tok[:-1]))
                continue
            key = ""
            for length in range(1, min(longest, n - i) + 1):
                last = words[i + length - 1]
                key = toks[i] if length == 1 else f"{key} {last[2]}"
                if length < min_tokens:
                    continue
                found, end = key, last[1]
                if key not in keys and text[end - 2:end] in _POSSESSIVE and key[:-1] in keys:
                    found, end = key[:-1], end - 2  # "Dune's ending": the title is "Dune"
                if found in keys:
                    start = words[i][0]
                    if i and words[i - 1][3] and toks[i - 1] in articles.get(found, ()):
                        start = words[i - 1][0]
                    out.append((start, end, found))
        return out

    def find_people(self, text: str) -> list[tuple[int, int, int]]:
        """``(start, end, person_id)`` for names of catalog people in ``text`` (two to
        four words, either word order; longest match wins).  Unless the text has no
        capitals at all, a name must start and end with a capitalized word."""
        tokens = name_tokens(text)
        caps = any(ch.isupper() for ch in text)
        out: list[tuple[int, int, int]] = []
        i, n = 0, len(tokens)
        while i < n:
            matched = 0
            for length in range(min(4, n - i), 1, -1):
                span = tokens[i:i + length]
                last = span[-1][0]
                if caps and not (text[span[0][0]].isupper()
                                 and (text[last].isupper() or text[last - 1:last] in ("-", "‐"))):
                    continue
                parts = [t[2] for t in span]
                pids = self._pkeys.get(" ".join(parts))
                if not pids and length <= 3:
                    pids = self._pkeys.get(" ".join(sorted(parts)))
                if pids:
                    out.extend((span[0][0], span[-1][1], pid) for pid in dict.fromkeys(pids))
                    matched = length
                    break
            i += matched or 1
        return out
