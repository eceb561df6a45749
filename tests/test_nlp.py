"""The nlp stage: only candidate sentences are parsed; one Doc per article in the original order."""
from __future__ import annotations

import json
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SEED = (ROOT / ".." / "shared" / "seed" / "iraq-coalition-2024-01-05.txt").resolve()
GSR = (ROOT / ".." / "shared" / "peers" / "plover_gsr" / "PLOVER_GSR_CAMEO.json").resolve()


@pytest.fixture(scope="module")
def stages():
    from flashpoint.config import Settings
    from flashpoint.pipeline import Pipeline
    return Pipeline(Settings(parse_only_candidates=True)), Pipeline(Settings(parse_only_candidates=False))


def _events(pipeline, text, **meta):
    doc = pipeline(text, **meta)
    return doc, doc.event_dicts()


def test_inflections():
    from flashpoint.nlp import inflections
    assert {"attack", "attacks", "attacked", "attacking"} <= inflections("attack")
    assert {"seized", "seizing"} <= inflections("seize")
    assert {"shot", "shooting"} <= inflections("shoot")
    assert {"occupied", "occupies"} <= inflections("occupy")
    assert {"kidnapped", "kidnapping"} <= inflections("kidnap")
    assert "militiamen" in inflections("militiaman")


def test_candidate_test():
    from flashpoint.nlp import spacy_model
    from flashpoint.nlp import candidate_test
    nlp, test = spacy_model(), candidate_test()
    assert test(nlp.make_doc("Russian troops shelled Kharkiv."))
    assert test(nlp.make_doc("They attacked the base."))  # a pronoun can name the actor
    assert not test(nlp.make_doc("The weather was mild and the markets were calm."))
    assert not test(nlp.make_doc("Sales attacked records, analysts say."[:0] + "the price went up."))
    # all words of a multi-word trigger must be there ("set fire", not just "set")
    assert not test(nlp.make_doc("The President set the agenda."))
    # a statement that calls something a crime is an accusation without a trigger
    assert test(nlp.make_doc("Iran said it was a crime."))


def test_sentence_split_keeps_paragraph_breaks():
    from flashpoint.nlp import spacy_model, split_sentences
    doc = spacy_model().make_doc("BAGHDAD\n\nIraqi forces attacked the base. Nobody knew! Why?\nA new line")
    sents = [doc[s:e].text.strip() for s, e in split_sentences(doc)]
    assert sents == ["BAGHDAD", "Iraqi forces attacked the base.", "Nobody knew!", "Why?", "A new line"]


def test_one_doc_original_order(stages):
    on, _ = stages
    text = ("Headline about nothing\n\nIraqi forces attacked the base near Mosul.  The weather was fine.  "
            "The United States condemned the attack.\nThe end")
    doc, events = _events(on, text)
    assert doc.spacy_doc.text == doc.text
    sents = [s.text for s in doc.spacy_doc.sents]
    assert [s.strip() for s in sents] == ["Headline about nothing", "Iraqi forces attacked the base near Mosul.",
                     "The weather was fine.", "The United States condemned the attack.", "The end"]
    # skipped sentences have tokens but no tags; parsed ones have tags
    assert all(t.pos_ == "" for t in doc.spacy_doc.sents.__iter__().__next__())
    assert {e["sentence_index"] for e in events} <= {1, 3}
    for e in events:
        assert e["sentence"] == sents[e["sentence_index"]].rstrip()  # (records drop trailing blank lines)
        trig = e["trigger"]
        assert e["sentence"][trig["start"]:trig["end"]] == trig["text"]
    assert {e["event_type"] for e in events} >= {"ASSAULT", "ACCUSE"}


def test_no_events_from_skipped_sentences(stages):
    on, _ = stages
    doc, events = _events(on, "The weather was mild. The markets were calm.")
    assert events == [] and len(list(doc.spacy_doc.sents)) == 2


def _key(e):
    return (e["sentence"].strip(), e["trigger"]["text"], e["event_type"], e["negated"], e["hypothetical"])


