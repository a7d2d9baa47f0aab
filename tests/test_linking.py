"""Film linking: distances with named penalties, proposals and recommendations,
abstention, and the evidence that separates films sharing a title."""

from __future__ import annotations

import json

import pytest

from criticscope.config import load_settings
from criticscope.linking import (
    Distance,
    Match,
    Recommendation,
    Thresholds,
    create_component,
    describe,
    propose,
)
from criticscope.linking.evidence import gather, is_weak_title
from criticscope.linking.linker import Linker
from criticscope.pipeline import ReviewDoc

from .test_linking_fakes import BALLERINAS, FakeIndex


@pytest.fixture(scope="module")
def linking_settings():
    return load_settings(env={}).linking


@pytest.fixture(scope="module")
def linker(linking_settings):
    return Linker(FakeIndex(BALLERINAS), linking_settings)


def link(linker: Linker, text: str, **kw) -> dict:
    return linker.link(ReviewDoc(review_id="r", text=text, **kw))


def candidate(result: dict, title: str, year: int) -> dict:
    return next(c for c in result["candidates"] if c["title"] == title and c["year"] == year)


# --- Distance --------------------------------------------------------------------


def test_distance_normalises_by_the_weights_of_the_penalties_added():
    d = Distance({"title": 3.0, "year": 1.0})
    d.add("title", 0.0)
    d.add("year", 1.0)
    assert d.distance == pytest.approx(0.25)
    assert d.penalties() == {"title": 0.0, "year": 1.0}
    assert [k for k, _ in d.items()] == ["year"]  # only penalties that fired
    assert describe(d) == "≠ year"


def test_distance_sorts_like_a_float_and_clamps_penalties():
    low, high = Distance(), Distance()
    low.add("title", -5)
    high.add("title", 7)
    assert low < high and float(low) == 0.0 and float(high) == 1.0
    assert sorted([high, low])[0] is low


def test_empty_distance_is_zero():
    assert Distance().distance == 0.0 and Distance().items() == []


# --- Proposal and recommendation -------------------------------------------------


def _match(film_id: int, dist: float, **penalties: float) -> Match:
    d = Distance({"title": 1.0, "date": 1.0, "relation": 1.0})
    d.add("title", dist)
    for key, value in penalties.items():
        d.add(key, value)
    return Match(film_id=film_id, title=f"f{film_id}", year=2000, directors=[], distance=d)


@pytest.mark.parametrize(
    ("best", "runner_up", "expected"),
    [
        (0.0, None, Recommendation.strong),  # alone and perfect
        (0.3, None, Recommendation.medium),  # alone, fair fit
        (0.5, None, Recommendation.low),
        (0.7, None, Recommendation.none),
        (0.0, 0.0, Recommendation.low),  # a tie: confidence halves
        (0.0, 0.5, Recommendation.strong),  # a clear winner
    ],
)
def test_recommendation_follows_confidence_and_gap(best, runner_up, expected):
    matches = [_match(1, best)] + ([_match(2, runner_up)] if runner_up is not None else [])
    proposal = propose(matches, Thresholds())
    assert proposal.recommendation == expected
    assert proposal.best.film_id == 1


def test_a_wide_gap_lifts_a_low_recommendation_to_medium():
    thresholds = Thresholds(strong=0.95, medium=0.9, low=0.3, gap=0.1, sharpness=0.5)
    proposal = propose([_match(1, 0.05), _match(2, 0.3)], thresholds)
    assert proposal.best.confidence < thresholds.medium
    assert proposal.recommendation == Recommendation.medium


def test_max_rec_caps_the_recommendation_when_a_penalty_fires_in_full():
    thresholds = Thresholds(max_rec={"date": "low"})
    assert propose([_match(1, 0.0, date=0.0)], thresholds).recommendation == Recommendation.strong
    assert propose([_match(1, 0.0, date=1.0)], thresholds).recommendation <= Recommendation.low


