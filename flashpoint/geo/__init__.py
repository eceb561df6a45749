"""The ``geo`` stage: find place mentions, resolve them with the gazetteer, give each event its location.

Location choice for an event (see ``choose``), best first:

0. a place attached to the trigger: in a prepositional phrase of the trigger or of its
   object ("attacked ... in Kerman"), the object itself ("captured Badme"), or a name in the
   target noun phrase ("the Al Harir base");
1. a place attached through the patient subject of a passive ("a policeman in Amara was
   killed"), the agent phrase, a verb conjoined with the trigger, or a scene clause
   ("killed when militants hit the Jumla villages");
2. a place in a clause below the trigger, in a locative role (a relative clause on its object,
   "while hiding in a farm in Al-Dawr", "..., and 24 others were wounded in X");
3. a place elsewhere in the sentence, only when ``geo_sentence_fallback`` is on;
4. otherwise the article's dateline or main country, only when ``geo_fallback`` says so
   (``none`` | ``dateline`` | ``focus``); such a location has ``text`` None, since the
   sentence does not name it.

Within a tier: a reference point ("Suwayrah, 50 km south of Baghdad") or a place that only
locates another candidate ("al-Tijara neighbourhood in central Damascus", "Lamitan town,
Basilan") ranks half a tier and more lower; then the more specific place; then the nearer.
A place under ANOTHER event's trigger belongs to that event ("accused X of being behind the
attack in Kerman") unless that event sets the scene ("killed in the attack on Kerman").

Places never chosen: the active subject of the trigger ("Iran captured ..."), a place
inside an organisation's name ("Islamic Resistance in Iraq"), origins ("a driver from
Abidjan"), demonyms ("Iraqi").
"""
from __future__ import annotations

import os
import re
from dataclasses import dataclass
from typing import Any, Iterable, Iterator

from .. import registry
from ..doc import Document, Event, Place, doc_ents
from ..actors.kb import WORDS
from ..actors.mentions import english_word
from ..actors.resolve import PEOPLE_SECTORS
from ..ingest.clean import find_dateline
from .gazetteer import K_ADMIN1, K_CITY, K_COUNTRY, K_SITE, Gazetteer, normalize

PLACE_LABELS = {"GPE", "LOC", "FAC"}
# Nouns that name a kind of place; "the town of X", "X district", "X province".
PLACE_NOUNS = {
    "city", "town", "village", "villages", "towns", "cities", "district", "districts", "province",
    "provinces", "governorate", "region", "area", "areas", "neighbourhood", "neighborhood",
    "neighbourhoods", "neighborhoods", "suburb", "suburbs", "county", "state", "capital",
    "municipality", "countryside", "outskirts", "quarter", "port", "island", "valley", "border",
    "republic", "territory", "enclave", "hamlet", "settlement", "camp", "prefecture", "streets",
    "street", "road", "highway", "coast", "outskirts", "environs", "vicinity",
    "oblast", "raion", "commune", "department", "locality", "sector", "strip", "zone",
    "settlement", "settlements", "center", "centre", "heart", "edge", "outskirt", "vicinity", "city's",
}
ADMIN_NOUNS = {"province", "provinces", "governorate", "region", "state", "county", "oblast",
               "prefecture", "department", "countryside"}
# Facility nouns: "the Al Harir base" is a site placed at Harir.
SITE_NOUNS = {
    "base", "airbase", "bases", "airport", "airfield", "camp", "complex", "compound", "garrison",
    "outpost", "barracks", "checkpoint", "crossing", "prison", "hospital", "embassy", "consulate",
    "field", "refinery", "plant", "port", "harbour", "harbor", "bridge", "dam", "headquarters",
    "facility", "station", "mosque", "church", "palace", "square", "market", "university", "museum",
    "hotel", "stadium", "school",
}
LOCATIVE_PREPS = {"in", "at", "near", "outside", "inside", "on", "across", "throughout", "around",
                  "within", "into", "onto", "off", "along", "over", "between", "among", "toward",
                  "towards", "against", "through", "north", "south", "east", "west", "beyond",
                  "upon", "during", "of", "to", "by", "behind", "under"}
EXCLUDED_PREPS = {"from", "for", "like", "than", "about", "as", "unlike", "including"}
# Nouns for people, forces and organisations: "a U.S. airstrike", "Mexico's army", "a Staten Island
# police officer" use the place name as a qualifier, not as where something happened.
ACTOR_NOUNS = {
    "army", "armies", "force", "forces", "troops", "troop", "soldier", "soldiers", "police", "policeman",
    "policemen", "officer", "officers", "military", "government", "governments", "leader", "leaders",
    "president", "minister", "ministry", "authorities", "authority", "navy", "jets", "jet", "aircraft",
    "planes", "plane", "helicopters", "helicopter", "bombers", "drones", "drone", "missiles", "missile",
    "airstrike", "airstrikes", "strike", "strikes", "citizen", "citizens", "national", "nationals",
    "station", "television", "newspaper", "media", "agency", "news", "team", "player", "players", "squad",
    "delegation", "envoy", "ambassador", "spokesman", "spokeswoman", "official", "officials", "guard",
    "guards", "militia", "militias", "rebels", "fighters", "patrol", "patrols", "convoy", "company",
    "companies", "firm", "court", "judge", "parliament", "counterpart", "counterparts", "diplomat",
    "diplomats", "intelligence", "services", "commander", "commanders", "chief", "head", "forces'",
    "coalition", "regime", "administration", "people", "man", "woman", "men", "women", "national",
    "independence", "warplanes", "warplane", "artillery", "tanks", "vessel", "ship", "ships", "boat",
    "boats", "operative", "operatives", "member", "members", "supporters", "allies", "partner",
    "partners", "counterpart", "king", "queen", "prince", "dictator", "premier", "cabinet", "state-run",
    "speaker", "council", "committee", "spokesperson", "governor", "mayor", "chairman",
}
CLAUSE_DEPS = {"relcl", "acl", "advcl", "ccomp", "csubj", "csubjpass", "parataxis", "xcomp", "pcomp"}
SUBJ_DEPS = {"nsubj", "csubj", "expl"}
SOFT_SUBJ_DEPS = {"nsubjpass", "agent"}

_DATELINE = re.compile(r"^\s*([A-Z][A-Za-z'’.\- ]{1,40}?)(?:,\s*[A-Z][A-Za-z.\- ]{1,30})?"
                       r"\s*(?:\([A-Za-z .]+\))?\s*[-–—:]\s")


