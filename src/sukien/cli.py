"""Command-line interface: a thin layer over the library (ingest, store, events, serve).

Each command module registers its commands on ``app``: this file holds the
document commands; ``cli_events`` the event commands (timeline, event, export,
eval); ``cli_serve`` the web server.
"""
from __future__ import annotations

import json
import logging
import sys
from pathlib import Path
from typing import Optional

import typer

from .config import default_db

app = typer.Typer(
    name="sukien",
    help="sukien: Vietnamese news → a verified, deduplicated, source-attributed timeline of diplomatic events.",
    no_args_is_help=True,
    add_completion=False,
    rich_markup_mode="rich",
)


DB_HELP = "SQLite database file (default: $SUKIEN_DB or ./sukien.db)."
DbOption = typer.Option(None, "--db", help=DB_HELP, show_default=False)


def db_path(db: str | None) -> str:
    """The database path a command uses: --db, else $SUKIEN_DB, else ./sukien.db."""
    return db or default_db()


def open_store(db: str | None, *, read_only: bool = False):
    """Open the store for a command; a read-only command on a missing file is a clear error."""
    from .store import Store
    path = db_path(db)
    if read_only and not Path(path).exists():
        typer.echo(f"error: no database at {path} (run `sukien ingest PATH --db {path}` first)", err=True)
        raise typer.Exit(2)
    if read_only:
        # a read-only connection cannot migrate; open read-write once when the schema is behind
        st = Store(path, read_only=True)
        from .store import _migrations
        latest = max(v for v, _, _ in _migrations())
        if st.schema_version < latest:
            st.close()
            Store(path).close()
            st = Store(path, read_only=True)
        return st
    return Store(path)


def _setup_logging(verbose: bool) -> None:
    logging.basicConfig(level=logging.DEBUG if verbose else logging.INFO, stream=sys.stderr,
                        format="%(message)s")


@app.command(epilog="Example: sukien ingest examples/corpus ../shared/corpus/seeds --db demo.db  "
                    "|  cat article.txt | sukien ingest -  |  sukien ingest https://baoquocte.vn/...")
def ingest(
    paths: list[str] = typer.Argument(..., help="Files, folders (recursive: .txt .md .html .htm .jsonl), "
                                                "'-' for stdin, or http(s) URLs."),
    db: Optional[str] = DbOption,
    no_pipeline: bool = typer.Option(False, "--no-pipeline",
                                     help="Only ingest and clean; do not run language → events → resolution."),
    progress: str = typer.Option("auto", "--progress",
                                 help="auto (a bar on a terminal, log lines otherwise) | bar | log | none."),
    json_out: bool = typer.Option(False, "--json", help="Print the report as JSON."),
    verbose: bool = typer.Option(False, "--verbose", "-v", help="Debug logging."),
) -> None:
    """Ingest news articles: decode, clean, version, link near-duplicates, then run the pipeline.

    Re-running is safe: unchanged documents are skipped (content hash), changed ones become a new
    version. Exit status 1 when any input failed (the rest of the batch is still stored).
    """
    from .config import Config, Resources
    from .ingest import ingest_paths
    _setup_logging(verbose)
    path = db_path(db)
    res = Resources(Config(db=path, run_pipeline=not no_pipeline))
    store = open_store(path)
    try:
        report = ingest_paths(paths, store, res, progress=progress)
    finally:
        store.close()
    if json_out:
        typer.echo(json.dumps(report.to_dict(), ensure_ascii=False, indent=2))
    else:
        for err in report.failed:
            typer.echo(f"failed: {err}", err=True)
        typer.echo(report.summary())
    if report.interrupted:
        raise typer.Exit(130)
    if not report.ok:
        raise typer.Exit(1)


@app.command(epilog="Example: sukien status --db demo.db")
def status(db: Optional[str] = DbOption,
           json_out: bool = typer.Option(False, "--json", help="Print the counts as JSON.")) -> None:
    """Counts per stage: documents (by stage), versions, sentences, mentions, events, errors."""
    from rich.console import Console
    from rich.table import Table
    with open_store(db, read_only=True) as store:
        counts = store.status_counts()
        errors = store.errors(limit=5)
    if json_out:
        typer.echo(json.dumps(counts | {"recent_errors": errors}, ensure_ascii=False, indent=2))
        return
    table = Table(title=f"sukien status — {db_path(db)}", show_header=True)
    table.add_column("what")
    table.add_column("count", justify="right")
    table.add_row("documents", str(counts["documents"]))
    for stage, n in counts["documents_by_stage"].items():
        table.add_row(f"  stage {stage}", str(n))
    for key in ("versions", "segments", "removed_spans", "near_duplicate_links", "sentences", "mentions",
                "doc_events", "events", "errors"):
        table.add_row(key.replace("_", " "), str(counts[key]))
    console = Console()
    console.print(table)
    for e in errors:
        where = e["origin"] + (f":{e['line']}" if e["line"] else "")
        console.print(f"[red]error[/red] {e['at']} {where} [{e['stage']}] {e['reason']}", markup=True,
                      highlight=False)


