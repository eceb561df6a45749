"""The `flashpoint` command.

Sub-commands live next to what they drive (datasette-style): this module defines the group
and the core commands (extract, evaluate, info); modules listed in COMMAND_MODULES add their
own with ``register(cli)``.
"""
from __future__ import annotations

import importlib
import sys

import click

from . import __version__
from .config import Settings

COMMAND_MODULES = ("flashpoint.actors.commands", "flashpoint.store.commands", "flashpoint.api.commands",
                   "flashpoint.scale.commands")


class UserError(click.ClickException):
    """An error the user can act on: printed as one sentence, no traceback."""

    def format_message(self) -> str:
        return self.message


def fail(message: str) -> None:
    click.echo(f"flashpoint: {message}", err=True)


def validate_date(ctx, param, value):
    if value is None:
        return None
    import datetime as dt
    try:
        return dt.date.fromisoformat(value).isoformat()
    except ValueError:
        raise click.BadParameter(f"{value!r} is not a date in the form YYYY-MM-DD") from None


def progress(iterable, total=None, desc="articles", unit="article"):
    """A progress bar on stderr for long work (hidden when stderr is not a terminal)."""
    from tqdm import tqdm
    return tqdm(iterable, total=total, desc=desc, unit=unit, file=sys.stderr,
                disable=not sys.stderr.isatty(), dynamic_ncols=True)


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="flashpoint")
def cli():
    """flashpoint: political and conflict events from news text (PLOVER/CAMEO, dated, geolocated)."""


actors_option = click.option("--actors", "actor_files", multiple=True, type=click.Path(dir_okay=False),
                             help="Extra actor dictionary (flashpoint JSONL, PETRARCH .actors/.agents); repeatable.")


@cli.command()
@click.argument("paths", nargs=-1, required=True)
@click.option("--published", callback=validate_date, help="Publication date YYYY-MM-DD for every input (overrides).")
@click.option("--format", "fmt", type=click.Choice(["jsonl", "csv", "json", "table"]), default="jsonl",
              show_default=True, help="JSON Lines (the EVENTS.md records), CSV, a JSON array, or a table to read.")
@click.option("--workers", type=int, default=None, help="Worker processes (default: the machine's cores).")
@click.option("--scheduler", default=None, help="Dask scheduler address (tcp://HOST:PORT) to run on a cluster.")
@click.option("--batch-size", type=int, default=None, help="Articles per batch.")
@click.option("--include-flagged/--no-include-flagged", default=True, show_default=True,
              help="Also print negated and hypothetical events (flagged).")
@actors_option
def extract(paths, published, fmt, workers, scheduler, batch_size, include_flagged, actor_files):
    """Code articles into events, printed to stdout (JSON Lines by default).

    PATHS are text, HTML, JSONL, CSV or feed files, folders of them, URLs, or - for stdin.
    """
    from .actors.kb import KnowledgeBaseError
    from .ingest import InputFailure, read_inputs
    from .output import EventWriter

    settings = Settings().with_(actor_files=tuple(actor_files) or None, batch_size=batch_size)
    items = read_inputs(paths, settings, published=published)
    failures = 0
    writer = EventWriter(sys.stdout, fmt)

    def articles():
        nonlocal failures
        for item in items:
            if isinstance(item, InputFailure):
                failures += 1
                fail(str(item))
            else:
                yield item

    try:
        from .scale import run_documents
        for result in progress(run_documents(articles(), settings, workers=workers, scheduler=scheduler)):
            if isinstance(result, InputFailure):
                failures += 1
                fail(str(result))
                continue
            events = result
            if not include_flagged:
                events = [e for e in events if not e["negated"] and not e["hypothetical"]]
            writer.write(events)
    except BrokenPipeError:  # `flashpoint extract ... | head`
        sys.stderr.close()
        return
    except KnowledgeBaseError as err:
        raise UserError(f"flashpoint: {err}") from None
    writer.close()
    if failures:
        fail(f"{failures} input(s) could not be processed (see above); the others were.")
        sys.exit(1)


@cli.command()
@click.argument("gold", type=click.Path(exists=True))
@click.argument("predictions", type=click.Path(exists=True, dir_okay=False))
@click.option("--level", type=click.Choice(["type", "actor", "full"]), default="actor", show_default=True)
@click.option("--min-f1", type=float, default=None, help="Exit 1 when the level's F1 is below this.")
def evaluate(gold, predictions, level, min_f1):
    """Score PREDICTIONS (JSONL events) against GOLD (a gold file or folder), as EVENTS.md says."""
    from .evaluate import evaluate as run, load_gold, report

    try:
        results = run(gold, predictions)
    except (ValueError, KeyError) as err:
        raise UserError(f"flashpoint: cannot score: {err}") from None
    click.echo(report(results, len(load_gold(gold)), level))
    if min_f1 is not None and results[level].f1 < min_f1:
        sys.exit(1)


@cli.command()
@click.option("--db", default=None, help="Event store (default: $FLASHPOINT_DB or ./flashpoint.duckdb).")
@click.option("-o", "--output", type=click.Path(dir_okay=False), required=True, help="SVG file to write.")
@click.option("--by", type=click.Choice(["name", "code"]), default="name", show_default=True)
@click.option("--min-count", type=int, default=1, show_default=True, help="Leave out rarer actor pairs.")
def graph(db, output, by, min_count):
    """Draw the actor network of a store as an SVG picture."""
    from pathlib import Path

    from .graph import to_svg
    from .store import Store

    db = db or Settings().db_path
    if not Path(db).exists():
        raise UserError(f"flashpoint: no store at {db}: run `flashpoint ingest PATH --db {db}` first")
    store = Store(db)
    g = store.graph(by=by, min_count=min_count)
    g.remove_nodes_from([n for n in list(g) if str(n).lower() in ("unknown", "none", "")])  # unnamed attackers
    g.remove_nodes_from([n for n in list(g) if g.degree(n) == 0])
    Path(output).write_text(to_svg(g), encoding="utf-8")
    click.echo(f"{g.number_of_nodes()} actors, {g.number_of_edges()} links → {output}")


@cli.command()
def info():
    """Show the pipeline's stages, the model and the knowledge loaded."""
    import time

    from .pipeline import load

    start = time.perf_counter()
    nlp = load()
    from .actors.kb import knowledge_base
    kb = knowledge_base()
    click.echo(f"flashpoint {__version__}")
    click.echo("stages: " + " → ".join(nlp.stage_names))
    model = nlp.stages[[n for n, _ in nlp.stages].index("nlp")][1].nlp if "nlp" in nlp.stage_names else None
    if model is not None:
        click.echo(f"spaCy model: {model.meta['name']} {model.meta['version']} ({', '.join(model.pipe_names)})")
    kinds: dict[str, int] = {}
    for e in kb.entries.values():
        kinds[e.kind] = kinds.get(e.kind, 0) + 1
    click.echo("knowledge base: " + ", ".join(f"{n} {k}" for k, n in sorted(kinds.items())))
    click.echo(f"loaded in {time.perf_counter() - start:.1f}s")


def main() -> None:
    for name in COMMAND_MODULES:
        try:
            module = importlib.import_module(name)
        except ModuleNotFoundError as err:
            if err.name and name.startswith(err.name):
                continue  # that part is not installed
            raise
        module.register(cli)
    try:
        cli(standalone_mode=True)
    except KeyboardInterrupt:
        fail("interrupted")
        sys.exit(130)


if __name__ == "__main__":
    main()
