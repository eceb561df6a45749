"""The trigger lexicon and cue lists (data/triggers.tsv, data/cues.tsv), loaded once."""
from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from spacy.tokens import Token

from ..config import data_path

PLOVER_TYPES = {"AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST", "ACCUSE",
                "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT"}
# dependency labels along which the later words of a phrase are looked for
PHRASE_DEPS = {"prt", "prep", "dobj", "pobj", "compound", "amod", "advmod", "dative", "npadvmod", "xcomp"}


def lemmas(token: Token) -> tuple[str, ...]:
    """The token's lemma, its lower-case form, and crude de-inflections: the small model's
    lemmatizer misses some forms ("staged" → "stag")."""
    return _lemmas(token.lemma_, token.lower_)


@lru_cache(maxsize=1 << 16)  # asked for every noun and verb of every parsed sentence
def _lemmas(lemma: str, low: str) -> tuple[str, ...]:
    out = [lemma.lower(), low]
    if lemma.lower() == low:  # an irregular form the lemmatizer left as it is ("forgave")
        out.extend(_irregular_base().get(low, ()))
    for suffix, repl in (("ied", "y"), ("ies", "y"), ("ed", ""), ("ed", "e"), ("es", ""), ("s", ""), ("ing", ""),
                         ("ing", "e")):
        if low.endswith(suffix) and len(low) > len(suffix) + 2:
            out.append(low[: -len(suffix)] + repl)
    return tuple(dict.fromkeys(out))


@lru_cache(maxsize=1)
def _irregular_base() -> dict[str, tuple[str, ...]]:
    from ..nlp import IRREGULAR
    out: dict[str, tuple[str, ...]] = {}
    for base, forms in IRREGULAR.items():
        for form in forms:
            out[form] = out.get(form, ()) + (base,)
    return out


class LexiconError(ValueError):
    pass


@dataclass(frozen=True)
class Trigger:
    phrase: tuple[str, ...]
    pos: str  # "V" or "N"
    event_type: str
    mode: str | None
    cameo: str | None
    targets: tuple[str, ...]
    flags: frozenset[str]
    origin: str

    @property
    def text(self) -> str:
        return " ".join(self.phrase)


class Lexicon:
    def __init__(self, triggers: list[Trigger], cues: dict[str, dict[str, str]]):
        self.by_head: dict[tuple[str, str], list[Trigger]] = {}
        for t in triggers:
            self.by_head.setdefault((t.phrase[0], t.pos), []).append(t)
        for items in self.by_head.values():
            items.sort(key=lambda t: -len(t.phrase))
        self.cues = cues
        self.heads = {w for w, _ in self.by_head}

    @classmethod
    def load(cls, paths: list[Path] | None = None) -> "Lexicon":
        paths = paths or [data_path("events", "data", "triggers.tsv")]
        triggers = [t for p in paths for t in read_triggers(p)]
        return cls(triggers, read_cues(data_path("events", "data", "cues.tsv")))

    def cue(self, kind: str) -> dict[str, str]:
        return self.cues.get(kind, {})

    def match(self, token: Token) -> tuple[Trigger, list[Token]] | None:
        """The longest lexicon phrase headed by ``token``, with the tokens it covers."""
        pos = "V" if token.pos_ == "VERB" or headline_verb(token) else \
            "N" if token.pos_ in ("NOUN", "PROPN") else None
        if pos is None:
            return None
        for key in lemmas(token):
            for trig in self.by_head.get((key, pos), ()):
                covered = _cover(token, trig.phrase[1:], self.cue("partitive"))
                if covered is not None:
                    return trig, [token, *covered]
        return None


