"""Evaluate film linking on ``eval/linking*.jsonl``.

Each case is a short review (``text``, optional ``headline``, ``published``,
``url``) with its gold film as ``{"title", "year", "director"}`` or
``"not_in_catalog"``, and the other films it mentions.  Gold films are resolved
against the default catalog at run time (title, year, director); a gold film
the catalog turns out not to hold is expected to come back ``not_in_catalog``.

Metrics: precision of links, coverage (share of catalog films linked at all),
recall, accuracy on the hard groups (films sharing a title, everyday-word
titles, comparisons with an original, misleading headlines, non-English films,
no year), not-in-catalog accuracy, mention precision and recall.
"""

from __future__ import annotations

import hashlib
import shutil
import tempfile
import time
from collections import defaultdict
from pathlib import Path
from typing import Any

from criticscope.catalog import CatalogIndex, ensure_default_catalog, name_keys, normalize_title
from criticscope.config import Settings
from criticscope.pipeline import ReviewDoc
from criticscope.store import Store

from . import EvalResult, eval_dir, load_jsonl

HARD_GROUPS = ("same_title", "everyday_title", "compare_original", "misleading_headline", "non_english",
               "no_year", "not_in_catalog")


def _catalog_fingerprint() -> str:
    """Changes whenever the default catalog would be built differently: its data files,
    the Wikidata sample and the catalog code."""
    import criticscope.catalog as catalog_pkg
    from criticscope.catalog.sources.wikidata import movies_db_path

    digest = hashlib.sha256()
    pkg = Path(catalog_pkg.__file__).resolve().parent
    files = sorted(pkg.rglob("*.py")) + sorted((pkg.parent / "data" / "catalog").glob("*"))
    for path in files:
        digest.update(path.name.encode())
        digest.update(path.read_bytes())
    sample = movies_db_path()
    if sample.is_file():
        digest.update(f"{sample.stat().st_size}:{sample.stat().st_mtime_ns}".encode())
    return digest.hexdigest()[:16]


def default_catalog_store(settings: Settings, folder: Path) -> Store:
    """A store in ``folder`` holding the default catalog, copied from a cached build
    (in the settings' cache folder) when one matches the current catalog data."""
    cached = settings.cache_dir / "linking" / f"default-catalog-{_catalog_fingerprint()}.db"
    target = folder / "catalog.db"
    if cached.is_file():
        shutil.copyfile(cached, target)
        return Store.open(f"sqlite:///{target}")
    store = Store.open(f"sqlite:///{target}")
    ensure_default_catalog(store, settings)
    with store.engine.connect() as conn:  # fold the write-ahead log into the file before copying it
        conn.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)")
    cached.parent.mkdir(parents=True, exist_ok=True)
    partial = cached.with_suffix(".tmp")
    shutil.copyfile(target, partial)
    partial.replace(cached)
    return store


def load_cases(folder: Path | None = None) -> list[dict[str, Any]]:
    rows: list[dict[str, Any]] = []
    for path in sorted((folder or eval_dir()).glob("linking*.jsonl")):
        rows.extend(load_jsonl(path))
    return rows


def resolve(index: Any, title: str, year: int | None, director: str | None = None) -> int | None:
    """The catalog film for a gold (title, year, director), or None."""
    ids = index.films_by_norm_title(normalize_title(title))
    films = [f for f in (index.film(i) for i in ids) if f is not None and not f.provisional]
    if year is not None:
        exact = [f for f in films if f.year == year]
        films = exact or [f for f in films if f.year is not None and abs(f.year - year) <= 1]
    if director and len(films) > 1:
        keys = name_keys(director)
        by_director = [f for f in films if any(name_keys(d) & keys for d in f.directors)]
        films = by_director or films
    if len(films) > 1 and director:
        return None
    return films[0].film_id if films else None


def _doc(case: dict[str, Any]) -> ReviewDoc:
    return ReviewDoc(review_id=case["id"], text=case["text"], headline=case.get("headline"),
                     url=case.get("url"), published=case.get("published"),
                     structured=dict(case.get("structured") or {}))


def evaluate(settings: Settings, *, quick: bool = False, folder: Path | None = None) -> EvalResult:
    from criticscope.linking import create_component

    cases = load_cases(folder)
    with tempfile.TemporaryDirectory(prefix="criticscope-eval-linking-") as tmp:
        store = default_catalog_store(settings, Path(tmp))
        try:
            index = CatalogIndex.load(store)
            gold_ids: dict[str, int | None] = {}
            for case in cases:
                gold = case["gold"]
                gold_ids[case["id"]] = None if gold == "not_in_catalog" else resolve(
                    index, gold["title"], gold.get("year"), gold.get("director"))
            component = create_component(settings, store=store, index=index)
            started = time.perf_counter()
            results = {case["id"]: component(_doc(case)).ext["linking"] for case in cases}
            elapsed = time.perf_counter() - started
            return _score(cases, gold_ids, results, index, elapsed, quick)
        finally:
            store.close()


