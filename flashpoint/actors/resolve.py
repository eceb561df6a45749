"""The actors stage: find actor mentions and resolve noun phrases to coded actors.

Mentions come from the knowledge base (names, adjectives, demonyms, capitals) and from
generic sector nouns ("the army", "militias"). The stage records them on the Document and
works out which countries the article is about; the events stage then calls
:meth:`ActorResolver.resolve` on the head token of each argument it finds in the parse.
"""
from __future__ import annotations

from collections import Counter

from spacy.attrs import DEP, POS
from spacy.parts_of_speech import IDS as POS_IDS
from spacy.tokens import Span, Token

from .. import registry
from ..config import Settings
from ..doc import Actor, Document, doc_ents
from .kb import NON_STATE, WORDS, knowledge_base
from .mentions import PERSON_TITLES_GOV, PERSON_TITLES_MIL, Mention, MentionFinder, english_word, near_spelling

# dependency labels whose subtrees belong to a noun phrase when reading an actor from it
NP_DEPS = {"compound", "amod", "poss", "det", "nummod", "nmod", "quantmod", "case", "punct", "appos", "prep",
           "pobj", "npadvmod", "advmod", "predet", "cc", "conj"}
PRONOUNS = {"it", "its", "they", "them", "their", "he", "him", "his", "she", "her", "we", "our", "itself",
            "themselves"}
RELATIVES = {"who", "which", "that", "whom", "whose"}
# Word lists (data/words.tsv): carriers ("an army note"), group heads ("rebel forces"),
# quantities ("tens of thousands of"), followers, "former", back-references ("the group") and titles.
CARRIER_NOUNS = set(WORDS["carrier"])
GROUP_HEADS = set(WORDS["group_head"])
ARMED_MEN = set(WORDS["armed_men"])
QUANTITY_HEADS = set(WORDS["quantity"])
APPROXIMATION = set(WORDS["approximation"])
CROWD_COUNTS = set(WORDS["crowd_count"])
FOLLOWERS = set(WORDS["follower"])
OFFSHOOTS = set(WORDS["offshoot"])
SPEAKERS = set(WORDS["speaker"])
GROUP_PARTS = set(WORDS["group_part"])
FORMER = set(WORDS["former"])
GROUP_REFERENCES = set(WORDS["group_reference"])
COUNTRY_REFERENCES = set(WORDS["country_reference"])
PERSON_NOUNS = set(WORDS["person_noun"])
SPONSORS = set(WORDS["sponsor"])
MEMBERSHIP = set(WORDS["membership"])
STAFF = set(WORDS["staff"])
SITES = set(WORDS["site"])
SIDE_WORDS = set(WORDS["side"])
CIVIL_GENERAL = set(WORDS["civil_general"])
WEAK_TITLES = set(WORDS["weak_title"])
NGO_HEADS = set(WORDS["ngo_head"])
MEMBER_BODIES = set(WORDS["member_body"])
COMMUNITY_NOUNS = set(WORDS["community_noun"])
INTERNATIONAL_NOUNS = set(WORDS["international_noun"])
# the sectors of people a body can be named for: a teachers' union is education's, a police union no police
MEMBER_SECTORS = {"EDU", "JUD", "JRN", "MED", "AGR", "LAB", "BUS", "REL", "REF"}
RELATIONS = set(WORDS["relation"])
FOREIGN = set(WORDS["foreign"])
FOREIGN_OFFICES = set(WORDS["foreign_office"])
POLICE_WORDS = set(WORDS["police_word"])
# names of institutions many countries have ("Congress", "the Senate"): the article's country's
SHARED_INSTITUTIONS = set(WORDS["shared_institution"])
PLAIN_STATE_NOUNS = set(WORDS["plain_state"])
NGO_NOUNS = set(WORDS["ngo_noun"])
BOTH_NOUNS = set(WORDS["both"])
BOTH_STATES = set(WORDS["both_state"])
GOVERNMENT_NOUNS = {"government", "leader", "minister"}
STATE_SECTORS = {None, "GOV", "MIL", "LEG", "JUD", "COP", "SPY"}
BASED = set(WORDS["based"])
NGO_LAST_WORDS = {n.split()[-1] for n in NGO_NOUNS}
NEIGHBOURS = set(WORDS["neighbour"])
PLACE_WORDS = set(WORDS["place_word"])
PLACE_NOUNS = set(WORDS["place_noun"])
VENUE_HEADS = set(WORDS["venue"])
LOCATIVES = {"in", "inside", "within", "across", "throughout", "through", "at", "near", "outside", "around"}
# sectors of people rather than institutions: with no nationality stated, they take their place's
PEOPLE_SECTORS = {"CVL", "EDU", "LAB", "REF", "MED", "AGR", "REL", "JRN"}