@dataclass
class Mention:
    start: int
    end: int  # token span of the toponym (plus a site noun when there is one)
    text: str
    place: Place
    label: str
    specificity: int  # 0 site, 1 city, 2 admin1, 3 country; lower is more specific
    resolved: bool


def _setting(settings: Any, name: str, env: str, default: str) -> str:
    value = getattr(settings, name, None) if settings is not None else None
    if value is None:
        value = os.environ.get(env, default)
    return str(value)


@registry.resources.register("gazetteer")
def load_gazetteer() -> Gazetteer:
    return Gazetteer.load()


def gazetteer() -> Gazetteer:
    return registry.resources.get("gazetteer")


class GeoStage:
    def __init__(self, settings: Any = None):
        self.gaz = gazetteer()
        self.fallback = _setting(settings, "geo_fallback", "FLASHPOINT_GEO_FALLBACK", "dateline").lower()
        self.sentence_fallback = _setting(settings, "geo_sentence_fallback",
                                          "FLASHPOINT_GEO_SENTENCE_FALLBACK", "0").lower() in {"1", "true", "yes", "on"}

    # -- pipeline interface ---------------------------------------------------------------
    def __call__(self, doc: Document) -> Document:
        sdoc = doc.spacy_doc
        if sdoc is None:
            return doc
        # the words of a known body's or person's name are no place ("RSF positions", "EU ports")
        names = {t for t, m in doc.user_data.get("mention_at", {}).items() if m.entry.kind not in ("country",)}
        mentions = find_mentions(sdoc, self.gaz, list(doc.focus_countries or []), doc.actors, doc.events, names)
        doc.place_spans = [(m.start, m.end, m.place) for m in mentions]
        doc.places = [m.place for m in mentions]
        if not doc.events:
            return doc
        sents = list(sdoc.sents)
        fallback, reach = self._fallback_place(doc) if self.fallback != "none" else (None, 0)
        for ev in doc.events:
            m = choose(ev, sents, mentions, sentence_level=self.sentence_fallback, events=doc.events)
            if m is not None:
                ev.location = m.place
            elif fallback is not None and sents[ev.sentence_index].start_char < reach:
                ev.location = Place(**{**fallback.__dict__})
            else:
                ev.location = None
            src = ev.source
            if src is not None and src.sector and not src.country and not src.text:
                # an actor the sentence names only by kind ("an unidentified armed group" behind
                # a roadside bomb) is of the country where the event happened, or else of the one
                # country the sentence's places are in
                sent = sents[ev.sentence_index]
                here = {m.place.country for m in mentions if sent.start <= m.start < sent.end and m.place.country}
                country = ev.location.country if ev.location is not None and ev.location.country else \
                    next(iter(here)) if len(here) == 1 else None
                if country:
                    src.country = country
                    src.reason += f"; of the country where it happened ({country})"
            tgt = ev.target
            if tgt is not None and tgt.sector in PEOPLE_SECTORS and not tgt.country and not tgt.actor_id \
                    and ev.location is not None and ev.location.country and ev.location.text:
                # people of no stated nationality hit where the event happened are that country's
                # ("killing nine people" in Mogadishu, "bombed a village in Sagaing"), as ACLED codes them
                tgt.country = ev.location.country
                tgt.reason += f"; of the country where it happened ({tgt.country})"
        return doc

    def pipe(self, docs: Iterable[Document]) -> Iterator[Document]:
        for doc in docs:
            yield self(doc)

    def _fallback_place(self, doc: Document) -> tuple[Place | None, int]:
        """The place for events whose sentences name none, and the character offset up to
        which it holds. A dateline places its own paragraph (the lede), not the reactions
        reported further down; the article's main country (``focus``) holds throughout."""
        text = doc.text or doc.raw_text or ""
        wire = find_dateline(text)
        m = _DATELINE.match(text[:120])
        if wire or m:
            word = wire[2] if wire else m.group(1).strip()
            if word.isupper() or word.istitle():
                p = self.gaz.lookup(word.title() if word.isupper() else word, doc.focus_countries or None)
                if p is not None and doc.focus_countries and p.country != doc.focus_countries[0]:
                    p = None  # filed from abroad ("DUBAI —" on Iran, "NAIROBI —" on Somalia): not the scene
                if p is not None:
                    p.text = None
                    end = text.find("\n\n", wire[1] if wire else m.end())
                    return p, len(text) if end < 0 else end
        if self.fallback == "focus" and doc.focus_countries:
            return self.gaz.country(doc.focus_countries[0], text=None), len(text)
        return None, 0


@registry.stages.register("geo")
def make_geo(settings: Any = None) -> GeoStage:
    return GeoStage(settings)


# ---------------------------------------------------------------------------------------
# Place mentions
# ---------------------------------------------------------------------------------------

def _trim(sdoc, start: int, end: int) -> tuple[int, int]:
    while start < end and (sdoc[start].lower_ in {"the", "a", "an"} or sdoc[start].is_punct):
        start += 1
    while end > start and (sdoc[end - 1].tag_ == "POS" or sdoc[end - 1].is_punct
                           or sdoc[end - 1].lower_ in {"'s", "’s"}):
        end -= 1
    return start, end


ARABIC_ARTICLES = {"al", "el", "as", "ad", "an", "ar", "ash", "at", "az", "ath", "adh"}


def _article_prefix(sdoc, i: int) -> int:
    """Start of the name with a hyphenated Arabic article before token i ("al-Thawra")."""
    if i >= 2 and sdoc[i - 1].text in {"-", "‐"} and not sdoc[i - 2].whitespace_ and not sdoc[i - 1].whitespace_ \
            and sdoc[i - 2].lower_ in ARABIC_ARTICLES:
        return i - 2
    return i


def _cut(sdoc, start: int, end: int) -> tuple[int, int]:
    """An entity span cut before a number or a spaced dash ("Idlib province - 3 times")."""
    for k in range(start + 1, end):
        t = sdoc[k]
        if t.text in {"-", "–", "—"} and sdoc[k - 1].whitespace_:
            return start, k
    return start, end


def _adjective_town(span, gaz) -> bool:
    """"in Okene local government area": a town the tagger took for an adjective (it names a
    place the gazetteer knows and is not a people's adjective such as "Iraqi")."""
    word = span.text
    return span[0].tag_ == "JJ" and word[:1].isupper() and not word.lower().endswith(("ian", "ese", "ish", "ean", "ic", "i", "an")) \
        and bool(gaz.ids(word))


