"""Isolated access to underthesea (optional; not used in the hot path).

underthesea keeps its models and datasets under ``UNDERTHESEA_FOLDER``, computed at import time as
``~/.underthesea``. Before the first import we point it at a project-local folder (env
``UNDERTHESEA_FOLDER`` / ``HOME_UNDERTHESEA`` if set, else ``<repo>/.underthesea``) and patch the
module constants after import, so an accidental model download can never write outside the
project. Only ``sent_tokenize``, ``word_tokenize`` and ``pos_tag`` are exposed: classify, sentiment,
lang_detect, dependency_parse and ner download models and must never be called.
"""
from __future__ import annotations

import os
import sys
from pathlib import Path
from typing import Any

_ALLOWED = ("sent_tokenize", "word_tokenize", "pos_tag")


def underthesea_folder() -> Path:
    env = os.environ.get("UNDERTHESEA_FOLDER") or os.environ.get("HOME_UNDERTHESEA")
    if env:
        return Path(env)
    # src/sukien/vi/segment.py -> repository root (three levels above the package)
    return Path(__file__).resolve().parents[3] / ".underthesea"


def _import_underthesea() -> Any:
    folder = str(underthesea_folder())
    # file_utils computes expanduser("~/.underthesea") at import but creates nothing there;
    # the fetchers read the module constants at call time, so patching them isolates underthesea.
    import underthesea
    import underthesea.file_utils as fu
    values = {"UNDERTHESEA_FOLDER": folder, "DATASETS_FOLDER": os.path.join(folder, "datasets"),
              "MODELS_FOLDER": os.path.join(folder, "models")}
    for k, v in values.items():
        setattr(fu, k, v)
    # modules that already did "from underthesea.file_utils import UNDERTHESEA_FOLDER" keep their own
    # copy: patch every loaded underthesea module (later imports read the patched file_utils)
    for name, mod in list(sys.modules.items()):
        if name.startswith("underthesea") and mod is not None:
            for k, v in values.items():
                if isinstance(getattr(mod, k, None), str):
                    setattr(mod, k, v)
    return underthesea


def _fn(name: str):
    if name not in _ALLOWED:
        raise ValueError(f"underthesea.{name} is not allowed in sukien (it may download models)")
    return getattr(_import_underthesea(), name)


def sent_tokenize(text: str) -> list[str]:
    return _fn("sent_tokenize")(text)


def word_tokenize(text: str, format: str | None = None):
    return _fn("word_tokenize")(text, format=format) if format else _fn("word_tokenize")(text)


def pos_tag(text: str):
    return _fn("pos_tag")(text)


__all__ = ["sent_tokenize", "word_tokenize", "pos_tag", "underthesea_folder"]
