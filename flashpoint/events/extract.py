"""The events stage: who did what to whom, read off the dependency parse.

For every trigger the lexicon finds, the rules below locate the source and the target:

* verbs: the subject (or the passive agent, "attacked by a drone from the militias"), the
  object or the preposition the lexicon names ("call on X"), the subject of a that-clause
  ("demands that the force leave"); subjects are inherited along xcomp/conj/advcl chains;
* nouns: possessives and compounds ("Hamas attack", "the US attack on ..."), "by"/"from"
  phrases, "between X and Y", and for nouns carried by a light verb ("launched an attack",
  "issued a message of gratitude to ...") the light verb's subject;
* coordinated actors ("the United States and Israel") give one event each;
* reported speech: events inside what someone said get ``said_by``; a statement that calls
  something a violation, a crime or terrorism is an ACCUSE by the speaker.

Negation and hypotheticals (modals, to-infinitives, complements of threats and demands,
conditionals) are flagged, never dropped. The ``evidence`` field says which rule fired.
"""
from __future__ import annotations

from functools import cached_property

import re
from dataclasses import replace
from itertools import product

from spacy.tokens import Span, Token

from .. import registry
from ..actors.kb import WORDS, knowledge_base
from ..actors.mentions import PLACE_HEADS
from ..actors.resolve import ActorResolver
from ..config import Settings
from ..doc import Actor, Document, Event, span_ents
from ..nlp import inflections
from .arguments import STATE_SECTORS, ArgumentFinder, _same, conjuncts, finite_on_root, prep_objects
from .lexicon import Lexicon, Trigger, lemmas, lexicon
from .ontology import event_types

PAST_PERIOD = re.compile(r"\b(last|ago|earlier this|this year|in (19|20)\d\d|since)\b", re.I)
ARMED_TYPES = {"ASSAULT", "MOBILIZE"}
# what a state does in words or diplomacy, its government does: "Russia urged restraint" is RUSGOV
STATE_WORD_TYPES = {"AGREE", "CONSULT", "SUPPORT", "CONCEDE", "AID", "REQUEST", "ACCUSE", "REJECT", "THREATEN",
                    "SANCTION"}
# events two parties do together: "X and Y agreed" is one event between them
RECIPROCAL_TYPES = {"AGREE", "CONSULT", "COOPERATE"}
# who strikes in a labour strike
LABOUR_SECTORS = {"CVL", "LAB", "EDU", "MED", "AGR", "REL", "REF", "JRN", "BUS", "OPP", "PTY"}
# events done to the people of a place: "imposed a curfew in Cizre", "lifted the siege of Gaza"
# "killed when/as/after X attacked": the clause that tells what killed them
CAUSE_MARKERS = ("when", "as", "after")
# events whose "for" phrase gives the reason, an act of someone else's: "blamed Chad for the
# bombing", "arrested for the attack", "praised Qatar for its mediation" ("hosted X for talks" is a purpose)
REASON_TYPES = {"ACCUSE", "COERCE", "SANCTION", "SUPPORT"}
# bodies with authority over a country's own people
AUTHORITY_SECTORS = {"GOV", "MIL", "COP", "JUD", "LEG"}
PLACE_TARGET_TYPES = {"COERCE", "CONCEDE", "SANCTION", "ASSAULT", "MOBILIZE", "THREATEN", "PROTEST"}


