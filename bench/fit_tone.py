"""Fit the tone model's weights on NewsMTSC train and write resources/tone/model.json.

Run: .venv/bin/python bench/fit_tone.py [--eval-dir DIR] [--check] [--limit N]

NewsMTSC (Hamborg & Donnay, EACL 2021; MIT licence) gives news sentences with a target person and
people's label of the sentence's tone toward that person (2 negative, 4 neutral, 6 positive). Each
item is parsed exactly as ``analysis.analyze`` parses an article, VADER's word valences are placed in
the parse (``analysis/measures/tone_features.py``), and two multinomial logistic regressions are
fitted with numpy (Newton's method, L2 penalty, standardised inputs, neutral as the reference class):

- ``sentence``: the sentence's tone from sentence-level inputs only (no person);
- ``target``: the tone toward one mentioned person, from the same inputs plus where each valenced
  word stands relative to that person in the parse.

The penalty and two offsets added to the negative and positive logits before the highest class is
taken (the classes are of unequal size; the offsets tune the decision for macro-F1) are chosen by
5-fold cross-validation on train (folds by sentence, fixed seed). Only train is used to fit;
``dev.jsonl`` is read afterwards to print the development figure. Everything is deterministic: running
the script again writes the same file (``--check`` compares instead of writing).
"""
from __future__ import annotations

import argparse
import hashlib
import json
import math
import os
import sys
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from analysis import nlp  # noqa: E402
from analysis.measures import tone_features as tf  # noqa: E402
from analysis.measures.tone import MODEL_PATH  # noqa: E402
from analysis.pipeline import detect_boilerplate, normalise_newlines, sentence_case_headline  # noqa: E402

SEED = 20261201
FOLDS = 5
PENALTIES = (1.0, 10.0, 100.0)
ALPHA = 20.0  # news lexicon: pseudo-count pulling a rare lemma to the base rate
MIN_COUNT = 5
CLASSES = (2.0, 4.0, 6.0)  # NewsMTSC's negative, neutral, positive
# Verbs that pass on what someone said or thought: a valenced word in what they report is theirs, not
# the writer's, and the person who says it is the speaker. Written for the tone model (kept here and in
# the weights file, so the model reads the same list it was fitted with).
SPEECH_VERBS = sorted({
    "say", "tell", "add", "write", "state", "announce", "explain", "note", "comment", "reply", "respond",
    "tweet", "post", "declare", "argue", "claim", "allege", "insist", "assert", "maintain", "contend",
    "suggest", "warn", "predict", "admit", "acknowledge", "concede", "confirm", "reveal", "deny",
    "accuse", "charge", "complain", "lament", "praise", "criticize", "criticise", "slam", "blast",
    "attack", "call", "describe", "believe", "think", "feel", "hope", "fear", "worry", "want", "ask",
    "urge", "vow", "promise", "pledge", "boast", "joke", "quip", "scoff", "fume", "testify", "report",
    "recall", "stress", "emphasize", "emphasise", "observe", "remark", "conclude", "agree", "object",
})


def eval_dir(arg: str | None) -> Path:
    if arg:
        return Path(arg)
    if os.environ.get("SLANT_EVAL_DIR"):
        return Path(os.environ["SLANT_EVAL_DIR"])
    return ROOT.parent / "shared" / "eval"


def parse(text: str):
    """The sentence parsed exactly as ``analysis.analyze`` parses an article."""
    text = normalise_newlines(text)
    _, headline = detect_boilerplate(text)
    return nlp.parse(text, reading=sentence_case_headline(text, headline))


def parsed(texts: list[str], cache: Path | None):
    """The parsed sentences; with ``cache`` (a folder) kept as a spaCy DocBin to speed up refits."""
    from spacy.tokens import DocBin

    digest = hashlib.sha1("\n".join(texts).encode("utf-8")).hexdigest()[:12]
    key = cache / f"docs-{len(texts)}-{digest}.spacy" if cache else None
    if key is not None and key.exists():
        return list(DocBin().from_bytes(key.read_bytes()).get_docs(nlp.get_nlp().vocab))
    docs = [parse(t) for t in texts]
    if key is not None:
        cache.mkdir(parents=True, exist_ok=True)
        key.write_bytes(DocBin(docs=docs).to_bytes())
    return docs


