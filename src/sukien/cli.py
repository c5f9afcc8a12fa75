"""Command-line interface: a thin layer over the library (ingest, store, events, serve).

Each command module registers its commands on ``app``: this file holds the
document commands; ``cli_events`` the event commands (timeline, event, export,
eval); ``cli_serve`` the web server.
"""
from __future__ import annotations

import typer

app = typer.Typer(
    name="sukien",
    help="sukien: Vietnamese news → a verified, deduplicated, source-attributed timeline of diplomatic events.",
    no_args_is_help=True,
    add_completion=False,
    rich_markup_mode="rich",
)


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