class EventExtractor(ArgumentFinder):
    def __init__(self, lex: Lexicon):
        self.lex = lex
        self.types = event_types()
        self.actor_nouns = set(knowledge_base().sector_nouns)  # nouns that name actors: "demonstrators"
        # nouns a light verb reaches an event noun through: "a series of attacks", "dozens of
        # strikes", "issued a message of gratitude"
        # ("launched ten days of war games": a span of time counts the event too)
        self.counted_by = set(WORDS["quantity"]) | set(WORDS["carrier"]) | set(lex.cue("series")) \
            | set(lex.cue("duration"))
        # "planning" as a modifier: "planning attacks" parsed as a compound
        self.planning_forms = {f for w in lex.cue("planning") for f in inflections(w) if f.endswith("ing")}
        self.harm_verbs = set(lex.cue("kill")) | set(lex.cue("injure"))  # "the strike killed three"

    # -- per document -----------------------------------------------------------------
    def __call__(self, doc: Document) -> Document:
        resolver: ActorResolver = doc.user_data["resolver"]
        events: list[Event] = []
        doc.user_data["events_so_far"] = events  # what an event noun may refer back to
        for index, sent in enumerate(doc.spacy_doc.sents):
            events.extend(self.sentence_events(doc, resolver, index, sent))
        doc.events = events
        return doc

    def sentence_events(self, doc: Document, resolver: ActorResolver, index: int, sent: Span) -> list[Event]:
        found = []
        mention_at = doc.user_data.get("mention_at", {})
        for tok in sent:
            if tok.i in mention_at and mention_at[tok.i].entry.kind != "country":
                continue  # a word of a known name: "Asia-Pacific Economic Cooperation", "Rapid Support Forces"
            hit = self.lex.match(tok)
            if hit is not None:
                found.append((tok, *hit))
        # a word of a longer trigger is no trigger of its own: the "strike" of "went on strike"
        inside = {t.i for _, _, covered in found for t in covered[1:]}
        found = [f for f in found if f[0].i not in inside]
        if not found:
            return self.speech_accusations(doc, resolver, index, sent, {})
        by_token = {tok.i: trig for tok, trig, _ in found}
        events: list[Event] = []
        for tok, trig, covered in found:
            if trig.pos == "V":
                events.extend(self.verb_events(doc, resolver, index, tok, trig, covered, by_token))
            else:
                events.extend(self.noun_events(doc, resolver, index, tok, trig, covered, by_token))
        events = _restated(doc, _distinct(self.gerund_subjects(doc, self.merge_continuations(doc, events))))
        for ev in events:
            root = doc.spacy_doc[ev.trigger_start:ev.trigger_end].root
            ev.target = self.counted_group(doc, ev, events) or ev.target
            ev.target = self.town_people(doc, ev) or ev.target
            if ev.target is None and ev.event_type in PLACE_TARGET_TYPES:
                # nobody named as target: the place the event was aimed at stands in
                ev.target = self.place_target(doc, root, ev.source, ev.event_type) or \
                    self.own_people(doc, root, ev.source) or (
                        self.complement_place(doc, root, ev.source, ev.event_type) if ev.event_type == "MOBILIZE" else None)
            elif ev.target is None and ev.event_type in ("AGREE", "REJECT"):
                # "agreed to postpone the rally in Baku", "rejected a call for troops to be deployed
                # in East Timor": what is agreed or refused to be done there concerns its people
                ev.target = self.complement_place(doc, root, ev.source, ev.event_type)
            doer = self.explosive_source(doc, root, ev) or self.custodian(doc, root, ev)
            if doer is not None:
                ev.source = doer
                ev.evidence += f"; no doer named: {doer.name} ({doer.reason})"
        events.extend(self.speech_accusations(doc, resolver, index, sent, by_token, events))
        events.extend(self.intentions(doc, events))
        return events

    @staticmethod
    def counted_group(doc, ev: Event, events: list[Event]) -> Actor | None:
        """"opened fire to disperse demonstrators, killing one and arresting 12": a bare number as
        object counts members of the group the clause it continues acts on (the nearest such
        event above it whose target is a plural noun), and is of that group's side."""
        target, sdoc = ev.target, doc.spacy_doc
        if target is None or target.start < 0 or target.end - target.start != 1 or not sdoc[target.start].like_num:
            return None
        above = {t.i for t in sdoc[ev.trigger_start:ev.trigger_end].root.ancestors}
        for other in sorted(events, key=lambda e: -e.trigger_start):
            group = other.target
            if other is ev or sdoc[other.trigger_start:other.trigger_end].root.i not in above or group is None \
                    or group.start < 0 or sdoc[group.start:group.end].root.tag_ not in ("NNS", "NNPS"):
                continue
            return replace(target, country=group.country, sector=group.sector, name=group.name,
                           actor_id=group.actor_id, reason=f"the {target.text} counted are of {group.text}")
        return None

    def type_of(self, tok: Token) -> str | None:
        """The event type of the lexicon phrase ``tok`` heads, if any."""
        hit = self.lex.match(tok)
        return hit[0].event_type if hit is not None else None

    def merge_continuations(self, doc, events: list[Event]) -> list[Event]:
        """"shelled the town, killing 34 civilians": the participle continues the same event; so
        does a toll told of it ("air raids in which it said 20 people were killed or wounded")."""
        sdoc = doc.spacy_doc
        speech = self.lex.cue("speech")
        kept: list[Event] = []

        def carrier(e: Event) -> int | None:
            # the light verb carrying an event noun, through its conjuncts: "launched artillery,
            # mortar and rocket fire"
            root = sdoc[e.trigger_start:e.trigger_end].root
            while root.dep_ == "conj" and root.head.i != root.i:
                root = root.head
            return root.head.i if root.dep_ == "dobj" else None

        for ev in events:
            tok = sdoc[ev.trigger_start]

            def told_on(head: Token) -> list[Event]:
                # (the main event may be a noun its verb carries: "carried out an air strike ..., killing three")
                return [e for e in kept if e.event_type == ev.event_type and e.hypothetical == ev.hypothetical
                        and (sdoc[e.trigger_start:e.trigger_end].root.i == head.i or carrier(e) == head.i != tok.i)]
            # the clause the word belongs to: the first of "killing or wounding", "were killed or
            # wounded"; and past a speaker inside it ("in which it said 20 were killed")
            up = tok
            while up.dep_ == "conj" and up.head.i != up.i:
                up = up.head
            if up.dep_ == "ccomp" and any(w in speech for w in lemmas(up.head)) and (
                    up.head.dep_ == "relcl" or _relative(up.head)):
                up = up.head
            main = None
            if tok.tag_ == "VBG" and tok.dep_ in ("advcl", "conj", "xcomp"):
                main = next(iter(told_on(tok.head)), None)
                if main is None and up.i != tok.i and up.tag_ == "VBG" and up.dep_ in ("advcl", "xcomp"):
                    main = next(iter(told_on(up.head)), None)  # "rallied, waving flags and chanting slogans"
            elif up.dep_ == "advcl" and any(c.dep_ in ("mark", "advmod") and c.lower_ in ("when", "as")
                                            for c in up.children) \
                    or up.dep_ == "relcl" and up.head.pos_ == "NOUN" or _relative(up):
                # "killed 23 people when they blew themselves up", "air raids in which two were
                # killed": the clause tells the same event again (an "in which" clause the parser
                # hung elsewhere is about the last such event before it)
                if up.dep_ == "relcl" or not _relative(up):
                    told = told_on(up.head)
                else:
                    told = [e for e in reversed(kept) if e.event_type == ev.event_type
                            and e.hypothetical == ev.hypothetical and e.trigger_end <= up.left_edge.i]
                # (a clause with no doer named, make_event's unnamed source, tells it too)
                main = next((e for e in told if not ev.source or not ev.source.text
                             or not e.source or not e.source.text or _same(e.source, ev.source)), None)
            if main is None and up.dep_ == "pcomp" and up.tag_ == "VBG" and up.head.dep_ == "prep" \
                    and up.head.head.dep_ in ("advcl", "xcomp", "acl") and up.head.head.tag_ == "VBG":
                # "rioted, joining demonstrators in demanding ...": a gerund after a preposition belongs
                # to the clause of the participle it hangs on
                up = up.head.head
            if main is None and up.dep_ in ("advcl", "xcomp", "acl") \
                    and (up.tag_ == "VBG" or any(c.tag_ == "TO" for c in up.children)) \
                    and (ev.event_type in ("REQUEST", "ACCUSE", "PROTEST") or (ev.event_type, ev.mode) == ("COERCE", "destroy")):
                # "demonstrated calling for independence", "began a hunger strike to demand ...",
                # "rioted, setting fire to mattresses": what protesters say or do as they protest is the protest
                # (also hung on what they block: "blocked roads in Dhaka demanding ...")
                main = next((e for e in kept if e.event_type == "PROTEST" and (
                    sdoc[e.trigger_start:e.trigger_end].root.i == up.head.i or carrier(e) == up.head.i
                    or up.head.dep_ == "dobj" and sdoc[e.trigger_start:e.trigger_end].root.i == up.head.head.i)
                    and (not ev.source or not ev.source.text or not e.source or not e.source.text
                         or _same(e.source, ev.source))), None)
            if main is None:
                kept.append(ev)
                continue
            if main.target is None and ev.target is not None:
                main.target = ev.target
                main.evidence += f"; target from '{tok.text}'"
        return kept

    def gerund_subjects(self, doc, events: list[Event]) -> list[Event]:
        """"Paramilitary shelling kills 27", "Rebel shelling killed 27 people": an -ing word right
        before a verb of killing or wounding can only be its subject, a noun naming the event
        (however the parser read it): one event, with the doer named before the -ing word (or the
        verb's subject) as source and the verb's object as target."""
        sdoc = doc.spacy_doc
        out = list(events)
        for gev in events:
            g = sdoc[gev.trigger_start:gev.trigger_end].root
            nxt = sdoc[g.i + 1] if g.i + 1 < g.sent.end else None
            if self.opening_gerund(g):
                nxt = g.head  # "Shelling by the RSF killed 27 civilians", however the parser hung the phrase
            if g.tag_ != "VBG" or gev.event_type != "ASSAULT" or nxt is None \
                    or nxt.lemma_.lower() not in self.harm_verbs:
                continue
            told = [e for e in events if e is not gev and e.event_type == gev.event_type
                    and sdoc[e.trigger_start:e.trigger_end].root.i == nxt.i and e.hypothetical == gev.hypothetical]
            if not told or gev not in out:
                continue
            named = gev.source is not None and bool(gev.source.text)
            if nxt.i != g.i + 1:
                # the phrase opens the sentence: the verb's event (its place and time) tells it, with
                # the -ing word's doer and weapon
                for e in told:
                    if named and not (e.source is not None and e.source.text):
                        e.source = gev.source
                    if not e.mode and gev.mode:
                        e.mode, e.intensity = gev.mode, self.types[e.event_type].score(gev.mode)
                    e.evidence += f"; the '{g.text}' that {nxt.text} (one event, doer and weapon from '{g.text}')"
                out.remove(gev)
                continue
            for k, e in enumerate(told):
                ev = gev if k == 0 else replace(gev)
                if not named and e.source is not None and e.source.text:
                    ev.source = e.source
                ev.target = ev.target or e.target
                ev.evidence += f"; the '{g.text}' that {nxt.text} (one event, victims from '{nxt.text}')"
                out.remove(e)
                if k:
                    out.insert(out.index(gev) + k, ev)
        return out

    @staticmethod
    def opening_gerund(g: Token) -> bool:
        """An -ing word with no object or marker opening the sentence before its verb ("Shelling by
        the RSF killed 27"): the subject of that verb, however parsed."""
        return g.tag_ == "VBG" and g.i == g.sent.start and g.dep_ in ("advcl", "csubj", "nsubj") \
            and g.head.i > g.i and g.head.pos_ == "VERB" \
            and not any(c.dep_ in ("dobj", "mark", "aux", "nsubj") for c in g.children)

    # -- verbs ------------------------------------------------------------------------
    def noun_carried(self, verb: Token, trig: Trigger, by_token) -> bool:
        """"gave a warm welcome to", "delivered a warning", "joined the protests": a light verb's
        event noun of another kind is the news, the verb only carries it (a promise stays one:
        "offered support")."""
        if trig.event_type == "REQUEST" and any(w in self.lex.cue("command") for w in lemmas(verb)) and any(
                c.dep_ == "dobj" and c.i in by_token and by_token[c.i].pos == "N"
                and by_token[c.i].event_type != "REQUEST" and not any(
                    g.dep_ == "poss" or g.dep_ == "prep" and g.lower_ == "by" for g in c.children)
                for c in verb.children):
            # "ordered the deportation of 30 men", "ordered an inquiry": who orders it does it
            # ("ordered patrols by police": others do it)
            return True
        if "hyp" in trig.flags or len(trig.phrase) > 1 or not any(w in self.lex.cue("light") for w in lemmas(verb)):
            return False  # ("called off a strike": a phrase of its own)
        return any(c.dep_ == "dobj" and c.i in by_token and by_token[c.i].pos == "N"
                   and by_token[c.i].event_type != trig.event_type for c in verb.children)

    def verb_events(self, doc, resolver, index, verb: Token, trig: Trigger, covered, by_token) -> list[Event]:
        if self.noun_carried(verb, trig, by_token):
            return []
        if trig.event_type == "REQUEST" and verb.lemma_.lower() in self.lex.cue("attempt") and any(
                c.dep_ == "xcomp" for c in verb.children):
            return []  # "sought to ease tensions": seeking to do something is trying it, not asking
        if verb.dep_ == "acl" and verb.tag_ == "VBN" and not finite_on_root(verb) and not self.speaker_noun(verb.head):
            return []  # a participle describing a state: "the bases occupied by ...", "the force sent to ..."
        if verb.dep_ == "amod" and not any(c.dep_ == "nsubj" for c in verb.children) or verb.tag_ in ("VBN", "VBD") and verb.i > 0 and verb.doc[verb.i - 1].lower_ in ("to", "of", "in") \
                and not any(c.dep_ in ("nsubj", "nsubjpass", "aux", "auxpass") and c.i != verb.i - 1 for c in verb.children):
            return []  # a participle used as an adjective: "occupied Crimea", "linking Russia to occupied Crimea"
        if verb.tag_ == "VBN" and verb.dep_ in ("dobj", "nsubj", "nsubjpass", "pobj", "conj", "appos") \
                and any(c.dep_ == "det" for c in verb.children) \
                and not any(c.dep_ in ("nsubj", "nsubjpass", "aux", "auxpass", "dobj", "agent") for c in verb.children):
            return []  # "evacuated the wounded", "among the injured": the people hurt, named by a participle
        if trig.event_type == "ASSAULT" and verb.dep_ == "acl" and verb.tag_ == "VBG" and not trig.mode \
                and self.type_of(verb.head) not in (None, "ASSAULT"):
            return []  # "sanctions targeting Russian banks": whom the measure is aimed at, no attack
        if trig.event_type == "CONSULT" and any(c.dep_ == "oprd" for c in verb.children):
            return []  # "called the attack pure terror": naming it, not a call
        if trig.event_type in ("AID", "AGREE") and any(c.dep_ == "dobj" and c.lemma_.lower() in self.lex.cue("message")
                                                       for c in verb.children):
            return []  # "sent a message of condolence", "gave no death toll", "offered condolences": words
        if trig.event_type == "REQUEST" and any(
                c.dep_ == "xcomp" and any(g.dep_ == "neg" for g in c.children) and c.lemma_.lower() in self.lex.cue("anonymity")
                for c in verb.children):
            return []  # "an official who asked not to be named": a source's condition, no request
        if trig.event_type == "ACCUSE" and not any(c.dep_ == "dobj" for c in verb.children) and any(
                c.dep_ == "prep" and c.lower_ in self.lex.cue("physical") for c in verb.children):
            return []  # "a missile slammed into a building": a movement, not criticism
        if trig.event_type == "REQUEST" and not any(
                c.dep_ in ("dobj", "dative") or c.dep_ == "prep" and not any(g.ent_type_ in ("DATE", "TIME") for g in c.children)
                for c in verb.children) \
                and any(c.dep_ == "ccomp" and _stated(c, self.lex.cue("obligation")) for c in verb.children):
            return []  # "insisted (that) the unrest reflected old tensions": a claim, not a demand
        if verb.tag_ == "VBG" and verb.dep_ == "pcomp" and verb.head.dep_ == "prep" and verb.head.head.pos_ == "NOUN" \
                and verb.head.head.i not in by_token \
                and not any(c.dep_ in ("nsubj", "nsubjpass", "dobj", "agent", "dative") for c in verb.children):
            return []  # "its involvement in killing", "experience in fighting": an activity named, no event told
        if verb.dep_ in ("acl", "relcl") and verb.head.i in by_token and by_token[verb.head.i].pos == "N" \
                and self.background_noun(verb.head):
            return []  # "rioted after a demonstration calling for ...": what a background event did is background
        if self.background_clause(verb):
            return []  # "in Serbia, where 24 people were killed in riots last March": background
        if verb.dep_ == "relcl" and (verb.tag_ in ("VBP", "VBZ") and not any(c.dep_ == "aux" for c in verb.children)
                                     or any(c.dep_ == "auxpass" and c.tag_ in ("VBP", "VBZ") for c in verb.children)):
            return []  # "the parties that support him", "a government which is backed by": standing relations
        if trig.event_type == "SANCTION" and any(c.dep_ == "dobj" and self.type_of(c) == "ASSAULT" for c in verb.children):
            trig = _with_mode(_with_type(trig, "RETREAT", "074"), "ceasefire")  # "suspending attacks on US troops"
        if "clause" in trig.flags and any(c.dep_ == "ccomp" for c in verb.children):
            # "warned that police will no longer tolerate rallies" threatens; "warned that the
            # conflict could spread" names no one who would act, and is no event
            clauses = [c for c in verb.children if c.dep_ == "ccomp"]
            acting = [g for c in clauses for g in c.children if g.dep_ == "nsubj"]
            # (a passive clause threatens what will be done: "rallies would not be tolerated"; civilians
            # "caught in the crossfire" do nothing)
            modal = self.lex.cue("modal")
            if not any(a is not None and a.sector not in ("CVL", "REF") for a in (resolver.resolve(g, doc) for g in acting)) \
                    and not any(self.lex.match(c) is not None or any(g.dep_ == "nsubjpass" for g in c.children)
                                and any(a.dep_ == "aux" and a.lower_ in modal for a in c.children) for c in clauses):
                return []
            trig = _with_type(trig, "THREATEN", "130")
        # a "by" phrase alone does not make an active verb passive ("X shortened by one hour the curfew")
        passive = any(c.dep_ in ("nsubjpass", "auxpass") for c in verb.children) or \
            any(c.dep_ == "agent" for c in verb.children) and not any(c.dep_ == "nsubj" for c in verb.children) or \
            verb.dep_ == "conj" and verb.tag_ == "VBN" and not any(c.dep_ in ("nsubj", "aux") for c in verb.children) \
            and any(c.dep_ in ("nsubjpass", "auxpass") for c in verb.head.children)  # "were killed or injured"
        if not passive and verb.tag_ in ("VBD", "VBN") and verb.lemma_.lower() in self.lex.cue("kill") \
                and not any(c.dep_ in ("dobj", "aux", "auxpass") for c in verb.children) \
                and any(c.dep_ == "nsubj" for c in verb.children) and (
                    any(c.dep_ == "nsubj" and (c.like_num or any(g.dep_ == "nummod" for g in c.children))
                        for c in verb.children)
                    or any(c.dep_ == "advcl" and any(m.lower_ in CAUSE_MARKERS for m in c.children
                                                     if m.dep_ in ("mark", "advmod")) for c in verb.children)):
            passive = True  # a headline's "Two killed as rangers open fire": the counted are the dead
        subj = self.subject_of(verb)
        # "the attack that killed a commander": the event noun carries this verb
        if subj is not None:
            ref = subj.head.head if subj.lower_ in ("that", "which") and subj.head.dep_ == "relcl" else subj
            if ref.i != subj.i and ref.lemma_.lower() not in self.actor_nouns and ref.ent_type_ != "PERSON":
                # "an attack on a US outpost in Jordan that killed three soldiers": the clause
                # hangs on the place, but tells what the attack did
                up = ref
                while up.dep_ in ("pobj", "prep") and up.head.i != up.i and up.i not in by_token:
                    up = up.head
                ref = up if up.i in by_token else ref
            if ref.i in by_token and by_token[ref.i].pos == "N":
                return []
        sources: list[Actor | None] = []
        rule = "subject"
        reported = self.reported_clause(verb) if trig.event_type in ("ACCUSE", "PROTEST") and not passive else None
        if reported is not None and verb.dep_ == "acl":
            subj = verb.head  # the speaker the participle hangs on
        stative = passive and verb.lemma_.lower() in self.lex.cue("stative") and self.agent_of(verb) is None
        if stative:  # "Israel is opposed to French mediation": Israel opposes it
            passive = False
            rule = "subject of a stative passive"
        if passive:
            agent = self.agent_of(verb) or self.distant_agent(verb)
            weapon_mode = None
            if agent is not None:
                actor_tok, weapon_mode = self.through_instrument(agent)
                if actor_tok is not None:
                    sources = self.actors_of(doc, resolver, actor_tok)
                    rule = "passive agent"
            if not any(sources) and trig.event_type == "ASSAULT":
                # "two were killed when armed thugs attacked polling units": the attackers
                cause = next((c for c in verb.children if c.dep_ == "advcl" and self.type_of(c) == "ASSAULT"
                              and any(m.dep_ in ("advmod", "mark") and m.lower_ in CAUSE_MARKERS
                                      for m in c.children)), None)
                doer = self.subject_of(cause) if cause is not None else None
                if doer is not None:
                    sources = self.actors_of(doc, resolver, doer)
                    rule = f"subject of '{cause.text}' (what killed them)" if any(sources) else rule
            if not any(sources) and trig.event_type == "ASSAULT":
                # "five people were killed in an Israeli airstrike", "soldiers were wounded in clashes
                # with Taliban fighters": whoever did the attack they were hit in
                for c in verb.children:
                    noun = next((g for g in c.children if g.dep_ == "pobj"), None) \
                        if c.dep_ == "prep" and c.lower_ in ("in", "during") else None
                    if noun is None or self.type_of(noun) != "ASSAULT":
                        continue
                    found = [a for a in [self.doer(doc, resolver, noun)] if a is not None and not self.town_of(doc, a, noun)]
                    if not found and "prep:with" in self.lex.match(noun)[0].targets:
                        found = [a for p in noun.children if p.dep_ == "prep" and p.lower_ == "with"
                                 for g in prep_objects(p) for a in self.actors_of(doc, resolver, g)]
                    if found:
                        sources, rule = found, f"doer of the '{noun.text}' they were hit in"
                        break
            if not any(sources):
                # a state body reporting its own arrests or seizures did them; one reporting
                # casualties did not cause them
                sources = [self.attributed_source(doc, resolver, verb)] if trig.event_type in (
                    "COERCE", "SANCTION", "MOBILIZE") else [None]
                rule = "attribution" if sources[0] else "no source named"
            if subj is None and verb.dep_ == "pcomp" and verb.head.dep_ == "prep" \
                    and verb.head.lower_ in ("after", "before", "when", "while", "upon", "on"):
                # "a man died after being struck by a projectile", "were hospitalised after being
                # beaten": who underwent it is the subject of the clause the time phrase hangs on
                subj = next((c for c in verb.head.head.children if c.dep_ in ("nsubj", "nsubjpass")), None)
            targets = self.actors_of(doc, resolver, subj) or [None]
            if targets == [None] and subj is not None and subj.pos_ == "NOUN" and trig.targets:
                # "a camp for Congolese refugees was attacked": the subject's phrase is read as the
                # object's would be ("attacked a camp for Congolese refugees")
                for tok in self.nearby_objects(subj, {t.i for t in covered}):
                    found = self.actors_of(doc, resolver, tok)
                    if found:
                        targets = found
                        break
            if trig.event_type == "RETREAT" and trig.mode != "release" and not any(sources) and any(targets):
                # "guerrillas were demobilized", "troops were withdrawn": they are the ones retreating
                sources, targets, rule = targets, [None], "passive subject (who retreats)"
            if weapon_mode and not trig.mode:
                trig = _with_mode(trig, weapon_mode)
        else:
            if subj is not None:
                sources = self.actors_of(doc, resolver, subj)
            targets = self.targets_of(doc, resolver, verb, trig, covered, sources)
            if targets == [None] and verb.dep_ == "amod":
                # "The army tortured prisoners" parsed as "tortured prisoners": the noun is its object
                targets = self.actors_of(doc, resolver, verb.head) or [None]
            if reported is not None:
                # "Croatian authorities are failing refugees, a rights group protested": words against
                # whoever the reported clause is about
                if trig.event_type == "PROTEST":
                    trig = _with_mode(_with_type(trig, "ACCUSE", "111"), "disapprove")
                    rule += "; a protest in words → ACCUSE"
                if targets == [None]:
                    about = self.subject_of(reported)
                    targets = [a for a in self.actors_of(doc, resolver, about)
                               if not any(s is not None and _same(s, a) for s in sources)] or [None]
            if trig.event_type == "PROTEST" and all(t is None or t.sector is None and not (t.actor_id or "").startswith(
                    ("org:", "igo:", "person:", "country:")) for t in targets):
                # (a square or street marched from is no one protested against: "marched from the
                # square toward the Congress building")
                targets = self.protest_target(doc, resolver, verb) or targets
            # "proposed that this force withdraw": a that-clause in the subjunctive is a request
            wish = self.subjunctive_subject(verb) if trig.event_type in ("AGREE", "REQUEST") else None
            if wish is not None:
                trig = _with_type(trig, "REQUEST", "100")
                targets = self.actors_of(doc, resolver, wish) or targets
                rule += "; that-clause in the subjunctive → REQUEST"
        if trig.event_type == "AGREE" and "hyp" in trig.flags:
            # "vowed to fight on", "promised to retaliate": a promise of force is a threat
            for c in verb.children:
                to_clause = c.dep_ in ("xcomp", "ccomp") or c.dep_ == "advcl" and any(a.tag_ == "TO" for a in c.children)
                hit = self.lex.match(c) if to_clause else None
                if hit is None and to_clause and any(w in self.lex.cue("light") for w in lemmas(c)):
                    # "vowed to continue the offensive": the act is the light verb's object
                    hit = next((h for g in c.children if g.dep_ == "dobj" for h in [self.lex.match(g)] if h), None)
                if hit is not None and self.types[hit[0].event_type].quad == 4:
                    trig = _with_type(trig, "THREATEN", "138")
                    rule += f"; promises to {hit[0].text} → THREATEN"
                    break
        if trig.event_type == "REJECT" and targets == [None] and any(
                c.dep_ == "dobj" and c.lemma_.lower() in self.lex.cue("charge") for c in verb.children):
            # "Moscow dismissed the allegations": whoever made them, the last accuser of the rejecter's side
            accusers = [e.source for e in doc.user_data.get("events_so_far", []) if e.event_type == "ACCUSE"
                        and e.source is not None and e.source.country and e.target is not None
                        and any(s is not None and s.country == e.target.country for s in sources)]
            if accusers:
                targets, rule = accusers[-1:], rule + "; the allegations rejected are the last accuser's"
        if trig.event_type == "THREATEN" and targets == [None]:
            targets = self.threatened(doc, resolver, verb) or [None]
        if trig.event_type == "CONSULT" and trig.mode == "visit" and verb.lemma_.lower() == "arrive" and any(sources) \
                and all(s is None or s.sector in ("MIL", "COP") and not (s.actor_id or "").startswith("person:")
                        for s in sources) and any(c.dep_ == "prep" and c.lower_ in ("in", "at") for c in verb.children):
            # "400 Kenyan police officers arrived in Port-au-Prince": a deployment, not a visit
            trig = _with_mode(_with_type(trig, "MOBILIZE", "152"), None)
            targets, rule = [None], rule + "; forces arriving → MOBILIZE"
        if trig.event_type == "MOBILIZE" and any(self.keeps_peace(c) for c in verb.children
                                                  if c.dep_ in ("nsubj", "nsubjpass", "dobj")):
            # "UN peacekeepers arrived in Haiti", "deployed peacekeepers to Bosnia": peacekeeping
            # (CAMEO 074) is aid to where they go, whoever sends them
            trig = _with_mode(_with_type(trig, "AID", "074"), None)
            targets = self.destination(doc, resolver, verb) or [None]
            rule += "; peacekeepers deployed → AID"
        mention_at = doc.user_data.get("mention_at", {})
        if trig.event_type == "REQUEST" and verb.lemma_.lower() in self.lex.cue("command") and any(sources) and all(
                t is not None and t.sector in ("MIL", "COP") and not t.actor_id and
                any(s is not None and s.country and (s.country == t.country or not any(
                    mention_at[i].entry.kind == "country" for i in range(t.start, t.end) if i in mention_at))
                    and (s.sector in ("GOV", None)) for s in sources)
                for t in targets):
            # "ordered the army onto the streets": a government moving its own forces mobilises them
            # (the army it orders is its own, whatever country the story is about)
            trig = _with_mode(_with_type(trig, "MOBILIZE", "152"), "troops" if targets[0].sector == "MIL" else "police")
            targets, rule = [None], rule + "; a government ordering its own forces → MOBILIZE"
        if trig.event_type == "REQUEST" and verb.lemma_.lower() in self.lex.cue("command") and any(
                c.dep_ in ("xcomp", "ccomp") and c.lemma_.lower() in self.lex.cue("departure") for c in verb.children) \
                and not all(t is None or t.sector in ("MIL", "COP") for t in targets):  # (forces told to pull out)
            # "ordered four Russian diplomats to leave the country": an expulsion; of a state's envoys or
            # an agency it reduces relations (CAMEO 166), of people it coerces (174)
            envoys = any(t is not None and (t.sector == "GOV" or t.country in ("IGO", "NGO")) for t in targets)
            trig = _with_mode(_with_type(trig, "SANCTION", "166"), "expel") if envoys else \
                _with_mode(_with_type(trig, "COERCE", "174"), "deport")
            rule += "; ordered to leave → expelled"
        if trig.event_type == "REQUEST" and verb.lemma_.lower() in self.lex.cue("command") and any(
                c.dep_ == "xcomp" and c.lemma_.lower() in self.lex.cue("cessation") for c in verb.children) \
                and any(s is not None and (s.sector in AUTHORITY_SECTORS or s.sector is None and s.country)
                        for s in sources) \
                and targets and all(t is not None and t.sector not in AUTHORITY_SECTORS and t.country not in ("IGO", "NGO")
                                    and (not t.country or any(s is not None and s.country in (None, t.country)
                                                              for s in sources)) for t in targets):
            # "the government ordered the newspaper to suspend publication", "ordered the factory
            # to close": an authority stopping its own people or bodies restricts them (CAMEO 172),
            # the media it silences are censored (175)
            media = all(t.sector == "JRN" for t in targets)
            trig = _with_mode(_with_type(trig, "COERCE", "175" if media else "172"), "censor" if media else "restrict")
            rule += "; ordered to stop → restricted"
        if trig.event_type == "RETREAT" and trig.mode == "release" and any(
                s is not None and s.sector in ("MIL", "COP") for s in sources) and any(
                t is not None and t.start >= 0 and any(
                    w.lemma_.lower() in self.lex.cue("captive") or w.lower_ in self.lex.cue("captive")
                    or w.lemma_ == "hold" and any(c.dep_ == "agent" for c in w.children)  # "held by kidnappers"
                    for w in verb.doc[t.start:t.end].root.subtree)
                for t in targets):
            # "troops freed 38 villagers held by kidnappers": a rescue, not a release by their captors
            trig = _with_mode(_with_type(trig, "AID", "073"), None)
            rule += "; captives freed by state forces → rescued"
        if trig.event_type == "COERCE" and trig.mode == "deport" and any(
                t is not None and (t.country in ("IGO", "NGO") or t.sector == "GOV" and any(
                    s is not None and s.country and t.country and s.country != t.country for s in sources))
                for t in targets):
            # "forced the UN refugee agency out of the country", "deported two Iranian diplomats":
            # sending away another state's envoys or an international body reduces relations (CAMEO 166)
            trig = _with_mode(_with_type(trig, "SANCTION", "166"), "expel")
            rule += "; envoys or an agency sent away → expelled"
        if trig.event_type == "SANCTION" and trig.mode == "discontinue" and targets and all(
                t is not None and t.sector == "JRN" for t in targets):
            # "suspended two foreign broadcasters": silencing the media is censorship (CAMEO 175)
            trig = _with_mode(_with_type(trig, "COERCE", "175"), "censor")
            rule += "; media suspended → censored"
        if trig.event_type == "COOPERATE" and trig.cameo == "0631" and any(
                w.lemma_.lower() in self.lex.cue("relief") for c in verb.children if c.dep_ == "dobj"
                for o in conjuncts(c) for w in o.subtree):
            # "handed over 700 kg of medicine to the Red Crescent": relief goods handed over are
            # aid (CAMEO 070); people handed over are extradited
            trig = _with_mode(_with_type(trig, "AID", "070"), None)
            rule += "; relief goods handed over → AID"
        if trig.event_type == "AID" and verb.lemma_.lower() in self.lex.cue("dispatch"):
            obj = next((c for c in verb.children if c.dep_ == "dobj"), None)
            inspect = self.lex.cue("inspection")
            if any(w.lemma_.lower() in inspect for o in conjuncts(obj) for w in o.subtree) or any(
                    c.dep_ in ("advcl", "xcomp") and c.lemma_.lower() in inspect for c in verb.children):
                # "sent inspectors to the plant", "sent a team to Bosnia to investigate": an
                # investigation of where they go (CAMEO 09), not aid
                trig = _with_mode(_with_type(trig, "ACCUSE", "090"), "investigate")
                rule += "; inspectors sent → investigation"
        if trig.event_type == "AID" and verb.lemma_.lower() in self.lex.cue("dispatch"):
            # "sent army units to the province": a deployment of its own forces, not aid (troops
            # sent to keep the peace are still aid, CAMEO 074)
            obj = next((c for c in verb.children if c.dep_ == "dobj"), None)
            moved = [resolver.resolve(o, doc) for o in conjuncts(obj)] if obj is not None else []
            own = {s.country for s in sources if s is not None}
            if moved and all(m is not None and m.sector in ("MIL", "COP") and (not m.country or not own or m.country in own)
                             for m in moved) and not any(w.lemma_.lower() in self.lex.cue("peacekeeping")
                                                         for o in conjuncts(obj) for w in o.subtree):
                trig = _with_mode(_with_type(trig, "MOBILIZE", "152"), "police" if all(m.sector == "COP" for m in moved)
                                  else "troops")
                rule += "; its own forces sent → deployed"
        if trig.event_type == "MOBILIZE":
            # "Britain mobilised reservists for a war against Iraq": the forces moved are the
            # mover's own; the target is whom they are massed against, if anyone
            own = {s.country for s in sources if s is not None}
            # (rebels of its own country are still whom it moves against: "massed troops to attack
            # Kurdish rebels")
            if not any(targets) or any(t is not None and t.country in own and (t.sector in STATE_SECTORS or not t.sector)
                                       for t in targets):
                targets = self.against(doc, resolver, verb) or [None]
                rule += "; the forces moved are its own, the target is whom they are against"
        sources = [s for s in sources if s is not None] or [None]
        mutual = trig.event_type == "ASSAULT" and verb.lemma_.lower() in self.lex.cue("mutual")
        if trig.event_type == "RETREAT" and verb.lemma_.lower() in self.lex.cue("mutual") and len(sources) == 2:
            # "the two sides exchanged prisoners": each releases the other's; the captives are no side
            targets = [None]
            mutual = True
        parties = {s.country for s in sources if s is not None and s.country}
        if (trig.event_type in RECIPROCAL_TYPES or mutual or "prep:with" in trig.targets) and len(sources) == 2 \
                and (targets == [None] or len(parties) == 2 and all(
                    t is None or t.country in parties or not (t.country or t.sector) for t in targets)) \
                and not passive:
            # (what the two agree on names no third party: "the two ministers agreed to halt the fighting")
            # "Jordan and Britain agreed to hold exercises": one event between the two, not two halves (so
            # is any act whose counterpart is a "with" phrase: "X and Y restored ties", "failed to reach agreement")
            sources, targets = sources[:1], sources[1:]
            rule += "; 'X and Y' together → X with Y"
        civil = next((f for f in trig.flags if f.startswith("civil")), None)
        if civil and reported is None and sources[0] is not None and sources[0].sector not in STATE_SECTORS \
                and (sources[0].sector or not (sources[0].actor_id or "").startswith("country:")):
            # protesters blocking roads obstruct (police restrict); people protest, governments disapprove
            mode = civil.partition(":")[2] or "obstruct"
            trig = _with_mode(_with_type(trig, "PROTEST", "141" if mode == "demo" else "144"), mode)
            rule += "; done by non-state actors → PROTEST"
            # what is blocked is the target when it is a known body or has a sector ("blockaded the
            # capital to demand ...": the capital, not what the demand is about); roads or "streets in
            # Hong Kong" are none, and then whom it protests against
            targets = [t for t in targets if t is not None and (t.sector or t.actor_id)] or \
                self.protest_target(doc, resolver, verb, sources) or [None]
        mode = self.instrument_mode(verb) or trig.mode or self.subject_weapon(verb)
        events = []
        pairs = []
        for source, target in product(sources, targets or [None]):
            if target is not None and any(s is not None and _same(s, target) for s in sources):
                # "Iran warned it would respond to any attack on its territory"; "Mali and
                # Burkina Faso warned that an intervention would be war against them"
                target = None
            if (source, target) not in pairs:
                pairs.append((source, target))
        for source, target in pairs:
            # "she was arrested", "he was charged": told of someone, though no coded actor (one only
            # threatened or supposed, with no one named, is nothing: "those behind it will be hunted down")
            told_of = trig.mode in ("arrest", "allege") and self.suffered(verb) and not self.modality(verb)[1]
            if source is None and target is None and trig.event_type in PLACE_TARGET_TYPES and passive:
                # "a curfew was imposed in Bahir Dar": done to the people of that place, by someone unnamed
                target = self.place_target(doc, verb, None, trig.event_type)
            if source is None and target is None and trig.event_type not in ("ASSAULT", "PROTEST") and not told_of:
                continue
            if target is None and len(pairs) > 1 and any(t is not None for s, t in pairs if s is source):
                continue
            ev = self.make_event(doc, index, verb, covered, trig, mode, source, target,
                                 f"verb '{trig.text}' ({trig.origin.rsplit('/', 1)[-1]}): source from {rule}")
            if target is None and trig.event_type == "CONSULT" and trig.mode != "multilateral" \
                    and not ev.hypothetical:
                continue  # "the cabinet met on Sunday": a meeting needs a counterpart
            events.append(ev)
        return events

    @staticmethod
    def suffered(verb: Token) -> bool:
        """The verb is passive with a subject that names who underwent it ("she was arrested")."""
        return any(c.dep_ == "nsubjpass" for c in verb.children) or verb.dep_ == "conj" and any(
            c.dep_ == "nsubjpass" for c in verb.head.children) and verb.tag_ == "VBN"

    def reported_clause(self, verb: Token) -> Token | None:
        """The clause a verb of saying placed after it reports: "X is failing, a group protested"
        (parsed as its clausal complement, or with the verb hung on the clause)."""
        told = next((c for c in verb.children if c.dep_ == "ccomp" and c.i < verb.i), None)
        if told is None and verb.dep_ in ("advcl", "parataxis") and verb.head.i < verb.i \
                and not any(c.dep_ in ("mark", "advmod") and c.i < verb.i for c in verb.children) \
                and any(c.text == "," and c.i < verb.i for c in verb.children):
            told = verb.head
        if told is None and verb.dep_ == "acl" and self.speaker_noun(verb.head):
            told = verb.sent.root  # "..., a rights group protested" parsed as an apposition with a participle
        return told

    def background_noun(self, noun: Token) -> bool:
        """An event noun named after "since", "after", "following" ...: background, not news."""
        background = self.lex.cue("background")
        up = noun  # ("after five days of fighting", "since a series of bombings": counted, or a span of time)
        while up.dep_ == "pobj" and up.head.lower_ == "of" and up.head.head.pos_ == "NOUN" and (
                up.head.head.ent_type_ in ("DATE", "TIME") or up.head.head.lemma_.lower() in WORDS["quantity"]
                or up.head.head.lemma_.lower() in self.lex.cue("series")):
            up = up.head.head
        # (also "following" tagged as a verb with an object: "rioted following a demonstration")
        return (up.dep_ == "pobj" or up.dep_ == "dobj" and up.head.dep_ == "prep") and up.head.lower_ in background

    @staticmethod
    def background_clause(verb: Token) -> bool:
        """A relative clause on a place or time that tells what happened there long before ("in
        Serbia, where 24 people were killed in riots last March")."""
        inside = verb.dep_ == "relcl" or verb.dep_ == "advcl" and verb.head.dep_ == "relcl"  # "assets they lost when ..."
        return inside and any(c.lower_ in ("where", "when") for c in verb.children if c.dep_ in ("advmod", "mark")) \
            and any(e.label_ == "DATE" and PAST_PERIOD.search(e.text) for e in span_ents(verb.sent)
                    if verb.left_edge.i <= e.start < verb.right_edge.i + 1)

    @cached_property
    def instrument_pair_heads(self) -> frozenset[str]:
        """Last words of the two-word instruments ("cannon" of "water cannon")."""
        return frozenset(k.split()[-1] for k in self.lex.cue("instrument") if " " in k)

    def instrument_mode(self, trigger: Token) -> str | None:
        """The weapon named with the trigger: "drone attack", "attacked with rockets", "fired
        missiles" (an object counts only for verbs that use a weapon, not "shot down a drone")."""
        instruments = self.lex.cue("instrument")
        uses_object = any(w in self.lex.cue("weapon_verb") for w in lemmas(trigger))
        pair_heads = self.instrument_pair_heads
        for c in trigger.subtree:
            key = c.lemma_.lower()
            if key in pair_heads:  # two words first: "water cannon", "rubber bullets", "car bomb"
                key = next((k for k in (f"{g.lower_} {key}" for g in c.children if g.dep_ in ("compound", "amod"))
                            if k in instruments), key)
            if key not in instruments:
                continue
            direct = c.head.i == trigger.i and (c.dep_ in ("compound", "amod") or c.dep_ == "dobj" and uses_object)
            via_with = c.dep_ == "pobj" and c.head.lower_ in ("with", "by") and c.head.head.i == trigger.i
            if direct or via_with:
                return instruments[key]
        return None

    def subject_weapon(self, verb: Token) -> str | None:
        """A weapon as the subject of an attack verb names the weapon used, when the verb and its
        phrases name none: "Russian drones kill five", "Houthi missiles strike cargo ship"."""
        if verb.pos_ != "VERB" or self.type_of(verb) != "ASSAULT":
            return None
        instruments = self.lex.cue("instrument")
        subj = next((c for c in verb.children if c.dep_ == "nsubj"), None)
        return instruments.get(subj.lemma_.lower()) if subj is not None else None

    # -- nouns ------------------------------------------------------------------------
    @staticmethod
    def name_given(noun: Token) -> bool:
        """An event noun that is what something is called ("condemned the attack as an assault on
        the nation", "called the expulsion an act of war"): a name for a thing told, no event."""
        if noun.dep_ == "oprd":
            verb = noun.head
        elif noun.dep_ == "pobj" and noun.head.lower_ == "as":
            held = noun.head.head  # ("as" hung on the verb, or on its object)
            verb = held if held.pos_ == "VERB" else held.head if held.dep_ == "dobj" else None
        else:
            return False
        return verb is not None and verb.pos_ == "VERB" and any(c.dep_ == "dobj" for c in verb.children)

    def noun_events(self, doc, resolver, index, noun: Token, trig: Trigger, covered, by_token) -> list[Event]:
        if noun.dep_ in ("compound", "nmod") and noun.head.pos_ in ("NOUN", "PROPN") and noun.head.i not in by_token \
                and not noun.head.ent_type_ in ("DATE", "TIME"):
            if noun.head.lemma_.lower() not in self.lex.cue("carrier"):
                return []  # "support network", "attack helicopter"
            noun = noun.head  # "a mediation mission between X and Y": the mission carries the arguments
        if any(c.dep_ == "compound" and c.lower_ in self.lex.cue("document") for c in noun.children):
            return []  # "a press release", "a news release": a document, not an event
        if noun.dep_ == "compound" and noun.head.i in by_token and by_token[noun.head.i].event_type == trig.event_type:
            return []  # "a protest rally", "a protest demonstration": one event, the head's
        if trig.event_type == "REQUEST" and any(c.dep_ == "prep" and c.lower_ == "for" and any(
                g.dep_ == "pobj" and g.lemma_.lower() in self.lex.cue("message") for g in c.children)
                for c in noun.children):
            return []  # "did not respond to a request for comment": a reporter's question
        if self.background_noun(noun):
            return []  # "since the invasion": background, not news
        if self.name_given(noun):
            return []  # "condemned the attack as an assault on the nation", "called it an act of war": a name for it
        if trig.event_type == "REQUEST" and noun.dep_ == "pobj" and noun.head.lower_ in self.lex.cue("authority"):
            return []  # "killings carried out on the militia's orders": whose authority, no request of its own
        clause = next((a for a in noun.ancestors if a.pos_ in ("VERB", "AUX")), None)
        if clause is not None and self.background_clause(clause):
            return []  # "where 24 people were killed in riots last March"
        if noun.dep_ in ("dobj", "nsubjpass") and noun.head.i in by_token and by_token[noun.head.i].pos == "V" \
                and not self.noun_carried(noun.head, by_token[noun.head.i], by_token):
            return []  # "signed an agreement", "rejected the calls": the verb's event is the news
        if noun.dep_ == "pobj" and noun.head.lower_ == "in" and noun.lemma_.lower() == "protest" and any(
                a.i in by_token or any(c.i in by_token for c in a.children if c.dep_ == "dobj")
                for a in noun.head.ancestors):
            # "staged a hunger strike in protest against X", "organized a strike that shut down the
            # city in protest of ...": the strike's target, not an event of its own
            return []
        if noun.dep_ == "pobj" and noun.head.head.i in by_token and by_token[noun.head.head.i].event_type == trig.event_type \
                and (noun.head.lower_ in ("in", "during", "with")
                     or noun.head.lower_ == "for" and any(c.dep_ == "dobj" for c in noun.head.head.children)):
            # "wounded two soldiers in a bomb attack", "hosted the king for talks": one event, told by
            # the verb ("arrived for talks with X" names the counterpart only in the talks)
            return []
        if noun.dep_ == "pobj" and noun.head.dep_ == "agent" and noun.head.head.i in by_token \
                and by_token[noun.head.head.i].event_type == trig.event_type:
            return []  # "were killed by an Israeli airstrike": the verb tells it, with the strike's doer
        covered_ids = {t.i for t in covered}
        sources: list[Actor] = []
        rule = ""
        dates = {"DATE", "TIME"}
        for c in noun.children:
            if c.i in covered_ids or c.ent_type_ in dates:
                continue
            if c.dep_ in ("poss", "compound", "amod", "nmod"):
                if c.dep_ == "amod" and c.i not in doc.user_data.get("mention_at", {}):
                    continue  # "military aid", "fierce clashes": adjectives are not actors
                actor_tok, _ = self.through_instrument(c)
                if actor_tok is not None and actor_tok.i == c.i:
                    actor = resolver.resolve(c, doc)
                    if actor is not None and c.dep_ == "compound" and not actor.actor_id and not actor.sector:
                        continue  # "the Kandahar blast": a town names where it happened, not who did it
                    if actor is not None:
                        sources.append(actor)
                        rule = f"{c.dep_} of the noun"
            elif c.dep_ == "acl" and c.tag_ == "VBN" and any(w in self.lex.cue("doing") for w in lemmas(c)) \
                    and self.agent_of(c) is not None:
                # "a rally staged by opposition supporters", "an attack claimed by the group"
                actor_tok, _ = self.through_instrument(self.agent_of(c))
                if actor_tok is not None:
                    sources += self.actors_of(doc, resolver, actor_tok)
                    rule = f"agent of '{c.text}'"
            elif c.dep_ == "prep" and (c.lower_ == "by" or c.lower_ == "from" and "prep:from" not in trig.targets):
                # ("an offer from X" is X's; "a withdrawal from X" is away from X)
                obj = next((g for g in c.children if g.dep_ == "pobj"), None)
                if obj is not None and obj.tag_ == "NN" and not any(obj.children):
                    obj = None  # a manner, not a doer: "broke up the protest by force"
                if obj is not None:
                    actor_tok, _ = self.through_instrument(obj)
                    if actor_tok is not None:
                        sources += self.actors_of(doc, resolver, actor_tok)
                        rule = f"'{c.lower_}' phrase"
        if not sources and noun.dep_ == "dobj" and any(c.dep_ == "nsubj" for c in noun.head.children):
            # parse repair: "police broke up a rally by opposition supporters" with "by" hung on the
            # verb, which has a subject of its own: the phrase right after the object is the noun's
            by = next((c for c in noun.head.children if c.dep_ == "prep" and c.lower_ == "by"
                       and c.i == noun.right_edge.i + 1), None)
            obj = next((g for g in by.children if g.dep_ == "pobj"), None) if by is not None else None
            if obj is not None and obj.tag_ == "NN" and not any(obj.children):
                obj = None  # a manner, not a doer: "broke up the protest by force"
            actor_tok = self.through_instrument(obj)[0] if obj is not None else None
            if actor_tok is not None:
                sources += self.actors_of(doc, resolver, actor_tok)
                rule = "'by' phrase after it"
        # "a Myanmar junta airstrike": the country and its junta are one source, the more specific
        sources = [a for a in sources if not (a.sector is None and (a.actor_id or "").startswith("country:") and any(
            b is not a and b.country == a.country and b.sector for b in sources))]
        sources = [a for k, a in enumerate(sources) if not any(_same(a, b) for b in sources[:k])]
        targets: list[Actor | None] = []
        if trig.event_type in ("ASSAULT", "COERCE") and noun.dep_ == "pobj" and noun.head.lower_ == "under" \
                and noun.head.head.pos_ in ("VERB", "AUX"):
            # "the convoy came under attack from Taliban fighters", "was placed under arrest by police":
            # the subject undergoes it; a "from"/"by" phrase, on the noun or the verb, does it
            verb = noun.head.head
            if not sources:
                for c in verb.children:
                    if c.dep_ in ("prep", "agent") and c.lower_ in ("from", "by"):
                        obj = next((g for g in c.children if g.dep_ == "pobj"), None)
                        sources += self.actors_of(doc, resolver, obj) if obj is not None else []
                        rule = f"'{c.lower_}' phrase of '{verb.text} under'" if sources else rule
            undergoer = self.subject_of(verb)
            targets = [a for a in self.actors_of(doc, resolver, undergoer) if not any(_same(a, b) for b in sources)] \
                or ([None] if sources else [])  # (whoever attacks is not also attacked)
        between = next((c for c in noun.children if c.dep_ == "prep" and c.lower_ == "between"), None)
        if between is not None and not sources:
            obj = next((g for g in between.children if g.dep_ == "pobj"), None)
            if obj is not None:
                parties = self.actors_of(doc, resolver, obj)
                if len(parties) >= 2:
                    sources, targets, rule = [parties[0]], [parties[1]], "'between X and Y'"
                    carrier = self.light_verb(noun) if trig.mode == "third-party" else None
                    subj = self.subject_of(carrier) if carrier is not None else None
                    mediators = self.actors_of(doc, resolver, subj) \
                        if subj is not None and subj.i != noun.i else []
                    if mediators:  # "X launched a mediation between Y and Z": X mediates, to Y and to Z
                        sources, targets = mediators, parties
                        rule = f"subject of '{carrier.lemma_}', parties 'between X and Y'"
        carrier = self.light_verb(noun)
        if carrier is not None and noun.dep_ == "pobj" and noun.head.lower_ == "for" and noun.head.head.i == carrier.i \
                and self.type_of(carrier) in REASON_TYPES:
            # what one blames, thanks or punishes someone for is not one's own act ("blamed Chad for
            # the bombing", "thanked Qatar for its mediation"), and those held for it are only suspected
            carrier = None
        asked = carrier is not None and self.type_of(carrier) == "REQUEST"
        for step in (("carrier", "mover") if not asked else ("mover", "carrier")):
            if sources:
                break
            if step == "carrier" and carrier is not None:
                subj = self.subject_of(carrier)
                if subj is not None and subj.i != noun.i:
                    sources = self.actors_of(doc, resolver, subj)
                    rule = f"subject of '{carrier.lemma_}'"
            elif step == "mover" and trig.event_type in ("RETREAT", "MOBILIZE"):
                # "the withdrawal of its troops"; "called for the withdrawal of the coalition":
                # who moves (whoever asks for it does not)
                for c in noun.children:
                    if c.dep_ == "prep" and c.lower_ == "of":
                        obj = next((g for g in c.children if g.dep_ == "pobj"), None)
                        sources = self.actors_of(doc, resolver, obj)
                        rule = "'of' phrase (who moves)" if sources else rule
        if not sources and carrier is not None and noun.dep_ == "nsubjpass" and noun.head.i == carrier.i \
                and trig.event_type in ("COERCE", "ACCUSE"):
            # "prosecutors said an investigation has been opened": the state body telling it opened it
            told_by = self.attributed_source(doc, resolver, carrier)
            if told_by is not None:
                sources, rule = [told_by], "the state body reporting it"
        if not sources and trig.event_type == "COOPERATE" and noun.dep_ == "pobj" and noun.head.lower_ == "in":
            # "carried out the raid in coordination with Iraqi troops": who did it worked with them
            done = noun.head.head
            if done.pos_ == "NOUN" and done.dep_ == "dobj":
                done = done.head  # (the phrase hung on the object: "the raid in cooperation with")
            subj = self.subject_of(done) if done.pos_ == "VERB" else None
            if subj is not None and subj.dep_ == "nsubj":
                sources = self.actors_of(doc, resolver, subj)
                rule = f"subject of '{done.lemma_}' it was done with" if sources else rule
        circumstance = None
        if not sources and trig.event_type == "PROTEST":
            # people doing something during a protest take part in it (those who govern or police do not)
            subj = self.circumstance_subject(noun)
            sources = [a for a in self.actors_of(doc, resolver, subj) if a.sector not in STATE_SECTORS
                       and (a.sector or not (a.actor_id or "").startswith("country:"))]
            rule = "subject of the clause it is the circumstance of" if sources else rule
            # (what that clause is over is what the protest is over: "stopped work ... over the bill")
            circumstance = subj.head if sources else None
        if not targets:
            targets = self.targets_of(doc, resolver, noun, trig, covered)
            if targets == [None] and trig.event_type == "PROTEST":
                targets = self.protest_target(doc, resolver, noun) or \
                    (self.protest_target(doc, resolver, carrier) if carrier is not None else []) or \
                    (self.protest_target(doc, resolver, circumstance, sources) if circumstance is not None else []) or [None]
            if targets == [None]:
                # a verb or clause carried by the noun names the victims: "attack that killed X"
                targets = self.victims_of(doc, resolver, noun) or [None]
            elif all(t is not None and t.sector == "CVL" and not t.actor_id and not t.country for t in targets):
                # "a strike on a house killed a Hezbollah commander": the named victims say more
                # than an anonymous building's people
                named = [a for a in self.victims_of(doc, resolver, noun) if a is not None and
                         (a.actor_id or a.sector not in (None, "CVL"))]
                seen: set = set()
                named = [a for a in named if not ((a.actor_id, a.country, a.sector) in seen
                                                  or seen.add((a.actor_id, a.country, a.sector)))]
                targets = named or targets
            carrier_nouns = self.lex.cue("carrier")
            up = noun.head.head if noun.head.dep_ == "prep" else None  # "a wave of airstrikes on X"
            if targets == [None] and up is not None and up.lemma_.lower() in carrier_nouns:
                targets = self.targets_of(doc, resolver, up, trig, covered)
            if targets == [None] and carrier is not None:
                for spec in ("prep:to", "dative", *trig.targets):
                    toks = self.target_tokens(carrier, spec, covered_ids)
                    found = [a for tok in toks for a in self.actors_of(doc, resolver, tok)]
                    if found:
                        targets = found
                        break
        if trig.event_type == "MOBILIZE" and noun.lemma_.lower() in self.lex.cue("exercise") and (
                len({s.country for s in sources if s is not None and s.country}) >= 2
                or any(t is not None and t.country and t.country not in {s.country for s in sources if s is not None}
                       for t in targets)):  # (an exercise's target is its partner, "with" X)
            # "French and Egyptian warships began war games", "drills with China": exercises held
            # together are military cooperation (CAMEO 062), not a show of force
            trig = _with_mode(_with_type(trig, "COOPERATE", "062"), None)
            rule += "; exercises held together → COOPERATE"
        if trig.event_type in RECIPROCAL_TYPES and len(sources) == 2 and targets == [None]:
            sources, targets = sources[:1], sources[1:]  # "joint exercises" of two: between them
            rule += "; two parties together → X with Y"
        # a definite event noun with nothing of its own refers back to an event told before
        det = next((c.lower_ for c in noun.children if c.dep_ == "det"), None)
        own_detail = any(c.dep_ in ("prep", "poss", "compound", "amod", "nummod", "relcl", "acl")
                         and c.i not in covered_ids for c in noun.children)
        if not sources and targets == [None] and det in ("the", "this", "that", "these", "those") and not own_detail:
            return []
        topic = [t for c in noun.children if c.dep_ == "prep" and c.lower_ in self.lex.cue("topic")
                 for t in c.subtree]
        if not sources and trig.event_type in RECIPROCAL_TYPES and topic and all(
                t is not None and t.start >= 0 and topic[0].i <= t.start <= topic[-1].i for t in targets):
            return []  # "the negotiations on independence for Namibia": no party named, only what they are about
        if not sources and targets == [None] and trig.event_type == "ACCUSE":
            # "the mayor faces charges of bribery", "pleaded not guilty to charges": whoever faces
            # or answers a charge is its target
            bearer = noun.head.head if noun.dep_ == "pobj" and noun.head.lower_ == "to" else noun.head
            bearer = bearer.head if bearer.pos_ == "ADJ" and bearer.dep_ == "acomp" else bearer  # "pleaded guilty to"
            if noun.dep_ in ("dobj", "pobj") and bearer.pos_ == "VERB" and bearer.lemma_.lower() in self.lex.cue("undergo"):
                subj = self.subject_of(bearer)
                found = self.actors_of(doc, resolver, subj) if subj is not None else []
                if found:
                    targets, rule = found, f"subject of '{bearer.text}' (who answers it)"
        if not sources and targets == [None] and trig.event_type not in ("ASSAULT", "PROTEST"):
            return []
        told_at = ("DATE", "TIME", "GPE", "LOC", "FAC")
        # (the parser often hangs "on Tuesday in Zahedan" on the verb before the noun: the words
        # right after the noun count as its own)
        after = noun.doc[noun.right_edge.i + 1] if noun.right_edge.i + 1 < noun.sent.end else None
        own_time_or_place = any(g.ent_type_ in told_at for c in noun.children if c.dep_ == "prep" for g in c.subtree) \
            or after is not None and after.dep_ == "prep" and any(g.ent_type_ in told_at for g in after.subtree)
        if not sources and det in ("the", "these", "those", "this") and not own_time_or_place:
            # "Pakistan said the strikes killed 26 civilians": the strikes told before, and their
            # doer ("the double attack on Wednesday in Kerman" is a new one, told with its own day and place)
            back = self.earlier_doer(doc, resolver, noun)
            if back is not None:
                sources, rule = [back], "the same event told before"
        if trig.event_type == "MOBILIZE" and self.keeps_peace(noun):
            # "the deployment of NATO peacekeepers in Bosnia": peacekeeping (CAMEO 074) is aid to
            # where they go ("... arrived in Bosnia": the place of the verb the deployment does)
            trig = _with_mode(_with_type(trig, "AID", "074"), None)
            if not any(targets):
                targets = self.destination(doc, resolver, noun) or (
                    self.destination(doc, resolver, noun.head) if noun.dep_ == "nsubj" else []) or [None]
            rule += "; peacekeepers deployed → AID"
        civil = next((f for f in trig.flags if f.startswith("civil")), None)
        if civil and sources and sources[0].sector not in STATE_SECTORS and (
                sources[0].sector or not (sources[0].actor_id or "").startswith("country:")):
            mode_name = civil.partition(":")[2] or "obstruct"
            trig = _with_mode(_with_type(trig, "PROTEST", "144"), mode_name)  # a blockade by protesters
        weapon = self.instrument_mode(noun)
        mode = weapon or trig.mode
        # a strike is a labour strike when people or workers strike; otherwise (armed forces, a
        # weapon named, no doer in news of fighting) it is an attack
        sent = noun.sent
        labour = any(s is not None and s.sector in LABOUR_SECTORS for s in sources) or any(
            c.lower_ in self.lex.cue("labour") for c in noun.children if c.dep_ in ("amod", "compound")) or \
            not any(sources) and any(a.sector in ("LAB", "EDU") for a in doc.actors
                                     if sent.start <= a.start < sent.end)  # "workers ... on the first day of a strike"
        if "armed" in trig.flags and (
                not labour or weapon or noun.dep_ == "nsubj" and (
                    noun.head.lemma_.lower() in self.harm_verbs or self.type_of(noun.head) == "ASSAULT") or any(s.sector in ("MIL", "UAF", "REB") or s.sector is None and s.country for s in sources)
                or any(c.dep_ == "prep" and c.lower_ == "on" and any(g.ent_type_ not in ("DATE", "TIME")
                                                                  for g in c.children) for c in noun.children)):
            trig = _with_type(trig, "ASSAULT", "190")  # "US strikes on Houthi targets", not a labour strike
            mode = weapon  # (the labour strike's own mode goes with it)
            trig = _with_mode(trig, mode) if mode else trig
        if trig.event_type == "PROTEST" and trig.mode == "demo" and any(sources) and all(
                s is not None and (s.sector in ("GOV", "LEG", "JUD") or s.sector is None
                                   and (s.actor_id or "").startswith("country:")) for s in sources):
            # "the foreign ministry lodged a strong protest with China": a state complains, it does not march
            trig = _with_mode(_with_type(trig, "ACCUSE", "114"), "disapprove")
            mode = "disapprove"
            rule += "; a state's protest → ACCUSE"
        if not any(sources) and targets == [None] and noun.dep_ == "pobj" and (
                noun.head.lower_ in self.lex.cue("mention") or noun.head.lower_ in ("in", "of")
                and noun.head.head.lemma_.lower() in self.lex.cue("involvement")):
            # "concerned about abductions", "in the years since the war": an event named in passing,
            # with no one doing it, is no event told
            return []
        events = []
        for source, target in product(sources or [None], targets):
            if source is not None and target is not None and _same(source, target):
                continue
            events.append(self.make_event(doc, index, noun, covered, trig, mode, source, target,
                                          f"noun '{trig.text}' ({trig.origin.rsplit('/', 1)[-1]})"
                                          + (f": source from {rule}" if rule else ": no source named")))
        return events

    def keeps_peace(self, tok: Token) -> bool:
        """Whether the forces ``tok`` names are peacekeepers ("NATO peacekeeping troops")."""
        words = self.lex.cue("peacekeeping")
        return any(w.lemma_.lower() in words or w.lower_ in words for w in tok.subtree)

    def destination(self, doc, resolver, tok: Token) -> list[Actor]:
        """Where ``tok``'s "to", "in" or "into" phrase says something goes."""
        for c in tok.children:
            if c.dep_ == "prep" and c.lower_ in ("to", "in", "into"):
                obj = next((g for g in c.children if g.dep_ == "pobj"), None)
                found = self.actors_of(doc, resolver, obj) if obj is not None else []
                if found:
                    return found
        return []

    # -- statements ---------------------------------------------------------------------
    def speech_accusations(self, doc, resolver, index, sent: Span, by_token, events=()) -> list[Event]:
        """Statements that are events: "X said it was a violation" (ACCUSE) and "X said Y must
        do Z" (REQUEST from X to Y)."""
        speech, accusation, obligation = self.lex.cue("speech"), self.lex.cue("accusation"), self.lex.cue("obligation")
        out = []
        for verb in sent:
            if verb.pos_ != "VERB" or not any(w in speech for w in lemmas(verb)):
                continue
            clauses = [c for c in verb.children if c.dep_ in ("ccomp", "parataxis", "xcomp")]
            content = [t for c in clauses for t in c.subtree]
            if not content:
                continue
            subj = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")), None)
            speaker = resolver.resolve(subj, doc) if subj is not None else None
            if speaker is None:
                continue
            # "... must / should / has to ...": a demand on the clause's subject
            for clause in clauses:
                must = next((a for a in clause.children if a.dep_ == "aux" and a.lower_ in obligation), None)
                if must is None or any(e.event_type == "REQUEST" and not e.hypothetical and e.source and _same(e.source, speaker) for e in events):
                    continue
                addressee = next((g for g in clause.children if g.dep_ in ("nsubj", "nsubjpass")), None)
                targets = self.actors_of(doc, resolver, addressee) or [None]
                trig = Trigger((verb.lemma_.lower(),), "V", "REQUEST", None, "100", (), frozenset(), "cues.tsv")
                for target in targets:
                    if target is not None and _same(target, speaker):
                        continue
                    out.append(self.make_event(doc, index, verb, [verb], trig, None, speaker, target,
                                               f"statement by {speaker.name} that someone '{must.text}' act → REQUEST"))
            subjects = {t.i for c in clauses for g in c.children if g.dep_ in ("nsubj", "nsubjpass")
                        for t in g.subtree}
            # said of something ("were illegal", "was a criminal act"), not a word naming it ("illegal
            # aliens") nor what a told event is about ("an investigation into crimes", "arrested for terrorism")
            cue = next((t for t in content if (t.lemma_.lower() in accusation or t.lower_ in accusation)
                        and t.i not in subjects and t.dep_ != "compound"
                        and (t.dep_ != "amod" or _predicated(t.head)) and not _about_event(t, by_token)), None)
            if cue is None or any(e.event_type == "ACCUSE" and e.source and _same(e.source, speaker) for e in events) \
                    or any(e.trigger_start == verb.i and not e.hypothetical for e in events):
                continue  # (nor when the verb is an event itself: "warned that China would retaliate if ...")
            target = None
            content_ids = {t.i for t in content}
            for ev in events:
                if ev.trigger_start in content_ids and ev.source is not None and ev.source.country \
                        and not _same(ev.source, speaker) and not (
                            ev.source.country == speaker.country and (ev.source.sector or None) in (speaker.sector, None)):
                    # (one's own side is no target of one's accusation: "Japan's minister told reporters ...")
                    target = ev.source
                    break
            trig = Trigger((verb.lemma_.lower(),), "V", "ACCUSE", "disapprove", "111", (), frozenset(), "cues.tsv")
            out.append(self.make_event(doc, index, verb, [verb], trig, "disapprove", speaker, target,
                                       f"statement by {speaker.name} calls it '{cue.text}' (accusation cue)"))
        return out

    def intentions(self, doc, events: list[Event]) -> list[Event]:
        """An announced intention to cooperate is an AGREE ("Hungary will support ..."), an
        announced intention to use force a THREATEN ("... will strike back")."""
        out = []
        intent = self.lex.cue("intent")
        for ev in events:
            if ev.source is None or not (ev.source.country or ev.source.actor_id):
                continue  # an intention needs someone who has it
            quad = self.types[ev.event_type].quad
            if ev.negated and quad in (1, 2) and doc.spacy_doc[ev.trigger_start].pos_ == "VERB" and not any(
                    e.event_type == "REJECT" and e.sentence_index == ev.sentence_index for e in events + out):
                # (a verb refused; "ended without a deal" refuses nothing)
                # "will not accept more refugees", "did not agree to talks": a refusal
                etype = self.types["REJECT"]
                out.append(replace(ev, event_type="REJECT", mode=None, negated=False, hypothetical=False,
                                   cameo=etype.cameo, intensity=etype.intensity, confidence=ev.confidence * 0.9,
                                   evidence=f"refuses to {ev.event_type.lower()} ('{doc.spacy_doc[ev.trigger_start].text}'"
                                            " negated) → REJECT"))
                continue
            if not ev.hypothetical or ev.negated or ev.event_type in ("AGREE", "THREATEN"):
                continue
            tok = doc.spacy_doc[ev.trigger_start:ev.trigger_end].root
            if tok.pos_ in ("NOUN", "PROPN") and tok.head.pos_ == "VERB":
                tok = tok.head  # "will extend the curfew": the verb carries the intention
                subj = self.subject_of(tok)
                holder = doc.user_data["resolver"].resolve(subj, doc) if subj is not None else None
                if holder is None or not _same(holder, ev.source):
                    continue  # "police would not tolerate rallies by X": the intention is not X's
            # "may halt its mediation if ...": a condition makes even a possibility an announcement
            condition = next((m.lower_ for c in tok.children if c.dep_ == "advcl" for m in c.children
                              if m.dep_ == "mark" and m.lower_ in ("if", "unless")), None)
            cue = next((c for c in tok.children if c.dep_ == "aux" and (
                c.lower_ in ("will", "would", "shall", "'ll") or condition and c.lower_ in ("may", "might", "could"))),
                None)
            if cue is None and tok.dep_ == "xcomp" and any(w in intent for w in lemmas(tok.head)):
                owner = tok.head if tok.head.pos_ in ("VERB", "AUX") else tok.head.head
                if any(c.dep_ == "aux" and c.lower_ in self.lex.cue("obligation") for c in owner.children):
                    continue  # "the US must be ready to mediate": a readiness asked for, not announced
                cue = tok.head
            if cue is None and tok.dep_ == "xcomp":  # "would keep fighting", "will continue to attack"
                cue = next((c for c in tok.head.children if c.dep_ == "aux" and c.lower_ in ("will", "would", "'ll")), None)
            if cue is None or self.lex.match(cue) is not None and tok.i != doc.spacy_doc[ev.trigger_start].i:
                continue
            if tok.dep_ == "relcl":
                continue  # "a deal under which Hezbollah would pull back": the deal's terms, no one's promise
            # a promise with "unless" attached is a threat ("will withdraw ... unless"); with "if"
            # it is a conditional offer ("would meet the mediator if ..."); a sanction held over
            # someone on a condition is a threat (CAMEO 131x)
            threat = condition == "unless" or quad == 4 or ev.event_type == "SANCTION" and condition is not None
            new_type = "THREATEN" if threat else "AGREE" if quad in (1, 2) else None
            if new_type == "AGREE" and any(c.dep_ == "advmod" and c.lower_ == "only" for c in tok.children):
                continue  # "would only welcome him in Jerusalem": a condition set, a refusal of the rest, no offer
            if new_type == "AGREE" and ev.target is None and not any(
                    c.dep_ in ("dobj", "dative", "xcomp", "ccomp") or c.dep_ == "prep" and c.lower_ in ("with", "to")
                    for c in tok.children):
                continue  # "the minister will resign": an intention to cooperate is towards someone
            if new_type is None or any(e.event_type == new_type and e.sentence_index == ev.sentence_index
                                       and e.source and ev.source and _same(e.source, ev.source) for e in events + out):
                continue
            etype = self.types[new_type]
            out.append(replace(ev, event_type=new_type, mode=None, hypothetical=False, cameo=etype.cameo,
                               intensity=etype.intensity, confidence=ev.confidence * 0.9,
                               evidence=f"announced intention ('{cue.text} {tok.text}') to "
                                        f"{ev.event_type.lower()} → {new_type}"))
        return out

    # -- the record ---------------------------------------------------------------------
    def make_event(self, doc, index, tok: Token, covered, trig: Trigger, mode, source, target, evidence) -> Event:
        etype = self.types[trig.event_type]
        if source is not None and trig.event_type in ARMED_TYPES and source.sector is None and source.country \
                and (source.actor_id is None or source.actor_id.startswith("country:")):
            source = replace(source, sector="MIL", reason=source.reason + "; a state's armed action → MIL")
        elif source is not None and trig.event_type in STATE_WORD_TYPES and source.sector is None and source.country \
                and (source.actor_id or "").startswith("country:"):
            source = replace(source, sector="GOV", reason=source.reason + "; a state's word or diplomacy → GOV")
        if source is None and trig.event_type == "PROTEST":
            # a protest whose participants go unnamed is done by protesters, people of where it is held
            source = Actor(text="", name=knowledge_base().generic_name(None, "CVL") or "civilians", sector="CVL",
                           reason="no one named: the protesters, people of where it is held")
        if source is None:
            source = Actor(text="", name="unknown", reason="no source named in the sentence")
        if target is not None and trig.event_type in ("ASSAULT", "COERCE") and target.sector is None \
                and target.country and len(target.country) == 3 and (target.reason.startswith("place ") or (
                    not target.actor_id and 0 <= target.start < target.end <= len(doc.spacy_doc)
                    and doc.spacy_doc[target.start:target.end].root.lemma_.lower() in PLACE_HEADS)):
            # a town or region hit or locked down stands for its people ("a curfew on the Centre department")
            target = replace(target, sector="CVL", reason=target.reason + "; a place hit → its people (CVL)")
        negated, hypothetical, hyp_reason = self.modality(tok)
        said_by = self.said_by(doc, tok, source)
        start = min(t.i for t in covered if abs(t.i - tok.i) <= 3) if covered else tok.i
        end = max(t.i for t in covered if abs(t.i - tok.i) <= 3) + 1 if covered else tok.i + 1
        confidence = 0.45 + 0.2 * (source is not None and source.country is not None) \
            + 0.15 * (target is not None) + 0.1 * (trig.pos == "V")
        if hyp_reason:
            evidence += f"; {hyp_reason}"
        return Event(event_type=trig.event_type, mode=mode, trigger_start=start, trigger_end=end,
                     sentence_index=index, source=source, target=target, negated=negated,
                     hypothetical=hypothetical, said_by=said_by, confidence=min(confidence, 0.95),
                     evidence=evidence, cameo=trig.cameo or etype.cameo, intensity=etype.score(mode))

    def modality(self, tok: Token) -> tuple[bool, bool, str]:
        modal, factive, planning = self.lex.cue("modal"), self.lex.cue("factive"), self.lex.cue("planning")
        pending = self.lex.cue("pending")
        planning_forms = self.planning_forms
        negated = any(c.dep_ == "neg" or c.lower_ in ("no", "never") and c.dep_ in ("det", "neg", "advmod")
                      for c in tok.children) or tok.pos_ == "VERB" and any(
            c.dep_ in ("nsubj", "nsubjpass", "dobj") and any(d.dep_ == "det" and d.lower_ == "no" for d in c.children)
            for c in tok.children)  # "no ships were hit", "killed no one"
        first = tok  # the first of coordinated words: "ignoring" of "ignoring the law and threatening"
        while first.dep_ == "conj" and first.head.i != first.i:
            first = first.head
        cur = tok
        if tok.dep_ == "acl" and self.speaker_noun(tok.head):
            return negated, False, ""  # "..., a rights group protested": said, not hung on what it reports
        for _ in range(6):
            for c in cur.children:
                if c.dep_ == "aux" and c.lower_ in modal:
                    return negated, True, f"hypothetical: modal '{c.text}'"
                if c.dep_ == "mark" and c.lower_ in ("if", "unless", "whether"):
                    return negated, True, f"hypothetical: conditional '{c.text}'"
                if c.dep_ == "mark" and c.lower_ == "for" and any(g.dep_ in ("nsubj", "nsubjpass") for g in cur.children):
                    # "pushing for the US (to) support the plan": a for-clause with its own subject is wished for
                    return negated, True, "hypothetical: wished for ('for')"
                if c.dep_ == "mark" and c.lower_ == "as" and c.i >= 2 and c.doc[c.i - 1].lower_ == "long" \
                        and c.doc[c.i - 2].lower_ in ("as", "so"):
                    return negated, True, "hypothetical: conditional 'as long as'"  # (what is held against a party)
                if c.dep_ == "mark" and c.lower_ in pending and cur.dep_ == "advcl" and (
                        cur.tag_ in ("VBP", "VBZ", "VB") or any(a.dep_ in ("aux", "auxpass") and a.tag_ in ("VBP", "VBZ")
                                                                for a in cur.children)):
                    # "must agree before they demobilize", "until their demands are met": not yet done
                    return negated, True, f"hypothetical: not yet ('{c.text}')"
                if c.dep_ == "aux" and c.tag_ == "TO" and cur.head.lemma_.lower() not in factive:
                    return negated, True, "hypothetical: to-infinitive"
            if _subjunctive(cur):
                return negated, True, f"hypothetical: subjunctive '{cur.text}'"
            parent = cur.head
            if parent.i == cur.i:
                break
            if cur.i == tok.i and cur.dep_ == "conj" and cur.tag_ in ("VBD", "VBZ"):
                break  # "would not negotiate and accused Kyiv": a verb with its own tense shares no modal
            if cur.dep_ == "pobj" and parent.lower_ == "without":
                negated = True  # "talks ended without a deal"
            if cur.dep_ == "dobj" and (parent.lemma_.lower() == "rule" and any(c.lower_ == "out" for c in parent.children)
                                       or parent.lemma_.lower() == "exclude"):
                # "did not rule out an incursion": possible; "ruled out an incursion": not to be
                if any(c.dep_ == "neg" for c in parent.children):
                    return False, True, f"hypothetical: not ruled out ('{parent.text}')"
                return True, False, f"ruled out ('{parent.text}')"
            if cur.dep_ in ("pobj", "pcomp") and parent.dep_ == "prep" and parent.lower_ in ("of", "to") \
                    and parent.head.lemma_.lower() in self.lex.cue("upcoming"):
                return negated, True, f"hypothetical: still to come ('{parent.head.text} {parent.text}')"
            if cur.dep_ == "pcomp" and parent.dep_ == "prep" and any(w in planning for w in lemmas(parent.head)):
                return negated, True, f"hypothetical: planned ('{parent.head.text}')"  # "a meeting aimed at ending X"
            if cur.dep_ == "pcomp" and parent.lower_ == "of" and parent.head.lemma_.lower() in self.lex.cue("suspicion"):
                return negated, True, f"hypothetical: suspected ('{parent.head.text}')"  # "people suspected of helping"
            hit = self.lex.match(parent) if parent.pos_ in ("VERB", "NOUN") else None
            if cur.i == first.i and cur.dep_ == "advcl" and cur.tag_ == "VBG" and hit is not None \
                    and "hyp" in hit[0].flags and any(c.dep_ == "prep" and c.i < cur.i and any(
                        g.dep_ == "pcomp" for g in c.children) for c in parent.children):
                # "accused X of violating rights, ignoring the law and ...": one more act charged,
                # parsed as a clause of its own
                return negated, True, f"hypothetical: governed by '{parent.text}'"
            suspected = cur.dep_ == "prep" and cur.lower_ == "on" and any(
                g.dep_ == "pobj" and g.lemma_.lower() in self.lex.cue("suspicion")
                for g in cur.children)  # "arrested on suspicion of firing rockets"
            if hit is not None and hit[0].event_type in ("COERCE", "SANCTION", "ACCUSE") and cur.dep_ == "prep" \
                    and (cur.lower_ == "for" or suspected) \
                    and (tok.pos_ == "VERB" or tok.dep_ == "dobj" and any(g.dep_ == "pcomp" and g.i == tok.head.i
                                                                          for g in cur.children)):
                # "arrested for collaborating with Israel", "detained for organising protests": the
                # reason given is alleged (an attack one is held for, "for the bombing", happened)
                return negated, True, f"hypothetical: the reason given for '{parent.text}'"
            planned = cur.dep_ == "dobj" and tok.pos_ == "NOUN" and any(w in planning for w in lemmas(parent))
            if planned or cur.i == tok.i and any(c.dep_ in ("compound", "amod") and c.lower_ in planning_forms
                                                  for c in tok.children):
                # "suspected of planning attacks", "is considering sanctions": not done yet
                return negated, True, f"hypothetical: planned ('{parent.text if planned else tok.text}')"
            if hit is not None and hit[0].event_type in ("CONSULT", "AGREE") and cur.dep_ == "prep" \
                    and cur.lower_ in ("on", "about", "over") and tok.pos_ == "NOUN":
                # "talks on a truce", "an agreement on a ceasefire": what is being negotiated or
                # agreed has not happened
                return negated, True, f"hypothetical: under discussion ('{parent.text}')"
            if cur.dep_ == "ccomp" and cur.i < parent.i and any(c.dep_ == "dobj" for c in parent.children):
                break  # "X accused Y of Z, a charge Y denies": the clause is told, the verb is about "a charge"
            alleged_fact = hit is not None and hit[0].event_type == "ACCUSE" and tok.pos_ in ("NOUN", "PROPN")
            # "ordered the deportation of 30 men": an act ordered as the object of the order is the
            # orderer's own act (an order to others, "ordered them to leave", is not done yet)
            alleged_fact = alleged_fact or cur.i == tok.i and cur.dep_ == "dobj" and tok.pos_ == "NOUN" \
                and any(w in self.lex.cue("command") for w in lemmas(parent))
            if hit is not None and "hyp" in hit[0].flags and not alleged_fact and cur.dep_ in (
                    "xcomp", "ccomp", "dobj", "pobj", "prep", "acl", "pcomp"):
                # what someone is accused of doing is alleged; an attack they are blamed for happened
                return negated, True, f"hypothetical: governed by '{parent.text}'"
            # a relative clause, or a participle telling what people are doing ("demonstrators
            # protesting the results"), is asserted on its own
            asserted = cur.dep_ == "relcl" or cur.i == tok.i and self.people_doing(cur) \
                or cur.dep_ == "advcl" and any(m.dep_ == "mark" and m.lower_ in self.lex.cue("asserted") for m in cur.children)
            # (a bare verb joined to another shares its "to" or modal: "aims to tighten sanctions
            # and impose a blockade")
            shares = cur.dep_ == "conj" and cur.tag_ == "VB" and parent.pos_ == "VERB"
            if cur.dep_ in ("ROOT", "conj", "advcl", "relcl", "parataxis") and cur.pos_ == "VERB" and \
                    (cur.i != tok.i or asserted) and not shares or cur.dep_ == "acl" and asserted:
                break  # a relative clause is asserted on its own: "the summit, where leaders agreed"
            if any(c.dep_ == "neg" for c in parent.children) and cur.dep_ in ("xcomp", "ccomp", "acl", "dobj"):
                negated = True
            cur = parent
        return negated, False, ""

    def said_by(self, doc, tok: Token, source: Actor | None) -> str | None:
        speech = self.lex.cue("speech")
        cur = tok
        for _ in range(8):
            parent = cur.head
            if parent.i == cur.i:
                break
            if parent.pos_ == "VERB" and any(w in speech for w in lemmas(parent)) and cur.dep_ in ("ccomp", "parataxis"):
                subj = next((c for c in parent.children if c.dep_ == "nsubj"), None)
                if subj is not None:
                    return subj.text if subj.pos_ != "PRON" else (source.name if source else subj.text)
            cur = parent
        sent = tok.sent  # once: spaCy finds the sentence anew on every access
        for t in sent:
            if t.lower_ == "according" and t.i + 2 < sent.end:
                obj = next((g for g in doc.spacy_doc[t.i + 1].children if g.dep_ == "pobj"), None)
                if obj is not None:
                    return " ".join(x.text for x in obj.subtree)
        return None


