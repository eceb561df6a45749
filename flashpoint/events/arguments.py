"""Finding an event's arguments in the dependency parse: who did it and to whom.

The events stage (``extract.py``) decides what happened; this module reads the parse around a
trigger for its actors: the subject (inherited along xcomp/conj/advcl chains, or the object of
an object-control verb: "urged Hamas to accept"), the passive agent and the weapon it names,
the object or preposition the lexicon names, the recipient one step further down, the doer of
an event-noun object ("the demonstration staged by students"), whom a protest or a threat is
against, and the place an event is aimed at.
"""
from __future__ import annotations

from dataclasses import replace

from spacy.tokens import Token

from ..doc import Actor
from ..actors.kb import WORDS
from ..actors.resolve import LOCATIVES, np_span
from .lexicon import Trigger, headline_verb, lemmas

SUBJECT_DEPS = ("nsubj", "nsubjpass", "csubj")
INHERIT_SUBJECT_DEPS = ("xcomp", "conj", "advcl", "acl", "ccomp", "acomp")
STATE_SECTORS = {"GOV", "MIL", "COP", "SPY", "JUD", "LEG"}
# the weapons of an attack whose doer, unnamed, is an unidentified armed group (ACLED's convention)
EXPLOSIVE_MODES = {"explosives", "suicide-attack"}


