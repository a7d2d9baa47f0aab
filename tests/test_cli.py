"""The command line end to end: exit codes, the journal, and the documented JSON schema."""

from __future__ import annotations

import json

import pytest
from click.testing import CliRunner

from criticscope.cli import main

PAGE = """Review: Anatomy of a Fall (2023)

Justine Triet's courtroom drama turns a death in a snowbound chalet into a forensic study of a marriage.
Sandra Hüller is extraordinary as the novelist accused of killing her husband, and Milo Machado Graner, as
her partially sighted son, gives one of the best child performances in years.

Share this article

The trial scenes are gripping without ever tipping into melodrama, though the film runs a touch long.

★★★★
"""


@pytest.fixture
def env(tmp_path, settings):
    return {"CRITICSCOPE_DB": f"sqlite:///{tmp_path / 'cli.db'}", "CRITICSCOPE_HOME": str(settings.data_dir),
            "CRITICSCOPE_CONFIG": str(tmp_path / "none.toml")}


@pytest.fixture
def runner():
    return CliRunner()


def _write(tmp_path, name, content):
    path = tmp_path / name
    path.write_bytes(content if isinstance(content, bytes) else content.encode())
    return path


def test_ingest_exit_codes_and_journal(runner, env, tmp_path):
    (tmp_path / "none.toml").write_text("")
    good = _write(tmp_path, "good.txt", PAGE)
    bad = _write(tmp_path, "bad.txt", b"")
    result = runner.invoke(main, ["ingest", str(good), str(bad)], env=env)
    assert result.exit_code == 1
    assert f"{bad}: empty" in result.stderr.replace("\n", "")
    ok = runner.invoke(main, ["ingest", str(good)], env=env)
    assert ok.exit_code == 0 and "1 duplicate" in ok.stdout
    failed = runner.invoke(main, ["journal", "--failed", "--json"], env=env)
    rows = json.loads(failed.stdout)
    assert [r["origin"] for r in rows] == [str(bad)] and rows[0]["status"] == "failed"


def test_analyze_json_schema(runner, env, tmp_path):
    (tmp_path / "none.toml").write_text("")
    good = _write(tmp_path, "anatomy.txt", PAGE)
    bad = _write(tmp_path, "binary.bin", b"\x00\x01\x02" * 100)
    result = runner.invoke(main, ["analyze", "--json", str(good), str(bad)], env=env)
    assert result.exit_code == 1, result.output
    data = json.loads(result.stdout)
    assert data["schema"] == "criticscope.analyze/1"
    assert [f["source"] for f in data["failed"]] == [str(bad)]
    (review,) = data["reviews"]
    assert review["source"] == str(good)
    assert review["status"] == "ok"
    for key in ("film", "rating", "verdict", "spoilers", "link", "pull_quote", "review_id"):
        assert key in review
    assert review["verdict"] in {"positive", "mixed", "negative"}
    assert isinstance(review["spoilers"], bool)
    assert review["rating"]["text"] == "★★★★" and review["rating"]["score"] == 80
    # a second run reports the same review as already stored, with the same analysis
    again = json.loads(runner.invoke(main, ["analyze", "--json", str(good)], env=env).stdout)
    assert again["reviews"][0]["status"] == "duplicate"
    assert again["reviews"][0]["review_id"] == review["review_id"]
    assert again["reviews"][0]["verdict"] == review["verdict"]


def test_reviews_show_and_reprocess(runner, env, tmp_path):
    (tmp_path / "none.toml").write_text("")
    good = _write(tmp_path, "anatomy.txt", PAGE)
    data = json.loads(runner.invoke(main, ["analyze", "--json", str(good)], env=env).stdout)
    rid = data["reviews"][0]["review_id"]
    shown = runner.invoke(main, ["reviews", "show", rid[:8], "--json"], env=env)
    assert shown.exit_code == 0, shown.output
    body = json.loads(shown.stdout)
    assert "Sandra Hüller is extraordinary" in body["text"]
    assert "Share this article" not in body["text"]
    again = runner.invoke(main, ["reprocess", "--stage", "ratings"], env=env)
    assert again.exit_code == 0 and "reprocessed 1 review" in again.stdout
    missing = runner.invoke(main, ["reviews", "show", "zzzz"], env=env)
    assert missing.exit_code == 1 and "no review" in missing.output
    unknown = runner.invoke(main, ["reprocess", "--stage", "nope"], env=env)
    assert unknown.exit_code != 0 and "unknown stage" in unknown.output
