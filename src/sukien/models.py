"""Typed records shared by every pipeline stage.

Offsets: every ``start``/``end`` in this module is a character offset into
``Document.text`` (the document's text layer: the decoded original text for
.txt/.md/JSONL ``text``, the block text rendered from the HTML for HTML inputs).
Cleaning never rewrites that text; it marks spans as kept (with a role) or
removed (with a reason). Later stages only read the kept spans.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Literal

SegmentRole = Literal["title", "lead", "byline", "body", "caption", "heading"]
EventType = Literal[
    "phone_call", "meeting", "visit", "negotiation", "agreement", "ceasefire",
    "prisoner_exchange", "proposal", "statement", "other",
]
EventStatus = Literal["occurred", "planned", "hypothetical", "denied"]


class SukienError(Exception):
    """An error that names the document and the pipeline stage it happened in."""

    def __init__(self, message: str, *, doc: str | None = None, stage: str | None = None,
                 line: int | None = None):
        self.doc, self.stage, self.line, self.reason = doc, stage, line, message
        where = []
        if doc:
            where.append(doc if line is None else f"{doc}:{line}")
        if stage:
            where.append(f"[{stage}]")
        super().__init__(f"{' '.join(where)}: {message}" if where else message)


@dataclass
class MetaValue:
    """A metadata value with where it came from and how sure we are."""
    value: Any
    source: str          # e.g. "jsonl", "front-matter", "header-line", "url-path", "image-url", "dateline"
    confidence: float = 1.0


@dataclass
class RawInput:
    """One input as read from disk / stdin / URL / a JSONL line, before decoding."""
    doc_id: str
    origin: str                      # path, URL, "stdin", or "path:line" for JSONL
    data: bytes | None = None        # raw bytes (files, URLs)
    text: str | None = None          # already-decoded text (JSONL `text`)
    html: str | None = None          # already-decoded HTML (JSONL `html`)
    fmt: str = "txt"                 # txt | md | html | jsonl
    meta: dict[str, Any] = field(default_factory=dict)   # url, title, pub_date, outlet from JSONL


@dataclass
class Segment:
    """A kept span of the text layer with its role."""
    start: int
    end: int
    role: SegmentRole


@dataclass
class RemovedSpan:
    start: int
    end: int
    reason: str          # e.g. "related-links", "social-follow", "image-markdown", "duplicate-line", "html-boilerplate"


@dataclass
class Document:
    doc_id: str
    text: str                                   # the text layer (offsets refer to it)
    fmt: str = "txt"
    origin: str = ""
    raw: bytes | None = None                    # original bytes (HTML source, file bytes) for audit
    encoding: str = "utf-8"
    title: MetaValue | None = None
    pub_date: MetaValue | None = None           # ISO date string value
    outlet: MetaValue | None = None
    url: MetaValue | None = None
    segments: list[Segment] = field(default_factory=list)
    removed: list[RemovedSpan] = field(default_factory=list)
    content_hash: str = ""
    version: int = 1

    def kept_text(self) -> str:
        return "\n".join(self.text[s.start:s.end] for s in self.segments)


# ---------------------------------------------------------------- language layer

@dataclass
class Anchor:
    """The reference date relative dates are resolved against."""
    date: str | None            # ISO date, or None when nothing could be inferred
    source: str                 # "pub_date" | "inferred:<how>" | "none"
    confidence: float


@dataclass
class TimeMention:
    start: int
    end: int
    text: str
    kind: Literal["date", "partial_date", "time", "datetime", "range", "duration", "vague", "year", "month"]
    value: str | None           # ISO-like: "2025-03-18", "2025-03", "2025", "2025-05-19T13:00", range "2022-01-08/2022-01-10"; None for vague
    confidence: float = 1.0
    part_of_day: str | None = None      # "morning" | "evening" | "night" | "dawn" | "noon" | "afternoon"
    timezone: str | None = None          # e.g. "Europe/Moscow", "Asia/Ho_Chi_Minh" when stated
    relative: bool = False               # resolved relative to the anchor ("hôm qua", "thứ Ba tuần trước", "12/2" without year)
    note: str | None = None              # how the value was reached (year choice, weekday check ...)


@dataclass
class Quantity:
    start: int
    end: int
    text: str
    kind: Literal["number", "count", "percent", "money", "duration", "exchange_ratio"]
    value: float | None
    unit: str | None = None              # "minutes" for durations, "%" , "USD", counted noun ("tù nhân") ...
    qualifier: Literal["exact", "approx", "more_than", "less_than", "at_least", "at_most"] = "exact"
    per: str | None = None               # "each_side" for "từ mỗi bên"
    approximate: bool = False            # vague counts: "hàng chục", "hàng nghìn"
    unit_text: str | None = None         # the unit as written ("ngày", "giờ đồng hồ", "năm tù") for durations


@dataclass
class ActorMention:
    start: int
    end: int
    text: str
    actor_id: str | None                 # canonical id from the actor dictionary; None for an unknown candidate
    name: str | None                     # canonical English name ("Vladimir Putin", "United States")
    kind: Literal["person", "country", "organization", "place", "group"]
    via: Literal["name", "alias", "role", "metonym", "reference", "pronoun", "candidate"] = "name"
    country: str | None = None           # canonical country name of the actor
    confidence: float = 1.0
    members: list[str] = field(default_factory=list)   # kind="group": canonical names of the members ("hai nhà lãnh đạo")


@dataclass
class Attribution:
    """Whose claim a sentence is."""
    source_text: str                     # "ông Ushakov", "Điện Kremlin", "Truth Social"
    actor_id: str | None
    name: str | None                     # canonical name when resolved
    cue: str                             # "theo" | "cho biết" | "quote" | "social" | "statement" ...
    start: int
    end: int
    channel: str | None = None           # "Truth Social", "X" ...


@dataclass
class Sentence:
    start: int
    end: int
    text: str
    index: int                           # sentence number in the document
    paragraph: int                       # paragraph (segment) number
    role: SegmentRole = "body"
    times: list[TimeMention] = field(default_factory=list)
    actors: list[ActorMention] = field(default_factory=list)
    quantities: list[Quantity] = field(default_factory=list)
    attribution: Attribution | None = None


@dataclass
class Analysis:
    doc_id: str
    anchor: Anchor
    sentences: list[Sentence] = field(default_factory=list)


# ---------------------------------------------------------------- events

@dataclass
class Evidence:
    """Where a value came from."""
    doc: str
    start: int
    end: int
    sentence: str
    source: str | None = None            # attribution (who the article attributes it to), None = outlet's own voice


@dataclass
class EventMention:
    """One trigger occurrence with its arguments, inside one sentence."""
    doc: str
    type: EventType
    trigger: str
    start: int
    end: int
    sentence_index: int
    participants: list[str] = field(default_factory=list)
    initiator: str | None = None
    date: str | None = None
    date_confidence: float = 0.0
    status: EventStatus = "occurred"
    duration_minutes: float | None = None
    location: str | None = None
    topics: list[str] = field(default_factory=list)
    quantities: dict[str, float] = field(default_factory=dict)
    ordinal: int | None = None
    evidence: Evidence | None = None
    field_evidence: dict[str, Evidence] = field(default_factory=dict)
    flags: dict[str, Any] = field(default_factory=dict)   # extractor's working attributes (nominal, asserted, cameo, date_basis ...)
