"""Validation of the event data files (data/events/*.yaml): NFC, unique forms, examples that
contain their trigger, known types and CAMEO codes."""
from __future__ import annotations

import re
import unicodedata

import pytest
import yaml

from sukien.config import PACKAGE_DATA, Config, Resources
from sukien.extract import TriggerLexicon, _form_pattern
from sukien.models import EventType
from sukien.textnorm import match_form

EVENTS = PACKAGE_DATA / "events"
FILES = ["triggers.yaml", "topics.yaml", "cameo.yaml", "modality.yaml"]
TYPES = set(EventType.__args__)


def _load(name):
    return yaml.safe_load((EVENTS / name).read_text(encoding="utf-8"))


def _strings(obj):
    if isinstance(obj, str):
        yield obj
    elif isinstance(obj, dict):
        for k, v in obj.items():
            yield from _strings(k)
            yield from _strings(v)
    elif isinstance(obj, list):
        for v in obj:
            yield from _strings(v)


def _contains(example: str, form: str) -> bool:
    return re.search(r"(?<!\w)" + _form_pattern(form) + r"(?!\w)", match_form(example).text) is not None


@pytest.mark.parametrize("name", FILES)
def test_file_is_utf8_nfc(name):
    raw = (EVENTS / name).read_bytes().decode("utf-8")
    assert unicodedata.is_normalized("NFC", raw), f"{name} is not NFC"
    for s in _strings(_load(name)):
        assert unicodedata.is_normalized("NFC", s)


def test_trigger_entries_have_examples_containing_the_trigger():
    data = _load("triggers.yaml")
    n = 0
    for etype, items in data["types"].items():
        assert etype in TYPES, etype
        for it in items:
            n += 1
            assert it.get("example"), it
            assert _contains(it["example"], it["form"]), (it["form"], it["example"])
    for section in ("negatives", "references"):
        for it in data[section]:
            assert it.get("example"), it
            assert _contains(it["example"], it["form"]), (it["form"], it["example"])
    assert n >= 80


def test_no_duplicate_trigger_forms():
    data = _load("triggers.yaml")
    forms = [match_form(it["form"]).text for items in data["types"].values() for it in items]
    forms += [match_form(it["form"]).text for it in data["negatives"]]
    dupes = {f for f in forms if forms.count(f) > 1}
    assert not dupes, dupes
    refs = [match_form(it["form"]).text for it in data["references"]]
    assert len(refs) == len(set(refs))


def test_trigger_forms_are_in_matching_form():
    """Forms are matched on the matching form: they must already be lower case, one tone placement."""
    data = _load("triggers.yaml")
    for items in data["types"].values():
        for it in items:
            assert it["form"] == match_form(it["form"]).text, it["form"]


def test_modality_cues_have_examples():
    data = _load("modality.yaml")
    statuses = {"denied", "negated", "hypothetical", "planned", "occurred"}
    for where in ("before", "after"):
        for status, items in data[where].items():
            assert status in statuses
            for it in items:
                assert _contains(it["example"], it["cue"]), (it["cue"], it["example"])
    for it in data["agreement_verbs"]["cues"]:
        assert _contains(it["example"], it["cue"]), it
    assert set(data["agreement_verbs"]["occurred_types"]) <= TYPES
    assert set(data["agreement_verbs"]["planned_types"]) <= TYPES


def test_topics_have_examples_and_unique_cues():
    data = _load("topics.yaml")
    labels = [t["label"] for t in data["topics"]]
    assert len(labels) == len(set(labels))
    cues = []
    for t in data["topics"]:
        assert any(_contains(t["example"], c) for c in t["cues"]), t["label"]
        cues += [match_form(c).text for c in t["cues"]]
    dupes = {c for c in cues if cues.count(c) > 1}
    assert not dupes, dupes


def test_cameo_covers_every_type_with_valid_codes():
    data = _load("cameo.yaml")
    assert set(data["types"]) == TYPES
    for etype, d in data["types"].items():
        assert re.fullmatch(r"\d{3,4}", str(d["cameo"])), etype
        assert d["plover"] and d.get("example")
    trig = _load("triggers.yaml")
    for items in trig["types"].values():
        for it in items:
            if it.get("cameo"):
                assert re.fullmatch(r"\d{3,4}", str(it["cameo"])), it
    assert data["types"]["phone_call"]["cameo"] == "041"
    assert data["types"]["ceasefire"]["cameo"] == "0871"


def test_lexicon_loads_through_resources(tmp_path):
    res = Resources(Config(db=str(tmp_path / "x.db")))
    lex = res.triggers
    assert isinstance(lex, TriggerLexicon)
    hits = lex.scan(match_form("Hai ngoại trưởng điện đàm và sẽ gặp nhau tại Hà Nội.").text)
    assert [h[2].type for h in hits] == ["phone_call", "meeting"]
    assert res.topics.find("hai bên bàn về ngừng bắn và an ninh hàng hải") == ["ceasefire", "maritime security"]


@pytest.mark.parametrize("file, key", [("modality.yaml", "talking_point_addressees"),
                                       ("modality.yaml", "concrete_proposals"),
                                       ("modality.yaml", "follow_on"),
                                       ("triggers.yaml", "title_words")])
def test_word_lists_are_in_matching_form_and_unique(file, key):
    words = _load(file)[key]
    assert words, key
    assert len(words) == len(set(words)), key
    for w in words:
        assert w == match_form(w).text, (key, w)


def test_trigger_flags_are_known():
    known = {"form", "nominal", "weak", "object", "cameo", "keep", "formal", "subject_only", "online",
             "online_same", "foreign_side", "place_object", "example"}
    for items in _load("triggers.yaml")["types"].values():
        for it in items:
            assert set(it) <= known, it
            if it.get("subject_only") or it.get("formal"):
                assert not it.get("weak"), it
