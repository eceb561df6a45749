"""The time stage: the day each event happened, resolved against the publication date.

A date expression (a DATE entity, "yesterday", "Thursday's") belongs to the event whose
trigger is its nearest governing word in the parse; weekday names mean the most recent such
day before publication ("Thursday" in an article of Friday 2024-01-05 is 2024-01-04).
Events with no date of their own: ongoing or habitual activity (progressive and perfect
tenses, "in recent weeks") gets null; a report in the simple past gets the day before
publication; in the present, the publication day (see ``Settings``-free constants below).
"""
from __future__ import annotations

import datetime as dt
import re
from functools import lru_cache

from spacy.tokens import Span, Token

from . import registry
from .config import Settings
from .doc import Document, Event, span_ents
from .events.lexicon import lexicon

WEEKDAYS = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"]
RELATIVE_DAYS = {"today": 0, "tonight": 0, "yesterday": -1, "overnight": 0, "tomorrow": 1}
VAGUE = re.compile(r"\b(weeks?|months?|years?|decades?|recent|last few|past few|since|until|ago|season)\b", re.I)
# the undated simple past is most often yesterday's news in a daily report
UNDATED_PAST_OFFSET = -1


FUTURE_AUX = frozenset({"will", "would", "shall", "'ll"})


def is_future(verb: Token) -> bool:
    """A verb told as still to come: "will meet", "would hold"."""
    return any(c.dep_ == "aux" and c.lower_ in FUTURE_AUX for c in verb.children)


@lru_cache(maxsize=4096)
def resolve_expression(text: str, published: dt.date, future: bool = False) -> dt.date | None:
    """Turn one date expression into a day, or None when it names no single day. A weekday of
    something still to come ("will meet on Friday") is the next such day."""
    low = text.lower().strip().rstrip("'s").strip()
    low = re.sub(r"^(just|on|last|this|early|late|on the)\s+", "", low)
    for word, offset in RELATIVE_DAYS.items():
        if re.search(rf"\b{word}\b", low):
            return published + dt.timedelta(days=offset)
    for number, name in enumerate(WEEKDAYS):
        if re.search(rf"\b{name}\b", low):
            back = (published.weekday() - number) % 7  # "on Friday" in Friday's paper is that day
            if future and "last" not in text.lower():
                return published + dt.timedelta(days=(number - published.weekday()) % 7)
            if "next" in low:
                return published + dt.timedelta(days=(number - published.weekday()) % 7 or 7)
            return published - dt.timedelta(days=back)
    if VAGUE.search(low) or not re.search(r"\d", low):
        return None
    import dateparser

    parsed = dateparser.parse(text, languages=["en"], settings={
        "RELATIVE_BASE": dt.datetime.combine(published, dt.time()), "PREFER_DATES_FROM": "past",
        "REQUIRE_PARTS": ["day", "month"], "STRICT_PARSING": False})
    if parsed is None:
        return None
    day = parsed.date()
    # "January 3" with no year: the most recent one, not one in the future
    if not re.search(r"\b\d{4}\b", text) and day > published + dt.timedelta(days=2):
        day = day.replace(year=day.year - 1)
    return day


AGE = re.compile(r"\b(year|month|week|day)s?[- ]old\b", re.I)
DURATION = re.compile(r"^(?:(?:nearly|about|almost|more than|over|some|around|at least|less than)\s+)?(?:an?|one|two|three|"
                      r"several|\d+|a few)\s+(?:hours?|minutes?|seconds?)$|^(?:midnight|noon|dawn|dusk)$", re.I)


def date_expressions(sent: Span) -> list[Span]:
    out = [e for e in span_ents(sent) if e.label_ in ("DATE", "TIME") and not AGE.search(e.text)  # ("60-year-old")
           and not DURATION.search(e.text)]  # ("for nearly an hour", "from midnight": no day)
    covered = {t.i for e in out for t in e}
    for tok in sent:
        if tok.i not in covered and (tok.lower_ in RELATIVE_DAYS or tok.lower_.rstrip("s") in WEEKDAYS
                                     or tok.lower_ in WEEKDAYS):
            out.append(sent.doc[tok.i:tok.i + 1])
    return out