def items(path: Path, limit: int | None = None, cache: Path | None = None):
    """(sentence id, sentence reading, target reading, class index) per target."""
    vader = nlp.get_vader()
    speech = frozenset(SPEECH_VERBS)
    rows = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    if limit:
        rows = rows[:limit]
    docs = parsed([row["sentence_normalized"] for row in rows], cache)
    out = []
    for n, (row, doc) in enumerate(zip(rows, docs)):
        for t in row["targets"]:
            sent = next((s for s in doc.sents if s.start_char <= t["from"] < s.end_char), None)
            if sent is None:
                continue
            r = tf.read_sentence(vader, sent, speech)
            tr = tf.read_target(r, t["from"], t["to"])
            if tr is None:
                continue
            out.append((n, r, tr, CLASSES.index(float(t["polarity"]))))
    return out


def news_lexicon(data, idx) -> dict[str, tuple[float, float]]:
    """Per content-word lemma: smoothed log-ratio of how often a target in a sentence with it is
    positive (resp. negative), against the base rate. Counted once per target; the target's own
    words are left out; lemmas seen fewer than MIN_COUNT times are left out."""
    counts: dict[str, list[int]] = {}
    base = [0, 0, 0]
    for i in idx:
        _, r, tr, y = data[i]
        base[y] += 1
        for lemma in {w.lemma for k, w in enumerate(r.words) if w.lemma and tr.groups[k]}:
            counts.setdefault(lemma, [0, 0, 0])[y] += 1
    total = sum(base)
    pi = [b / total for b in base]
    lex = {}
    for lemma in sorted(counts):
        c = counts[lemma]
        n = sum(c)
        if n < MIN_COUNT:
            continue
        p = math.log((c[2] + ALPHA * pi[2]) / (n + ALPHA)) - math.log(pi[2])
        q = math.log((c[0] + ALPHA * pi[0]) / (n + ALPHA)) - math.log(pi[0])
        p, q = round(p, 3), round(q, 3)
        if abs(p) >= 0.01 or abs(q) >= 0.01:
            lex[lemma] = (p, q)
    return lex


def features(data, idx, lex):
    """(sentence inputs, target inputs) rows for items ``idx`` with news lexicon ``lex``."""
    xs, xt = [], []
    for i in idx:
        _, r, tr, _ = data[i]
        sp = tf.sentence_parts(r, lex)
        xs.append(tf.assemble(r, *sp))
        xt.append(tf.assemble(r, *tf.add_parts(sp, tf.target_parts(r, tr, lex))))
    return np.array(xs, dtype=float), np.array(xt, dtype=float)


def folds_of(groups, n_folds, seed):
    """Fold number per item, by sentence (both targets of one sentence stay in one fold)."""
    rng = np.random.default_rng(seed)
    ids = np.unique(groups)
    fold_of = dict(zip(ids.tolist(), (rng.permutation(len(ids)) % n_folds).tolist()))
    return np.array([fold_of[g] for g in groups.tolist()])


def cross_fitted(data, idx, seed):
    """Inputs for fitting the regression on items ``idx``: each item's news-lexicon values come from
    a lexicon counted without its own fold (so the regression learns how far to trust the lexicon
    on sentences it has not seen), plus the lexicon counted on all of ``idx`` for later use."""
    idx = np.asarray(idx)
    groups = np.array([data[i][0] for i in idx])
    fold = folds_of(groups, FOLDS, seed + 1)
    d_s, d_t = len(tf.SENTENCE_FEATURES), len(tf.SENTENCE_FEATURES) + len(tf.TARGET_FEATURES)
    Xs, Xt = np.zeros((len(idx), d_s)), np.zeros((len(idx), d_t))
    for k in range(FOLDS):
        lex = news_lexicon(data, idx[fold != k])
        Xs[fold == k], Xt[fold == k] = features(data, idx[fold == k], lex)
    return Xs, Xt, news_lexicon(data, idx)


