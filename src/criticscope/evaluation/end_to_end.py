"""End-to-end evaluation: raw review pages in, every field of the analysis scored.

``eval/end_to_end.jsonl`` holds raw pages as scraped (plain text and HTML, with ads,
share widgets, newsletter prompts, captions, bylines and reader comments), one per
line: ``{"id", "name", "content", "gold", "tags"}``.  ``name`` is the file name the
page is written to (its suffix tells extraction the format).  ``gold`` has:

* ``film``: ``{"title", "year", "director"}`` or ``"not_in_catalog"`` (``film_hint``
  then names the real film, for the error listing);
* ``rating_text`` / ``rating_0_100``: the critic's own rating as written and normalized
  (``null``: none); ``rating_structured``: the page's JSON-LD carries that rating;
* ``verdict``, ``spoilers``, ``reader_comments``, ``critic``;
* ``must_not_contain``: whole lines of furniture, captions and comments that must not
  be a line of the clean critic text.

Each page is written to a temporary folder and analysed by a temporary library
(``criticscope.open`` on a throwaway SQLite file, same settings otherwise, so the
model cache in ``settings.data_dir`` is reused).  When a configured stage cannot be
imported, the stages that can still run are applied and the fields of the missing
ones are left out of the metrics (listed under ``skipped_fields``).

Metrics (``precision``/``recall``/``coverage`` are the film link's):

* ``link_precision``: of pages linked to a catalog film, share linked to the right one;
* ``link_coverage``: of pages whose film is in the catalog, share linked at all;
* ``link_recall``: of those pages, share linked to the right film;
* ``not_in_catalog_accuracy``: of pages whose film the catalog lacks, share reported
  ``not_in_catalog``;
* ``rating_precision`` / ``rating_recall``: the best rating found is the gold one
  (same text, or both structured); ``rating_normalization_exact``: found gold ratings
  whose score equals the gold score; ``rating_false_positive_rate`` on unrated pages;
* ``verdict_accuracy`` (3-way), ``spoiler_accuracy``, ``comment_count_accuracy``,
  ``critic_accuracy``;
* ``cleaning_line_precision``: share of must-not-contain lines absent from the clean
  text (not a line of it, nor, for lines of four words or more, merged into a
  paragraph); ``cleaning_page_accuracy``: share of pages with none present;
* ``pages_analyzed``: share of pages that came out of ingest as a review.

The set is small (about fifty pages), so ``quick`` runs every page too; it only skips
the semantic-search indexing that ``Library.analyze`` does after the stages (most of
the run time, and no scored field depends on it).
"""

from __future__ import annotations

import importlib
import re
import tempfile
import unicodedata
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from criticscope.config import Settings
from criticscope.pipeline import Pipeline, ReviewDoc

from . import EvalResult, eval_dir, load_jsonl

# The pipeline stage each scored field comes from (None: extraction, always available).
FIELD_STAGE: dict[str, str | None] = {
    "film": "linking", "rating": "ratings", "verdict": "verdict", "spoilers": "spoilers",
    "comments": None, "critic": None, "cleaning": None,
}
SCORE_TOLERANCE = 0.5


@dataclass
class PageResult:
    """What the system said about one page, flattened for scoring."""

    id: str
    analyzed: bool = False
    status: str = ""  # ingest status or failure reason
    link_status: str | None = None
    film: dict[str, Any] | None = None  # {"id", "title", "year", "directors", "provisional"}
    rating: dict[str, Any] | None = None
    verdict: str | None = None
    spoilers: bool | None = None
    comments: int | None = None
    critic: str | None = None
    text_lines: set[str] = field(default_factory=set)
    flat_text: str = ""
    errors: list[str] = field(default_factory=list)


# --- data ---------------------------------------------------------------------------


def load_pages(folder: Path | None = None) -> list[dict[str, Any]]:
    rows: list[dict[str, Any]] = []
    for path in sorted((folder or eval_dir()).glob("end_to_end*.jsonl")):
        rows.extend(load_jsonl(path))
    return rows


def norm_line(s: str) -> str:
    s = unicodedata.normalize("NFKC", s).replace("\u00a0", " ")
    return " ".join(s.split()).strip()