class ActorResolver(MentionFinder):
    """Resolves noun phrases to coded actors, with the mentions the finder found."""

    def annotate(self, doc: Document) -> None:
        sdoc = doc.spacy_doc
        # a capital inside a person's name names no city ("spokesman Abdifatah Aden")
        found = self.find_mentions(sdoc, doc.published)
        mentions = [m for k, m in enumerate(found) if not (
            m.how == "capital" and all(t.ent_type_ == "PERSON" for t in sdoc[m.start:m.end])
            and _in_longer_entity(sdoc, m.start, m.end))  # (a capital alone tagged PERSON is still the capital)
            and not self.other_acronym(sdoc, m, found[k - 1] if k else None)]
        doc.user_data["mentions"] = mentions
        doc.user_data["mention_at"] = {t: m for m in mentions for t in range(m.start, m.end)}
        counts: Counter[str] = Counter()
        first: dict[str, int] = {}
        # what the article is about: countries named, and the home countries of actors named
        # (a place named counts twice: "in Iraq" says more about the setting than "American")
        for m in mentions:
            c = m.entry.country
            if m.people is not None and len(m.people.homes) > 1:
                continue  # ("Kurdish fighters" say which of their countries the story is in only by it)
            if c and len(c) == 3 and c not in NON_STATE and not _contra(sdoc[m.end - 1]) \
                    and not _based(sdoc[m.end - 1]) and not _venue(sdoc[m.end - 1]) and m.entry.kind != "media":
                # (nor does the agency that filed it: "GOMA, March 3 (Reuters) -" is no story on Britain)
                # ("pro-Russian separatists" say nothing about where the story is)
                counts[c] += 2 if m.entry.kind == "country" and m.how in ("name", "capital") \
                    and not self.elsewhere(sdoc[m.end - 1]) and not (m.how == "capital" and _metonym(sdoc[m.end - 1])) \
                    else 1  # ("accusing Moscow": a government acting, not where the story is)
                first.setdefault(c, m.start)
        # a town the story happens in ("a bomb exploded in a market in Quetta") names its country
        # as plainly as the country's name does
        mention_at = doc.user_data["mention_at"]
        named = [c for c, _ in counts.most_common()]  # (towns are looked up among these first)
        for ent in sdoc.ents:
            head = ent.root
            if ent.label_ in ("GPE", "LOC", "FAC") and not any(t.i in mention_at for t in ent) \
                    and head.dep_ == "pobj" and head.head.lower_ in LOCATIVES and not _venue(head):
                place = self.place_country(ent.text, doc, named)
                if place is not None and place.country:
                    counts[place.country] += 2
                    first.setdefault(place.country, ent.start)
        doc.focus_countries = [c for c, _ in sorted(counts.items(), key=lambda kv: (-kv[1], first[kv[0]]))]
        # a people of several countries ("Kurds", "Hutu") is of the one the article is about
        for k, m in enumerate(mentions):
            if m.people is not None and len(m.people.homes) > 1:
                home = next((c for c in doc.focus_countries if c in m.people.homes), m.people.homes[0])
                mentions[k] = Mention(m.start, m.end, self.kb.country(home) or m.entry, m.how, people=m.people)
        doc.user_data["mention_at"] = mention_at = {t: m for m in mentions for t in range(m.start, m.end)}
        # Resolve every actor-like noun phrase in document order: pronouns and definite
        # descriptions later in the text look back over this list.
        doc.user_data["resolved"] = resolved = []
        seen_heads: set[int] = set()
        # nouns that head no compound or adjective: from arrays, a Token only for those
        nouns = {POS_IDS["NOUN"], POS_IDS["PROPN"]}
        modifiers = {sdoc.vocab.strings.add("compound"), sdoc.vocab.strings.add("amod")}
        heads = [i for i, (pos, dep) in enumerate(sdoc.to_array([POS, DEP]).tolist())
                 if pos in nouns and dep not in modifiers]
        for tok in (sdoc[i] for i in heads):
            if tok.i in seen_heads:
                continue
            if tok.i not in doc.user_data["mention_at"] and self.sector_of(tok)[0] is None and tok.ent_type_ != "PERSON" \
                    and not self.is_ngo_noun(tok) \
                    and tok.lemma_.lower() not in CARRIER_NOUNS | GROUP_REFERENCES | COUNTRY_REFERENCES:
                # ("Palestinian leaders said they ...", "the group said its fighters ...": antecedents)
                continue
            actor = self.resolve(tok, doc)
            if actor is not None:
                seen_heads.add(tok.i)
                resolved.append(actor)
        doc.actors = list(resolved)

    # -- resolution of an argument -------------------------------------------------------
    def resolve(self, token: Token, doc: Document, date: str | None = None, depth: int = 0) -> Actor | None:
        """The actor a noun phrase headed by ``token`` refers to, or None if it is no actor."""
        if depth > 3:
            return None
        date = date or doc.published
        mention_at = doc.user_data.get("mention_at", {})
        lower = token.lower_
        # relative pronouns and "whose X": the noun the clause hangs on
        if lower in RELATIVES:
            clause = token
            for _ in range(3):
                clause = clause.head
                if clause.dep_ in ("relcl", "acl") and clause.head.i != clause.i:
                    return self.resolve(clause.head, doc, date, depth + 1)
            return None
        if lower in PRONOUNS:
            return self.antecedent(token, doc)
        if token.pos_ == "PRON":
            return None  # "everyone", "someone": no one in particular
        if token.lemma_.lower() in QUANTITY_HEADS or token.like_num:
            # "tens of thousands of students", "a group of diplomats": the people counted
            of = next((c for c in token.children if c.dep_ == "prep" and c.lower_ == "of"), None)
            obj = next((g for g in of.children if g.dep_ == "pobj"), None) if of is not None else None
            if obj is not None:
                people = self.resolve(obj, doc, date, depth + 1)
                if people is not None and people.sector is None and (people.actor_id or "").startswith("country:") \
                        and obj.tag_ in ("NNS", "NNPS"):
                    people.sector = "CVL"  # "thousands of Kenyans": people, not the state
                    people.reason += ", counted people → CVL"
                return people
            if token.lower_ in CROWD_COUNTS and token.dep_ in ("nsubj", "nsubjpass", "dobj") and of is None:
                # "thousands protest", "police detain dozens": a crowd counted, people of where they are
                country, why = self.context_country(token, doc, people=True)
                return self._actor(np_span(token), self.kb.generic_name(country, "CVL") or "civilians", country, "CVL",
                                   None, f"a crowd counted → civilians ({why})" if country else "a crowd counted → civilians")
            # (also "police arrest over 100", read as a preposition and its object)
            if token.like_num and (token.dep_ in ("dobj", "nsubjpass")
                                   or token.dep_ == "npadvmod" and token.head.pos_ == "VERB" and token.head.i == token.i - 1
                                   or token.dep_ == "pobj"
                                   and token.head.lower_ in APPROXIMATION and token.head.i == token.i - 1
                                   and token.head.head.i == token.head.i - 1 and token.head.head.pos_ in ("VERB", "NOUN")):
                return self._actor(np_span(token), self.kb.generic_name(None, "CVL") or "civilians", None, "CVL",
                                   None, "a number of people → civilians")
        span = np_span(token)
        if self.kb.agent_index:  # user agent nouns (PETRARCH .agents): "Arnor cleric", "MSF Arnor"
            from .petrarch import agent_actor
            agent = agent_actor(self, token, span, doc, date, depth)
            if agent is not None:
                return agent
        # 1. the head itself is (part of) a known name
        m = mention_at.get(token.i)
        placed = _called_a_place(token)  # "Djibo, the main town of Soum province": no person of that name
        if m and m.how in ("name", "capital") and m.entry.kind != "country" and not (placed and m.entry.kind == "person"):
            if self.shared_elsewhere(m, doc):
                # "the Congress" in a story on Peru is Peru's, whatever country the base knows by that word
                home = doc.focus_countries[0]
                sector = m.entry.code_on(date)[1]
                return self._actor(span, self.kb.generic_name(home, sector) or span.text, home, sector, None,
                                   f"'{span.text}' is an institution many countries have: the article's ({home})")
            return self._from_entry(m, span, date, "name", doc)
        # 2. an appositive or a compound names the actor: "the commander ..., General Hossein
        # Salami", "the Hizbollah group"
        heads = GROUP_HEADS | ARMED_MEN | {"movement", "militia"}  # ("Boko Haram gunmen" are the group)
        own = [c for c in token.children if c.dep_ in ("compound", "nmod", "poss", "amod") and c.i in mention_at]
        if token.dep_ == "conj" and not own and token.lemma_.lower() in ARMED_MEN \
                and token.head.lemma_.lower() in heads:
            # "Taliban gunmen and suicide bombers": the conjunct with no name of its own is the same group's
            shared = next((mention_at[c.i] for c in token.head.children if c.dep_ in ("compound", "nmod")
                           and c.i in mention_at and mention_at[c.i].how == "name"
                           and mention_at[c.i].entry.kind == "armed_group"), None)
            if shared is not None:
                why = f"'{span.text}' of {shared.entry.name}, as '{token.head.text}'"
                return self._from_entry(shared, span, date, why, doc)
        for child in token.children:
            cm = mention_at.get(child.i)
            if child.dep_ in ("compound", "nmod") and token.lemma_.lower() in heads and cm \
                    and cm.how == "name" and cm.entry.kind not in ("country", "person") \
                    and not (token.lemma_.lower() == "force" and cm.entry.sector == "GOV"):
                armed = self.sector_of(token)[0] if cm.entry.kind == "party" else None
                if armed in ("REB", "UAF", "MIL"):
                    # "the Amal militia", "Fatah fighters": a party's armed men, as "Fatah gunmen" are
                    return self._actor(span, self.kb.generic_name(cm.entry.country, armed) or span.text,
                                       cm.entry.country, armed, None, f"armed men of {cm.entry.name} → {armed}")
                return self._from_entry(cm, span, date, f"'{span.text}' is {cm.entry.name}", doc)
            if child.dep_ == "appos":
                am = mention_at.get(child.i)
                if am and am.entry.kind != "country" and am.how == "name":
                    return self._from_entry(am, span, date, "appositive", doc)
                if am is None and m is None:  # "X, the UN relief coordinator": the body the office is of
                    office = self.resolve(child, doc, date, depth + 1)
                    if office is not None and (office.actor_id or "").startswith(("igo:", "org:")):
                        return self._like(span, office, f"appositive: an office of {office.name}")
        if token.lemma_.lower() in ARMED_MEN | GROUP_PARTS:
            # "fighters of the M23 rebel group", "militants of Boko Haram": the group's own men
            of = next((g for c in token.children if c.dep_ == "prep" and c.lower_ == "of"
                       for g in c.children if g.dep_ == "pobj"), None)
            group = self.resolve(of, doc, date, depth + 1) if of is not None else None
            entry = self.kb.entries.get(group.actor_id) if group is not None and group.actor_id else None
            if entry is not None and entry.kind == "armed_group":
                return self._like(span, group, f"'{token.text}' of {group.name}")
        # a known body's acronym in brackets closing the phrase names it: "the peacekeeping force
        # in Lebanon (UNIFIL)"
        last = span[-1] if span[-1].text != ")" or len(span) < 2 else span[-2]
        bm = mention_at.get(last.i)
        if bm and bm.how == "name" and bm.entry.kind not in ("country", "person") and last.i != token.i \
                and bm.start > 0 and last.doc[bm.start - 1].text == "(" and token.pos_ == "NOUN":
            return self._from_entry(bm, span, date, f"'{span.text}' is {bm.entry.name} (acronym in brackets)", doc)
        if m and m.entry.kind == "country":
            if m.how == "capital":
                return self._actor(span, m.entry.name, m.entry.country, "GOV", m.entry.id,
                                   f"capital {token.text} stands for the {m.entry.name} government")
            # "Sierra Leonean and Liberian refugees" parsed with the first adjective as a head of its
            # own: it shares the noun of the nationality it is coordinated with
            shared = next((c for c in token.children if c.dep_ == "conj" and c.pos_ == "NOUN" and any(
                g.dep_ in ("amod", "compound") and g.i in mention_at and mention_at[g.i].entry.kind == "country"
                for g in c.children)), None) if m.how == "adjective" else None
            sector = self.sector_of(shared)[0] if shared is not None else None
            if sector:
                return self._actor(span, self.kb.generic_name(m.entry.country, sector) or f"{token.text} {shared.text}",
                                   m.entry.country, sector, None,
                                   f"country adjective sharing '{shared.text}' → {sector}")
            counted = m.how == "demonym" and any(c.dep_ == "nummod" or c.like_num for c in token.children) \
                or m.how in ("demonym", "adjective") and m.end - m.start == 1 \
                and any(c.dep_ == "det" and c.lower_ in ("a", "an") for c in token.children)  # "a Palestinian": one person
            country, reason = m.entry.country, f"country {m.how}" + (", counted people → CVL" if counted else "")
            # "Bosnian Serbs", "Iraqi Kurds": a people of the country the adjective names
            home_adj = next((mention_at[c.i] for c in token.children if c.dep_ in ("amod", "compound")
                             and c.i in mention_at and mention_at[c.i].entry.kind == "country"
                             and mention_at[c.i].how == "adjective" and mention_at[c.i].entry.country != country),
                            None) if m.how == "demonym" else None
            if home_adj is not None:
                return self._actor(span, token.text, home_adj.entry.country, "CVL", None,
                                   f"{m.entry.name} of {home_adj.entry.name}, a community → CVL")
            ethnic = m.how == "demonym" and any(c.lower_ == "ethnic" for c in token.children)
            living = m.how == "demonym" and any(c.dep_ == "prep" and c.lower_ in ("of", "in") or
                                                c.dep_ == "acl" and c.lemma_.lower() in ("live", "reside")
                                                for c in token.children)
            if ethnic or living:
                # "ethnic Albanians", "the Albanians of southern Serbia": a community of the country they live in
                home, why = self.country_in(span, token, doc, skip=m)
                if not home and ethnic:
                    home, why = self.context_country(token, doc)
                if home and home != country:
                    country, reason = home, f"{m.entry.name} community, {why}"
                elif not any(c.dep_ == "acl" for c in token.children):
                    living = False  # "the Albanians of Albania" are the country; "Palestinians living in Gaza" people
            community = country != m.entry.country  # a people living in another country: not that state
            # "Kenyans protested", "young Algerians blocked roads": people, as ICEWS codes citizens
            # ("the Palestinians rejected the plan" speaks for the nation: no sector)
            people = m.how == "demonym" and token.tag_ in ("NNPS", "NNS") and not any(
                c.dep_ == "det" and c.lower_ == "the" for c in token.children)
            if people and not (counted or ethnic or living):
                reason += ", people → CVL"
            return self._actor(span, token.text if community else m.entry.name, country,
                               "CVL" if counted or ethnic or living or people else None,
                               None if community else m.entry.id, reason)
        if token.lemma_.lower() in RELATIONS:
            other = self.related(token, span, doc, date, depth)
            if other is not None:
                return other
        # "the armed wing of X", "a militarist wing": a part its modifier makes a kind of actor of
        # its own (sectors.tsv): the owner's country, not the owner's sector
        part = token.lemma_.lower() in CARRIER_NOUNS and any(
            c.dep_ in ("amod", "compound") and f"{c.lower_} {token.lemma_.lower()}" in self.kb.sector_nouns
            for c in token.children)
        # 3. "whose members", "its fighters": the owner is the actor
        named_body = token.lemma_.lower() in CARRIER_NOUNS and any(
            c.dep_ in ("compound", "nmod") and c.i in mention_at and mention_at[c.i].entry.kind not in ("country", "person")
            for c in token.children)  # "its European Community partners": the EU, not "it"
        for child in token.children:
            if child.dep_ == "poss" and child.lower_ in ("whose", "its", "their") and not named_body:
                owner = self.resolve(child, doc, date, depth + 1)
                if owner:
                    own_sector = self.sector_of(token)[0]
                    if own_sector and (owner.sector in ("CVL", None) or own_sector == "OPP") and own_sector != "CVL" \
                            and (owner.actor_id is None or owner.actor_id.startswith("country:")) or part:
                        # ("Armenia said four of its soldiers were killed": Armenia's soldiers)
                        # "Bosnian Serbs said their forces ...": the community's forces, not the community;
                        # "the junta jailed its opponents": the country's opposition, never the junta
                        return self._actor(span, self.kb.generic_name(owner.country, own_sector) or token.text,
                                           owner.country, own_sector, None, f"{token.text} of {owner.name}")
                    return self._like(span, owner,
                                       f"{token.text} of {owner.name}")
        det = next((c.lower_ for c in token.children if c.dep_ == "det"), "")
        if token.lemma_.lower() in GROUP_REFERENCES and det in ("the", "this", "that") and \
                not any(c.dep_ in ("compound", "amod", "poss", "prep") and c.lower_ not in SPONSORS for c in token.children):
            # ("the Iran-backed group" refers back too: Iran is its sponsor)
            back = self.earlier_by_head(token, doc)  # "the group fired drones": the group named before
            if back is not None:
                return self._like(span, back, f"'{span.text}' refers back to {back.name}")
        if token.lemma_.lower() in COUNTRY_REFERENCES and det in ("the", "this") and \
                not any(c.dep_ in ("compound", "amod", "prep", "nmod") for c in token.children):
            # "the kingdom", "the country": the last country named before, other than its own clause's
            # subject ("Russia launched drones at the country" is no attack on itself)
            verb = next((a for a in token.ancestors if a.pos_ in ("VERB", "AUX")), None)
            subjects = {t.i for c in (verb.children if verb is not None else ()) if c.dep_ in ("nsubj", "nsubjpass")
                        for t in c.subtree}
            mention_at = doc.user_data.get("mention_at", {})
            theirs = {mention_at[i].entry.country for i in subjects if i in mention_at}
            back = next((a for a in reversed(doc.user_data.get("resolved", []))
                         if a.start < token.i and (a.actor_id or "").startswith("country:")
                         and a.country not in theirs), None)
            if back is not None:
                return self._like(span, back, f"'{span.text}' refers back to {back.name}")
            home = next((c for c in doc.focus_countries if c not in theirs), None)
            if home is not None and token.lemma_.lower() == "country":
                # no country named before but its own subject: the one the story is about
                entry = self.kb.country(home)
                return self._actor(span, entry.name if entry else home, home, None, f"country:{home}",
                                   f"'{span.text}': the country of the article ({home})")
        if self.is_ngo_noun(token):  # "human rights groups", "aid agencies"
            country, why = self.country_in(span, token, doc)
            return self._actor(span, "non-governmental organisations" if not country else span_name(span, token),
                               country or "NGO", None, None,
                               f"generic noun '{token.lemma_}' → a non-governmental organisation"
                               + (f", {why}" if country else ""))
        sector, inherit = self.sector_of(token)
        if sector == "MIL" and token.lemma_.lower() == "officer" and not any(
                c.dep_ in ("compound", "amod") for c in token.children) and any(
                t.lemma_.lower() in POLICE_WORDS for t in token.doc[
                    (token.doc[token.sent.start - 1].sent.start if token.sent.start > 0 else 0):token.sent.end]):
            # "wounding four officers outside a police station", "..., a police spokesman said. He
            # said officers killed 12": police officers
            sector = "COP"
        if sector == "PTY" and token.lemma_.lower() == "party" and not any(
                c.dep_ in ("amod", "compound", "poss", "nmod") and c.lower_ not in SIDE_WORDS for c in token.children):
            return None  # "all parties", "both parties to the conflict": the sides, no political party
        mine = next((c for c in token.children if c.dep_ == "poss" and c.lower_ in PRONOUNS), None)
        if sector is not None and mine is not None:
            # "Mikati said his government ...": the government of the one "his" refers to
            owner = self.antecedent(mine, doc)
            if owner is not None and owner.country and not (owner.actor_id or "").startswith(("org:", "igo:")):
                return self._actor(span, self.kb.generic_name(owner.country, sector) or token.text, owner.country,
                                   sector, None, f"generic noun '{token.text}' → {sector}, '{mine.text}' is {owner.name}")
        country, country_reason = self.country_in(span, token, doc)
        if country and token.lemma_.lower() in COMMUNITY_NOUNS:
            # "the Albanian population of the province", "the Turkish minority in Bulgaria": a
            # community of the country it lives in, not the state its adjective names
            adjective = next((mention_at[c.i] for c in token.children if c.dep_ in ("amod", "compound")
                              and c.i in mention_at and mention_at[c.i].entry.kind == "country"
                              and mention_at[c.i].how == "adjective"), None)
            if adjective is not None and adjective.entry.country == country:
                home, why = self.community_home(token, doc)
                if home and home != country:
                    country, country_reason = home, f"a {adjective.entry.name} community, {why}"
        if sector == "REB" and country and token.lemma_.lower() in CARRIER_NOUNS and any(
                c.dep_ == "poss" and (m := mention_at.get(c.i)) is not None and m.entry.kind == "country"
                for c in token.children):
            sector = "MIL"  # a state's "military wing" is its armed forces ("Pakistan's military media wing")
        if sector is not None:  # "the EU ambassador in Tbilisi": the body's envoy, wherever posted
            body = next((mention_at[c.i] for c in token.children if c.dep_ in ("compound", "nmod", "poss")
                         and c.i in mention_at and mention_at[c.i].entry.kind == "igo" and mention_at[c.i].entry.country), None)
            if body is not None:
                country, country_reason = body.entry.country, f"'{body.entry.name}' → {body.entry.country}"
        if sector is None and lower not in CARRIER_NOUNS:
            # "Serbia's suppression of the unrest": whose act it is, not what it is done to
            holder = next((c for c in token.children if c.dep_ == "poss" and c.lower_ not in PRONOUNS), None)
            whose = self.resolve(holder, doc, date, depth + 1) if holder is not None else None
            if whose is not None:
                return self._like(span, whose, f"'{token.text}' of {whose.name}")
        # 4. a generic noun carried by a known actor: "the commander of the IRGC", "members of X"
        owner = self.owner_of(token, doc, date, depth)
        if owner is not None and not (owner.country or owner.sector or owner.actor_id):
            owner = None  # an unknown name says nothing about what it holds ("Association of African Jurists")
        if owner is not None and (owner.actor_id or "").startswith("country:") and sector is None and (
                token.ent_type_ == "PERSON" or token.pos_ == "PROPN" and self.title_sector(span, token)):
            owner = None  # "King Hassan of Morocco": a person of the country (below), not the country
        if owner and token.lemma_.lower() in FOLLOWERS and ((owner.actor_id or "").startswith("person:")
                                                            or not owner.actor_id and owner.sector):
            # "supporters of jailed former prime minister Imran Khan": his country's opposition or
            # ruling camp, not the man himself
            camp = "GOV" if owner.sector == "GOV" else "OPP"
            return self._actor(span, self.kb.generic_name(owner.country, camp) or token.text, owner.country, camp,
                               None, f"{token.text} of {owner.name} → {camp}")
        if owner and part:
            return self._actor(span, self.kb.generic_name(owner.country, sector) or token.text, owner.country, sector,
                               None, f"{token.text} of {owner.name} → {sector}")
        carrier = lower in CARRIER_NOUNS and not part
        if owner and (sector is None or carrier or sector in ("MIL", "GOV") and (
                owner.sector or (owner.actor_id or "").startswith("igo:"))):  # ("leaders of the EAC": the bloc's)
            if carrier or sector is None or not country:
                return self._like(span, owner, sector,
                                   f"{token.text} of {owner.name}")
        # a carrier noun with a compound actor: "an army note", "the Al Harir base"
        if (lower in CARRIER_NOUNS or token.lemma_.lower() in CARRIER_NOUNS) and not part:
            inner = [a for a in (self.resolve(c, doc, date, depth + 1) for c in token.children
                                 if c.dep_ in ("compound", "amod", "poss", "nmod")) if a]
            names = [c for c in token.children if c.dep_ in ("compound", "amod") and c.pos_ == "PROPN"]
            if len(names) >= 2 and not any(a.actor_id and not a.actor_id.startswith("country:") for a in inner):
                # a site named in several words ("Ain al-Asad air base"): the whole name, not its first word
                run = doc.spacy_doc[names[0].i:names[-1].i + 1].text
                place = self.place_country(run, doc)
                if place is not None and place.country:
                    inner = [self._actor(span, place.name, place.country, None, None,
                                         f"place {place.name} stands for {place.country}")]
            if not inner:  # "the bases occupied by the American contingent": whoever holds them
                for c in token.children:
                    agent = next((g for g in c.children if g.dep_ == "agent"), None) if c.dep_ == "acl" else None
                    obj = next((g for g in agent.children if g.dep_ == "pobj"), None) if agent is not None else None
                    holder = self.resolve(obj, doc, date, depth + 1) if obj is not None else None
                    if holder is not None:
                        return self._like(span, holder, f"{token.text} held by {holder.name}")
            if inner:
                # a known body names the actor ("a U.N. military presence"), else one with a sector
                best = next((a for a in inner if a.actor_id and not a.actor_id.startswith("country:")), None) \
                    or next((a for a in inner if a.sector), inner[0])
                if not best.sector and sector is None:
                    sector = next((a.sector for a in inner if a.sector), None)
                # a known body keeps its country ("Hamas leaders in Cairo"); otherwise a country written
                # in the phrase ("Israeli intelligence officials") beats one inherited
                country = (best.country if best.actor_id else None) or country or best.country or \
                    next((a.country for a in inner if a.country), None)
                if token.lemma_.lower() in OFFSHOOTS:  # "Islamic State's Mozambique branch": Mozambique's
                    country = next((a.country for a in inner if (a.actor_id or "").startswith("country:")), country)
                # a country stands behind "Cairo's security chief": the head's own sector says which part of it
                own = sector if sector and (best.actor_id or "").startswith("country:") else None
                actor = self._actor(span, best.name, country, own or best.sector or sector, best.actor_id,
                                    f"{token.text} of {best.name}" + ("" if best.country else f", country {country}"))
                if best.actor_id and not best.actor_id.startswith("country:") and country == best.country:
                    entry = self.kb.entries.get(best.actor_id)
                    actor.explicit_code = best.explicit_code or (entry.full_code_on(date) if entry else None)
                return actor
            if sector is None:
                return self.same_head_before(span, token, doc, det)
        if sector is not None and not country:
            for c in token.children:
                cm = mention_at.get(c.i)
                if c.dep_ in ("compound", "poss", "nmod") and cm and cm.entry.kind not in ("country", "person") and cm.entry.country:
                    country, country_reason = cm.entry.country, f"'{c.text}' is {cm.entry.name}"
                    break
        if sector is not None and not country:
            # "workers affiliated with the Serbian union", "soldiers loyal to the general": the
            # country of the body or person they belong to, with their own sector
            counted = token.head.head if token.dep_ == "pobj" and token.head.lower_ == "of" and (
                token.head.head.lemma_.lower() in QUANTITY_HEADS or token.head.head.like_num) else token
            for c in [*token.children, *(counted.children if counted.i != token.i else ())]:
                if c.dep_ == "prep" and c.lower_ == "at" and token.lemma_.lower() in STAFF:
                    # "workers at the Bolivian state oil company", "students at Tehran University"
                    obj = next((g for g in c.children if g.dep_ == "pobj"), None)
                elif c.dep_ in ("acl", "amod") and c.lemma_.lower() in MEMBERSHIP and c.i > token.i:
                    obj = next((g for p in c.children if p.dep_ == "prep" and p.lower_ in ("with", "to")
                                for g in p.children if g.dep_ == "pobj"), None)
                else:
                    continue
                owner = self.resolve(obj, doc, date, depth + 1) if obj is not None else None
                if owner is not None and owner.country:
                    country, country_reason = owner.country, f"{c.text} {owner.name}"
                    break
        if sector is not None and not country:  # "the town of Avdiivka", "residents of Jenin": the place's country
            country, country_reason = self.named_place_country(token, doc)
        if sector is not None and not country:  # "three companies based in the Emirates": where they sit
            country, country_reason = self.based_in_country(token, doc)
        if sector is not None and not country:  # "inspectors from the IAEA", "doctors from Cuba": whose they are
            country, country_reason = self.from_country(token, doc)
        # 5. definite descriptions: "the group", "this force" refer back to an earlier actor
        if sector is not None and not country:
            if det == "the" and token.lemma_.lower() in PLAIN_STATE_NOUNS and doc.focus_countries \
                    and not any(c.dep_ in ("compound", "amod", "prep") for c in token.children):
                # plain "the government" is the government of the country the story is about, not
                # of the last state named ("Moldova expelled Russia's envoy ... The government also ...")
                country, country_reason = doc.focus_countries[0], f"country of the article ({doc.focus_countries[0]})"
            elif det in ("the", "this", "that", "these", "those"):
                back = self.earlier_by_head(token, doc)
                if back:
                    return self._like(span, back, sector,
                                       f"'{span.text}' refers back to {back.name}")
        if sector is not None:
            abroad = token.tag_ in ("NNS", "NNPS") and token.lemma_.lower() not in FOREIGN_OFFICES and any(
                c.dep_ == "amod" and c.lower_ in FOREIGN for c in token.children)  # not "the foreign minister"
            if not country and inherit and not abroad:
                country, country_reason = self.context_country(token, doc)
            elif not country and (token.lemma_.lower() in INTERNATIONAL_NOUNS or any(
                    f"{c.lower_} {token.lemma_.lower()}" in INTERNATIONAL_NOUNS for c in token.children
                    if c.dep_ in ("amod", "compound"))):
                # "a regional peacekeeping force": an international body's when the phrase names no
                # country ("Nigerian peacekeepers", "peacekeepers from Ghana", "the force in Lebanon")
                country, country_reason = "IGO", f"'{token.text}' serve an international body → IGO"
            elif not country and token.pos_ == "PROPN" and token.lemma_.lower() in NGO_HEADS and token.ent_type_ == "ORG":
                # "the Association of African Jurists": an unknown body of no country, an NGO
                country, country_reason = "NGO", "a body of no country named like an association → NGO"
            elif not country and sector in PEOPLE_SECTORS:
                # people of no stated nationality: of the country the sentence says they are in
                # ("people blocked streets in Hong Kong"), never the article's at large
                country, country_reason = self.sentence_place_country(token, doc)
            name = self.kb.generic_name(country, sector) or token.text
            return self._actor(span, name, country, sector, None,
                               f"generic noun '{token.lemma_}' → {sector}" + (f", {country_reason}" if country else ""))
        if token.pos_ == "PROPN" and not country and span.end - span.start == 1 and token.i not in mention_at:
            # a last name alone is the person named in full before ("Foreign Minister Jane Roe ...
            # Roe said"), whatever label the model gives it
            full = next((a for a in reversed(doc.user_data.get("resolved", [])) if a.start < token.i
                         and a.reason.startswith("unknown person") and " " in a.text
                         and a.text.split()[-1] == token.text), None)
            if full is not None:
                return self._like(span, full, f"'{span.text}' is {full.text}, named before")
        # 6. a person the knowledge base does not know: a title gives the sector
        # (a titled name is a person whatever label the model gave it: "army spokesman Sylvain Ekenge")
        if (token.ent_type_ == "PERSON" or token.pos_ == "PROPN" and token.ent_type_ not in ("GPE", "LOC", "DATE")) \
                and not placed:
            title_sector = self.title_sector(span, token)
            if token.ent_type_ == "PERSON" and not title_sector and not country and doc.focus_countries:
                # an untitled "person" the gazetteer knows as a town of the story's countries is that
                # town ("drones hit El Obeid"); a town abroad is no reason ("Raed Karmi" is no Qormi)
                name = " ".join(t.text for t in span if t.pos_ == "PROPN" and t.i <= token.i) or token.text
                place = self.place_country(name, doc)
                if place is not None and place.country in doc.focus_countries and place.precision in ("city", "admin1") \
                        and _normal(place.name) == _normal(name):
                    return self._actor(span, place.name, place.country, None, None,
                                       f"place {place.name} stands for {place.country}")
            if token.ent_type_ == "PERSON" or title_sector:
                body = next((mention_at[t.i] for t in span if t.i < token.i and t.i in mention_at and
                             mention_at[t.i].entry.kind not in ("country", "person") and mention_at[t.i].entry.country),
                            None) if title_sector else None
                if body is not None and body.entry.kind in ("armed_group", "party"):
                    # "Hamas spokesman Hazem Qassem", "M23 commander X": speaks or fights for the group
                    return self._from_entry(body, span, date, f"'{span.text}' holds an office of {body.entry.name}", doc)
                if body is not None and not country:  # "Arab League Secretary General Chadli Klibi"
                    country, country_reason = body.entry.country, f"titled by {body.entry.name}"
                if title_sector and not country:
                    country, country_reason = self.context_country(token, doc, people=True)
                if title_sector == "GOV" and not country:
                    # "President X" with no country named near: the article's, as "the president" is
                    # (a country only another person's nationality gives is not it)
                    mentions = doc.user_data.get("mentions", [])
                    ours = {m.entry.country for m in mentions if m.entry.kind != "person"
                            and not _of_other_person(doc.spacy_doc[m.end - 1], token)}
                    country = next((c for c in doc.focus_countries if c in ours), None)
                    country_reason = f"country of the article ({country})"
                if title_sector and {t.lower_ for t in doc.spacy_doc[max(span.start - 2, 0):span.end]} & FORMER:
                    title_sector = "ELI"  # "former prime minister X": an elite, no longer in office
                return self._actor(span, span_name(span, token), country, title_sector, None,
                                   "unknown person" + (f", title → {title_sector}" if title_sector else "")
                                   + (f", {country_reason}" if country else ""))
        if token.pos_ == "PROPN" and (token.ent_type_ not in ("PERSON", "DATE", "TIME", "LOC") or placed) and not country \
                and not (token.ent_type_ == "ORG" and token.ent_iob_ == "I"):  # ("Unity" ending an organisation's name)
            # a town stands for its country ("Russian missiles hit Kharkiv"), whatever label the
            # small model gave it; a sea or a region (LOC) does not
            # (the whole name: a person's surname may also be some town's, "Raed Karmi" is no Qormi)
            own = [t for t in span if t.i <= token.i or not placed]  # (not the appositive's words)
            name = " ".join(t.text for t in own if t.pos_ == "PROPN") or token.text
            place = self.place_country(name, doc)
            if place is not None and place.country and place.precision in ("city", "admin1", "site"):
                return self._actor(span, place.name, place.country, None, None,
                                   f"place {place.name} stands for {place.country}")
        if token.ent_type_ in ("ORG", "NORP", "GPE") and country:
            people = token.ent_type_ == "NORP" and token.tag_ == "NNPS"  # "Iraqi Kurds", "Bosnian Serbs"
            return self._actor(span, span_name(span, token), country, "CVL" if people else None, None,
                               f"unknown {token.ent_type_}, {country_reason}" + (", a people → CVL" if people else ""))
        if token.ent_type_ == "ORG":
            body = next((mention_at[t.i] for t in span if t.i < token.i and t.i in mention_at and t.ent_iob_
                         and mention_at[t.i].entry.kind not in ("country", "person")), None)
            if body is not None and token.pos_ == "PROPN":
                # "the United Nations Emergency Relief Coordinator": an office or organ named after a
                # known body is that body's
                return self._from_entry(body, span, date, f"'{span.text}' is an office of {body.entry.name}", doc)
            if token.lemma_.lower() in NGO_HEADS or any(
                    t.lemma_.lower() in NGO_HEADS and t.ent_type_ == "ORG" for t in span if t.i < token.i):
                # "the Third World Water Forum", "Association of African Jurists": a body of no country
                return self._actor(span, span_name(span, token), "NGO", None, None,
                                   "unknown organisation of no country, named like an association → NGO")
            # "Esfahan Uranium Conversion Facilities (UCF) in central Iran": of the country it is in,
            # as the phrase right after it says (wherever the parser hung it)
            sdoc = doc.spacy_doc
            k = span.end
            while k < len(sdoc) and sdoc[k].text in (")", "]"):
                k += 1
            after = sdoc[k] if k < len(sdoc) else None
            where = next((self.resolve(g, doc, date, depth + 1) for g in after.children if g.dep_ == "pobj"), None) \
                if after is not None and after.lower_ in ("in", "near", "outside") else None
            if where is not None and where.country and len(where.country) == 3 and not where.sector \
                    and (where.actor_id or "").startswith("country:"):
                return self._actor(span, span_name(span, token), where.country, None, None,
                                   f"unknown organisation or site in {where.name}")
            return self._actor(span, span_name(span, token), None, None, None, "unknown organisation")
        # "Turkey's efforts", "the US mediation", "a Security Council resolution": whose it is
        for child in token.children:
            # ("the UN humanitarian coordinator"; not "a Bosnia-style war": a likeness, no owner)
            if (child.dep_ in ("poss", "compound") or child.dep_ == "nmod" and child.nbor().text not in "-–") \
                    and child.lower_ not in PRONOUNS and child.ent_type_ not in ("DATE", "TIME"):
                owner = self.resolve(child, doc, date, depth + 1)
                if owner is not None and child.dep_ == "compound" and owner.reason.startswith("place ") \
                        and _normal(owner.name) != _normal(child.text) \
                        and not (doc.focus_countries and owner.country in doc.focus_countries):
                    continue  # "the Serena Hotel in Kabul" belongs to no Chilean "La Serena"
                if owner is not None and not owner.actor_id and owner.sector and country and owner.country != country:
                    # "two Philippine government vessels": the government the phrase names, not the article's
                    return self._actor(span, self.kb.generic_name(country, owner.sector) or owner.name, country,
                                       owner.sector, None, f"'{token.text}' of the {owner.sector} of {country}, {country_reason}")
                if owner is not None:
                    return self._like(span, owner,
                                       f"'{token.text}' of {owner.name}")
        mention_of = doc.user_data.get("mention_at", {})
        if country and token.tag_ not in ("NNS", "NNPS") and token.pos_ == "NOUN" and any(
                c.dep_ in ("amod", "poss", "compound") and c.i in mention_of for c in token.children):
            # "over the Israeli raid": whose it is (a place named after it says where, not whose)
            return self._actor(span, self.kb.generic_name(country, None) or token.text, country, None, None,
                               f"'{span.text}' belongs to {country} ({country_reason})")
        if country and token.tag_ in ("NNS", "NNPS"):
            counted = any(c.dep_ == "nummod" or c.like_num for c in token.children)
            sector = "CVL" if counted or token.tag_ == "NNPS" else None
            return self._actor(span, self.kb.generic_name(country, sector) or span_name(span, token), country, sector,
                               None, f"people of {country} ({country_reason})")
        return None

    def both_sides(self, token: Token, doc: Document) -> list[Actor]:
        """"Both sides", "the two sides", "both parties", "the two countries": the last two
        distinct actors named before (in this sentence or the two before), other than the
        clause's own subject."""
        if token.lemma_.lower() not in BOTH_NOUNS or token.tag_ not in ("NNS", "NNPS"):
            return []
        if not any(c.lower_ in ("both", "two") and c.dep_ in ("det", "nummod", "predet") for c in token.children):
            return []
        sdoc = token.doc
        start = token.sent.start
        for _ in range(2):
            if start > 0:
                start = sdoc[start - 1].sent.start
        clause = token.head
        while clause.pos_ not in ("VERB", "AUX") and clause.head.i != clause.i:
            clause = clause.head
        subject = next((c for c in clause.children if c.dep_ in ("nsubj", "nsubjpass")), None)
        skip = {t.i for t in subject.subtree} if subject is not None and subject.i != token.i else set()
        # "both countries", "the two governments": two states, not the last two armed sides
        states = token.lemma_.lower() in BOTH_STATES
        resolved = doc.user_data.get("resolved", [])
        before = np_span(token).start  # (not the phrase itself, resolved before as something else)
        # the sides named near, the article's main parties first ("both sides" after a paragraph
        # on an arrest by military intelligence are still the army and the rebels it fights)
        weight: dict = {}
        for a in resolved:
            if a.start < before and a.country and a.sector not in PEOPLE_SECTORS:
                weight[_side_key(a)] = weight.get(_side_key(a), 0) + 1
        near = [a for a in reversed(resolved) if start <= a.start < before and a.start not in skip
                and a.country and a.sector not in PEOPLE_SECTORS]
        if not states:
            near.sort(key=lambda a: -weight.get(_side_key(a), 0))  # (stable: the later first among equals)
        if not states and len({_side_key(a) for a in near}) < 2:
            # one side named near: the other is the article's main party before ("called on both
            # sides" after a paragraph on the army alone)
            near += sorted((a for a in reversed(resolved) if a.start < start and a.country
                            and a.sector not in PEOPLE_SECTORS), key=lambda a: -weight.get(_side_key(a), 0))
        found: list[Actor] = []
        for a in near:
            if states and (len(a.country) != 3 or a.country in NON_STATE or a.sector not in STATE_SECTORS):
                continue
            if any(_same_side(a, b) or states and a.country == b.country for b in found):
                continue
            found.append(a)
            if len(found) == 2:
                break
        if len(found) < 2:
            return []
        span = np_span(token)
        if states:
            sector = "GOV" if token.lemma_.lower() in GOVERNMENT_NOUNS else None
            return [self._actor(span, self.kb.generic_name(a.country, sector) or a.country, a.country, sector, None,
                                f"'{span.text}' → {a.country}, one of the two countries named before")
                    for a in reversed(found)]
        return [self._like(span, a, f"'{span.text}' → {a.name}, one of the two named before")
                for a in reversed(found)]

    def coordinated(self, actor: Actor, token: Token, doc: Document) -> list[Actor]:
        """"Egyptian and Qatari mediators", "the Turkish and Greek sides": one actor for each
        coordinated country adjective of the phrase's head (they say more than an "of" phrase)."""
        if token.lemma_.lower() in QUANTITY_HEADS or token.like_num:
            # "scores of Sierra Leonean and Liberian refugees": each of the people counted
            of = next((c for c in token.children if c.dep_ == "prep" and c.lower_ == "of"), None)
            obj = next((g for g in of.children if g.dep_ == "pobj"), None) if of is not None else None
            if obj is not None and obj.conjuncts:
                return [actor, *(a for a in (self.resolve(c, doc) for c in obj.conjuncts) if a is not None)]
            if obj is not None:  # "dozens of Eritrean and Sudanese refugees"
                return self.coordinated(actor, obj, doc)
        known = actor.actor_id and not actor.actor_id.startswith("country:")
        mention_at = doc.user_data.get("mention_at", {})
        for first in token.children:
            if first.dep_ not in ("amod", "compound", "nmod") or not first.conjuncts:
                continue
            countries = []
            for adj in (first, *first.conjuncts):
                m = mention_at.get(adj.i)
                # (a known body's name counts by its country: "Pakistani and Afghan Taliban forces")
                country = m.entry.country if m is not None and (
                    m.entry.kind == "country" or known and m.entry.id == actor.actor_id
                    or m.entry.kind not in ("person", "igo") and len(m.entry.country or "") == 3) else None
                if country and country not in countries:
                    countries.append(country)
            if len(countries) < 2:
                continue
            # "Indian and Chinese troops": the known body ("Chinese troops", the PLA) for its own
            # country, the others' forces of the same kind beside it
            return [actor if known and c == actor.country else
                    Actor(text=actor.text, name=self.kb.generic_name(c, actor.sector) or c, country=c,
                          sector=actor.sector, actor_id=None, reason=f"{actor.reason}; coordinated adjectives → {c}",
                          start=actor.start, end=actor.end, refers_to=actor.refers_to)
                    for c in countries]
        return [actor]  # (a known body alone is one actor)

    def _from_entry(self, m: Mention, span: Span, date: str | None, how: str, doc: Document) -> Actor:
        country, sector, reason = m.entry.code_on(date)
        if m.entry.kind == "person":
            # the text's own title outranks the dated record: "President X" is GOV in that story
            head = span.doc[m.end - 1]
            titled = self.title_sector(span, head)
            before = {t.lower_.rstrip(".") for t in span.doc[span.start:m.start]}
            if not before & (PERSON_TITLES_GOV | PERSON_TITLES_MIL) - WEAK_TITLES:
                titled = None  # "detained leader Aung San Suu Kyi": a weak title does not outrank the record
            # an office in an armed group or party ("RSF commander X", "Hamas leader Y") is no
            # state title: the person's dated record says what the office is
            mention_at = doc.user_data.get("mention_at", {})
            if any(i in mention_at and mention_at[i].entry.kind in ("armed_group", "party")
                   for i in range(span.start, m.start)):
                titled = None
            words = {t.lower_ for t in span.doc[max(span.start - 2, 0):m.start]}
            if words & FORMER:
                sector, reason = "ELI", reason + "; called former/ousted in the text → ELI"
            elif titled and titled != sector:
                sector, reason = titled, reason + f"; titled in the text → {titled}"
        actor = self._actor(span, m.entry.name, country, sector, m.entry.id, f"{how}: {reason}")
        actor.explicit_code = m.entry.full_code_on(date)  # a user dictionary's full code, if any
        return actor

    def same_as(self, span: Span, base: Actor, reason: str) -> Actor:
        """An actor for ``span`` that refers to ``base`` (named before)."""
        return self._like(span, base, reason)

    def _like(self, span: Span, base: Actor, *rest) -> Actor:
        """An actor for ``span`` that is ``base`` (an owner, an antecedent), keeping its full code;
        ``rest`` is (reason) or (fallback sector, reason)."""
        sector, reason = (None, rest[0]) if len(rest) == 1 else rest
        actor = self._actor(span, base.name, base.country, base.sector or sector, base.actor_id, reason)
        actor.explicit_code = base.explicit_code
        actor.refers_to = base.refers_to or (base.start, base.end)
        return actor

    @staticmethod
    def _actor(span: Span, name: str, country, sector, actor_id, reason) -> Actor:
        text = span.text.strip()
        return Actor(text=text, name=name, country=country, sector=sector, actor_id=actor_id, reason=reason,
                     start=span.start, end=span.end)

    @staticmethod
    def is_ngo_noun(token: Token) -> bool:
        if token.lemma_.lower() not in NGO_LAST_WORDS:
            return False
        words = [t.lower_ for t in token.subtree if t.i < token.i and t.dep_ in ("compound", "amod")
                 and t.head.i in (token.i, *[c.i for c in token.children])] + [token.lemma_.lower()]
        return any(" ".join(words[k:]) in NGO_NOUNS for k in range(len(words)))

    def sector_of(self, token: Token) -> tuple[str | None, bool]:
        if self.kb.agent_index:  # user agent nouns first, then the built-in ones
            from .petrarch import agent_sector
            hit = agent_sector(self.kb, token)
            if hit is not None:
                return hit
        nouns = self.kb.sector_nouns
        if token.lemma_.lower() in MEMBER_BODIES:
            # "the Nigerian Union of Teachers", "the journalists' association": its members' sector
            of = next((c for c in token.children if c.dep_ == "prep" and c.lower_ == "of"), None)
            members = [g for g in of.children if g.dep_ == "pobj"] if of is not None else []
            members += [c for c in token.children if c.dep_ in ("compound", "poss") and c.i < token.i]
            for member in members:
                word = member.lemma_.lower()  # (a proper name's plural keeps its "s": "Teachers")
                hit = nouns.get(word) or nouns.get(word[:-1] if word.endswith("s") else word)
                # (people, whose nouns take no country of the article: not "the Union of Islamic Courts")
                if hit is not None and hit[0] in MEMBER_SECTORS and not hit[1] and member.tag_ in ("NNS", "NNPS"):
                    return hit[0], nouns.get(token.lemma_.lower(), (None, False))[1]
        if token.lemma_.lower() in GROUP_HEADS:
            for c in token.children:
                if c.dep_ in ("compound", "amod") and c.lemma_.lower() in nouns:
                    if token.lemma_.lower() == "force" and nouns[c.lemma_.lower()][0] == "GOV":
                        continue  # "government forces" are the military; "rebel forces" are rebels
                    return nouns[c.lemma_.lower()]
        compound = " ".join(t.lower_ for c in token.children if c.dep_ == "compound" and c.i < token.i
                            for t in c.subtree if t.dep_ == "compound")  # "border patrol agents"
        amods = [c.lower_ for c in token.children if c.dep_ == "amod"]
        words = compound.split()
        tails = [" ".join(words[k:]) for k in range(len(words))]  # "u.s. border patrol", "border patrol", ...
        for key in (*(f"{t} {w}" for t in tails for w in (token.lower_, token.lemma_.lower())),
                    *(f"{a} {token.lemma_.lower()}" for a in amods)):
            if key in nouns:
                return nouns[key]
        # "the Ministry of Defense"
        of = next((c for c in token.children if c.dep_ == "prep" and c.lower_ == "of"), None)
        if of is not None:
            obj = next((c for c in of.children if c.dep_ == "pobj"), None)
            if obj is not None and f"{token.lemma_.lower()} of {obj.lower_}" in nouns:
                return nouns[f"{token.lemma_.lower()} of {obj.lower_}"]
        for key in (token.lower_, token.lemma_.lower()):
            if key in nouns:
                return nouns[key]
        misspelt = self.misspelt_noun(token)
        if misspelt is not None:
            return misspelt
        if token.lemma_.lower() in GROUP_HEADS | CARRIER_NOUNS:
            # "military installations", "rebel positions", "a guerrilla stronghold" (not "military aid")
            for a in (*amods, *(c.lemma_.lower() for c in token.children if c.dep_ == "compound")):
                if a in nouns and nouns[a][0] in ("MIL", "REB", "COP", "UAF"):
                    return nouns[a]
        return None, False

    def misspelt_noun(self, token: Token) -> tuple[str, bool] | None:
        """A noun of eight letters or more that no dictionary knows, a letter away from exactly one
        generic noun of seven or more ("peackeepers", "Commision"): that noun's sector. Not a
        name of a person or a place."""
        lemma = token.lemma_.lower()
        if token.pos_ not in ("NOUN", "PROPN") or len(lemma) < 8 or not lemma.isalpha() \
                or token.ent_type_ in ("PERSON", "GPE", "LOC", "NORP") or english_word(lemma) \
                or english_word(token.lower_):
            return None
        found = {key for key in self.kb.sector_nouns if len(key) >= 7 and " " not in key
                 and abs(len(key) - len(lemma)) <= 1 and near_spelling(lemma, key)}
        sectors = {self.kb.sector_nouns[key] for key in found}
        return sectors.pop() if len(sectors) == 1 else None

    def country_in(self, span: Span, head: Token, doc: Document, skip: Mention | None = None) -> tuple[str | None, str]:
        """A country named inside the phrase (adjective, compound, possessive, "of X")."""
        mention_at = doc.user_data.get("mention_at", {})
        for tok in span:
            m = mention_at.get(tok.i)
            if m is None or m is skip or tok.i == head.i and m.entry.kind != "country" or _contra(tok.doc[m.end - 1]):
                continue
            if m.entry.kind == "country" and m.how == "adjective" and _ethnic(tok) and tok.i != head.i:
                continue  # "ethnic Albanian guerrillas" in Macedonia are not Albania's
            if m.entry.kind == "country":
                return m.entry.country, f"'{tok.text}' → {m.entry.country}"
        for tok in span:  # "Russian President Boris Yeltsin": a titled office names the country too
            m = mention_at.get(tok.i)
            if m is not None and (m.entry.kind == "country" and _ethnic(tok) or _contra(tok.doc[m.end - 1])):
                continue  # ("a pro-Russian separatist", "an anti-Syria journalist": a stance, not a country)
            if m is not None and self.shared_elsewhere(m, doc):
                return doc.focus_countries[0], f"'{doc.spacy_doc[m.start:m.end].text}' → the article's {doc.focus_countries[0]}"
            if m is not None and tok.i != head.i and m.entry.kind not in ("person", "igo", "ngo") and m.entry.country \
                    and len(m.entry.country) == 3 and head.i not in range(m.start, m.end):
                return m.entry.country, f"'{doc.spacy_doc[m.start:m.end].text}' → {m.entry.country}"
        return None, ""

    @staticmethod
    def shared_elsewhere(m: Mention, doc: Document) -> bool:
        """A known body named only by a word many countries' institutions bear ("the Congress",
        "the Senate") in a story on another country."""
        home = doc.focus_countries[0] if doc.focus_countries else None
        named = _normal(doc.spacy_doc[m.start:m.end].text).removeprefix("the ")
        return named in SHARED_INSTITUTIONS and bool(home) and len(home) == 3 and bool(m.entry.country) \
            and home != m.entry.country

    @staticmethod
    def place_country(name: str, doc: Document, countries: list[str] | None = None):
        try:
            from ..geo import gazetteer
        except ImportError:
            return None
        countries = countries or doc.focus_countries or None
        place = gazetteer().lookup(name, countries)
        words = name.split()
        if place is None and len(words) > 1 and words[-1].lower() in PLACE_WORDS:
            place = gazetteer().lookup(" ".join(words[:-1]), countries)
        return place

    def elsewhere(self, tok: Token) -> bool:
        """A country named as the other side of something, not the setting: "near the border with
        Mali", "relations with Iran", "flights to Cairo", "accused Paris", "attacks on US forces";
        and one that acts ("Washington blamed ...") is an actor there, not the setting."""
        while tok.dep_ == "conj" and tok.head.i != tok.i:  # "the EU and the United States urged": as the first
            tok = tok.head
        return tok.dep_ == "pobj" and tok.head.lower_ in ("with", "against", "to", "toward", "towards", "from") \
            or tok.dep_ in ("dobj", "dative", "nsubj") \
            or tok.dep_ in ("compound", "nmod") and tok.head.lemma_.lower() in self.kb.sector_nouns

    def context_country(self, token: Token, doc: Document, people: bool = False) -> tuple[str | None, str]:
        """The country a generic noun belongs to when the phrase names none: a country or
        capital named as a place in the same sentence (for people, also the sentence before),
        else the article's main country. Adjectives are left out: "the American contingent"
        names an actor, not the setting."""
        if token.dep_ == "conj" and token.head.pos_ in ("NOUN", "PROPN"):
            # "Turkish tanks and warplanes": a conjunct with no country of its own shares the first one's
            mention_at = doc.user_data.get("mention_at", {})
            shared = next((mention_at[c.i] for c in token.head.children if c.dep_ in ("amod", "compound")
                           and c.i in mention_at and mention_at[c.i].entry.kind == "country"
                           and mention_at[c.i].how == "adjective"), None)
            if shared is not None:
                return shared.entry.country, f"country adjective shared with '{token.head.text}'"
        sent = token.sent  # once: spaCy finds the sentence anew on every access
        start, end = sent.start, sent.end
        if people and start > 0:
            start = token.doc[start - 1].sent.start
        sdoc = token.doc
        named = [m for m in reversed(doc.user_data.get("mentions", []))
                 if start <= m.start < end and m.entry.kind == "country" and m.how in ("name", "capital")
                 and (m.start < token.i or not people) and not self.elsewhere(sdoc[m.end - 1])
                 and not _contra(sdoc[m.end - 1]) and not _based(sdoc[m.end - 1])  # ("the Oslo-based group": no setting)
                 and sdoc[m.end - 1].dep_ not in ("compound", "amod", "poss", "nmod")]  # ("a US air strike": whose)
        # where things happen ("in Kinshasa") before whose role is talked about ("Rwanda's role")
        named.sort(key=lambda m: not (sdoc[m.end - 1].dep_ == "pobj" and sdoc[m.end - 1].head.lower_ in LOCATIVES))
        for m in named:
            return m.entry.country, f"country named in the sentence ({m.entry.country})"
        if not people and self.sector_of(token)[0] not in ("GOV", "MIL", "COP", "JUD", "LEG", "SPY"):
            # a town the sentence names as a place: "militants killed in Jenin" (a state's generals
            # meeting "in Kunming" are still their own country's)
            country, why = self.sentence_place_country(token, doc)
            if country:
                return country, why
        if people:
            # never another named person's nationality: "President X welcomed South African
            # leader Y" says nothing of X's country
            own = [m for m in doc.user_data.get("mentions", [])
                   if m.entry.kind == "country" and not _of_other_person(sdoc[m.end - 1], token)
                   and m.people is None]  # (a people's name gives no one else a nationality: "met Kurdish leaders")
            before = [m for m in reversed(own) if start <= m.start < token.i]
            # in the sentence before, the country that acted rather than one acted on: "Moldova expelled
            # Russia's ambassador. Foreign Minister X said ..." is Moldova's minister
            before.sort(key=lambda m: m.start < sent.start and sdoc[m.end - 1].dep_ not in ("nsubj", "nsubjpass"))
            # ... but a title said before with its country is that country's: "Russia's ambassador ...
            # Ambassador X"
            titles = {c.lower_ for c in token.lefts if c.dep_ == "compound" and not c.ent_type_ == "PERSON"}
            titled = {sdoc[m.end - 1].head.i for m in before if sdoc[m.end - 1].dep_ in ("poss", "amod", "compound")
                      and sdoc[m.end - 1].head.lower_ in titles}
            before.sort(key=lambda m: sdoc[m.end - 1].head.i not in titled)
            for m in before:
                return m.entry.country, f"country named nearby ({m.entry.country})"
            # else the first country the sentence names after the person: "President X reneged on
            # his commitment to the Zambian people"
            for m in own:
                if token.i < m.start < token.sent.end and not self.elsewhere(sdoc[m.end - 1]):
                    return m.entry.country, f"country named in the sentence ({m.entry.country})"
            # a person's country is not guessed from the rest of the article unless it came first
            if not own or own[0].start > token.i:
                return None, ""
            if doc.focus_countries and doc.focus_countries[0] not in {m.entry.country for m in own}:
                return None, ""
        if doc.focus_countries and not people and self.sector_of(token)[0] == "MIL":
            # bare "soldiers" in a story whose only named forces are another country's are that
            # country's ("Israeli troops raided Nablus ... soldiers detained 24")
            forces = {a.country for a in doc.user_data.get("resolved", []) if a.start < token.i and a.sector == "MIL"
                      and a.country and len(a.country) == 3 and not any(
                          w in a.reason for w in ("country of the article", "refers back", "nearby", "whose forces"))}
            if len(forces) == 1 and doc.focus_countries[0] not in forces:
                [force] = forces
                return force, f"the one country whose forces the article names ({force})"
        if doc.focus_countries:
            return doc.focus_countries[0], f"country of the article ({doc.focus_countries[0]})"
        return self.sentence_place_country(token, doc)  # no country named anywhere: a town's

    def related(self, token: Token, span: Span, doc: Document, date, depth) -> Actor | None:
        """"X's ally", "its neighbour", "allies of Iran": someone other than X. A neighbour is the
        last other country named before; an ally or a proxy is of the country its phrase places
        it in ("Iran's proxies in Iraq"), else of none."""
        mention_at = doc.user_data.get("mention_at", {})
        if any(c.dep_ in ("compound", "nmod") and c.i in mention_at and mention_at[c.i].entry.kind != "country"
               for c in token.children):
            return None  # "its European Community partners": the body named
        body = next((mention_at[g.i] for p in token.children if p.dep_ == "prep" and p.lower_ in ("in", "within")
                     for g in p.children if g.dep_ == "pobj" and g.i in mention_at
                     and mention_at[g.i].entry.kind == "igo"), None)
        if body is not None:  # "Niger's partners in the Alliance of Sahel States": that body's members
            return self._from_entry(body, span, date, f"{token.text} in {body.entry.name}", doc)
        holder = next((c for c in token.children if c.dep_ == "poss"), None)
        if holder is None:
            of = next((c for c in token.children if c.dep_ == "prep" and c.lower_ == "of"), None)
            holder = next((g for g in of.children if g.dep_ == "pobj"), None) if of is not None else None
        if holder is None:  # "Iranian proxies"
            holder = next((c for c in token.children if c.dep_ in ("amod", "compound") and c.i in mention_at
                           and mention_at[c.i].entry.kind == "country"), None)
        owner = self.resolve(holder, doc, date, depth + 1) if holder is not None else None
        if owner is None or not owner.country:
            return None
        neighbour = token.lemma_.lower() in NEIGHBOURS
        if neighbour or token.tag_ == "NN" and any(c.dep_ == "poss" for c in token.children) and not any(
                c.dep_ in ("compound", "amod") and c.lemma_.lower() in self.kb.sector_nouns for c in token.children):
            # "its neighbour", "Washington backed its ally": one other country, the last one named
            sdoc = token.doc
            start = sdoc[token.sent.start - 1].sent.start if token.sent.start > 0 else token.sent.start
            other = next((m for m in reversed(doc.user_data.get("mentions", []))
                          if start <= m.start < token.i and m.entry.kind == "country"
                          and m.entry.country != owner.country), None)
            if other is not None:
                own_sector = self.sector_of(token)[0]  # ("his Azerbaijani counterpart": that country's office)
                return self._actor(span, self.kb.generic_name(other.entry.country, own_sector) or other.entry.name
                                   if own_sector else other.entry.name, other.entry.country, own_sector,
                                   None if own_sector else other.entry.id,
                                   f"the {token.text} of {owner.name}: {other.entry.name}, named before")
            if neighbour:
                return None
        skip = set(holder.subtree) if holder.i in range(span.start, span.end) else set()
        inner = doc.spacy_doc[span.start:span.end]
        country = next((mention_at[t.i].entry.country for t in inner if t not in skip and t.i in mention_at
                        and mention_at[t.i].entry.kind == "country" and not _contra(t)), None)
        sector, inherit = self.sector_of(token)
        if sector is None:
            sector = next((self.kb.sector_nouns[c.lemma_.lower()][0] for c in token.children
                           if c.dep_ in ("compound", "amod") and c.lemma_.lower() in self.kb.sector_nouns), None)
        if country is None and inherit:
            country = self.context_country(token, doc)[0]
            country = None if country == owner.country else country
        return self._actor(span, self.kb.generic_name(country, sector) or token.text, country, sector, None,
                           f"{token.text} of {owner.name}, not {owner.name} itself"
                           + (f", in {country}" if country else ""))

    def community_home(self, token: Token, doc: Document) -> tuple[str | None, str]:
        """Where a community lives: a country or town in its "of"/"in" phrase, else the one the
        sentence or the article is about."""
        mention_at = doc.user_data.get("mention_at", {})
        for c in token.children:
            if c.dep_ == "prep" and c.lower_ in ("of", "in"):
                for obj in (g for g in c.children if g.dep_ == "pobj"):
                    m = mention_at.get(obj.i)
                    if m is not None and m.entry.kind == "country" and m.how in ("name", "capital"):
                        return m.entry.country, f"living in {m.entry.name}"
        home, why = self.named_place_country(token, doc)
        if home:
            return home, why
        return self.context_country(token, doc)

    def named_place_country(self, token: Token, doc: Document) -> tuple[str | None, str]:
        """The country of a town, province or site named in the noun's "of" phrase."""
        of = next((c for c in token.children if c.dep_ == "prep" and c.lower_ == "of"), None)
        obj = next((g for g in of.children if g.dep_ == "pobj"), None) if of is not None else None
        name = place_name(obj) if obj is not None and obj.i not in doc.user_data.get("mention_at", {}) else None
        if not name:
            return None, ""
        place = self.place_country(name, doc)
        if place is not None and place.country and place.precision in ("city", "admin1", "site"):
            return place.country, f"{place.name} is in {place.country}"
        return None, ""

    def from_country(self, token: Token, doc: Document) -> tuple[str | None, str]:
        """People "from" a known body or a country are its own ("inspectors from the IAEA",
        "monitors from the EU", "volunteers from Kenya")."""
        if token.tag_ not in ("NNS", "NNPS") and token.lemma_.lower() not in ("team", "delegation", "mission"):
            return None, ""
        mention_at = doc.user_data.get("mention_at", {})
        for c in token.children:
            obj = next((g for g in c.children if g.dep_ == "pobj"), None) if c.dep_ == "prep" and c.lower_ == "from" else None
            m = mention_at.get(obj.i) if obj is not None else None
            if m is not None and m.entry.country and m.entry.kind != "person" and m.how in ("name", "capital"):
                return m.entry.country, f"from {m.entry.name}"
        return None, ""

    def based_in_country(self, token: Token, doc: Document) -> tuple[str | None, str]:
        """The country a body is said to be based in ("a firm based in Dubai", "a group based
        out of Peshawar")."""
        mention_at = doc.user_data.get("mention_at", {})
        for c in token.children:
            if c.dep_ != "acl" or c.lower_ not in BASED:
                continue
            for p in c.children:
                obj = next((g for g in p.children if g.dep_ == "pobj"), None) if p.dep_ == "prep" else None
                if obj is None:
                    continue
                m = mention_at.get(obj.i)
                if m is not None and m.entry.kind == "country":
                    return m.entry.country, f"based in {m.entry.name}"
                name = place_name(obj) if m is None else None
                place = self.place_country(name, doc) if name else None
                if place is not None and place.country and place.precision in ("city", "admin1"):
                    return place.country, f"based in {place.name}, {place.country}"
        return None, ""

    def sentence_place_country(self, token: Token, doc: Document) -> tuple[str | None, str]:
        """The one country named as a place ("in Hong Kong", "across Iran", "the governor of
        Kandahar province") in the token's sentence."""
        sent, sdoc = token.sent, token.doc
        mention_at = doc.user_data.get("mention_at", {})
        found = {m.entry.country for m in doc.user_data.get("mentions", [])
                 if sent.start <= m.start < sent.end and m.entry.kind == "country" and m.how in ("name", "capital")
                 and sdoc[m.end - 1].dep_ == "pobj" and (
                     sdoc[m.end - 1].head.lower_ in LOCATIVES
                     # "took to the streets of Dhaka", "the main square of Tbilisi": a site of the place
                     or sdoc[m.end - 1].head.lower_ == "of" and sdoc[m.end - 1].head.head.lemma_.lower() in SITES)}
        if not found:  # a town or province instead: "three men in Basra", "in Anbar province"
            for tok in sent:
                if tok.dep_ == "pobj" and (tok.head.lower_ in LOCATIVES or tok.head.lower_ == "of"
                                           and tok.head.head.lemma_.lower() in self.kb.sector_nouns) \
                        and tok.i not in mention_at and not any(c.dep_ == "compound" and c.i in mention_at
                                                                for c in tok.children):
                    # (a country's adjective names no town: "near the Thai border")
                    name = place_name(tok)
                    place = self.place_country(name, doc) if name else None
                    if place is not None and place.country and place.precision in ("city", "admin1"):
                        found.add(place.country)
        if len(found) == 1:
            country = found.pop()
            return country, f"the one country named in the sentence ({country})"
        return None, ""

    def owner_of(self, token: Token, doc: Document, date, depth) -> Actor | None:
        # ("a spokesman for the Taliban administration" speaks for it)
        preps = ("of", "from", "within", "for") if token.lemma_.lower() in SPEAKERS else ("of", "from", "within")
        of = next((c for c in token.children if c.dep_ == "prep" and c.lower_ in preps), None)
        if of is None:
            return None
        obj = next((c for c in of.children if c.dep_ == "pobj"), None)
        if obj is None:
            return None
        return self.resolve(obj, doc, date, depth + 1)

    def title_sector(self, span: Span, head: Token) -> str | None:
        doc = head.doc
        start = span.start  # and up to three title words just before the phrase, not across a verb
        while start > max(span.start - 3, 0) and doc[start - 1].pos_ not in ("VERB", "AUX", "ADP", "PUNCT", "PRON"):
            start -= 1
        window = [t for t in doc[start:span.end] if t.i != head.i]
        words = {t.lower_.rstrip(".") for t in window
                 # "secretary-general", "attorney general": a civil office, not a rank
                 if not (t.lower_ == "general" and (t.i > 0 and (doc[t.i - 1].text == "-" or
                                                                  doc[t.i - 1].lower_ in CIVIL_GENERAL)
                                                    or t.i + 1 < len(doc) and doc[t.i + 1].lower_ in CIVIL_GENERAL))}
        # ("general secretary of the ruling party": a party office, not a rank)
        if words & PERSON_TITLES_MIL:
            return "MIL"
        if words & (PERSON_TITLES_GOV - WEAK_TITLES):
            return "GOV"
        # "Judge X", "army spokesman Y", "opposition leader Z", "police chief W"
        ordered = [t.lower_ for t in window]
        found = {self.kb.sector_nouns.get(f"{a} {b}", (None,))[0] for a, b in zip(ordered, ordered[1:])}
        found |= {self.kb.sector_nouns.get(word, (None,))[0] for word in words}
        for sector in ("JUD", "LEG", "REL", "REB", "UAF", "CRM", "OPP", "JRN", "COP", "SPY", "MIL", "GOV"):
            if sector in found:
                return sector
        return "GOV" if words & PERSON_TITLES_GOV else None

    def antecedent(self, token: Token, doc: Document) -> Actor | None:
        """Most recent earlier actor that fits the pronoun (person or not, singular or plural)."""
        lower = token.lower_
        wants_person = lower in ("he", "him", "his", "she", "her")
        wants_plural = lower in ("they", "them", "their", "themselves")
        sdoc = doc.spacy_doc
        if lower in ("we", "our", "us"):
            # '"We will not accept the results," the commission's chairman said': the speaker's side
            speaker = self.quoted_speaker(token, doc)
            if speaker is not None:
                return Actor(text=token.text, name=speaker.name, country=speaker.country, sector=speaker.sector,
                             explicit_code=speaker.explicit_code, actor_id=speaker.actor_id,
                             reason=f"'{token.text}' in a quote → the speaker, {speaker.name}",
                             start=token.i, end=token.i + 1, refers_to=(speaker.start, speaker.end))
        # an object pronoun does not refer to its own clause's subject ("police fired to disperse
        # them": them ≠ police)
        own_subject: set[int] = set()
        if token.dep_ in ("dobj", "pobj", "dative"):
            clause = token.head
            for _ in range(3):
                subj = next((c for c in clause.children if c.dep_ in ("nsubj", "nsubjpass")), None)
                if subj is not None:
                    own_subject = {t.i for t in subj.subtree}
                    break
                if clause.dep_ not in ("xcomp", "advcl", "prep") or clause.head.i == clause.i:
                    break
                clause = clause.head
        sent_start = token.sent.start  # once: spaCy finds the sentence anew on every access
        candidates = [a for a in reversed(doc.user_data.get("resolved", []))
                      if sent_start - 60 <= a.start < token.i and a.start not in own_subject]
        # subjects are the likelier antecedents: "people protested against the peacekeepers, and
        # police fired to disperse them"
        # and "they" agrees in number first: "protesters burned tyres over Rwanda's role; police
        # dispersed them" (a country or a body is "they" only when no plural noun came before)
        def many(a: Actor) -> bool:
            root = sdoc[a.start:a.end].root
            return root.tag_ in ("NNS", "NNPS") or any(c.dep_ == "conj" for c in root.children) or \
                bool(a.actor_id) and not a.actor_id.startswith(("country:", "person:"))  # "the Houthis said they"

        def subject(a: Actor) -> bool:  # ("hundreds of protesters burned ...": the protesters)
            root = sdoc[a.start:a.end].root
            if root.dep_ == "pobj" and root.head.lower_ == "of" and (
                    root.head.head.lemma_.lower() in QUANTITY_HEADS or root.head.head.like_num):
                root = root.head.head
            return root.dep_ in ("nsubj", "nsubjpass")

        candidates.sort(key=lambda a: (wants_plural and not many(a), a.start < sent_start, not subject(a)))
        for actor in candidates:
            head = sdoc[actor.start:actor.end].root
            # the knowledge base knows better than the entity labels ("Chad said it would ...")
            named = doc.user_data.get("mention_at", {}).get(head.i)
            is_person = (actor.actor_id or "").startswith("person:") or head.ent_type_ == "PERSON" and not (
                named is not None and named.entry.kind != "person") or \
                head.tag_ == "NN" and head.lemma_.lower() in PERSON_NOUNS and not actor.actor_id  # "the journalist"
            plural = head.tag_ in ("NNS", "NNPS")
            if wants_person and not is_person:
                continue
            if lower in ("it", "its", "itself") and (is_person or plural):
                continue
            if wants_plural and is_person:
                continue
            return Actor(text=token.text, name=actor.name, country=actor.country, sector=actor.sector,
                         explicit_code=actor.explicit_code,
                         actor_id=actor.actor_id, reason=f"pronoun '{token.text}' → {actor.name}",
                         start=token.i, end=token.i + 1, refers_to=actor.refers_to or (actor.start, actor.end))
        return None

    def quoted_speaker(self, token: Token, doc: Document) -> Actor | None:
        """The one who says the sentence a first-person pronoun stands in: the subject of its verb
        of saying ("..., the chairman said"), resolved."""
        from ..events.lexicon import lexicon
        speech = lexicon().cue("speech")
        for verb in token.sent:
            if verb.pos_ == "VERB" and verb.lemma_.lower() in speech and not (
                    verb.left_edge.i <= token.i <= verb.right_edge.i and any(
                        c.dep_ in ("nsubj",) and c.i == token.i for c in verb.children)):
                subj = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")), None)
                if subj is not None and subj.lower_ not in PRONOUNS and subj.i != token.i:
                    speaker = self.resolve(subj, doc)
                    if speaker is not None and (speaker.country or speaker.actor_id):
                        return speaker
        return None

    def same_head_before(self, span: Span, token: Token, doc: Document, det: str) -> Actor | None:
        """A bare definite noun is the one named before with the same head ("a military post near
        Tera ... stormed the post"), if that one was an actor."""
        if det not in ("the", "this", "that") or any(c.dep_ in ("compound", "amod", "nmod") for c in token.children):
            return None
        sdoc = doc.spacy_doc
        lemma = token.lemma_.lower()
        back = next((a for a in reversed(doc.user_data.get("resolved", [])) if 0 <= a.start < token.i
                     and a.end <= len(sdoc) and sdoc[a.start:a.end].root.lemma_.lower() == lemma), None)
        return self._like(span, back, f"'{span.text}' refers back to '{back.text}'") if back is not None else None

    def earlier_by_head(self, token: Token, doc: Document) -> Actor | None:
        lemma = token.lemma_.lower()
        sdoc = doc.spacy_doc
        if lemma in GROUP_REFERENCES:
            # "the group", "the militia": the last organisation named
            for actor in reversed(doc.user_data.get("resolved", [])):  # (not its own sponsor: "the al Qaeda-linked group")
                if actor.end <= token.left_edge.i and (actor.actor_id or "").split(":")[0] in ("org", "igo"):
                    return actor
        # its modifiers too: "the defence ministry" is not the foreign ministry named before
        modifiers = {c.lemma_.lower() for c in token.children if c.dep_ in ("compound", "amod")}
        for actor in reversed(doc.user_data.get("resolved", [])):
            if actor.start >= token.i:
                continue
            words = {t.lemma_.lower() for t in sdoc[actor.start:actor.end]} | {w.lower() for w in actor.name.split()}
            if lemma in words and modifiers <= words:
                return actor
        # or a known body named only as a modifier ("a Myanmar junta airstrike … the junta")
        for m in reversed(doc.user_data.get("mentions", [])):
            if m.end <= token.left_edge.i and m.entry.kind not in ("country", "person"):
                words = {t.lemma_.lower() for t in sdoc[m.start:m.end]} | {w.lower() for w in m.entry.name.split()}
                if lemma in words and modifiers <= words:
                    return self._from_entry(m, sdoc[m.start:m.end], doc.published, "name", doc)
        return None


