"""Reading PETRARCH / TABARI dictionaries: ``.actors`` and ``.agents`` files.

Users of the Phoenix dictionaries already have their actors in these formats, so
``--actors FILE`` accepts them next to flashpoint's own JSON Lines (see ``docs/actors.md``).

Actor files: one entry per block. The block's first line holds the name (words joined by
``_`` or spaces; a trailing ``_`` is dropped) and usually its code in brackets; ``+NAME`` lines
add synonyms; further bracketed lines give date-restricted codes::

    SOME_PERSON  [ABC]            # default code, used outside the dated ones
    +OTHER_NAME
        [ABCGOV 19950601 - 19990815]
        [ABCREB >19990815]
        [ABC <950601]              # six-digit dates are YYMMDD

Agent files: ``NOUN_PHRASE {PLURALS} [~CODE]`` lines. ``~CODE`` goes after the code of the
actor the noun belongs to ("Israeli troops" → ``ISR`` + ``MIL``), ``CODE~`` before it. Without
braces a regular English plural is added; ``{}`` means no plural; ``{A B}`` lists them.
``!NAME! = A, B, C`` defines a substitution used inside phrases (``!MINST!_OF_FINANCE``).

Both: ``#`` starts a comment, ``<!-- ... -->`` blocks are comments. An error names the file
and the line (:class:`~flashpoint.actors.kb.KnowledgeBaseError`).
"""
from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterable, Iterator

from .kb import SECTORS, Entry, KnowledgeBaseError, Role, normalise

_DATE = r"(\d{6}|\d{8})"
_RANGE = re.compile(rf"^{_DATE}\s*-\s*{_DATE}$")
_BEFORE = re.compile(rf"^<\s*{_DATE}$")
_AFTER = re.compile(rf"^>\s*{_DATE}$")
_SUBST = re.compile(r"^(![A-Za-z0-9_]+!)\s*=\s*(.*)$")
_NULL_CODES = {"---", "+++", "###"}


# -- shared line reading -----------------------------------------------------------------

def _clean_lines(path: Path) -> Iterator[tuple[int, str]]:
    """(line number, text) with comments removed; blank lines are kept as ``""``."""
    try:
        text = path.read_text(encoding="utf-8", errors="replace")
    except OSError as err:
        raise KnowledgeBaseError(f"{path}: cannot be read ({err.strerror or err})") from None
    in_block = False
    for number, line in enumerate(text.splitlines(), 1):
        if in_block:
            if "-->" in line:
                in_block = False
                line = line.split("-->", 1)[1]
            else:
                continue
        stripped = line.strip()
        if stripped.startswith("<!"):
            if "-->" not in stripped and not stripped.endswith(">"):
                in_block = True
            continue
        if "#" in line:
            line = line.split("#", 1)[0]
        yield number, line.rstrip()


def _words(raw: str) -> str:
    """``SOME_NAME_`` → ``SOME NAME``."""
    return re.sub(r"\s+", " ", raw.replace("_", " ")).strip()


def _display(raw: str) -> str:
    """A readable name for an upper-case dictionary phrase. Short forms (``IMF``, ``U.N.``) stay
    capitals, so they match only as written; others become title case and match in any case."""
    words = _words(raw)
    bare = re.sub(r"[^A-Za-z]", "", words)
    if words.upper() == words and (len(bare) <= 3 or ("." in words and len(bare) <= 4)):
        return words
    return " ".join(w if any(c.islower() for c in w) else w.title() for w in words.split())


def _date(raw: str, where: str) -> dt.date:
    if len(raw) == 6:  # YYMMDD as in TABARI: 00-29 → 20xx, 30-99 → 19xx
        year = int(raw[:2])
        raw = f"{2000 + year if year < 30 else 1900 + year}{raw[2:]}"
    try:
        return dt.date(int(raw[:4]), int(raw[4:6]), int(raw[6:8]))
    except ValueError:
        raise KnowledgeBaseError(f"{where}: {raw!r} is not a date (YYYYMMDD or YYMMDD)") from None