class ArgumentFinder:
    """Methods of the events stage that find sources and targets (``self.lex`` is the lexicon)."""

    def subject_of(self, verb: Token) -> Token | None:
        tok = verb
        for _ in range(4):
            subj = next((c for c in tok.children if c.dep_ in SUBJECT_DEPS), None) or next(
                (g for c in tok.children if c.dep_ in ("aux", "auxpass") for g in c.children if g.dep_ in SUBJECT_DEPS),
                None)  # (a subject parsed under the auxiliary: "talks remained suspended")
            if subj is not None:
                return subj
            if tok.i == verb.i and (verb.pos_ == "VERB" and verb.tag_ in ("VBZ", "VBP", "VBD") or headline_verb(verb)) \
                    and not any(c.dep_ in ("aux", "auxpass", "expl") for c in verb.children):
                # parse repair: "Mali junta expels French ambassador" read with "junta" a compound
                # of the verb: a verb takes no compound, the noun before a finite verb is its subject
                noun = next((c for c in verb.children if c.dep_ in ("compound", "nmod") and c.i < verb.i
                             and c.pos_ in ("NOUN", "PROPN")), None)
                if noun is not None:
                    return noun
            if tok.i == verb.i:
                fronted = fronted_subject(verb)
                if fronted is not None and self.lex.match(fronted) is None:
                    # "With the signing of a deal, the government and the rebels agreed" (an event noun
                    # there, "On the first day, a car bombing killed ...", is left to the noun's own event)
                    return fronted
            if tok.dep_ == "csubj" and tok.tag_ == "VBG" and tok.i > tok.sent.start and tok.doc[tok.i - 1].text == ",":
                main = tok.doc[tok.i - 1].head
                if main.pos_ in ("VERB", "AUX") and main.i < tok.i and main.i != tok.i:
                    # "X lodged a protest with Y, charging its neighbour with ...": a participle after
                    # the comma closing a clause is that clause's, wherever the parser hung it
                    tok = main
                    continue
            if tok.dep_ == "xcomp" and tok.head.lemma_.lower() in self.lex.cue("object_control"):
                obj = next((c for c in tok.head.children if c.dep_ == "dobj"), None) or next(
                    (g for c in tok.head.children if c.dep_ == "prep" and c.lower_ in ("on", "upon") and c.i < tok.i
                     for g in c.children if g.dep_ == "pobj"), None)  # ("called on Hamas to accept")
                if obj is not None:
                    return obj  # "urged Hamas to accept the deal": Hamas would accept
            if tok.dep_ == "pcomp" and tok.tag_ == "VBG" and tok.head.dep_ == "prep" \
                    and tok.head.lower_ in ("from", "against") and tok.head.head.pos_ == "VERB" \
                    and not any(c.dep_ == "prep" and c.lower_ in ("between", "among") for c in tok.children):
                # "prevented protesters from marching", "warned Tehran against supplying drones": the
                # object would do it; with none, "refrained from attacking", the subject would
                obj = next((c for c in tok.head.head.children if c.dep_ == "dobj"), None)
                if obj is not None:
                    return obj
                if tok.head.lower_ == "from":
                    tok = tok.head.head
                    continue
            if tok.dep_ == "pcomp" and tok.tag_ == "VBG" and tok.head.dep_ == "prep" \
                    and tok.head.lower_ in ("of", "with", "for") and tok.head.head.pos_ == "VERB" \
                    and self.type_of(tok.head.head) == "ACCUSE":
                obj = next((c for c in tok.head.head.children if c.dep_ == "dobj"), None)
                if obj is not None:
                    return obj  # "accused Ukraine of shelling the plant": Ukraine is said to shell it
            if tok.dep_ == "pcomp" and tok.head.dep_ == "prep" and tok.head.head.pos_ == "ADJ":
                tok = tok.head.head  # "X are guilty of violating the ceasefire": X violated it
                continue
            if tok.dep_ == "pcomp" and tok.tag_ == "VBG" and tok.head.dep_ == "prep" \
                    and tok.head.lower_ in self.lex.cue("gerund_subject") and tok.head.head.pos_ == "VERB" \
                    and not any(c.dep_ == "prep" and c.lower_ in ("between", "among") for c in tok.children):
                # "prisoners joined the demonstrators in demanding a referendum" (but "patrolled the
                # streets after fighting between two tribes": a gerund used as a noun, no one's act)
                tok = tok.head.head
                continue
            hit = self.lex.match(tok) if tok.dep_ == "advcl" and tok.tag_ == "VBG" else None
            if tok.dep_ == "advcl" and tok.tag_ == "VBG" and (hit is None or self.types[hit[0].event_type].quad in (1, 3)):
                # "..., the ministry said, accusing Kyiv of terrorism": the speaker accuses (but
                # "rebels ambushed a patrol, the army said, killing four soldiers": the rebels kill)
                said = next((c for c in tok.head.children if c.dep_ == "parataxis" and c.i < tok.i
                             and all(t.is_punct for t in tok.doc[c.right_edge.i + 1:tok.i])
                             and any(w in self.lex.cue("speech") for w in lemmas(c))), None)
                speaker = next((c for c in said.children if c.dep_ == "nsubj"), None) if said is not None else None
                if speaker is not None:
                    return speaker
            if hit is not None and self.types[hit[0].event_type].quad in (2, 4) \
                    and any(w in self.lex.cue("speech") for w in lemmas(tok.head)):
                told = next((c for c in tok.head.children if c.dep_ == "ccomp" and c.i < tok.i), None)
                if told is None and tok.head.dep_ == "parataxis" and tok.head.head.i < tok.head.i:
                    told = tok.head.head  # ("Rebels ambushed a patrol, the ministry said, killing ...")
                if told is not None:
                    tok = told  # "Rebels ambushed a patrol, the army said, killing four": the rebels kill
                    continue
            if tok.dep_ == "advcl" and tok.tag_ == "VBG" and tok.head.dep_ == "relcl" \
                    and tok.doc[tok.i - 1].lower_ == ",":
                # "cleared protesters who had blocked the avenue, detaining 38": the participle
                # after the relative clause goes on the clause the relative's noun is in
                up = next((a for a in tok.head.head.ancestors if a.pos_ in ("VERB", "AUX")), None)
                if up is not None:
                    tok = up
                    continue
            if tok.dep_ == "conj" and tok.tag_ == "VBD" and tok.head.dep_ == "advcl" and tok.head.head.pos_ in ("VERB", "AUX") \
                    and (tok.head.tag_ in ("VBN", "VBG") or any(
                        c.dep_ == "nsubj" and c.pos_ == "PRON" and c.tag_ == "DT" for c in tok.head.children)):
                # "X posted photographs, some wrapped in flags, and thanked Y": a finite verb joined to
                # a participle clause (or one of "some", "many") goes on with the main clause and its subject
                tok = tok.head.head
                continue
            if tok.dep_ == "conj" and tok.tag_ == "VBD" and tok.head.tag_ == "VB":
                # "the spokesman said the army would continue ... and accused X": a past tense joined
                # to a verb under "would" goes with the reporting verb, not inside what was reported
                up = tok.head
                while up.dep_ in ("xcomp", "conj") and up.head.i != up.i:
                    up = up.head
                if up.dep_ == "ccomp" and any(a.tag_ == "MD" for a in up.children) \
                        and any(w in self.lex.cue("speech") for w in lemmas(up.head)):
                    tok = up.head
                    continue
            if tok.dep_ in INHERIT_SUBJECT_DEPS and tok.head.i != tok.i:
                clause_subject = self.conjunction_subject(tok)
                if clause_subject is not None:
                    return clause_subject
                if self.speaks_above(tok):
                    tok = tok.head.head
                    continue
                if self.people_doing(tok):
                    return tok.head  # "dispersed demonstrators protesting the results": they protest
                if tok.tag_ in ("VBD", "VBN") and finite_on_root(tok):
                    # "The EU's foreign policy chief, Josep Borrell, called on ...": the noun is the subject
                    return tok.head
                if tok.dep_ == "acl" and tok.head.pos_ in ("NOUN", "PROPN"):
                    # "issued a declaration demanding ...": the issuer speaks
                    if tok.head.dep_ == "dobj" and tok.head.head.pos_ == "VERB":
                        tok = tok.head.head
                        continue
                    if tok.tag_ in ("VBD", "VBN") and tok.head.dep_ == "nsubj" and tok.head.head.i > tok.i and sum(
                            c.dep_ == "nsubj" for c in tok.head.head.children) > 1:
                        # "Youths resorted to ..., officials said" read with two subjects of "said":
                        # the first, with the verb hung on it, is that verb's subject
                        return tok.head
                    return root_noun_subject(tok)
                tok = tok.head
                continue
            if tok.dep_ == "relcl":
                return tok.head
            break
        return None

    def conjunction_subject(self, verb: Token) -> Token | None:
        """"Russian drones kill five in Odesa as Kyiv and Moscow swap prisoners" read with "as
        Kyiv and Moscow" a preposition's phrase and "swap" joined to "kill": a finite verb with no
        subject of its own, right after the object of a word that opens clauses, has that object
        as its subject (the clause is its own, not the main clause's)."""
        if verb.tag_ not in ("VBP", "VBZ", "VBD") or verb.i == verb.sent.start:
            return None
        if any(c.dep_ in ("nsubj", "nsubjpass", "csubj") for c in verb.children):
            return None
        before = verb.doc[verb.i - 1]
        obj = next((a for a in [before, *before.ancestors] if a.dep_ == "pobj" and a.right_edge.i == verb.i - 1), None)
        if obj is None or obj.head.dep_ != "prep" or obj.head.lower_ not in self.lex.cue("conjunction") \
                or obj.pos_ not in ("NOUN", "PROPN", "PRON"):
            return None
        return obj

    def speaks_above(self, verb: Token) -> bool:
        """"X said five were killed and vowed to retaliate", "X said the strikes killed 26 and
        vowed to retaliate": an active verb conjoined to a reported clause whose subject was
        acted on, or is an event (which vows or demands nothing), goes with the clause above."""
        if verb.dep_ != "conj" or verb.head.dep_ not in ("ccomp", "advcl") or verb.tag_ not in ("VBD", "VBZ", "VBP") \
                or any(c.dep_ == "auxpass" for c in verb.children):
            return False
        hit = self.lex.match(verb)
        saying = hit is not None and self.types[hit[0].event_type].quad in (1, 3)
        return any(c.dep_ == "nsubjpass" or c.dep_ == "nsubj" and saying and self.lex.match(c) is not None
                   for c in verb.head.children)

    def people_doing(self, verb: Token) -> bool:
        """A participle telling what people are doing: "demonstrators protesting the results"."""
        return verb.dep_ == "acl" and verb.tag_ == "VBG" and (
            verb.head.pos_ == "PROPN" or verb.head.pos_ == "NOUN" and verb.head.lemma_.lower() in self.actor_nouns)

    @staticmethod
    def subjunctive_subject(verb: Token) -> Token | None:
        for c in verb.children:
            if c.dep_ == "ccomp" and c.tag_ == "VB" and not any(a.dep_ == "aux" for a in c.children):
                subj = next((g for g in c.children if g.dep_ == "nsubj"), None)
                if subj is not None and subj.pos_ != "PRON":
                    return subj
        return None

    def agent_of(self, verb: Token) -> Token | None:
        for c in verb.children:
            if c.dep_ == "agent":
                return next((g for g in c.children if g.dep_ == "pobj"), None)
        for c in verb.children:  # "killed at the hands of the militia": the militia killed them
            hands = next((g for g in c.children if g.dep_ == "pobj" and g.lower_ == "hands"), None) \
                if c.dep_ == "prep" and c.lower_ == "at" else None
            of = next((g for g in hands.children if g.dep_ == "prep" and g.lower_ == "of"), None) if hands else None
            if of is not None:
                return next((g for g in of.children if g.dep_ == "pobj"), None)
        return None

    def distant_agent(self, verb: Token) -> Token | None:
        """"X has been accused of Y, much of it believed to have been hidden, by Z officials": the
        "by" phrase that closes the sentence after a comma, set off from the parenthetical the
        parser hung it on, is the agent of the passive before it (not of a verb of an event of its own)."""
        doc = verb.doc
        for by in verb.sent:
            if by.lower_ != "by" or by.i <= verb.i + 1 or doc[by.i - 1].text != "," or by.head.i == verb.i \
                    or by.head.i < verb.i or by.dep_ not in ("prep", "agent") or self.lex.match(by.head) is not None:
                continue
            obj = next((g for g in by.children if g.dep_ == "pobj" and g.pos_ in ("NOUN", "PROPN")), None)
            end = obj.right_edge.i + 1 if obj is not None else None
            if end is not None and (end >= verb.sent.end or doc[end].is_punct and doc[end].text in ".!?;"):
                return obj
        return None

    def through_instrument(self, tok: Token) -> tuple[Token | None, str | None]:
        """'a drone from the Shiite militias' → (militias, aerial); 'the army' → (army, None)."""
        instruments = self.lex.cue("instrument")
        key = tok.lemma_.lower()
        if key not in instruments:
            return tok, None
        for c in tok.children:
            if c.dep_ == "prep" and c.lower_ in ("from", "of", "by", "belonging"):
                obj = next((g for g in c.children if g.dep_ == "pobj"), None)
                if obj is not None:
                    return obj, instruments[key]
        for c in tok.children:
            if c.dep_ in ("poss", "compound", "amod") and c.lemma_.lower() not in instruments:
                return c, instruments[key]
        return None, instruments[key]

    def explosive(self, tok: Token, mode: str | None) -> Token | None:
        """The bomb of an attack done with explosives, or the trigger when its mode says so ("a
        roadside bomb killed", "a bomb tore through a bus, killing six", "killed by an improvised
        explosive device", "killed in a car bomb explosion"); None for other attacks."""
        instruments = self.lex.cue("instrument")
        subj = self.subject_of(tok) if tok.pos_ == "VERB" else None
        doers = ([subj] if subj is not None else []) + [
            g for c in tok.children if c.dep_ in ("agent", "prep") and c.lower_ in ("by", "in")
            for g in c.children if g.dep_ == "pobj"]
        for noun in doers:
            hit = self.lex.match(noun) if noun.pos_ == "NOUN" else None
            if hit is not None and hit[0].event_type == "ASSAULT" and hit[0].mode in EXPLOSIVE_MODES:
                return noun
            if any(instruments.get(w.lemma_.lower()) in EXPLOSIVE_MODES for w in [noun, *noun.children]
                   if w.i == noun.i or w.dep_ in ("compound", "amod")):
                return noun
        return tok if mode in EXPLOSIVE_MODES else None  # (the bomb named as subject first: "a mine planted by ...")

    def explosive_source(self, doc, tok: Token, ev) -> Actor | None:
        """The doer of an explosive attack that names none: who planted the bomb ("a bomb planted
        by the rebels", "a mine the group had laid"); else, as ACLED codes it, an unidentified
        armed group (UAF) of the country where it happened, which the geo stage gives."""
        if ev.event_type != "ASSAULT" or ev.source.text or ev.source.code:
            return None
        bomb = self.explosive(tok, ev.mode)
        if bomb is None:
            if tok.lemma_.lower() in self.lex.cue("assassination"):
                # "an attempt to assassinate the governor was thwarted": a plot on a public figure
                # with no one named behind it is, as ACLED codes it, an unidentified armed group's
                return Actor(text="", name="unidentified armed group", sector="UAF",
                             reason="an assassination with no doer named → an unidentified armed group")
            return None
        resolver = doc.user_data["resolver"]
        for clause in bomb.children if bomb.i != tok.i else ():
            if clause.dep_ in ("acl", "relcl"):
                planter = self.agent_of(clause) or next(
                    (g for g in clause.children if g.dep_ == "nsubj" and g.lower_ not in ("that", "which")), None)
                actor = resolver.resolve(planter, doc) if planter is not None else None
                if actor is not None and (actor.country or actor.sector or actor.actor_id):
                    return actor
        return Actor(text="", name="unidentified armed group", sector="UAF",
                     reason="an explosive attack with no doer named → an unidentified armed group")

    @staticmethod
    def custodian(doc, tok: Token, ev) -> Actor | None:
        """Harm with no doer named, done to someone held "in Israeli police custody" or "in the
        custody of the army", is the custodian's."""
        if ev.event_type != "ASSAULT" or ev.source.text or ev.source.code:
            return None
        resolver = doc.user_data["resolver"]
        for t in tok.sent:
            if t.lemma_.lower() != "custody" or not (t.dep_ == "pobj" and t.head.lower_ in ("in", "into")):
                continue
            holders = [c for c in t.children if c.dep_ in ("poss", "compound", "amod", "nmod")] + [
                g for c in t.children if c.dep_ == "prep" and c.lower_ == "of" for g in c.children if g.dep_ == "pobj"]
            actors = [a for a in (resolver.resolve(h, doc) for h in holders) if a is not None]
            state = next((a for a in actors if a.sector in STATE_SECTORS), None)
            # ("Ugandan police custody": the adjective may hang on "custody", not on "police")
            country = next((a.country for a in actors if a.country and not a.sector), None)
            if state is not None:
                return replace(state, country=country or state.country,
                               reason=state.reason + "; the victim was in its custody")
        return None

    def attributed_source(self, doc, resolver, tok: Token) -> Actor | None:
        """'According to the ministry, nine people were detained': the ministry, if a state body."""
        sent = tok.sent
        for t in sent:
            if t.lower_ == "according" and t.i + 1 < sent.end and doc.spacy_doc[t.i + 1].lower_ == "to":
                obj = next((g for c in t.children for g in c.children if g.dep_ == "pobj"), None)
                if obj is None:
                    obj = next((g for g in doc.spacy_doc[t.i + 1].children if g.dep_ == "pobj"), None)
                if obj is not None:
                    actor = resolver.resolve(obj, doc)
                    if actor is not None and actor.sector in STATE_SECTORS:
                        return actor
        # "Prosecutors said an inquiry has been opened", "police said 20 people were detained":
        # the state body telling it
        cur = tok
        for _ in range(4):
            parent = cur.head
            if parent.i == cur.i or cur.dep_ not in ("ccomp", "parataxis", "conj"):
                break
            if cur.dep_ != "conj" and any(w in self.lex.cue("speech") for w in lemmas(parent)):
                subj = next((c for c in parent.children if c.dep_ == "nsubj"), None)
                actor = resolver.resolve(subj, doc) if subj is not None else None
                return actor if actor is not None and actor.sector in STATE_SECTORS else None
            cur = parent
        return None

    def targets_of(self, doc, resolver, head: Token, trig: Trigger, covered, sources=()) -> list[Actor | None]:
        covered_ids = {t.i for t in covered}
        sources = [s for s in sources if s is not None]

        own_countries = {s.country for s in sources if s.country} if trig.event_type in ("AGREE", "AID", "MOBILIZE") else set()

        # "recalled its ambassador to Algeria", "pulled its soldiers out of Mali": the state's own
        # agents, named with "its", are what it moves, not whom it acts on
        moved = {s.country for s in sources if s.country} if trig.event_type in (
            "RETREAT", "SANCTION", "AID", "AGREE", "MOBILIZE", "CONSULT") else set()

        def own_agents(a):
            if a.country not in moved or a.sector not in STATE_SECTORS or a.start < 0:
                return False
            root = doc.spacy_doc[a.start:a.end].root
            return any(c.dep_ == "poss" and c.lower_ in ("its", "their", "our") for c in root.children)

        def others(actors):  # "offered its troops to Lebanon": the source's own are no target
            return [a for a in actors if a is not None and not any(_same(a, s) for s in sources)
                    and not (a.country in own_countries and a.sector in ("MIL", "COP") and not a.actor_id)
                    and not own_agents(a)]
        # a noun's phrases often hang on its "of" object: "the withdrawal of forces from Panama"
        of_objects = [g for c in head.children if c.dep_ == "prep" and c.lower_ == "of"
                      for g in c.children if g.dep_ == "pobj"] if head.pos_ == "NOUN" else []
        for spec in trig.targets:
            if spec == "ccomp" and trig.event_type == "REQUEST":
                # "demanded that he be reinstated as leader of the government", "that control of the
                # ministry be taken away from the politicians": who undergoes a passive is not who
                # is asked; another party the clause names is, before the subject
                for c in head.children:
                    if c.dep_ == "ccomp" and not self.reporting_clause(head, c):
                        actors = others(self.passive_party(doc, resolver, c))
                        if actors:
                            return actors
            toks = [t for h in [head, *of_objects] for t in self.target_tokens(h, spec, covered_ids)]
            actors = others(a for tok in toks for a in self.actors_of(doc, resolver, tok, doer=self.doer, doer_first=True))
            if actors:
                return actors
        if trig.event_type == "REQUEST":
            # "its demand that Israel ease restrictions", "insisted on its demands that Burundi's
            # government grant ...": whoever the that-clause asks to act
            nouns = [head] if head.pos_ == "NOUN" else [g for c in head.children if c.dep_ == "prep"
                                                       for g in c.children if g.dep_ == "pobj" and g.pos_ == "NOUN"]
            for noun in nouns:
                clauses = list(noun.children) + (list(noun.head.children) if noun.dep_ == "dobj" else [])
                for c in clauses:  # (the clause may hang on the verb: "reiterated its demand today that ...")
                    if c.dep_ in ("acl", "ccomp", "relcl") and any(m.dep_ == "mark" and m.lower_ == "that"
                                                                    for m in c.children):
                        subj = next((g for g in c.children if g.dep_ in ("nsubj", "nsubjpass")), None)
                        actors = others(self.actors_of(doc, resolver, subj))
                        if actors:
                            return actors
        if not trig.targets:
            return [None]
        # the recipient often sits one step further down: "promised to continue military aid to
        # Mozambique", "offered to hand over to Great Britain", "imposed a curfew on the town"
        # (whom forces are moved against is named, not found further down: "troops from Malawi")
        answering = trig.event_type in ("REJECT", "AGREE", "CONCEDE")
        for tok in self.nearby_objects(head, covered_ids, answering) if trig.event_type != "MOBILIZE" else ():
            if trig.event_type == "COOPERATE" and tok.dep_ == "pobj" and tok.head.lower_ in ("against", "on", "at"):
                continue  # "a joint operation against the militants": whom they work against is no partner
            actors = others(self.actors_of(doc, resolver, tok, doer=self.doer, doer_first=True))
            venue = {t.i for c in tok.children if c.dep_ == "prep" and c.lower_ in ("in", "at") for t in c.subtree}
            own = {c.i for c in tok.children if c.dep_ in ("amod", "compound", "poss", "nmod")}
            if actors and self.type_of(tok) == "CONSULT" and all(
                    not a.sector and a.start >= 0 and venue & set(range(a.start, a.end))
                    and not own & set(range(a.start, a.end)) for a in actors):
                continue  # "agreed to resume talks in Vienna": where they meet is no counterpart
            if actors:
                return actors
        # help given for a purpose goes to whom the purpose helps: "ready to send equipment to help
        # defend Oman", "sent experts to assist Chile" (a purpose of another kind names no recipient)
        if trig.event_type in ("AID", "SUPPORT", "AGREE", "COOPERATE"):
            for c in head.children:
                if c.dep_ in ("advcl", "xcomp") and c.i > head.i and any(a.tag_ == "TO" for a in c.children) \
                        and self.type_of(c) in ("AID", "SUPPORT"):
                    for tok in self.nearby_objects(c, set()):
                        actors = others(self.actors_of(doc, resolver, tok))
                        if actors:
                            return actors
        if trig.event_type == "REJECT":
            # a refusal "despite pressure by X", "in spite of calls from X" answers X
            clauses = [head] + [c for c in head.children if c.dep_ == "xcomp"]  # ("declined to resign despite ...")
            spite = [g for v in clauses for p in v.children if p.dep_ == "prep" and p.lower_ == "in"
                     for o in p.children if o.lower_ == "spite" for g in o.children]
            for t in [c for v in clauses for c in v.children if c.lower_ == "despite"] + spite:
                if t.dep_ == "prep" and t.lower_ in ("despite", "of"):
                    for obj in (g for g in t.children if g.dep_ == "pobj"):
                        actors = others([self.doer(doc, resolver, obj)] + [
                            resolver.resolve(g, doc) for p in obj.children if p.dep_ == "prep" and p.lower_ == "from"
                            for g in p.children if g.dep_ == "pobj"])
                        if actors:
                            return actors
        if trig.event_type in ("CONCEDE", "RETREAT", "AGREE"):
            # a step back "after talks with X", "following negotiations with X" is taken towards X
            for c in head.children:
                if c.dep_ == "prep" and c.lower_ in ("after", "following"):
                    for obj in c.children:
                        if obj.dep_ in ("pobj", "dobj") and self.type_of(obj) == "CONSULT":
                            found = [g for p in obj.children if p.dep_ == "prep" and p.lower_ == "with"
                                     for g in prep_objects(p)]
                            actors = others(a for g in found for a in self.actors_of(doc, resolver, g))
                            if actors:
                                return actors
        # force used for a purpose is aimed at whom the purpose names: "opened fire to disperse
        # the demonstrators", "fired tear gas to break up the rally"
        # (forces moved to fight are aimed at whom they are to fight: "deployed troops to fight
        # insurgents in Mozambique"; not at whom they are to protect)
        if trig.event_type in ("ASSAULT", "COERCE", "MOBILIZE"):
            for c in head.children:
                if c.dep_ in ("advcl", "xcomp") and any(a.tag_ == "TO" for a in c.children) and (
                        trig.event_type != "MOBILIZE" or self.type_of(c) in ("ASSAULT", "COERCE")):
                    obj = next((g for g in c.children if g.dep_ == "dobj"), None)
                    actors = others(self.actors_of(doc, resolver, obj, doer=self.doer))
                    if actors:
                        return actors
        # a trigger phrase that holds its object: "expelled two Russian diplomats"
        for tok in covered:
            if tok.i != head.i and tok.pos_ in ("NOUN", "PROPN") and tok.head.i == head.i:
                actors = others([resolver.resolve(tok, doc)])
                if actors:
                    return actors
        return [None]

    @staticmethod
    def actors_of(doc, resolver, tok: Token | None, doer=None, doer_first: bool = False) -> list[Actor]:
        """The actors a phrase and its conjuncts name ("the US and Israel", "Egyptian and Qatari
        mediators"); with ``doer``, an
        event noun's doer where the phrase names no actor (or before it, with ``doer_first``)."""
        out = []
        both = resolver.both_sides(tok, doc) if tok is not None else []
        if both:  # "urged both sides to show restraint", "the two sides signed a truce"
            return both
        for t in conjuncts(tok):
            if doer is not None and doer_first:
                actor = doer(doc, resolver, t) or resolver.resolve(t, doc)
            else:
                actor = resolver.resolve(t, doc) or (doer(doc, resolver, t) if doer is not None else None)
            if actor is not None:
                out += resolver.coordinated(actor, t, doc)
        return out

    def doer(self, doc, resolver, tok: Token) -> Actor | None:
        """When the object is itself an event ("demanded an Israeli withdrawal", "prevented the
        demonstration staged by students", "crimes committed by Croat forces"), its doer."""
        if tok.pos_ != "NOUN":
            return None
        mention_at = doc.user_data.get("mention_at", {})
        for c in tok.children if self.lex.match(tok) is not None else ():
            if c.dep_ in ("poss", "compound") or c.dep_ == "amod" and c.i in mention_at:
                actor = resolver.resolve(c, doc)
                if actor is not None:
                    return actor
        for c in tok.children:  # "the US-led war", "a Saudi-led offensive": who leads it wages it
            if c.dep_ == "amod" and c.lemma_.lower() == "lead":
                for g in c.children:
                    actor = resolver.resolve(g, doc) if g.dep_ in ("npadvmod", "compound", "nmod") else None
                    if actor is not None:
                        return actor
        proposal = tok.lemma_.lower() in self.lex.cue("proposal")
        people = tok.lemma_.lower() in resolver.kb.sector_nouns  # ("villagers held by kidnappers": the villagers)
        for c in tok.children if not people else ():  # "the rallies by the group", "the demonstration staged by students"
            # (and who puts a proposal: "an offer from Kabul", "at the request of Russia")
            by = c if c.dep_ == "prep" and (c.lower_ == "by" or proposal and c.lower_ in ("from", "of")) else \
                next((g for g in c.children if g.dep_ == "agent"), None) if c.dep_ == "acl" else None
            obj = next((g for g in by.children if g.dep_ == "pobj"), None) if by is not None else None
            actor = resolver.resolve(obj, doc) if obj is not None else None
            if actor is not None:
                return actor
        return self.earlier_doer(doc, resolver, tok)

    def earlier_doer(self, doc, resolver, tok: Token) -> Actor | None:
        """"Iran condemned the strikes": a definite event noun with no doer of its own is the
        event told before, so its doer is that event's source."""
        hit = self.lex.match(tok)
        if hit is None or not any(c.dep_ == "det" and c.lower_ in ("the", "this", "these", "those", "that")
                                  for c in tok.children):
            return None
        here = tok.sent.start
        sdoc = doc.spacy_doc
        told_before = doc.user_data.get("events_so_far", [])

        def fits(ev) -> bool:
            return not ev.negated and not ev.hypothetical and ev.trigger_start < here
        # the same word first ("the hotel attack ... a US strike ... condemned the attack": the
        # attack), then the same weapon ("a bomb exploded ... condemned the bombing"), then the
        # same kind of event ("struck" … "the strikes")
        word = tok.lemma_.lower()
        same_word = [ev for ev in told_before if fits(ev) and sdoc[ev.trigger_start:ev.trigger_end].root.lemma_.lower() == word]
        same_mode = [ev for ev in told_before if fits(ev) and hit[0].mode and ev.mode == hit[0].mode]
        same_kind = [ev for ev in told_before if fits(ev) and ev.event_type == hit[0].event_type]
        for ev in (same_word or same_mode or same_kind)[-1:]:
            # of an event with several doers ("American and British jets struck"), the first named
            ev = next((e for e in told_before if e.trigger_start == ev.trigger_start and e.source is not None
                       and e.source.country), None)
            if ev is None:
                return None  # the event referred to has no known doer: nor has this
            return resolver.same_as(np_span(tok), ev.source, f"'{tok.text}' refers back to the "
                                    f"{ev.event_type.lower()} by {ev.source.name}")
        return None

    def nearby_objects(self, head: Token, covered_ids: set[int], answering: bool = False) -> list[Token]:
        """The objects below ``head``, nearest first. ``answering``: the head answers a proposal
        (accepts or rejects it), so what an invitation or call asks of it names the counterpart."""
        causative = self.lex.cue("causative")
        out, frontier = [], [head]
        for depth in range(5):
            nxt = []
            for tok in frontier:
                for c in tok.children:
                    if c.i in covered_ids:
                        nxt.append(c)  # the trigger's own words are passed through, not taken
                        continue
                    if c.dep_ == "dobj" and tok.lemma_.lower() in self.lex.cue("using"):
                        continue  # "threatened to use force": an instrument, no one acted on
                    if c.dep_ in ("dobj", "dative", "pobj", "attr") or c.dep_ == "appos" and depth > 0:
                        out.append(c)
                        nxt.append(c)
                    elif c.dep_ == "prep" and (c.lower_ in ("to", "with", "against", "on", "for", "into", "from", "at", "between", "among")
                                               or c.lower_ in ("of", "by") and depth > 0
                                               # "denounced as a crime Serbia's suppression", but not
                                               # "condemned the strikes as a violation of X's sovereignty"
                                               or c.lower_ == "as" and not any(g.dep_ == "dobj" for g in tok.children)):
                        nxt.append(c)
                        if not any(g.dep_ in ("pobj", "pcomp") for g in c.children):
                            out += prep_objects(c)  # (an object the parser hung elsewhere)
                    elif c.dep_ == "xcomp" and (tok.i == head.i or tok.dep_ == "xcomp" and tok.head.i == head.i) \
                            or c.dep_ == "pcomp":
                        # "a formula for ending its dispute with X": through the gerund; "pledged to
                        # continue supporting X": through a verb of going on
                        nxt.append(c)
                    elif c.dep_ == "acl" and c.tag_ == "VBG" and c.lemma_.lower() in self.lex.cue("conveying"):
                        nxt.append(c)  # "fired on a bus carrying pilgrims": the people in it
                    elif answering and c.dep_ in ("acl", "relcl") and tok.lemma_.lower() in self.lex.cue("addressed") \
                            and any(a.tag_ == "TO" for a in c.children):
                        # "rejected an invitation to attend a meeting of X": what it is asked to do
                        # (not "condemned a plan to deport migrants": the migrants are no counterpart)
                        nxt.append(c)
                    elif c.dep_ == "ccomp" and tok.lemma_.lower() in causative:
                        out += [g for g in c.children if g.dep_ in ("nsubj", "nsubjpass")]
            frontier = nxt
        return out

    def passive_party(self, doc, resolver, clause: Token) -> list[Actor]:
        """Of a passive clause, its agent, else the first party other than its subject that it names
        ("be taken away from Hausa politicians", "be reinstated as leader of the government");
        places are where it is done, not parties ("troops be withdrawn from Lebanon", "in the
        next government")."""
        subj = next((c for c in clause.children if c.dep_ == "nsubjpass"), None)
        if subj is None:
            return []
        agent = self.agent_of(clause)
        if agent is not None:
            return self.actors_of(doc, resolver, agent)  # "that their leader be freed by the army"
        inside = {t.i for t in subj.subtree}
        for tok in clause.subtree:
            if tok.i in inside or tok.dep_ not in ("pobj", "dobj") or tok.head.i in inside \
                    or tok.dep_ == "pobj" and tok.head.lower_ in LOCATIVES:
                continue  # (nor where or when it is done: "in the next government")
            found = [a for a in self.actors_of(doc, resolver, tok) if a.sector]
            if found:
                return found
        return []

    @staticmethod
    def town_of(doc, actor: Actor, noun: Token) -> bool:
        """"The Kabul bombing": a town before an event noun names where it happened, not who did it
        (a capital there is no government; "a US strike" is the US's)."""
        if actor.start < 0:
            return False
        root = doc.spacy_doc[actor.start:actor.end].root
        if root.dep_ != "compound" or root.head.i != noun.i:
            return False
        mention = doc.user_data.get("mention_at", {}).get(root.i)
        return mention is not None and mention.how == "capital" or not actor.sector and not actor.actor_id

    def speaker_noun(self, noun: Token) -> bool:
        """"..., a human rights organization charged on Saturday" parsed as a second object: the
        noun with a verb of saying hung on it after a comma reports the event; it is not its target."""
        return noun.i > 0 and any(
            c.dep_ in ("acl", "relcl") and c.tag_ in ("VBD", "VBN") and c.i > noun.i and (
                c.lemma_.lower() in self.lex.cue("speech") or self.type_of(c) == "ACCUSE")
            for c in noun.children) and any(t.text == "," for t in noun.doc[noun.left_edge.i - 1:noun.left_edge.i])

    def reporting_clause(self, head: Token, clause: Token) -> bool:
        """"demanded the withdrawal ..., diplomats quoted a declaration as saying": a clause of
        saying after a comma that the parser hung on the trigger reports it; it is not what is
        demanded or said."""
        speech = self.lex.cue("speech")
        edge = clause.left_edge.i
        return clause.i > head.i and edge > 0 and "," in (clause.doc[edge].text, clause.doc[edge - 1].text) \
            and (clause.lemma_.lower() in speech or any(
                g.dep_ == "pcomp" and g.lemma_.lower() in speech for c in clause.children if c.dep_ == "prep"
                and c.lower_ == "as" for g in c.children))

    def target_tokens(self, head: Token, spec: str, covered_ids: set[int]) -> list[Token]:
        if spec in ("dobj", "dative"):
            out = [c for c in head.children if c.dep_ == spec and c.i not in covered_ids and not self.speaker_noun(c)]
            if not out and spec == "dobj" and head.pos_ == "VERB":
                # "attacked and looted a base", "condemned and rejected the plan": two verbs in a row
                # share the object that follows the second
                for c in head.children:
                    if c.dep_ == "conj" and c.pos_ == "VERB" and c.i > head.i and all(
                            t.dep_ in ("cc", "advmod", "punct") for t in head.doc[head.i + 1:c.i]) \
                            and not any(g.dep_ in ("nsubj", "nsubjpass") for g in c.children):
                        out = [g for g in c.children if g.dep_ == "dobj" and g.i not in covered_ids]
                        break
            if not out and spec == "dobj":
                # parse repair: "denied Turkish officials access to Gaza" read as a clause whose verb
                # is the noun "access": its subject is the first object
                out = [g for c in head.children if c.dep_ == "ccomp" and c.pos_ == "NOUN"
                       for g in c.children if g.dep_ == "nsubj" and g.pos_ in ("NOUN", "PROPN")]
            if not out and spec == "dobj":
                # "condemned what it called the excessive use of force by the police": what is named,
                # and who did it when the naming says so
                for c in head.children:
                    if c.dep_ == "ccomp" and c.lemma_.lower() in self.lex.cue("naming") and any(
                            g.dep_ == "dobj" and g.tag_ == "WP" for g in c.children):
                        named = [g for g in c.children if g.dep_ == "oprd"] or [
                            o for g in c.children if g.dep_ == "prep" and g.lower_ == "as" for o in prep_objects(g)]
                        doers = [o for g in [*c.children, *(t for n in named for t in n.children)]
                                 if g.dep_ in ("prep", "agent") and g.lower_ == "by" for o in prep_objects(g)] \
                            if named else []
                        out = doers or named
                        break
            if not out and spec == "dobj" and head.pos_ == "VERB":
                # parse repair: "police arrest 20" read with the number an adverbial: a bare number
                # right after the verb counts the people it acts on
                out = [c for c in head.children if c.dep_ == "npadvmod" and c.like_num and c.i == head.i + 1]
            if not out and spec == "dobj" and head.pos_ in ("VERB", "NOUN"):
                # parse repair: "police arrest over 100" read as a preposition and its object: the
                # number right after the verb counts the people it acts on
                out = [g for c in head.children if c.dep_ == "prep" and c.i == head.i + 1
                       and c.lower_ in WORDS["approximation"] for g in c.children
                       if g.dep_ == "pobj" and g.like_num]
            if not out and spec == "dobj":
                # parse repair: "kidnapped up to 16 engineers" read as the particle "up" and a "to"
                # phrase: the counted noun is the object
                out = [g for c in head.children if c.dep_ == "prt" and c.lower_ == "up" for p in c.children
                       if p.dep_ == "prep" and p.lower_ == "to" for g in p.children
                       if g.dep_ == "pobj" and any(n.dep_ == "nummod" for n in g.children)]
            return out
        if spec == "ccomp":
            out = []
            for c in head.children:
                if c.dep_ == "ccomp" and not self.reporting_clause(head, c):
                    out += [g for g in c.children if g.dep_ in ("nsubj", "nsubjpass")]
            return out
        if spec.startswith("prep:"):
            word = spec[5:]
            out = []
            for c in head.children:
                if c.dep_ in ("prep", "dative") and c.lower_ == word:
                    out += prep_objects(c)
            return out
        return []

    def threatened(self, doc, resolver, verb: Token) -> list[Actor]:
        """Who must comply with a threat: the subject of its "unless/if" clause, else whom the
        threatened act is aimed at ("threatened to shell Iraqi towns")."""
        clauses = [verb] + [c for c in verb.children if c.dep_ in ("xcomp", "ccomp")]
        for clause in clauses:
            for c in clause.children:
                if c.dep_ == "advcl" and any(m.lower_ in ("unless", "if") for m in c.children if m.dep_ == "mark"):
                    subj = next((g for g in c.children if g.dep_ in ("nsubj", "nsubjpass")), None)
                    found = self.actors_of(doc, resolver, subj)
                    if found:
                        return found
        for clause in clauses[1:]:
            for tok in self.nearby_objects(clause, set()):
                # "will no longer tolerate rallies by the group": whoever does what is threatened
                found = self.actors_of(doc, resolver, tok, doer=self.doer)
                if found:
                    return found
        return []

    def protest_target(self, doc, resolver, head: Token, sources=()) -> list[Actor]:
        """Whom a protest is against: "... to protest against Sweden's decision", "against the
        party's leader", "calling for independence from Iraq" (never the protesters themselves)."""
        protesters = [s for s in sources if s is not None]

        def others(actors):
            return [a for a in actors if a is not None and not any(_same(a, s) for s in protesters)]
        # (and what a march heads for: "marched toward the Congress building", "marched on parliament")
        marching = head.lemma_.lower() in self.lex.cue("marching")
        preps = [c for c in head.children if c.dep_ == "prep" and c.lower_ in ("against", "outside", "over")
                 or marching and c.dep_ == "prep" and c.lower_ in ("toward", "towards", "on")]
        preps += [g for c in head.children if marching and c.dep_ == "prep" and c.lower_ == "from"
                  for o in c.children for g in o.children if g.dep_ == "prep" and g.lower_ in ("toward", "towards", "to")]
        for c in head.children:  # "in protest against the abuses", "in defiance of the authorities"
            if c.dep_ == "prep" and c.lower_ == "in":
                for obj in c.children:
                    if obj.dep_ == "pobj" and obj.lemma_.lower() in ("protest", "defiance", "opposition"):
                        preps += [g for g in obj.children if g.dep_ == "prep" and g.lower_ in
                                  ("against", "of", "over", "at", "to")]
        for c in preps:
            obj = next((g for g in c.children if g.dep_ == "pobj"), None)
            # whom the protest is against, or who did what it is against ("the government's refusal")
            found = others(self.actors_of(doc, resolver, obj, doer=self.doer))
            if found:
                return found
        if head.pos_ == "VERB":
            # "students rioted after a rally against the minister", "following a demonstration calling
            # for X's removal": the riot goes on with the protest and is against the same party
            for c in head.children:
                if c.dep_ == "prep" and c.lower_ in ("after", "following", "during"):
                    for obj in c.children:
                        if obj.dep_ in ("pobj", "dobj") and self.type_of(obj) == "PROTEST":
                            found = self.protest_target(doc, resolver, obj, sources)
                            if found:
                                return found
        clauses = [c for c in head.children if c.dep_ in ("advcl", "xcomp", "acl") and c.pos_ == "VERB"]
        # "waving flags and chanting slogans against France": an "against" phrase first
        for c in clauses:
            for prep in c.subtree:
                if prep.dep_ == "prep" and prep.lower_ == "against":
                    obj = next((g for g in prep.children if g.dep_ == "pobj"), None)
                    found = others(self.actors_of(doc, resolver, obj, doer=self.doer))
                    if found:
                        return found
        for c in clauses:
            if c.lemma_.lower() in self.lex.cue("joining"):
                # "rioted, joining demonstrators in demanding a referendum": whom they join are
                # fellow protesters; what they do together ("in demanding ...") names the target
                c = next((g for p in c.children if p.dep_ == "prep" and p.lower_ == "in"
                          for g in p.children if g.dep_ == "pcomp"), None)
                if c is None:
                    continue
            for tok in self.nearby_objects(c, set()):
                found = others(self.actors_of(doc, resolver, tok))
                if found:
                    return found
        return []

    def against(self, doc, resolver, verb: Token) -> list:
        """Whom an "against" phrase in the clause names ("for a possible war against Iraq")."""
        for tok in verb.subtree:
            if tok.dep_ == "prep" and tok.lower_ == "against":
                obj = next((g for g in tok.children if g.dep_ == "pobj"), None)
                found = self.actors_of(doc, resolver, obj) if obj is not None else []
                if found:
                    return found
        return []

    def light_verb(self, noun: Token) -> Token | None:
        # a planned event is its planner's too: "the EU is considering sanctions"
        light = self.lex.cue("light").keys() | self.lex.cue("planning").keys()
        tok = noun
        for _ in range(4):
            prev, tok = tok, tok.head
            if tok.pos_ in ("NOUN", "PROPN") and tok.i != noun.i and tok.lemma_.lower() not in self.counted_by \
                    and not (noun.head.lower_ == "in" and noun.head.head.i == tok.i and (
                        tok.ent_type_ in ("MONEY", "QUANTITY") or any(c.dep_ == "nummod" for c in tok.children))) \
                    and prev.dep_ != "conj":  # ("launched artillery, mortar and rocket fire": coordinated objects;
                # "announced 20 million euros in aid": an amount of the event)
                return None  # "London's role in the attack": the role is the verb's, not the attack
            if tok.pos_ in ("VERB", "AUX"):
                # "arrived in Cairo for talks": who comes for an event takes part in it
                purpose = prev.dep_ == "prep" and prev.lower_ == "for" and noun.head.i == prev.i
                if any(c.dep_ == "oprd" for c in tok.children):
                    return None  # "what it called London's role in the attack": naming, not doing
                return tok if purpose or any(w in light for w in lemmas(tok)) else None
            if tok.dep_ == "ROOT":
                break
        return None

    def circumstance_subject(self, noun: Token) -> Token | None:
        """"Students resorted to throwing stones during demonstrations", "workers stopped work on
        the first day of a strike": an event noun in a phrase telling when or where a clause
        happens, whose verb is no event of its own, has that clause's subject as its doer."""
        tok = noun
        while tok.dep_ == "pobj" and tok.head.dep_ == "prep":
            prep = tok.head
            if prep.head.pos_ in ("VERB", "AUX"):
                verb = prep.head
                if prep.lower_ not in ("during", "in", "on", "at", "throughout") or self.lex.match(verb) is not None:
                    return None
                if verb.dep_ == "pcomp" and verb.head.dep_ == "prep" and verb.head.head.pos_ == "VERB":
                    verb = verb.head.head  # "resorted to throwing stones during ...": who resorted
                    if self.lex.match(verb) is not None:
                        return None
                subj = self.subject_of(verb)
                return subj if subj is not None and subj.dep_ == "nsubj" else None  # (not those it befell)
            if prep.lower_ != "of" or prep.head.dep_ != "pobj":
                return None  # (through "the first day of", "the height of")
            tok = prep.head
        return None

    def victims_of(self, doc, resolver, noun: Token) -> list[Actor]:
        carriers = carried_verbs(noun, self.actor_nouns)
        if noun.dep_ == "nsubj" and noun.head.pos_ == "VERB":
            carriers.append(noun.head)
        for c in carriers:
            obj = next((g for g in c.children if g.dep_ == "dobj"), None)
            if obj is not None and obj.lemma_.lower() in ("life", "lives"):
                of = next((g for g in obj.children if g.dep_ == "prep" and g.lower_ == "of"), None)
                obj = next((g for g in of.children if g.dep_ == "pobj"), None) if of is not None else None
            if obj is not None:
                victims = self.actors_of(doc, resolver, obj)
                if victims:
                    return victims
        # "a prisoner died as a result of torture", "soldiers died in an attack on their base": who died
        up = noun
        while up.dep_ in ("pobj", "prep"):
            up = up.head
        hit = self.lex.match(noun)
        if up.pos_ == "VERB" and up.lemma_.lower() in self.lex.cue("death") and up.i != noun.i \
                and hit is not None and hit[0].event_type == "ASSAULT":
            subj = next((c for c in up.children if c.dep_ == "nsubj"), None)
            return self.actors_of(doc, resolver, subj)
        return []

    def place_target(self, doc, tok: Token, source: Actor | None, event_type: str) -> Actor | None:
        """With no one named as target, a town or country the event is aimed at stands for its
        people: the place in an "in/on/of" phrase of the trigger, of its object ("a state of
        emergency in West Darfur"), of what it is aimed at ("fired at targets in Jericho") or of
        the act threatened ("threatened to impose a curfew in Algiers"). A protest there is
        addressed to that country's government."""
        resolver = doc.user_data["resolver"]
        heads, frontier = [tok], [tok]
        for _ in range(3):
            nxt = []
            for h in frontier:
                for c in h.children:
                    if c.dep_ in ("dobj", "nsubjpass") or c.dep_ == "xcomp" and event_type == "THREATEN" \
                            or c.dep_ == "acl" and h.i != tok.i:  # "the curfew imposed in Sudan"
                        nxt.append(c)
                    elif c.dep_ == "prep" and c.lower_ in ("of", "at", "against", "on"):
                        nxt += [g for g in c.children if g.dep_ == "pobj"]
            heads += nxt
            frontier = nxt
        for head in heads:
            for c in head.children:
                if c.dep_ != "prep" or c.lower_ not in ("in", "on", "of", "across", "throughout"):
                    continue
                obj = next((g for g in c.children if g.dep_ == "pobj"), None)
                if obj is not None and obj.pos_ == "NOUN":  # "in Montenegro province", "in the city of Algiers"
                    obj = next((g for g in obj.children if g.dep_ == "compound" and g.pos_ == "PROPN"), None) or \
                        next((g for p in obj.children if p.dep_ == "prep" and p.lower_ == "of"
                              for g in p.children if g.dep_ == "pobj" and g.pos_ == "PROPN"), None)
                if obj is None or obj.pos_ != "PROPN":
                    continue
                actor = resolver.resolve(obj, doc) or next(  # "in Pakistan and Pakistani Kashmir"
                    (a for c in obj.children if c.dep_ in ("nmod", "compound") and c.pos_ == "PROPN"
                     for a in [resolver.resolve(c, doc)] if a is not None), None) or region(resolver, doc, obj)
                mention = doc.user_data.get("mention_at", {}).get(obj.i)
                as_place = mention is not None and mention.how == "capital"  # "in Algiers": the city, not the government
                if actor is not None and actor.country and (not actor.sector or as_place) and (
                        event_type == "PROTEST" or
                        not (source is not None and source.country == actor.country and source.sector is None)):
                    if event_type == "PROTEST":
                        actor.sector, actor.name = "GOV", resolver.kb.generic_name(actor.country, "GOV") or actor.name
                        actor.reason += "; a protest there is addressed to its government"
                    else:
                        actor.sector = "CVL"
                        actor.reason += "; the place the event was aimed at → its people (CVL)"
                    return actor
        return None

    def complement_place(self, doc, tok: Token, source: Actor | None, event_type: str) -> Actor | None:
        """An agreement or refusal with no one named as counterpart concerns the place where what
        is agreed or refused is to be done: the place in its to-infinitive ("agreed to set up a
        centre in Tokyo"), or in that of the proposal answered ("rejected a call for troops to be
        deployed in East Timor"). A meeting's place is a venue, not a counterpart ("agreed to hold
        talks in Geneva")."""
        def to_clauses(head: Token) -> list[Token]:
            return [c for c in head.children if c.dep_ in ("xcomp", "acl", "relcl", "advcl") and c.i > head.i
                    and c.pos_ in ("VERB", "AUX") and any(a.tag_ == "TO" for a in c.children)]
        clauses = to_clauses(tok) + [c for o in tok.children if o.dep_ == "dobj"
                                     and o.lemma_.lower() in self.lex.cue("proposal") for c in to_clauses(o)]
        for clause in clauses:
            if any(self.type_of(t) == "CONSULT" for t in [clause, *(c for c in clause.children if c.dep_ == "dobj")]):
                continue
            actor = self.place_target(doc, clause, source, event_type)
            if actor is not None:
                return actor
        return None

    @staticmethod
    def town_people(doc, ev) -> Actor | None:
        """A capital that is shelled, besieged or blockaded by force ("rebels shelled the regional
        capital Juba", "troops sealed off Ramallah") stands for its people, not for the government
        it names when it speaks or is spoken to ("Kyiv rejected the call"); a protest there is
        still addressed to the government."""
        target = ev.target
        if target is None or target.start < 0 or target.sector != "GOV":
            return None
        root = doc.spacy_doc[target.start:target.end].root
        if ev.event_type not in ("ASSAULT", "COERCE") and not (
                ev.event_type == "PROTEST" and ev.mode == "obstruct" and root.dep_ == "dobj"
                and root.head.i == doc.spacy_doc[ev.trigger_start:ev.trigger_end].root.i):
            return None  # (protesters blockading the capital obstruct its people too)
        mention = doc.user_data.get("mention_at", {}).get(root.i)
        if mention is None or mention.how != "capital":
            return None
        resolver = doc.user_data["resolver"]
        return replace(target, sector="CVL", actor_id=None,
                       name=resolver.kb.generic_name(target.country, "CVL") or target.name,
                       reason=target.reason.replace("government", "people") + "; a town hit or blocked → its people (CVL)")

    def own_people(self, doc, tok: Token, source: Actor | None) -> Actor | None:
        """"The government imposed a curfew", "announced it is prepared to impose martial law": a
        measure on a whole population, imposed or lifted by a government with no place named, is
        aimed at its own country's people."""
        if source is None or not source.country or not (
                source.sector in ("GOV", "LEG", "JUD", "COP")
                or source.sector is None and (source.actor_id or "").startswith("country:")):
            return None
        measures = self.lex.cue("measure")
        for cand in [tok, *(c for c in tok.children if c.dep_ in ("dobj", "nsubjpass"))]:
            hit = self.lex.match(cand)
            words = " ".join(t.lemma_.lower() for t in sorted(hit[1], key=lambda t: t.i)) if hit else ""
            if words in measures or cand.lemma_.lower() in measures \
                    or any(t.lemma_.lower() in measures for t in (hit[1] if hit else ())):
                resolver = doc.user_data["resolver"]
                return Actor(text="", name=resolver.kb.generic_name(source.country, "CVL") or source.country,
                             country=source.country, sector="CVL",
                             reason=f"a measure ('{words}') on the people of {source.name}'s own country → CVL")
        return None