def _metonym(tok: Token) -> bool:
    """A capital that acts or is acted on ("Moscow denied", "accusing Moscow"), not a place."""
    return tok.dep_ in ("nsubj", "nsubjpass", "dobj", "poss", "appos", "conj") and not tok.text.isupper()


def _of_other_person(tok: Token, person: Token) -> bool:
    """Whether a country word is the nationality of a person other than ``person`` ("South
    African" in "South African leader F.W. de Klerk", "the Iranian foreign minister")."""
    while tok.dep_ in ("amod", "compound", "nmod") and tok.head.i != tok.i:
        tok = tok.head
        if tok.i != person.i and (tok.ent_type_ == "PERSON" or tok.lower_ in PERSON_TITLES_GOV | PERSON_TITLES_MIL):
            return True
    return False


def _normal(name: str) -> str:
    return " ".join(name.lower().replace("-", " ").split())


def _called_a_place(token: Token) -> bool:
    """A name in apposition with a place noun ("Kadugli, the capital of South Kordofan")."""
    return any(c.dep_ == "appos" and c.lemma_.lower() in PLACE_NOUNS for c in token.children)


def _side_key(a: Actor):
    return a.actor_id or (a.country, a.sector)


def _same_side(a: Actor, b: Actor) -> bool:
    return (a.actor_id and a.actor_id == b.actor_id) or (a.country, a.sector) == (b.country, b.sector)


