"""The data behind every web page.  Each builder returns a JSON-serialisable dict: the
``.json`` twin of the page returns it as is, and the template renders the same dict, so
what a person sees and what a script reads cannot drift apart."""

from __future__ import annotations

import re
from collections import Counter
from typing import TYPE_CHECKING, Any

from sqlalchemy import and_, case, func, select

from ..models import Analysis, Credit, Film, JournalEntry, Person, ReaderComment, Review
from ..report import film_brief, review_json

if TYPE_CHECKING:
    from ..library import AnalyzeResult, Library

RECENT_FILMS = 12
SEARCH_LIMIT = 20
DECIDE_LIMIT = 50
EXCERPT_CHARS = 420
AUDIENCE_SAMPLE = 5


def safe_url(url: str | None) -> str | None:
    """Only http(s) addresses become links (a stored ``javascript:`` URL must never be clickable)."""
    return url if isinstance(url, str) and url.lower().startswith(("http://", "https://")) else None


def _live():
    return Review.duplicate_of.is_(None)


def film_infos(session, film_ids: list[int]) -> dict[int, dict[str, Any]]:
    """Title, year and directors of some films, in one query each."""
    if not film_ids:
        return {}
    films = {f.id: {"id": f.id, "title": f.title, "year": f.year, "directors": [], "provisional": f.provisional}
             for f in session.scalars(select(Film).where(Film.id.in_(film_ids)))}
    rows = session.execute(select(Credit.film_id, Person.name).join(Person, Person.id == Credit.person_id)
                           .where(Credit.film_id.in_(list(films)), Credit.role == "director")
                           .order_by(Credit.film_id, Credit.ord))
    for fid, name in rows:
        films[fid]["directors"].append(name)
    return films


def badge(aggregates: dict[str, Any]) -> dict[str, Any]:
    """The score badge: share positive and average score, or how many reviews are still needed."""
    critics = aggregates["critics"]
    share, avg = critics["share_positive"], critics["average_score"]
    value = share["value"] if share["shown"] else None
    tone = None
    if value is not None:
        tone = "positive" if value >= 60 else "mixed" if value >= 40 else "negative"
    return {
        "shown": bool(share["shown"]),
        "share_positive": value,
        "positive": share["positive"],
        "of": share["of"],
        "average_score": avg["value"] if avg["shown"] else None,
        "rated": avg["rated"],
        "tone": tone,
        "label": f"{value:g}% positive" if value is not None else "Not enough reviews yet",
        "needed": None if share["shown"] else f"{share['of']} of {share['minimum']} reviews needed",
        "average_note": None if avg["shown"] else f"{avg['rated']} of {avg['minimum']} rated reviews needed "
                                                  "for an average score",
    }


# --- home ---------------------------------------------------------------------------


def home_data(lib: Library) -> dict[str, Any]:
    from ..aggregate import film_aggregates

    with lib.store.session() as s:
        reviews = s.scalar(select(func.count()).select_from(Review).where(_live())) or 0
        films = s.scalar(select(func.count(func.distinct(Review.film_id)))
                         .where(_live(), Review.film_id.is_not(None))) or 0
        critics = s.scalar(select(func.count(func.distinct(Review.critic)))
                           .where(_live(), Review.critic.is_not(None))) or 0
        awaiting = s.scalar(select(func.count()).select_from(Review)
                            .where(_live(), Review.link_status == "ambiguous")) or 0
        last = func.max(Review.created_at).label("last")
        recent = s.execute(select(Film.id, Film.title, Film.year, func.count(Review.id), func.max(Review.published),
                                  last)
                           .join(Review, Review.film_id == Film.id).where(_live(), Film.merged_into.is_(None))
                           .group_by(Film.id, Film.title, Film.year)
                           .order_by(last.desc(), Film.id).limit(RECENT_FILMS)).all()
    recent_films = []
    for fid, title, year, n, published, _ in recent:
        agg = film_aggregates(lib.store, fid, lib.settings.aggregates)
        recent_films.append({"id": fid, "title": title, "year": year, "reviews": n, "latest_review": published,
                             "badge": badge(agg)})
    return {"counts": {"reviews": reviews, "films": films, "critics": critics, "awaiting_decision": awaiting},
            "recent_films": recent_films}


# --- search -------------------------------------------------------------------------