def _with_mode(trig: Trigger, mode: str) -> Trigger:
    return replace(trig, mode=mode)


def _with_type(trig: Trigger, event_type: str, cameo: str) -> Trigger:
    return replace(trig, event_type=event_type, cameo=cameo, mode=None)


@registry.stages.register("events")
def make_events(settings: Settings) -> EventExtractor:
    return EventExtractor(lexicon())


def _stated(verb: Token, obligation) -> bool:
    """A clause that states what is, was or will be ("the unrest reflected", "he has left", "the
    strike would go on"), not what should be ("must leave", "that he leave")."""
    auxes = [c for c in verb.children if c.dep_ in ("aux", "auxpass")]
    if any(a.tag_ == "MD" for a in auxes):
        return not any(a.lower_ in obligation for a in auxes)
    return any(a.tag_ in ("VBD", "VBZ") for a in auxes) if auxes else verb.tag_ in ("VBD", "VBZ")


def _subjunctive(verb: Token) -> bool:
    """A clause in the subjunctive says what should be, not what is: "(demanded) that Israel ease
    restrictions", "that they be reinstated" -- a bare verb with a subject of its own (a singular
    one, as "the soldiers shoot" is a plain present)."""
    subj = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    if verb.dep_ not in ("ccomp", "acl") or subj is None:
        return False
    auxes = [c for c in verb.children if c.dep_ in ("aux", "auxpass")]
    if len(auxes) == 1 and auxes[0].lower_ == "be" and auxes[0].tag_ == "VB":
        return True
    return verb.tag_ == "VB" and not auxes and (subj.tag_ in ("NN", "NNP") or subj.lower_ in ("he", "she", "it"))


