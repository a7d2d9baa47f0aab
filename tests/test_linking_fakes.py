"""A tiny in-memory catalog index with the CatalogIndex interface, for linking tests."""

from __future__ import annotations

from dataclasses import dataclass, field

from criticscope.catalog.normalize import name_tokens, normalize_name, normalize_title, title_tokens


@dataclass
class FakeCandidate:
    film_id: int
    title: str
    year: int | None
    kind: str = "movie"
    directors: list[str] = field(default_factory=list)
    cast: list[str] = field(default_factory=list)
    countries: list[str] = field(default_factory=list)
    languages: list[str] = field(default_factory=list)
    platform: str | None = None
    imdb_id: str | None = None
    provisional: bool = False
    matched_title: str = ""
    scores: dict = field(default_factory=dict)
    score: float = 1.0


class FakeIndex:
    def __init__(self, films: list[dict]):
        self.films: dict[int, FakeCandidate] = {}
        self.by_norm: dict[str, list[int]] = {}
        self.person_ids: dict[str, int] = {}
        for i, f in enumerate(films, 1):
            cand = FakeCandidate(film_id=i, title=f["title"], year=f.get("year"), kind=f.get("kind", "movie"),
                                 directors=list(f.get("directors", [])), cast=list(f.get("cast", [])),
                                 countries=list(f.get("countries", [])), languages=list(f.get("languages", [])),
                                 platform=f.get("platform"), matched_title=f["title"])
            self.films[i] = cand
            for t in [f["title"], *f.get("aka", [])]:
                self.by_norm.setdefault(normalize_title(t), []).append(i)
            for name in cand.directors + cand.cast:
                self.person_ids.setdefault(normalize_name(name), len(self.person_ids) + 1)
        self.max_words = max((len(n.split()) for n in self.by_norm), default=1)
        self.credits: dict[int, list[tuple[int, str]]] = {}
        for fid, cand in self.films.items():
            for name in cand.directors:
                self.credits.setdefault(self.person_ids[normalize_name(name)], []).append((fid, "director"))
            for name in cand.cast:
                self.credits.setdefault(self.person_ids[normalize_name(name)], []).append((fid, "actor"))

    def people(self, name: str) -> list[tuple[int, str]]:
        """Catalog people called ``name``; one word matches a first or last name."""
        key = normalize_name(name)
        return [(pid, n) for n, pid in self.person_ids.items() if n == key or key in n.split()]

    def credits_of_person(self, person_id: int) -> list[tuple[int, str]]:
        return list(self.credits.get(person_id, []))

    def film(self, film_id: int) -> FakeCandidate | None:
        from dataclasses import replace

        cand = self.films.get(film_id)
        return replace(cand, scores={}) if cand else None

    def films_by_norm_title(self, norm: str) -> list[int]:
        return list(self.by_norm.get(norm, []))

    def candidates(self, title_text: str, year=None, people=(), limit: int = 20) -> list[FakeCandidate]:
        norm = normalize_title(title_text)
        return [self.films[i] for i in self.by_norm.get(norm, [])][:limit]

    def find_titles(self, text: str) -> list[tuple[int, int, str]]:
        toks = title_tokens(text)
        out = []
        for i in range(len(toks)):
            for n in range(min(self.max_words + 1, len(toks) - i), 0, -1):
                words = [t[2] for t in toks[i:i + n]]
                key = " ".join(words)
                if key in self.by_norm:
                    out.append((toks[i][0], toks[i + n - 1][1], key))
                    break
                if n > 1 and words[0] in ("the", "a", "an") and " ".join(words[1:]) in self.by_norm:
                    out.append((toks[i][0], toks[i + n - 1][1], " ".join(words[1:])))
                    break
        return out

    def find_people(self, text: str) -> list[tuple[int, int, int]]:
        toks = name_tokens(text)
        out = []
        i = 0
        while i < len(toks):
            for n in (4, 3, 2):
                key = " ".join(t[2] for t in toks[i:i + n])
                if len(toks[i:i + n]) == n and key in self.person_ids:
                    out.append((toks[i][0], toks[i + n - 1][1], self.person_ids[key]))
                    i += n - 1
                    break
            i += 1
        return out


BALLERINAS = [
    {"title": "Ballerina", "year": 2023, "directors": ["Lee Chung-hyun"],
     "cast": ["Jeon Jong-seo", "Kim Ji-hoon", "Park Yu-rim"], "countries": ["South Korea"],
     "languages": ["Korean"], "platform": "netflix"},
    {"title": "Ballerina", "year": 2025, "directors": ["Len Wiseman"],
     "cast": ["Ana de Armas", "Anjelica Huston", "Gabriel Byrne", "Keanu Reeves", "Ian McShane"],
     "countries": ["United States"], "languages": ["English"],
     "aka": ["From the World of John Wick: Ballerina"]},
    {"title": "John Wick", "year": 2014, "directors": ["Chad Stahelski"],
     "cast": ["Keanu Reeves", "Michael Nyqvist", "Ian McShane"], "countries": ["United States"]},
    {"title": "The Call", "year": 2020, "directors": ["Lee Chung-hyun"], "cast": ["Park Shin-hye", "Jeon Jong-seo"],
     "countries": ["South Korea"]},
    {"title": "Drive", "year": 2011, "directors": ["Nicolas Winding Refn"], "cast": ["Ryan Gosling", "Carey Mulligan"]},
    {"title": "Oldboy", "year": 2003, "directors": ["Park Chan-wook"], "cast": ["Choi Min-sik"]},
    {"title": "Heat", "year": 1995, "directors": ["Michael Mann"], "cast": ["Al Pacino", "Robert De Niro"]},
    {"title": "Halloween", "year": 1978, "directors": ["John Carpenter"], "cast": ["Jamie Lee Curtis"]},
    {"title": "Halloween", "year": 2018, "directors": ["David Gordon Green"], "cast": ["Jamie Lee Curtis", "Judy Greer"]},
]


def test_fake_index_finds_titles_and_people():
    idx = FakeIndex(BALLERINAS)
    text = "Lee Chung-hyun made The Call before Ballerina."
    assert {n for _, _, n in idx.find_titles(text)} == {"call", "ballerina"}
    assert len(idx.find_people(text)) == 1
    assert {c.year for c in idx.candidates("Ballerina")} == {2023, 2025}
