"""Near-duplicate detection for ingest: MinHash signatures over word shingles, LSH over them.

A document's signature is a MinHash (``num_perm`` from ``Config``) of the set of its word
3-shingles: the ``\\w+`` words of the matching form (``textnorm.match_form``) of its kept text,
three consecutive words per shingle (the words themselves when there are fewer than three, the
empty shingle when there is none). Two documents are linked when their estimated Jaccard
similarity (equal signature values / ``num_perm``) reaches ``Config.near_dup_threshold``; exact
copies (same content hash) are linked to the first copy with method ``exact-hash``.

The method (``MinHashSigner.method``, stored with every signature and link) is
``minhash-<num_perm>-wpoly64-affine32-w3``:

* shingle hash (``shingle_hash32``, 32 bits): every word is hashed as the polynomial
  ``sum(ord(c_k) * WORD_BASE**k) mod 2**64`` of its code points; a shingle folds its word hashes
  ``acc = acc * SHINGLE_BASE + h(word) mod 2**64`` and its hash is the high half of the
  MurmurHash3 64-bit finalizer of ``acc``. ``ShingleHasher`` computes the hashes of all shingles of
  a text at once with numpy (code points from one UTF-32 buffer, a ``\\w`` table, prefix sums);
* permutations: datasketch's ``affine32`` scheme with seed 1 (the 32-bit MurmurHash3 finalizer,
  then ``a * h + b mod 2**32`` with odd ``a``): the signature is exactly datasketch's
  ``MinHash(num_perm, seed=1, hashfunc=shingle_hash32)`` over the shingles (a test checks it where
  datasketch is installed; it is not needed at run time);
* LSH: ``BandIndex`` with the bands (b, r) that datasketch's ``MinHashLSH`` chooses for the
  threshold (``lsh_params``: the same weighted false positive/negative integrals, computed exactly
  by Gauss-Legendre quadrature); all candidates are compared at once against a matrix of the
  indexed signatures, only the best ``MAX_LINKS_PER_DOC`` (with ties) are sorted.

Signatures of another method (the SHA-1 shingle hash of earlier versions:
``minhash-64-affine32-w3``, or datasketch < 2's ``minhash-64-legacy-w3``) are never compared with
these: when the index is loaded, documents signed with another method are signed again from
their stored text and segments, and the new signature replaces the old one.
"""
from __future__ import annotations

import re
from typing import Any, Iterable

from .config import Config
from .models import Document, Segment
from .store import Store
from .textnorm import match_form

MAX_LINKS_PER_DOC = 20          # near-duplicate links kept per new document (best first)
SHINGLE_WORDS = 3
WORD_BASE = 0x9E3779B97F4A7C15  # odd: its powers mod 2**64 are never 0
SHINGLE_BASE = 0xC2B2AE3D27D4EB4F
HASH_NAME = "wpoly64"           # the shingle hash, in the method name
PERM_SEED = 1                   # datasketch's default seed
CHUNK_SHINGLES = 8192           # shingles permuted at once (bounds memory on very long texts)
_M64 = (1 << 64) - 1
_BMP = 0x10000
_WORD_RE = re.compile(r"\w+")


# ================================================================== reference definitions

def shingle_set(norm: str, k: int = SHINGLE_WORDS) -> set[str]:
    """The reference definition: the set of ``k`` consecutive ``\\w+`` words of ``norm`` joined
    by one space; the words themselves when there are fewer than ``k``; ``{""}`` when none."""
    words = _WORD_RE.findall(norm)
    if len(words) >= k:
        return set(map(" ".join, zip(*(words[i:] for i in range(k)))))
    return set(words) or {""}


def _fmix64(h: int) -> int:
    h ^= h >> 33
    h = (h * 0xFF51AFD7ED558CCD) & _M64
    h ^= h >> 33
    h = (h * 0xC4CEB9FE1A85EC53) & _M64
    return h ^ (h >> 33)


def word_hash64(word: str) -> int:
    """The reference word hash: ``sum(ord(c_k) * WORD_BASE**k) mod 2**64``."""
    h, p = 0, 1
    for ch in word:
        h = (h + ord(ch) * p) & _M64
        p = (p * WORD_BASE) & _M64
    return h


def shingle_hash32(shingle: str | bytes) -> int:
    """The reference shingle hash (a ``hashfunc`` for datasketch's ``MinHash``): the words of the
    shingle (split on spaces) folded with ``SHINGLE_BASE``, then the high 32 bits of fmix64."""
    if isinstance(shingle, bytes):
        shingle = shingle.decode("utf-8", "surrogatepass")
    acc = 0
    for word in shingle.split(" "):
        if word:
            acc = (acc * SHINGLE_BASE + word_hash64(word)) & _M64
    return _fmix64(acc) >> 32


