"""The actor knowledge base: countries, international bodies, organisations and people.

Knowledge lives in JSON Lines files under ``flashpoint/actors/data/`` (one entry a line, see
``docs/actors.md``); users add or override entries with their own files (``--actors FILE``),
in the same format or in the PETRARCH/TABARI ``.actors`` / ``.agents`` formats. Every entry is
validated on load; an error names the file and the line.

An entry's names are indexed after normalisation (case, accents, hyphens and apostrophes
folded) except short all-capital aliases ("US", "IS", "PMF"), which match only as written.
"""
from __future__ import annotations

import json
import re
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterable

from .. import registry
from ..config import data_path
from ..events.lexicon import read_cues

SECTORS = {"GOV", "MIL", "COP", "JUD", "LEG", "SPY", "REB", "UAF", "OPP", "PTY", "CVL", "REF", "JRN",
           "MED", "BUS", "LAB", "EDU", "REL", "ELI", "AGR", "CRM", "UNK", "IGO"}
NON_STATE = {"IGO", "UNO", "EUR", "NGO", "MNC", "IMG"}
KINDS = {"country", "igo", "org", "armed_group", "party", "agency", "media", "company", "religious",
         "other", "person", "ngo", "agent", "people"}
BUILTIN_FILES = ("countries.jsonl", "igos.jsonl", "organisations.jsonl", "people_a.jsonl", "people_b.jsonl",
                 "people_c.jsonl", "people_d.jsonl", "peoples.jsonl")


class KnowledgeBaseError(ValueError):
    """A knowledge-base file is malformed; the message names the file and the line."""


@dataclass
class Role:
    title: str
    country: str | None
    sector: str | None
    start: str | None = None
    end: str | None = None
    org: str | None = None
    code: str | None = None  # a full code for this period (PETRARCH dated codes), else country+sector

    def covers(self, date: str | None) -> bool:
        if date is None:
            return self.end is None
        return (self.start is None or self.start[:len(date)] <= date) and \
               (self.end is None or date <= _end_bound(self.end))


def _end_bound(end: str) -> str:
    # "2024" or "2024-05" as an end date means the end of that year or month
    return end + "-12-31"[len(end) - 4:] if len(end) < 10 else end


@dataclass
class Entry:
    id: str
    kind: str
    name: str
    country: str | None = None
    sector: str | None = None
    aliases: list[str] = field(default_factory=list)
    adjectives: list[str] = field(default_factory=list)
    demonyms: list[str] = field(default_factory=list)
    capitals: list[str] = field(default_factory=list)
    roles: list[Role] = field(default_factory=list)
    died: str | None = None
    origin: str = ""  # file:line it came from
    # a full code when country+sector is not enough (PETRARCH dictionaries: "PSEREBHMS"), for
    # agents the code to combine ("~GOV" after the actor's code, "NGO~" before it)
    code: str | None = None
    user: bool = False  # from a user file (--actors): its names shadow built-in entries' same names
    # a people (kind "people": "Karen", "Kurds"): the countries it lives in, the first its main one
    homes: list[str] = field(default_factory=list)

    def role_on(self, date: str | None) -> Role | None:
        """The office held on ``date``: of those covering it, the one that started last."""
        current = [r for r in self.roles if r.covers(date)]
        if date and self.died and self.died < date:
            current = []
        return max(current, key=lambda r: (r.start or "")) if current else None

    def full_code_on(self, date: str | None) -> str | None:
        """The explicit code on ``date`` (a dated PETRARCH code, else the entry's own), or None
        when the code is just country + sector."""
        role = self.role_on(date) if self.roles else None
        if role is not None:
            return role.code
        return self.code

    def code_on(self, date: str | None) -> tuple[str | None, str | None, str]:
        """Country, sector and a reason, for the office held on ``date`` (ISO day or None)."""
        if self.roles:
            role = self.role_on(date)
            if role is not None:
                when = f"on {date}" if date else "currently"
                return role.country, role.sector, f"{self.name}: {role.title} {when}"
            if date:
                return self.country, self.sector, f"{self.name}: no office on {date}, coded as {self.sector or 'no sector'}"
        return self.country, self.sector, f"{self.name} ({self.kind})"


_FOLD = re.compile(r"[-‐‑–'’‘`´.]")