def _ethnic(tok: Token) -> bool:
    """'ethnic Albanian': a people, not the country of that name."""
    return tok.i > 0 and tok.doc[tok.i - 1].lower_ == "ethnic"


def _contra(tok: Token) -> bool:
    """'pro-Iranian', 'anti-Syria': the country is a stance, not the actor's own; 'Iran-backed',
    'al Qaeda-linked': a sponsor, not the actor itself."""
    doc = tok.doc
    return tok.i >= 2 and doc[tok.i - 1].text in "-–" and doc[tok.i - 2].lower_ in ("pro", "anti", "non") \
        or _sponsor(tok)


def _based(tok: Token) -> bool:
    """'the Oslo-based group': Oslo is where that body sits, not where the story is."""
    doc = tok.doc
    return tok.i + 2 < len(doc) and doc[tok.i + 1].text in "-–" and doc[tok.i + 2].lower_ in BASED


def _venue(tok: Token) -> bool:
    """Where talks are held says nothing about whose story it is: "talks in Jeddah", "met in
    Doha", "a summit in the Saudi city of Jeddah"."""
    for _ in range(5):
        if tok.dep_ not in ("pobj", "prep", "appos", "compound") or tok.head.i == tok.i:
            return False
        tok = tok.head
        if tok.lemma_.lower() in VENUE_HEADS:
            return True
    return False