def _is_demonym(span) -> bool:
    return len(span) == 1 and span[0].tag_ in {"JJ", "NNPS"} and span[0].ent_type_ != "LOC"


def _in_org_name(start: int, end: int, sdoc, actors) -> bool:
    """A place inside an actor's name: "Islamic Resistance in Iraq", "Hezbollah in Lebanon"."""
    for a in actors:
        if a.start < 0 or not (a.start <= start and end <= a.end) or (a.start, a.end) == (start, end):
            continue
        if (getattr(a, "actor_id", None) or "").startswith("person:"):
            continue  # "talks with Nabih Berri in Beirut": a person is met somewhere, not named after it
        if start - a.start >= 2:
            prep, before = sdoc[start - 1], sdoc[start - 2]
            if prep.lower_ in {"in", "of", "for"} and before.is_title and before.pos_ == "PROPN":
                return True
        for ent in doc_ents(sdoc):
            if ent.label_ == "ORG" and ent.start <= start and end <= ent.end:
                if (ent.start, ent.end) == (start, end) and _place_context(sdoc, start, end) in {"strong", "strong+"}:
                    continue  # "shelling on Khanasir town": a place NER took for an organisation
                return True
    return False


def _hints(sdoc, gaz: Gazetteer, focus: list[str]) -> list[str]:
    hints = list(focus)
    for ent in doc_ents(sdoc):
        if ent.label_ == "GPE":
            i = gaz.best_id(ent.text)
            # (a city counts only under its own name: "Boni" is no hint of Germany through Bonn)
            # (nor does a region named by a common word: "Centre" is a region of several countries)
            if i is not None and (gaz.kind[i] != K_CITY or gaz.pop[i] >= 100_000 and gaz.bears_name(i, ent.text)) \
                    and not (gaz.kind[i] == K_ADMIN1 and english_word(ent.text.lower())):
                c = gaz.countries[gaz.cc[i]]
                if c not in hints:
                    hints.append(c)
    return hints


def find_mentions(sdoc, gaz: Gazetteer, focus: list[str] | None = None, actors=(), events=(),
                  names: set[int] = frozenset()) -> list[Mention]:
    """Every place mention in the parse, resolved with the gazetteer (token spans, in order);
    ``names``: tokens of known actors' names, which are no places."""
    focus = focus or []
    hints = _hints(sdoc, gaz, focus)
    actor_spans = [a for a in actors if getattr(a, "start", -1) >= 0]
    for ev in events:
        for a in (ev.source, ev.target):
            if a is not None and a.start >= 0:
                actor_spans.append(a)
    spans: list[tuple[int, int, str]] = []
    taken = set()
    for ent in doc_ents(sdoc):
        if ent.label_ in PLACE_LABELS:
            s, e = _cut(sdoc, *_trim(sdoc, ent.start, ent.end))
            s = _article_prefix(sdoc, s)
            if all(t.is_lower for t in sdoc[s:e]):
                continue  # no place name is all lower case ("tried in absentia")
            if s < e and not (_is_demonym(sdoc[s:e]) and not (ent.label_ == "GPE" and _adjective_town(sdoc[s:e], gaz))):
                spans.append((s, e, ent.label_))
                taken.update(range(min(s, ent.start), ent.end))
    # Proper names that NER missed or mislabelled, in a place context ("in Harir", "the town of X",
    # "the Al Harir base", "captured Badme", "Grozny's streets").
    i = 0
    n = len(sdoc)
    while i < n:
        t = sdoc[i]
        # (a capitalised common word after a locative preposition may be a town: "near Sake")
        town_noun = t.pos_ == "NOUN" and t.i > 0 and not t.is_sent_start and (
            sdoc[t.i - 1].lower_ in STRONG_PREPS  # ("the town of Sake" too)
            or t.i > 1 and sdoc[t.i - 1].lower_ == "of" and sdoc[t.i - 2].lower_ in PLACE_NOUNS)
        if t.i in taken or t.pos_ != "PROPN" and not town_noun or not t.text[:1].isupper() \
                or t.ent_type_ not in NAME_ENTS | {"NORP"} or t.lower_ in NOT_PLACES:
            i += 1
            continue
        j = i + 1
        while j < n and j not in taken and sdoc[j].ent_type_ in NAME_ENTS | {"NORP"} and (
                sdoc[j].pos_ == "PROPN" or (sdoc[j].text in {"-", "/"} and j + 1 < n and sdoc[j + 1].pos_ == "PROPN"
                                            and not sdoc[j - 1].whitespace_)
                or (sdoc[j].lower_ in ARABIC_ARTICLES and j + 2 < n and sdoc[j + 1].text == "-"
                    and sdoc[j + 2].pos_ == "PROPN" and sdoc[j - 1].text in {"/", "-"})):
            j += 1
        s0 = _article_prefix(sdoc, i)
        ent_types = {sdoc[k].ent_type_ for k in range(i, j)} - {""}
        context = _place_context(sdoc, s0, j)
        if context:
            if context == "strong+":
                spans.append((s0, j, "GAZ+"))
                i = j
                continue
            # a person's name after a preposition, a nationality word ("in Samarra" tagged NORP) or a
            # plural name ("Croats"): only when the gazetteer knows the place; "in Al-Dawr" is a place
            weak = context == "weak" or ("PERSON" in ent_types and prev_is_prep(sdoc, s0) and s0 == i) \
                or "NORP" in ent_types or any(sdoc[k].tag_ == "NNPS" for k in range(i, j))
            spans.append((s0, j, "GAZ" if weak else "GAZ+"))
        i = j
    # "the Iraqi-Syrian border", "the Greek-Macedonian border"
    for t in sdoc:
        if t.lower_ in {"border", "frontier", "boundary"} and t.i >= 3 and t.i - 3 not in taken:
            a, dash, b = sdoc[t.i - 3], sdoc[t.i - 2], sdoc[t.i - 1]
            if dash.text == "-" and not a.whitespace_ and not dash.whitespace_ and a.text[:1].isupper() \
                    and b.text[:1].isupper() and not any(sp[0] <= t.i - 3 < sp[1] for sp in spans):
                spans.append((t.i - 3, t.i + 1, "GAZ+"))
    mentions: list[Mention] = []
    for s, e, label in sorted(spans):
        if _in_org_name(s, e, sdoc, actor_spans):
            continue
        known_name = all(k in names for k in range(s, e))
        if known_name and not (s > 0 and sdoc[s - 1].lower_ in STRONG_PREPS):
            continue
        m = _resolve(sdoc, s, e, label, gaz, hints)
        if known_name and (m is None or not m.resolved or m.place.country not in focus or m.specificity > 1):
            continue  # a known person's name is a place only after "in"/"near", as a town of the story's countries
        if m is not None and not m.resolved and label == "GPE" and m.end == e and not _place_context(sdoc, s, e):
            continue  # "Kupczyk", "Abu Zubaydah" tagged GPE: unknown names with nothing saying they are places
        if m is not None:
            mentions.append(m)
    _inherit_containers(sdoc, mentions, gaz, focus)
    return mentions