@app.command(epilog="Example: sukien docs --db demo.db --limit 20")
def docs(db: Optional[str] = DbOption,
         limit: Optional[int] = typer.Option(None, "--limit", "-n", help="Show at most N documents."),
         json_out: bool = typer.Option(False, "--json", help="Print the list as JSON.")) -> None:
    """List documents: id, publication date (and where it came from), outlet, title, version, stage."""
    from rich.console import Console
    from rich.markup import escape
    from rich.table import Table
    with open_store(db, read_only=True) as store:
        rows = store.list_documents(limit=limit)
    if json_out:
        typer.echo(json.dumps(rows, ensure_ascii=False, indent=2))
        return
    table = Table(show_header=True, header_style="bold", expand=True)
    console = Console() if sys.stdout.isatty() else Console(width=160)
    table.add_column("id", overflow="fold", max_width=52)
    table.add_column("date (source)", no_wrap=True)
    table.add_column("outlet", overflow="fold", max_width=22)
    table.add_column("title", ratio=1, overflow="ellipsis", no_wrap=True, min_width=20)
    table.add_column("v", justify="right")
    table.add_column("stage", no_wrap=True)
    for r in rows:
        date = "—"
        if r["pub_date"]:
            date = f"{r['pub_date']}\n[dim]{r['pub_date_source']} {r['pub_date_conf']:.2f}[/dim]"
        table.add_row(escape(r["doc_id"]), date, escape(r["outlet"] or "—"), escape(r["title"] or "—"),
                      str(r["version"]), r["stage"])
    console.print(table)


@app.command(epilog="Example: sukien show 001_8c7800fb1b5b7653.txt --db demo.db")
def show(doc: str = typer.Argument(..., help="Document id (file name, JSONL id or URL)."),
         db: Optional[str] = DbOption,
         kept_only: bool = typer.Option(False, "--kept-only", help="Only the kept text, no removed parts."),
         json_out: bool = typer.Option(False, "--json", help="Print the document, segments and removed spans as JSON.")) -> None:
    """Show a document's cleaned text: kept parts with their role, removed parts marked with their reason."""
    from rich.console import Console
    with open_store(db, read_only=True) as store:
        d = store.get_document(doc)
        if d is None:
            typer.echo(f"error: no document {doc!r} in {db_path(db)} (see `sukien docs`)", err=True)
            raise typer.Exit(1)
        links = store.near_duplicates(doc)
        versions = store.versions(doc)
    if json_out:
        typer.echo(json.dumps({
            "doc_id": d.doc_id, "version": d.version, "fmt": d.fmt, "origin": d.origin,
            "title": _mv(d.title), "pub_date": _mv(d.pub_date), "outlet": _mv(d.outlet), "url": _mv(d.url),
            "segments": [{"start": s.start, "end": s.end, "role": s.role, "text": d.text[s.start:s.end]}
                         for s in d.segments],
            "removed": [{"start": r.start, "end": r.end, "reason": r.reason, "text": d.text[r.start:r.end]}
                        for r in d.removed],
            "near_duplicates": links, "versions": [{k: v[k] for k in ("version", "content_hash", "ingested_at")}
                                                   for v in versions]}, ensure_ascii=False, indent=2))
        return
    console = Console(highlight=False)
    for line in render_document(d, links, len(versions), kept_only=kept_only):
        console.print(line)


def _mv(mv):
    return None if mv is None else {"value": mv.value, "source": mv.source, "confidence": mv.confidence}


def render_document(d, links=(), n_versions: int = 1, *, kept_only: bool = False):
    """Rich ``Text`` lines for ``sukien show``: a header, then the text layer in order with kept
    segments labelled by role and removed spans struck through with ``[removed: reason]``."""
    from rich.text import Text
    out = []
    head = Text(f"{d.doc_id}", style="bold")
    head.append(f"  v{d.version}/{n_versions}  {d.fmt}  {d.origin}", style="dim")
    out.append(head)
    for label, mv in (("title", d.title), ("date", d.pub_date), ("outlet", d.outlet), ("url", d.url)):
        if mv is not None and mv.value:
            t = Text(f"{label}: ", style="bold")
            t.append(str(mv.value))
            t.append(f"  ({mv.source}, {mv.confidence:.2f})", style="dim")
            out.append(t)
    for link in links:
        other = link["doc_b"] if link["doc_a"] == d.doc_id else link["doc_a"]
        out.append(Text(f"near-duplicate of {other} ({link['method']}, {link['similarity']:.2f})", style="yellow"))
    out.append(Text(""))
    pieces = [(s.start, s.end, "kept", s.role) for s in d.segments]
    if not kept_only:
        pieces += [(r.start, r.end, "removed", r.reason) for r in d.removed]
    pieces.sort(key=lambda p: (p[0], p[1]))
    gap_label = "[not kept] " if d.segments else "[not cleaned] "
    pos = 0
    for start, end, kind, label in pieces:
        if not kept_only and start > pos and d.text[pos:start].strip():
            t = Text(gap_label, style="magenta")
            t.append(d.text[pos:start].strip(), style="dim")
            out.append(t)
        chunk = d.text[start:end].strip()
        if kind == "kept":
            t = Text(f"[{label}] ", style="bold cyan")
            t.append(chunk)
        else:
            t = Text(chunk, style="dim strike")
            t.append(f" [removed: {label}]", style="red")
        out.append(t)
        pos = max(pos, end)
    if not kept_only and d.text[pos:].strip():
        t = Text(gap_label, style="magenta")
        t.append(d.text[pos:].strip(), style="dim")
        out.append(t)
    return out


def _register_optional_commands() -> None:
    # Imported for their side effect of registering commands on `app`.
    import importlib
    for mod in ("sukien.cli_events", "sukien.cli_serve"):
        try:
            importlib.import_module(mod)
        except ModuleNotFoundError as exc:  # a command module not written yet
            if exc.name != mod:
                raise


def main() -> None:
    _register_optional_commands()
    app()