def _sponsor(tok: Token) -> bool:
    doc = tok.doc
    return tok.i + 2 < len(doc) and doc[tok.i + 1].text in "-–" and doc[tok.i + 2].lower_ in SPONSORS


def np_span(token: Token) -> Span:
    """The noun phrase of ``token`` without clauses and coordinated phrases."""
    keep = [token.i]
    stack = [c for c in token.children if c.dep_ in NP_DEPS and c.dep_ not in ("cc", "conj")]
    while stack:
        child = stack.pop()
        if child.dep_ == "prep" and not any(g.dep_ == "pobj" for g in child.children):
            continue  # "governments of tolerating ...": a clause, not a part of the name
        if child.dep_ == "prep" and child.i < token.i and child.i < min(keep):
            continue  # "In a video posted online, gang leader X": an opening phrase hung on the name
        if child.dep_ == "prep" and child.head.i == token.i and child.lower_ not in ("of", "from"):
            obj = next((g for g in child.children if g.dep_ == "pobj"), None)
            if not (child.lower_ == "in" and obj is not None and obj.ent_type_ == "GPE"):
                continue
        keep.append(child.i)
        stack.extend(c for c in child.children if c.dep_ in NP_DEPS and c.dep_ not in ("cc", "conj")
                     or c.dep_ in ("pobj", "compound"))
    # after the head, the unbroken run of kept words: a comma kept after a skipped relative
    # clause ("Blinken, who met leaders in Tel Aviv,") does not stretch the phrase over it
    kept = set(keep)
    start, end = min(keep), token.i + 1
    while end in kept:
        end += 1
    doc = token.doc
    while end > start + 1 and (doc[end - 1].is_punct or doc[end - 1].is_space):
        end -= 1
    while start < end - 1 and (doc[start].is_punct or doc[start].is_space):
        start += 1
    return doc[start:end]