EVENT_NOUNS = {"attack", "attacks", "battle", "battles", "campaign", "operation", "operations", "offensive",
               "war", "conflict", "fighting", "clashes", "clash", "bombing", "bombings", "raid", "raids",
               "siege", "massacre", "crisis", "violence", "unrest", "protest", "protests", "uprising",
               "insurgency", "blast", "explosion", "shelling", "assault", "invasion", "quake", "earthquake"}
NAME_ENTS = {"", "PERSON", "ORG", "GPE", "LOC", "FAC", "WORK_OF_ART", "PRODUCT", "EVENT"}
APPEAL_VERBS = set(WORDS["appeal_verb"])  # ("called on Beijing to ...": whom, not where)
NOT_PLACES = {"january", "february", "march", "april", "may", "june", "july", "august", "september",
              "october", "november", "december", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep",
              "sept", "oct", "nov", "dec", "monday", "tuesday", "wednesday", "thursday", "friday",
              "saturday", "sunday", "god", "allah", "christmas", "ramadan", "eid"}
TERRITORIAL_VERBS = {"capture", "seize", "take", "liberate", "bomb", "shell", "attack", "storm", "overrun",
                     "enter", "raid", "besiege", "recapture", "control", "patrol", "hit", "strike", "target",
                     "retake", "occupy", "invade", "encircle", "surround", "free", "destroy", "evacuate"}
PLACE_POSSESSED = {"streets", "street", "outskirts", "suburbs", "capital", "centre", "center", "province",
                   "city", "town", "village", "border", "airport", "port", "north", "south", "east", "west",
                   "north-east", "north-west", "south-east", "south-west", "northeast", "northwest",
                   "southeast", "southwest", "countryside", "district", "neighbourhood", "neighborhood",
                   "region", "coast", "territory", "soil", "capital", "downtown"}


STRONG_PREPS = {"in", "at", "near", "outside", "inside", "into", "around", "through", "across", "toward",
                "towards", "throughout"}


def prev_is_prep(sdoc, i: int) -> bool:
    return i > 0 and sdoc[i - 1].dep_ == "prep" and sdoc[i - 1].lower_ != "of"


def _place_context(sdoc, i: int, j: int) -> str | None:
    """"strong" when the words around a proper name say it is a place, "weak" for softer cues."""
    prev = sdoc[i - 1] if i > 0 else None
    nxt = sdoc[j] if j < len(sdoc) else None
    head = sdoc[i:j].root
    if any(c.dep_ == "appos" and c.lower_ in PLACE_NOUNS | {"stronghold"} for c in head.children):
        return "strong+"  # "Dunya Pur, a small town ...", "Ballymurphy, an IRA stronghold"
    if prev is not None and prev.lower_ in STRONG_PREPS:
        return "strong"
    if prev is not None and i >= 2 and (prev.lower_ in DIRECTION_WORDS | {"central"}) \
            and sdoc[i - 2].lower_ in STRONG_PREPS:
        return "strong"  # "in northern Aleppo" (a name the recogniser missed after a direction)
    if prev is not None and prev.lower_ == "on" and (prev.head.lower_ in EVENT_NOUNS | {"siege", "shelling", "assault", "airstrike", "airstrikes", "strike", "strikes", "offensive", "march", "advance"}
                                                                   or prev.head.lemma_ in TERRITORIAL_VERBS):
        return "strong"  # "the attack on Sere Kaniye", "the siege on Manbij"
    ents = {t.ent_type_ for t in sdoc[i:j]}
    if nxt is not None and nxt.lower_ in EVENT_NOUNS and nxt.pos_ == "NOUN" and not ents & {"ORG", "PERSON", "NORP"}:
        return "weak"  # "the Manbij campaign", "the Helmand battle"
    if head.dep_ == "nsubjpass" and head.head.lemma_ in TERRITORIAL_VERBS and ents <= {"", "GPE", "LOC"}:
        return "weak"  # "Gibraltar was captured"
    if prev is not None and prev.lower_ == "of" and i >= 2 and sdoc[i - 2].lower_ in PLACE_NOUNS:
        return "strong"
    if nxt is not None and nxt.pos_ == "NOUN" and nxt.lower_ in PLACE_NOUNS | SITE_NOUNS:
        return "strong"
    if nxt is not None and nxt.dep_ == "compound" and nxt.pos_ == "NOUN" and nxt.head.lower_ in SITE_NOUNS \
            and nxt.head.i == j + 1:
        return "strong"  # "Kawkab army base"
    if j - i >= 2 and sdoc[j - 1].lower_ in (SITE_NOUNS | PLACE_NOUNS | {"valley", "gate", "bay", "river", "lake"}) - {"center", "centre"} \
            and prev is not None and (prev.dep_ in {"det", "amod"} or prev.lower_ in STRONG_PREPS):
        return "strong"  # "the popular Bardo Museum", "the Baliem Valley"
    if head.dep_ == "appos" and head.head.lower_ in PLACE_NOUNS:
        return "strong"
    if head.dep_ == "poss" and head.head.lower_ in PLACE_POSSESSED:
        return "weak"
    if head.dep_ == "dobj" and head.head.lemma_ in TERRITORIAL_VERBS:
        return "weak"
    return None