def _score(cases: list[dict[str, Any]], gold_ids: dict[str, int | None], results: dict[str, dict],
           index: Any, elapsed: float, quick: bool) -> EvalResult:
    linked = correct = in_catalog = 0
    nic_total = nic_ok = nic_wrong_link = 0
    groups: dict[str, list[bool]] = defaultdict(list)
    errors: list[str] = []
    m_tp = m_fp = m_fn = 0
    unresolved = [c["id"] for c in cases if c["gold"] != "not_in_catalog" and gold_ids[c["id"]] is None]
    for case in cases:
        cid = case["id"]
        res = results[cid]
        gold = gold_ids[cid]
        status, film = res["status"], res.get("film_id")
        is_link = status == "linked"
        if gold is not None:
            in_catalog += 1
            ok = is_link and film == gold
        else:
            nic_total += 1
            ok = status == "not_in_catalog"
            nic_ok += ok
            nic_wrong_link += is_link
        if is_link:
            linked += 1
            correct += film == gold
        groups[case.get("group", "plain")].append(ok)
        if not ok:
            best = (res.get("candidates") or [{}])[0]
            want = f"{gold} {case['gold']['title']} ({case['gold'].get('year')})" if gold else "not_in_catalog"
            got = f"{status} {film}"
            if best:
                got += f" [top: {best.get('title')} ({best.get('year')}) {best.get('confidence')}" \
                       f" {best.get('fired') or ''}]"
            errors.append(f"{cid}: want {want}; got {got}")
        # mentions, at the film level
        subject = film if is_link else None
        predicted = {m["film_id"] for m in res.get("mentions", []) if m.get("kind") == "film"
                     and m.get("film_id") is not None and m.get("film_id") != subject}
        wanted = set()
        for m in case.get("mentions", []):
            fid = resolve(index, m["title"], m.get("year"))
            if fid is not None and fid != gold:
                wanted.add(fid)
        m_tp += len(predicted & wanted)
        m_fp += len(predicted - wanted)
        m_fn += len(wanted - predicted)
    hard = [ok for g in HARD_GROUPS for ok in groups.get(g, [])]
    metrics = {
        "precision": correct / linked if linked else 0.0,
        "coverage": sum(1 for c in cases if gold_ids[c["id"]] is not None and results[c["id"]]["status"] == "linked")
        / in_catalog if in_catalog else 0.0,
        "recall": sum(1 for c in cases if gold_ids[c["id"]] is not None and results[c["id"]]["status"] == "linked"
                      and results[c["id"]]["film_id"] == gold_ids[c["id"]]) / in_catalog if in_catalog else 0.0,
        "hard_group_accuracy": sum(hard) / len(hard) if hard else 0.0,
        "same_title_accuracy": _share(groups.get("same_title", [])),
        "not_in_catalog_accuracy": nic_ok / nic_total if nic_total else 0.0,
        "mention_precision": m_tp / (m_tp + m_fp) if m_tp + m_fp else 0.0,
        "mention_recall": m_tp / (m_tp + m_fn) if m_tp + m_fn else 0.0,
        "reviews_per_second": len(cases) / elapsed if elapsed else 0.0,
    }
    lines = [f"linking: {len(cases)} cases, {in_catalog} with a catalog film, {nic_total} expected not_in_catalog"
             f" ({len(unresolved)} gold films the catalog lacks)"]
    for name in ("precision", "coverage", "recall", "hard_group_accuracy", "same_title_accuracy",
                 "not_in_catalog_accuracy", "mention_precision", "mention_recall", "reviews_per_second"):
        lines.append(f"  {name:<24} {metrics[name]:.3f}")
    lines.append("  by group: " + ", ".join(f"{g} {sum(v)}/{len(v)}" for g, v in sorted(groups.items())))
    lines.append(f"  wrong links on films the catalog lacks: {nic_wrong_link}")
    if errors:
        lines.append("errors:")
        lines.extend(f"  {e}" for e in (errors[:15] if quick else errors))
    if unresolved:
        lines.append("gold films not in the catalog (expected not_in_catalog): " + ", ".join(unresolved))
    return EvalResult(name="linking", metrics={k: round(v, 4) for k, v in metrics.items()}, table="\n".join(lines),
                      details={"errors": errors, "unresolved_gold": unresolved})


def _share(values: list[bool]) -> float:
    return sum(values) / len(values) if values else 0.0
