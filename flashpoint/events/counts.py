"""The counts stage: fatalities, injuries and arrests of each event.

Counts are read from the phrase that names the victims of a killing, wounding or arrest verb
tied to the event: its own trigger ("killing a dozen combatants", "nine people ... have been
detained") or a verb the event noun carries ("the attack that killed a brigade commander",
"the attack ... that cost the lives of 89 people").
"""
from __future__ import annotations

import re

from spacy.tokens import Token

from .. import registry
from ..config import Settings
from ..doc import Document
from ..actors.kb import WORDS, knowledge_base
from .arguments import carried_verbs
from .lexicon import headline_verb, lexicon

NUMBER_WORDS = {"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
                "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14,
                "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19, "twenty": 20,
                "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90,
                "hundred": 100, "dozen": 12, "a dozen": 12, "half a dozen": 6, "score": 20}

APPROXIMATION = set(WORDS["approximation"])


def parse_number(tokens: list[Token]) -> int | None:
    words = [t.lower_.replace(",", "") for t in tokens]
    text = " ".join(words)
    if text in NUMBER_WORDS:
        return NUMBER_WORDS[text]
    total = None
    for w in words:
        if re.fullmatch(r"\d+(\.\d+)?", w):
            total = int(float(w)) if total is None else total * int(float(w))
        elif w in NUMBER_WORDS:
            value = NUMBER_WORDS[w]
            total = value if total is None else total * value if value >= 100 else total + value
        elif w in ("million", "thousand"):
            total = (total or 1) * (1_000_000 if w == "million" else 1000)
    return total


def count_of(head: Token) -> int | None:
    """How many people a noun phrase names: '89 people', 'a dozen combatants', 'a commander';
    coordinated ones add up ('a commander and three other members': 4) when each can be counted."""
    first = _count_one(head)
    if first is None or not head.conjuncts:
        return first
    rest = [_count_one(c) for c in head.conjuncts if c.i > head.i and c.pos_ in ("NOUN", "PROPN")]
    return first + sum(rest) if rest and None not in rest else first


def _count_one(head: Token) -> int | None:
    if head.lower_ in ("lives", "life"):
        of = next((c for c in head.children if c.dep_ == "prep" and c.lower_ == "of"), None)
        obj = next((g for g in of.children if g.dep_ == "pobj"), None) if of is not None else None
        return count_of(obj) if obj is not None else None
    if head.like_num:  # "strikes kill 20"
        return parse_number([t for t in head.subtree if t.i <= head.i and (t.like_num or t.lower_ in NUMBER_WORDS)])
    nums = [c for c in head.children if c.dep_ in ("nummod", "quantmod") or c.like_num]
    if nums:
        toks = sorted({t for n in nums for t in n.subtree if t.i < head.i and t.dep_ != "punct"}, key=lambda t: t.i)
        toks = [t for t in toks if t.like_num or t.lower_ in NUMBER_WORDS or t.lower_ in ("a", "half")]
        return parse_number(toks)
    det = next((c for c in head.children if c.dep_ in ("det", "poss")), None)
    if head.tag_ in ("NN", "NNP") and (det is not None and det.lower_ in ("a", "an", "one", "whose", "his", "her", "its",
                                                                        "their") or head.ent_type_ == "PERSON"):
        return 1  # "a brigade commander", "whose leader"
    if head.tag_ == "NNP" and head.pos_ == "PROPN":
        return 1
    return None


def victims(verb: Token) -> Token | None:
    passive = any(c.dep_ in ("nsubjpass", "auxpass") for c in verb.children)
    for c in verb.children:
        if (c.dep_ == "nsubjpass" if passive else c.dep_ == "dobj"):
            return c
    bare = next((c for c in verb.children if c.dep_ == "npadvmod" and c.like_num and c.i == verb.i + 1), None)
    if not passive and bare is not None:  # "police arrest 20", the number read as an adverbial
        return bare
    approx = next((c for c in verb.children if c.dep_ == "prep" and c.i == verb.i + 1 and c.lower_ in APPROXIMATION), None)
    if not passive and approx is not None:  # "police arrest over 100"
        return next((g for g in approx.children if g.dep_ == "pobj" and g.like_num), None)
    if verb.lemma_ == "die":
        return next((c for c in verb.children if c.dep_ == "nsubj"), None)
    return None


class CountsStage:
    def __init__(self):
        lex = lexicon()
        self.kill, self.injure, self.arrest = (set(lex.cue(k)) for k in ("kill", "injure", "arrest"))
        self.actor_nouns = set(knowledge_base().sector_nouns)

    def __call__(self, doc: Document) -> Document:
        sdoc = doc.spacy_doc
        for ev in doc.events:
            trig = sdoc[ev.trigger_start:ev.trigger_end].root  # "missile strike": the head word
            verbs = [trig] if trig.pos_ == "VERB" or headline_verb(trig) else carried_verbs(trig, self.actor_nouns)
            if trig.dep_ in ("nsubj", "dobj") and trig.head.pos_ == "VERB":
                verbs.append(trig.head)  # (the verb carrying it: "carried out an air strike ..., killing three")
            nxt = sdoc[trig.i + 1] if trig.tag_ == "VBG" and trig.i + 1 < trig.sent.end else None
            if trig.tag_ == "VBG" and trig.i == trig.sent.start and trig.dep_ == "advcl" and trig.head.i > trig.i \
                    and not any(c.dep_ in ("dobj", "mark", "aux", "nsubj") for c in trig.children):
                nxt = trig.head  # "Shelling by the RSF killed 27 civilians"
            if nxt is not None and nxt.lemma_.lower() in self.kill | self.injure:
                verbs.append(nxt)  # "shelling kills 27": the verb the -ing word is the subject of
            # "shelled the town, killing 34": a participle without a subject of its own continues the event
            verbs += [c for v in list(verbs) for c in v.children if c.dep_ in ("advcl", "conj") and c.pos_ == "VERB"
                      and not any(g.dep_ in ("nsubj", "nsubjpass") for g in c.children)]
            for verb in verbs:
                lemma = verb.lemma_.lower()
                if lemma == "shoot" and any(c.lower_ == "dead" for c in verb.children):
                    lemma = "kill"  # "shot dead a voter"
                who = victims(verb)
                if who is None or who.i == trig.i:
                    continue  # ("claimed 160 attacks": the event itself, not its victims)
                n = count_of(who)
                if n is None:
                    continue
                if lemma in self.kill and ev.event_type == "ASSAULT" and ev.fatalities is None:
                    ev.fatalities = n
                elif lemma in self.injure and ev.event_type == "ASSAULT" and ev.injuries is None:
                    ev.injuries = n
                elif lemma in self.arrest and ev.event_type == "COERCE" and ev.mode in ("arrest", None) \
                        and ev.arrests is None:  # "fired tear gas and arrested 200": the arrest event's
                    ev.arrests = n
        return doc


@registry.stages.register("counts")
def make_counts(settings: Settings) -> CountsStage:
    return CountsStage()
