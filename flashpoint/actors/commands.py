"""`flashpoint actors ...`: how names resolve (lookup) and every actor mention in a text (find)."""
from __future__ import annotations

import json
import sys
from typing import Iterable, Iterator

import click

from ..config import Settings
from .kb import Entry, KnowledgeBase, KnowledgeBaseError


def _validate_date(ctx, param, value):
    from ..cli import validate_date
    return validate_date(ctx, param, value)


def _actors_option(func):
    return click.option("--actors", "actor_files", multiple=True, type=click.Path(dir_okay=False),
                        help="Extra actor dictionary (flashpoint JSONL, PETRARCH .actors/.agents); repeatable.")(func)


def _user_error(message: str):
    from ..cli import UserError
    return UserError(f"flashpoint: {message}")


def load_kb(actor_files: Iterable[str]) -> KnowledgeBase:
    """The knowledge base with the user's files, or a one-line error naming file:line."""
    from .kb import knowledge_base
    try:
        return knowledge_base(tuple(actor_files))
    except KnowledgeBaseError as err:
        raise _user_error(str(err)) from None


def entry_code(entry: Entry, date: str | None) -> tuple[str | None, str | None, str | None, str]:
    """Country, sector, full code and reason for an entry on a date."""
    country, sector, reason = entry.code_on(date)
    code = entry.full_code_on(date)
    if code is None and (country or sector):
        code = f"{country or '---'}{sector or ''}"
    return country, sector, code, reason


def describe(kb: KnowledgeBase, name: str, date: str | None) -> list[dict]:
    """Every entry ``name`` may refer to, best first, with its code on ``date`` and why."""
    from .kb import normalise
    out = []
    for rank, (entry, how) in enumerate(kb.lookup(name)):
        country, sector, code, reason = entry_code(entry, date)
        roles = [{"title": r.title, "code": r.code or f"{r.country or '---'}{r.sector or ''}",
                  "start": r.start, "end": r.end} for r in entry.roles]
        out.append({"rank": rank + 1, "id": entry.id, "kind": entry.kind, "name": entry.name,
                    "matched_as": how, "date": date, "code": code, "country": country, "sector": sector,
                    "reason": reason, "roles": roles, "origin": entry.origin})
    for entry in kb.agent_index.get(normalise(name), []):
        out.append({"rank": len(out) + 1, "id": entry.id, "kind": "agent", "name": entry.name,
                    "matched_as": "agent noun", "date": date, "code": entry.code, "country": None,
                    "sector": entry.sector, "reason": "agent: combined with the code of the actor it belongs to "
                    "(" + ("after it" if entry.code.startswith("~") else "before it") + ")",
                    "roles": [], "origin": entry.origin})
    return out


def find_actors(paths: Iterable[str], date: str | None = None, published: str | None = None,
                actor_files: Iterable[str] = ()) -> Iterator[dict]:
    """One record per actor mention in the inputs (same inputs as `extract`), in document order."""
    from ..ingest import InputFailure, read_inputs
    from ..pipeline import Pipeline

    settings = Settings(stages=("clean", "nlp", "actors"), actor_files=tuple(actor_files),
                        parse_only_candidates=False)
    load_kb(settings.actor_files)  # a bad user file stops here, with its file:line
    pipeline = Pipeline(settings)

    def articles():
        for item in read_inputs(paths, settings, published=published):
            if isinstance(item, InputFailure):
                yield item
                continue
            if date:
                item.published = date  # the date dated roles are read on
            yield item

    failures = []

    def good():
        for item in articles():
            if isinstance(item, InputFailure):
                failures.append(item)
                click.echo(f"flashpoint: {item}", err=True)
            else:
                yield item

    for doc in pipeline.pipe(good()):
        yield from mentions_of(doc)
    if failures:
        raise _user_error(f"{len(failures)} input(s) could not be read (see above)")