def test_confidences_rank_with_distance():
    proposal = propose([_match(2, 0.4), _match(1, 0.1), _match(3, 0.9)], Thresholds())
    assert [m.film_id for m in proposal.matches] == [1, 2, 3]
    confs = [m.confidence for m in proposal.matches]
    assert confs == sorted(confs, reverse=True)


# --- one parametrized test per penalty kind ---------------------------------------

SAME_TITLE = [
    {"title": "Halloween", "year": 1978, "directors": ["John Carpenter"], "cast": ["Jamie Lee Curtis", "Donald Pleasence"]},
    {"title": "Halloween", "year": 2018, "directors": ["David Gordon Green"], "cast": ["Jamie Lee Curtis", "Judy Greer"]},
]


@pytest.fixture(scope="module")
def halloween(linking_settings):
    return Linker(FakeIndex(SAME_TITLE), linking_settings)


@pytest.mark.parametrize(
    ("penalty", "text", "kwargs", "penalised", "spared"),
    [
        ("year", "Halloween (2018) brings Laurie Strode back for one more night of terror.", {}, 1978, 2018),
        ("year", "Halloween (1978) is still the purest slasher ever made, forty years on.", {}, 2018, 1978),
        ("director", "Halloween, directed by David Gordon Green, brings Laurie Strode back.", {}, 1978, 2018),
        ("director", "Halloween, directed by John Carpenter, made a star of a young actress.", {}, 2018, 1978),
        ("relation", "Unlike the 1978 original, the new Halloween is loud and full of podcasters.", {}, 1978, 2018),
        ("date", "Halloween is the scariest film of the year, and Laurie Strode is back.",
         {"published": "2010-10-01"}, 2018, 1978),
    ],
)
def test_each_penalty_fires_on_the_film_the_evidence_rules_out(halloween, penalty, text, kwargs, penalised, spared):
    result = link(halloween, text, headline="Halloween review", **kwargs)
    bad = candidate(result, "Halloween", penalised)
    good = candidate(result, "Halloween", spared)
    assert bad["penalties"].get(penalty, 0) >= 0.95, bad  # fired in full
    assert good["penalties"].get(penalty, 0) < bad["penalties"][penalty], good
    assert good["confidence"] > bad["confidence"]
    assert penalty in bad["fired"] or {"date": "review date", "relation": "points elsewhere"}[penalty] in bad["fired"]


def test_same_name_relation_points_at_the_other_film(linker):
    text = ("Lee Chung-hyun's Ballerina stars Jeon Jong-seo as a former bodyguard out for revenge. "
            "In years to come it will vie for attention with Len Wiseman's coming spin-off of the same name.")
    result = link(linker, text, headline="Ballerina review")
    assert result["status"] == "linked"
    assert result["film_id"] == 1  # the 2023 film
    assert candidate(result, "Ballerina", 2025)["penalties"]["relation"] >= 0.7
    other = [m for m in result["mentions"] if m["kind"] == "film" and m["film_id"] == 2]
    assert other and "same name" in other[0]["text"]


# --- statuses ----------------------------------------------------------------------


def test_two_films_with_one_title_and_no_cue_is_ambiguous_not_a_guess(halloween):
    result = link(halloween, "Halloween is a film that everyone should see at least once, preferably alone.",
                  headline="Halloween review")
    assert result["status"] == "ambiguous"
    assert result["film_id"] is None
    assert {c["year"] for c in result["candidates"]} == {1978, 2018}
    assert result["confidence"] <= 0.5


def test_a_reviewed_title_the_catalog_lacks_is_not_in_catalog(halloween):
    text = ("Sweet Thing, Alexandre Rockwell's film about two siblings in New Bedford, is shot in black and white. "
            "Sweet Thing is a small miracle, and it owes nothing to Halloween.")
    result = link(halloween, text, headline="Sweet Thing review: a summer on the run", published="2021-06-25")
    assert result["status"] == "not_in_catalog"
    assert result["film_id"] is None