def split_code(code: str | None) -> tuple[str | None, str | None]:
    """Country and PLOVER sector read from a CAMEO-style code: ``PSEREBHMS`` → PSE, REB."""
    if not code or not re.fullmatch(r"[A-Z]{3}.*", code):
        return None, None
    sector = code[3:6] if code[3:6] in SECTORS else None
    return code[:3], sector


# -- actors ------------------------------------------------------------------------------

@dataclass
class _Code:
    code: str | None
    start: str | None = None
    end: str | None = None
    text: str = ""


@dataclass
class _Block:
    name: str
    where: str
    synonyms: list[str] = field(default_factory=list)
    codes: list[_Code] = field(default_factory=list)


def _parse_code(inner: str, where: str) -> _Code:
    inner = inner.strip()
    m = re.match(r"^([A-Za-z0-9~+\-#/]*)\s*(.*)$", inner)
    code, restriction = m.group(1), m.group(2).strip()
    if not code and re.match(r"^[<>\d]", restriction):
        raise KnowledgeBaseError(f"{where}: the dated code [{inner}] has no code before the date")
    code = code.split("/")[0].upper()
    if code in _NULL_CODES or not code.strip("-+#"):
        code = None
    elif not re.fullmatch(r"[A-Z0-9]{3,}", code):
        raise KnowledgeBaseError(f"{where}: {code!r} is not an actor code (capitals and digits, e.g. ISRGOV)")
    if not restriction:
        return _Code(code, text=inner)
    one_day = dt.timedelta(days=1)
    if m2 := _RANGE.match(restriction):
        start, end = _date(m2.group(1), where), _date(m2.group(2), where)
        if end < start:
            raise KnowledgeBaseError(f"{where}: the date range [{inner}] ends before it starts")
        return _Code(code, start.isoformat(), end.isoformat(), inner)
    if m2 := _BEFORE.match(restriction):
        return _Code(code, None, (_date(m2.group(1), where) - one_day).isoformat(), inner)
    if m2 := _AFTER.match(restriction):
        return _Code(code, (_date(m2.group(1), where) + one_day).isoformat(), None, inner)
    raise KnowledgeBaseError(f"{where}: cannot read the date restriction {restriction!r} in [{inner}] "
                             "(expected <DATE, >DATE or DATE - DATE)")


def _brackets(rest: str, where: str) -> tuple[list[str], list[str], str]:
    """Split text after a name into [code] contents, {note} contents and what is left."""
    codes, notes = [], []
    while True:
        rest = rest.strip()
        if rest.startswith("["):
            if "]" not in rest:
                raise KnowledgeBaseError(f"{where}: '[' without a closing ']'")
            inner, rest = rest[1:].split("]", 1)
            codes.append(inner)
        elif rest.startswith("{"):
            if "}" not in rest:
                raise KnowledgeBaseError(f"{where}: '{{' without a closing '}}'")
            inner, rest = rest[1:].split("}", 1)
            notes.append(inner)
        else:
            return codes, notes, rest


