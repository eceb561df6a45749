"""The clean stage: from raw scraped text or HTML to the article's story, each sentence once.

Scraped pages repeat the headline and lede, carry bylines, dates and read counters; the
cleaned text keeps the headline once (as the first paragraph) and the story, and the
metadata goes to the Document's fields.
"""
from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

from .. import registry
from ..config import Settings, data_path
from ..doc import Article, Document, content_hash

MONTHS = ("january|february|march|april|may|june|july|august|september|october|november|december|"
          "jan|feb|mar|apr|jun|jul|aug|sep|sept|oct|nov|dec")
DATE_LINE = re.compile(rf"^(?=.*\d)(?=.*(\b({MONTHS})\b|\d{{1,4}}[-/.]\d{{1,2}}[-/.]\d{{1,4}})).{{4,60}}$", re.I)
# A wire dateline opening a paragraph: the place in capitals, maybe a region, a date and the
# agency, then a dash ("SANAA, Jan 12 (Reuters) - ", "GAZA CITY — ", "KYIV, Ukraine, 9 March 2024 — ",
# two places filed from: "ISLAMABAD/KABUL, Sept 10 (Reuters) - ").
# (capitals with accents too: "CÚCUTA", "SÃO PAULO", "ŁÓDŹ")
_CAPS = "A-ZÀ-ÖØ-ÞĄĆĘŁŃŚŹŻŠŽČŘĐŐŰĞİŞ"
DATELINE = re.compile(rf"^(?P<place>[{_CAPS}][{_CAPS}.'’-]+(?:(?: |\s?/\s?)[{_CAPS}][{_CAPS}.'’-]+){{0,3}})(?:,\s*(?P<region>[A-Z][A-Za-z.'’]+(?: [A-Z][A-Za-z.'’]+){{0,2}}))?"
                      r"(?:,\s+(?P<date>[^—–()\n-]{3,30}?))?\s*(?:\([^)\n]{1,40}\))?\s*[—–-]{1,2}\s+(?=[A-Z0-9\"“‘'])")
BYLINE = re.compile(r"^(by\s+)?([A-Z][\w'’.-]+(\s+(de|del|van|von|al|el|bin|ben|ibn|abu|da|di|du|dos|"
                    r"(?:al|el)-[A-Z][\w'’.-]+|[A-Z][\w'’.-]+)){1,3})$")
# One header line holding several fields: "By Jane Doe | Thursday 12 June 2025 08:15 GMT",
# "By Jane Doe in Lagos — Updated Friday 5 June 2026, 10:15 WAT"
FIELD_SEPARATOR = re.compile(r"\s+[|•·—–]\s+")
# An explicit calendar date inside a longer stamp ("Published Thursday 21 August 2025, 18:10
# local time"): parsed alone, the weekday, clock time and zone words around it don't confuse
# the date parser.
CALENDAR_DATE = re.compile(rf"\b(?:\d{{1,2}}(?:st|nd|rd|th)?\s+(?:{MONTHS})\.?,?\s+(?:19|20)\d\d"
                           rf"|(?:{MONTHS})\.?\s+\d{{1,2}}(?:st|nd|rd|th)?,?\s+(?:19|20)\d\d"
                           r"|(?:19|20)\d\d-\d\d-\d\d)\b", re.I)
# A time stamp line: "Published: 12 June 2025", "Last updated on March 3, 2024 10:02"
STAMP = re.compile(r"^(?P<kind>first published|published|posted|last updated|updated)(?:\s+on)?\s*:?\s*(?P<when>.{4,60})$", re.I)


@lru_cache(maxsize=1)
def boilerplate_patterns() -> re.Pattern:
    lines = data_path("ingest", "data", "boilerplate.txt").read_text(encoding="utf-8").splitlines()
    alts = [ln.strip() for ln in lines if ln.strip() and not ln.startswith("#")]
    return re.compile(r"^(?:" + "|".join(f"(?:{a})" for a in alts) + r")\s*[.:!]?$", re.I)


def normalise(text: str) -> str:
    text = unicodedata.normalize("NFC", text).replace("\r\n", "\n").replace("\r", "\n")
    text = text.replace("\u00a0", " ").replace("\u200b", "")
    return re.sub(r"[ \t]+", " ", text)


def _key(line: str) -> str:
    return re.sub(r"\W+", " ", line.lower()).strip()


def parse_date(text: str) -> str | None:
    import dateparser

    explicit = CALENDAR_DATE.search(text)
    if explicit:
        text = explicit.group(0)
    parsed = dateparser.parse(text, languages=["en"], settings={"STRICT_PARSING": False,
                                                                "PREFER_DAY_OF_MONTH": "first"})
    return parsed.date().isoformat() if parsed else None


def header_fields(line: str, meta: dict) -> bool:
    """A header line of several fields ("By Jane Doe | 12 June 2025 08:15 GMT", "By Jane Doe,
    Reuters · March 3, 2024"): fills the author and publication date it gives and says whether
    it was one. Headlines with a bar ("Iraq demands withdrawal | World news") name neither."""
    parts = FIELD_SEPARATOR.split(line)
    if len(parts) < 2:
        return False
    author = when = updated = None
    for part in parts:
        if part.lower().startswith("by "):
            # "By Jane Doe and John Roe", "By Jane Doe, Reuters", "By Jane Doe in Lagos"
            name = re.split(r",| and | in ", part[3:], maxsplit=1)[0].strip()
            m = BYLINE.match(name)
            author = author or (m.group(2) if m else None)
        elif DATE_LINE.match(part):
            stamp = STAMP.match(part)
            if stamp and stamp.group("kind").lower().endswith("updated"):
                updated = updated or parse_date(stamp.group("when"))
            else:
                when = when or parse_date(stamp.group("when") if stamp else part)
    when = when or updated  # an update stamp gives the day only when no publication stamp does
    if author is None and when is None:
        return False
    meta["author"] = meta["author"] or author
    meta["published"] = meta["published"] or when
    return True


