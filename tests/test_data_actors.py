"""Validation of every actor data file (package data and the test fixtures) and of
data/vi/attribution.yaml: NFC, unique ids, no undeclared shared aliases, an example containing an
alias for every entry, valid dated roles."""
from __future__ import annotations

import re
import unicodedata
from datetime import date
from pathlib import Path

import pytest
import yaml

from sukien.config import PACKAGE_DATA
from sukien.textnorm import match_form

HERE = Path(__file__).parent
ROLE_IDS = {"head_of_state", "head_of_government", "foreign_minister", "party_general_secretary",
            "defense_minister", "crown_prince", "national_security_advisor", "envoy", "spokesperson",
            "presidential_aide", "deputy_head_of_security_council", "cia_director", "secretary_general",
            "pope", "vice_president", "parliament_speaker", "senate_president", "trade_minister",
            "trade_representative"}
INST_KINDS = {"government", "organization", "armed_group", "media"}
PLACE_KINDS = {"city", "region", "sea", "venue"}
ID_RE = re.compile(r"^[a-z0-9]+(_[a-z0-9]+)*$")
DIRS = [PACKAGE_DATA / "actors", HERE / "data" / "actors"]


def _load(d: Path, name: str):
    p = d / name
    if not p.exists():
        return None
    return yaml.safe_load(p.read_text(encoding="utf-8"))


def _strings(x):
    if isinstance(x, str):
        yield x
    elif isinstance(x, dict):
        for k, v in x.items():
            yield from _strings(k)
            yield from _strings(v)
    elif isinstance(x, list):
        for v in x:
            yield from _strings(v)


def _mf(s: str) -> str:
    return match_form(s).text.strip()


def _contains(example: str, alias: str) -> bool:
    return _mf(alias) in _mf(example)


def _iso(v) -> date:
    assert isinstance(v, str) and re.fullmatch(r"\d{4}-\d{2}-\d{2}", v), f"not an ISO date string: {v!r}"
    return date.fromisoformat(v)


@pytest.mark.parametrize("d", DIRS, ids=["package", "fixture"])
def test_files_are_nfc_utf8(d):
    for p in list(d.glob("*.yaml")) + ([PACKAGE_DATA / "vi" / "attribution.yaml"] if d == DIRS[0] else []):
        raw = p.read_text(encoding="utf-8")
        assert unicodedata.is_normalized("NFC", raw), f"{p} is not NFC"
        for s in _strings(yaml.safe_load(raw)):
            assert unicodedata.is_normalized("NFC", s)


@pytest.mark.parametrize("d", DIRS, ids=["package", "fixture"])
def test_entries_ids_aliases_examples(d):
    refs = _load(PACKAGE_DATA / "actors", "references.yaml")
    declared = {_mf(a["alias"]): a["prefer"] for a in refs.get("ambiguous_aliases") or []}
    owners: dict[str, set[str]] = {}
    ids: set[str] = set()
    countries = _load(d, "countries.yaml") or []
    country_names = {c["name"] for c in countries}
    # a role may be held in an organization ("secretary_general" of the United Nations)
    role_scopes = country_names | {i["name"] for i in _load(PACKAGE_DATA / "actors", "institutions.yaml") or []}
    for fname in ("countries.yaml", "people.yaml", "institutions.yaml", "places.yaml"):
        entries = _load(d, fname)
        if entries is None:
            continue
        assert isinstance(entries, list), fname
        for e in entries:
            where = f"{fname}:{e.get('id')}"
            assert ID_RE.match(e["id"]), where
            assert e["id"] not in ids, f"duplicate id {where}"
            ids.add(e["id"])
            assert e.get("name"), where
            aliases = list(e.get("aliases") or [])
            forms = aliases + list(e.get("capitals") or []) + list(e.get("demonyms") or [])
            assert aliases, f"{where}: no aliases"
            seen = set()
            for a in forms:
                k = _mf(a)
                assert k, where
                # exact repeats are errors; case/tone variants of one alias are redundant but harmless
                assert a not in seen, f"{where}: duplicate alias {a!r}"
                seen.add(a)
                owners.setdefault(k, set()).add(e["id"])
            ex = e.get("example") or ""
            assert any(_contains(ex, a) for a in forms), f"{where}: example lacks an alias: {ex!r}"
            if fname == "institutions.yaml":
                assert e["kind"] in INST_KINDS, where
            if fname == "places.yaml":
                assert e["kind"] in PLACE_KINDS, where
            if fname in ("institutions.yaml", "places.yaml", "people.yaml") and country_names and e.get("country"):
                if d == DIRS[0] or fname == "people.yaml":
                    assert e["country"] in role_scopes, f"{where}: unknown country {e['country']!r}"
            if fname == "people.yaml":
                for r in e.get("roles") or []:
                    assert r["role"] in ROLE_IDS, f"{where}: role {r['role']}"
                    f = _iso(r["from"]) if r.get("from") is not None else None
                    t = _iso(r["to"]) if r.get("to") is not None else None
                    if f and t:
                        assert f <= t, f"{where}: from > to"
                    if country_names and r.get("country"):
                        assert r["country"] in role_scopes, f"{where}: role country {r['country']!r}"
    shared = {k: v for k, v in owners.items() if len(v) > 1}
    undeclared = {k: v for k, v in shared.items() if declared.get(k) not in v}
    assert not undeclared, f"aliases shared by several entries, not declared in references.yaml: {undeclared}"