def _resolve(sdoc, s: int, e: int, label: str, gaz: Gazetteer, hints: list[str]) -> Mention | None:
    span = sdoc[s:e]
    text = span.text
    nxt = sdoc[e] if e < len(sdoc) else None
    kinds = None
    site_end = e
    if nxt is not None and nxt.lower_ in ADMIN_NOUNS:
        kinds = (K_ADMIN1,)
    elif s >= 2 and sdoc[s - 1].lower_ == "of" and sdoc[s - 2].lower_ in ADMIN_NOUNS - {"countryside"}:
        kinds = (K_ADMIN1,)  # "the province of Damascus"
    if nxt is not None and nxt.lower_ in SITE_NOUNS and nxt.pos_ == "NOUN":
        site_end = e + 1
        if site_end < len(sdoc) and sdoc[site_end].lower_ in {"base", "field", "complex", "camp"}:
            site_end += 1  # "air base", "oil field", "refugee camp"
    # Whole phrase first ("Al Harir base" as a known site), then the name alone.
    i = None
    site = False
    if site_end > e:
        i = gaz.best_id(sdoc[s:site_end].text, hints)
        if i is not None and gaz.kind[i] == K_SITE:
            site = True
        else:
            i = None
    if i is None:
        i = gaz.best_id(text, hints, kinds)
        if i is None and "/" in text:
            for part in text.split("/"):
                i = gaz.best_id(part, hints, kinds)
                if i is not None:
                    break
        if i is None and len(span) > 1 and span[-1].lower_ in PLACE_NOUNS | SITE_NOUNS:
            i = gaz.best_id(sdoc[s:e - 1].text, hints, kinds)
    if label == "GAZ":  # weak cue: only names the gazetteer knows
        if i is None:
            return None
        if hints and gaz.countries[gaz.cc[i]] not in hints and gaz.kind[i] == K_CITY and gaz.pop[i] < 20000:
            return None
    if site_end > e and not site and i is not None and gaz.kind[i] == K_COUNTRY:
        # a country's base or embassy is its own, not a site in it: "a US outpost in Jordan" is
        # placed by its "in" phrase; "a US base" names at most the country
        if any(c.dep_ == "prep" and c.lower_ in STRONG_PREPS for c in sdoc[site_end - 1].children):
            return None
        site_end = e
    end = site_end if (site or site_end > e) else e
    words = sdoc[s:end].text
    if i is None:
        place = Place(name=text, country=None, precision="city", text=words)
        spec = 1
        return Mention(s, end, words, place, label, spec, False)
    precision = None
    if site_end > e and not site:
        precision = "site"  # "the Al Harir base": a site placed at its town
    place = gaz.place(i, text=words, precision=precision)
    spec = {"site": 0, "city": 1, "admin1": 2, "country": 3}[place.precision]
    return Mention(s, end, words, place, label, spec, True)


def _inherit_containers(sdoc, mentions: list[Mention], gaz: Gazetteer, focus: list[str]) -> None:
    """An unresolved name takes its coordinates from a resolved place near it in the sentence
    ("Khanasir town in the southern countryside of Aleppo"), else the article's main country."""
    for m in mentions:
        if m.resolved:
            continue
        sent = sdoc[m.start].sent
        best = None
        for o in mentions:
            if o is m or not o.resolved or not (sent.start <= o.start < sent.end):
                continue
            d = abs(o.start - m.start)
            if best is None or d < best[0]:
                best = (d, o)
        src = best[1].place if best else (gaz.country(focus[0]) if focus else None)
        if src is not None:
            m.place.country = src.country
            m.place.lat, m.place.lon, m.place.admin1 = src.lat, src.lon, src.admin1
            m.place.precision = src.precision if src.precision != "site" else "city"


# ---------------------------------------------------------------------------------------
# Choosing an event's location
# ---------------------------------------------------------------------------------------

def _trigger_token(sdoc, ev: Event):
    span = sdoc[ev.trigger_start:max(ev.trigger_end, ev.trigger_start + 1)]
    return span.root


def _path_up(tok, stop) -> list | None:
    """Tokens from ``tok`` up to ``stop`` (exclusive), or None when stop is not an ancestor."""
    path = []
    cur = tok
    while cur.i != stop.i:
        path.append(cur)
        if cur.head.i == cur.i:
            return None
        cur = cur.head
    return path


def _marker(verb) -> str:
    for c in verb.children:
        if c.dep_ == "mark" and c.i < verb.i:
            return c.lower_
    for c in verb.children:
        if c.dep_ == "advmod" and c.i < verb.i and c.tag_ == "WRB":
            return c.lower_
    for c in verb.children:
        if c.dep_ in {"mark", "advmod"} and c.i < verb.i:
            return c.lower_
    return ""


def _clause_tier(tok) -> int:
    dep = tok.dep_
    if dep == "advcl" and _marker(tok) in {"when", "while", "as", "during", "after"}:
        return 1
    if dep in {"relcl", "advcl", "ccomp", "csubj", "parataxis"} or (dep in {"acl", "xcomp"} and tok.pos_ == "VERB"):
        return 2
    if dep == "conj" and tok.pos_ in {"VERB", "AUX"}:
        return 1
    return 0


CONFLICT_NOUNS = {"war", "conflict", "crisis", "revolution", "uprising", "insurgency", "operation",
                  "campaign", "occupation", "invasion", "wars", "conflicts", "intervention"}


def _modifier_only(root, place: Place | None = None) -> bool:
    """ "a U.S. airstrike", "Mexico's army": a place name used to qualify an actor, not a location."""
    head = root.head
    doc = root.doc
    if place is not None and place.precision == "country" and root.i + 2 < len(doc) \
            and doc[root.i + 1].text == "-" and not root.whitespace_ and not doc[root.i + 1].whitespace_:
        return True  # "a US-Kurdish operation", "the U.S.-led coalition"
    if root.dep_ == "pobj" and head.dep_ == "prep" and head.head.lower_ == "based" and head.head.dep_ == "acl":
        return True  # "three companies based in the Emirates": where an actor sits, not the scene
    if head.i == root.i or head.pos_ not in {"NOUN", "PROPN"}:
        return False
    if root.dep_ in {"compound", "amod", "nmod", "poss"}:
        if head.lower_ in ACTOR_NOUNS or head.lemma_ in ACTOR_NOUNS or head.ent_type_ == "PERSON":
            return True  # "Mexico's army", "England's Dan Wheldon"
        if place is not None and place.precision == "country" and head.lower_ in CONFLICT_NOUNS and root.dep_ != "poss":
            return True  # "Syria's civil war", "Israel's operation": names the conflict
        if place is not None and place.precision == "country" and root.dep_ != "poss" \
                and head.lower_ not in PLACE_NOUNS | SITE_NOUNS | PLACE_POSSESSED | EVENT_NOUNS:
            return True  # "U.S. patrol", "US-Kurdish operation": a nationality
    return False


DIRECTION_WORDS = {"north", "south", "east", "west", "northeast", "northwest", "southeast", "southwest",
                   "north-east", "north-west", "south-east", "south-west", "northern", "southern", "eastern",
                   "western"}
# A place named in one of these roles is where the event happened.
PLACE_PREPS = {"in", "at", "near", "outside", "inside", "into", "through", "across", "around", "throughout",
               "along", "on", "onto", "within", "towards", "toward", "to", "over", "between", "off", "by", "of"}