def test_no_title_at_all_is_none(linker):
    result = link(linker, "A quiet, lovely film about grief and the sea, with a fine lead performance.")
    assert result["status"] == "none" and result["film_id"] is None and result["candidates"] == []


def test_a_person_decision_wins_and_candidates_are_still_computed(halloween):
    doc = ReviewDoc(review_id="r", text="Halloween, directed by John Carpenter, is a classic.",
                    headline="Halloween review", ext={"link_decision": {"film_id": 2}})
    result = halloween.link(doc)
    assert result["status"] == "linked" and result["film_id"] == 2
    assert result["source"] == "user" and result["confidence"] == 1.0
    assert result["candidates"] and result["candidates"][0]["year"] == 1978  # the evidence, for display
    doc.ext["link_decision"] = {"film_id": None}
    assert halloween.link(doc)["status"] == "none"


def test_provisional_film_is_created_only_with_title_and_year_or_director(linking_settings):
    made = []

    def provisional(*, title, year, directors):
        made.append((title, year, tuple(directors)))
        return 99

    lk = Linker(FakeIndex(SAME_TITLE), linking_settings, provisional=provisional)
    text = "Thunder Road, directed by Jim Cummings, opens with a eulogy. Thunder Road is a marvel."
    result = lk.link(ReviewDoc(review_id="r", text=text, headline="Thunder Road (2018) review"))
    assert result["status"] == "not_in_catalog" and result["film_id"] == 99
    assert made and made[0][0] == "Thunder Road" and made[0][1] == 2018
    made.clear()
    bare = lk.link(ReviewDoc(review_id="r", text="Thunder Road is a marvel.", headline="Thunder Road review"))
    assert bare["film_id"] is None and not made


# --- evidence ------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("We took a long Drive up the coast at midnight.", False),  # everyday word, no cue
        ("Nicolas Winding Refn's “Drive” is a neon dream.", True),  # quoted
        ("DRIVE is a neon dream, says every blogger.", True),  # ALL CAPS
        ("Ryan Gosling was great in Drive, the quiet one.", True),  # "in X" after a cast name
        ("I love Drive (2011) more every year.", True),  # a year
        ("Drive carefully, the sign said.", False),
    ],
)
def test_everyday_word_titles_need_a_strong_cue(linking_settings, text, found):
    ev = gather(ReviewDoc(review_id="r", text=text), FakeIndex(BALLERINAS))
    assert any(s.norm == "drive" for s in ev.titles) is found


def test_weak_title_vocabulary():
    assert is_weak_title("Up") and is_weak_title("Heat") and is_weak_title("Friday")
    assert not is_weak_title("Oldboy") and not is_weak_title("The Night Comes for Us")
    assert is_weak_title("Carol", name_like=True)


def test_cast_credited_with_other_films_in_parentheses_are_mentions(linker):
    text = ("BALLERINA (2025) is a blast. Winston (Ian McShane, JOHN WICK) brings Eve to the ballet school, "
            "and Ana de Armas fights everyone in sight.")
    result = link(linker, text)
    assert result["film_id"] == 2
    mentioned = {m["film_id"] for m in result["mentions"] if m["kind"] == "film"}
    assert 3 in mentioned  # John Wick
    assert "Ian McShane" in result["cast"] and "Ana de Armas" in result["cast"]
    people = [m for m in result["mentions"] if m["kind"] == "person"]
    assert people and all(m["sentence"] and m["person_id"] for m in people)


def test_output_is_json_and_follows_the_contract(linker):
    result = link(linker, "Lee Chung-hyun's Ballerina (2023) is slick.", headline="Ballerina review",
                  url="https://example.org/2023/10/ballerina-review/", published="2023-10-06")
    json.dumps(result)
    assert set(result) >= {"status", "film_id", "confidence", "recommendation", "candidates", "evidence",
                           "mentions", "cast"}
    assert len(result["candidates"]) <= 5
    for c in result["candidates"]:
        assert set(c) >= {"film_id", "title", "year", "directors", "distance", "confidence", "penalties"}
    kinds = {e["kind"] for e in result["evidence"]}
    assert {"title", "url", "published", "headline_title"} <= kinds