def governing_token(expr: Span, anchors: set[int]) -> Token | None:
    """The nearest token above the expression that is one of ``anchors``, else its verb."""
    # "discovered, on January 3, a missile": a date set off right after a verb is that verb's,
    # whatever the parser attached it to
    before = expr.start - 1
    doc = expr.doc
    first = expr.sent.start  # (not back into the sentence before: "... to leave. On Saturday, ...")
    while before >= first and (doc[before].is_punct or doc[before].lower_ in ("on", "in", "at", "since")):
        before -= 1
    if before >= first and before != expr.start - 1 and doc[before].pos_ == "VERB" and before not in anchors \
            and any(doc[i].is_punct for i in range(before + 1, expr.start)):
        return None
    tok = expr.root
    inside = {t.i for t in expr}
    for _ in range(10):
        if tok.i in anchors and tok.i not in inside:
            return tok
        if tok.pos_ == "VERB" and tok.i not in inside:
            if tok.dep_ == "advcl" and tok.tag_ in ("VBG", "VBN") and tok.i < tok.head.i \
                    and tok.left_edge.i == tok.sent.start:
                # "Meeting in Dar es Salaam on Saturday, the leaders called for ...": an opening
                # participle clause sets the day of the clause it opens
                tok = tok.head
                continue
            return None  # the date belongs to another clause's verb
        if tok.head.i == tok.i:
            return None
        tok = tok.head
    return None


def carrying_verb(trigger: Token) -> Token | None:
    """The verb whose object carries a clause on an event: "passed on Wednesday a resolution
    demanding ...", "issued a statement on Tuesday accusing ..." (the verb's day is the event's);
    and the verb a participle continues: "drove a car bomb into a checkpoint on Wednesday,
    killing nine" (the killing is Wednesday's)."""
    if trigger.dep_ == "advcl" and trigger.tag_ == "VBG" and trigger.head.pos_ == "VERB":
        return trigger.head
    if trigger.dep_ not in ("acl", "relcl") or trigger.tag_ not in ("VBG", "VBD", "VBN"):
        return None
    noun = trigger.head
    if noun.dep_ in ("dobj", "nsubjpass") and noun.head.pos_ == "VERB":
        return noun.head
    return None


def is_ongoing(trigger: Token) -> bool:
    verb = trigger
    while verb.pos_ not in ("VERB", "AUX") and verb.head.i != verb.i:  # spaCy 3.8: a new Token each access
        verb = verb.head
    if verb.tag_ == "VBG" and verb.dep_ in ("advcl", "xcomp", "conj") and verb.head.i != verb.i:
        verb = verb.head  # "it has responded, killing ...": the tense is the main verb's
    aux = [c for c in verb.children if c.dep_ in ("aux", "auxpass")]
    if verb.tag_ == "VBG" and any(a.lemma_ == "be" for a in aux):
        return True
    if any(a.lemma_ == "have" and a.tag_ != "VBD" for a in aux) and \
            not any(a.lemma_ == "be" and a.dep_ == "auxpass" for a in aux):
        return True  # "has responded", "have been attacking"; the pluperfect "had targeted" is past
    return any(e.label_ == "DATE" and VAGUE.search(e.text) and not AGE.search(e.text) for e in span_ents(verb.sent)
               if verb.left_edge.i <= e.start and e.end <= verb.right_edge.i + 1)  # ("a 60-year-old woman")


def simple_tense_date(trigger: Token, published: dt.date) -> dt.date:
    verb = trigger
    while verb.pos_ not in ("VERB", "AUX") and verb.head.i != verb.i:  # spaCy 3.8: a new Token each access
        verb = verb.head
    past = verb.tag_ in ("VBD", "VBN") or any(c.tag_ == "VBD" for c in verb.children if c.dep_ in ("aux", "auxpass"))
    return published + dt.timedelta(days=UNDATED_PAST_OFFSET) if past else published


def statement_date(trigger: Token, sent: Span, published: dt.date) -> tuple[str, dt.date | None] | None:
    """The day of the statement that reports an event, when the event has none of its own."""
    tok = trigger
    for _ in range(6):
        if tok.head.i == tok.i:
            return None
        if tok.dep_ in ("ccomp", "parataxis") and tok.head.lemma_.lower() in lexicon().cue("speech"):
            verb = tok.head
            for expr in date_expressions(sent):
                if expr.root.head.i == verb.i or expr.root.head.head.i == verb.i:
                    day = resolve_expression(expr.text, published)
                    if day is not None or VAGUE.search(expr.text) and not AGE.search(expr.text):
                        return expr.text, day  # ("told parliament last week that ...": no day to give)
            return None
        tok = tok.head
    return None


