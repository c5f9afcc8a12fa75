"""Near-duplicate detection: shingle hashes, MinHash signatures, LSH bands, the index and its
stored signatures (re-signing documents signed with another method).

datasketch is a development dependency: where it is installed, the signatures, bands and links
are checked against its ``MinHash`` / ``MinHashLSH`` with our shingle hash."""
from __future__ import annotations

import random
import re
import subprocess
import sys

import numpy as np
import pytest

from sukien.config import Config, Resources
from sukien.ingest import ingest_paths
from sukien.models import Document
from sukien.neardup import (MAX_LINKS_PER_DOC, SHINGLE_WORDS, MinHashSigner, NearDupIndex, ShingleHasher,
                            affine32_permutations, lsh_params, shingle_hash32, shingle_set, word_hash64)
from sukien.store import Store
from sukien.textnorm import match_form
from test_decode import VI_1, VI_2
from test_ingest import _words  # the same random Vietnamese word soup

_WORD = re.compile(r"\w+")
OLD_METHOD = "minhash-64-affine32-w3"          # SHA-1 shingle hashes (earlier versions)




@pytest.fixture(scope="module")
def hasher() -> ShingleHasher:
    return ShingleHasher()


# ------------------------------------------------------------------ shingle hashes

def test_word_hashes_follow_the_reference_words_for_every_code_point(hasher):
    # every code point between two letters: a separator exactly when it is not \w (re's definition),
    # and each word hashed as word_hash64 (one text per plane block keeps memory small)
    for block in range(0, 0x110000, 0x10000):
        text = " ".join("a" + chr(c) + "b" for c in range(block, block + 0x10000))
        expected = [word_hash64(w) for w in _WORD.findall(text)]
        assert hasher.word_hashes(text).tolist() == expected, hex(block)


def test_shingle_hashes_are_the_reference_hashes_of_the_reference_shingles(hasher):
    rnd = random.Random(5)
    alphabet = list("aăâbcdđeêghiklmnoôơpqrstuưvxyáàảãạ_0123456789 \n\t,.;:!?()[]“”‘’…–—«»/\\'\"") + [
        "\u00a0", "\u200b", "\ufeff", "\u2028", "①", "½", "٣", "𝟘", "😀", "中", "\x00", "\x85", "İ", "ß", "\ud800"]
    for _ in range(3000):
        text = "".join(rnd.choice(alphabet) for _ in range(rnd.randint(0, 60)))
        assert set(hasher.hashes(text).tolist()) == {shingle_hash32(s) for s in shingle_set(text)}, text
    # the values themselves are pinned: stored signatures depend on them
    assert word_hash64("ab") == (0x61 + 0x62 * 0x9E3779B97F4A7C15) % 2**64
    assert [shingle_hash32(s) for s in ("", "hai", "hai bên nhất")] == [0, 2066240847, 1341646883]
    assert shingle_hash32("hai bên nhất".encode("utf-8")) == shingle_hash32("hai bên nhất")


def test_shingle_order_and_grouping_change_the_hash():
    values = {shingle_hash32(s) for s in ("a b c", "c b a", "b a c", "ab c", "a bc", "abc", "a b", "b")}
    assert len(values) == 8


# ------------------------------------------------------------------ signatures and bands

def test_signature_is_datasketchs_minhash_with_our_shingle_hash():
    ds = pytest.importorskip("datasketch")
    signer = MinHashSigner(Config(db=":memory:"))
    assert signer.method == f"minhash-64-wpoly64-affine32-w{SHINGLE_WORDS}"
    texts = [VI_1, VI_2, VI_1 + "\n" + VI_2, _words(1, 400), "Hai bên", "Một", "", "  ", "“Trích” – a_b 12,5% 😀"]
    for t in texts:
        ref = ds.MinHash(num_perm=signer.num_perm, seed=1, hashfunc=shingle_hash32)
        ref.update_batch(sorted(shingle_set(match_form(t).text)))
        assert ref.scheme == "affine32"
        assert signer.to_bytes(signer.signature(Document(doc_id="x", text=t))) == \
            ref.hashvalues.astype("<u4").tobytes(), t
    ref = ds.MinHash(num_perm=signer.num_perm, seed=1)
    assert (ref.permutations == affine32_permutations(signer.num_perm)).all()


def test_long_texts_are_permuted_in_chunks_with_the_same_signature(monkeypatch):
    import sukien.neardup as nd
    signer = MinHashSigner(Config(db=":memory:"))
    text = _words(3, 5000)
    whole = signer.signature_of_text(text)
    monkeypatch.setattr(nd, "CHUNK_SHINGLES", 7)
    assert (signer.signature_of_text(text) == whole).all()
    hv = signer.hasher.hashes(match_form(text).text)
    perm_a, perm_b = affine32_permutations(signer.num_perm)
    mixed = np.array([_fmix32(int(h)) for h in hv.tolist()], dtype=np.uint64)
    expected = ((np.multiply.outer(perm_a.astype(np.uint64), mixed) + perm_b[:, None]) % 2**32).min(axis=1)
    assert (whole == expected).all()