def test_roles_yaml():
    roles = _load(PACKAGE_DATA / "actors", "roles.yaml")
    seen = set()
    for r in roles:
        assert r["role"] in ROLE_IDS, r
        k = _mf(r["title"])
        assert k not in seen, f"duplicate title {r['title']}"
        assert r.get("elect") in (None, True), r
        seen.add(k)
        assert _contains(r["example"], r["title"]), r


def test_references_yaml():
    refs = _load(PACKAGE_DATA / "actors", "references.yaml")
    for p in refs["phrases"]:
        assert p["resolve"]["role"] in ROLE_IDS
        assert _contains(p["example"], p["text"]), p
    for p in refs["country_patterns"]:
        assert p["resolve"] in ("leader", "counterpart", "country", "leadership")
        assert _contains(p["example"], p["prefix"]), p
    for g in refs["groups"]:
        assert g["members"] in ("persons", "countries", "parties")
        assert all(r in ROLE_IDS for r in g.get("roles") or [])
        assert _contains(g["example"], g["text"]), g
    for p in refs["pronouns"]:
        assert _contains(p["example"], p["text"]), p
    for h in refs.get("host") or []:
        assert _contains(h["example"], h["text"]), h
    # "<form> <country>" (Cộng hòa Indonesia): capitalized forms, each with an example
    for f in refs["state_forms"]:
        assert f["text"][:1].isupper() and _contains(f["example"], f["text"]), f
    for v in refs["pair_verbs"]:
        assert v["text"] == _mf(v["text"]) and _contains(v["example"], v["text"]), v
    for a in refs["ambiguous_aliases"]:
        assert _contains(a["example"], a["alias"]), a
    for k, v in refs["leader_roles"].items():
        assert v in ROLE_IDS, k
    # stop words and cues are compared in lower case on the fast path
    for w in refs["candidate_stopwords"]:
        assert w == w.lower() == _mf(w)
    for kind, cues in refs["candidate_cues"].items():
        assert kind in ("person", "organization", "place")
        for c in cues:
            assert c == _mf(c)
    for c in refs["credit_cues"]:
        assert c["text"] == _mf(c["text"]) and _contains(c["example"], c["text"]) and ":" in c["example"], c
    for key in ("non_party_cues", "conflict_cues", "org_name_heads"):
        assert refs[key] and all(w == _mf(w) for w in refs[key]), key
    assert set(refs["org_name_heads"]) <= set(refs["candidate_cues"]["organization"])
    assert 5 <= refs["historical_after_years"] <= 50 and 0 < refs["historical_confidence"] < 0.6
    # venues ("tại", "thăm chính thức"), unlisted offices ("tướng", "thứ trưởng") and the
    # predecessor / successor phrases ("người tiền nhiệm")
    assert refs["venue_cues"] and any(v.get("at") for v in refs["venue_cues"])
    for v in refs["venue_cues"]:
        assert v["text"] == _mf(v["text"]) and _contains(v["example"], v["text"]) and v.get("at") in (None, True), v
    assert refs["unlisted_offices"] and all(w == _mf(w) for w in refs["unlisted_offices"])
    titles = {_mf(r["title"]) for r in _load(PACKAGE_DATA / "actors", "roles.yaml")}
    assert not titles & set(refs["unlisted_offices"]), "an office with dated holders is not unlisted"
    for r in refs["relations"]:
        assert r["relation"] in ("predecessor", "successor") and _contains(r["example"], r["text"]), r


