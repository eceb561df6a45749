"""CLI: ``flashpoint ingest`` and ``flashpoint export`` (registered into the main click group)."""
from __future__ import annotations

import sys

import click

from .queries import FILTER_HELP


def filter_options(func):
    """Add one option per filter of the shared filter model (``--event-type``, ``--bbox``, ...)."""
    for name in reversed(list(FILTER_HELP)):
        opt = "--" + name.replace("_", "-")
        if name in ("include_negated", "one_per_incident"):
            func = click.option(opt, name, is_flag=True, default=False, help=FILTER_HELP[name])(func)
        else:
            extra = {"start": ["--since"], "end": ["--until"], "event_type": ["--type"]}.get(name, [])
            func = click.option(opt, *extra, name, default=None, metavar="VALUE", help=FILTER_HELP[name])(func)
    return func


def _fail(msg: str, code: int = 2):
    click.echo(f"Error: {msg}", err=True)
    sys.exit(code)


def register(cli: click.Group) -> None:
    @cli.command("ingest")
    @click.argument("inputs", nargs=-1, required=True, metavar="PATH|URL|FEED...")
    @click.option("--db", default=None, metavar="FILE", help="store file (default ./flashpoint.duckdb, or $FLASHPOINT_DB)")
    @click.option("--workers", default=None, type=click.IntRange(1, 64), help="coding processes (default: the machine's cores)")
    @click.option("--scheduler", default=None, metavar="tcp://HOST:PORT", help="code on a Dask cluster")
    @click.option("--progress/--no-progress", default=None, help="progress bar (default: when stderr is a terminal)")
    def ingest_cmd(inputs, db, workers, scheduler, progress):
        """Code articles (files, folders, '-', URLs, RSS/Atom feeds) into the event store.

        Articles already stored are skipped; inputs that cannot be read are recorded in the
        store's failures table and listed at the end."""
        from ..config import Settings
        from .db import StoreError
        from .ingest import ingest
        settings = Settings()
        db = db or settings.db_path
        try:
            report = ingest(list(inputs), db=db, settings=settings, workers=workers, progress=progress,
                            scheduler=scheduler)
        except StoreError as exc:
            _fail(str(exc))
        except KeyboardInterrupt:
            click.echo("Interrupted: every article written so far is stored; run the same command again to finish.",
                       err=True)
            sys.exit(130)
        click.echo(report.summary(), err=True)
        if report.failures and not (report.stored or report.skipped):
            sys.exit(1)

    @cli.command("export")
    @click.option("--format", "-f", "fmt", required=True,
                  type=click.Choice(["plover-jsonl", "csv", "acled-csv", "cameo-tsv", "geojson", "graphml", "parquet"]),
                  help="output format")
    @click.option("--db", default=None, metavar="FILE", help="store file (default ./flashpoint.duckdb, or $FLASHPOINT_DB)")
    @click.option("--output", "-o", "out", default=None, metavar="OUT",
                  help="output file ('-' or none for standard output; a folder for parquet)")
    @filter_options
    def export_cmd(fmt, db, out, **filters):
        """Export events from the store (filters as in the API's /events)."""
        from .. import open as open_store
        from .db import StoreError
        from .exports import ExportError
        from .queries import EventFilter, FilterError
        try:
            flt = EventFilter.parse(filters)
            store = open_store(db)
            n = store.export(fmt, out, **{k: v for k, v in filters.items() if v not in (None, False)})
        except (FilterError, ExportError, StoreError) as exc:
            _fail(str(exc))
        except BrokenPipeError:
            sys.exit(0)
        if out not in (None, "-"):
            click.echo(f"Wrote {n} record(s) to {out}.", err=True)
        del flt
