"""What the trigger hits of one sentence tell together, after each was analysed on its own
(``extract.extract_mentions``): a coordinated verb shares its clause's modality and time, the
releasers of two exchange mentions are one exchange's sides, an unnamed signing in a ceasefire
sentence is that ceasefire's signing."""
from __future__ import annotations

import re
from typing import TYPE_CHECKING

from .extract_args import Args
from .models import EventMention

if TYPE_CHECKING:
    from .extract import SentView


_AND_VERB = re.compile(r"\s+và\s+$")


def _words_rx(lex, section: str, key: str, shape: str) -> re.Pattern | None:
    """The word list ``lex.raw[section][key]`` as the alternation ``%s`` of ``shape`` (longest
    first, any run of spaces between words), compiled once per lexicon (kept on the lexicon, not
    in module state); None when the list is empty or there is no lexicon."""
    if lex is None:
        return None
    cache = lex.__dict__.setdefault("_words_rx", {})
    if (section, key) not in cache:
        words = sorted((lex.raw.get(section) or {}).get(key) or (), key=len, reverse=True)
        alts = "|".join(r"\s+".join(map(re.escape, w.split())) for w in words)
        cache[(section, key)] = re.compile(shape % alts) if words else None
    return cache[(section, key)]


def _remains_rx(lex) -> re.Pattern | None:
    # an optional quantifier and count between the verb and the noun ("trao trả hơn 6.000 thi thể")
    return _words_rx(lex, "triggers", "remains",
                     r"\s+(?:(?:khoảng|gần|hơn|thêm|các|những|số|toàn\s+bộ)\s+)*(?:\d+(?:[.,]\d+)*\s+)?(?:%s)(?!\w)")


def filter_hits(hits: list, low: str, lex) -> list:
    """The trigger hits of a sentence that name no event of their own: a host verb joined to a talk
    verb (``host_and_talk``), an exchange verb of the dead ("trao trả thi thể": `remains`)."""
    if len(hits) > 1 and any(t.object for _, _, t in hits):
        hits = host_and_talk(hits, low)
    if any(t.type == "prisoner_exchange" for _, _, t in hits):
        rx = _remains_rx(lex)
        if rx is not None:
            hits = [h for h in hits if h[2].type != "prisoner_exchange" or rx.match(low, h[1]) is None]
    return hits


def host_and_talk(hits: list, low: str) -> list:
    """"X tiếp và hội đàm với Y", "đón và hội đàm", "tiếp và hội kiến": a host verb that needs an
    object, joined by "và" right to a talk verb of its type, shares that verb's object: one meeting,
    the talk verb's mention (the host verb gives no mention of its own, nor takes the clause's time)."""
    out = []
    for i, h in enumerate(hits):
        nxt = hits[i + 1] if i + 1 < len(hits) else None
        if h[2].object and nxt is not None and nxt[2].type == h[2].type and h[2].type is not None \
                and _AND_VERB.match(low[h[1]:nxt[0]]):
            continue
        out.append(h)
    return out


_BARE_AFTER = re.compile(r"\s*(?:[,.;:!?)]|$|(?:tại|ở|vào|hôm|ngày|với|giữa|hồi|trước|sau)(?!\w))")


def _coordinated(args: Args, before: Args) -> None:
    """A verb that continues the clause before it with no subject of its own ("X sẽ hội kiến A,
    chào B", "X ngày mai sẽ gặp A và thăm B") shares that clause's modality and time when it names
    none itself; only a verb with a counterpart of its own ("chào B", never "gặp gỡ cộng đồng")."""
    if len(args.participants) < 2:
        return
    if not args.status_explicit and before.status_explicit and before.status in ("planned", "hypothetical"):
        args.status, args.status_explicit = before.status, True
    if args.date is None and before.date is not None:
        args.date, args.date_confidence, args.date_basis = before.date, before.date_confidence, before.date_basis
        args.year_explicit = before.year_explicit


def _truce_signing(ms: list[EventMention], sv: SentView, lex) -> None:
    """"Lệnh ngừng bắn có hiệu lực từ 10/10, sau khi X và Y ký thỏa thuận tại Ai Cập": a signing
    of an unnamed agreement (nothing names its content after the trigger) in a sentence about a
    ceasefire is the signing of that ceasefire: a ceasefire mention."""
    if not any(m.type == "ceasefire" for m in ms):
        return
    for m in ms:
        if m.type == "agreement" and not m.flags.get("nominal") and m.participants \
                and not m.quantities and _BARE_AFTER.match(sv.low, sv.from_doc(m.end)):
            m.type = "ceasefire"
            m.flags["cameo"] = lex.cameo_of("ceasefire", None)


