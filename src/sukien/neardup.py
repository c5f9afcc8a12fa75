"""Near-duplicate detection for ingest: MinHash signatures over word shingles, LSH over them.

A document's signature is datasketch's MinHash (``num_perm`` from ``Config``, seed 1) of the set
of its word 3-shingles: the ``\\w+`` words of the matching form (``textnorm.match_form``) of its
kept text, joined by one space, UTF-8 encoded, hashed with datasketch's default ``sha1_hash32``.
Stored signatures carry the method name (``NearDupIndex.method``); only signatures of the same
method are compared. Two documents are linked when their estimated Jaccard similarity (equal
signature values / ``num_perm``) reaches ``Config.near_dup_threshold``; exact copies (same
content hash) are linked to the first copy with method ``exact-hash``.

Cost, without changing any signature or link:

* the shingles are cut from one UTF-8 buffer and hashed by ``map`` over ``hashlib.sha1``; the
  permutations are applied to the whole hash array at once (numpy). The minimum does not depend
  on order or repeats, so the signature is exactly datasketch's (``NearDupIndex`` checks this at
  start-up on samples and falls back to ``MinHash.update_batch`` if it ever differs);
* candidates come from ``BandIndex``: the bands datasketch's ``MinHashLSH`` chooses for the
  threshold, buckets unioned whole; all candidates are compared at once against a matrix of the
  indexed signatures, and only the best ``MAX_LINKS_PER_DOC`` (with ties) are sorted.
"""
from __future__ import annotations

import re
from hashlib import sha1 as _sha1
from operator import methodcaller
from typing import Any

from .config import Config
from .models import Document
from .store import Store
from .textnorm import match_form

MAX_LINKS_PER_DOC = 20          # near-duplicate links kept per new document (best first)
SHINGLE_WORDS = 3

_NONASCII_NONWORD_RE = re.compile(r"[^\w\x00-\x7f]+")
_ASCII_NONWORD_TO_SPACE = bytes(c if c >= 0x80 or c == 0x5F or chr(c).isalnum() else 0x20 for c in range(256))
_WORD_RE = re.compile(r"\w+")
_digest = methodcaller("digest")
_SELF_TEST_TEXTS = ("Chủ tịch nước tiếp Thủ tướng Lào tại Hà Nội; hai bên nhất trí tăng cường hợp tác.",
                    "Hai bên", "Một", "", "  ", "a_b c-d e.f g h i j k l m n o p q r s t u v w x y z 1 2 3")


def shingle_set(norm: str, k: int = SHINGLE_WORDS) -> set[str]:
    """The reference definition: the set of ``k`` consecutive ``\\w+`` words of ``norm`` joined
    by one space; the words themselves when there are fewer than ``k``; ``{""}`` when none."""
    words = _WORD_RE.findall(norm)
    if len(words) >= k:
        return set(map(" ".join, zip(*(words[i:] for i in range(k)))))
    return set(words) or {""}


def shingle_bytes(norm: str, k: int = SHINGLE_WORDS) -> list[bytes]:
    """The same shingles as ``shingle_set``, UTF-8 encoded, possibly repeated (fine for a minimum).

    Non-ASCII non-word characters become spaces (one regex pass that only stops on them), then
    the UTF-8 bytes go through a 256-entry table that turns every ASCII non-word byte into a
    space: the words are the space-separated fields (UTF-8 never puts an ASCII byte inside a
    multi-byte character, and every byte >= 0x80 belongs to a word character by then)."""
    words = _NONASCII_NONWORD_RE.sub(" ", norm).encode("utf-8").translate(_ASCII_NONWORD_TO_SPACE).split()
    if len(words) < k:
        return words or [b""]
    return list(map(b" ".join, zip(*(words[i:] for i in range(k)))))


class BandIndex:
    """LSH banding over MinHash values: two signatures are candidates when all the values of at
    least one band are equal. The bands (``b`` ranges of ``r`` values) are those datasketch's
    ``MinHashLSH`` chooses for the threshold, so the candidates are exactly its candidates; a
    query unions whole buckets (no Python step per candidate) and a band key is a slice of the
    signature's bytes."""

    def __init__(self, hashranges: list[tuple[int, int]], itemsize: int):
        self.ranges = [(a * itemsize, b * itemsize) for a, b in hashranges]
        self.tables: list[dict[bytes, set[str]]] = [{} for _ in self.ranges]
        self.keys: dict[str, list[bytes]] = {}

    def insert(self, key: str, sig: bytes) -> None:
        if key in self.keys:
            raise ValueError("The given key already exists")
        bands = [sig[a:b] for a, b in self.ranges]
        self.keys[key] = bands
        for table, band in zip(self.tables, bands):
            bucket = table.get(band)
            if bucket is None:
                table[band] = {key}
            else:
                bucket.add(key)

    def query(self, sig: bytes) -> set[str]:
        out: set[str] = set()
        for table, (a, b) in zip(self.tables, self.ranges):
            bucket = table.get(sig[a:b])
            if bucket:
                out.update(bucket)
        return out

    def remove(self, key: str) -> None:
        for table, band in zip(self.tables, self.keys.pop(key)):
            bucket = table[band]
            bucket.discard(key)
            if not bucket:
                del table[band]