def finite_on_root(verb: Token) -> bool:
    """"Algeria, which brokered the accord, called on both sides ...": the parser hung the main
    verb on the subject it took for the root (an "acl" after a comma); it is the sentence's verb."""
    head = verb.head
    return verb.dep_ == "acl" and head.dep_ == "ROOT" and head.pos_ in ("NOUN", "PROPN") and verb.i > head.i \
        and any(t.text == "," for t in verb.doc[head.i:verb.i]) and not any(
            t.pos_ in ("VERB", "AUX") and t.dep_ == "ROOT" for t in verb.sent)


def fronted_subject(verb: Token) -> Token | None:
    """"With the signing of a deal, the government and the rebels have agreed to ...": a finite
    verb with no subject whose clause opens with a phrase the parser stretched over the subject,
    joining it to the phrase's object as a conjunct after the comma. The noun phrase between
    that comma and the verb is the subject."""
    if verb.pos_ not in ("VERB", "AUX") or not (verb.tag_ in ("VBD", "VBZ", "VBP") or any(
            c.dep_ == "aux" and c.tag_ in ("VBD", "VBZ", "VBP", "MD") for c in verb.children)):
        return None
    doc = verb.doc
    for prep in verb.children:
        if prep.dep_ != "prep" or prep.i > verb.i or prep.left_edge.i != verb.sent.start:
            continue
        for t in prep.subtree:
            if t.dep_ in ("conj", "appos") and t.pos_ in ("NOUN", "PROPN") and t.left_edge.i > prep.i + 1 \
                    and doc[t.left_edge.i - 1].text == "," and all(
                        w.dep_ in ("aux", "neg", "advmod") for w in doc[t.right_edge.i + 1:verb.i]):
                return t
    return None


