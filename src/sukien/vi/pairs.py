"""Short country forms of a dash pair ("quan hệ Mỹ – Trung", "hợp tác Việt – Nhật", "thương mại
Mỹ-Trung"): `pair_forms` in data/actors/references.yaml. A form is a country only next to a dash
whose other side is a country mention or another pair form; alone it is nothing ("miền Trung")."""
from __future__ import annotations

import re
from typing import TYPE_CHECKING

from ..models import ActorMention

if TYPE_CHECKING:
    from ..models import Sentence
    from .actordb import ActorDB

_DASH_BEFORE = re.compile(r"\s*[-–—]\s*$")
_DASH_AFTER = re.compile(r"\s*[-–—]\s*")
_GAP = 3          # at most this many characters around the dash ("Mỹ – Trung")


def _lexicon(db: ActorDB) -> tuple[re.Pattern | None, dict[str, str]]:
    cached = getattr(db, "_pair_forms", None)
    if cached is not None:
        return cached
    forms = {}
    for e in (db.refs.get("pair_forms") or []):
        a = db.by_canonical.get(e.get("country"))
        if a is not None and e.get("form"):
            forms[e["form"]] = a.name
    rx = re.compile(r"(?<!\w)(?:%s)(?!\w)" % "|".join(map(re.escape, sorted(forms, key=len, reverse=True)))) \
        if forms else None
    db._pair_forms = (rx, forms)
    return db._pair_forms


def add_pair_forms(db: ActorDB, text: str, sent: Sentence) -> None:
    """Add the country mentions of the pair forms of one sentence to ``sent.actors`` (in place)."""
    rx, forms = _lexicon(db)
    if rx is None or not sent.text or not any(d in sent.text for d in "-–—"):
        return
    acts = sent.actors
    cands = [m for m in rx.finditer(text, sent.start, sent.end)
             if not any(x.start < m.end() and m.start() < x.end for x in acts)]
    if not cands:
        return
    countries = [x for x in acts if x.kind == "country"]

    def joined(a_end: int, b_start: int) -> bool:
        g = text[a_end:b_start]
        return 0 < len(g) <= _GAP and _DASH_AFTER.fullmatch(g) is not None

    added = []
    for m in cands:
        near = [x for x in countries if joined(x.end, m.start()) or joined(m.end(), x.start)]
        near += [o for o in cands if o is not m and (joined(o.end(), m.start()) or joined(m.end(), o.start()))]
        if not near:
            continue
        name = forms[m.group(0)]
        a = db.by_canonical[name]
        added.append(ActorMention(start=m.start(), end=m.end(), text=m.group(0), actor_id=a.id, name=name,
                                  kind="country", via="alias", country=name, confidence=0.85))
    if added:
        sent.actors = sorted(acts + added, key=lambda x: (x.start, x.end))


__all__ = ["add_pair_forms"]