class MinHashSigner:
    """The MinHash signature of a document (no index, no store: worker processes use it too)."""

    def __init__(self, config: Config):
        from datasketch import MinHash
        self.num_perm = config.near_dup_num_perm
        self._template = MinHash(num_perm=self.num_perm, seed=1)
        self._MinHash = MinHash
        self._scheme = getattr(self._template, "scheme", None)
        self._dtype = self._template.hashvalues.dtype.newbyteorder("<")
        self._fast = self._fast_path()
        self.method = f"minhash-{self.num_perm}-{self._scheme or 'legacy'}-w{SHINGLE_WORDS}"

    def _fast_path(self) -> Any:
        """The vectorized permutation step (datasketch's affine32 scheme over ``sha1_hash32``),
        or None when this datasketch does not match it (then ``update_batch`` is used)."""
        try:
            from datasketch.hashfunc import sha1_hash32
            from datasketch.minhash import _fmix
        except ImportError:          # pragma: no cover - another datasketch
            return None
        if self._scheme != "affine32" or self._template.hashfunc is not sha1_hash32:
            return None              # pragma: no cover - another datasketch
        self._fmix = _fmix
        self._perm_a = self._template.permutations[0]
        self._perm_b = self._template.permutations[1]
        self._init = self._template.hashvalues
        for text in _SELF_TEST_TEXTS:   # the fast path must give datasketch's own signature
            if not (self._hash_fast(shingle_bytes(text)) == self._slow(shingle_set(text)).hashvalues).all():
                return None          # pragma: no cover - datasketch changed its arithmetic
        return True

    def _hash_fast(self, shingles: list[bytes]):
        import numpy as np
        hv = np.frombuffer(b"".join(map(_digest, map(_sha1, shingles))), dtype="<u4")[::5]
        hv = self._fmix(hv.astype(np.uint32), 32)
        phv = np.multiply.outer(hv, self._perm_a)        # (a * h + b) mod 2**32 for every pair
        phv += self._perm_b
        return np.minimum(self._init, phv.min(axis=0))

    def _slow(self, shingles: set[str]):
        mh = self._MinHash(num_perm=self.num_perm, seed=1, permutations=self._template.permutations, **self._kw())
        mh.update_batch([s.encode("utf-8") for s in sorted(shingles)])
        return mh

    def signature(self, doc: Document):
        """The MinHash of ``doc``'s kept text (its whole text before cleaning)."""
        kept = doc.kept_text() if doc.segments else doc.text
        norm = match_form(kept).text
        if not self._fast:
            return self._slow(shingle_set(norm))
        return self._MinHash(num_perm=self.num_perm, seed=1, hashvalues=self._hash_fast(shingle_bytes(norm)),
                             permutations=self._template.permutations, **self._kw())

    def from_bytes(self, blob: bytes):
        """A MinHash from ``to_bytes`` output."""
        return self._from_bytes(blob)

    def _from_bytes(self, blob: bytes):
        import numpy as np
        return self._MinHash(num_perm=self.num_perm, seed=1, hashvalues=np.frombuffer(blob, dtype=self._dtype).copy(),
                             permutations=self._template.permutations, **self._kw())

    def _kw(self) -> dict[str, Any]:
        return {"scheme": self._scheme} if self._scheme else {}

    def to_bytes(self, mh) -> bytes:
        return mh.hashvalues.astype(self._dtype).tobytes()