def _releasers(ms: list[EventMention]) -> None:
    """"Hamas thả 20 con tin, Israel phóng thích 2.000 tù nhân Palestine": two exchange mentions of
    one sentence, each naming its releaser (the subject) and at most its captives' nationality, are
    one exchange between the releasers; the captives' nationality is no side."""
    ex = [m for m in ms if m.type == "prisoner_exchange" and m.flags.get("left_subject") and m.participants]
    if len(ex) < 2:
        return
    rel: list[str] = []
    for m in ex:
        if m.participants[0] not in rel:
            rel.append(m.participants[0])
    for m in ex:
        weak = m.flags.get("captive_sides") or ()
        if any(p not in weak and p not in rel for p in m.participants[1:]):
            return                # a side of its own that releases nobody here: not just releasers
    cm: dict = {}
    pk: dict = {}
    for m in ex:
        cm.update(m.flags.get("countries") or {})
        pk.update(m.flags.get("pkind") or {})
    if len({cm.get(p) or p for p in rel}) < 2:
        return
    for m in ex:
        m.participants = list(rel)
        m.flags["countries"] = {p: cm.get(p) for p in rel}
        m.flags["pkind"] = {p: pk.get(p) for p in rel}
        m.flags.pop("captive_sides", None)


_SENT_MESSAGE = re.compile(r"(?<!\w)gửi(?!\w)")
_CLAUSE_STOP = re.compile(r"[,.;:!?]|(?<!\w)(?:và|nhưng|còn)(?!\w)")


def _letter_content(ms: list[EventMention], sv: SentView) -> list[EventMention]:
    """"X đã gửi thư cho Y đề nghị đàm phán": a proposal right after a sent message (only its
    addressee between, no clause boundary) is what the message says, no proposal of its own: the
    mentions to drop."""
    sent = [m for m in ms if m.type == "statement" and _SENT_MESSAGE.match(m.trigger.lower())]
    drop = []
    for m in ms:
        if m.type != "proposal":
            continue
        ps = sv.from_doc(m.start)
        if any(sv.from_doc(x.end) <= ps and not _CLAUSE_STOP.search(sv.low, sv.from_doc(x.end), ps) for x in sent):
            drop.append(m)
    return drop


__all__ = ["_coordinated", "filter_hits", "host_and_talk", "_letter_content", "_releasers", "_truce_signing"]


_AND_ALSO = re.compile(r"\s+(?:và|đồng thời)\s+(?:cũng\s+)?$")


def request_goes_on(low: str, ts: int, te: int, hits, made: dict, lex) -> bool:
    """"X đề nghị phía Y làm A và đề nghị Z làm B": a request coordinated with an earlier request of
    the same clause that is a talking point (no subject of its own, nothing but "và" / "đồng thời"
    and no clause break between) is one more talking point of the same talk, unless a concrete plan
    verb follows it in its clause ("... và đề nghị Z tổ chức hội nghị" stays a proposal)."""
    c = lex.ends["concrete"].search(low, te, min(len(low), te + 60))
    if c is not None and not re.search(r"[,;.]", low[te:c.start()]):
        return False
    for s0, e0, t in hits:
        prior = made.get(s0)
        if t.type != "proposal" or prior is None or not prior.flags.get("talking_point") or e0 > ts:
            continue
        if not re.search(r"[;.]", low[e0:ts]) and _AND_ALSO.search(low, e0, ts):
            return True
    return False


def aim_before(lex, low: str, pos: int, end: int) -> bool:
    """"đề nghị Nhật Bản ủng hộ nỗ lực nối lại đối thoại": a concrete verb (``concrete_proposals``) reached
    only through a support verb after the addressee (modality.yaml ``supported_aims``: "ủng hộ",
    "hỗ trợ", "tạo điều kiện") is the aim the addressee is asked to back, no plan of its own: the
    request stays a talking point."""
    rx = lex.__dict__.get("_supported_aims")
    if rx is None:
        words = sorted(((lex.raw.get("modality") or {}).get("supported_aims") or []), key=len, reverse=True)
        rx = re.compile(r"(?<!\w)(?:" + "|".join(map(re.escape, words)) + r")(?!\w)") if words else re.compile(r"(?!x)x")
        lex.__dict__["_supported_aims"] = rx
    return rx.search(low, pos, end) is not None


_AND_THEN = re.compile(r"\s+(?:và|đồng thời)\s+(?:cũng\s+)?$")
def _content_rx(lex) -> re.Pattern | None:
    """", trong đó <subject> ..." at the end of a span: modality.yaml ``talk_content_clauses``."""
    # the clause's own subject (up to six words: "Thủ tướng Phạm Minh Chính"), then adverbs
    return _words_rx(lex, "modality", "talk_content_clauses",
                     r",\s*(?:%s)\s+(?:[^\s,;.:!?]+\s+){0,6}?(?:(?:cũng|đã|còn)\s+)*$")


def said_in_talk(low: str, ts: int, hits, lex=None) -> bool:
    """A request made in the talk of its clause: the talk's content, no proposal. Either a verb
    coordinated with the talk with no subject of its own ("X điện đàm với Y hôm 23/6 và đề nghị Z
    ..."), or a clause that opens on the talk as the frame of what follows ("hai bên có cuộc gặp kéo
    dài một giờ, trong đó X đề nghị Y ...": modality.yaml ``talk_content_clauses``); no sentence or
    clause break (";", ".") between the talk and the request."""
    content = _content_rx(lex)
    for _, e0, t in hits:
        if t.type not in ("phone_call", "meeting") or e0 > ts or re.search(r"[;.]", low[e0:ts]):
            continue
        if _AND_THEN.search(low, e0, ts) or (content is not None and content.search(low, e0, ts)):
            return True
    return False