def norm_key(s: str) -> str:
    """Case-, accent- and punctuation-insensitive form for titles and names."""
    s = unicodedata.normalize("NFKD", s)
    s = "".join(c for c in s if not unicodedata.combining(c)).casefold()
    s = re.sub(r"[“”\"'‘’]([^“”\"'‘’]{1,20})[“”\"'‘’]", " ", s)  # nicknames: Bernadette "Bunny" Cole
    return " ".join(re.sub(r"[^\w]+", " ", s).split())


# --- running the system ---------------------------------------------------------------


def usable_stages(settings: Settings) -> tuple[list[str], list[str]]:
    """The configured stages whose module imports, and the ones that do not (unknown
    names included)."""
    from criticscope.stages import registry

    found = registry()
    ok, missing = [], []
    for name in settings.pipeline.stages:
        module = found.get(name, "").partition(":")[0]
        try:
            importable = bool(module) and importlib.import_module(module) is not None
        except Exception:  # a stage still being written may fail in any way at import
            importable = False
        (ok if importable else missing).append(name)
    return ok, missing


def _runnable_pipeline(settings: Settings, names: list[str], store: Any) -> tuple[Pipeline, list[str]]:
    """A pipeline of the stages in ``names`` whose requirements earlier stages meet."""
    from criticscope.stages import create_stage

    kept, dropped, have = [], [], set()
    for name in names:
        comp = create_stage(name, settings, store=store)
        if all(r in have for r in comp.requires):
            kept.append(comp)
            have.update(comp.assigns)
        else:
            dropped.append(name)
    return Pipeline(kept), dropped


def _seed_catalog(settings: Settings, folder: Path) -> None:
    """Start the temporary database from the default catalog the linking evaluation keeps
    in the settings' cache (built and cached on first use): building the catalog is the
    slow part of opening a new library."""
    try:
        from criticscope.evaluation.linking import default_catalog_store
    except ImportError:
        return
    store = default_catalog_store(settings, folder)
    with store.engine.connect() as conn:  # everything into the main file before renaming it
        conn.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)")
    store.close()
    (folder / "catalog.db").replace(folder / "e2e.db")


def run_system(settings: Settings, pages: list[dict[str, Any]], folder: Path, *, full: bool = True
               ) -> tuple[dict[str, PageResult], list[str], list[str]]:
    """Analyse the pages with a library in ``folder``; returns results by page id, the
    stages that ran, and the stages that could not.

    ``full`` goes through ``Library.analyze`` (which also refreshes the semantic-search
    vectors); otherwise the pages are ingested and the library's pipeline is applied
    directly, which gives the same analysis without the embedding cost."""
    import criticscope
    from criticscope.catalog import CatalogIndex

    page_dir = folder / "pages"
    page_dir.mkdir()
    origin_to_id: dict[str, str] = {}
    for page in pages:
        path = page_dir / page["name"]
        path.write_text(page["content"], encoding="utf-8")
        origin_to_id[str(path)] = page["id"]
    stages, missing = usable_stages(settings)
    _seed_catalog(settings, folder)
    lib = criticscope.open(f"sqlite:///{folder}/e2e.db", settings=settings)
    try:
        paths = [str(page_dir / p["name"]) for p in pages]
        if not missing and full:
            result = lib.analyze(paths)
            report, docs = result.report, result.docs
            ran = list(settings.pipeline.stages)
        else:
            if missing:
                if "linking" in stages:
                    lib.ensure_catalog()
                pipeline, dropped = _runnable_pipeline(lib.settings, stages, lib.store)
                missing += dropped
            else:
                pipeline = lib.pipeline
            ran = pipeline.names
            report = lib.ingest(paths)
            docs = []
            for rid in report.review_ids:
                doc = pipeline(lib.store.load_doc(rid))
                lib.store.save_doc(doc)
                docs.append(doc)
        by_rid = {d.review_id: d for d in docs}
        index = CatalogIndex.load(lib.store)
        results: dict[str, PageResult] = {}
        for row in report.rows:
            pid = origin_to_id.get(row.origin) or origin_to_id.get(str(Path(row.origin).resolve()))
            if pid is None or pid in results:
                continue
            res = PageResult(id=pid, status=row.status if row.status != "failed" else f"failed: {row.reason}")
            doc = by_rid.get(row.review_id or "")
            if doc is not None:
                _fill(res, doc, index)
            results[pid] = res
        for page in pages:
            results.setdefault(page["id"], PageResult(id=page["id"], status="not ingested"))
        return results, ran, missing
    finally:
        lib.close()