class NearDupIndex(MinHashSigner):
    """MinHash + LSH over the stored signatures; new documents are compared incrementally.

    Exact copies (same content hash) are linked to the first stored copy without an LSH query,
    and only that first copy is indexed, so a batch of identical documents stays linear."""

    def __init__(self, store: Store, config: Config):
        from datasketch import MinHashLSH
        super().__init__(config)
        self.threshold = config.near_dup_threshold
        lsh = MinHashLSH(threshold=self.threshold, num_perm=self.num_perm)   # its bands (b, r) only
        self.lsh = BandIndex(lsh.hashranges, self._dtype.itemsize)
        self.sigs: dict[str, Any] = {}
        # the indexed signatures as rows of one matrix: a query compares all candidates at once
        import numpy as np
        self._rows: dict[str, int] = {}
        self._matrix = np.empty((64, self.num_perm), dtype=self._template.hashvalues.dtype)
        self._used = 0
        # a similarity is (equal values) / num_perm, stored rounded to 4 digits
        self._rounded = [round(float(k) / float(self.num_perm), 4) for k in range(self.num_perm + 1)]
        self.rep_by_hash: dict[str, str] = {}
        self.hash_of: dict[str, str] = {}
        for doc_id, h in store.document_hashes():
            self.hash_of[doc_id] = h
            self.rep_by_hash.setdefault(h, doc_id)
        for doc_id, method, blob in store.signatures():
            if method != self.method:
                continue
            if self.rep_by_hash.get(self.hash_of.get(doc_id, "")) == doc_id:
                self._insert(doc_id, self._from_bytes(blob))

    # ------------------------------------------------------------ index
    def _insert(self, doc_id: str, mh) -> None:
        import numpy as np
        self.lsh.insert(doc_id, self.to_bytes(mh))
        self.sigs[doc_id] = mh
        if self._used == len(self._matrix):
            self._matrix = np.concatenate([self._matrix, np.empty_like(self._matrix)])
        self._matrix[self._used] = mh.hashvalues
        self._rows[doc_id] = self._used
        self._used += 1

    def signature_of_copy(self, doc: Document):
        """An exact copy (same text layer → same cleaning → same shingles) reuses the signature."""
        rep = self.rep_by_hash.get(doc.content_hash)
        return self.sigs.get(rep) if rep is not None and rep != doc.doc_id else None

    def candidates(self, doc: Document, mh) -> list[tuple[str, float, str]]:
        """(other doc id, similarity, method) for documents near ``doc``, best first."""
        rep = self.rep_by_hash.get(doc.content_hash)
        if rep is not None and rep != doc.doc_id:
            return [(rep, 1.0, "exact-hash")]
        others = self.lsh.query(self.to_bytes(mh))
        others.discard(doc.doc_id)
        if not others:
            return []
        # MinHash.jaccard of every candidate at once: (equal values) / num_perm, the same float
        import numpy as np
        ids = list(others)
        rows = self._matrix[[self._rows[o] for o in ids]]
        equal = np.count_nonzero(rows == mh.hashvalues, axis=1)
        keep = np.flatnonzero(equal / float(self.num_perm) >= self.threshold)
        if len(keep) == 0:
            return []
        ks = equal[keep].tolist()
        if len(ks) > MAX_LINKS_PER_DOC:     # only the best ones (and their ties) need sorting
            least = self._rounded[sorted(ks, reverse=True)[MAX_LINKS_PER_DOC - 1]]
            pairs = [(ids[i], k) for i, k in zip(keep.tolist(), ks) if self._rounded[k] >= least]
        else:
            pairs = [(ids[i], k) for i, k in zip(keep.tolist(), ks)]
        out = [(other, self._rounded[k], self.method) for other, k in pairs]
        out.sort(key=lambda t: (-t[1], t[0]))
        return out[:MAX_LINKS_PER_DOC]

    def forget(self, doc_id: str, store: Store) -> None:
        """Before a document's content changes: drop it from the index (promote another copy)."""
        old = self.hash_of.pop(doc_id, None)
        if doc_id in self.sigs:
            self.lsh.remove(doc_id)
            del self.sigs[doc_id]
            del self._rows[doc_id]          # its matrix row is left unused
        if old is not None and self.rep_by_hash.get(old) == doc_id:
            del self.rep_by_hash[old]
            for other in store.docs_with_hash(old):
                if other != doc_id:
                    self.rep_by_hash[old] = other
                    sig = store.signature(other)
                    if sig and sig[0] == self.method:
                        self._insert(other, self._from_bytes(sig[1]))
                    break

    def add(self, doc: Document, mh) -> None:
        self.hash_of[doc.doc_id] = doc.content_hash
        if doc.content_hash not in self.rep_by_hash:
            self.rep_by_hash[doc.content_hash] = doc.doc_id
            self._insert(doc.doc_id, mh)


__all__ = ["NearDupIndex", "MinHashSigner", "BandIndex", "SHINGLE_WORDS", "MAX_LINKS_PER_DOC", "shingle_set",
           "shingle_bytes"]
