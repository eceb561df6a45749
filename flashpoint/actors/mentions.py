"""Actor mentions: where the knowledge base's names, adjectives, demonyms and capitals occur in
a parsed article (longest match first, left to right), and known people's last names after a
title ("President Bush"). The resolver (``resolve.py``) turns noun phrases into actors with them.
"""
from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from spacy.attrs import IDX, IS_LOWER, IS_PUNCT, IS_SPACE, ORTH
from spacy.tokens import Doc

from .kb import NAME_PARTICLES, SPELLING, WORDS, Entry, KnowledgeBase, exact_key, normalise

PERSON_TITLES_GOV = set(WORDS["title_gov"])
PERSON_TITLES_MIL = set(WORDS["title_mil"])
SHIP_PREFIXES = set(WORDS["ship_prefix"])
POSSESSIVES = {"its", "their", "his", "her", "our", "my", "your", "whose"}
# words that end or head a place name ("Gunane village", "the Centre department")
PLACE_HEADS = set(WORDS["place_noun"]) | set(WORDS["place_word"])

@dataclass
class Mention:
    start: int
    end: int
    entry: Entry
    how: str  # name | adjective | demonym | capital
    # a people's adjective or plural ("Karen rebels", "Kurds"): ``entry`` is the country it lives in
    people: Entry | None = None


# find_mentions asks normalise() and exact_key() about every window of up to max_alias_tokens
# tokens after each name-like token. The same functions for ASCII text with str.translate and
# str.split (\s+ and str.split agree on whitespace); they are checked against kb's at import
# and not used if the two ever disagree.
_FOLD_ASCII = str.maketrans({".": None, "-": " ", "'": " ", "`": " "})


def _normalise_fast(name: str) -> str:
    if not name.isascii():
        return normalise(name)
    name = " ".join(SPELLING.get(w, w) for w in name.lower().translate(_FOLD_ASCII).split())
    return name[4:] if name.startswith("the ") else name


def _exact_key_fast(name: str) -> str:
    return " ".join(name.replace(".", "").split())


_SAMPLES = ("The U.S.-led  coalition", "Organisation of  African Unity", "Al-Qaeda's", "the Hague", "THE ", "O'Brien`s  x\t", "Jan. 5 ", "",
            " the  the ", "Côte d’Ivoire", "U.N. Security\nCouncil", "the", "The-Hague")
if all(_normalise_fast(x) == normalise(x) and _exact_key_fast(x) == exact_key(x) for x in _SAMPLES):
    _normalise, _exact_key = lru_cache(maxsize=1 << 14)(_normalise_fast), _exact_key_fast
else:  # pragma: no cover - kb.normalise changed: use it as it is
    _normalise, _exact_key = normalise, exact_key