def read_actors(path: Path) -> Iterator[Entry]:
    blocks: list[_Block] = []
    current: _Block | None = None
    for number, line in _clean_lines(path):
        where = f"{path}:{number}"
        stripped = line.strip()
        if not stripped:
            continue
        if stripped.startswith("+"):
            if current is None:
                raise KnowledgeBaseError(f"{where}: synonym {stripped!r} comes before any actor")
            body = stripped[1:]
            cut = min([i for i in (body.find("["), body.find("{")) if i >= 0], default=len(body))
            if not _words(body[:cut]):
                raise KnowledgeBaseError(f"{where}: empty synonym")
            codes, notes, left = _brackets(body[cut:], where)
            if left:
                raise KnowledgeBaseError(f"{where}: unexpected text {left!r} after the synonym")
            current.synonyms.append(_words(body[:cut]))
            current.synonyms += [_words(n) for note in notes for n in re.split(r"[,\s]+", note) if n.strip()]
            current.codes += [_parse_code(c, where) for c in codes]
            continue
        if stripped.startswith("["):
            if current is None:
                raise KnowledgeBaseError(f"{where}: code {stripped!r} comes before any actor")
            codes, _, left = _brackets(stripped, where)
            if left:
                raise KnowledgeBaseError(f"{where}: unexpected text {left!r} after the code")
            current.codes += [_parse_code(c, where) for c in codes]
            continue
        # a new entry: NAME [CODE] {notes}
        cut = min([i for i in (stripped.find("["), stripped.find("{")) if i >= 0], default=len(stripped))
        name = stripped[:cut]
        codes, notes, left = _brackets(stripped[cut:], where)
        if left:
            raise KnowledgeBaseError(f"{where}: unexpected text {left!r} after the code")
        if "]" in name or "}" in name:
            raise KnowledgeBaseError(f"{where}: unbalanced brackets in {stripped!r}")
        current = _Block(_words(name), where)
        current.codes = [_parse_code(c, where) for c in codes]
        current.synonyms = [_words(n) for note in notes for n in re.split(r"[,\s]+", note) if n.strip()]
        blocks.append(current)
    for block in blocks:
        if not block.codes:
            raise KnowledgeBaseError(f"{block.where}: actor {block.name!r} has no [CODE]")
        yield _actor_entry(block)


def _actor_entry(block: _Block) -> Entry:
    undated = [c for c in block.codes if c.start is None and c.end is None]
    dated = [c for c in block.codes if c.start is not None or c.end is not None]
    default = undated[0].code if undated else None
    country, sector = split_code(default)
    roles = []
    for c in dated:
        rc, rs = split_code(c.code)
        roles.append(Role(title=f"[{c.text}]", country=rc, sector=rs, start=c.start, end=c.end,
                          code=c.code))
    if dated:
        kind = "other"
    elif default and len(default) == 3 and country:
        kind = "country"
    else:
        kind = "org"
    name = _display(block.name)
    aliases = [_display(s) for s in block.synonyms]
    key = normalise(block.name).replace(" ", "_") or block.name
    return Entry(id=f"petrarch:{key}", kind=kind, name=name, country=country, sector=sector,
                 aliases=aliases, roles=roles, origin=block.where, code=default)


# -- agents ------------------------------------------------------------------------------

def plural(phrase: str) -> str:
    """Regular English plural of a phrase's last word, as TABARI forms it."""
    head, _, last = phrase.rpartition(" ")
    low = last.lower()
    if low.endswith("man"):
        last = last[:-3] + ("MEN" if last.isupper() else "men")
    elif low.endswith("y") and len(low) > 1 and low[-2] not in "aeiou":
        last = last[:-1] + ("IES" if last.isupper() else "ies")
    elif low.endswith(("s", "x", "z", "ch", "sh")):
        last += "ES" if last.isupper() else "es"
    else:
        last += "S" if last.isupper() else "s"
    return f"{head} {last}".strip()


def _expand(phrase: str, subst: dict[str, list[str]], where: str) -> list[str]:
    forms = [phrase]
    for _ in range(5):
        nxt = []
        for form in forms:
            m = re.search(r"![A-Za-z0-9_]+!", form)
            if not m:
                nxt.append(form)
                continue
            key = m.group().upper()
            if key not in subst:
                raise KnowledgeBaseError(f"{where}: {m.group()} is used before it is defined (!NAME! = A, B)")
            nxt += [form[:m.start()] + v + form[m.end():] for v in subst[key]]
        forms = nxt
    return forms


