"""Validation of the event data files (data/events/*.yaml): NFC, unique forms, examples that
contain their trigger, known types and CAMEO codes; the cue lists of cues.yaml compile, and each
matches its own examples and none of its negatives."""
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
FILES = ["triggers.yaml", "topics.yaml", "cameo.yaml", "modality.yaml", "cues.yaml"]
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


# ------------------------------------------------------------------ cues.yaml (grammatical cue lists)

CUES = _load("cues.yaml")["cues"]
_APPLIES = {"before", "at", "after", "start", "gap", "within"}
_MARK = "|"


def _cue_hit(rx: re.Pattern, applies: str, example: str) -> bool:
    """Whether the compiled cue matches an example the way the code tries it ("|": the trigger)."""
    text = example.lower()
    if applies == "within":
        return rx.search(text.replace(_MARK, "")) is not None
    head, _, rest = text.partition(_MARK)
    if applies == "before":
        return rx.search(head) is not None
    if applies == "at":
        return rx.match(head + rest, len(head)) is not None
    if applies == "after":
        return rx.match(rest) is not None
    if applies == "start":
        return rx.match(head) is not None
    gap, _, _ = rest.partition(_MARK)          # "gap": the text between the two marks
    return rx.fullmatch(gap) is not None


def test_cue_entries_are_complete():
    for name, e in CUES.items():
        assert set(e) <= {"module", "purpose", "applies", "pattern", "flexible", "words", "examples",
                          "negatives"}, name
        assert e.get("module") and e.get("purpose") and e.get("pattern"), name
        assert e.get("applies") in _APPLIES, name
        assert e.get("examples"), f"{name}: no example"
        slots = set(re.findall(r"\{([a-z_]+)\}", e["pattern"]))
        assert slots and slots == set(e["words"]), f"{name}: slots {slots} vs word lists {set(e['words'])}"
        assert set(e.get("flexible") or ()) <= slots, name
        for ex in e["examples"] + (e.get("negatives") or []):
            need = 0 if e["applies"] == "within" else 2 if e["applies"] == "gap" else 1
            assert ex.count(_MARK) == need, (name, ex)


def test_cue_words_are_nfc_lower_case_and_unique_within_a_list():
    for name, e in CUES.items():
        for slot, words in e["words"].items():
            assert words, (name, slot)
            assert len(words) == len(set(words)), f"{name}.{slot}: duplicate phrase"
            for w in words:
                assert isinstance(w, str) and w == w.strip() and "  " not in w, (name, slot, w)
                assert unicodedata.is_normalized("NFC", w) and w == w.lower(), (name, slot, w)
                # no regex syntax in a phrase: the shape is the pattern's, the words are data
                assert re.fullmatch(r"[^\W\d_]+(?: [^\W\d_]+)*", w), (name, slot, w)


def test_cue_patterns_hold_no_words():
    """The shape of a cue is structure only: every Vietnamese word is in its word lists."""
    for name, e in CUES.items():
        shape = re.sub(r"\{[a-z_]+\}", "", e["pattern"])
        shape = re.sub(r"\\[a-zA-Z]", "", shape)         # \s \w \b \W \Z
        assert not re.search(r"[^\W\d_]{2,}", shape), (name, shape)


@pytest.mark.parametrize("name", sorted(CUES))
def test_each_cue_matches_its_examples_and_not_its_negatives(name):
    e = CUES[name]
    rx = getattr(Resources().cues, name)
    for ex in e["examples"]:
        assert _cue_hit(rx, e["applies"], ex), (name, ex)
    for ex in e.get("negatives") or []:
        assert not _cue_hit(rx, e["applies"], ex), (name, ex)


def test_cues_load_once_through_resources(tmp_path):
    res = Resources(Config(db=str(tmp_path / "x.db")))
    assert res.cues is res.cues and res.cues.welcome is res.cues.welcome
    assert set(res.cues.entries) == set(CUES)
    with pytest.raises(AttributeError):
        res.cues.no_such_cue
    import pickle                      # (workers get their resources pickled or rebuilt)
    assert pickle.loads(pickle.dumps(res.cues)).welcome.pattern == res.cues.welcome.pattern


def test_a_flexible_slot_takes_any_white_space_and_a_plain_one_a_single_space():
    from sukien.config import compile_cue
    entry = {"pattern": "(?:{a})-(?:{b})", "flexible": ["a"], "words": {"a": ["lễ ký"], "b": ["hoàn toàn"]}}
    rx = compile_cue(entry)
    assert rx.fullmatch("lễ  \nký-hoàn toàn")
    assert not rx.fullmatch("lễ ký-hoàn  toàn")
    with pytest.raises(ValueError):
        compile_cue({"pattern": "{missing}", "words": {}})


# ---- held-out 14 round (helper-a): the new word lists of modality.yaml

@pytest.mark.parametrize("key", ["talk_content_clauses", "since_first", "background"])
def test_new_modality_word_lists_are_in_matching_form_and_unique(key):
    words = _load("modality.yaml")[key]
    assert words and len(words) == len(set(words)), key
    for w in words:
        assert w == match_form(w).text, (key, w)


def test_a_talk_noun_naming_its_medium_is_no_weak_word():
    """"cuộc trao đổi qua điện thoại": a call noun of its own (never ``weak``), unlike "cuộc trao đổi"."""
    forms = {it["form"]: it for it in _load("triggers.yaml")["types"]["phone_call"]}
    assert forms["cuộc trao đổi"].get("weak")
    for f in ("cuộc trao đổi qua điện thoại", "cuộc nói chuyện qua điện thoại", "cuộc trò chuyện qua điện thoại"):
        assert forms[f].get("nominal") and not forms[f].get("weak"), f


# ---- 2026-11-23 midday (helper-a2): recap clauses

def test_recap_clause_cues_are_in_matching_form_unique_and_in_their_examples():
    items = _load("modality.yaml")["recap_clauses"]
    cues = [it["cue"] for it in items]
    assert cues and len(cues) == len(set(cues))
    for it in items:
        assert it["cue"] == match_form(it["cue"]).text, it
        assert _contains(it["example"], it["cue"]), it


# ---- 2026-11-23 afternoon, held-out 15 round (helper-c)

def test_previous_talk_cues_are_in_matching_form_and_in_their_examples():
    data = _load("modality.yaml")["previous_talk"]
    cues = [it["cue"] for it in data["after"]]
    assert cues and len(cues) == len(set(cues))
    for it in data["after"]:
        assert it["cue"] == match_form(it["cue"]).text and _contains(it["example"], it["cue"]), it
    assert "khi" in data["not_followed_by"]


def test_uncounted_document_words_are_in_matching_form_and_examples_exist():
    data = _load("triggers.yaml")["uncounted_documents"]
    for w in data["words"] + data["nouns"]:
        assert w == match_form(w).text, w
    assert any(_contains(ex, "một loạt văn kiện") for ex in data["examples"])


def test_tariff_truce_forms_are_agreements_and_state_acts():
    trig = _load("triggers.yaml")
    forms = {it["form"] for it in trig["types"]["agreement"]}
    for f in ("gia hạn … thuế", "nhất trí duy trì … thuế", "hoàn tất đàm phán hiệp định"):
        assert f in forms, f
    for f in ("gia hạn … thuế", "nhất trí duy trì … thuế"):
        assert f in trig["state_acts"], f
    assert "hoàn tất … hiệp định" not in forms     # "hoàn tất việc phê chuẩn hiệp định" is no deal
    negs = {it["form"] for it in trig["negatives"]}
    assert {"mỗi lần … gặp", "mỗi khi … điện đàm"} <= negs