class MentionFinder:
    def __init__(self, kb: KnowledgeBase):
        self.kb = kb
        # for each first word of a name, the most words a name starting with it has: bounds the
        # windows tried at a token (a word may be split into up to three tokens: "Kata'ib")
        self.span_limit: dict[str, int] = {}
        for key in list(kb.index) + list(kb.exact_index):
            words = key.split()
            self.span_limit[words[0]] = max(self.span_limit.get(words[0], 0), 3 * len(words))
        self.first_words = set(self.span_limit)
        # one-word names of countries and peoples (names, adjectives, plurals, capitals), by length:
        # a misspelt one ("Ethopia", "Quatar") is the one of these a letter away
        self.fuzzy_keys: dict[int, list[tuple[str, Entry, str]]] = {}
        for key, items in kb.index.items():
            if " " in key or len(key) < 5 or not key.isalpha():
                continue
            for entry, how in items:
                if entry.kind in ("country", "people"):
                    self.fuzzy_keys.setdefault(len(key), []).append((key, entry, how))

    # -- mention detection -------------------------------------------------------------
    def window_at(self, tokens: list[str], i: int) -> int:
        first = _normalise(tokens[i]).split()
        return max(self.span_limit.get(_exact_key(tokens[i]), 0), self.span_limit.get(first[0], 0) if first else 0)

    def find_mentions(self, doc: Doc, date: str | None = None) -> list[Mention]:
        """Longest knowledge-base matches over the tokens, left to right, not overlapping; and
        a known person's last name after a title ("President Bush")."""
        mentions: list[Mention] = []
        # the token attributes read below, from one array rather than a Token object per read
        strings = doc.vocab.strings
        rows = doc.to_array([ORTH, IDX, IS_SPACE, IS_PUNCT, IS_LOWER]).tolist()
        tokens = [strings[orth] for orth, *_ in rows]
        text = doc.text
        starts = [row[1] for row in rows]
        ends = [start + len(tok) for start, tok in zip(starts, tokens)]
        spaces = [row[2] for row in rows]
        puncts = [row[3] for row in rows]
        lowers = [row[4] for row in rows]
        i, n = 0, len(tokens)
        limit = self.kb.max_alias_tokens
        other_people: set[str] = set()  # known surnames this article gives to someone else
        while i < n:
            if spaces[i] or puncts[i]:
                i += 1
                continue
            window = self.window_at(tokens, i)
            if tokens[i].lower() == "the" and i + 1 < n:  # names are indexed without "the"
                window = max(window, self.window_at(tokens, i + 1) + 1)
            if not window:
                misspelt = self.misspelt_name(doc, i)
                if misspelt is not None:
                    mentions.append(misspelt)
                    i += 1
                    continue
                titled = self.titled_surname(doc, i, date)
                if titled is not None:
                    mentions.append(titled)
                i = titled.end if titled is not None else i + 1
                continue
            found = None
            for j in range(min(n, i + limit, i + window), i, -1):
                if spaces[j - 1] or (j - 1 > i and puncts[j - 1] and (tokens[j - 1] not in "'’" or tokens[j - 1] == ".")):
                    continue  # (nor does a name end in a full stop or a hyphen: "... with Mali.", "Oslo-based")
                span_text = text[starts[i]:ends[j - 1]]  # == doc[i:j].text, without building a Span
                exact = self.kb.exact_index.get(_exact_key(span_text))
                hits = exact or self.kb.index.get(_normalise(span_text))
                if hits:
                    if j - i == 1 and lowers[i] and hits[0][1] == "name" and hits[0][0].kind != "country":
                        continue  # lower-case single words ("party", "hamas" in a URL) are not names
                    if all(lowers[i:j]) and i > 0 and tokens[i - 1].lower() in POSSESSIVES and hits[0][0].kind != "country":
                        continue  # "its central command" is the command of "it", not CENTCOM
                    if all(lowers[i:j]) and not exact and not _lower_alias(hits, span_text):
                        continue  # "federal police" in a story on Ethiopia is no proper name ("Federal Police" of Iraq)
                    found = (j, hits)
                    break
            if found and _best(found[1])[0].kind == "person" and i > 0 and tokens[i - 1].lower().rstrip(".") in SHIP_PREFIXES:
                found = None  # "USS Carney" is a ship
            if found and found[0] - i == 1 and _best(found[1])[0].kind == "person" and (
                    tokens[i].lower() in other_people
                    or self.other_given_name(doc, i, _best(found[1])[0])  # "Seydou Konaté" is not Sékouba Konaté
                    or self.second_half_of_double_name(doc, i, _best(found[1])[0], mentions)):  # nor "Nkweta-Salami" Salami
                other_people.add(tokens[i].lower())  # (and "Konaté said" later is Seydou again)
                found = None
            if found and self.inside_longer_name(doc, i, _best(found[1])[0], mentions):
                found = None  # "Social Democratic Party" is not the "Democratic Party" the base knows
            if found and self.of_another_country(tokens, found[0], _best(found[1])[0]):
                found = None  # "the Democratic Party of Japan" is not the US Democratic Party
            if found and _best(found[1])[0].kind == "people":
                people = self.people_mention(doc, i, found[0], *_best(found[1]))
                if people is not None:
                    mentions.append(people)
                    i = people.end
                    continue
                found = None
            if found:
                j, hits = found
                entry, how = _best(hits)
                mentions.append(Mention(i, j, entry, how))
                i = j
            elif (misspelt := self.misspelt_name(doc, i)) is not None:
                mentions.append(misspelt)
                i += 1
            elif (titled := self.titled_surname(doc, i, date)) is not None:
                mentions.append(titled)
                i = titled.end
            else:
                i += 1
        return self.repeated_surnames(doc, mentions)

    def misspelt_name(self, doc: Doc, i: int) -> Mention | None:
        """A proper name one letter (changed, added, dropped or two swapped) away from exactly one
        country's or people's one-word name, adjective, plural or capital ("Ethopia", "Quatar",
        "Chenchen refugees"): of six letters or more, capitalised, taken by the model for a proper
        name or a place or nationality, no person's longer name, no place the gazetteer knows
        ("Granada" is no Grenada) and no known person's last name."""
        tok = doc[i]
        text = tok.text
        if len(text) < 6 or not text.isalpha() or not text[0].isupper() or text.isupper():
            return None
        if tok.tag_ not in ("NNP", "NNPS") and tok.ent_type_ not in ("GPE", "NORP", "LOC"):
            return None
        if tok.ent_type_ in ("PERSON", "ORG") and (tok.ent_iob_ == "I" or i + 1 < len(doc) and doc[i + 1].ent_iob_ == "I"):
            return None  # part of a longer name
        if i + 1 < len(doc) and doc[i + 1].lower_ in PLACE_HEADS:
            return None  # the name of a place ("Gunane village" is no Guyane)
        if i > 0 and not tok.is_sent_start and doc[i - 1].pos_ == "PROPN" and doc[i - 1].text[:1].isupper() \
                and doc[i - 1].whitespace_:
            return None  # the end of a longer name ("South Ossetia")
        key = _normalise(text)
        if key in self.kb.surname_index or english_word(text.lower()):
            return None  # ("Hungry protesters" are no Hungarians)
        found = {}
        for length in (len(key) - 1, len(key), len(key) + 1):
            for known, entry, how in self.fuzzy_keys.get(length, ()):
                if near_spelling(key, known):
                    found.setdefault(entry.id, (entry, how))
        if len(found) != 1:
            return None
        entry, how = next(iter(found.values()))
        try:
            from ..geo import gazetteer
            if gazetteer().lookup(text, None) is not None:
                return None
        except ImportError:  # pragma: no cover
            pass
        if entry.kind == "people":
            # a misspelt people is one the article's countries have ("Chenchen refugees" in a story
            # naming Russia; an "Alewite temple" in Ankara is no Syrian Alawite's)
            named = {e.country for t in doc if t.text[:1].isupper()
                     for e, _ in self.kb.index.get(_normalise(t.text), ()) if e.kind == "country"}
            if not named & set(entry.homes):
                return None
            return self.people_mention(doc, i, i + 1, entry, how)
        return Mention(i, i + 1, entry, how)

    def people_mention(self, doc: Doc, i: int, j: int, entry: Entry, how: str) -> Mention | None:
        """A people's adjective or plural ("Karen guerrillas", "Chechen refugees", "the Kurds")
        stands for the country it lives in (its main one until the article says which): written
        with a capital, and not inside a person's longer name ("Karen Bass"; the model may take the
        word alone for a name: "Karen rebels")."""
        if not doc[i].text[:1].isupper() or not entry.homes:
            return None
        if i > 0 and doc[i - 1].ent_type_ == "PERSON" and doc[i].ent_iob_ == "I" or \
                j < len(doc) and doc[j].ent_type_ == "PERSON" and doc[j].ent_iob_ == "I":
            return None
        country = self.kb.country(entry.homes[0])
        return Mention(i, j, country, how, people=entry) if country is not None else None

    @staticmethod
    def repeated_surnames(doc: Doc, mentions: list[Mention]) -> list[Mention]:
        """A known person named in full once is named by the last name after that ("President
        Jane Roe ... Roe said"), whether or not the base lists the last name alone. Only a
        capitalised proper name not already part of a match, after the full mention, and only
        when one person of the article has that last name."""
        people: dict[str, set] = {}
        first_at: dict[str, int] = {}
        for m in mentions:
            if m.entry.kind != "person" or m.end - m.start < 2:
                continue
            last = doc[m.end - 1]
            if not last.text[:1].isupper():
                continue
            key = last.text.lower()
            people.setdefault(key, set()).add(m.entry.id)
            first_at.setdefault(key, m.end)
        if not people:
            return mentions
        taken = {k for m in mentions for k in range(m.start, m.end)}
        entries = {m.entry.id: m.entry for m in mentions}
        added = []
        for tok in doc:
            key = tok.text.lower()
            if key not in people or len(people[key]) != 1 or tok.i in taken or tok.i < first_at[key] \
                    or tok.pos_ != "PROPN" or not tok.text[:1].isupper():
                continue
            prev = doc[tok.i - 1] if tok.i > 0 else None
            if prev is not None and prev.pos_ == "PROPN" and prev.text[:1].isupper() and prev.lower_ not in NAME_PARTICLES \
                    and prev.i not in taken:
                continue  # "Maria Roe" is another Roe
            added.append(Mention(tok.i, tok.i + 1, entries[next(iter(people[key]))], "name"))
        return sorted(mentions + added, key=lambda m: m.start) if added else mentions

    @staticmethod
    def other_given_name(doc: Doc, i: int, entry: Entry) -> bool:
        """A known person's surname right after a given name none of their names has."""
        if entry.kind != "person" or i == 0:
            return False
        before = doc[i - 1]
        if not (before.ent_type_ == "PERSON" and doc[i].ent_type_ == "PERSON" and before.ent_iob_ != "O"
                and before.pos_ == "PROPN" and before.text[:1].isupper()):
            return False
        # (a spelling of the same given name starts alike: "Volodimir" for "Volodymyr")
        starts = {_normalise(w)[:3] for name in (entry.name, *entry.aliases) for w in name.split()}
        return _normalise(before.text)[:3] not in starts

    @staticmethod
    def second_half_of_double_name(doc: Doc, i: int, entry: Entry, mentions: list[Mention]) -> bool:
        """A known person's surname joined by a hyphen to an unknown capitalised name before it
        ends a double-barrelled name of someone else. A known name before the hyphen makes a
        pair of people instead ("the Putin-Xi summit")."""
        if entry.kind != "person" or i < 2 or doc[i - 1].text not in ("-", "‑") or doc[i - 1].whitespace_ \
                or doc[i - 2].whitespace_ or not doc[i - 2].text[:1].isupper():
            return False
        return not (mentions and mentions[-1].end == i - 1)

    @staticmethod
    def inside_longer_name(doc: Doc, i: int, entry: Entry, mentions: list[Mention]) -> bool:
        """A body's name that continues an unknown proper name before it ("Social | Democratic
        Party") is the end of another name. Not for people (a title comes before a name), nor
        after a known name, a name particle ("al") or a sentence start."""
        if i == 0 or entry.kind in ("person", "country"):
            return False
        prev = doc[i - 1]
        if prev.pos_ != "PROPN" or not prev.text[:1].isupper() or prev.is_sent_start or prev.whitespace_ == "" \
                or prev.lower_ in NAME_PARTICLES or prev.lower_.rstrip(".") in PERSON_TITLES_GOV | PERSON_TITLES_MIL:
            return False
        return not (mentions and mentions[-1].end == i)

    def of_another_country(self, tokens: list[str], j: int, entry: Entry) -> bool:
        """A body's name followed by "of" and another country's name is the start of that
        country's own body's name ("the Democratic Party | of Japan"), not the body known."""
        if entry.kind in ("person", "country") or not entry.country or len(entry.country) != 3 \
                or j + 1 >= len(tokens) or tokens[j] != "of":
            return False
        k = j + 2 if tokens[j + 1].lower() == "the" else j + 1
        for end in range(min(len(tokens), k + 4), k, -1):
            hits = self.kb.index.get(_normalise(" ".join(tokens[k:end]))) if tokens[k][:1].isupper() else None
            countries = {e.country for e, how in hits or () if e.kind == "country" and how == "name"}
            if countries:
                return entry.country not in countries
        return False

    @staticmethod
    def other_acronym(sdoc: Doc, m: Mention, before: Mention | None) -> bool:
        """An acronym in brackets after a name abbreviates that name ("Montenegro Municipality
        Association (AKK)"), whatever else the knowledge base calls by those letters."""
        if m.start < 2 or m.end >= len(sdoc) or sdoc[m.start - 1].text != "(" or sdoc[m.end].text != ")":
            return False
        letters = sdoc[m.start:m.end].text.replace(".", "")
        if not letters.isupper() or not sdoc[m.start - 2].text[:1].isupper():
            return False
        if before is not None and before.end == m.start - 1 and before.entry.kind != "country":
            return before.entry.id != m.entry.id  # the name before is known: the acronym is its
        # the name before is unknown: the acronym is its own only if it spells the name's initials
        # ("International Labor Office (ILO)"), not if it abbreviates some other name ("(AKK)")
        name, k = [], m.start - 2
        while k >= 0 and (sdoc[k].text[:1].isupper() or sdoc[k].lower_ in ("of", "for", "and", "the", "-")):
            name.insert(0, sdoc[k].text)
            k -= 1
        capitals = [w for w in name if w[:1].isupper()]
        if len(capitals) < 2 and m.entry.kind != "person":
            return False  # a description before, not a name: "the peacekeeping force in Lebanon (UNIFIL)"
        initials = "".join(w[0] for w in capitals)
        # (a translated name may order them otherwise: "Islamic Salvation Front (FIS)")
        return sorted(initials[-len(letters):]) != sorted(letters)

    def titled_surname(self, doc: Doc, i: int, date: str | None) -> Mention | None:
        """"President Bush", "King Hassan", "President Omar El Bashir": a name the index does not
        hold whole, after a title, that is the last name of a person who held that title."""
        if not self.kb.surname_index or not doc[i].text[:1].isupper() or i == 0:
            return None
        title = doc[i - 1].lower_.rstrip(".")
        if title not in PERSON_TITLES_GOV and title not in PERSON_TITLES_MIL:
            return None
        j = i
        while j < len(doc) and j - i < 5 and (doc[j].text[:1].isupper() or doc[j].text == "-" or
                                               doc[j].lower_ in NAME_PARTICLES and j + 1 < len(doc)):
            j += 1
        while j > i and not doc[j - 1].text[:1].isupper():
            j -= 1
        words = [t.text for t in doc[i:j] if t.text != "-"]
        entry = self.kb.by_surname(words, title, date) if words else None
        return Mention(i, j, entry, "name") if entry is not None else None


