"""The cleaning evaluation runs over its corpus, reports its metrics and passes its pinned floors."""

from __future__ import annotations

from criticscope.evaluation import floors_for, gate, run
from criticscope.evaluation.cleaning import Case, score_case


def test_cleaning_evaluation_passes_its_floors():
    result = run("cleaning", None, quick=True)
    for key in ("must_contain_recall", "must_not_contain_precision", "comment_split_accuracy", "coverage",
                "precision", "recall", "metadata_accuracy"):
        assert 0.0 <= result.metrics[key] <= 1.0
    assert result.metrics["pages"] >= 30
    floors = floors_for("cleaning")
    assert floors and gate(result, floors) == []
    assert "must_contain_recall" in result.table


def test_a_case_that_leaks_and_loses_is_scored_down(tmp_path):
    page = tmp_path / "p.txt"
    page.write_text("Advertisement\n\nA long paragraph of critic prose that goes on about the film at length.\n")
    case = Case(name="p", path=page, data=page.read_bytes(),
                must_contain=["A long paragraph of critic prose", "a sentence that is not there"],
                must_not_contain=["Advertisement", "critic prose"], comments=[{"author": "X"}],
                meta={"critic": "Somebody"})
    row = score_case(case)
    assert row["contain"] == (1, 2)
    assert row["forbid"] == (1, 2)
    assert row["comments_ok"] is False
    assert row["meta"] == (0, 1)