def test_component_contract(linking_settings):
    settings = load_settings(env={})
    comp = create_component(settings, index=FakeIndex(BALLERINAS))
    assert comp.name == "linking" and comp.requires == () and comp.assigns == ("linking",)
    doc = comp(ReviewDoc(review_id="r", text="Len Wiseman's Ballerina (2025) stars Ana de Armas."))
    assert doc.ext["linking"]["film_id"] == 2


def test_evaluation_cases_are_well_formed():
    from criticscope.evaluation import eval_dir
    from criticscope.evaluation.linking import HARD_GROUPS, load_cases

    cases = load_cases(eval_dir())
    assert len(cases) >= 150
    assert len({c["id"] for c in cases}) == len(cases)
    hard = [c for c in cases if c.get("group") in HARD_GROUPS]
    assert len(hard) >= 40
    assert sum(c["gold"] == "not_in_catalog" for c in cases) >= 15
    for c in cases:
        assert 80 <= len(c["text"].split()) <= 250, c["id"]
        gold = c["gold"]
        assert gold == "not_in_catalog" or {"title", "year", "director"} <= set(gold), c["id"]
        assert all({"title", "year"} <= set(m) for m in c["mentions"]), c["id"]


def test_a_page_that_never_names_its_film_is_linked_through_its_people(halloween):
    text = ("Before the masks and the sequels there was Donald Pleasence, grim as a gravestone, warning everyone. "
            "Jamie Lee Curtis babysits, and John Carpenter keeps the camera still until you are scanning the hedges.")
    result = link(halloween, text, headline="Reviewed by our film desk")
    assert result["status"] == "linked"
    assert candidate(result, "Halloween", 1978)["film_id"] == result["film_id"]


def test_people_alone_do_not_compete_with_a_title_the_page_names(halloween):
    result = link(halloween, "Donald Pleasence, Jamie Lee Curtis and John Carpenter made Oldboy? No: they made "
                             "Halloween (1978), and this is about that film.", headline="Halloween (1978) review")
    assert result["film_id"] == candidate(result, "Halloween", 1978)["film_id"]


@pytest.mark.parametrize(
    ("headline", "found"),
    [
        ("Worst Best Picture Winners, Part 4: Drive", True),  # a whole headline segment
        ("Drive: a fairy tale with a hammer in it", True),
        ("Drive carefully on the way to the cinema", False),
        ("Reviewed by Ryan “Drive” Gosling", False),  # a nickname inside a name
    ],
)
def test_everyday_titles_in_headlines(headline, found):
    ev = gather(ReviewDoc(review_id="r", text="A film review.", headline=headline), FakeIndex(BALLERINAS))
    assert any(s.norm == "drive" for s in ev.headline_titles) is found


def test_a_lowercase_stylized_title_counts_when_written_exactly_so(linking_settings):
    films = [{"title": "mother!", "year": 2017, "directors": ["Darren Aronofsky"], "cast": ["Jennifer Lawrence"]},
             {"title": "Mother", "year": 2009, "directors": ["Bong Joon-ho"], "cast": ["Kim Hye-ja"]}]
    lk = Linker(FakeIndex(films), linking_settings)
    result = lk.link(ReviewDoc(review_id="r", text="Jennifer Lawrence restores a house in mother! and it burns.",
                               headline="mother! review: Darren Aronofsky burns the house down"))
    assert result["status"] == "linked" and result["film_id"] == 1
    plain = gather(ReviewDoc(review_id="r", text="His mother called twice."), FakeIndex(films))
    assert not plain.titles