def normalise(name: str) -> str:
    """The key a name is indexed under: lower case, no accents, hyphens/apostrophes as spaces,
    British spellings as American ones (``SPELLING``)."""
    name = unicodedata.normalize("NFKD", name)
    name = "".join(c for c in name if not unicodedata.combining(c))
    name = _FOLD.sub(lambda m: "" if m.group() == "." else " ", name.lower())
    name = " ".join(SPELLING.get(w, w) for w in name.split())
    return name[4:] if name.startswith("the ") else name


def exact_key(name: str) -> str:
    return re.sub(r"\s+", " ", name.replace(".", "")).strip()


def is_case_sensitive(alias: str) -> bool:
    bare = alias.replace(".", "").replace(" ", "")
    return bare.isupper() and len(bare) <= 4


class KnowledgeBase:
    """Alias index over all entries; later files override earlier ones with the same id."""

    def __init__(self) -> None:
        self.entries: dict[str, Entry] = {}
        self.index: dict[str, list[tuple[Entry, str]]] = {}
        self.exact_index: dict[str, list[tuple[Entry, str]]] = {}
        self.sector_nouns: dict[str, tuple[str, bool]] = {}
        self.sector_names: dict[str, str] = {}
        self.max_alias_tokens = 1
        # agent nouns from user PETRARCH .agents files ("minister", "troops"), normalised
        self.agent_index: dict[str, list[Entry]] = {}
        self.max_agent_tokens = 1
        # a person's last name -> (first names, entry): "President Bush", "President Omar El Bashir"
        self.surname_index: dict[str, list[tuple[set[str], Entry]]] = {}

    # -- loading -----------------------------------------------------------------------
    @classmethod
    def load(cls, extra_files: Iterable[str | Path] = ()) -> "KnowledgeBase":
        kb = cls()
        kb.load_sector_nouns(data_path("actors", "data", "sectors.tsv"))
        kb.load_sector_names(data_path("actors", "data", "sector_names.tsv"))
        for name in BUILTIN_FILES:
            path = data_path("actors", "data", name)
            if path.exists():
                kb.load_file(path)
        for path in extra_files:
            before = set(map(id, kb.entries.values()))
            kb.load_file(Path(path))
            for entry in kb.entries.values():
                if id(entry) not in before:
                    entry.user = True
        kb.build_index()
        return kb

    def load_sector_names(self, path: Path) -> None:
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            if not line.strip() or line.startswith("#"):
                continue
            parts = line.split("\t")
            if len(parts) != 2 or parts[0] not in SECTORS:
                raise KnowledgeBaseError(f"{path}:{number}: expected `SECTOR<TAB>label`")
            self.sector_names[parts[0]] = parts[1]

    def generic_name(self, country: str | None, sector: str | None) -> str | None:
        """A canonical name for an actor known only by country and sector: "Iraq military"."""
        label = self.sector_names.get(sector or "")
        entry = self.country(country) if country else None
        if entry and label:
            return f"{entry.name} {label}"
        return entry.name if entry else label

    def load_sector_nouns(self, path: Path) -> None:
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            if not line.strip() or line.startswith("#"):
                continue
            parts = line.split("\t")
            if len(parts) != 3 or parts[1] not in SECTORS or parts[2] not in ("yes", "no"):
                raise KnowledgeBaseError(f"{path}:{number}: expected `noun<TAB>SECTOR<TAB>yes|no`")
            self.sector_nouns[parts[0].lower()] = (parts[1], parts[2] == "yes")

    def load_file(self, path: Path) -> None:
        if not path.exists():
            raise KnowledgeBaseError(f"{path}: no such actor file")
        suffix = path.suffix.lower()
        if suffix in (".actors", ".agents") or (suffix == ".txt" and _looks_petrarch(path)):
            from .petrarch import read_petrarch
            for entry in read_petrarch(path):
                self.add(entry)
            return
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            if not line.strip():
                continue
            where = f"{path}:{number}"
            try:
                raw = json.loads(line)
            except json.JSONDecodeError as err:
                raise KnowledgeBaseError(f"{where}: not valid JSON ({err.msg})") from None
            self.add(entry_from_dict(raw, where))

    def add(self, entry: Entry) -> None:
        self.entries[entry.id] = entry

    def build_index(self) -> None:
        self.index.clear()
        self.exact_index.clear()
        self.agent_index.clear()
        self.surname_index.clear()
        for entry in self.entries.values():
            if entry.kind == "person":
                self.index_surname(entry)
            if entry.kind == "agent":
                for alias in [entry.name, *entry.aliases]:
                    key = normalise(alias)
                    if key and entry not in self.agent_index.setdefault(key, []):
                        self.agent_index[key].append(entry)
                        self.max_agent_tokens = max(self.max_agent_tokens, len(key.split()) + 2)
                continue
            # (a people is named by its adjective and its plural only: "Karen" alone may be a woman)
            names = [(a, "name") for a in [entry.name, *entry.aliases]] if entry.kind != "people" else []
            names += [(a, "adjective") for a in entry.adjectives]
            names += [(a, "demonym") for a in entry.demonyms]
            names += [(a, "capital") for a in entry.capitals]
            for alias, how in names:
                if not alias:
                    continue
                if is_case_sensitive(alias):
                    bucket, key = self.exact_index, exact_key(alias)
                else:
                    bucket, key = self.index, normalise(alias)
                if not key:
                    continue
                items = bucket.setdefault(key, [])
                if all(e.id != entry.id for e, _ in items):
                    items.append((entry, how))
                self.max_alias_tokens = max(self.max_alias_tokens, len(key.split()) + 2)
        # a name in a user file means what that file says, not what the built-in files say
        # (a user agent noun too: "MSF" as an agent hides the built-in MSF entry)
        user_agents = {k for k, entries in self.agent_index.items() if any(e.user for e in entries)}
        for bucket, fold in ((self.index, str), (self.exact_index, normalise)):
            for key, items in list(bucket.items()):
                if fold(key) in user_agents:
                    items = [m for m in items if m[0].user]
                elif any(e.user for e, _ in items):
                    items = [m for m in items if m[0].user]
                if items:
                    bucket[key] = items
                else:
                    del bucket[key]

    def index_surname(self, entry: Entry) -> None:
        for alias in [entry.name, *entry.aliases]:
            words = [w for w in normalise(alias).split() if w not in NAME_PARTICLES]
            if len(words) < 2 or len(words[-1]) < 3:
                continue
            firsts = {words[0]}
            items = self.surname_index.setdefault(words[-1], [])
            for known, e in items:
                if e is entry:
                    known |= firsts
                    break
            else:
                items.append((firsts, entry))

    def by_surname(self, words: list[str], title: str, date: str | None) -> Entry | None:
        """The person a titled last name refers to ("President Bush", "Prime Minister Omar El
        Bashir"): people of that last name who held an office with that title word; when the text
        gives a first name it must be theirs. The one in office on ``date``, else the nearest."""
        words = [w for w in (normalise(w) for w in words) if w and w not in NAME_PARTICLES]
        if not words:
            return None
        last = words[-1]
        if last not in self.surname_index and len(last) >= 6 and len(words) > 1:
            # a misspelt long last name after the right first name ("President Francois Mitterand"):
            # the one known last name a letter away (close names of different people abound, so
            # never on the last name alone)
            near = [k for k in self.surname_index if abs(len(k) - len(last)) <= 1 and _one_edit(k, last)]
            last = near[0] if len(near) == 1 else last
        found = []
        for firsts, entry in self.surname_index.get(last, ()):
            if len(words) > 1 and words[0] not in firsts:
                continue
            roles = [r for r in entry.roles if title in normalise(r.title).split()]
            if roles:
                found.append((entry, roles))
        if not found:
            return None

        def distance(item) -> int:
            if date is None:
                return 0
            year = int(date[:4])
            return min(0 if r.covers(date) else min(abs(int((r.start or date)[:4]) - year),
                                                   abs(int((r.end or date)[:4]) - year)) for r in item[1])
        return min(found, key=distance)[0]

    # -- lookup ------------------------------------------------------------------------
    def lookup(self, name: str) -> list[tuple[Entry, str]]:
        """Entries a written name may refer to, best first (people and organisations before places)."""
        found = list(self.exact_index.get(exact_key(name), []))
        found += [m for m in self.index.get(normalise(name), []) if m not in found]
        return sorted(found, key=lambda m: _PRIORITY.get(m[0].kind, 5))

    def country(self, iso3: str) -> Entry | None:
        return self.entries.get(f"country:{iso3}")