def _about_event(tok: Token, by_token) -> bool:
    """The word is in a phrase hanging on an event's trigger: "an investigation into war crimes"."""
    while tok.dep_ in ("pobj", "prep", "conj") and tok.head.i != tok.i:
        tok = tok.head
        if tok.i in by_token:
            return True
    return False


def _relative(verb: Token) -> bool:
    """A clause opened by "in which", "during which": a relative clause, however it is parsed."""
    return any(c.dep_ == "prep" and any(g.dep_ == "pobj" and g.lower_ == "which" for g in c.children)
               for c in verb.children)


def _distinct(events: list[Event]) -> list[Event]:
    """One trigger read twice the same way is one event: an actor reached by two paths ("the
    arrest of a number of activists": through "number" and through "activists") counts once, and
    so do two that code alike ("Israeli helicopters and tanks shelled ...": ISRMIL once)."""
    def same(a: Actor | None, b: Actor | None) -> bool:
        return a is None and b is None or a is not None and b is not None and (
            _same(a, b) or a.code is not None and a.code == b.code and a.actor_id == b.actor_id)
    kept: list[Event] = []
    for ev in events:
        if not any((k.event_type, k.mode, k.trigger_start, k.negated, k.hypothetical)
                   == (ev.event_type, ev.mode, ev.trigger_start, ev.negated, ev.hypothetical)
                   and same(k.source, ev.source) and same(k.target, ev.target) for k in kept):
            kept.append(ev)
    return kept