# "killed in the attack on X", "killed during clashes in X": an event noun in one of these adjuncts
# sets the scene, so its place is the governing event's place too.
SCENE_PREPS = {"in", "during", "amid", "amidst", "at", "after", "following", "throughout", "on", "by"}
NON_SCENE_PREPS = {"of", "about", "for", "against", "behind", "over", "regarding", "concerning", "with", "to",
                   "from", "into", "like", "as", "than", "toward", "towards", "before", "since", "until",
                   "despite", "unlike", "including"}
TIME_REFERENCE_MARKERS = {"since", "before", "until", "till", "unless", "if", "though", "although"}
SCENE_MARKERS = {"when", "while", "as", "after", "during", "once", "whilst"}
SCENE_VERBS = {"occur", "happen", "unfold", "erupt", "break"}  # "... taking place in X", "occurred in X"


def _has_subject(verb) -> bool:
    return any(c.dep_ in {"nsubj", "nsubjpass", "csubj", "expl"} for c in verb.children)


def _shares_scene(t2, trigger) -> bool:
    """Whether the place of an event nested under ``trigger`` (trigger token ``t2``) is also
    ``trigger``'s: yes for the scene ("killed in the attack on X", "killed when militants hit X",
    "a bombing in X killed", "killed and wounded in X", "shot while filming a clash in X"); no for
    the topic of a statement or the object of the trigger ("accused X of being behind the attack in
    Kerman", "condemned the attack in X", "the victims of the attack in X")."""
    dep = t2.dep_
    if dep == "pobj":
        prep = t2.head
        if prep.lower_ == "to" and prep.head.lower_ == "due":
            return True
        return prep.lower_ not in NON_SCENE_PREPS
    if dep in {"dobj", "attr", "oprd", "dative"}:
        return t2.head.i != trigger.i and t2.head.dep_ in {"advcl", "xcomp", "conj", "pcomp", "acl"}
    if dep == "xcomp" and t2.tag_ == "VBG" and not any(c.dep_ == "aux" for c in t2.children):
        return True  # "killed fighting in X"
    if dep in {"ccomp", "csubj", "parataxis", "xcomp", "relcl"}:
        return False  # "said the attack in X", "vowed to march into X", "a grenade that killed ... in X"
    if dep == "advcl" and _marker(t2) in TIME_REFERENCE_MARKERS:
        return False
    return True


def _clause_count(path) -> int:
    return sum(1 for tok in path if tok.dep_ in CLAUSE_DEPS or (tok.dep_ == "conj" and tok.pos_ in {"VERB", "AUX"}))


def _place_role(root) -> bool:
    """Whether the words around a place's head say it is a location ("in X", "the town of X",
    "X town", "captured X"), as opposed to an actor or topic ("prompted Paris to", "ruled Afghanistan")."""
    tok = root
    for _ in range(4):
        if tok.dep_ in {"compound", "amod", "nmod"} and tok.head.lower_ in PLACE_NOUNS | SITE_NOUNS | {"settlement"}:
            tok = tok.head
        elif tok.dep_ == "appos" or (tok.dep_ == "conj" and tok.head.pos_ in {"PROPN", "NOUN"}):
            tok = tok.head
        elif tok.dep_ == "pobj" and tok.head.lower_ == "of" and tok.head.head.lower_ in PLACE_NOUNS | SITE_NOUNS:
            tok = tok.head.head
        elif tok.dep_ == "poss" and tok.head.lower_ in PLACE_POSSESSED:
            tok = tok.head
        else:
            break
    if tok.dep_ == "pobj" and tok.head.lower_ in PLACE_PREPS - {"of", "by", "to", "over", "between"}:
        return True
    if tok.dep_ == "pobj" and tok.head.lower_ == "of" and tok.head.head.lower_ in DIRECTION_WORDS:
        return True  # "west of the Duluiyah town"
    if tok.dep_ == "pobj" and tok.head.lower_ == "to" and tok.head.head.lemma_ in MOTION_VERBS:
        return True
    if tok.dep_ == "dobj" and tok.head.lemma_ in TERRITORIAL_VERBS | MOTION_VERBS:
        return True
    if tok.dep_ == "nsubjpass" and tok.head.lemma_ in TERRITORIAL_VERBS:
        return True
    return False


PLACE_OBJ_VERBS = {"visit", "tour", "rock", "shake", "pound", "hit", "blockade", "isolate", "defend", "secure",
                   "clear", "overrun", "besiege", "storm", "flood", "mine", "fortify", "abandon", "lose", "hold",
                   "annex", "bombard", "shell", "raze", "level", "devastate", "paralyze", "paralyse", "surround"}
MOTION_VERBS = {"enter", "reach", "escape", "flee", "infiltrate", "march", "return", "travel", "move", "go",
                "come", "leave", "cross", "sneak", "head", "drive", "walk", "arrive"}


def _path_has_from(path) -> bool:
    return any(t.dep_ == "prep" and t.lower_ == "from" and any(c.pos_ not in {"VERB", "AUX"} for c in t.children)
               for t in path)


# Events that are statements: a place in what they say ("asked the force to leave Darfur",
# "accused the army of bombing villages in X") is where the thing said happens, not the statement.
STATEMENT_TYPES = {"REQUEST", "THREATEN", "ACCUSE", "REJECT", "AGREE", "SUPPORT", "CONCEDE"}
# A place below these is what the event is about, not where it is: "sanctions over its war in Ukraine"
TOPIC_PREPS = {"over", "about", "regarding", "concerning"}