def read_agents(path: Path) -> Iterator[Entry]:
    subst: dict[str, list[str]] = {}
    for number, line in _clean_lines(path):
        where = f"{path}:{number}"
        stripped = line.strip()
        if not stripped:
            continue
        if m := _SUBST.match(stripped):
            values = [v.strip() for v in m.group(2).split(",") if v.strip()]
            if not values:
                raise KnowledgeBaseError(f"{where}: {m.group(1)} = needs a comma-separated list")
            subst[m.group(1).upper()] = values
            continue
        cut = min([i for i in (stripped.find("["), stripped.find("{")) if i >= 0], default=-1)
        if cut <= 0:
            raise KnowledgeBaseError(f"{where}: expected `NOUN {{PLURALS}} [~CODE]`, got {stripped!r}")
        phrase = stripped[:cut].strip()
        codes, notes, left = _brackets(stripped[cut:], where)
        if left:
            raise KnowledgeBaseError(f"{where}: unexpected text {left!r} after the code")
        if len(codes) != 1:
            raise KnowledgeBaseError(f"{where}: an agent needs exactly one [~CODE]")
        code = re.sub(r"\s+", "", codes[0]).upper()
        if not re.fullmatch(r"~[A-Z0-9]{3,}|[A-Z0-9]{3,}~", code):
            raise KnowledgeBaseError(f"{where}: agent code [{codes[0]}] must be ~CODE (after the actor's) "
                                     "or CODE~ (before it)")
        forms = _expand(phrase, subst, where)
        if notes:
            plurals = [p for note in notes for p in re.split(r"[,\s]+", note) if p.strip()]
            plurals = [f for p in plurals for f in _expand(p, subst, where)]
        else:
            plurals = [plural(_words(f)) for f in forms]
        names = list(dict.fromkeys(_words(f) for f in [*forms, *plurals]))
        suffix = code.strip("~")
        sector = suffix[:3] if suffix[:3] in SECTORS else None
        key = normalise(names[0]).replace(" ", "_")
        yield Entry(id=f"agent:{key}", kind="agent", name=names[0].lower(), sector=sector,
                    aliases=[n.lower() for n in names[1:]], origin=where, code=code)


# -- entry point -------------------------------------------------------------------------

def is_agents_file(path: Path) -> bool:
    suffix = path.suffix.lower()
    if suffix in (".agents", ".actors"):
        return suffix == ".agents"
    if "agent" in path.name.lower():
        return True
    codes = tilde = 0
    for _, line in _clean_lines(path):
        if _SUBST.match(line.strip()):
            return True
        for inner in re.findall(r"\[([^\]]*)\]", line):
            codes += 1
            tilde += "~" in inner
    return codes > 0 and tilde * 2 > codes


def read_petrarch(path: str | Path) -> Iterable[Entry]:
    """Entries from a PETRARCH/TABARI actors or agents file (agents: ``.agents``, a name with
    "agent" in it, or mostly ``~`` codes)."""
    path = Path(path)
    return list(read_agents(path) if is_agents_file(path) else read_actors(path))


# -- resolving agents (called from ActorResolver) -------------------------------------------

def agent_hits(kb, sdoc, start: int, end: int, mention_at: dict) -> list[tuple[int, int, Entry]]:
    """Longest agent-phrase matches in tokens [start, end), outside actor mentions."""
    hits = []
    i = start
    while i < end:
        if i in mention_at or sdoc[i].is_punct or sdoc[i].is_space:
            i += 1
            continue
        found = None
        for j in range(min(end, i + kb.max_agent_tokens), i, -1):
            if any(k in mention_at for k in range(i, j)) or sdoc[j - 1].is_space:
                continue
            entries = kb.agent_index.get(normalise(sdoc[i:j].text))
            if entries:
                found = (i, j, entries[-1])
                break
        if found:
            hits.append(found)
            i = found[1]
        else:
            i += 1
    return hits


def agent_sector(kb, token) -> tuple[str, bool] | None:
    """(sector, True) when ``token`` is part of a user agent phrase ("Minister of X", "troops")."""
    sdoc = token.doc
    reach = kb.max_agent_tokens
    for a in range(max(token.sent.start, token.i - reach), token.i + 1):
        for b in range(min(token.sent.end, token.i + reach), token.i, -1):
            entries = kb.agent_index.get(normalise(sdoc[a:b].text))
            if entries and sdoc[a:b].root.i == token.i:  # "Minister" heads "Minister of X", "X" does not
                return entries[-1].sector or "UNK", True
    return None


