"""IMDb dataset import: the generator's format, idempotence, crash and resume, filters,
bad rows and unreadable inputs."""

from __future__ import annotations

import csv
import gzip
import shutil
from pathlib import Path

import pytest
from sqlalchemy import text

from criticscope.catalog import CatalogImportError, get_source
from criticscope.catalog.imdb_generator import generate
from criticscope.catalog.records import FilmRecord
from criticscope.catalog.sources import tsv
from criticscope.catalog.sources.tsv import IMDB_HEADERS
from criticscope.catalog.writer import RecordWriter
from criticscope.store import Store

from .conftest_catalog import snapshot

TITLES = 600  # ~9,000 lines over the six files: fast, yet several batches of 200


@pytest.fixture(scope="module")
def imdb_dir(tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("imdb")
    generate(folder, TITLES, seed=7, bad_rows=2)
    return folder


def run_import(store: Store, folder: Path, **options):
    options.setdefault("batch_size", 200)
    return get_source("imdb").import_into(store, None, path=str(folder), **options)


def read_tsv(path: Path) -> list[list[str]]:
    opener = gzip.open if path.suffix == ".gz" else open
    with opener(path, "rt", encoding="utf-8", newline="") as fh:
        return list(csv.reader(fh, delimiter="\t", quoting=csv.QUOTE_NONE))


# --- the generator -----------------------------------------------------------------------

@pytest.mark.parametrize("compress", [True, False])
def test_generator_writes_the_imdb_format(tmp_path, compress) -> None:
    out = generate(tmp_path, 300, seed=3, compress=compress)
    assert set(out.paths) == set(IMDB_HEADERS)
    titles: set[str] = set()
    for stem, path in out.paths.items():
        assert path.name == f"{stem}.tsv.gz" if compress else f"{stem}.tsv"
        rows = read_tsv(path)
        assert tuple(rows[0]) == IMDB_HEADERS[stem]
        assert len(rows) - 1 == out.rows[stem] > 0
        assert all(len(r) == len(IMDB_HEADERS[stem]) for r in rows[1:])
        if stem == "title.basics":
            titles = {r[2] for r in rows[1:]}
            assert any(r[5] == "\\N" or r[7] == "\\N" for r in rows[1:])   # nulls
            assert {r[1] for r in rows[1:]} >= {"movie", "tvEpisode", "short"}
    assert any('"' in t for t in titles)                                     # quotes that are not quoting
    assert any(not t.isascii() for t in titles)                              # non-ASCII
    assert len(titles) < out.rows["title.basics"]                            # shared titles, remakes


def test_generator_is_deterministic(tmp_path) -> None:
    a = generate(tmp_path / "a", 200, seed=5, compress=False)
    b = generate(tmp_path / "b", 200, seed=5, compress=False)
    c = generate(tmp_path / "c", 200, seed=6, compress=False)
    for stem in IMDB_HEADERS:
        assert a.paths[stem].read_bytes() == b.paths[stem].read_bytes()
    assert a.paths["title.basics"].read_bytes() != c.paths["title.basics"].read_bytes()


# --- importing ---------------------------------------------------------------------------

def test_import_is_idempotent(db_url, imdb_dir) -> None:
    store = Store.open(db_url)
    try:
        first = run_import(store, imdb_dir)
        assert first.films_added > 20 and first.people_added > 50 and first.credits_added > 100
        once = snapshot(store)
        assert all(once[k] for k in ("films", "titles", "people", "credits"))
        assert not [p for p in once["people"] if p[2] == ""]   # every credited person got a name
        again = run_import(store, imdb_dir)                    # unchanged files: skipped
        assert all(f.skipped for f in again.files.values())
        forced = run_import(store, imdb_dir, force=True)       # re-read everything: updates, no duplicates
        assert forced.films_added == forced.titles_added == forced.people_added == forced.credits_added == 0
        assert snapshot(store) == once
    finally:
        store.close()


class Crash(Exception):
    pass


@pytest.mark.parametrize("workers", [0, 1])
def test_crash_then_resume_equals_one_clean_run(tmp_path, imdb_dir, workers) -> None:
    """workers=1 also runs the worker and scanner processes a large import uses."""
    events: list[tuple[str, int]] = []   # (file, line) after each committed batch of a clean run
    clean = Store.open(f"sqlite:///{tmp_path / 'clean.db'}")
    run_import(clean, imdb_dir, batch_size=20, on_batch=lambda f, line: events.append((f, line)))
    files = [f for f, _ in events]
    # crash points: mid title.basics, then mid title.principals (not on a file's last batch)
    first = files.index("title.basics.tsv.gz") + 1
    second = files.index("title.principals.tsv.gz") + 2
    assert files[first] == "title.basics.tsv.gz" and files[second] == "title.principals.tsv.gz"
    assert files[second + 1] == "title.principals.tsv.gz"

    def crash_at(limit: int):
        seen: list[tuple[str, int]] = []

        def hook(file: str, line: int) -> None:
            seen.append((file, line))
            if len(seen) == limit:
                raise Crash(f"simulated crash in {file} after line {line}")
        return hook

    crashed = Store.open(f"sqlite:///{tmp_path / 'crashed.db'}")
    with pytest.raises(Crash):
        run_import(crashed, imdb_dir, batch_size=20, workers=workers, on_batch=crash_at(first + 1))
    # the second run resumes title.basics, then crashes inside title.principals
    with pytest.raises(Crash):
        run_import(crashed, imdb_dir, batch_size=20, workers=workers, on_batch=crash_at(second - first))
    resumed = run_import(crashed, imdb_dir, batch_size=20, workers=workers)
    assert resumed.files["title.principals.tsv.gz"].resumed_from == events[second][1]
    assert resumed.files["title.basics.tsv.gz"].skipped
    assert snapshot(crashed) == snapshot(clean)
    clean.close()
    crashed.close()


def test_bad_rows_are_reported_with_file_and_line(tmp_path) -> None:
    folder = tmp_path / "imdb"
    out = generate(folder, 400, seed=11, bad_rows=3)
    store = Store.open(f"sqlite:///{tmp_path / 'c.db'}")
    stats = run_import(store, folder)
    reported = {(b.file, b.row) for b in stats.bad_rows}
    for stem in ("title.basics", "title.akas"):
        for line in out.bad_lines[stem]:
            assert (f"{stem}.tsv.gz", line) in reported
    assert stats.bad_row_count == len(reported) == 6
    assert stats.files["title.basics.tsv.gz"].bad_rows == 3
    assert any("is not a number" in b.reason for b in stats.bad_rows)
    assert any("expected 9 columns" in b.reason for b in stats.bad_rows)
    assert stats.films_added > 0  # the import went on


def test_filters(tmp_path, imdb_dir) -> None:
    store = Store.open(f"sqlite:///{tmp_path / 'f.db'}")
    run_import(store, imdb_dir, kinds="movie", min_votes=20, years="1980-2010")
    with store.engine.connect() as conn:
        rows = conn.execute(text("SELECT kind, votes, year FROM films")).all()
    assert rows
    assert all(kind == "movie" and votes >= 20 and 1980 <= year <= 2010 for kind, votes, year in rows)
    all_basics = read_tsv(imdb_dir / "title.basics.tsv.gz")
    assert len(rows) < sum(1 for r in all_basics[1:] if len(r) > 1 and r[1] == "movie")


def test_existing_films_and_people_are_merged_not_duplicated(tmp_path, imdb_dir) -> None:
    """A film from another source with the same IMDb id, and its director known there
    without an IMDb id, end up as one film and one person."""
    basics = read_tsv(imdb_dir / "title.basics.tsv.gz")
    crew = {r[0]: r[1] for r in read_tsv(imdb_dir / "title.crew.tsv.gz")[1:]}
    names = {r[0]: r[1] for r in read_tsv(imdb_dir / "name.basics.tsv.gz")[1:]}
    row = next(r for r in basics[1:] if len(r) == 9 and r[1] == "movie" and r[4] == "0" and r[5].isdigit()
               and crew.get(r[0], "\\N") != "\\N" and "," not in crew[r[0]])
    director = names[crew[row[0]]]
    store = Store.open(f"sqlite:///{tmp_path / 'm.db'}")
    with store.engine.begin() as conn:
        RecordWriter(conn, source="wikidata-sample").write(
            [FilmRecord(title=row[2], year=int(row[5]), imdb_id=row[0], directors=[director], cast=["Some Actor"])])
    stats = run_import(store, imdb_dir)
    assert stats.merged_people >= 1
    with store.engine.connect() as conn:
        films = conn.execute(text("SELECT id, source FROM films WHERE imdb_id = :i"), {"i": row[0]}).all()
        assert len(films) == 1
        people = conn.execute(text("SELECT p.imdb_id, p.name FROM credits c JOIN people p ON p.id = c.person_id "
                                   "WHERE c.film_id = :f AND c.role = 'director'"), {"f": films[0][0]}).all()
        assert people == [(crew[row[0]], director)]   # one director, the IMDb person
        actor = conn.execute(text("SELECT count(*) FROM credits c JOIN people p ON p.id = c.person_id "
                                  "WHERE c.film_id = :f AND p.name = 'Some Actor'"), {"f": films[0][0]}).scalar()
        assert actor == 1  # what only the other source knew is kept


# --- unreadable inputs -------------------------------------------------------------------

def copy_dataset(src: Path, dst: Path) -> Path:
    shutil.copytree(src, dst)
    return dst


@pytest.fixture(params=["zlib", "gzip-process"])
def gunzip(request, monkeypatch) -> str:
    """Both ways of decompressing: in-process zlib and the gzip program."""
    if request.param == "gzip-process":
        if not shutil.which("gzip"):
            pytest.skip("no gzip program on this system")
        monkeypatch.setattr(tsv, "EXTERNAL_GZIP_MIN_BYTES", 0)
    else:
        monkeypatch.setattr(tsv, "EXTERNAL_GZIP_MIN_BYTES", 1 << 62)
    return request.param


def test_truncated_gzip_names_file_and_resumes_once_fixed(tmp_path, imdb_dir, gunzip) -> None:
    folder = copy_dataset(imdb_dir, tmp_path / "imdb")
    akas = folder / "title.akas.tsv.gz"
    good = akas.read_bytes()
    akas.write_bytes(good[: len(good) * 2 // 3])
    store = Store.open(f"sqlite:///{tmp_path / 't.db'}")
    with pytest.raises(CatalogImportError) as err:
        run_import(store, folder)
    message = str(err.value)
    assert "title.akas.tsv.gz" in message and "row" in message and "truncated" in message
    assert err.value.file == "title.akas.tsv.gz" and err.value.row > 1
    with store.engine.connect() as conn:
        done = dict(conn.execute(text("SELECT file, finished FROM import_progress")).all())
    assert done["title.basics.tsv.gz"] and not done.get("title.akas.tsv.gz")
    akas.write_bytes(good)
    run_import(store, folder)
    clean = Store.open(f"sqlite:///{tmp_path / 'clean.db'}")
    run_import(clean, imdb_dir)
    assert snapshot(store) == snapshot(clean)


@pytest.mark.parametrize(("stem", "content", "expected"), [
    ("title.crew", b"tconst\tdirector\twriters\ntt0000001\t\\N\t\\N\n", "expected the header"),
    ("title.ratings", b"<!DOCTYPE html><html><body>Not Found</body></html>\n", "expected the header"),
    ("name.basics", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\xff\xfe", "not a TSV text file"),
    ("title.principals", b"", "empty file"),
])
def test_wrong_files_are_refused_before_any_write(tmp_path, imdb_dir, stem, content, expected) -> None:
    folder = copy_dataset(imdb_dir, tmp_path / "imdb")
    (folder / f"{stem}.tsv.gz").unlink()
    (folder / f"{stem}.tsv").write_bytes(content)
    store = Store.open(f"sqlite:///{tmp_path / 'w.db'}")
    with pytest.raises(CatalogImportError) as err:
        run_import(store, folder)
    assert f"{stem}.tsv" in str(err.value) and "row 1" in str(err.value) and expected in str(err.value)
    assert snapshot(store)["films"] == []


def test_gzip_that_is_not_gzip(tmp_path, imdb_dir, gunzip) -> None:
    folder = copy_dataset(imdb_dir, tmp_path / "imdb")
    (folder / "title.ratings.tsv.gz").write_bytes(b"\x1f\x8b" + b"garbage" * 50)
    store = Store.open(f"sqlite:///{tmp_path / 'g.db'}")
    with pytest.raises(CatalogImportError, match=r"title\.ratings\.tsv\.gz, row 1: truncated or corrupt gzip"):
        run_import(store, folder)


def test_empty_folder_and_missing_files(tmp_path, imdb_dir) -> None:
    store = Store.open(f"sqlite:///{tmp_path / 'e.db'}")
    empty = tmp_path / "empty"
    empty.mkdir()
    with pytest.raises(CatalogImportError, match="no IMDb dataset files"):
        run_import(store, empty)
    with pytest.raises(CatalogImportError, match="no such folder"):
        run_import(store, tmp_path / "nowhere")
    partial = tmp_path / "partial"
    partial.mkdir()
    shutil.copy(imdb_dir / "title.basics.tsv.gz", partial)
    shutil.copy(imdb_dir / "title.ratings.tsv.gz", partial)
    with pytest.raises(CatalogImportError) as err:
        run_import(store, partial)
    for name in ("title.akas.tsv.gz", "title.crew.tsv.gz", "title.principals.tsv.gz", "name.basics.tsv.gz"):
        assert name in str(err.value)
    assert "title.basics" not in str(err.value).split("missing")[1]
    stats = run_import(store, partial, require_all=False)   # --partial
    assert stats.films_added > 0 and stats.credits_added == 0
    only_akas = tmp_path / "only_akas"
    only_akas.mkdir()
    shutil.copy(imdb_dir / "title.akas.tsv.gz", only_akas)
    with pytest.raises(CatalogImportError, match=r"title\.basics\.tsv\.gz"):
        run_import(store, only_akas, require_all=False)


def test_plain_tsv_with_crlf_and_long_lines(tmp_path) -> None:
    folder = tmp_path / "imdb"
    out = generate(folder, 200, seed=2, compress=False)
    basics = out.paths["title.basics"]
    lines = basics.read_text(encoding="utf-8").splitlines()
    long_title = "Very " * 4000 + "Long"
    lines.append("\t".join(("tt9999999", "movie", long_title, long_title, "0", "2001", "\\N", "90", "Drama")))
    basics.write_bytes(("\r\n".join(lines) + "\r\n").encode())
    akas = out.paths["title.akas"]
    with akas.open("a", encoding="utf-8") as fh:  # two long titles that differ only at the very end
        for suffix in ("(ES)", "(PL)"):
            fh.write("\t".join(("tt9999999", "2", f"{long_title} {suffix}", "US", "\\N", "\\N", "\\N", "0")) + "\n")
    store = Store.open(f"sqlite:///{tmp_path / 'p.db'}")
    stats = run_import(store, folder)
    assert stats.bad_row_count == 0
    with store.engine.connect() as conn:
        title = conn.execute(text("SELECT title FROM films WHERE imdb_id = 'tt9999999'")).scalar()
        akas_kept = conn.execute(text("SELECT count(*) FROM film_titles t JOIN films f ON f.id = t.film_id "
                                      "WHERE f.imdb_id = 'tt9999999'")).scalar()
    assert title == long_title
    assert akas_kept == 3
    rows = read_tsv(basics)
    assert basics.read_bytes().count(b"\r\n") == len(rows)  # the file really has CRLF endings


def test_worker_process_and_gzip_program_write_the_same_rows(tmp_path, imdb_dir, monkeypatch) -> None:
    inline = Store.open(f"sqlite:///{tmp_path / 'inline.db'}")
    run_import(inline, imdb_dir, workers=0)
    if shutil.which("gzip"):
        monkeypatch.setattr(tsv, "EXTERNAL_GZIP_MIN_BYTES", 0)
    pooled = Store.open(f"sqlite:///{tmp_path / 'pooled.db'}")
    run_import(pooled, imdb_dir, workers=1)
    assert snapshot(pooled) == snapshot(inline)
