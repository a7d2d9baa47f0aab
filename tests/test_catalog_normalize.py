"""Every title and name normalization rule, one parametrized case list per rule."""

from __future__ import annotations

import pytest

from criticscope.catalog import (
    name_keys,
    name_tokens,
    normalize_name,
    normalize_title,
    title_tokens,
    title_variants,
)
from criticscope.catalog.normalize import leading_article, variant_forms

# --- titles: pairs that must normalize to the same key -------------------------------

SAME_TITLE = [
    # case and diacritics
    ("AMÉLIE", "amelie"),
    ("Les Misérables", "Les Miserables"),
    ("Crouching Tiger, Hidden Dragon", "crouching tiger hidden dragon"),
    # punctuation and dashes
    ("Mission: Impossible – Fallout", "Mission Impossible - Fallout"),
    ("Spider-Man: No Way Home", "Spider Man No Way Home"),
    ("Birdman or (The Unexpected Virtue of Ignorance)", "Birdman or The Unexpected Virtue of Ignorance"),
    ("Director’s Notebook", "Director's Notebook"),
    # leading articles in several languages
    ("The Godfather", "Godfather"),
    ("A Quiet Place", "Quiet Place"),
    ("An Education", "Education"),
    ("La Haine", "Haine"),
    ("Le Samouraï", "Samourai"),
    ("Les Diaboliques", "Diaboliques"),
    ("El Laberinto del Fauno", "Laberinto del Fauno"),
    ("Los Olvidados", "Olvidados"),
    ("Las Hurdes", "Hurdes"),
    ("Il Postino", "Postino"),
    ("Der Untergang", "Untergang"),
    ("Die Blechtrommel", "Blechtrommel"),
    ("Das Boot", "Boot"),
    ("L'Avventura", "Avventura"),
    ("Godfather, The", "The Godfather"),
    # "&" and "and"
    ("Fast & Furious", "Fast and Furious"),
    ("Harold & Kumar", "Harold and Kumar"),
    # Roman and Arabic numerals, number words after a sequel word
    ("The Godfather Part II", "The Godfather Part 2"),
    ("Rocky IV", "Rocky 4"),
    ("Star Wars: Episode IV", "Star Wars Episode 4"),
    ("Kill Bill: Vol. I", "Kill Bill Vol 1"),
    ("Dune: Part Two", "Dune Part 2"),
    ("Mission: Impossible – Dead Reckoning Part One", "Mission Impossible Dead Reckoning Part 1"),
    # bracketed years and edition tags dropped
    ("Dune (2021)", "Dune"),
    ("Suspiria [1977]", "Suspiria"),
    ("Blade Runner (Director's Cut)", "Blade Runner"),
    ("Blade Runner: The Final Cut", "Blade Runner"),
    ("Aliens – Special Edition", "Aliens"),
    ("The Lord of the Rings: The Two Towers (Extended Edition)", "The Lord of the Rings: The Two Towers"),
    ("Amadeus: Director’s Cut", "Amadeus"),
    ("Jaws 25th Anniversary Edition", "Jaws"),
    ("Apocalypse Now (Final Cut) (1979)", "Apocalypse Now"),
    ("Kingdom of Heaven - Theatrical Cut", "Kingdom of Heaven"),
    ("The Exorcist: Remastered", "The Exorcist"),
    # dotted acronyms
    ("E.T. the Extra-Terrestrial", "ET the Extra Terrestrial"),
    ("S.W.A.T.", "SWAT"),
]


@pytest.mark.parametrize(("a", "b"), SAME_TITLE)
def test_titles_normalize_alike(a: str, b: str) -> None:
    assert normalize_title(a) == normalize_title(b)
    assert normalize_title(a)  # never empty for a real title


DIFFERENT_TITLE = [
    ("The Godfather", "The Godfather Part II"),
    ("Die Hard", "Hard"),              # English "die" is no German article
    ("The Final Cut", "The Cut"),      # an edition tag that is the whole title stays
    ("Alien", "Aliens"),
    ("Ocean's Eleven", "Ocean's Twelve"),
    ("L.A. Confidential", "Confidential"),  # "L.A." is no article
    ("Rocky II", "Rocky III"),
]


@pytest.mark.parametrize(("a", "b"), DIFFERENT_TITLE)
def test_titles_stay_apart(a: str, b: str) -> None:
    assert normalize_title(a) != normalize_title(b)


@pytest.mark.parametrize(("title", "key"), [
    ("The Godfather: Part II (1974)", "godfather part 2"),
    ("Amélie", "amelie"),
    ("The", "the"),                    # an article alone is kept
    ("A", "a"),
    ("Die Hard", "die hard"),
    ("Die Welle", "welle"),
    ("The Final Cut", "final cut"),
    ("WALL·E", "wall e"),
    ("Se7en", "se7en"),
])
def test_title_keys(title: str, key: str) -> None:
    assert normalize_title(title) == key


@pytest.mark.parametrize(("title", "article"), [
    ("The Godfather", "the"), ("L'Avventura", "l"), ("Die Welle", "die"), ("Die Hard", None), ("Heat", None),
    ("L.A. Confidential", None),
])
def test_leading_article(title: str, article: str | None) -> None:
    assert leading_article(title) == article