def search_data(lib: Library, q: str, *, semantic: bool = False) -> dict[str, Any]:
    from ..search import search_films

    q = (q or "").strip()[:500]
    out: dict[str, Any] = {"q": q, "semantic": semantic, "films": [], "reviews": []}
    if not q:
        return out
    films = search_films(lib.store, q, limit=10)
    hits = [h.as_dict() for h in lib.search(q, None, semantic=semantic, limit=SEARCH_LIMIT)]
    with lib.store.session() as s:
        ids = [f["id"] for f in films]
        counts = dict(s.execute(select(Review.film_id, func.count()).where(_live(), Review.film_id.in_(ids))
                                .group_by(Review.film_id)).all()) if ids else {}
        infos = film_infos(s, sorted({*ids, *(h["film_id"] for h in hits if h["film_id"] is not None)}))
    out["films"] = [{**f, "directors": infos.get(f["id"], {}).get("directors", []), "reviews": counts.get(f["id"], 0)}
                    for f in films]
    out["films"].sort(key=lambda f: (-f["reviews"], -(f["year"] or 0)))
    for h in hits:
        info = infos.get(h["film_id"]) if h["film_id"] is not None else None
        h["film"] = {"id": info["id"], "title": info["title"], "year": info["year"]} if info else None
    _mask_spoiler_snippets(lib, hits, q)
    out["reviews"] = hits
    return out


