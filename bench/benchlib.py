"""Shared helpers of the bench scripts: load the seed articles cleaned exactly as ingest does."""
from __future__ import annotations

from pathlib import Path

from sukien.clean import clean_document
from sukien.config import Resources
from sukien.models import Document, MetaValue

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_SEEDS = ROOT.parent / "shared" / "corpus" / "seeds"


def load_cleaned(folder: Path, res: Resources, pub_date: str = "2025-05-20") -> list[Document]:
    """The .txt articles of ``folder`` as cleaned Documents (kept segments, boilerplate removed),
    with a fixed publication date so relative dates resolve the same way on every run."""
    docs = []
    for f in sorted(Path(folder).glob("*.txt")):
        doc = Document(doc_id=f.name, text=f.read_text(encoding="utf-8"),
                       pub_date=MetaValue(pub_date, "bench"))
        clean_document(doc, res)
        docs.append(doc)
    return docs