# The word lists the actor rules read (data/words.tsv, one kind<TAB>word a line), read once.
WORDS = read_cues(data_path("actors", "data", "words.tsv"))
# particles of Arabic, Iberian, Dutch... names, left out when comparing first and last names
NAME_PARTICLES = set(WORDS["name_particle"])
SPELLING = WORDS["spelling"]

_PRIORITY = {"person": 0, "armed_group": 1, "agency": 1, "org": 2, "party": 2, "igo": 2, "ngo": 2,
             "media": 3, "company": 3, "religious": 3, "other": 3, "agent": 4, "country": 4, "people": 5}


def _one_edit(a: str, b: str) -> bool:
    """Whether ``a`` and ``b`` differ by exactly one letter changed, added or dropped."""
    if a == b or abs(len(a) - len(b)) > 1:
        return False
    if len(a) > len(b):
        a, b = b, a
    k = next((i for i, (x, y) in enumerate(zip(a, b)) if x != y), len(a))
    return a[k + (len(a) == len(b)):] == b[k + 1:]


def _looks_petrarch(path: Path) -> bool:
    head = path.read_text(encoding="utf-8", errors="replace")[:4000]
    return bool(re.search(r"\[[~A-Z]{3,}[^\]]*\]", head))


def entry_from_dict(raw: dict, where: str) -> Entry:
    if not isinstance(raw, dict):
        raise KnowledgeBaseError(f"{where}: each line must be a JSON object")
    for key in ("id", "name"):
        if not isinstance(raw.get(key), str) or not raw[key].strip():
            raise KnowledgeBaseError(f"{where}: the entry needs a non-empty `{key}`")
    kind = raw.get("kind", "org")
    if kind not in KINDS:
        raise KnowledgeBaseError(f"{where}: unknown kind {kind!r} (one of {', '.join(sorted(KINDS))})")
    country, sector = raw.get("country"), raw.get("sector")
    _check_code(country, sector, where)
    roles = []
    for r in raw.get("roles") or []:
        if not isinstance(r, dict):
            raise KnowledgeBaseError(f"{where}: each role must be an object")
        _check_code(r.get("country"), r.get("sector"), where)
        for key in ("start", "end"):
            if r.get(key) is not None and not re.fullmatch(r"\d{4}(-\d{2}(-\d{2})?)?", str(r[key])):
                raise KnowledgeBaseError(f"{where}: role {key} {r[key]!r} is not YYYY, YYYY-MM or YYYY-MM-DD")
        _check_full_code(r.get("code"), where)
        roles.append(Role(title=r.get("title", ""), country=r.get("country"), sector=r.get("sector"),
                          start=r.get("start"), end=r.get("end"), org=r.get("org"), code=r.get("code")))
    lists = {}
    for key in ("aliases", "adjectives", "demonyms", "capitals"):
        value = raw.get(key) or []
        if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
            raise KnowledgeBaseError(f"{where}: `{key}` must be a list of strings")
        lists[key] = value
    _check_full_code(raw.get("code"), where)
    homes = raw.get("homes") or ([country] if kind == "people" and country else [])
    if not isinstance(homes, list) or not all(isinstance(h, str) and re.fullmatch(r"[A-Z]{3}", h) for h in homes):
        raise KnowledgeBaseError(f"{where}: `homes` must be a list of ISO 3166 alpha-3 codes")
    return Entry(id=raw["id"], kind=kind, name=raw["name"], country=country, sector=sector,
                 roles=roles, died=raw.get("died"), origin=where, code=raw.get("code"), homes=homes, **lists)


def _check_full_code(code, where: str) -> None:
    if code is not None and not (isinstance(code, str) and re.fullmatch(r"~?[A-Z0-9]{3,}~?", code)):
        raise KnowledgeBaseError(f"{where}: code {code!r} is not a CAMEO/PETRARCH-style code (capitals and digits)")


def _check_code(country, sector, where: str) -> None:
    if country is not None and not (isinstance(country, str) and re.fullmatch(r"[A-Z]{3}", country)):
        raise KnowledgeBaseError(f"{where}: country {country!r} is not an ISO 3166 alpha-3 or PLOVER code")
    if sector is not None and sector not in SECTORS:
        raise KnowledgeBaseError(f"{where}: sector {sector!r} is not a PLOVER sector")


@registry.resources.register("kb")
def load_kb(extra_files: tuple[str, ...] = ()) -> KnowledgeBase:
    return KnowledgeBase.load(extra_files)


def knowledge_base(extra_files: tuple[str, ...] = ()) -> KnowledgeBase:
    return registry.resources.get("kb", tuple(extra_files))