def combine(base: str | None, agents: list[str]) -> str:
    """Agent codes joined to an actor code, without repeating 3-letter parts already there:
    ``GON`` + ``~MOP`` → ``GONMOP``; ``NGO~`` + ``ARN`` + ``~GOV`` → ``NGOARNGOV``;
    ``USAGOV`` + ``~GOV`` → ``USAGOV``."""
    code = base or "---"
    parts = [code[k:k + 3] for k in range(0, len(code), 3)]
    for agent in agents:
        body = agent.strip("~")
        chunks = [body[k:k + 3] for k in range(0, len(body), 3)]
        new = [c for c in chunks if c not in parts]
        if not new:
            continue
        if agent.endswith("~"):
            code = "".join(new) + code
        else:
            code = code + "".join(new)
        parts += new
    return code


def agent_actor(resolver, token, span, doc, date, depth):
    """The actor for a noun phrase holding a user agent noun, or None to go on as usual.

    The phrase's head must be part of the agent phrase or of an actor name ("MSF Arnor");
    the actor is a name in the phrase, else the object of "of/from/in" ("activists of X"),
    else the sentence's or the article's country."""
    from ..doc import Actor

    kb = resolver.kb
    sdoc = token.doc
    mention_at = doc.user_data.get("mention_at", {})
    hits = agent_hits(kb, sdoc, span.start, span.end, mention_at)
    if not hits:
        return None
    # the head is the agent noun ("Gondor police"), an actor name ("MSF Arnor"), or a noun the
    # agent phrase stands right before ("world government activists")
    head_in_agent = any(i <= token.i < j for i, j, _ in hits)
    before_head = any(j == token.i for _, j, _ in hits) and token.pos_ in ("NOUN", "PROPN")
    if not (head_in_agent or before_head or token.i in mention_at):
        return None
    mentions = []
    for k in range(span.start, span.end):
        m = mention_at.get(k)
        if m is not None and m not in mentions:
            mentions.append(m)
    base_code = base_country = base_name = actor_id = None
    base_reason = ""
    if mentions:
        m = next((m for m in mentions if m.entry.kind != "country"), mentions[0])
        entry = m.entry
        country, sector, why = entry.code_on(date)
        base_code = entry.full_code_on(date) or (f"{country or '---'}{sector or ''}" if country or sector else None)
        if entry.kind == "country":
            base_code = entry.code or entry.country
            why = f"{entry.name} (country {m.how})"
        base_country, base_name, actor_id, base_reason = country, entry.name, entry.id, why
    else:
        for child in token.children:
            if child.dep_ == "prep" and child.lower_ in ("of", "from", "in", "within", "at"):
                obj = next((g for g in child.children if g.dep_ == "pobj"), None)
                owner = resolver.resolve(obj, doc, date, depth + 1) if obj is not None else None
                if owner is not None and owner.code:
                    base_code, base_country, base_name = owner.code, owner.country, owner.name
                    actor_id, base_reason = owner.actor_id, f"'{child.text} {obj.text}': {owner.reason}"
                    break
        if base_code is None:
            country, why = resolver.context_country(token, doc)
            if country:
                base_code = base_country = country
                base_reason = why
    agents = [e.code for _, _, e in hits]
    code = combine(base_code, agents)
    words = ", ".join(f"'{sdoc[i:j].text}' {e.code}" for i, j, e in hits)
    reason = f"agent {words} with " + (f"{base_name or base_code} ({base_code}; {base_reason})"
                                          if base_code else "no actor") + f" → {code}"
    country = base_country or (code[:3] if code[:3] != "---" else None)
    suffix = next((e.code.strip("~") for _, _, e in hits if e.code.startswith("~")), "")
    sector = suffix[:3] if suffix[:3] in SECTORS else None
    text = span.text.strip()
    name = " ".join(t.text for t in span if t.dep_ != "det" and not t.is_punct and not t.is_space) or token.text
    return Actor(text=text, name=name, country=country, sector=sector, actor_id=actor_id, reason=reason,
                 start=span.start, end=span.end, explicit_code=code)