def fit(X: np.ndarray, y: np.ndarray, penalty: float, iters: int = 30):
    """Multinomial logistic regression, neutral (class 1) as reference, by Newton's method on
    standardised inputs. Returns raw-scale (intercepts[2], weights[d, 2]) for classes (negative, positive)."""
    mu = X.mean(axis=0)
    sd = X.std(axis=0)
    sd[sd == 0] = 1.0
    Z = np.hstack([np.ones((len(X), 1)), (X - mu) / sd])
    n, d = Z.shape
    Y = np.zeros((n, 2))
    Y[y == 0, 0] = 1
    Y[y == 2, 1] = 1
    W = np.zeros((d, 2))
    reg = np.full(d, penalty)
    reg[0] = 1e-6
    R = np.diag(np.concatenate([reg, reg]))
    for _ in range(iters):
        L = Z @ W
        m = np.maximum(L.max(axis=1, keepdims=True), 0)
        e = np.exp(L - m)
        denom = np.exp(-m) + e.sum(axis=1, keepdims=True)
        P = e / denom
        G = Z.T @ (P - Y) + W * reg[:, None]
        g = np.concatenate([G[:, 0], G[:, 1]])
        H = np.zeros((2 * d, 2 * d))
        for a in range(2):
            for b in range(2):
                w = P[:, a] * ((a == b) - P[:, b])
                H[a * d:(a + 1) * d, b * d:(b + 1) * d] = (Z * w[:, None]).T @ Z
        step = np.linalg.solve(H + R, g)
        W -= np.stack([step[:d], step[d:]], axis=1)
        if np.abs(step).max() < 1e-10:
            break
    weights = W[1:] / sd[:, None]
    intercept = W[0] - (mu / sd) @ W[1:]
    return intercept, weights


def logits(intercept, weights, X):
    """(negative, positive) logits against neutral, per row."""
    return intercept + X @ weights


def classes(L, offsets=(0.0, 0.0)):
    """The class with the highest logit (neutral's is 0), after adding the decision offsets."""
    Z = np.column_stack([L[:, 0] + offsets[0], np.zeros(len(L)), L[:, 1] + offsets[1]])
    return np.argmax(Z, axis=1)


def macro_f1(y, p) -> float:
    f = []
    for c in range(3):
        tp = np.sum((y == c) & (p == c))
        fp = np.sum((y != c) & (p == c))
        fn = np.sum((y == c) & (p != c))
        f.append(2 * tp / (2 * tp + fp + fn) if tp else 0.0)
    return float(np.mean(f))


def best_offsets(y, L):
    """Offsets added to the negative and positive logits before taking the highest, chosen for the
    best macro-F1 (classes of unequal size): a grid, ties to the smallest change."""
    grid = np.round(np.arange(-1.0, 1.01, 0.1), 2)
    best = (-1.0, 0.0, 0.0, 0.0)
    for on in grid:
        for op in grid:
            f = macro_f1(y, classes(L, (on, op)))
            key = (round(f, 6), -(abs(on) + abs(op)))
            if key > (round(best[0], 6), -best[3]):
                best = (f, float(on), float(op), abs(on) + abs(op))
    return best[:3]


def model_blocks(data, y, groups):
    """Choose the penalty and offsets by 5-fold cross-validation on train, then fit on all of it."""
    fold = folds_of(groups, FOLDS, SEED)
    n = len(y)
    per_fold = []
    for k in range(FOLDS):
        tr, te = np.flatnonzero(fold != k), np.flatnonzero(fold == k)
        Xs, Xt, lex = cross_fitted(data, tr, SEED + k)
        Ts, Tt = features(data, te, lex)
        per_fold.append((tr, te, Xs, Xt, Ts, Tt))
    blocks = {}
    Xs_all, Xt_all, lex_all = cross_fitted(data, np.arange(n), SEED)
    for label, names, col in (("sentence", tf.SENTENCE_FEATURES, 0), ("target", tf.SENTENCE_FEATURES + tf.TARGET_FEATURES, 1)):
        results = []
        for pen in PENALTIES:
            L = np.zeros((n, 2))
            for tr, te, Xs, Xt, Ts, Tt in per_fold:
                X, T = (Xs, Ts) if col == 0 else (Xt, Tt)
                b, w = fit(X, y[tr], pen)
                L[te] = logits(b, w, T)
            f, on, op = best_offsets(y, L)
            results.append((round(f, 6), -pen, pen, on, op))
            print(f"  {label}: penalty {pen:<5} CV macro-F1 {f:.3f} (offsets negative {on:+.1f}, positive {op:+.1f}); "
                  f"without offsets {macro_f1(y, classes(L)):.3f}")
        f, _, pen, on, op = max(results)
        b, w = fit(Xs_all if col == 0 else Xt_all, y, pen)
        blocks[label] = {
            "features": list(names),
            "penalty": pen,
            "intercept": {"negative": round(float(b[0]), 6), "positive": round(float(b[1]), 6)},
            "weights": {nm: {"negative": round(float(w[i, 0]), 6), "positive": round(float(w[i, 1]), 6)}
                        for i, nm in enumerate(names)},
            "offsets": {"negative": on + 0.0, "positive": op + 0.0},
            "train_cv_macro_f1": round(f, 3),
        }
    return blocks, lex_all