# "a day after", "two weeks after", "hours after": how many days each unit is
INTERVAL_DAYS = {"day": 1, "week": 7, "hour": 0}
NUMBER_WORDS = {"two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9, "ten": 10,
                "several": None, "few": None}


class TimeStage:
    def __call__(self, doc: Document) -> Document:
        if not doc.events or not doc.published:
            return doc
        try:
            published = dt.date.fromisoformat(doc.published[:10])
        except ValueError:
            return doc
        sents = doc.sentences()
        by_sentence: dict[int, list[Event]] = {}
        for ev in doc.events:
            by_sentence.setdefault(ev.sentence_index, []).append(ev)
        for index, events in by_sentence.items():
            sent = sents[index]
            anchors = {ev.trigger_start: ev for ev in events}
            anchors.update({t: ev for ev in events for t in range(ev.trigger_start, ev.trigger_end)})
            sdoc = doc.spacy_doc
            # light verbs and the verbs that carry a noun trigger also anchor its dates
            for ev in events:
                head = sdoc[ev.trigger_start]
                if head.pos_ not in ("NOUN", "PROPN"):
                    continue
                for _ in range(5):  # "responded on Wednesday with a new wave of airstrikes"
                    if head.head.i == head.i:
                        break
                    head = head.head
                    if head.pos_ in ("VERB", "AUX"):
                        anchors.setdefault(head.i, ev)
                        break
            assigned: dict[int, tuple[str, dt.date | None]] = {}  # by trigger: events sharing one share a date
            for expr in date_expressions(sent):
                gov = governing_token(expr, set(anchors))
                if gov is None:
                    continue
                ev = anchors[gov.i]
                day = resolve_expression(expr.text, published, future=is_future(gov))
                if ev.trigger_start not in assigned or assigned[ev.trigger_start][1] is None and day is not None:
                    assigned[ev.trigger_start] = (expr.text, day)  # the first expression that names a day
            for ev in events:
                trig = sdoc[ev.trigger_start]
                said = statement_date(trig, sent, published)
                if ev.trigger_start not in assigned:
                    # "fired tear gas late on Tuesday and detained 63", "struck on Tuesday, killing
                    # three", "detonated a car bomb and then stormed a hotel late on Thursday": one day
                    # (and an event in its "by"/"in" phrase: "was killed by shelling on Wednesday")
                    through = [g for p in trig.children if p.dep_ in ("agent", "prep") and p.lower_ in ("by", "in")
                               for g in p.children if g.dep_ in ("pobj", "pcomp") and g.i in anchors]
                    def dated(ev_: Event) -> bool:  # (a mate's vague "last month" names no day to share)
                        return ev_.trigger_start in assigned and assigned[ev_.trigger_start][1] is not None
                    mates = [anchors[g.i].trigger_start for g in through if dated(anchors[g.i])]
                    mates += [anchors[m.i].trigger_start for m in (trig.head, *trig.children)
                             if m.i in anchors and m.i != trig.i and dated(anchors[m.i])
                             and is_future(m) == is_future(trig) and (  # ("would strike on Friday and demanded")
                                 m.dep_ == "conj" and m.head.i == trig.i or trig.dep_ == "conj" and m.i == trig.head.i
                                 or trig.dep_ == "advcl" and trig.tag_ == "VBG" and m.i == trig.head.i
                                 # ("blocked roads on Tuesday before police dispersed them": that day)
                                 or trig.dep_ == "advcl" and m.i == trig.head.i and any(
                                     c.dep_ == "mark" and c.lower_ in ("before", "when", "as", "while", "until")
                                     for c in trig.children))]
                    if not mates and trig.dep_ == "advcl" and trig.tag_ == "VBG":
                        # "marched on Tuesday to demand security, blocking roads": a participle hung on
                        # a purpose clause goes on with the clause that clause hangs on
                        up = trig.head
                        while up.i not in anchors and up.dep_ in ("xcomp", "advcl") and up.head.i != up.i:
                            up = up.head
                        if up.i in anchors and up.i != trig.i and dated(anchors[up.i]):
                            mates = [anchors[up.i].trigger_start]
                    if mates:
                        assigned[ev.trigger_start] = assigned[mates[0]]
                    else:
                        carrier = carrying_verb(trig)
                        for expr in date_expressions(sent) if carrier is not None else ():
                            if governing_token(expr, {carrier.i}) is not None:
                                day = resolve_expression(expr.text, published)
                                if day is not None:
                                    assigned[ev.trigger_start] = (expr.text, day)
                                    break
                if ev.trigger_start in assigned:
                    ev.date_text, day = assigned[ev.trigger_start]
                    ev.date = day.isoformat() if day else None
                elif said is not None and not is_ongoing(trig):
                    # "the rebels said on Tuesday they had fired missiles": no later than the statement
                    ev.date_text, day = said
                    ev.date = day.isoformat() if day else None
                elif is_ongoing(trig):
                    ev.date = None
                else:
                    ev.date = simple_tense_date(trig, published).isoformat()
                    ev.date_text = None
            self.interval_after(doc, events, anchors, assigned, sent, published)
        self.refer_back(doc)
        self.headline(doc, sents)
        return doc

    @staticmethod
    def interval_after(doc: Document, events, anchors, assigned, sent, published) -> None:
        """"declared an emergency on Saturday, a day after gangs killed 17 inmates": the event
        of the after-clause is that many days before its main clause's day (hours after: the
        same day), when it names no day of its own."""
        sdoc = doc.spacy_doc
        for ev in events:
            trig = sdoc[ev.trigger_start]
            if ev.trigger_start in assigned and assigned[ev.trigger_start][1] is not None \
                    or trig.dep_ != "advcl" or not any(
                    c.dep_ == "mark" and c.lower_ == "after" for c in trig.children):
                continue
            span = next((c for c in trig.children if c.dep_ == "npadvmod" and c.lemma_.lower() in INTERVAL_DAYS), None)
            if span is None:
                continue
            count = next((c for c in span.children if c.dep_ in ("nummod", "det")), None)
            number = 1 if count is None or count.lower_ in ("a", "an", "one") else NUMBER_WORDS.get(count.lower_)
            if number is None and count is not None and count.like_num and count.text.isdigit():
                number = int(count.text)
            head = trig.head
            day = None
            main = anchors.get(head.i)
            if main is not None and main.trigger_start in assigned and assigned[main.trigger_start][1] is not None:
                day = assigned[main.trigger_start][1]
            else:
                for expr in date_expressions(sent):
                    if governing_token(expr, {head.i}) is not None:
                        day = resolve_expression(expr.text, published)
                        if day is not None:
                            break
            if day is None or number is None:
                continue
            ev.date = (day - dt.timedelta(days=number * INTERVAL_DAYS[span.lemma_.lower()])).isoformat()
            ev.date_text = f"{span.text} after"

    @staticmethod
    def headline(doc: Document, sents) -> None:
        """A headline told in the present ("Russian missile kills five in Odesa") restates the
        story's lead: its undated event takes the day of the first dated event of its type below."""
        title = (doc.title or "").strip()
        if not title or not sents or sents[0].text.strip() != title:
            return
        below = sorted((e for e in doc.events if e.sentence_index > 0 and e.date_text and e.date
                        and not e.hypothetical and not e.negated), key=lambda e: e.trigger_start)
        for ev in doc.events:
            if ev.sentence_index != 0 or ev.date_text or ev.hypothetical:
                continue
            lead = next((e for e in below if e.event_type == ev.event_type), None)
            if lead is not None:
                ev.date, ev.date_text = lead.date, lead.date_text
                ev.evidence += f"; the headline restates the {ev.event_type.lower()} told below ('{lead.date_text}')"

    @staticmethod
    def refer_back(doc: Document) -> None:
        """"The US attack" with no date of its own, after "Thursday's attack" was told: a definite
        event noun refers back to the last dated event of its type, and takes its day."""
        sdoc = doc.spacy_doc
        dated: dict[str, Event] = {}
        for ev in sorted(doc.events, key=lambda e: e.trigger_start):
            trig = sdoc[ev.trigger_start]
            definite = trig.pos_ == "NOUN" and any(c.dep_ == "det" and c.lower_ in ("the", "this", "that")
                                                   for c in trig.children)
            earlier = dated.get(ev.event_type)
            if ev.date_text is None and definite and earlier is not None and not ev.hypothetical:
                ev.date, ev.date_text = earlier.date, earlier.date_text
                ev.evidence += f"; the day of the {ev.event_type.lower()} told before ('{earlier.date_text}')"
            elif ev.date_text is not None and ev.date and not ev.hypothetical and not ev.negated:
                dated[ev.event_type] = ev


@registry.stages.register("time")
def make_time(settings: Settings) -> TimeStage:
    return TimeStage()