def _fmix32(h: int) -> int:
    h ^= h >> 16
    h = (h * 0x85EBCA6B) & 0xFFFFFFFF
    h ^= h >> 13
    h = (h * 0xC2B2AE35) & 0xFFFFFFFF
    return h ^ (h >> 16)


def test_estimates_follow_the_true_jaccard_similarity():
    # pairs of texts of known shingle overlap: the estimates are unbiased within MinHash's own error
    signer = MinHashSigner(Config(db=":memory:"))
    rnd = random.Random(11)
    vocab = [f"từ{i}" for i in range(5000)]
    errors = []
    for trial in range(120):
        words = [rnd.choice(vocab) for _ in range(400)]
        other = list(words)
        for i in rnd.sample(range(400), rnd.randint(5, 120)):
            other[i] = rnd.choice(vocab)
        a, b = " ".join(words), " ".join(other)
        sa, sb = shingle_set(a), shingle_set(b)
        truth = len(sa & sb) / len(sa | sb)
        est = float(np.count_nonzero(signer.signature_of_text(a) == signer.signature_of_text(b))) / signer.num_perm
        errors.append(est - truth)
    assert abs(sum(errors) / len(errors)) < 0.02                          # no bias
    assert (sum(e * e for e in errors) / len(errors)) ** 0.5 < 0.07      # sqrt(J(1-J)/64) <= 0.0625


def test_lsh_bands_are_datasketchs():
    lsh_mod = pytest.importorskip("datasketch.lsh")
    for num_perm in (16, 64, 128):
        for threshold in (0.1, 0.3, 0.5, 0.6, 0.7, 0.8, 0.9):
            assert lsh_params(threshold, num_perm) == lsh_mod._optimal_param(threshold, num_perm, 0.5, 0.5), \
                (threshold, num_perm)
    with Store(":memory:") as st:
        idx = NearDupIndex(st, Config(db=":memory:"))
        b, r = lsh_params(idx.threshold, idx.num_perm)
        assert idx.lsh.ranges == [(i * r * 4, (i + 1) * r * 4) for i in range(b)]


def test_signatures_and_links_match_datasketch_on_articles(tmp_path):
    ds = pytest.importorskip("datasketch")
    texts = [VI_1, VI_2, VI_1 + "\n" + VI_2, _words(1, 400), _words(1, 400) + " thêm", "“Trích” – a_b 12,5%"]
    with Store(tmp_path / "m.db") as st:
        idx = NearDupIndex(st, Config(db=str(tmp_path / "m.db")))
        lsh = ds.MinHashLSH(threshold=idx.threshold, num_perm=idx.num_perm)
        refs = {}
        for i, t in enumerate(texts):
            doc = Document(doc_id=f"d{i}", text=t, content_hash=str(i))
            sig = idx.signature(doc)
            ref = ds.MinHash(num_perm=idx.num_perm, seed=1, hashfunc=shingle_hash32)
            ref.update_batch(sorted(shingle_set(match_form(t).text)))
            assert idx.to_bytes(sig) == ref.hashvalues.astype("<u4").tobytes()
            expected = sorted(((o, round(ref.jaccard(refs[o]), 4)) for o in lsh.query(ref)
                               if ref.jaccard(refs[o]) >= idx.threshold), key=lambda x: (-x[1], x[0]))
            assert [(o, s) for o, s, _ in idx.candidates(doc, sig)] == expected
            idx.add(doc, sig)
            lsh.insert(doc.doc_id, ref)
            refs[doc.doc_id] = ref
        near = idx.candidates(Document(doc_id="q", text=texts[4], content_hash="q"),
                              idx.signature(Document(doc_id="q", text=texts[4])))
        assert near and near[0][2] == idx.method