def _snippet(text: str, q: str, width: int = 200) -> str:
    words = [w for w in re.findall(r"\w+", q.lower()) if w]
    low = text.lower()
    pos = min((p for w in words if (p := low.find(w)) >= 0), default=0)
    start = max(0, pos - width // 3)
    body = " ".join(text[start:start + width].split())
    return ("…" if start else "") + body + ("…" if start + width < len(text) else "")


def _mask_spoiler_snippets(lib: Library, hits: list[dict[str, Any]], q: str) -> None:
    """Search results are spoiler-safe: snippets of reviews with spoiler sentences are cut
    from the masked text."""
    from ..spoilers import spoiler_safe_text

    ids = [h["review_id"] for h in hits if not h.get("sentence")]
    if not ids:
        return
    with lib.store.session() as s:
        rows = s.execute(select(Review.id, Review.text, Analysis.data)
                         .join(Analysis, and_(Analysis.review_id == Review.id, Analysis.stage == "spoilers"))
                         .where(Review.id.in_(ids))).all()
    masked = {rid: spoiler_safe_text(text, data) for rid, text, data in rows if (data or {}).get("sentences")}
    for h in hits:
        if h["review_id"] in masked:
            h["snippet"] = _snippet(masked[h["review_id"]], q)


# --- film ---------------------------------------------------------------------------


def film_data(lib: Library, film_id: int) -> dict[str, Any]:
    """``Library.film`` plus the badge and a few reader comments (kept apart from the critics)."""
    info = lib.film(film_id)
    agg = info["aggregates"]
    info["badge"] = badge(agg)
    info["reviews"] = sorted(info["reviews"], key=lambda r: (r["published"] or "", r["id"]), reverse=True)
    audience_ids = agg["audience"]["review_ids"]
    comments: list[dict[str, Any]] = []
    if audience_ids:
        with lib.store.session() as s:
            rows = s.scalars(select(ReaderComment).where(ReaderComment.review_id.in_(audience_ids))
                             .order_by(ReaderComment.review_id, ReaderComment.position).limit(AUDIENCE_SAMPLE))
            comments = [{"review_id": c.review_id, "author": c.author, "posted_at": c.posted_at,
                         "text": c.text, "verdict": c.verdict} for c in rows]
    info["audience_comments"] = comments
    return info


# --- review -------------------------------------------------------------------------


def review_data(lib: Library, review_id: str, *, show_spoilers: bool = False) -> dict[str, Any]:
    """One review with the evidence behind every figure.  ``text`` is spoiler-safe unless
    ``show_spoilers``; ``spans`` give the offsets into the full text."""
    review = lib.review(review_id)
    doc = lib.store.load_doc(review.id)
    ext = doc.ext
    out = review_json(lib, doc, spoiler_safe=not show_spoilers, full=True)
    # the stored summary columns stand in where no stage output says more
    if out["film"] is None and review.film_id is not None:
        out["film"] = film_brief(lib, review.film_id)
    for key, value in (("verdict", review.verdict), ("pull_quote", review.pull_quote), ("spoilers", review.spoiler)):
        if out[key] is None:
            out[key] = value
    aspects = ext.get("aspects")
    out["spans"] = {
        "rating": (ext.get("ratings") or {}).get("best"),
        "aspects": aspects.get("items", []) if isinstance(aspects, dict) else (aspects or []),
        "spoilers": (ext.get("spoilers") or {}).get("sentences", []),
    }
    out["spoilers_shown"] = show_spoilers
    out["link_url"] = safe_url(doc.url)
    out["link_status"] = review.link_status
    out["duplicate_of"] = review.duplicate_of
    linking = ext.get("linking") or {}
    decision = ext.get("link_decision")
    mentions = [m for m in linking.get("mentions") or [] if m.get("kind", "film") == "film" and m.get("film_id")]
    cand_ids = [c["film_id"] for c in linking.get("candidates") or [] if c.get("film_id") is not None]
    with lib.store.session() as s:
        infos = film_infos(s, sorted({*cand_ids, *(m["film_id"] for m in mentions)}))
        comment_rows = list(s.scalars(select(ReaderComment).where(ReaderComment.review_id == review.id)
                                      .order_by(ReaderComment.position)))
    out["why"] = {
        "status": linking.get("status"),
        "decided_by_person": decision is not None,
        "decision": decision,
        "confidence": linking.get("confidence"),
        "recommendation": linking.get("recommendation"),
        "candidates": [_candidate(c, infos) for c in linking.get("candidates") or []],
        "evidence": linking.get("evidence") or [],
        "notes": linking.get("notes") or [],
    }
    seen: Counter[int] = Counter(m["film_id"] for m in mentions)
    linked_id = (out["film"] or {}).get("id")
    out["mentioned_films"] = [{**{k: infos[fid][k] for k in ("id", "title", "year")}, "mentions": n}
                              for fid, n in seen.most_common() if fid in infos and fid != linked_id]
    out["reader_comments"] = [{"author": c.author, "posted_at": c.posted_at, "text": c.text, "verdict": c.verdict}
                              for c in comment_rows]
    return out


def _candidate(c: dict[str, Any], infos: dict[int, dict[str, Any]]) -> dict[str, Any]:
    info = infos.get(c.get("film_id"), {})
    conf = c.get("confidence")
    return {
        "film_id": c.get("film_id"),
        "title": c.get("title") or info.get("title"),
        "year": c.get("year") if c.get("year") is not None else info.get("year"),
        "directors": c.get("directors") or info.get("directors") or [],
        "confidence": conf,
        "confidence_pct": round(100 * conf) if isinstance(conf, int | float) else None,
        "fired": c.get("fired") or "",
        "penalties": c.get("penalties") or {},
    }


# --- decide -------------------------------------------------------------------------


def decide_data(lib: Library, *, done: str | None = None) -> dict[str, Any]:
    """Reviews whose film is ambiguous, each with its candidates side by side."""
    from ..spoilers import spoiler_safe_text

    where = and_(_live(), Review.link_status == "ambiguous")
    with lib.store.session() as s:
        total = s.scalar(select(func.count()).select_from(Review).where(where)) or 0
        reviews = list(s.scalars(select(Review).where(where).order_by(Review.created_at, Review.id)
                                 .limit(DECIDE_LIMIT)))
        ids = [r.id for r in reviews]
        analyses: dict[tuple[str, str], Any] = {
            (a.review_id, a.stage): a.data
            for a in s.scalars(select(Analysis).where(Analysis.review_id.in_(ids),
                                                      Analysis.stage.in_(("linking", "spoilers"))))
        } if ids else {}
        cand_ids = sorted({c["film_id"] for (_, stage), data in analyses.items() if stage == "linking"
                           for c in (data or {}).get("candidates") or [] if c.get("film_id") is not None})
        infos = film_infos(s, cand_ids)
        last = None
        if done:
            r = s.get(Review, done)
            if r is not None:
                film = infos.get(r.film_id) or (film_infos(s, [r.film_id]).get(r.film_id) if r.film_id else None)
                last = {"review_id": r.id, "headline": r.headline, "link_status": r.link_status,
                        "film": {k: film[k] for k in ("id", "title", "year")} if film else None}
    queue = []
    for r in reviews:
        linking = analyses.get((r.id, "linking")) or {}
        safe = spoiler_safe_text(r.text, analyses.get((r.id, "spoilers")))
        excerpt = safe[:EXCERPT_CHARS].rstrip() + ("…" if len(safe) > EXCERPT_CHARS else "")
        queue.append({
            "review": {"id": r.id, "headline": r.headline, "critic": r.critic, "outlet": r.outlet,
                       "published": r.published, "url": r.url, "link_url": safe_url(r.url), "source": r.source,
                       "excerpt": excerpt},
            "candidates": [_candidate(c, infos) for c in linking.get("candidates") or []
                           if c.get("film_id") is not None],
            "evidence": (linking.get("evidence") or [])[:8],
            "notes": linking.get("notes") or [],
        })
    return {"count": total, "shown": len(queue), "queue": queue, "done": last,
            "api_key_required": bool(lib.settings.api.api_key)}


# --- ingest -------------------------------------------------------------------------


def _review_brief(lib: Library, review_ids: list[str]) -> dict[str, dict[str, Any]]:
    if not review_ids:
        return {}
    with lib.store.session() as s:
        reviews = list(s.scalars(select(Review).where(Review.id.in_(review_ids))))
        infos = film_infos(s, sorted({r.film_id for r in reviews if r.film_id is not None}))
    return {r.id: {"id": r.id, "headline": r.headline, "critic": r.critic, "outlet": r.outlet,
                   "rating_text": r.rating_text, "rating_score": r.rating_score, "verdict": r.verdict,
                   "spoiler": r.spoiler, "link_status": r.link_status,
                   "film": {k: infos[r.film_id][k] for k in ("id", "title", "year")} if r.film_id in infos else None}
            for r in reviews}


def _journal_rows(lib: Library, rows: list[dict[str, Any]], errors: dict[str, list[str]] | None = None
                  ) -> list[dict[str, Any]]:
    briefs = _review_brief(lib, sorted({r["review_id"] for r in rows if r.get("review_id")}))
    out = []
    for r in rows:
        review = briefs.get(r.get("review_id") or "")
        if review is not None and errors is not None:
            review = {**review, "errors": errors.get(review["id"], [])}
        out.append({**r, "review": review})
    return out


def ingest_result_data(lib: Library, result: AnalyzeResult) -> dict[str, Any]:
    """The journal of one upload, each row with the review it produced (if any)."""
    errors = {d.review_id: list(d.errors) for d in result.docs}
    rows = _journal_rows(lib, [r.as_dict() for r in result.report.rows], errors)
    counts = Counter(r["status"] for r in rows)
    return {"run_id": result.report.run_id, "journal": rows, "counts": dict(counts), "failed": counts["failed"],
            "reviews": [r["review"]["id"] for r in rows if r["review"] is not None]}


def ingest_page_data(lib: Library, *, run_id: str | None = None) -> dict[str, Any]:
    """The upload form's limits, the journal of one past run (``run_id``) or the recent runs."""
    api = lib.settings.api
    out: dict[str, Any] = {"api_key_required": bool(api.api_key),
                           "limits": {"max_files": api.max_upload_files, "max_bytes": api.max_upload_bytes},
                           "run": None, "recent_runs": [], "result": None}
    if run_id:
        entries = lib.store.journal(run_id=run_id)
        rows = [{"origin": e.origin, "item": e.item, "status": e.status, "reason": e.reason,
                 "review_id": e.review_id, "raw_sha256": e.raw_sha256} for e in entries]
        journal = _journal_rows(lib, rows)
        counts = Counter(r["status"] for r in journal)
        out["run"] = {"run_id": run_id, "journal": journal, "counts": dict(counts), "failed": counts["failed"],
                      "reviews": [r["review"]["id"] for r in journal if r["review"] is not None]}
        return out
    with lib.store.session() as s:
        started = func.min(JournalEntry.created_at).label("started")
        failed = func.sum(case((JournalEntry.status == "failed", 1), else_=0)).label("failed")
        runs = s.execute(select(JournalEntry.run_id, started, func.count(), failed)
                         .group_by(JournalEntry.run_id).order_by(started.desc()).limit(10)).all()
    out["recent_runs"] = [{"run_id": rid, "started": at.isoformat(timespec="seconds") if at else None,
                           "inputs": n, "failed": int(f or 0)} for rid, at, n, f in runs]
    return out
