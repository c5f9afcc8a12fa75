"""One typed configuration object and one resources object, passed explicitly.

No module-level mutable state: a ``Resources`` instance owns every loaded data
file (actor dictionary, trigger lexicons, temporal words, topics). It loads each
lazily on first use and caches it on the instance, so tests can build their own
``Resources`` over a different data directory.
"""
from __future__ import annotations

import os
import re
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path
from typing import Any

import yaml

PACKAGE_DATA = Path(__file__).parent / "data"
_SafeLoader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def default_db() -> str:
    return os.environ.get("SUKIEN_DB") or "sukien.db"


@dataclass(frozen=True)
class Config:
    db: str = field(default_factory=default_db)
    data_dir: Path = PACKAGE_DATA
    max_bytes: int = 5 * 1024 * 1024          # per input document
    url_timeout: float = 15.0                 # seconds
    url_max_bytes: int = 5 * 1024 * 1024
    near_dup_threshold: float = 0.6           # MinHash Jaccard estimate to link two documents as near-duplicates
    near_dup_num_perm: int = 64
    run_pipeline: bool = True                 # ingest also runs language → events → resolution
    workers: int = 1


_SLOT = re.compile(r"\{([a-z_]+)\}")


def compile_cue(entry: dict) -> re.Pattern:
    """One cue of events/cues.yaml compiled: each ``{slot}`` of its ``pattern`` becomes the
    alternation of that slot's phrases, in order (escaped; a space is a literal space, or any run of
    white space in the slots the entry names ``flexible``)."""
    flexible = set(entry.get("flexible") or ())
    words = entry.get("words") or {}

    def alt(m: re.Match) -> str:
        slot = m.group(1)
        if slot not in words:
            raise ValueError(f"cue pattern slot {{{slot}}} has no word list")
        if slot in flexible:
            return "|".join(r"\s+".join(re.escape(w) for w in p.split()) for p in words[slot])
        return "|".join(re.escape(p) for p in words[slot])

    return re.compile(_SLOT.sub(alt, entry["pattern"]))


class Cues:
    """The grammatical cue lists of events/cues.yaml (docs/LANGUAGE.md "Cue lists"), each compiled
    once: ``cues.welcome`` is the compiled pattern of the entry ``welcome`` (a plain attribute: the
    extraction passes read them in their inner loops)."""

    def __init__(self, entries: dict[str, dict]):
        self.entries = entries
        for name, e in entries.items():
            if name == "entries" or hasattr(type(self), name):
                raise ValueError(f"cue list name {name!r} is reserved")
            setattr(self, name, compile_cue(e))

    @classmethod
    def load(cls, res: "Resources") -> "Cues":
        return cls((res.load_yaml("events/cues.yaml") or {}).get("cues") or {})


class Resources:
    """Loaded language knowledge. Build one per process and pass it down."""

    def __init__(self, config: Config | None = None):
        self.config = config or Config()
        self.data_dir = Path(self.config.data_dir)

    def load_yaml(self, relpath: str) -> Any:
        path = self.data_dir / relpath
        with open(path, encoding="utf-8") as fh:
            # libyaml's C loader is ~10x faster than the pure-Python one (the actor
            # dictionary alone is thousands of nodes); same safe semantics.
            return yaml.load(fh, Loader=_SafeLoader)

    # Each loader lives in the module that owns the knowledge; imported lazily to
    # keep start-up cheap for commands that need none of it.
    @cached_property
    def actors(self):
        from .vi.actors import ActorDB
        return ActorDB.load(self)

    @cached_property
    def temporal(self):
        from .vi.timex import TemporalLexicon
        return TemporalLexicon.load(self)

    @cached_property
    def sentence_scan(self):
        """The prefilter automata of ``vi.analyze`` (built from the temporal, number and
        attribution lexicons)."""
        from .vi.scan import SentenceScan
        return SentenceScan(self)

    @cached_property
    def triggers(self):
        from .extract import TriggerLexicon
        return TriggerLexicon.load(self)

    @cached_property
    def topics(self):
        from .extract import TopicTaxonomy
        return TopicTaxonomy.load(self)

    @cached_property
    def cues(self) -> Cues:
        """The grammatical cue lists of event extraction (events/cues.yaml), compiled once."""
        return Cues.load(self)

    @cached_property
    def scope(self):
        """The scope lexicon of ``extract_scope`` (data/events/scope.yaml)."""
        from .extract_scope import ScopeLexicon
        return ScopeLexicon.load(self)

    @cached_property
    def clean_rules(self):
        from .clean import CleanRules
        return CleanRules.load(self)

    @cached_property
    def display_names(self) -> dict[str, str]:
        """Memo of ``summary.display_name`` (canonical name → how the press writes it): the actor
        dictionary does not change while these resources live."""
        return {}

    @cached_property
    def summary_templates(self) -> dict:
        return self.load_yaml("events/summary.yaml")
