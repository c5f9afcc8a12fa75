"""Event commands: timeline, event, export, eval (registered on ``sukien.cli.app``)."""
from __future__ import annotations

import json
import sys
import tempfile
from pathlib import Path
from typing import Optional

import typer

from . import store_events as se
from .cli import DbOption, app, open_store

MAX_MENTIONS = 50
TYPES = "phone_call, meeting, visit, negotiation, agreement, ceasefire, prisoner_exchange, proposal, statement, other"


def _filters(actor, type_, status, date_from, date_to, q=None) -> dict:
    f = {"actor": actor, "type": type_, "status": status, "date_from": date_from, "date_to": date_to, "q": q}
    if actor:                         # the dictionary resolves ids and aliases ("Putin", "Nga")
        from .config import Resources
        f["actors"] = Resources().actors
    return f


@app.command(epilog="Example: sukien timeline --actor 'Vladimir Putin' --type phone_call --from 2025-03 --db demo.db")
def timeline(
    db: Optional[str] = DbOption,
    actor: Optional[str] = typer.Option(
        None, "--actor", help="Actor: canonical name, the name in any case / without accents, or a dictionary id"
        " (vladimir_putin); a country also matches events with a participant of that country. No substring"
        " matching (the rule of docs/API.md, same as /api/events?actor=)."),
    type_: Optional[str] = typer.Option(None, "--type", help=f"Event type(s), comma-separated: {TYPES}."),
    status: Optional[str] = typer.Option(None, "--status", help="occurred | planned | hypothetical | denied."),
    date_from: Optional[str] = typer.Option(None, "--from", help="From date: YYYY, YYYY-MM or YYYY-MM-DD."),
    date_to: Optional[str] = typer.Option(None, "--to", help="To date (inclusive): YYYY, YYYY-MM or YYYY-MM-DD."),
    q: Optional[str] = typer.Option(None, "--q", help="Full-text filter: every word, accent-insensitive"
                                   " (the search index, as /api/events?q=)."),
    limit: int = typer.Option(200, "--limit", help="At most this many events."),
    json_out: bool = typer.Option(False, "--json", help="Print the records as JSON Lines instead of a table."),
) -> None:
    """The timeline of canonical events: date, type, participants, a one-line Vietnamese summary,
    the number of sources, and ⚠ where sources disagree."""
    from rich.console import Console
    from rich.table import Table
    with open_store(db, read_only=True) as store:
        f = _filters(actor, type_, status, date_from, date_to, q)
        events = se.list_events(store, limit=limit, **f)
        total = se.count_events(store, **f)
    if json_out:
        for ev in events:
            typer.echo(json.dumps(ev, ensure_ascii=False))
        return
    table = Table(title=f"sukien timeline — {len(events)} of {total} events", show_lines=False)
    for col, kw in (("date", {"no_wrap": True}), ("type", {}), ("participants", {}), ("summary", {}),
                    ("sources", {"justify": "right"}), ("", {}), ("id", {"no_wrap": True})):
        table.add_column(col, **kw)
    for ev in events:
        status_mark = "" if ev.get("status") == "occurred" else f" ({ev.get('status')})"
        warn = "⚠" * bool(ev.get("conflicts")) + ("!" if ev.get("flags") else "")
        table.add_row(ev.get("date") or "?", (ev.get("type") or "") + status_mark,
                      ", ".join(ev.get("participants") or []), ev.get("summary") or "",
                      str(ev.get("n_sources") or 0), warn, ev["id"])
    # Off a terminal (pipes, CI logs, `make demo` under a non-TTY) Rich falls back to 80 columns,
    # which wraps every cell; use a readable width there, the real one on a terminal.
    Console(width=None if sys.stdout.isatty() else 200).print(table)