def test_seed_same_events_with_and_without_filter(stages):
    """The same events; actors may differ only where a skipped sentence held the antecedent."""
    from flashpoint.ingest import read_inputs
    on, off = stages
    [article] = list(read_inputs([str(SEED)], published="2024-01-05"))
    a = next(iter(on.pipe([article]))).event_dicts()
    b = next(iter(off.pipe([article]))).event_dicts()
    assert sorted(map(_key, a)) == sorted(map(_key, b))
    codes = lambda evs: {(_key(e), (e["source"] or {}).get("code"), (e["target"] or {}).get("code")) for e in evs}
    assert len(codes(a) & codes(b)) >= 0.9 * len(b)


def test_no_trigger_form_missed():
    """Every token the lexicon matches in a full parse of real sentences is a trigger form."""
    from flashpoint.config import Settings
    from flashpoint.events.lexicon import lexicon
    from flashpoint.nlp import candidate_test, spacy_model
    nlp, lex, test = spacy_model(Settings()), lexicon(), candidate_test()
    texts = [SEED.read_text(encoding="utf-8")]
    if GSR.exists():
        texts += [r.get("text") or "" for r in json.loads(GSR.read_text(encoding="utf-8"))][:400]
    missed = set()
    for doc in nlp.pipe(texts):
        for tok in doc:
            if lex.match(tok) is not None and tok.lower_ not in test.base_of:
                missed.add(tok.lower_)
    assert not missed


def test_verbless_trigger_sentence_terminates(stages):
    """A trigger in a sentence without a verb (a list item, a headline) is coded, not looped on."""
    on, off = stages
    text = ("Suicide bomber kills six in Bagram.\n\n==See also==* Air Force Office of Special Investigations* "
            "U.S. attack on the Taliban")
    for pipeline in (on, off):
        doc, events = _events(pipeline, text, published="2015-12-21")
        assert doc.spacy_doc.text == doc.text


def plain_model():
    """The model as spaCy ships it, without flashpoint's memoised components."""
    import importlib

    from flashpoint.config import Settings
    for name in Settings().spacy_models:
        try:
            return importlib.import_module(name).load()
        except ImportError:
            continue
    raise AssertionError("no English spaCy model installed")


def test_memo_lemmatizer_same_lemmas():
    from flashpoint.config import Settings
    from flashpoint.nlp import spacy_model
    fast = spacy_model(Settings())
    assert type(fast.get_pipe("lemmatizer")).__name__ == "MemoLemmatizer"
    ref = plain_model()
    texts = [SEED.read_text(encoding="utf-8"), "Troops were killed; militias fled, rebels are fleeing. Better days."]
    for a, b in zip(ref.pipe(texts), fast.pipe(texts * 2)):
        assert [t.lemma_ for t in a] == [t.lemma_ for t in b]


def test_memo_attribute_ruler_same_annotations():
    """The memoised attribute ruler sets the tags, parts of speech, morphology, lemmas and labels
    spaCy's own ruler sets on the same parsed text (two-token patterns too: "there 's", "n't")."""
    from flashpoint.config import Settings
    from flashpoint.nlp import MemoAttributeRuler, spacy_model
    assert type(spacy_model(Settings()).get_pipe("attribute_ruler")) is MemoAttributeRuler
    ref = plain_model()
    ruler = ref.get_pipe("attribute_ruler")
    fast = MemoAttributeRuler().use(ref.vocab.strings, MemoAttributeRuler.rules_of(ruler))
    texts = [SEED.read_text(encoding="utf-8"), "There's no doubt they didn't go.  \n\n There are gets and got. Nothin' y'all"]
    with ref.select_pipes(enable=["tok2vec", "tagger", "parser"]):
        parsed = list(ref.pipe(texts))
    for doc in parsed:
        a, b = ruler(doc.copy()), fast(doc.copy())
        assert [(t.tag_, t.pos_, str(t.morph), t.lemma_, t.dep_) for t in a] == \
               [(t.tag_, t.pos_, str(t.morph), t.lemma_, t.dep_) for t in b]
