"""Explicit ratings: forms, traps, spans, normalisation, precedence, structured data, seeds."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from criticscope.evaluation import floors_for, gate
from criticscope.pipeline import Comment, Pipeline, ReviewDoc
from criticscope.ratings import (
    LETTER_SCORES,
    RatingResult,
    create_component,
    explain,
    extract_ratings,
)

SEEDS = Path(__file__).resolve().parents[1].parent / "shared" / "seeds"

# (text, rating as written, 0-100 score)
FORMS = [
    ("Rating: 3/5\nA lean, mean thriller.", "3/5", 60),
    ("A lean, mean thriller.\n\n3/5 stars", "3/5 stars", 60),
    ("Past Lives aches in all the right places. I give it 3 out of 5 stars.", "3 out of 5 stars", 60),
    ("Rating: 3.5/5\nThe sequel is bigger and dumber.", "3.5/5", 70),
    ("Blitz\n★★★½\nSaoirse Ronan carries it.", "★★★½", 70),
    ("Madame Web\n★★☆☆☆\nNot good.", "★★☆☆☆", 40),
    ("“Conclave” ***1/2 (PG) A deliciously pulpy Vatican thriller.", "***1/2", 70),
    ("A patient film about grief. 3½ stars", "3½ stars", 70),
    ("Verdict: 7/10\nSolid genre work.", "7/10", 70),
    ("The Holdovers is warm and prickly. 8.5 out of 10.", "8.5 out of 10", 85),
    ("OPPENHEIMER\nRating: 3/4\nFaces in rooms, never dull.", "3/4", 75),
    ("Score: 82/100\nDeliriously odd.", "82/100", 82),
    ("Grade: B+\nCold but gorgeous.", "B+", 83),
    ("The dialogue is an endurance test. Grade: C-", "C-", 42),
    ("A ghost story about grief.\n\nA–", "A–", 91),
    ("Rating: B—\nBraver than it is good.", "B—", 67),
    ("Grade: A−\nA screwball comedy turned sad.", "A−", 91),
    ("Dumb fun and I had a blast. I give it a B.", "B", 75),
    ("Overstuffed and frequently glorious. Three stars.", "Three stars", 60),
    ("If you liked Barbarian you'll eat this up. I'd say four out of five.", "four out of five", 80),
    ("A delicious thriller. I'd give it three and a half stars.", "three and a half stars", 70),
    ("Bottom line: two thumbs up for the smartest comedy of the summer.", "two thumbs up", 100),
    ("Verdict: thumbs down. No idea how to land a twist.", "thumbs down", 0),
    ("Rating: one thumb up\nMy co-host hated it.", "one thumb up", 50),
    ("Final rating: 88%\nIt lingers.", "88%", 88),
    ("Ratings are out of four stars.\nTHE HOLDOVERS ★★★½\nCosy as an old cardigan.", "★★★½", 87.5),
    ("Our scale: 0-10.\nA remake that sands off the nihilism. I give it a 5.", "5", 50),
    ("Rating: 0/5\nA soulless mess.", "0/5", 0),
    ("Sean Baker's Anora is exhilarating (★★★★★).", "★★★★★", 100),
    ("It closes on a whimper. *1/2 from ****", "*1/2", 37.5),
]

TRAPS = [
    "March 3rd, 2024 at 11:42 am\nSaw it twice and the train sequence still got me.",
    "Thunderbolts* opens in theaters 6/12/2025 and streams later.",
    "Filed 12/6 from Park City.",
    "The 24/7 news cycle gets a skewering.",
    "United 93 was the first major film about 9/11.",
    "The runtime could lose 1/2 hour without losing anything.",
    "Top 10 films of the year, ranked.",
    "They check into a 5-star hotel in Sicily.",
    "He has directed 2 of 3 films in the trilogy.",
    "Made for $3.5 million, it looks expensive.",
    "Running time: 2h 5m. At 125 minutes it is too long.",
    "The Lakers won 102-99 in the bar scene.",
    "I gave Oldboy 5/5 when I first saw it.",
    "In my 4-star review of Drive I called Gosling a silent-movie star.",
    "It has a Rotten Tomatoes score of 85%.",
    "IMDb users have it at 7.9/10.",
    "Roger Ebert gave it three and a half stars in 1999.",
    "It's a B-movie, proudly, with rubber monsters.",
    "The heist has a Plan B and a Plan C.",
    "C-3PO has one line, and it is the best line.",
    "The butcher insists on Grade A beef.",
    "A young woman returns to her village in A Real Pain.",
    "The film's three stars share a scene only once.",
    "Nine out of ten critics will tell you it is a masterpiece.",
    "Roughly 3/4 of the audience walked out.",
    "The studio gave the sequel a thumbs-up after test screenings.",
    "***\n\nThe second half takes place in a cabin.",
    "What the f*** was that ending?",
    "This is not a 10/10, no matter what the fans say.",
    "Text size\nA-\nA\nA+\nThe scariest film of the year.",
    "A\nfter twenty years away, Ridley Scott returns to the arena.",
    "Rated R for strong violence. MPAA rating: PG-13",
]


@pytest.mark.parametrize(("text", "written", "score"), FORMS)
def test_forms_found_with_exact_span_and_score(text: str, written: str, score: float) -> None:
    best = extract_ratings(text).best
    assert best is not None, explain(extract_ratings(text))
    assert best.text == written
    assert best.source == "text"
    assert text[best.start:best.end] == best.text
    assert best.score == pytest.approx(score)


@pytest.mark.parametrize("text", TRAPS)
def test_traps_give_no_rating(text: str) -> None:
    result = extract_ratings(text)
    assert result.best is None, explain(result)


@pytest.mark.parametrize(("letter", "score"), sorted(LETTER_SCORES.items()))
def test_letter_table(letter: str, score: float) -> None:
    best = extract_ratings(f"A film.\nGrade: {letter}\n").best
    assert best is not None and best.kind == "letter"
    assert best.score == score


def test_letter_table_values_are_the_documented_ones() -> None:
    documented = {"A+": 100, "A": 100, "A-": 91, "B+": 83, "B": 75, "B-": 67, "C+": 58, "C": 50,
                  "C-": 42, "D+": 33, "D": 25, "D-": 16, "F": 0}
    assert {k: LETTER_SCORES[k] for k in documented} == documented


@pytest.mark.parametrize("dash", ["-", "–", "—", "−"])
def test_minus_grade_with_any_dash(dash: str) -> None:
    best = extract_ratings(f"Rating: B{dash}\nFine.").best
    assert best is not None and best.value == "B-" and best.score == 67
    assert best.text == f"B{dash}"


def test_spaced_dash_after_grade_is_a_separator() -> None:
    best = extract_ratings("Grade: A – a triumphant return.").best
    assert best is not None and best.text == "A" and best.score == 100


@pytest.mark.parametrize(("text", "score"), [
    ("Two thumbs up.", 100), ("Two thumbs down.", 0), ("Thumbs up.", 100), ("Thumbs down.", 0),
    ("One thumb up, one thumb down.", 50),
])
def test_thumbs_normalisation(text: str, score: float) -> None:
    best = extract_ratings(text).best
    assert best is not None and best.kind == "thumbs" and best.score == score


def test_glyph_run_uses_empty_stars_as_scale_and_default_five_otherwise() -> None:
    assert extract_ratings("Verdict: ★★★☆").best.scale == 4
    assert extract_ratings("Verdict: ★★★").best.scale == 5
    assert extract_ratings("Verdict: ★★★", default_star_scale=4).best.score == 75


def test_stated_scale_applies_to_plain_stars() -> None:
    text = "All ratings are out of four stars.\nRating: 3 stars\nA sturdy courtroom drama."
    best = extract_ratings(text).best
    assert best is not None and best.scale == 4 and best.score == 75
    assert extract_ratings(text).page_scale == 4


def test_explicit_scale_beats_stated_scale() -> None:
    best = extract_ratings("Ratings are out of four stars.\nRating: 3/5").best
    assert best is not None and best.score == 60


def test_labelled_rating_beats_prose_rating_of_another_film() -> None:
    text = ("Rating: ★★★★\nWhere Atomic Blonde was a blunt instrument, this is a scalpel. "
            "I gave Oldboy five stars years ago, and this comes close.")
    result = extract_ratings(text)
    assert result.best is not None and result.best.text == "★★★★"
    other = [m for m in result.mentions if m.rating.text == "five stars"]
    assert other and "past or attributed" in other[0].reason


def test_overall_beats_category_scores() -> None:
    text = "Acting: 9/10\nStory: 6/10\nVisuals: 10/10\nOverall: 8/10\nAn overwhelming experience."
    result = extract_ratings(text)
    assert result.best is not None and result.best.text == "8/10"
    reasons = {m.rating.text: m.reason for m in result.mentions}
    assert "category" in reasons["6/10"]


def test_only_category_scores_give_no_overall_rating() -> None:
    assert extract_ratings("Acting: 4/5\nStory: 3/5\nA handsome, chilly film.").best is None


def test_repeated_rating_is_a_mention() -> None:
    result = extract_ratings("Rating: 7/10\nFun.\nOverall, a 7/10 from me.")
    assert result.best is not None and result.best.start == 8
    assert [m.reason for m in result.mentions] == ["repeats the best rating"]


def test_own_line_beats_rating_in_a_comparison_sentence() -> None:
    text = "If the original was a 9/10, this sequel is a shaggy 6/10 at best.\n\nRating: 6/10"
    best = extract_ratings(text).best
    assert best is not None and best.start == text.rindex("6/10")


def test_aggregator_scores_are_mentions_not_ratings() -> None:
    text = "It holds a 96% Tomatometer score and an IMDb rating of 7.0/10.\nRating: 4/5"
    result = extract_ratings(text)
    assert result.best is not None and result.best.text == "4/5"
    assert any("aggregator" in m.reason for m in result.mentions)


def test_structured_rating_takes_precedence() -> None:
    text = "Nickel Boys is shot in first person. I'd give it 4/5."
    result = extract_ratings(text, {"reviewRating": {"ratingValue": "9", "bestRating": "10"}})
    assert result.best is not None
    assert (result.best.source, result.best.text, result.best.score) == ("structured", "9/10", 90)
    assert result.best.start is None and result.best.end is None
    assert [m.rating.text for m in result.mentions] == ["4/5"]
    assert "structured" in result.mentions[0].reason


@pytest.mark.parametrize(("structured", "text", "score"), [
    ({"reviewRating": {"ratingValue": 3.5, "bestRating": 5, "worstRating": 1}}, "3.5/5", 70),
    ({"reviewRating": {"ratingValue": 4}}, "4/5", 80),
    ({"reviewRating": {"ratingValue": "A-"}}, "A-", 91),
    ({"review": {"reviewRating": {"ratingValue": "3", "bestRating": "4"}}}, "3/4", 75),
    ({"reviewRating": [{"ratingValue": "91", "bestRating": "100"}]}, "91/100", 91),
])
def test_structured_forms(structured: dict, text: str, score: float) -> None:
    best = extract_ratings("No rating in the prose.", structured).best
    assert best is not None and best.text == text and best.score == score


def test_invalid_structured_rating_falls_back_to_text() -> None:
    result = extract_ratings("Rating: 2/5\nA mess.", {"reviewRating": {"ratingValue": "7", "bestRating": "5"}})
    assert result.best is not None and result.best.source == "text" and result.best.score == 40
    assert any(r.start is None for r in result.rejected)


def test_aggregate_rating_is_not_the_critics() -> None:
    assert extract_ratings("Fine.", {"aggregateRating": {"ratingValue": "4.1"}}).best is None


def test_rejected_dates_and_times_are_explained() -> None:
    result = extract_ratings("Updated 06/12/2025 at 1:57 pm\nRating: 3/5 stars")
    assert result.best is not None and result.best.text == "3/5 stars"
    reasons = {r.text: r.reason for r in result.rejected}
    assert "date" in reasons["06/12/2025"] and "clock time" in reasons["1:57 pm"]
    text = explain(result)
    assert "3/5 stars" in text and "1:57 pm" in text and "60/100" in text


def test_result_dict_matches_the_pipeline_contract() -> None:
    data = extract_ratings("Rating: 7/10\nIMDb users say 8.1/10.").to_dict()
    assert set(data) == {"best", "mentions", "rejected"}
    assert set(data["best"]) == {"text", "start", "end", "scale", "value", "score", "kind", "source"}
    assert all("reason" in m for m in data["mentions"])
    json.dumps(data)


def test_component_writes_ext_and_ignores_reader_comments(settings) -> None:
    comp = create_component(settings)
    assert (comp.name, comp.requires, comp.assigns) == ("ratings", (), ("ratings",))
    doc = ReviewDoc(review_id="r1", text="A slick thriller.\n\n3/5 stars",
                    comments=[Comment(text="I'd give it 5/5!", header="March 3rd, 2024 at 11:42 am")])
    out = Pipeline([comp])(doc)
    best = out.ext["ratings"]["best"]
    assert best["text"] == "3/5 stars" and best["score"] == 60
    assert all(m["text"] != "5/5" for m in out.ext["ratings"]["mentions"])
    no_rating = Pipeline([comp])(ReviewDoc(review_id="r2", text="A slick thriller.",
                                           comments=[Comment(text="5/5 stars from me")]))
    assert no_rating.ext["ratings"]["best"] is None


def test_component_uses_structured_data(settings) -> None:
    doc = ReviewDoc(review_id="r1", text="A slick thriller.",
                    structured={"reviewRating": {"ratingValue": "2", "bestRating": "4"}})
    best = create_component(settings)(doc).ext["ratings"]["best"]
    assert best["source"] == "structured" and best["score"] == 50


def test_reader_comment_section_in_raw_text_is_not_the_critics() -> None:
    text = ("The Brutalist is long but never slack.\n\nLeave a comment\n\n"
            "March 3, 2025 at 9:12 am\nI'd give it 5/5, the best film of the year!")
    result = extract_ratings(text)
    assert result.best is None
    assert any("comment" in m.reason for m in result.mentions)


def test_seed_pages_from_labels() -> None:
    if not SEEDS.is_dir():
        pytest.fail(f"seed pages not found at {SEEDS}")
    rows = [json.loads(line) for line in (SEEDS / "labels.jsonl").read_text(encoding="utf-8").splitlines()
            if line.strip()]
    assert rows
    for row in rows:
        text = (SEEDS / row["file"]).read_text(encoding="utf-8")
        result: RatingResult = extract_ratings(text)
        if row["rating_text"] is None:
            assert result.best is None, (row["file"], explain(result))
        else:
            assert result.best is not None, row["file"]
            assert result.best.text == row["rating_text"]
            assert text[result.best.start:result.best.end] == row["rating_text"]
            assert result.best.score == pytest.approx(row["rating_0_100"])
        header = row.get("reader_comment_header")
        if header:  # the comment timestamp is in the raw text but must not become a rating
            assert header in text
            assert result.best is None or result.best.text not in header


def test_evaluation_meets_floors(settings) -> None:
    from criticscope.evaluation.ratings import evaluate

    result = evaluate(settings, quick=True)
    floors = floors_for("ratings")
    assert {"precision", "recall", "normalization_exact"} <= set(floors)
    assert result.metrics["cases"] >= 300 and result.metrics["traps"] >= result.metrics["cases"] / 2
    assert gate(result, floors) == []