def _fill(res: PageResult, doc: ReviewDoc, index: Any) -> None:
    res.analyzed = True
    ext = doc.ext
    link = ext.get("linking") or {}
    res.link_status = link.get("status")
    film_id = link.get("film_id")
    if film_id is not None:
        cand = index.film(film_id)
        res.film = {"id": film_id, "title": getattr(cand, "title", None), "year": getattr(cand, "year", None),
                    "directors": list(getattr(cand, "directors", []) or []),
                    "provisional": bool(getattr(cand, "provisional", False))}
    res.rating = (ext.get("ratings") or {}).get("best")
    verdict = ext.get("verdict")
    res.verdict = verdict.get("verdict") if isinstance(verdict, dict) else None
    spoilers = ext.get("spoilers")
    res.spoilers = bool(spoilers.get("spoiler")) if isinstance(spoilers, dict) else None
    res.comments = len(doc.comments)
    res.critic = doc.critic
    res.text_lines = {norm_line(x) for x in doc.text.splitlines() if x.strip()}
    res.flat_text = norm_line(doc.text)
    res.errors = list(doc.errors)


# --- scoring ------------------------------------------------------------------------


def film_matches(gold: dict[str, Any], film: dict[str, Any] | None) -> bool:
    """Same film: same year (or one apart with a shared director), and the same title or
    a shared director (original-language titles)."""
    if not film or film.get("provisional"):
        return False
    directors = {norm_key(d) for d in film.get("directors") or []}
    same_director = bool(gold.get("director")) and norm_key(gold["director"]) in directors
    same_title = norm_key(gold["title"]) == norm_key(film.get("title") or "")
    year, want = film.get("year"), gold.get("year")
    same_year = year == want or (same_director and year is not None and want is not None and abs(year - want) <= 1)
    return same_year and (same_title or same_director)


def leaks(line: str, res: PageResult) -> bool:
    """A forbidden line is in the clean text: as a line of its own, or (for lines of four
    words or more, too specific to occur by chance) merged into a paragraph."""
    line = norm_line(line)
    return line in res.text_lines or (len(line.split()) >= 4 and line in res.flat_text)


def rating_is_gold(gold: dict[str, Any], rating: dict[str, Any] | None) -> bool:
    if not rating or gold.get("rating_text") is None:
        return False
    if rating.get("source") == "structured" and gold.get("rating_structured"):
        return True
    got, want = norm_line(rating.get("text") or "").casefold(), norm_line(gold["rating_text"]).casefold()
    return bool(got) and (want in got or got in want)


def _describe_film(film: dict[str, Any] | None, status: str | None) -> str:
    if not film:
        return f"{status or 'no link'}"
    prov = " provisional" if film.get("provisional") else ""
    return f"{status}: {film['title']} ({film['year']}, {', '.join(film['directors'][:2]) or '?'}){prov}"


def _gold_film(gold: dict[str, Any]) -> str:
    film = gold["film"]
    if film == "not_in_catalog":
        hint = gold.get("film_hint") or {}
        return f"not_in_catalog ({hint.get('title', '?')} {hint.get('year', '')})"
    return f"{film['title']} ({film['year']}, {film['director']})"


