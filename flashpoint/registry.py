"""Where stages and shared resources are looked up by name.

Modelled on spaCy's registry: a stage module registers a factory under a name
(``@registry.stages.register("geo")``); the pipeline builds its stages by name from the
configuration. Resources (the spaCy model, the actor knowledge base, the gazetteer, the
trigger lexicon) are loaded once per process and shared by every stage and document.
Third-party packages can add stages through the ``flashpoint.plugins`` entry point group:
importing the module is enough for its ``register`` calls to take effect.
"""
from __future__ import annotations

import threading
from importlib.metadata import entry_points
from typing import Any, Callable


class Registry:
    def __init__(self, kind: str):
        self.kind = kind
        self._items: dict[str, Callable[..., Any]] = {}

    def register(self, name: str):
        def wrap(func):
            self._items[name] = func
            return func
        return wrap

    def get(self, name: str) -> Callable[..., Any]:
        if name not in self._items:
            load_plugins()
        if name not in self._items:
            known = ", ".join(sorted(self._items)) or "none"
            raise KeyError(f"no {self.kind} named {name!r} is registered (known: {known})")
        return self._items[name]

    def names(self) -> list[str]:
        return sorted(self._items)


class Resources:
    """Lazily built, process-wide singletons keyed by name and arguments."""

    def __init__(self):
        self._factories: dict[str, Callable[..., Any]] = {}
        self._cache: dict[tuple, Any] = {}
        self._lock = threading.Lock()

    def register(self, name: str):
        def wrap(func):
            self._factories[name] = func
            return func
        return wrap

    def get(self, name: str, *args: Any) -> Any:
        key = (name, *args)
        with self._lock:
            if key not in self._cache:
                if name not in self._factories:
                    raise KeyError(f"no resource named {name!r} is registered")
                self._cache[key] = self._factories[name](*args)
            return self._cache[key]

    def clear(self) -> None:
        with self._lock:
            self._cache.clear()


stages = Registry("pipeline stage")
readers = Registry("input reader")
exporters = Registry("export format")
resources = Resources()

_plugins_loaded = False


def load_plugins() -> None:
    global _plugins_loaded
    if _plugins_loaded:
        return
    _plugins_loaded = True
    for ep in entry_points(group="flashpoint.plugins"):
        ep.load()