def _attachment(trigger, root, sentence_level: bool, others=frozenset(),
                statement: bool = False) -> tuple[int, float] | None:
    """(tier, distance) of a place whose syntactic head token is ``root``, or None if excluded.

    Tiers: 0 attached to the trigger, 1 through a subject, an agent or a conjoined verb, 2 in a
    clause below the trigger (a relative clause on its object, "while ..." or "hiding in ..."),
    3 elsewhere in the sentence (only with ``sentence_level``). ``others`` holds the token ids
    of other events' triggers: a place attached under one of them belongs to that event.
    """
    if root.i == trigger.i:
        return (0, 0.0)
    path = _path_up(root, trigger)
    up: list = []
    anchor = trigger
    if path is None:
        # climb from the trigger through conjoined/embedded verbs to a common ancestor
        cur = trigger
        while cur.head.i != cur.i:
            up.append(cur)
            cur = cur.head
            path = _path_up(root, cur)
            if path is not None:
                anchor = cur
                break
        if path is None:
            return None
    tier = 0
    dist = float(len(path) + len(up))
    if root.dep_ == "pobj" and root.head.lower_ in EXCLUDED_PREPS:
        return None  # "a driver from Abidjan"
    if trigger.dep_ == "relcl" and trigger.head.i == root.i and any(
            t.lower_ in {"where", "whose", "which"} and t.i < trigger.i for t in trigger.subtree):
        return (1, 1.0)  # "Iraq, whose targets have been bombed", "the town where X was killed"
    base = root
    while base.dep_ == "conj" and base.head.pos_ in {"PROPN", "NOUN"}:
        base = base.head  # "the United States and Israel"
    if base.dep_ == "pobj" and base.head.lower_ in EXCLUDED_PREPS:
        return None  # "troops from South Africa, Malawi and Tanzania"
    if any(tok.dep_ == "prep" and tok.lower_ in TOPIC_PREPS and tok.i != root.head.i for tok in path[1:]):
        return None  # "sanctions over its war in Ukraine": what it is about (not "protests over Gaza" itself)
    if statement and any(tok.dep_ in ("xcomp", "ccomp", "pcomp") or tok.dep_ == "prep" and tok.lower_ in ("of", "for")
                         and (tok.head.i == trigger.i or tok.head.dep_ == "dobj" and tok.head.head.i == trigger.i)
                         for tok in path[1:]):
        return None  # "asked the force to leave Darfur", "accused the army of bombing villages in X"
    if base.dep_ in {"dobj", "dative"} and base.head.pos_ in {"VERB", "AUX"} \
            and base.head.lemma_ not in TERRITORIAL_VERBS | MOTION_VERBS | PLACE_OBJ_VERBS:
        return None  # "accused the United States of ...", "prompted Paris to": an actor, not a place
    if base.dep_ in SUBJ_DEPS and base.head.pos_ in {"VERB", "AUX"}:
        return None  # the subject of a clause is an actor ("Iran captured", "as the United States weighed")
    if base.dep_ == "pobj" and base.head.lower_ in ("on", "upon") and base.head.head.pos_ == "VERB" \
            and base.head.head.lemma_.lower() in APPEAL_VERBS:
        return None  # "called on Beijing to respect international law": whom it asks, not where
    # a place under another event's trigger is that event's place ("accused X of being behind the
    # attack in Kerman"), unless that event sets the scene ("killed in the attack on X")
    for tok in path[1:]:
        if tok.i in others and tok.i != trigger.i and not _shares_scene(tok, trigger):
            return None
    # the edge into the anchor
    top = path[-1] if path else root
    if top.dep_ in SUBJ_DEPS:
        if top.i == root.i or (root.dep_ in {"compound", "poss", "amod", "appos", "conj"} and root.head.i == top.i):
            if anchor.i == trigger.i or not up:
                return None  # the trigger's active subject is an actor, not a place ("Iran captured")
            tier = max(tier, 2)
        else:
            tier = max(tier, 1)  # "a car bomb in Hama province killed 34"
    elif top.dep_ in SOFT_SUBJ_DEPS or top.dep_ == "poss":
        tier = max(tier, 1)
    # clause boundaries on the way down
    if any(tok.dep_ == "appos" and tok.head.ent_type_ == "PERSON" for tok in path[1:]):
        tier = max(tier, 2)  # "Kupczyk, an officer ... in the Baltic Sea port": describes a person
    for tok in path[:-1]:
        tier = max(tier, _clause_tier(tok))
    tier = max(tier, _clause_tier(top))
    if any(tok.dep_ == "conj" and tok.pos_ in {"VERB", "AUX"} and _has_subject(tok) and tok.i not in others
           for tok in path[1:]):
        tier = max(tier, 2)  # "..., and Israeli soldiers went into X": another clause
    if any(tok.dep_ == "appos" and (tok.lower_ in ACTOR_NOUNS or tok.lemma_ in ACTOR_NOUNS) for tok in path[1:]):
        tier = max(tier, 2)  # "X, the head of the forces in Y, was killed": describes the victim
    sibling = any(tok.dep_ == "advcl" and _marker(tok) in TIME_REFERENCE_MARKERS  # "since bombers hit X"
                  for tok in path[1:])
    for tok in up:
        if tok.dep_ == "conj" and tok.pos_ in {"VERB", "AUX"} and _has_subject(tok):
            tier = max(tier, 2)  # "X was killed, and in Y four people were hurt"
        elif tok.dep_ in {"conj", "xcomp", "acomp", "oprd", "dep", "ROOT"}:
            tier = max(tier, 1)
        elif tok.dep_ == "advcl" and _marker(tok) in {"when", "while", "as", "after", "before", "during"}:
            tier = max(tier, 1)
        elif tok.pos_ in {"NOUN", "PROPN"} and tok.dep_ in {"pobj", "dobj", "compound", "nsubj", "nsubjpass", "appos"}:
            tier = max(tier, 1)  # a noun trigger ("the attack on X"): climbing to its verb
        else:
            tier = max(tier, 2)
    # a fronted phrase ("In Vienna, ... marched") sets the scene for the whole sentence
    if tier == 2 and path and top.dep_ == "prep" and top.i < anchor.i and top.i <= top.sent.start + 1:
        tier = 1
    # "the attack ... taking place in X", "the attack, which occurred in X"
    if tier == 2 and any(t.lemma_ in SCENE_VERBS or (t.lemma_ == "take" and any(c.lower_ == "place" for c in t.children))
                         for t in path if t.pos_ in {"VERB", "AUX"}):
        tier = 1
    if sibling:
        tier = 3
    if tier == 2:
        # a place in a clause below the trigger (on its object or subject, or an adverbial
        # clause) is a fallback; one reached through a sibling clause is not
        below = not up or (trigger.dep_ in {"acl", "relcl"} and len(up) <= 2
                           and all(t.dep_ in {"nsubj", "nsubjpass", "dobj", "pobj"} for t in up[1:]))
        topic = any(t.dep_ == "prep" and t.lower_ in {"about", "regarding", "concerning", "over"} for t in path)
        if not (below and _place_role(root) and not _path_has_from(path) and not topic and _clause_count(path) <= 3):
            tier = 3
    # "the town of X": the name of the place noun counts as the noun itself
    if root.dep_ == "pobj" and root.head.lower_ == "of" and root.head.head.lower_ in PLACE_NOUNS:
        dist -= 1.5
    elif root.dep_ in {"compound", "amod", "nmod", "poss"} and root.head.lower_ in PLACE_NOUNS | SITE_NOUNS:
        dist -= 0.5
    elif root.dep_ == "appos":
        dist -= 0.5
    if tier >= 3 and not sentence_level:
        return None
    return (tier, dist)