def root_noun_subject(verb: Token) -> Token | None:
    """"Doctors from two aid groups donated and delivered medicine to ...": with no verb as the
    sentence's root, the parser hung the main verb on a noun inside the subject it took for the
    root; a past-tense verb there with an object (its own or a conjunct's) is the sentence's
    verb, and that root noun its subject."""
    root = verb.sent.root
    if root.pos_ not in ("NOUN", "PROPN") or verb.tag_ not in ("VBD", "VBN") or verb.i < root.i \
            or any(c.dep_ in ("nsubj", "nsubjpass", "auxpass", "agent") for c in verb.children):
        return None
    head = verb.head  # a preposition's object in the root noun's own phrase: "from two aid groups"
    if not (head.dep_ == "pobj" and head.head.dep_ == "prep" and head.head.head.i == root.i):
        return None
    if not any(c.dep_ == "dobj" for v in (verb, *verb.conjuncts) for c in v.children):
        return None
    return root


def region(resolver, doc, tok: Token) -> Actor | None:
    """A region the gazetteer knows, which names no actor ("in West Darfur State": Darfur, SDN):
    the whole name (the resolver's lookup drops a generic last word, "State", "Province"), then
    the word before the last."""
    if tok.ent_type_ not in ("GPE", "LOC", "FAC"):
        return None  # ("on Thursday", "in August" are no places)
    words = [t.text for t in np_span(tok) if t.pos_ == "PROPN"]
    for name in dict.fromkeys([" ".join(words), *words[-2:-1]]):
        place = resolver.place_country(name, doc) if name else None
        if place is not None and place.country and place.precision in ("city", "admin1"):
            span = np_span(tok)
            return Actor(text=span.text, name=place.name, country=place.country, start=span.start, end=span.end,
                         reason=f"region {place.name} is in {place.country}")
    return None


