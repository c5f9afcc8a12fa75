"""Python API facade: the objects the CLI and the web server show.

    from sukien.api import Sukien
    sk = Sukien(db="demo.db")
    sk.ingest(["examples/corpus"])
    for ev in sk.events(actor="Vladimir Putin", type="phone_call"):
        print(ev["date"], ev["summary"])
"""
from __future__ import annotations

from pathlib import Path
from typing import IO, Any, Iterable

from . import store_events as se
from .config import Config, Resources
from .store import Store


class Sukien:
    """One database, one ``Resources``. Use as a context manager or call ``close()``."""

    def __init__(self, db: str | Path | None = None, config: Config | None = None, *, read_only: bool = False):
        if config is None:
            config = Config() if db is None else Config(db=str(db))
        elif db is not None and str(db) != config.db:
            from dataclasses import replace
            config = replace(config, db=str(db))
        self.config = config
        self.res = Resources(config)
        self.store = Store(config.db, read_only=read_only)

    # ------------------------------------------------------------ write
    def ingest(self, paths: Iterable[str | Path], *, progress: str = "none"):
        """Ingest files/folders/URLs and run the pipeline; returns the ingest report."""
        from .ingest import ingest_paths
        return ingest_paths([str(p) for p in paths], self.store, self.res, progress=progress)

    def process(self, doc_ids: Iterable[str] | None = None) -> dict[str, Any]:
        """(Re)run analyze → extract → resolve over stored documents (all when None)."""
        from .pipeline import process
        ids = list(doc_ids) if doc_ids is not None else self.store.document_ids()
        return process(self.store, self.res, ids, progress="none")

    # ------------------------------------------------------------ events
    def events(self, *, actor: str | None = None, type: str | None = None, status: str | None = None,
               date_from: str | None = None, date_to: str | None = None, q: str | None = None,
               limit: int | None = 100, offset: int = 0) -> list[dict]:
        """Canonical events by date. ``actor``: the actor rule of docs/API.md (name in any case or
        without accents, dictionary id, or a country = its nationals' events too; no substring);
        ``q``: accent-insensitive full text (every word), as ``/api/events``."""
        return se.list_events(self.store, actor=actor, type=type, status=status, date_from=date_from,
                              date_to=date_to, q=q, limit=limit, offset=offset,
                              actors=self.res.actors if actor else None)

    def count_events(self, **filters) -> int:
        if filters.get("actor"):
            filters.setdefault("actors", self.res.actors)
        return se.count_events(self.store, **filters)

    def event(self, event_id: str) -> dict | None:
        return se.get_event(self.store, event_id)

    def events_for_document(self, doc_id: str) -> list[dict]:
        return se.events_for_document(self.store, doc_id)

    # ------------------------------------------------------------ documents
    def documents(self, *, limit: int | None = None, offset: int = 0) -> list[dict]:
        return self.store.list_documents(limit=limit, offset=offset)

    def document(self, doc_id: str) -> dict | None:
        """The document row (metadata, stage, anchor) with its text and the events it reports."""
        row = self.store.document_row(doc_id)
        if row is None:
            return None
        doc = self.store.get_document(doc_id)
        row["text"] = doc.text if doc else None
        row["events"] = [e["id"] for e in se.events_for_document(self.store, doc_id)]
        return row

    # ------------------------------------------------------------ actors and search (sukien.web.views, sukien.search)
    def actors(self) -> list[dict]:
        """Actors that take part in events: id, name, kind, country, n_events, first, last."""
        from .web.views import Repo
        return Repo(self.store, self.res).actors()

    def actor(self, actor_id: str) -> dict | None:
        """One actor (dictionary id, canonical name or accent-less name) with its events by date."""
        from .web.views import Repo
        return Repo(self.store, self.res).actor(actor_id)

    def search(self, q: str, *, limit: int = 20, offset: int = 0) -> dict[str, Any]:
        """Accent-insensitive full-text search (BM25) over events and documents, with snippets.

        Refreshes the search index first (incremental; in memory for a read-only store)."""
        from .search import SearchIndex
        from .web.views import Repo, run_search
        index = SearchIndex.for_store(self.store)
        index.refresh()
        return run_search(index, Repo(self.store, self.res), q, limit=limit, offset=offset)

    # ------------------------------------------------------------ export
    def export(self, fmt: str, fh: IO[str], **filters) -> int:
        """Write events as ``jsonl`` (EXPORT.md) or ``csv``; returns the number written."""
        from .export import export_csv, export_jsonl
        if fmt == "jsonl":
            return export_jsonl(self.store, fh, **filters)
        if fmt == "csv":
            return export_csv(self.store, fh, **filters)
        raise ValueError(f"unknown export format {fmt!r} (jsonl or csv)")

    # ------------------------------------------------------------ lifecycle
    def close(self) -> None:
        self.store.close()

    def __enter__(self) -> "Sukien":
        return self

    def __exit__(self, *exc) -> None:
        self.close()