def clean_text(raw: str) -> tuple[str, dict]:
    """Return the story text (paragraphs separated by blank lines) and recovered metadata."""
    meta: dict[str, str | None] = {"title": None, "author": None, "published": None}
    lines = [ln.strip() for ln in normalise(raw).split("\n")]
    lines = [ln for ln in lines if ln]
    boiler = boilerplate_patterns()
    kept: list[str] = []
    seen: set[str] = set()
    updated = None
    for i, line in enumerate(lines):
        key = _key(line)
        if not key:
            continue
        if i < 8 and len(line) < 160 and header_fields(line, meta):
            continue
        stamp = STAMP.match(line)
        if stamp and DATE_LINE.match(stamp.group("when")):
            when = parse_date(stamp.group("when"))
            if stamp.group("kind").lower().endswith("updated"):
                updated = updated or when  # the publication day only when nothing better is given
            else:
                meta["published"] = meta["published"] or when
            continue
        if boiler.match(line):
            continue
        is_short = len(line) < 80 and not re.search(r"[.!?”\"]$", line)
        if is_short and DATE_LINE.match(line) and len(line.split()) <= 8:
            meta["published"] = meta["published"] or parse_date(line)
            continue
        if is_short and BYLINE.match(line) and i > 0:
            # a byline: short capitalised name, usually repeated, never the headline
            if key in seen or (i + 1 < len(lines) and _key(lines[i + 1]) == key) or line.lower().startswith("by "):
                meta["author"] = meta["author"] or BYLINE.match(line).group(2)
                seen.add(key)
                continue
        if key in seen:
            continue
        seen.add(key)
        kept.append(line)
    meta["published"] = meta["published"] or updated
    if kept and len(kept[0]) < 200 and not re.search(r"[.!?]$", kept[0]):
        meta["title"] = kept[0]
    if not meta["published"]:
        # a dateline opening the story: "MOGADISHU, 9 March 2024 — ..." (only with a year)
        for para in kept[:4]:
            m = DATELINE.match(para)
            if m and m.group("date") and re.search(r"\b(19|20)\d\d\b", m.group("date")):
                meta["published"] = parse_date(m.group("date"))
                break
    # A lede repeated as the start of a later paragraph is dropped: the paragraph holds it.
    keys = [_key(p) for p in kept]
    story = [p for i, p in enumerate(kept)
             if not any(j != i and len(keys[j]) > len(keys[i]) and keys[j].startswith(keys[i]) for j in range(len(kept)))]
    return "\n\n".join(story), meta


def find_dateline(text: str, paragraphs: int = 4) -> tuple[int, int, str] | None:
    """The dateline opening one of the first paragraphs of a cleaned text: its start and end
    (the character after the dash) and its place ("SANAA"). It is no part of the lede's
    sentence: "SANAA, Jan 12 — US jets struck ..." is not a subject "SANAA"."""
    start = 0
    for _ in range(paragraphs):
        m = DATELINE.match(text[start:start + 200])
        if m and len(m.group("place")) >= 3:
            return start, start + m.end(), m.group("place")
        nxt = text.find("\n\n", start)
        if nxt < 0:
            return None
        start = nxt
        while start < len(text) and text[start].isspace():
            start += 1
    return None


def html_to_article_text(html: str) -> tuple[str, dict]:
    import trafilatura

    extracted = trafilatura.bare_extraction(html, with_metadata=True, include_comments=False,
                                            include_tables=False, favor_precision=True)
    if extracted is None:
        return "", {}
    data = extracted if isinstance(extracted, dict) else extracted.as_dict()
    meta = {"title": data.get("title"), "author": data.get("author"),
            "published": (data.get("date") or None)}
    return data.get("text") or "", meta


def make_document(article: Article) -> Document:
    """Clean an Article into a Document ready for the nlp stage."""
    meta: dict = {}
    if article.html is not None and article.text is None:
        raw, meta = html_to_article_text(article.html)
        body, more = clean_text(raw)
        if meta.get("title") and _key(meta["title"]) not in _key(body[:300]):
            body = meta["title"] + "\n\n" + body
        meta = {k: meta.get(k) or more.get(k) for k in ("title", "author", "published")}
        raw_text = article.html
    else:
        raw_text = article.text or ""
        body, meta = clean_text(raw_text)
        if article.title and _key(article.title) not in _key(body[:500]):
            body = normalise(article.title).strip() + "\n\n" + body
    published = article.published or meta.get("published")
    if published and len(published) > 10:
        published = published[:10]
    return Document(
        article_id=article.id or content_hash(body),
        source=article.source,
        raw_text=raw_text,
        text=body,
        title=article.title or meta.get("title"),
        author=article.author or meta.get("author"),
        published=published,
        url=article.url,
    )


@registry.stages.register("clean")
def make_clean(settings: Settings):
    # Cleaning happens when the Document is made (Pipeline.make_doc); the stage passes it on.
    return lambda doc: doc