def _is_reference(root) -> bool:
    """ "50 km south of Baghdad", "west of the city of Multan": a reference point, not the place."""
    tok = root
    if tok.dep_ == "pobj" and tok.head.lower_ == "of" and tok.head.head.lower_ in PLACE_NOUNS:
        tok = tok.head.head  # "the city of Multan"
    while tok.dep_ in {"appos", "conj"}:
        tok = tok.head
    if tok.dep_ == "pobj" and tok.head.lower_ == "of" and tok.head.head.lower_ in DIRECTION_WORDS:
        return True
    return False


def _contained(m: "Mention", others: list["Mention"], sdoc, stop: int) -> bool:
    """Whether ``m`` only locates another candidate place: "al-Tijara in central Damascus",
    "the Tuwaitha plant outside Baghdad", "the Baghdad neighbourhood of Al-Bayaa",
    "Lamitan town, Basilan", "Syria's western Hama province"."""
    root = sdoc[m.start:m.end].root
    spans = []
    for o in others:
        if o is m:
            continue
        a, b = o.start, o.end
        oroot = sdoc[a:b].root
        if oroot.dep_ in {"compound", "amod", "nmod"} and oroot.head.lower_ in PLACE_NOUNS and o.specificity <= 1 \
                and oroot.head.i == b and not any(c.dep_ == "prep" and c.lower_ == "of" for c in oroot.head.children):
            a, b = min(a, oroot.head.i), max(b, oroot.head.i + 1)  # "Lamitan town" covers "town"
        spans.append((a, b, o))
    names = [(o.start, o.end) for o in others if o is not m]
    if not spans:
        return False
    tok = root
    through = False  # crossed an edge other than a list or an apposition
    apposed = False
    while tok.head.i != tok.i and tok.i != stop:
        if tok.dep_ == "appos":
            apposed = True
        elif tok.dep_ not in {"conj", "punct", "cc"}:
            through = True
        tok = tok.head
        if tok.i == stop:
            break
        for a, b, o in spans:
            if a <= tok.i < b and (through or (apposed and (o.specificity <= m.specificity or not o.resolved))):
                return True  # "X in Y", "Lamitan town, Basilan"
    # "the south Baghdad neighbourhood of Al-Bayaa", "Syria's western Hama province": a place
    # qualifying a place noun that has its own name
    if root.dep_ in {"compound", "amod", "nmod", "poss"} and root.head.lower_ in PLACE_NOUNS | SITE_NOUNS:
        noun = root.head
        for c in noun.children:
            if c.dep_ == "prep" and c.lower_ == "of":
                if any(a <= g.i < b for g in c.children for a, b in names):
                    return True
            if c.dep_ in {"appos", "compound"} and c.i != root.i and any(a <= c.i < b and c.i > root.i for a, b in names):
                return True
    return False


SUBCITY_NOUNS = {"neighbourhood", "neighborhood", "neighbourhoods", "neighborhoods", "quarter", "suburb",
                 "suburbs", "village", "villages", "camp", "district", "area", "areas", "base", "airbase",
                 "checkpoint", "crossing", "compound", "school", "hospital", "market", "mosque", "square"}


def _specificity(m: "Mention", sdoc) -> float:
    spec = float(m.specificity)
    if m.specificity == 1:
        nxt = sdoc[m.end] if m.end < len(sdoc) else None
        root = sdoc[m.start:m.end].root
        if (nxt is not None and nxt.lower_ in SUBCITY_NOUNS) or (
                root.dep_ == "pobj" and root.head.lower_ == "of" and root.head.head.lower_ in SUBCITY_NOUNS):
            spec = 0.5  # "al-Tijara neighbourhood", "the village of Ashmi"
    return spec


def choose(ev: Event, sents: list, mentions: list[Mention], sentence_level: bool = False,
           events: Iterable[Event] = ()) -> Mention | None:
    """The mention where this event happened, or None when the sentence does not say."""
    if not (0 <= ev.sentence_index < len(sents)):
        return None
    sent = sents[ev.sentence_index]
    sdoc = sent.doc
    trigger = _trigger_token(sdoc, ev)
    others = frozenset(_trigger_token(sdoc, e).i for e in events
                       if e is not ev and e.sentence_index == ev.sentence_index)
    actor_subj = []
    if ev.source is not None and ev.source.start >= 0:
        actor_subj.append((ev.source.start, ev.source.end))
    cands = []
    for m in mentions:
        if not (sent.start <= m.start < sent.end):
            continue
        if ev.trigger_start <= m.start < max(ev.trigger_end, ev.trigger_start + 1):
            continue
        if any(a <= m.start and m.end <= b for a, b in actor_subj) and (ev.target is None or not (ev.target.start <= m.start < ev.target.end)):
            # inside the source actor's words ("Mexico's army"): not a location
            a0, b0 = next((a, b) for a, b in actor_subj if a <= m.start and m.end <= b)
            tok, located = sdoc[m.start:m.end].root, False
            while a0 <= tok.i < b0 and tok.head.i != tok.i:
                if tok.dep_ == "prep" and tok.lower_ in STRONG_PREPS | {"at", "near"}:
                    located = True  # "a car bomb in Syria's western Hama province"
                    break
                tok = tok.head
            if not located:
                continue
        root = sdoc[m.start:m.end].root
        if _modifier_only(root, m.place):
            continue
        att = _attachment(trigger, root, sentence_level, others, statement=ev.event_type in STATEMENT_TYPES)
        if att is None:
            continue
        cands.append((m, att))
    best = None
    ms = [m for m, _ in cands]
    for m, att in cands:
        root = sdoc[m.start:m.end].root
        ref = _is_reference(root) or _contained(m, ms, sdoc, trigger.i)
        # a reference point loses to the place it locates; then the most specific place attached
        # to the trigger ("the village of Ashmi ... in northern Syria" -> Ashmi), then the closest
        key = (att[0] + (1.5 if ref else 0.0), _specificity(m, sdoc), att[1], m.start)
        if best is None or key < best[0]:
            best = (key, m)
    return best[1] if best else None


__all__ = ["GeoStage", "make_geo", "find_mentions", "choose", "Gazetteer", "gazetteer", "normalize", "Mention"]
