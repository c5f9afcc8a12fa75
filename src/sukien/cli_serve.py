"""`sukien serve`: the web UI and JSON API (sukien.server) on uvicorn, bound to localhost by default."""
from __future__ import annotations

from pathlib import Path
from typing import Optional

import typer

from .cli import DbOption, app, db_path


@app.command(epilog="Example: sukien serve --db demo.db --port 8000   (then open http://127.0.0.1:8000/ ; "
                    "API docs at /docs)  ·  sukien serve --db demo.db --read-only")
def serve(db: Optional[str] = DbOption,
          host: str = typer.Option("127.0.0.1", "--host",
                                   help="Interface to bind. The default serves this machine only; "
                                        "use 0.0.0.0 deliberately (and preferably with --read-only)."),
          port: int = typer.Option(8000, "--port", min=1, max=65535, help="TCP port."),
          read_only: bool = typer.Option(False, "--read-only",
                                         help="Open the database read-only and refuse every write (403)."),
          log_level: str = typer.Option("info", "--log-level", help="uvicorn log level: critical|error|warning|info|debug.")
          ) -> None:
    """Serve the timeline, event, document, actor and search pages and the JSON API (/api/...)."""
    import uvicorn

    from .config import Config
    from .server import create_app

    path = db_path(db)
    if read_only and not Path(path).exists():
        typer.echo(f"error: no database at {path} (run `sukien ingest PATH --db {path}` first)", err=True)
        raise typer.Exit(2)
    try:
        application = create_app(path, read_only=read_only, config=Config(db=path))
    except Exception as exc:  # noqa: BLE001 - a clear message instead of a traceback
        typer.echo(f"error: cannot open {path}: {exc}", err=True)
        raise typer.Exit(2) from exc
    mode = "read-only" if read_only else "read-write"
    typer.echo(f"sukien: serving {path} ({mode}) on http://{host}:{port}/  (API docs: /docs)", err=True)
    uvicorn.run(application, host=host, port=port, log_level=log_level, access_log=False)