def mentions_of(doc) -> Iterator[dict]:
    """Resolved actor phrases of a processed Document, plus the names inside phrases that did
    not resolve to them ("the KU basketball team": KU), in document order."""
    sdoc = doc.spacy_doc
    sents = list(sdoc.sents)
    sent_of = {}
    for k, sent in enumerate(sents):
        for t in range(sent.start, sent.end):
            sent_of[t] = k
    records = []
    for actor in doc.actors:
        records.append((actor.start, actor.end, actor.text, actor.name, actor.code, actor.country,
                        actor.sector, actor.actor_id, actor.reason))
    for m in doc.user_data.get("mentions", []):
        m_end = m.end  # a name may have taken the full stop after it ("... in Michel Delving.")
        while m_end > m.start + 1 and sdoc[m_end - 1].is_punct:
            m_end -= 1
        covered = [a for a in doc.actors if a.start <= m.start and m_end <= a.end]
        if any(a.actor_id == m.entry.id for a in covered):
            continue  # the phrase resolved to this very entry
        if m.entry.kind == "country" and any(a.country == m.entry.country for a in covered):
            continue  # "the Iraqi army": Iraqi is already the phrase's country
        if any(a.start == m.start and a.end == m_end for a in covered):
            continue
        country, sector, code, reason = entry_code(m.entry, doc.published)
        if m.entry.kind == "country":
            country, sector, code = m.entry.country, None, m.entry.code or m.entry.country
            reason = f"{m.entry.name} (country {m.how})"
        span = sdoc[m.start:m_end]
        records.append((m.start, m_end, span.text, m.entry.name, code, country, sector, m.entry.id,
                        f"{m.how} inside a phrase: {reason}"))
    records.sort(key=lambda r: (r[0], -r[1]))
    for start, end, text, name, code, country, sector, actor_id, reason in records:
        span = sdoc[start:end]
        yield {"article_id": doc.article_id, "sentence_index": sent_of.get(start, 0), "text": text,
               "start": span.start_char, "end": span.end_char, "name": name, "code": code,
               "country": country, "sector": sector, "actor_id": actor_id, "reason": reason}


def register(cli: click.Group) -> None:
    @cli.group()
    def actors():
        """Inspect actor resolution: how names resolve and which actors a text mentions."""

    @actors.command()
    @click.argument("name")
    @click.option("--date", callback=_validate_date, help="Resolve dated offices/codes on this day (YYYY-MM-DD).")
    @click.option("--json", "as_json", is_flag=True, help="One JSON object per candidate instead of text.")
    @_actors_option
    def lookup(name, date, as_json, actor_files):
        """Show every entry NAME may refer to, its code on --date (default: today) and why."""
        import datetime as dt
        kb = load_kb(actor_files)
        day = date or dt.date.today().isoformat()
        found = describe(kb, name, day)
        if not found:
            raise _user_error(f"no actor or agent named {name!r} in the knowledge base")
        for item in found:
            if as_json:
                click.echo(json.dumps(item, ensure_ascii=False))
                continue
            click.echo(f"{item['rank']}. {item['name']}  [{item['id']}]  kind={item['kind']}  "
                       f"matched as {item['matched_as']}")
            click.echo(f"   code on {day}: {item['code'] or '(none)'}  country={item['country'] or '-'}  "
                       f"sector={item['sector'] or '-'}")
            click.echo(f"   why: {item['reason']}")
            for role in item["roles"]:
                click.echo(f"   role: {role['title']} → {role['code']}  {role['start'] or '…'} – {role['end'] or '…'}")
            click.echo(f"   from: {item['origin'] or '(built in)'}")

    @actors.command()
    @click.argument("paths", nargs=-1, required=True)
    @click.option("--date", callback=_validate_date,
                  help="Read dated offices/codes on this day (default: each article's published date).")
    @click.option("--published", callback=_validate_date, help="Publication date YYYY-MM-DD for every input.")
    @_actors_option
    def find(paths, date, published, actor_files):
        """List every actor mention in PATHS (same inputs as `extract`) as JSON Lines."""
        try:
            for record in find_actors(paths, date=date, published=published, actor_files=actor_files):
                click.echo(json.dumps(record, ensure_ascii=False))
        except BrokenPipeError:
            sys.stderr.close()
