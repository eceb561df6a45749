"""CLI: ``flashpoint cluster-extract`` (Parquet partitions on a Dask cluster, optionally loaded
into the store). ``flashpoint extract --scheduler tcp://HOST:PORT`` streams events instead."""
from __future__ import annotations

import sys

import click


def register(cli: click.Group) -> None:
    from ..cli import actors_option, validate_date

    @cli.command("cluster-extract")
    @click.argument("paths", nargs=-1, required=True)
    @click.option("--scheduler", required=True, help="Dask scheduler address, tcp://HOST:PORT.")
    @click.option("--output", "-o", "out_dir", required=True, type=click.Path(file_okay=False),
                  help="Folder for the Parquet partitions (shared by the workers and this machine).")
    @click.option("--partition-size", type=click.IntRange(1), default=256, show_default=True,
                  help="Articles per partition (one Parquet file each).")
    @click.option("--retries", type=click.IntRange(0), default=3, show_default=True,
                  help="Times Dask retries a failed partition.")
    @click.option("--db", default=None, metavar="FILE", help="Also load the partitions into this store.")
    @click.option("--published", callback=validate_date, help="Publication date YYYY-MM-DD for every input.")
    @actors_option
    def cluster_extract(paths, scheduler, out_dir, partition_size, retries, db, published, actor_files):
        """Code PATHS on a Dask cluster into Parquet partitions (OUT/part-NNNNNN.parquet).

        Partitions already in OUT are skipped: run the same command again after a failure and
        only the missing ones are coded, without duplicates."""
        from ..config import Settings
        from ..ingest import InputFailure, read_inputs
        from .cluster import extract_partitions, store_partitions

        settings = Settings().with_(actor_files=tuple(actor_files) or None)
        failures = 0

        def articles():
            nonlocal failures
            for item in read_inputs(paths, settings, published=published):
                if isinstance(item, InputFailure):
                    failures += 1
                    click.echo(f"flashpoint: {item}", err=True)
                else:
                    yield item

        try:
            report = extract_partitions(articles(), settings, scheduler, out_dir, partition_size=partition_size,
                                        retries=retries)
        except RuntimeError as err:
            click.echo(f"flashpoint: {err}", err=True)
            sys.exit(2)
        click.echo(f"{report['partitions']} partition(s) of {report['articles']} article(s) in {out_dir}: "
                   f"{report['written']} written, {report['skipped']} already there.", err=True)
        if db:
            loaded = store_partitions(out_dir, db)
            click.echo(f"Stored {loaded['stored']} new article(s) with {loaded['events']} event(s); "
                       f"{loaded['skipped']} already in the store; {loaded['failures']} failed.", err=True)
        if failures:
            sys.exit(1)
