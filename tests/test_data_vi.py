"""Validation of the time and number data files (data/vi/temporal.yaml, data/vi/numbers.yaml).

UTF-8 + NFC, no duplicate keys (neither YAML mapping keys nor entry keys within a list), every
entry has an example that contains its key, and the examples of the recognizer-facing lists
really produce what the entry says.
"""
from __future__ import annotations

import unicodedata
from pathlib import Path

import pytest
import yaml

from sukien.config import PACKAGE_DATA, Resources
from sukien.models import Anchor
from sukien.vi.numbers import find_quantities
from sukien.vi.timex import find_times

FILES = ["vi/temporal.yaml", "vi/numbers.yaml"]


class _StrictLoader(yaml.SafeLoader):
    pass


def _no_dup_mapping(loader, node, deep=False):
    keys = set()
    for k, _ in node.value:
        key = loader.construct_object(k, deep=deep)
        if key in keys:
            raise ValueError(f"duplicate key {key!r} at line {k.start_mark.line + 1}")
        keys.add(key)
    return loader.construct_mapping(node, deep=deep)


_StrictLoader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, _no_dup_mapping)


def _load(rel):
    raw = (PACKAGE_DATA / rel).read_bytes()
    text = raw.decode("utf-8")
    return text, yaml.load(text, Loader=_StrictLoader)


def _lists(data):
    return {k: v for k, v in data.items() if isinstance(v, list)}


@pytest.mark.parametrize("rel", FILES)
def test_utf8_nfc_and_strict_yaml(rel):
    text, data = _load(rel)
    assert unicodedata.is_normalized("NFC", text)
    assert isinstance(data, dict) and data.get("version") == 1


@pytest.mark.parametrize("rel", FILES)
def test_every_entry_has_example_and_unique_key(rel):
    _, data = _load(rel)
    for name, items in _lists(data).items():
        seen = set()
        for e in items:
            assert isinstance(e, dict), (name, e)
            assert isinstance(e.get("example"), str) and e["example"].strip(), (name, e)
            key = e["key"]
            assert key == key.strip() and key, (name, key)
            k = key.lower()
            assert k not in seen, f"duplicate key {key!r} in {name}"
            seen.add(k)
            if name != "conflicts":
                assert k in e["example"].lower(), f"{name}: example of {key!r} does not contain it"


def test_weekdays_cover_the_week():
    _, data = _load("vi/temporal.yaml")
    assert {e["weekday"] for e in data["weekdays"]} == set(range(7))


def test_conflict_starts_are_dates():
    from datetime import date
    _, data = _load("vi/temporal.yaml")
    for c in data["conflicts"]:
        date.fromisoformat(c["start"])
        assert c["cues"] and all(cue == cue.lower() for cue in c["cues"])


# ----------------------------------------------------------------------------- live examples

@pytest.fixture(scope="module")
def res():
    return Resources()


ANCHOR = Anchor("2025-06-10", "pub_date", 1.0)
_T = yaml.safe_load((PACKAGE_DATA / "vi/temporal.yaml").read_text(encoding="utf-8"))
_N = yaml.safe_load((PACKAGE_DATA / "vi/numbers.yaml").read_text(encoding="utf-8"))


def _cases(data, names):
    return [pytest.param(n, e, id=f"{n}:{e['key']}") for n in names for e in data[n]]


@pytest.mark.parametrize("name,entry", _cases(_T, ["weekdays", "relative_days", "relative_periods", "vague",
                                                   "parts_of_day", "timezones", "edges", "same_day",
                                                   "month_names"]))
def test_temporal_example_yields_a_mention(name, entry, res):
    ex = entry["example"]
    tms = find_times(ex, 0, len(ex), ANCHOR, res)
    key = entry["key"].lower()
    assert [t for t in tms if key in t.text.lower()], (ex, [(t.text, t.kind) for t in tms])
    if name == "timezones" and entry["tz"] != "local":
        assert [t for t in tms if t.timezone == entry["tz"]]
    if name == "parts_of_day":
        assert [t for t in tms if t.part_of_day == entry["value"]]
    if name == "month_names":
        assert [t for t in tms if t.value and t.value[5:7] == f"{entry['month']:02d}"]


@pytest.mark.parametrize("name,entry", _cases(_T, ["ordinal_nouns"]))
def test_ordinal_examples_yield_no_time(name, entry, res):
    ex = entry["example"]
    tms = find_times(ex, 0, len(ex), ANCHOR, res)
    assert not [t for t in tms if "thứ" in t.text.lower()], [(t.text, t.kind) for t in tms]


@pytest.mark.parametrize("name,entry", _cases(_N, ["duration_units", "currencies", "qualifiers", "per_side",
                                                   "counted_nouns", "percent_words", "exchange_words",
                                                   "vague_counts"]))
def test_number_example_yields_a_quantity(name, entry, res):
    ex = entry["example"]
    qs = find_quantities(ex, 0, len(ex), res)
    got = [(q.text, q.kind, q.unit, q.qualifier, q.per) for q in qs]
    if name == "duration_units":
        assert [q for q in qs if q.kind == "duration" and q.unit == "minutes"], got
    elif name == "currencies":
        assert [q for q in qs if q.kind == "money" and q.unit == entry["code"]], got
    elif name == "qualifiers":
        assert [q for q in qs if q.qualifier == entry["value"]], got
    elif name == "per_side":
        assert [q for q in qs if q.per == entry["per"]], got
    elif name == "counted_nouns":
        assert [q for q in qs if q.unit == entry["key"].lower()], got
    elif name == "percent_words":
        assert [q for q in qs if q.kind == "percent"], got
    elif name == "exchange_words":
        assert [q for q in qs if q.kind == "exchange_ratio"], got
    elif name == "vague_counts":
        assert [q for q in qs if q.approximate and (q.value == entry["value"] or q.kind == "duration")], got


@pytest.mark.parametrize("name,entry", _cases(_N, ["reference_phrases", "not_currency_after_dong"]))
def test_reference_and_dong_examples_are_not_quantities(name, entry, res):
    ex = entry["example"]
    qs = find_quantities(ex, 0, len(ex), res)
    if name == "reference_phrases":
        assert not [q for q in qs if entry["key"].split()[-1] in q.text.lower()], qs
    else:
        assert not [q for q in qs if q.kind == "money"], qs