def score(pages: list[dict[str, Any]], results: dict[str, PageResult], ran: list[str]
          ) -> tuple[dict[str, float], dict[str, list[str]], dict[str, Any]]:
    available = {f for f, stage in FIELD_STAGE.items() if stage is None or stage in ran}
    c: Counter[str] = Counter()
    errors: dict[str, list[str]] = {p["id"]: [] for p in pages}
    confusion: Counter[tuple[str, str]] = Counter()
    by_tag: dict[str, list[bool]] = {}
    for page in pages:
        gold, res, errs = page["gold"], results[page["id"]], errors[page["id"]]
        c["pages"] += 1
        c["analyzed"] += res.analyzed
        if not res.analyzed:
            errs.append(f"page not analysed ({res.status})")
        if "film" in available:
            film_ok = _score_film(gold, res, c, errs)
            for tag in page.get("tags", []):
                by_tag.setdefault(tag, []).append(film_ok)
        if "rating" in available:
            _score_rating(gold, res, c, errs)
        if "verdict" in available:
            confusion[(gold["verdict"], res.verdict or "-")] += 1
            if res.verdict == gold["verdict"]:
                c["verdict_ok"] += 1
            else:
                errs.append(f"verdict: got {res.verdict}, want {gold['verdict']}")
        if "spoilers" in available:
            c["spoiler_gold_true"] += gold["spoilers"]
            c["spoiler_pred_true"] += bool(res.spoilers)
            c["spoiler_tp"] += bool(res.spoilers) and gold["spoilers"]
            if res.spoilers == gold["spoilers"]:
                c["spoilers_ok"] += 1
            else:
                errs.append(f"spoilers: got {res.spoilers}, want {gold['spoilers']}")
        if res.comments == gold["reader_comments"]:
            c["comments_ok"] += 1
        else:
            errs.append(f"comments: got {res.comments}, want {gold['reader_comments']}")
        want_critic = norm_key(gold["critic"]) if gold.get("critic") else None
        got_critic = norm_key(res.critic) if res.critic else None
        c["critic_gold"] += want_critic is not None
        if want_critic == got_critic:
            c["critic_ok"] += 1
            c["critic_gold_ok"] += want_critic is not None
        else:
            errs.append(f"critic: got {res.critic!r}, want {gold.get('critic')!r}")
        leaked = [m for m in gold["must_not_contain"] if leaks(m, res)]
        c["mnc_lines"] += len(gold["must_not_contain"])
        c["mnc_leaked"] += len(leaked)
        c["clean_pages_ok"] += res.analyzed and not leaked
        for m in leaked:
            errs.append(f"cleaning: kept {m[:90]!r}")
    metrics = _metrics(c, available)
    film_by_tag = {t: [sum(v), len(v)] for t, v in sorted(by_tag.items()) if len(v) >= 3}
    return metrics, errors, {"confusion": dict(confusion), "counts": dict(c), "available": sorted(available),
                             "film_by_tag": film_by_tag}


def _score_film(gold: dict[str, Any], res: PageResult, c: Counter[str], errs: list[str]) -> bool:
    linked = res.link_status == "linked" and res.film is not None and not res.film.get("provisional")
    c["linked"] += linked
    if gold["film"] == "not_in_catalog":
        c["nic_pages"] += 1
        if res.link_status == "not_in_catalog":
            c["nic_ok"] += 1
            return True
        errs.append(f"film: got {_describe_film(res.film, res.link_status)}, want {_gold_film(gold)}")
        return False
    c["cat_pages"] += 1
    c["cat_linked"] += linked
    ok = linked and film_matches(gold["film"], res.film)
    c["link_correct"] += ok
    c["false_nic"] += res.link_status == "not_in_catalog"
    if not ok:
        errs.append(f"film: got {_describe_film(res.film, res.link_status)}, want {_gold_film(gold)}")
    return ok


def _score_rating(gold: dict[str, Any], res: PageResult, c: Counter[str], errs: list[str]) -> None:
    rating = res.rating
    has_gold = gold.get("rating_text") is not None
    c["rating_gold"] += has_gold
    c["rating_pred"] += rating is not None
    if not has_gold:
        c["rating_unrated"] += 1
        if rating is not None:
            c["rating_fp"] += 1
            errs.append(f"rating: got {rating.get('text')!r} ({rating.get('score')}), want none")
        return
    if rating_is_gold(gold, rating):
        c["rating_ok"] += 1
        got_score = rating.get("score")
        if got_score is not None and abs(float(got_score) - float(gold["rating_0_100"])) <= SCORE_TOLERANCE:
            c["rating_norm_ok"] += 1
        else:
            errs.append(f"rating: score {rating.get('score')} for {rating.get('text')!r}, "
                        f"want {gold['rating_0_100']}")
    else:
        got = f"{rating.get('text')!r} ({rating.get('score')})" if rating else "none"
        errs.append(f"rating: got {got}, want {gold['rating_text']!r} ({gold['rating_0_100']})")


def _div(a: float, b: float) -> float:
    return a / b if b else 0.0