def _lower_alias(hits: list[tuple[Entry, str]], text: str) -> bool:
    """Whether one of the hits is known by these words in lower case ("the multinational
    force"), or is no proper name at all (a country's adjective, a demonym). A capital is a
    name: "the valley" is not The Valley, Anguilla."""
    text = text.lower()
    return any(how not in ("name", "capital") or entry.kind == "country" and how == "name" or any(alias.islower() and alias.lower() == text or
                                                                  alias.lower() == "the " + text for alias in entry.aliases)
               for entry, how in hits)


_ENGLISH: list = []


def english_word(word: str) -> bool:
    """Whether the model's dictionary (the rule lemmatizer's WordNet lists of nouns, verbs,
    adjectives and adverbs) knows ``word`` in lower case. Without a dictionary every word is
    taken for a known one, so nothing is read as a misspelling."""
    if not _ENGLISH:
        tables = []
        try:
            from ..nlp import spacy_model
            lemmatizer = spacy_model().get_pipe("lemmatizer")
            lookups = getattr(getattr(lemmatizer, "inner", lemmatizer), "lookups", None)
            if lookups is not None and lookups.has_table("lemma_index"):
                tables = [words for words in lookups.get_table("lemma_index").values() if isinstance(words, list)]
        except Exception:  # pragma: no cover - no model, or another lemmatizer
            tables = []
        _ENGLISH.append(tables)
    tables = _ENGLISH[0]
    return not tables or any(word in words for words in tables)


def near_spelling(a: str, b: str) -> bool:
    """One letter changed, added or dropped, or two neighbours swapped ("Isreal")."""
    if a == b:
        return False
    if len(a) == len(b):
        diff = [k for k in range(len(a)) if a[k] != b[k]]
        if len(diff) == 2 and diff[1] == diff[0] + 1 and a[diff[0]] == b[diff[1]] and a[diff[1]] == b[diff[0]]:
            return True
    from .kb import _one_edit
    return _one_edit(a, b)


def _best(hits: list[tuple[Entry, str]]) -> tuple[Entry, str]:
    from .kb import _PRIORITY
    return min(hits, key=lambda m: (_PRIORITY.get(m[0].kind, 5), m[1] != "name"))