def _cover(head: Token, words: tuple[str, ...], partitive=()) -> list[Token] | None:
    """Find each further word of a phrase below the head (children or grandchildren)."""
    found: list[Token] = []
    anchor = head
    for word in words:
        hit = None
        # (an object may be coordinated: "exchanged artillery and mortar fire")
        objects = [cj for c in anchor.children if c.dep_ in ("dobj", "pobj") for cj in c.conjuncts]
        # (a part or an amount of a thing stands for it: "suspended parts of the constitution")
        objects += [g for c in anchor.children if c.dep_ == "dobj" and c.lemma_.lower() in partitive
                    for p in c.children if p.dep_ == "prep" and p.lower_ == "of" for g in p.children if g.dep_ == "pobj"]
        if anchor is head:  # (a passive subject is the object: "mobile internet has been cut")
            objects += [c for c in head.children if c.dep_ == "nsubjpass"]
        # (not the words of a clause joined to it: "halt the fighting and hold talks" is no "halt
        # talks"; nor a word below a preposition the phrase does not name: "opened an inquiry into
        # the fire" is no "open fire")
        below = [g for c in anchor.children if c.dep_ not in ("conj", "advcl", "xcomp", "ccomp", "prep")
                 for g in c.children]
        for child in list(anchor.children) + below + objects:
            if (child.dep_ in PHRASE_DEPS or child in objects) and word in (child.lemma_.lower(), child.lower_) and not (
                    child.dep_ == "prep" and all(g.ent_type_ in ("DATE", "TIME") for g in child.children)):
                hit = child
                break
        if hit is None:
            return None
        found.append(hit)
        anchor = hit if hit.dep_ not in ("compound", "prt") else anchor  # (a particle has no words below it)
    return found


def read_triggers(path: Path) -> list[Trigger]:
    out = []
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip() or line.startswith("#"):
            continue
        cols = line.split("\t")
        where = f"{path}:{number}"
        if len(cols) < 6:
            raise LexiconError(f"{where}: expected 7 tab-separated columns, found {len(cols)}")
        cols += [""] * (7 - len(cols))
        phrase, pos, etype, mode, cameo, targets, flags = cols[:7]
        if pos not in ("V", "N"):
            raise LexiconError(f"{where}: pos must be V or N, not {pos!r}")
        if etype not in PLOVER_TYPES:
            raise LexiconError(f"{where}: {etype!r} is not a PLOVER event type")
        words = phrase.lower().split()
        if pos == "N" and len(words) > 1:
            # a noun phrase is written as said ("hunger strike"); its head is the last word, or
            # the word before "of" ("state of emergency")
            head = words.index("of") - 1 if "of" in words[1:] else len(words) - 1
            words = [words[head], *words[:head], *words[head + 1:]]
        out.append(Trigger(tuple(words), pos, etype, mode or None, cameo or None,
                           tuple(t for t in targets.split(",") if t and t != "none"),
                           frozenset(f for f in flags.split(",") if f), where))
    return out


def read_cues(path: Path) -> dict[str, dict[str, str]]:
    cues: dict[str, dict[str, str]] = {}
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip() or line.startswith("#"):
            continue
        cols = line.split("\t")
        if len(cols) < 2:
            raise LexiconError(f"{path}:{number}: expected `kind<TAB>word[<TAB>value]`")
        cues.setdefault(cols[0], {})[cols[1].lower()] = cols[2] if len(cols) > 2 else ""
    return cues


@lru_cache(maxsize=4)
def lexicon(extra: tuple[str, ...] = ()) -> Lexicon:
    paths = [data_path("events", "data", "triggers.tsv"), *map(Path, extra)]
    return Lexicon.load(paths)


def headline_verb(token: Token) -> bool:
    """"Haitian police disperse protest": in a headline the tagger may take the verb for a noun,
    yet parse it as the root with a subject and an object; such a root is a verb."""
    # (an adjective takes no object: "Taliban free 20 prisoners" is a verb too)
    # (nor does a noun: "Roadside bomb wounds four soldiers", the root with an object, is a verb)
    return token.pos_ in ("NOUN", "ADJ") and token.dep_ == "ROOT" and (
        any(c.dep_ == "nsubj" for c in token.children)
        and any(c.dep_ == "dobj" or c.dep_ == "prep" and token.pos_ == "NOUN" for c in token.children)
        or token.pos_ == "NOUN" and any(c.dep_ == "dobj" for c in token.children)
        and any(c.dep_ == "compound" and c.i < token.i for c in token.children))

