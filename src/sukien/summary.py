"""One-line Vietnamese summaries of canonical events; the templates are data
(``data/events/summary.yaml``)."""
from __future__ import annotations

import re
from typing import Any

_FIELD = re.compile(r"\{(\w+)\}")


def _templates(res) -> dict:
    if res is None:
        from .config import Resources
        res = Resources()
    return res.summary_templates


def display_name(name: str, res=None) -> str:
    """How the Vietnamese press writes a canonical actor: a country, a place or an institution by
    its first alias in the dictionary ("Nga", "Nhà Trắng", "Điện Kremlin"), a Vietnamese person with
    diacritics ("Tô Lâm"); other names as they are."""
    if res is None:
        return name
    memo = getattr(res, "display_names", None)    # Resources keeps one per run (a test double may not)
    if memo is not None and name in memo:
        return memo[name]
    shown = _display_name(name, res)
    if memo is not None:
        memo[name] = shown
    return shown


def _display_name(name: str, res) -> str:
    actor = res.actors.by_name(name)          # None when the dictionary does not know the name
    if actor is None:
        return _body_of_country(name, res)
    if getattr(actor, "name", None) != name:
        return name
    aliases = list(getattr(actor, "aliases", None) or [])
    if getattr(actor, "kind", None) != "person" and aliases:
        return aliases[0]      # a country, a place, an institution: its first (Vietnamese) alias
    from .textnorm import ascii_name
    for a in aliases:
        if a != name and ascii_name(a).lower() == name.lower():
            return a
    return name


def _join(names: list[str], t: dict) -> str:
    if len(names) <= 1:
        return "".join(names)
    return t.get("list_separator", ", ").join(names[:-1]) + t["joiner"] + names[-1]


def _date_phrase(date: str | None, fmts: dict) -> str | None:
    if not date:
        return None
    parts = [int(p) for p in date.split("-")]
    if len(parts) == 3:
        return fmts["day"].format(y=parts[0], m=parts[1], d=parts[2])
    if len(parts) == 2:
        return fmts["month"].format(y=parts[0], m=parts[1])
    return fmts["year"].format(y=parts[0])


def _fill(template: str, values: dict[str, Any]) -> str | None:
    names = _FIELD.findall(template)
    if any(values.get(n) in (None, "", []) for n in names):
        return None
    return _FIELD.sub(lambda m: str(values[m.group(1)]), template)


def _num(v: Any) -> str:
    if isinstance(v, float) and v.is_integer():
        v = int(v)
    return f"{v}"


def summarize(ev: dict, res=None) -> str:
    """E.g. "Vladimir Putin và Donald Trump điện đàm, ngày 18/03/2025, kéo dài 150 phút"."""
    t = _templates(res)
    names = [display_name(p, res) for p in ev.get("participants") or []]
    values: dict[str, Any] = {
        "participants": _join(names, t) if names else t["fallback_participants"],
        "date": _date_phrase(ev.get("date"), t["date_formats"]),
        "location": display_name(ev["location"], res) if ev.get("location") else None,
        "duration": _num(ev["duration_minutes"]) if ev.get("duration_minutes") else None,
        "ordinal": ev.get("ordinal"),
    }
    for k, v in (ev.get("quantities") or {}).items():
        values[f"q_{k}"] = _num(v)
    per_type = t["types"].get(ev.get("type") or "other") or t["types"]["other"]
    options = per_type.get(ev.get("status") or "occurred") or per_type.get("occurred") or []
    head = next((s for s in (_fill(o["template"], values) for o in options) if s), None)
    if head is None:
        head = values["participants"]
    parts = [head] + [s for s in (_fill(f["template"], values) for f in t.get("fragments") or []) if s]
    return t["separator"].join(parts)


def _body_of_country(name: str, res) -> str:
    """A body named with its country ("National Assembly of Laos", "Ministry of Foreign Affairs of
    Japan": ``vi.actors._org_of_country``) as the press writes it: the body's shortest Vietnamese
    alias and the country's ("Quốc hội Lào", "Bộ Ngoại giao Nhật Bản"); other names as they are."""
    head, sep, tail = name.rpartition(" of ")
    actors = getattr(res.actors, "actors", None)
    if not sep or not head or actors is None or res.actors.country_of(name) != tail:
        return name
    body = res.actors.by_name(head)
    aliases = list(getattr(body, "aliases", None) or []) if body is not None and body.name == head else \
        [al for a in actors.values() if getattr(a, "of_country", None) == head for al in a.aliases]
    country = res.actors.by_name(tail)
    if not aliases or country is None or not country.aliases:
        return name
    return f"{min(aliases, key=len)} {country.aliases[0]}"