def prep_objects(prep: Token) -> list[Token]:
    """A preposition's object; or, where the parser read the object and a participle after it
    as a clause of their own ("granted asylum to five officers holed up in the embassy": the
    officers "holed up"), the subject of that clause, which starts right after the preposition."""
    objs = [g for g in prep.children if g.dep_ == "pobj"]
    if objs or any(c.dep_ in ("pcomp", "pobj") for c in prep.children):
        return objs
    after = prep.doc[prep.i + 1] if prep.i + 1 < len(prep.doc) else None
    if after is not None and after.dep_ == "cc":
        # "established ties with and opened an embassy in Tehran": the object both share is the
        # last one of the next conjunct
        for up in [prep.head, *prep.head.ancestors]:
            conj = next((c for c in up.children if c.dep_ == "conj" and c.i > after.i), None)
            if conj is not None:
                shared = [t for t in conj.subtree if t.dep_ in ("pobj", "dobj") and t.pos_ in ("NOUN", "PROPN")]
                return shared[-1:]
    for c in prep.head.children:
        if c.dep_ in ("advcl", "ccomp", "conj", "dep") and c.tag_ in ("VBD", "VBN") and c.i > prep.i:
            subj = next((g for g in c.children if g.dep_ in ("nsubj", "nsubjpass")), None)
            if subj is not None and subj.left_edge.i == prep.i + 1:
                return [subj]
    return []