def test_package_roles_of_japan_give_the_predecessor():
    """people.yaml: the dated roles that "người tiền nhiệm của bà" (Takaichi) needs: Ishiba until the
    day Takaichi took office (``to`` is exclusive), Kishida before him."""
    people = {e["id"]: e for e in _load(PACKAGE_DATA / "actors", "people.yaml")}
    ishiba = [r for r in people["shigeru_ishiba"]["roles"] if r["role"] == "head_of_government"]
    takaichi = [r for r in people["sanae_takaichi"]["roles"] if r["role"] == "head_of_government"]
    kishida = [r for r in people["fumio_kishida"]["roles"] if r["role"] == "head_of_government"]
    assert [(r["from"], r["to"]) for r in ishiba] == [("2024-10-01", "2025-10-21")]
    assert takaichi[0]["from"] == "2025-10-21" and takaichi[0]["to"] is None
    assert kishida[-1]["to"] == ishiba[0]["from"]


@pytest.mark.parametrize("d", DIRS, ids=["package", "fixture"])
def test_short_name_orders(d):
    """``short_name`` (which word of a full name is used alone) is first or last; Vietnamese names
    use the given name (last), Chinese ones the family name (first)."""
    countries = {c["id"]: c for c in _load(d, "countries.yaml")}
    for c in countries.values():
        assert c.get("short_name") in (None, "first", "last"), c["id"]
    assert countries["vietnam"]["short_name"] == "last"
    assert countries["china"]["short_name"] == "first"
    for e in _load(d, "people.yaml"):
        assert e.get("short_name") in (None, "first", "last"), e["id"]
        assert e.get("active") in (None, True, False), e["id"]


def test_attribution_yaml():
    d = yaml.safe_load((PACKAGE_DATA / "vi" / "attribution.yaml").read_text(encoding="utf-8"))
    assert _contains(d["according_to"]["example"], "theo")
    for group in ("speech_verbs", "reported_speech", "statement_nouns"):
        for v in d[group]:
            assert _contains(v["example"], v["cue"]), v
            assert v["cue"] == _mf(v["cue"])       # the fast matching form leaves cues unchanged
    assert _contains(d["social"]["example"], d["social"]["markers"][0])
    assert len(d["speech_verbs"]) >= 15
    assert any(_contains(d["subject_heads_example"], h) for h in d["subject_heads"])


def test_package_dictionary_has_no_undeclared_collisions():
    from sukien.config import Resources
    from sukien.vi.actors import ActorDB
    db = ActorDB.load(Resources())
    assert db.collisions == [], db.collisions
    # every declared ambiguity is real and prefers an existing entry
    refs = _load(PACKAGE_DATA / "actors", "references.yaml")
    for a in refs["ambiguous_aliases"]:
        assert a["prefer"] in db.actors or not (PACKAGE_DATA / "actors" / "countries.yaml").exists(), a


# ------------------------------------------------------------------ held-out 14 round (helper-b)

def test_shared_roles_are_declared_on_titles_and_name_no_single_holder():
    from sukien.config import Resources
    from sukien.vi.actors import ActorDB
    roles = _load(PACKAGE_DATA / "actors", "roles.yaml")
    assert all(r.get("shared") in (None, True) for r in roles)
    db = ActorDB.load(Resources())
    assert "envoy" in db.shared_roles and "head_of_state" not in db.shared_roles
    assert len(db.holders("envoy", "United States", "2025-12-01")) >= 2
    assert [a.name for a in db.holders("head_of_state", "United States", "2025-12-01")] == ["Donald Trump"]


def test_minsk_is_belarus_capital_not_a_plain_city():
    countries = {c["id"]: c for c in _load(PACKAGE_DATA / "actors", "countries.yaml")}
    assert "Minsk" in countries["belarus"]["capitals"]
    assert not any(p["name"] == "Minsk" for p in _load(PACKAGE_DATA / "actors", "places.yaml"))


def test_dashed_name_heads_and_palace_cues_are_data():
    refs = _load(PACKAGE_DATA / "actors", "references.yaml")
    assert all(h[:1].isupper() for h in refs["dashed_name_heads"])
    assert "phủ tổng thống" in refs["candidate_cues"]["place"]
