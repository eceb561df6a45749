"""CLI: ``flashpoint serve`` (registered into the main click group)."""
from __future__ import annotations

import os
import sys

import click


def register(cli: click.Group) -> None:
    @cli.command("serve")
    @click.option("--db", default=None, metavar="FILE", help="store file (default ./flashpoint.duckdb, or $FLASHPOINT_DB)")
    @click.option("--host", default="127.0.0.1", show_default=True,
                  help="address to bind; the default answers only this machine")
    @click.option("--port", default=8000, show_default=True, type=click.IntRange(0, 65535))
    @click.option("--token", default=None, envvar="FLASHPOINT_TOKEN", show_envvar=True,
                  help="enable POST /articles for requests carrying this token (read-only without it)")
    @click.option("--log-level", default="warning", show_default=True,
                  type=click.Choice(["critical", "error", "warning", "info", "debug"]))
    def serve_cmd(db, host, port, token, log_level):
        """Serve the query API (/events, /actors, /graph, /timeline, /articles, /docs) and the dashboard at /."""
        import uvicorn
        from ..config import Settings
        from .app import create_app
        db = db or Settings().db_path
        if not os.path.exists(db):
            click.echo(f"Note: there is no store at {db} yet; the API answers 503 until `flashpoint ingest ... --db {db}` "
                       "creates it.", err=True)
        app = create_app(db, token=token or None)
        mode = "accepting POST /articles with the token" if token else "read-only"
        click.echo(f"flashpoint serving {db} ({mode}) on http://{host}:{port}/  (API docs at /docs)", err=True)
        try:
            uvicorn.run(app, host=host, port=port, log_level=log_level)
        except OSError as exc:
            click.echo(f"Error: cannot listen on {host}:{port}: {exc.strerror or exc}", err=True)
            sys.exit(2)
