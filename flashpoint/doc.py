"""The objects that flow through the pipeline.

An :class:`Article` is what a reader produced from some input; the pipeline turns it into a
:class:`Document` (cleaned text, the spaCy parse, actor and place mentions) and fills
``Document.events`` with :class:`Event` records whose ``to_dict()`` is the contract of
``docs/EVENTS.md``.
"""
from __future__ import annotations

import hashlib
from dataclasses import dataclass, field, asdict
from typing import Any


# The entities of the last parse asked about. spaCy builds new Spans for ``doc.ents`` (and
# ``span.ents`` filters them) on every access; the later stages ask per sentence, per actor and
# per place, and the parse does not change after the nlp stage.
_ents: tuple = (None, ())


def doc_ents(sdoc) -> tuple:
    """``sdoc.ents``, built once per parse."""
    global _ents
    cached = _ents
    if cached[0] is not sdoc:
        cached = _ents = (sdoc, tuple(sdoc.ents))
    return cached[1]


def span_ents(span) -> list:
    """``span.ents``: the entities wholly inside the span (what spaCy's ``Span.ents`` returns)."""
    out = []
    for ent in doc_ents(span.doc):
        if ent.start >= span.start:
            if ent.end <= span.end:
                out.append(ent)
            else:
                break
    return out


def content_hash(text: str, length: int = 16) -> str:
    """Stable short hash used for article and event ids."""
    return hashlib.sha1(text.encode("utf-8", "replace")).hexdigest()[:length]


@dataclass
class Article:
    """Raw input, as a reader found it. Either ``text`` or ``html`` is set."""

    source: str  # input path, URL or "<stdin>"; becomes the event's ``article`` field
    text: str | None = None
    html: str | None = None
    id: str | None = None
    title: str | None = None
    author: str | None = None
    published: str | None = None  # ISO date YYYY-MM-DD
    url: str | None = None


@dataclass
class Actor:
    """An actor as coded in an event (see EVENTS.md)."""

    text: str
    name: str
    country: str | None = None
    sector: str | None = None
    actor_id: str | None = None
    reason: str = ""  # how it was resolved, for `actors find` and evidence
    start: int = -1  # token indices in the spaCy doc (span of the mention)
    end: int = -1
    explicit_code: str | None = None  # a full code from a user dictionary ("PSEREBHMS", "HOBGOV")
    # the mention this one refers back to (a pronoun's antecedent, "their" in "their demands"):
    # (start, end) token indices, so that an actor is not its own target
    refers_to: tuple[int, int] | None = None

    @property
    def code(self) -> str | None:
        if self.explicit_code:
            return self.explicit_code
        if not self.country and not self.sector:
            return None
        return f"{self.country or '---'}{self.sector or ''}"

    def to_dict(self) -> dict[str, Any]:
        d = {"text": self.text, "name": self.name, "code": self.code,
             "country": self.country, "sector": self.sector}
        if self.actor_id:
            d["actor_id"] = self.actor_id
        return d


@dataclass
class Place:
    """A gazetteer place (GeoNames-based)."""

    name: str
    country: str | None
    lat: float | None = None
    lon: float | None = None
    admin1: str | None = None
    geonameid: int | None = None
    precision: str = "city"  # site | city | admin1 | country
    text: str | None = None  # the words in the sentence

    def to_dict(self) -> dict[str, Any]:
        return {"text": self.text, "name": self.name, "country": self.country,
                "admin1": self.admin1, "geonameid": self.geonameid,
                "lat": self.lat, "lon": self.lon, "precision": self.precision}


@dataclass
class Event:
    """One coded event. Token indices refer to the document's spaCy parse."""

    event_type: str
    mode: str | None
    trigger_start: int  # token index of the trigger head in the spaCy doc
    trigger_end: int
    sentence_index: int
    source: Actor | None = None
    target: Actor | None = None
    location: Place | None = None
    date: str | None = None
    date_text: str | None = None
    fatalities: int | None = None
    injuries: int | None = None
    arrests: int | None = None
    negated: bool = False
    hypothetical: bool = False
    said_by: str | None = None
    confidence: float = 0.5
    evidence: str = ""
    cameo: str | None = None
    intensity: float | None = None
    # extra fields a stage or plugin adds to the record (EVENTS.md: "add fields freely")
    extra: dict[str, Any] = field(default_factory=dict)


@dataclass
class Document:
    """One article on its way through the pipeline."""

    article_id: str
    source: str
    raw_text: str
    text: str = ""
    title: str | None = None
    author: str | None = None
    published: str | None = None
    url: str | None = None
    spacy_doc: Any = None  # spacy.tokens.Doc
    actors: list[Actor] = field(default_factory=list)  # every actor mention found
    places: list[Place] = field(default_factory=list)  # every place mention resolved
    place_spans: list[tuple[int, int, Place]] = field(default_factory=list)  # token spans
    events: list[Event] = field(default_factory=list)
    focus_countries: list[str] = field(default_factory=list)  # most-mentioned countries, first = main
    user_data: dict[str, Any] = field(default_factory=dict)

    def sentences(self):
        return list(self.spacy_doc.sents) if self.spacy_doc is not None else []

    def event_dicts(self) -> list[dict[str, Any]]:
        """The events in the contract of EVENTS.md, in document order."""
        from .events.ontology import quad_class
        out = []
        sents = self.sentences()
        for ev in self.events:
            sent = sents[ev.sentence_index]
            trig = self.spacy_doc[ev.trigger_start:ev.trigger_end]
            t_start = trig.start_char - sent.start_char
            src = ev.source.to_dict() if ev.source else None
            tgt = ev.target.to_dict() if ev.target else None
            key = "|".join([self.article_id, str(ev.sentence_index), ev.event_type,
                            (src or {}).get("code") or "", (tgt or {}).get("code") or "",
                            str(ev.trigger_start)])
            d = {
                "event_id": content_hash(key),
                "article_id": self.article_id,
                "article": self.source,
                "title": self.title,
                "published": self.published,
                "sentence_index": ev.sentence_index,
                "sentence": sent.text.rstrip(),  # (no trailing blank lines; offsets count from its start)
                "trigger": {"text": trig.text, "start": t_start, "end": t_start + len(trig.text)},
                "event_type": ev.event_type,
                "mode": ev.mode,
                "cameo": ev.cameo,
                "intensity": ev.intensity,
                "quad_class": quad_class(ev.event_type),
                "source": src,
                "target": tgt,
                "location": ev.location.to_dict() if ev.location else None,
                "date": ev.date,
                "date_text": ev.date_text,
                "fatalities": ev.fatalities,
                "injuries": ev.injuries,
                "arrests": ev.arrests,
                "negated": ev.negated,
                "hypothetical": ev.hypothetical,
                "said_by": ev.said_by,
                "confidence": round(ev.confidence, 3),
                "evidence": ev.evidence,
            }
            d.update(ev.extra)
            out.append(d)
        return out

    def to_dict(self) -> dict[str, Any]:
        return {"article_id": self.article_id, "article": self.source, "title": self.title,
                "author": self.author, "published": self.published, "url": self.url,
                "text": self.text}


__all__ = ["Article", "Actor", "Place", "Event", "Document", "content_hash", "asdict"]
