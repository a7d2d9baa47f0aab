"""The Python API.  ``criticscope.open()`` returns a :class:`Library`; the CLI, the
REST API and the web UI are thin layers over its methods."""

from __future__ import annotations

import logging
import uuid
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import select

from .config import Settings, load_settings
from .ingest import Ingester, IngestReport, retry_failed
from .models import Credit, Film, JournalEntry, Person, ReaderComment, Review
from .pipeline import Pipeline, ReviewDoc
from .stages import build_pipeline
from .store import Store

log = logging.getLogger(__name__)


@dataclass
class AnalyzeResult:
    report: IngestReport
    docs: list[ReviewDoc] = field(default_factory=list)

    @property
    def failed(self):
        return self.report.failed


class Library:
    def __init__(self, settings: Settings, store: Store):
        self.settings = settings
        self.store = store
        self._pipeline: Pipeline | None = None
        self._catalog_checked = False

    # --- lifecycle -------------------------------------------------------------

    def close(self) -> None:
        self.store.close()

    def __enter__(self) -> Library:
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    def ensure_catalog(self) -> None:
        """Build the default catalog (bundled films plus the Wikidata sample) on first use."""
        if self._catalog_checked:
            return
        from .catalog import ensure_default_catalog

        ensure_default_catalog(self.store, self.settings)
        self._catalog_checked = True

    @property
    def pipeline(self) -> Pipeline:
        if self._pipeline is None:
            if "linking" in self.settings.pipeline.stages:
                self.ensure_catalog()
            self._pipeline = build_pipeline(self.settings, store=self.store)
        return self._pipeline

    # --- ingest and analysis ---------------------------------------------------

    def ingest(self, paths: Iterable[str], *, stdin: bytes | None = None,
               progress: Callable[[], None] | None = None) -> IngestReport:
        """Read, clean and store review pages; never raises for bad input (see ``report.failed``)."""
        return Ingester(self.store, self.settings).run(list(paths), stdin=stdin, progress=progress)

    def ingest_bytes(self, items: Sequence[tuple[str, bytes]]) -> IngestReport:
        """Ingest in-memory inputs (uploads): each is ``(origin name, raw bytes)``."""
        from .ingest import RawItem

        ingester = Ingester(self.store, self.settings)
        report = IngestReport(run_id=uuid.uuid4().hex[:12])
        limit = self.settings.ingest.max_input_bytes
        for origin, data in items:
            raw = RawItem(origin=origin, data=data) if len(data) <= limit else \
                RawItem(origin=origin, error=f"too large ({len(data)} bytes > {limit})")
            report.rows.extend(ingester.ingest_item(raw, report.run_id))
        return report

    def analyze_bytes(self, items: Sequence[tuple[str, bytes]]) -> AnalyzeResult:
        report = self.ingest_bytes(items)
        return AnalyzeResult(report=report, docs=self.run_stages(report.review_ids))

    def retry_failed(self) -> IngestReport:
        return retry_failed(self.store, self.settings)

    def analyze(self, paths: Iterable[str], *, stdin: bytes | None = None,
                progress: Callable[[], None] | None = None) -> AnalyzeResult:
        """Ingest, then run every pipeline stage on the reviews the inputs hold
        (including ones stored before: re-running is idempotent)."""
        report = self.ingest(paths, stdin=stdin, progress=progress)
        docs = self.run_stages(report.review_ids)
        return AnalyzeResult(report=report, docs=docs)

    def run_stages(self, review_ids: Sequence[str], stages: Sequence[str] | None = None) -> list[ReviewDoc]:
        pipeline = self.pipeline
        only = list(stages) if stages else None
        if only:
            unknown = [s for s in only if s not in pipeline.names]
            if unknown:
                raise KeyError(f"unknown stage(s) {', '.join(unknown)}; pipeline has {', '.join(pipeline.names)}")
        docs = []
        for rid in review_ids:
            doc = self.store.load_doc(rid)
            doc = pipeline(doc, only=only)
            self.store.save_doc(doc, stages=only)
            docs.append(doc)
        self._after_analysis(docs)
        return docs

    def reprocess(self, stages: Sequence[str] | None = None, review_ids: Sequence[str] | None = None
                  ) -> list[ReviewDoc]:
        """Re-run some stages (default: all) on stored reviews (default: all)."""
        ids = list(review_ids) if review_ids else self.store.review_ids()
        return self.run_stages(ids, stages)

    def _after_analysis(self, docs: list[ReviewDoc]) -> None:
        """Keep derived indexes (search) in step with stored analyses."""
        try:
            from .search import index_reviews
        except ImportError:
            return
        index_reviews(self.store, [d.review_id for d in docs], settings=self.settings)

    # --- reading ---------------------------------------------------------------

    def reviews(self, **filters: Any) -> list[Review]:
        return self.store.list_reviews(**filters)

    def review(self, review_id: str) -> Review:
        review = self.store.get_review(review_id)
        if review is None:
            raise KeyError(f"no review {review_id!r}")
        return review

    def doc(self, review_id: str) -> ReviewDoc:
        return self.store.load_doc(self.review(review_id).id)

    def comments(self, review_id: str) -> list[ReaderComment]:
        return self.store.comments(self.review(review_id).id)

    def journal(self, *, failed_only: bool = False, run_id: str | None = None) -> list[JournalEntry]:
        return self.store.journal(failed_only=failed_only, run_id=run_id)

    # --- films, aggregates and search -----------------------------------------

    def film(self, film_id: int, *, reviews: bool = True) -> dict[str, Any]:
        """One film with its credits, its critics' aggregates and (unless ``reviews=False``) its reviews."""
        from .aggregate import film_aggregates

        with self.store.session() as s:
            film = s.get(Film, film_id)
            if film is None:
                raise KeyError(f"no film {film_id}")
            credits = s.execute(select(Person.name, Credit.role).join(Credit, Credit.person_id == Person.id)
                                .where(Credit.film_id == film_id).order_by(Credit.role, Credit.ord)).all()
            same_title = [{"id": f.id, "title": f.title, "year": f.year}
                          for f in s.scalars(select(Film).where(Film.norm_title == film.norm_title,
                                                                Film.id != film.id,
                                                                Film.merged_into.is_(None))
                                             .order_by(Film.year))]
            info = {"id": film.id, "title": film.title, "original_title": film.original_title, "year": film.year,
                    "kind": film.kind, "countries": film.countries, "languages": film.languages,
                    "genres": film.genres, "platform": film.platform, "imdb_id": film.imdb_id,
                    "provisional": film.provisional, "source": film.source,
                    "directors": [n for n, role in credits if role == "director"],
                    "cast": [n for n, role in credits if role == "actor"][:8],
                    "same_title": same_title}
        info["aggregates"] = film_aggregates(self.store, film_id, self.settings.aggregates)
        if not reviews:
            return info
        info["reviews"] = [
            {"id": r.id, "critic": r.critic, "outlet": r.outlet, "published": r.published, "headline": r.headline,
             "rating_text": r.rating_text, "rating_score": r.rating_score, "verdict": r.verdict,
             "verdict_source": r.verdict_source, "estimated_score": r.estimated_score, "pull_quote": r.pull_quote,
             "spoiler": r.spoiler, "link_status": r.link_status, "link_confidence": r.link_confidence}
            for r in self.store.list_reviews(film_id=film_id)]
        return info

    def find_films(self, title: str, *, year: int | None = None, limit: int = 10) -> list[dict[str, Any]]:
        """Films whose title matches, each with its aggregates (most-reviewed first)."""
        from .search import search_films

        found = [self.film(f["id"]) for f in search_films(self.store, title, year=year, limit=limit)]
        return sorted(found, key=lambda f: (-f["aggregates"]["critics"]["count"], -(f["year"] or 0)))

    def search(self, query: str, filters: Any = None, *, semantic: bool = False, limit: int = 20,
               offset: int = 0) -> list[Any]:
        from .search import search_reviews, semantic_search

        if semantic:
            return semantic_search(self.store, query, filters, limit=limit, offset=offset)
        return search_reviews(self.store, query, filters, limit=limit, offset=offset)

    # --- a person's link decisions --------------------------------------------

    def link_set(self, review_id: str, film_id: int | None, *, decided_by: str | None = None) -> None:
        self.store.set_link_decision(self.review(review_id).id, film_id, decided_by=decided_by)

    def link_clear(self, review_id: str) -> bool:
        return self.store.clear_link_decision(self.review(review_id).id)


def open(db_url: str | None = None, *, settings: Settings | None = None, migrate: bool = True) -> Library:  # noqa: A001
    """Open the criticscope library at ``db_url`` (default: settings, ``CRITICSCOPE_DB``,
    then the per-user SQLite file)."""
    settings = settings or load_settings()
    if db_url:
        settings = settings.model_copy(update={"store": settings.store.model_copy(update={"url": db_url})})
    return Library(settings, Store.open(settings.db_url, migrate=migrate))