def place_name(tok: Token) -> str | None:
    """The proper name a place phrase gives: "Kharkiv", "Anbar province", "the Tyumen region",
    "the village of Poonch"."""
    if tok.ent_type_ in ("DATE", "TIME"):
        return None  # "seized in March" names a month, not the English town
    if tok.pos_ == "PROPN":
        return " ".join(t.text for t in np_span(tok) if t.pos_ == "PROPN") or tok.text
    if tok.pos_ != "NOUN":
        return None
    names = [c for c in tok.children if c.dep_ == "compound" and c.pos_ == "PROPN"]
    if names:
        start = names[0].i  # (the whole name: "Cabo Delgado village", not "Delgado village")
        while start > tok.sent.start and tok.doc[start - 1].pos_ == "PROPN":
            start -= 1
        return " ".join(t.text for t in tok.doc[start:names[-1].i + 1])
    obj = next((g for c in tok.children if c.dep_ == "prep" and c.lower_ == "of"
                for g in c.children if g.dep_ == "pobj" and g.pos_ == "PROPN"), None)
    if obj is None:
        return None
    return " ".join(t.text for t in np_span(obj) if t.pos_ == "PROPN") or obj.text


def span_name(span: Span, head: Token) -> str:
    if head.ent_iob_ and head.ent_type_:
        for ent in doc_ents(head.doc):
            if ent.start <= head.i < ent.end:
                return ent.text
    return " ".join(t.text for t in span if t.dep_ not in ("det",) and not t.is_punct)


class ActorsStage:
    def __init__(self, settings: Settings):
        self.resolver = ActorResolver(knowledge_base(settings.actor_files))

    def __call__(self, doc: Document) -> Document:
        self.resolver.annotate(doc)
        doc.user_data["resolver"] = self.resolver
        return doc


@registry.stages.register("actors")
def make_actors(settings: Settings) -> ActorsStage:
    return ActorsStage(settings)


def _in_longer_entity(sdoc, start: int, end: int) -> bool:
    """Whether tokens start..end lie inside a longer entity ("Aden" in "Abdifatah Aden")."""
    return start > 0 and sdoc[start].ent_iob_ == "I" or end < len(sdoc) and sdoc[end].ent_iob_ == "I"