def carried_verbs(noun: Token, actor_nouns) -> list[Token]:
    """The clauses that tell what an event noun did: its own ("the attack that killed X"), and a
    "that" clause on the place it hit ("an attack on an outpost in Jordan that killed three
    soldiers": the outpost killed no one)."""
    out = [c for c in noun.children if c.dep_ in ("relcl", "acl") and c.pos_ == "VERB"]
    for t in noun.subtree:
        if t.i == noun.i or t.dep_ != "pobj" or t.lemma_.lower() in actor_nouns or t.ent_type_ == "PERSON":
            continue
        out += [c for c in t.children if c.dep_ == "relcl" and c.pos_ == "VERB" and any(
            g.dep_ == "nsubj" and g.lower_ in ("that", "which") for g in c.children)]
    return out


def conjuncts(tok: Token | None) -> list[Token]:
    if tok is None:
        return []
    out = [tok, *[c for c in tok.conjuncts if c.pos_ in ("NOUN", "PROPN", "PRON")]]
    # parse repair: "Sudan's army and the paramilitary Rapid Support Forces" read with the adjective
    # as the second conjunct and the name as an apposition of the first
    for adj in tok.children:
        if adj.dep_ == "conj" and adj.pos_ == "ADJ" and any(c.dep_ == "cc" and c.i < adj.i for c in tok.children):
            out += [a for a in tok.children if a.dep_ == "appos" and a.i > adj.i and a.pos_ in ("NOUN", "PROPN")][:1]
    return out


def _same(a: Actor, b: Actor) -> bool:
    """One actor: the same known entry, or the same mention (directly or by reference) read as
    the same country ("Egyptian and Qatari mediators" are two)."""
    return bool(a.actor_id and a.actor_id == b.actor_id) or \
        (a.refers_to or (a.start, a.end)) == (b.refers_to or (b.start, b.end)) and a.country == b.country
