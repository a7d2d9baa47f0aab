"""Shaping analysed reviews for people (rich text) and scripts (the stable JSON schema
documented in docs/json-schema.md)."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from rich.console import Group
from rich.markup import escape
from rich.panel import Panel
from rich.text import Text

from .models import Film
from .pipeline import ReviewDoc

if TYPE_CHECKING:
    from .library import AnalyzeResult, Library

SCHEMA_VERSION = "criticscope.analyze/1"


def film_brief(lib: Library, film_id: int | None) -> dict[str, Any] | None:
    if film_id is None:
        return None
    with lib.store.session() as s:
        film = s.get(Film, film_id)
        if film is None:
            return None
        return {"id": film.id, "title": film.title, "year": film.year, "imdb_id": film.imdb_id,
                "provisional": film.provisional}


def _masked_text(doc: ReviewDoc) -> str:
    try:
        from .spoilers import spoiler_safe_text
    except ImportError:
        return doc.text
    return spoiler_safe_text(doc, doc.ext.get("spoilers"))


def review_json(lib: Library, doc: ReviewDoc, *, spoiler_safe: bool = False, full: bool = False,
                status: str | None = None, item: str | None = None) -> dict[str, Any]:
    ext = doc.ext
    linking = ext.get("linking") or {}
    decision = ext.get("link_decision")
    film_id = decision["film_id"] if decision else linking.get("film_id")
    best = (ext.get("ratings") or {}).get("best")
    verdict = ext.get("verdict") or {}
    spoilers = ext.get("spoilers") or {}
    pull = ext.get("pullquote") or {}
    out: dict[str, Any] = {
        "source": doc.source,
        "item": item,
        "status": status,
        "review_id": doc.review_id,
        "url": doc.url,
        "headline": doc.headline,
        "critic": doc.critic,
        "outlet": doc.outlet,
        "published": doc.published,
        "film": film_brief(lib, film_id),
        "link": {
            "status": ("linked" if film_id is not None else "none") if decision else linking.get("status"),
            "source": "user" if decision else ("auto" if linking else None),
            "confidence": 1.0 if decision else linking.get("confidence"),
            "recommendation": linking.get("recommendation"),
        },
        "rating": ({"text": best.get("text"), "score": best.get("score"), "scale": best.get("scale"),
                    "value": best.get("value"), "start": best.get("start"), "end": best.get("end")}
                   if best else None),
        "verdict": verdict.get("verdict"),
        "verdict_source": verdict.get("source"),
        "p_positive": verdict.get("p_positive"),
        "estimated_score": verdict.get("estimated_score"),
        "spoilers": spoilers.get("spoiler"),
        "spoiler_confidence": spoilers.get("confidence"),
        "pull_quote": pull.get("text"),
        "comments": len(doc.comments),
        "errors": list(doc.errors),
    }
    if full:
        out["text"] = _masked_text(doc) if spoiler_safe else doc.text
        out["headings"] = doc.headings
        out["captions"] = doc.captions
        out["aspects"] = (ext.get("aspects") or {}).get("summary") if isinstance(ext.get("aspects"), dict) else None
        out["mentions"] = linking.get("mentions", [])
        out["reader_comments"] = [{"author": c.author, "posted_at": c.posted_at, "text": c.text}
                                  for c in doc.comments]
    return out


def analyze_json(lib: Library, result: AnalyzeResult, *, spoiler_safe: bool = False) -> dict[str, Any]:
    by_id = {d.review_id: d for d in result.docs}
    reviews, emitted = [], set()
    for row in result.report.rows:
        if row.status == "failed" or not row.review_id or row.review_id not in by_id:
            continue
        doc = by_id[row.review_id]
        entry = review_json(lib, doc, spoiler_safe=spoiler_safe, status=row.status, item=row.item)
        entry["source"] = row.origin  # the input this run read it from
        entry["first_seen_source"] = doc.source
        reviews.append(entry)
        emitted.add(row.review_id)
    return {
        "schema": SCHEMA_VERSION,
        "run_id": result.report.run_id,
        "reviews": reviews,
        "failed": [{"source": r.origin, "item": r.item, "reason": r.reason} for r in result.report.failed],
    }


def review_summary(lib: Library, doc: ReviewDoc, *, spoiler_safe: bool = False, full: bool = False):
    data = review_json(lib, doc, spoiler_safe=spoiler_safe, full=full)
    film = data["film"]
    link = data["link"]
    lines = Text()
    if film:
        conf = link.get("confidence")
        lines.append("Film: ", style="bold")
        lines.append(f"{film['title']} ({film['year'] or '?'})")
        lines.append(f"  [{link.get('status')}, {link.get('source')}"
                     + (f", {conf:.0%}" if isinstance(conf, float) else "") + "]\n", style="dim")
    else:
        lines.append("Film: ", style="bold")
        lines.append(f"— ({link.get('status') or 'not linked'})\n", style="yellow")
    if data["critic"] or data["outlet"] or data["published"]:
        lines.append("By: ", style="bold")
        lines.append(" · ".join(x for x in (data["critic"], data["outlet"], data["published"]) if x) + "\n")
    lines.append("Rating: ", style="bold")
    rating = data["rating"]
    lines.append(f"{rating['text']} → {rating['score']:g}/100\n" if rating else "none written\n")
    lines.append("Verdict: ", style="bold")
    verdict = data["verdict"] or "—"
    style = {"positive": "green", "mixed": "yellow", "negative": "red"}.get(verdict, "")
    lines.append(verdict, style=style)
    if data["verdict_source"] == "model" and data["p_positive"] is not None:
        lines.append(f" (predicted, p={data['p_positive']:.2f}, est. {data['estimated_score'] or 0:.0f}/100)",
                     style="dim")
    lines.append("\nSpoilers: ", style="bold")
    lines.append("yes" if data["spoilers"] else "no")
    if data["pull_quote"]:
        lines.append("\nPull quote: ", style="bold")
        lines.append(f"“{data['pull_quote']}”", style="italic")
    if data["comments"]:
        lines.append(f"\nReader comments: {data['comments']} (kept apart from the critic's text)", style="dim")
    parts: list[Any] = [lines]
    if full:
        aspects = data.get("aspects") or {}
        if aspects:
            a = Text("\nAspects:\n", style="bold")
            for name, info in aspects.items():
                a.append(f"  {name}: {info.get('polarity')}\n")
            parts.append(a)
        parts.append(Text("\n" + data["text"]))
        for c in data["reader_comments"]:
            parts.append(Text(f"\n[reader] {c['author'] or 'anonymous'} {c['posted_at'] or ''}: {c['text']}",
                              style="dim"))
    title = escape(data["headline"] or doc.source or doc.review_id)
    return Panel(Group(*parts), title=title[:100], subtitle=f"{doc.review_id[:10]} · {escape(doc.source or '')}"[:100],
                 expand=True)