def apply_block(block, X):
    names = block["features"]
    b = np.array([block["intercept"]["negative"], block["intercept"]["positive"]])
    w = np.array([[block["weights"][n]["negative"], block["weights"][n]["positive"]] for n in names])
    return classes(logits(b, w, X), (block["offsets"]["negative"], block["offsets"]["positive"]))


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--eval-dir", help="folder holding newsmtsc/ (default $SLANT_EVAL_DIR or ../shared/eval)")
    ap.add_argument("--check", action="store_true", help="compare with the shipped file instead of writing it")
    ap.add_argument("--limit", type=int, help="use only the first N train sentences (for tests)")
    ap.add_argument("--out", type=Path, default=None, help="write here instead of resources/tone/model.json")
    ap.add_argument("--doc-cache", type=Path, default=None, help="keep the parsed sentences in this folder")
    args = ap.parse_args()
    base = eval_dir(args.eval_dir) / "newsmtsc"
    train = items(base / "train.jsonl", args.limit, args.doc_cache)
    groups = np.array([g for g, *_ in train])
    y = np.array([c for *_, c in train])
    print(f"NewsMTSC train: {len(y)} targets in {len(set(groups.tolist()))} sentences")
    blocks, lex = model_blocks(train, y, groups)
    model = {
        "meta": {
            "name": "tone",
            "version": "1",
            "what": "Multinomial logistic regression over VADER word valences and a news lexicon placed in "
                    "the spaCy parse; classes negative / neutral / positive, neutral the reference (weights 0).",
            "corpus": "NewsMTSC real-world split, train.jsonl (Hamborg & Donnay, EACL 2021)",
            "licence": "NewsMTSC: MIT, Copyright 2020 Felix Hamborg (see THIRD_PARTY_NOTICES.md); "
                       "weights and lexicon fitted from it: MIT, Slant project",
            "fitted_by": "bench/fit_tone.py (deterministic; seed %d)" % SEED,
            "news_lexicon": f"lemma: [positive, negative], smoothed log-ratios, alpha {ALPHA}, "
                            f"lemmas seen with at least {MIN_COUNT} targets",
        },
        "speech_verbs": SPEECH_VERBS,
        "sentence": blocks["sentence"],
        "target": blocks["target"],
        "news_lexicon": {k: list(v) for k, v in lex.items()},
    }
    dev_path = base / "dev.jsonl"
    if dev_path.exists() and not args.limit:
        dev = items(dev_path, cache=args.doc_cache)
        yd = np.array([c for *_, c in dev])
        Ds, Dt = features(dev, range(len(dev)), lex)
        ps = apply_block(blocks["sentence"], Ds)
        pt = apply_block(blocks["target"], Dt)
        model["meta"]["dev_macro_f1"] = {"sentence": round(macro_f1(yd, ps), 3), "target_gold_span": round(macro_f1(yd, pt), 3)}
        print(f"NewsMTSC dev ({len(yd)} targets, gold target spans): sentence model {macro_f1(yd, ps):.3f}, "
              f"target model {macro_f1(yd, pt):.3f}")
    text = json.dumps(model, indent=1, ensure_ascii=False) + "\n"
    path = args.out or MODEL_PATH
    if args.check:
        same = Path(path).read_text(encoding="utf-8") == text
        print("same as the shipped file" if same else "DIFFERS from the shipped file")
        sys.exit(0 if same else 1)
    Path(path).write_text(text, encoding="utf-8")
    print(f"wrote {path}")


if __name__ == "__main__":
    main()