@app.command(epilog="Example: sukien event ev-1a2b3c4d5e6f --db demo.db")
def event(
    event_id: str = typer.Argument(..., help="Canonical event id (old ids resolve through aliases)."),
    db: Optional[str] = DbOption,
    json_out: bool = typer.Option(False, "--json", help="Print the full record as JSON."),
) -> None:
    """One event: every attribute with its evidence sentence, document and source; conflicts; flags."""
    from rich.console import Console
    from rich.markup import escape
    with open_store(db, read_only=True) as store:
        ev = se.get_event(store, event_id)
    if ev is None:
        typer.echo(f"error: no event {event_id}", err=True)
        raise typer.Exit(1)
    if json_out:
        typer.echo(json.dumps(ev, ensure_ascii=False, indent=2))
        return
    con = Console()
    con.print(f"[bold]{escape(ev['id'])}[/bold]  {escape(ev.get('summary') or '')}")
    for fld in ("type", "cameo", "plover", "status", "date", "date_confidence", "participants", "initiator",
                "duration_minutes", "location", "topics", "quantities", "ordinal", "n_sources"):
        val = ev.get(fld)
        if val in (None, [], {}, ""):
            continue
        con.print(f"  [cyan]{fld}[/cyan]: {escape(json.dumps(val, ensure_ascii=False) if not isinstance(val, str) else val)}")
        for e in (ev.get("evidence") or {}).get(fld, [])[:5]:
            src = f" — {e['source']}" if e.get("source") else ""
            con.print(f"      ↳ {escape(e.get('doc') or '')} [{e.get('start')}:{e.get('end')}]{escape(src)}: "
                      f"“{escape((e.get('sentence') or '').strip())}”")
    prov = ev.get("provenance") or {}
    if prov:
        con.print(f"  [cyan]provenance[/cyan]: {escape(json.dumps(prov, ensure_ascii=False))}")
    if ev.get("conflicts"):
        con.print("  [yellow]⚠ conflicts[/yellow]:")
        for c in ev["conflicts"]:
            vals = "; ".join(f"{json.dumps(v['value'], ensure_ascii=False)} ({', '.join(v['docs'])})" for v in c["values"])
            con.print(f"      {escape(c['field'])}: {escape(vals)}")
    for fl in ev.get("flags") or []:
        con.print(f"  [red]flag[/red] {escape(fl.get('flag', ''))}: {escape(fl.get('message', ''))}")
    con.print(f"  [cyan]mentions[/cyan] ({len(ev.get('mentions') or [])}):")
    mentions = ev.get("mentions") or []
    for m in mentions[:MAX_MENTIONS]:
        src = f" — {m['source']}" if m.get("source") else ""
        con.print(f"      {escape(m['doc'])} [{m['start']}:{m['end']}]{escape(src)}: “{escape((m.get('sentence') or '').strip())}”")
    if len(mentions) > MAX_MENTIONS:
        con.print(f"      … and {len(mentions) - MAX_MENTIONS} more (sukien event {escape(ev['id'])} --json)")


@app.command(epilog="Example: sukien export --format jsonl -o events.jsonl --db demo.db  |  "
                    "sukien export --format csv > events.csv")
def export(
    db: Optional[str] = DbOption,
    fmt: str = typer.Option("jsonl", "--format", "-f", help="jsonl (../shared/spec/EXPORT.md) or csv (flat, CAMEO + PLOVER)."),
    output: Optional[Path] = typer.Option(None, "--output", "-o", help="Output file (default: stdout)."),
    actor: Optional[str] = typer.Option(None, "--actor", help="Only events passing the actor filter (as timeline --actor)."),
    type_: Optional[str] = typer.Option(None, "--type", help="Only these event type(s)."),
    status: Optional[str] = typer.Option(None, "--status", help="Only this status."),
    date_from: Optional[str] = typer.Option(None, "--from", help="From date."),
    date_to: Optional[str] = typer.Option(None, "--to", help="To date (inclusive)."),
) -> None:
    """Export the canonical events, one per line (JSONL) or row (CSV)."""
    from .export import export_csv, export_jsonl
    if fmt not in ("jsonl", "csv"):
        typer.echo(f"error: unknown format {fmt!r} (jsonl or csv)", err=True)
        raise typer.Exit(2)
    writer = export_jsonl if fmt == "jsonl" else export_csv
    with open_store(db, read_only=True) as store:
        f = _filters(actor, type_, status, date_from, date_to)
        if output is None:
            writer(store, sys.stdout, **f)
            return
        with open(output, "w", encoding="utf-8", newline="") as fh:
            n = writer(store, fh, **f)
    typer.echo(f"{n} events → {output}", err=True)


@app.command("eval", epilog="Example: sukien eval ../shared/eval/seeds-gold.jsonl --db seeds.db --json")
def eval_(
    gold: Path = typer.Argument(..., exists=True, dir_okay=False, help="Gold file (JSONL, one line per document)."),
    db: Optional[str] = DbOption,
    system: Optional[Path] = typer.Option(None, "--system", help="Score this export instead of the database."),
    json_out: bool = typer.Option(False, "--json", help="Print the scores as JSON."),
) -> None:
    """Export the store and score it against a gold file (../shared/eval/README.md scoring)."""
    from .evaluate import score
    from .export import export_jsonl
    if system is None:
        with open_store(db, read_only=True) as store, tempfile.NamedTemporaryFile(
                "w", suffix=".jsonl", encoding="utf-8", delete=False) as fh:
            export_jsonl(store, fh)
            system = Path(fh.name)
        try:
            result = score(gold, system)
        finally:
            system.unlink(missing_ok=True)
    else:
        result = score(gold, system)
    if json_out:
        typer.echo(json.dumps(result, ensure_ascii=False))
        return
    for k, v in result.items():
        if isinstance(v, list):
            typer.echo(f"{k}:")
            for x in v:
                typer.echo(f"    {x}")
        elif isinstance(v, dict):
            typer.echo(f"{k}: " + ", ".join(f"{a}={b}" for a, b in v.items()))
        else:
            typer.echo(f"{k}: {v}")