def affine32_permutations(num_perm: int, seed: int = PERM_SEED) -> Any:
    """datasketch's ``affine32`` permutation parameters ``[a, b]`` (uint32, ``a`` odd)."""
    import numpy as np
    gen = np.random.RandomState(seed)
    a = gen.randint(0, 1 << 31, num_perm, dtype=np.uint32) * np.uint32(2) + np.uint32(1)
    b = gen.randint(0, 1 << 32, num_perm, dtype=np.uint32)
    return np.array([a, b])


def lsh_params(threshold: float, num_perm: int, weights: tuple[float, float] = (0.5, 0.5)) -> tuple[int, int]:
    """The (bands, rows) that datasketch's ``MinHashLSH`` picks: the first minimum over
    ``b = 1..num_perm``, ``r = 1..num_perm // b`` of the weighted false positive probability
    (the integral of ``1 - (1 - s**r)**b`` over ``[0, threshold]``) and false negative
    probability (the integral of ``(1 - s**r)**b`` over ``[threshold, 1]``). The integrands are
    polynomials of degree ``b * r <= num_perm``, so Gauss-Legendre quadrature with
    ``num_perm // 2 + 2`` nodes gives the integrals exactly (up to rounding)."""
    import numpy as np
    x, w = np.polynomial.legendre.leggauss(num_perm // 2 + 2)
    lo = threshold / 2 * (x + 1)                       # nodes in [0, threshold]
    hi = threshold + (1 - threshold) / 2 * (x + 1)     # nodes in [threshold, 1]
    w_lo, w_hi = w * (threshold / 2), w * ((1 - threshold) / 2)
    best, opt = float("inf"), (0, 0)
    for b in range(1, num_perm + 1):
        for r in range(1, num_perm // b + 1):
            fp = float(np.dot(w_lo, 1 - (1 - lo ** r) ** b))
            fn = float(np.dot(w_hi, (1 - hi ** r) ** b))
            error = fp * weights[0] + fn * weights[1]
            if error < best:
                best, opt = error, (b, r)
    return opt


# ================================================================== fast hashing

class ShingleHasher:
    """``shingle_hash32`` of every shingle of a text at once (numpy; possibly repeated values).

    The code points come from one UTF-32 buffer; a table over the Basic Multilingual Plane says
    which are ``\\w`` (``str.isalnum()`` or ``_``, sre's definition; the few code points above it
    are looked up one by one); the word polynomials come from one prefix sum (``word_hashes``).
    The tables of powers live on the instance (grown to the longest text seen, bounded by
    ``Config.max_bytes``)."""

    def __init__(self) -> None:
        import numpy as np
        self._np = np
        self._is_word = np.array([chr(c).isalnum() or c == 0x5F for c in range(_BMP)], dtype=bool)
        self._pow = self._inv = np.ones(0, dtype=np.uint64)
        self._grow(1 << 14)

    def _grow(self, n: int) -> None:
        """Powers of ``WORD_BASE`` and of its inverse mod 2**64, for texts of ``n`` code points."""
        np = self._np
        size = max(n, 2 * len(self._pow))
        for name, base in (("_pow", WORD_BASE), ("_inv", pow(WORD_BASE, -1, 1 << 64))):
            pw = np.full(size, base, dtype=np.uint64)
            pw[0] = 1
            setattr(self, name, np.multiply.accumulate(pw))  # base**k mod 2**64

    def word_hashes(self, norm: str) -> Any:
        """``word_hash64`` of the ``\\w+`` words of ``norm``, in order (uint64).

        With ``p_k = WORD_BASE**k`` (k = the position in the text), a word starting at ``s`` hashes
        to ``(sum of cp_k * p_k over the word) * WORD_BASE**-s``: one prefix sum of
        ``cp * p`` (non-word characters count 0), its differences at the word starts, one
        product."""
        np = self._np
        cp = np.frombuffer(norm.encode("utf-32-le", "surrogatepass"), dtype="<u4")
        n = len(cp)
        if not n:
            return np.zeros(0, dtype=np.uint64)
        isw = self._is_word.take(cp, mode="clip")
        if int(cp.max()) >= _BMP:                            # beyond the table: one by one
            for i in np.flatnonzero(cp >= _BMP).tolist():
                isw[i] = chr(int(cp[i])).isalnum()
        starts = np.flatnonzero(isw[1:] & ~isw[:-1])
        starts += 1
        if isw[0]:
            starts = np.concatenate((np.zeros(1, dtype=starts.dtype), starts))
        if not len(starts):
            return np.zeros(0, dtype=np.uint64)
        if n > len(self._pow):
            self._grow(n)
        csum = np.empty(n + 1, dtype=np.uint64)
        csum[0] = 0
        np.cumsum(self._pow[:n] * (cp * isw), out=csum[1:])  # wraps around: mod 2**64
        nxt = np.empty_like(starts)
        nxt[:-1] = starts[1:]
        nxt[-1] = n
        out = csum[nxt]
        out -= csum[starts]
        out *= self._inv[starts]
        return out

    def hashes(self, norm: str, k: int = SHINGLE_WORDS) -> Any:
        """``shingle_hash32`` of the shingles of ``shingle_set(norm, k)`` (uint32, with repeats)."""
        np = self._np
        hw = self.word_hashes(norm)
        if len(hw) >= k:
            acc = hw[: len(hw) - k + 1].copy()
            for i in range(1, k):
                acc *= np.uint64(SHINGLE_BASE)
                acc += hw[i: len(hw) - k + 1 + i]
        else:
            acc = hw if len(hw) else np.zeros(1, dtype=np.uint64)   # the words alone, or ""
        acc ^= acc >> np.uint64(33)
        acc *= np.uint64(0xFF51AFD7ED558CCD)
        acc ^= acc >> np.uint64(33)
        acc *= np.uint64(0xC4CEB9FE1A85EC53)
        acc ^= acc >> np.uint64(33)
        return (acc >> np.uint64(32)).astype(np.uint32)


# ================================================================== LSH bands

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


# ================================================================== signatures

class MinHashSigner:
    """The MinHash signature of a document (no index, no store: worker processes use it too).

    A signature is a numpy array of ``num_perm`` uint32 values; ``to_bytes`` / ``from_bytes``
    convert it to and from the stored form (little-endian)."""

    def __init__(self, config: Config):
        import numpy as np
        self._np = np
        self.num_perm = config.near_dup_num_perm
        self.method = f"minhash-{self.num_perm}-{HASH_NAME}-affine32-w{SHINGLE_WORDS}"
        self.hasher = ShingleHasher()
        self._perm_a, self._perm_b = affine32_permutations(self.num_perm)
        self._perm_b_col = self._perm_b[:, None]
        self._dtype = np.dtype("<u4")

    def hash_signature(self, hv: Any) -> Any:
        """The signature of 32-bit shingle hashes ``hv`` (datasketch's affine32 step)."""
        np = self._np
        hv = hv ^ (hv >> np.uint32(16))                     # MurmurHash3's 32-bit finalizer
        hv *= np.uint32(0x85EBCA6B)
        hv ^= hv >> np.uint32(13)
        hv *= np.uint32(0xC2B2AE35)
        hv ^= hv >> np.uint32(16)
        out = None
        for at in range(0, len(hv), CHUNK_SHINGLES):        # (a * h + b) mod 2**32, minimum per permutation
            phv = np.multiply.outer(self._perm_a, hv[at:at + CHUNK_SHINGLES])
            phv += self._perm_b_col
            low = phv.min(axis=1)
            out = low if out is None else np.minimum(out, low)
        return out

    def signature_of_text(self, kept: str) -> Any:
        """The signature of a kept text (its matching form's shingles)."""
        return self.hash_signature(self.hasher.hashes(match_form(kept).text))

    def signature(self, doc: Document) -> Any:
        """The MinHash of ``doc``'s kept text (its whole text before cleaning)."""
        return self.signature_of_text(doc.kept_text() if doc.segments else doc.text)

    def from_bytes(self, blob: bytes) -> Any:
        """A signature from ``to_bytes`` output."""
        return self._np.frombuffer(blob, dtype=self._dtype)

    def to_bytes(self, sig: Any) -> bytes:
        return sig.astype(self._dtype, copy=False).tobytes()


class NearDupIndex(MinHashSigner):
    """MinHash + LSH over the stored signatures; new documents are compared incrementally.

    Exact copies (same content hash) are linked to the first stored copy without an LSH query,
    and only that first copy is indexed, so a batch of identical documents stays linear."""

    def __init__(self, store: Store, config: Config):
        super().__init__(config)
        np = self._np
        self.threshold = config.near_dup_threshold
        b, r = lsh_params(self.threshold, self.num_perm)
        self.lsh = BandIndex([(i * r, (i + 1) * r) for i in range(b)], self._dtype.itemsize)
        self.sigs: dict[str, Any] = {}
        # the indexed signatures as rows of one matrix: a query compares all candidates at once
        self._rows: dict[str, int] = {}
        self._matrix = np.empty((64, self.num_perm), dtype=np.uint32)
        self._used = 0
        # a similarity is (equal values) / num_perm, stored rounded to 4 digits
        self._rounded = [round(float(k) / float(self.num_perm), 4) for k in range(self.num_perm + 1)]
        self._rounded_arr = np.array(self._rounded)
        self.rep_by_hash: dict[str, str] = {}
        self.hash_of: dict[str, str] = {}
        for doc_id, h in store.document_hashes():
            self.hash_of[doc_id] = h
            self.rep_by_hash.setdefault(h, doc_id)
        stored = list(store.signatures())
        resigned = self._resign(store, [doc_id for doc_id, method, _ in stored if method != self.method])
        for doc_id, method, blob in stored:
            sig = resigned.get(doc_id) if method != self.method else self.from_bytes(blob)
            if sig is not None and self.rep_by_hash.get(self.hash_of.get(doc_id, "")) == doc_id:
                self._insert(doc_id, sig)

    def _resign(self, store: Store, doc_ids: list[str]) -> dict[str, Any]:
        """Sign again (from the stored text and segments) the documents signed with another
        method, and store the new signatures in place of the old ones."""
        out: dict[str, Any] = {}
        if not doc_ids:
            return out
        for doc_id, text, segments in store.texts_and_segments(doc_ids):
            out[doc_id] = self.signature_of_text(_kept(text, segments))
        with store.transaction():
            store.replace_signatures([(d, self.method, self.to_bytes(s)) for d, s in out.items()])
        return out

    # ------------------------------------------------------------ index
    def _insert(self, doc_id: str, sig: Any) -> None:
        np = self._np
        self.lsh.insert(doc_id, self.to_bytes(sig))
        self.sigs[doc_id] = sig
        if self._used == len(self._matrix):
            self._matrix = np.concatenate([self._matrix, np.empty_like(self._matrix)])
        self._matrix[self._used] = sig
        self._rows[doc_id] = self._used
        self._used += 1

    def signature_of_copy(self, doc: Document) -> Any:
        """An exact copy (same text layer → same cleaning → same shingles) reuses the signature."""
        rep = self.rep_by_hash.get(doc.content_hash)
        return self.sigs.get(rep) if rep is not None and rep != doc.doc_id else None

    def candidates(self, doc: Document, sig: Any) -> list[tuple[str, float, str]]:
        """(other doc id, similarity, method) for documents near ``doc``, best first."""
        rep = self.rep_by_hash.get(doc.content_hash)
        if rep is not None and rep != doc.doc_id:
            return [(rep, 1.0, "exact-hash")]
        others = self.lsh.query(self.to_bytes(sig))
        others.discard(doc.doc_id)
        if not others:
            return []
        # the Jaccard estimate of every candidate at once: (equal values) / num_perm
        np = self._np
        ids = list(others)
        at = np.fromiter(map(self._rows.__getitem__, ids), dtype=np.intp, count=len(ids))
        equal = np.count_nonzero(self._matrix[at] == sig, axis=1)
        keep = np.flatnonzero(equal / float(self.num_perm) >= self.threshold)
        if len(keep) == 0:
            return []
        ks = equal[keep]
        if len(ks) > MAX_LINKS_PER_DOC:     # only the best ones (and their ties) need sorting
            cut = len(ks) - MAX_LINKS_PER_DOC
            least = self._rounded_arr[np.partition(ks, cut)[cut]]
            best = np.flatnonzero(self._rounded_arr[ks] >= least)
            keep, ks = keep[best], ks[best]
        pairs = [(ids[i], k) for i, k in zip(keep.tolist(), ks.tolist())]
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
                    stored = store.signature(other)
                    if stored and stored[0] == self.method:
                        self._insert(other, self.from_bytes(stored[1]))
                    elif stored:            # signed with another method (another process stored it)
                        self._insert(other, self._resign(store, [other])[other])
                    break

    def add(self, doc: Document, sig: Any) -> None:
        self.hash_of[doc.doc_id] = doc.content_hash
        if doc.content_hash not in self.rep_by_hash:
            self.rep_by_hash[doc.content_hash] = doc.doc_id
            self._insert(doc.doc_id, sig)


def _kept(text: str, segments: Iterable[Segment] | list[tuple[int, int]]) -> str:
    """``Document.kept_text`` of stored text and segments (the whole text when there is none)."""
    spans = [(s.start, s.end) if isinstance(s, Segment) else (s[0], s[1]) for s in segments]
    return "\n".join(text[a:b] for a, b in spans) if spans else text


__all__ = ["NearDupIndex", "MinHashSigner", "ShingleHasher", "BandIndex", "SHINGLE_WORDS", "MAX_LINKS_PER_DOC",
           "shingle_set", "shingle_hash32", "word_hash64", "affine32_permutations", "lsh_params"]