def test_candidates_match_datasketch_lsh_with_many_ties(tmp_path):
    # many near-identical signatures (more than MAX_LINKS_PER_DOC candidates, ties at the cut):
    # the links are those of datasketch's MinHashLSH + MinHash.jaccard, sorted and cut
    ds = pytest.importorskip("datasketch")
    rnd = np.random.RandomState(3)
    with Store(tmp_path / "t.db") as st:
        idx = NearDupIndex(st, Config(db=str(tmp_path / "t.db")))
        lsh = ds.MinHashLSH(threshold=idx.threshold, num_perm=idx.num_perm)
        perms = affine32_permutations(idx.num_perm)
        base = rnd.randint(0, 2**32 - 1, size=idx.num_perm, dtype=np.uint64).astype(np.uint32)
        refs = {}
        most = 0
        for i in range(120):
            hv = base.copy()
            flip = rnd.choice(idx.num_perm, size=rnd.randint(0, 30), replace=False)
            hv[flip] = rnd.randint(0, 2**32 - 1, size=len(flip), dtype=np.uint64).astype(np.uint32)
            mh = ds.MinHash(num_perm=idx.num_perm, seed=1, hashvalues=hv, permutations=perms, scheme="affine32")
            doc = Document(doc_id=f"d{i:03d}", text="x", content_hash=f"h{i}")
            expected = []
            for other in lsh.query(mh):
                sim = float(mh.jaccard(refs[other]))
                if sim >= idx.threshold:
                    expected.append((other, round(sim, 4), idx.method))
            expected.sort(key=lambda t: (-t[1], t[0]))
            assert idx.candidates(doc, hv) == expected[:MAX_LINKS_PER_DOC], i
            most = max(most, len(expected))
            idx.add(doc, hv)
            lsh.insert(doc.doc_id, mh)
            refs[doc.doc_id] = mh
        assert most > MAX_LINKS_PER_DOC
        idx.forget("d005", st)                           # forgetting a document takes it out of both
        lsh.remove("d005")
        assert "d005" not in {o for o, _, _ in idx.candidates(Document(doc_id="q", text="x", content_hash="q"),
                                                              refs["d005"].hashvalues)}


# ------------------------------------------------------------------ stored signatures of another method

def _ingest(paths, st, res):
    return ingest_paths([str(p) for p in paths], st, res, progress="none")


def test_documents_signed_with_another_method_are_signed_again_and_linked(tmp_path):
    db = tmp_path / "old.db"
    res = Resources(Config(db=str(db), run_pipeline=False))
    base = _words(7, 250)
    (tmp_path / "first.txt").write_text("Tiêu đề bài viết mẫu\n" + base, encoding="utf-8")
    (tmp_path / "other.txt").write_text(_words(8, 250), encoding="utf-8")
    with Store(db) as st:
        _ingest([tmp_path / "first.txt", tmp_path / "other.txt"], st, res)
        fresh = dict(st.conn.execute("SELECT doc_id, sig FROM doc_signatures").fetchall())
        # as an earlier version stored them: another method, other values
        st.conn.execute("UPDATE doc_signatures SET method = ?, sig = zeroblob(256)", (OLD_METHOD,))
        st.conn.commit()
    (tmp_path / "second.txt").write_text("Tiêu đề bài viết mẫu\n" + base + " Thêm một câu.", encoding="utf-8")
    with Store(db) as st:
        report = _ingest([tmp_path / "second.txt"], st, res)
        assert [(a, b) for a, b, _ in report.near_duplicates] == [("second.txt", "first.txt")]
        rows = {d: (m, s) for d, m, s in st.conn.execute("SELECT doc_id, method, sig FROM doc_signatures")}
        method = MinHashSigner(res.config).method
        assert {d: m for d, (m, _) in rows.items()} == dict.fromkeys(("first.txt", "other.txt", "second.txt"), method)
        assert {d: rows[d][1] for d in fresh} == fresh          # the same signature a fresh ingest stores
        assert st.near_duplicates("first.txt")[0]["method"] == method


def test_signatures_of_another_method_are_never_compared(tmp_path):
    # a promoted exact copy whose stored signature is of another method is signed again, not read
    db = tmp_path / "p.db"
    res = Resources(Config(db=str(db), run_pipeline=False))
    text = _words(9, 300)
    for name in ("a.txt", "b.txt"):
        (tmp_path / name).write_text(text, encoding="utf-8")
    with Store(db) as st:
        _ingest([tmp_path / "a.txt", tmp_path / "b.txt"], st, res)
        idx = NearDupIndex(st, res.config)
        st.conn.execute("UPDATE doc_signatures SET method = ?, sig = zeroblob(256) WHERE doc_id = 'b.txt'",
                        (OLD_METHOD,))
        st.conn.commit()
        idx.forget("a.txt", st)                          # a.txt changes: b.txt becomes the copy indexed
        assert list(idx.sigs) == ["b.txt"]
        assert (idx.sigs["b.txt"] == idx.signature_of_text(text)).all()
        assert st.signature("b.txt") == (idx.method, idx.to_bytes(idx.sigs["b.txt"]))


def test_ingest_imports_neither_datasketch_nor_scipy(tmp_path):
    (tmp_path / "a.txt").write_text(VI_1, encoding="utf-8")
    code = ("import sys\nfrom sukien.config import Config, Resources\nfrom sukien.ingest import ingest_paths\n"
            "from sukien.store import Store\n"
            f"db = {str(tmp_path / 'i.db')!r}\n"
            "r = ingest_paths([" + repr(str(tmp_path / "a.txt")) + "], Store(db), Resources(Config(db=db, "
            "run_pipeline=False)), progress='none')\n"
            "assert r.new == ['a.txt'], r.summary()\n"
            "print(sorted(m for m in ('datasketch', 'scipy') if m in sys.modules))\n")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120)
    assert out.returncode == 0, out.stderr[-2000:]
    assert out.stdout.strip() == "[]"