# --- title variants ----------------------------------------------------------------------

@pytest.mark.parametrize(("title", "expected", "absent"), [
    ("From the World of John Wick: Ballerina", ["ballerina"], []),
    ("John Wick: Chapter 4", ["john wick chapter 4", "john wick 4"], ["chapter 4"]),
    ("Mission: Impossible – Fallout", ["mission impossible fallout", "mission impossible"], ["fallout"]),
    ("Star Wars: Episode IV – A New Hope", ["star wars", "new hope"], []),
    ("Kill Bill: Vol. 1", ["kill bill", "kill bill 1"], ["vol 1"]),
    ("Dune: Part Two", ["dune part 2", "dune 2"], ["part 2"]),
    ("Spider-Man: No Way Home", ["no way home", "spider man"], []),
    ("Heat", ["heat"], []),
])
def test_title_variants(title: str, expected: list[str], absent: list[str]) -> None:
    variants = title_variants(title)
    assert variants[0] == normalize_title(title)
    for v in expected:
        assert v in variants
    for v in absent:
        assert v not in variants
    assert len(variants) == len(set(variants))


def test_variant_kinds_rank_loose_forms_last() -> None:
    kinds = dict(variant_forms("John Wick: Chapter 4"))
    assert kinds["john wick chapter 4"] == "full"
    assert kinds["john wick 4"] == "short"
    assert kinds["john wick"] == "head"
    assert dict(variant_forms("From the World of John Wick: Ballerina"))["ballerina"] == "tail"


def test_title_tokens_keep_offsets() -> None:
    text = "I loved The Godfather Part II & L'Avventura"
    toks = title_tokens(text)
    assert [t for _, _, t in toks] == ["i", "loved", "the", "godfather", "part", "2", "and", "l", "avventura"]
    for start, end, _ in toks:
        assert text[start:end]  # spans point into the text
    assert text[toks[5][0]:toks[5][1]] == "II"
    # joined tokens of a title equal its key (what find_titles relies on)
    assert " ".join(t for _, _, t in title_tokens("Mission: Impossible – Fallout")) == "mission impossible fallout"


# --- people ------------------------------------------------------------------------------

SAME_PERSON = [
    # case and diacritics
    ("Pedro Almodóvar", "pedro almodovar"),
    ("Agnès Varda", "AGNES VARDA"),
    ("Krzysztof Kieślowski", "Krzysztof Kieslowski"),
    # initials
    ("J.J. Abrams", "JJ Abrams"),
    ("J. J. Abrams", "J.J. Abrams"),
    ("J J Abrams", "JJ Abrams"),
    ("J.R.R. Tolkien", "J. R. R. Tolkien"),
    # apostrophes
    ("Conan O'Brien", "Conan OBrien"),
    # hyphens in romanized names
    ("Bong Joon-ho", "Bong Joon Ho"),
    ("Park Chan-wook", "Park Chan wook"),
    ("Jean-Luc Godard", "Jean Luc Godard"),
    ("Hirokazu Kore-eda", "Hirokazu Kore eda"),
]


@pytest.mark.parametrize(("a", "b"), SAME_PERSON)
def test_names_normalize_alike(a: str, b: str) -> None:
    assert normalize_name(a) == normalize_name(b)


SAME_PERSON_BY_KEYS = [
    ("Bong Joon-ho", "Joon-ho Bong"),      # either order
    ("Bong Joon-ho", "Bong Joonho"),       # hyphenated given name joined
    ("Bong Joon Ho", "Joon-ho Bong"),
    ("Zhang Yimou", "Yimou Zhang"),
    ("Kore-eda Hirokazu", "Hirokazu Kore-eda"),
    ("Samuel L. Jackson", "Samuel Jackson"),  # middle initial dropped
    ("Francis Ford Coppola", "Francis Coppola"),  # middle name dropped
    ("Wong Kar-wai", "Kar-wai Wong"),
]


@pytest.mark.parametrize(("a", "b"), SAME_PERSON_BY_KEYS)
def test_name_keys_meet(a: str, b: str) -> None:
    assert name_keys(a) & name_keys(b)


@pytest.mark.parametrize(("a", "b"), [
    ("Joel Coen", "Ethan Coen"),
    ("Tony Scott", "Ridley Scott"),
    ("Park Chan-wook", "Park Chan-hong"),
])
def test_name_keys_keep_people_apart(a: str, b: str) -> None:
    assert not name_keys(a) & name_keys(b)


def test_name_tokens_in_running_text() -> None:
    text = "a film by J.J. Abrams, shot by Bong Joon-ho's crew"
    toks = name_tokens(text)
    words = [t for _, _, t in toks]
    assert words[:4] == ["a", "film", "by", "jj"]  # the lone "a" is not an initial
    assert words[-4:] == ["bong", "joon", "ho", "crew"]  # hyphen split, possessive dropped
    start, end, tok = toks[3]
    assert text[start:end] == "J.J" and tok == "jj"