def _metrics(c: Counter[str], available: set[str]) -> dict[str, float]:
    m: dict[str, float] = {"pages_analyzed": _div(c["analyzed"], c["pages"])}
    if "film" in available:
        m.update(link_precision=_div(c["link_correct"], c["linked"]),
                 link_coverage=_div(c["cat_linked"], c["cat_pages"]),
                 link_recall=_div(c["link_correct"], c["cat_pages"]),
                 not_in_catalog_accuracy=_div(c["nic_ok"], c["nic_pages"]),
                 false_not_in_catalog_rate=_div(c["false_nic"], c["cat_pages"]))
        m.update(precision=m["link_precision"], recall=m["link_recall"], coverage=m["link_coverage"])
    if "rating" in available:
        m.update(rating_precision=_div(c["rating_ok"], c["rating_pred"]),
                 rating_recall=_div(c["rating_ok"], c["rating_gold"]),
                 rating_normalization_exact=_div(c["rating_norm_ok"], c["rating_ok"]),
                 rating_false_positive_rate=_div(c["rating_fp"], c["rating_unrated"]))
    if "verdict" in available:
        m["verdict_accuracy"] = _div(c["verdict_ok"], c["pages"])
    if "spoilers" in available:
        m.update(spoiler_accuracy=_div(c["spoilers_ok"], c["pages"]),
                 spoiler_precision=_div(c["spoiler_tp"], c["spoiler_pred_true"]),
                 spoiler_recall=_div(c["spoiler_tp"], c["spoiler_gold_true"]))
    m.update(comment_count_accuracy=_div(c["comments_ok"], c["pages"]),
             critic_accuracy=_div(c["critic_ok"], c["pages"]),
             critic_recall=_div(c["critic_gold_ok"], c["critic_gold"]),
             cleaning_line_precision=1.0 - _div(c["mnc_leaked"], c["mnc_lines"]),
             cleaning_page_accuracy=_div(c["clean_pages_ok"], c["pages"]))
    return {k: round(v, 4) for k, v in m.items()}


# --- report -------------------------------------------------------------------------


def _table(pages: list[dict[str, Any]], metrics: dict[str, float], errors: dict[str, list[str]],
           ran: list[str], missing: list[str], info: dict[str, Any]) -> str:
    n_html = sum(p["name"].endswith(".html") for p in pages)
    lines = [f"end_to_end: {len(pages)} raw pages ({n_html} HTML), stages run: {', '.join(ran)}"]
    if missing:
        lines.append(f"  not run (module missing or requirements unmet): {', '.join(missing)}; "
                     "their fields are not scored")
    lines.append(f"  {'metric':<28} value")
    for name, value in metrics.items():
        lines.append(f"  {name:<28} {value:.3f}")
    if info.get("confusion"):
        lines.append("  verdict confusion (gold -> got): " + ", ".join(
            f"{g}->{p}: {n}" for (g, p), n in sorted(info["confusion"].items())))
    if info.get("film_by_tag"):
        lines.append("  film right, by page tag: " + ", ".join(
            f"{t} {ok}/{n}" for t, (ok, n) in info["film_by_tag"].items()))
    bad = [(pid, errs) for pid, errs in errors.items() if errs]
    lines.append(f"per-page errors ({len(bad)} of {len(pages)} pages have at least one):")
    names = {p["id"]: p["name"] for p in pages}
    for pid, errs in bad:
        lines.append(f"  {pid} [{names[pid]}]")
        lines.extend(f"      {e}" for e in errs)
    return "\n".join(lines)


def evaluate(settings: Settings, *, quick: bool = False, folder: Path | None = None) -> EvalResult:
    pages = load_pages(folder)
    if not pages:
        raise FileNotFoundError("no eval/end_to_end*.jsonl pages found")
    with tempfile.TemporaryDirectory(prefix="criticscope-eval-e2e-") as tmp:
        results, ran, missing = run_system(settings, pages, Path(tmp), full=not quick)
    metrics, errors, info = score(pages, results, ran)
    info.update(stages_run=ran, skipped_stages=missing,
                skipped_fields=sorted(f for f, s in FIELD_STAGE.items() if s is not None and s not in ran))
    table = _table(pages, metrics, errors, ran, missing, info)
    return EvalResult(name="end_to_end", metrics=metrics, table=table,
                      details={"errors": {k: v for k, v in errors.items() if v}, **info})