def _restated(doc, events: list[Event]) -> list[Event]:
    """"Serbia lodged a protest with Albania, charging its neighbour with ...": a participle clause
    whose event has the type, doer and target of an event told before it in the sentence tells
    that event again."""
    sdoc = doc.spacy_doc

    def alike(a: Actor | None, b: Actor | None) -> bool:
        return a is not None and b is not None and (
            _same(a, b) or a.country is not None and (a.country, a.sector) == (b.country, b.sector))
    kept: list[Event] = []
    for ev in events:
        tok = sdoc[ev.trigger_start:ev.trigger_end].root
        if tok.tag_ == "VBG" and tok.dep_ != "pcomp" and not any(c.dep_ in ("aux", "auxpass") for c in tok.children) \
                and any(k.event_type == ev.event_type and k.trigger_end <= ev.trigger_start
                        and (k.negated, k.hypothetical) == (ev.negated, ev.hypothetical)
                        and alike(k.source, ev.source) and alike(k.target, ev.target) for k in kept):
            continue
        kept.append(ev)
    return kept


def _predicated(noun: Token) -> bool:
    """The noun is (inside) what a clause says something is: "was a criminal act", "is no
    different from terrorist acts"; not "illegal aliens were ordered out"."""
    tok = noun
    while tok.pos_ not in ("VERB", "AUX") and tok.head.i != tok.i:
        if tok.dep_ in ("attr", "acomp", "oprd"):
            return True
        if tok.dep_ in ("nsubj", "nsubjpass", "dobj"):
            return False
        tok = tok.head
    return False
