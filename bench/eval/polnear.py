"""PolNeAR (Newell, Margolin & Ruths 2018), dev split: attribution cues and their sources.

Texts: ``dev/text/<name>.txt`` read as UTF-8; annotations: the first ``dev/attributions/<name>_*.ann``
in sorted order (some texts were annotated by several people; the others are not used). Gold: every
``Cue`` and every ``Source`` text-bound annotation (``T`` line; brat fragments ``a b;c d`` kept as
several ranges), exact duplicates counted once. Before scoring, every gold span's text is checked
against the ``.txt`` at its offsets; the count of mismatches is printed.

Slant's predictions: each attribution's cue span and, when it has one, its source span (exact duplicates
counted once; every cue class, states of mind included). Matching: one-to-one greedy by character
overlap (``scoring.match_spans``), summed over all texts (micro-averaged).

Baseline ("8-verb regular expression"): a cue is a case-insensitive whole-word match of said, says,
told, according to, reported, added, stated or announced. Its source, within the cue's sentence (text
split after . ! ? and an optional closing quote, and at line breaks): for "according to", the words
after it up to the next , . ; : or line break (at most 8 words); after a comma or closing quote
("…,” said Mr. Smith") a capitalised word sequence (a capitalised word, or one of Mr. Mrs. Ms. Dr.
Sen. Rep. Gov. Gen. Lt. Sgt. Prof. Jr. St.) right after the cue (told excluded, its object
is no source); otherwise the nearest capitalised word sequence or subject pronoun (he, she, they, we,
I, it) before the cue.
"""
from __future__ import annotations

import re
from collections import Counter
from pathlib import Path

from . import scoring
from .common import TimedAnalyser

SPLIT = Path("polnear") / "dev"
TARGETS = {"cue": 0.80, "source": 0.80}
DETAILS = 40  # most frequent misses listed (``run.py --misses``): to learn kinds of wording, not to copy

BASE_CUE = re.compile(r"\b(?:said|says|told|according to|reported|added|stated|announced)\b", re.I)
SENT_END = re.compile(r"[.!?][\"”’')]*\s+|\n+")
_CAP_WORD = r"(?:(?:Mr|Mrs|Ms|Dr|Sen|Rep|Gov|Gen|Lt|Sgt|Prof|Jr|St)\.|[A-Z][\w'’-]*)"
CAPS = re.compile(rf"{_CAP_WORD}(?:[ \t]+{_CAP_WORD})*")
PRONOUN = re.compile(r"\b(?:[Hh]e|[Ss]he|[Tt]hey|[Ww]e|I|[Ii]t)\b")
AFTER_ACCORDING = re.compile(r"[ \t]*([^,.;:\n]+)")


def parse_ann(raw: str) -> list[tuple[str, scoring.Fragments, str]]:
    """``(type, fragments, annotated text)`` for every text-bound (``T``) line of a brat file."""
    out = []
    for line in raw.splitlines():
        if not line.startswith("T"):
            continue
        parts = line.split("\t")
        if len(parts) < 3:
            continue
        kind, _, ranges = parts[1].partition(" ")
        frags = tuple((int(a), int(b)) for a, b in (r.split() for r in ranges.split(";")))
        out.append((kind, frags, parts[2]))
    return out


def load(folder: Path, limit: int | None = None) -> list[dict]:
    base = folder / SPLIT
    anns = sorted((base / "attributions").glob("*.ann"))
    items = []
    for txt in sorted((base / "text").glob("*.txt")):
        mine = [a for a in anns if a.name.rsplit("_", 1)[0] == txt.stem]
        if not mine:
            continue
        with open(txt, encoding="utf-8", newline="") as fh:
            text = fh.read()
        spans = parse_ann(mine[0].read_text(encoding="utf-8"))
        bad = [(k, f, t) for k, f, t in spans if " ".join(" ".join(text[a:b] for a, b in f).split()) != " ".join(t.split())]
        items.append({
            "name": txt.stem, "ann": mine[0].name, "text": text,
            "cues": list(dict.fromkeys(f for k, f, _ in spans if k == "Cue")),
            "sources": list(dict.fromkeys(f for k, f, _ in spans if k == "Source")),
            "checked": len(spans), "mismatched": bad,
        })
        if limit is not None and len(items) >= limit:
            break
    return items


def baseline(text: str) -> tuple[list[scoring.Fragments], list[scoring.Fragments]]:
    """Cues and sources of the 8-verb regular expression (see the module docstring)."""
    bounds = [0] + [m.end() for m in SENT_END.finditer(text)] + [len(text)]
    cues, sources = [], []
    for m in BASE_CUE.finditer(text):
        cues.append(((m.start(), m.end()),))
        s_start = max(b for b in bounds if b <= m.start())
        s_end = min((b for b in bounds if b > m.end()), default=len(text))
        src = None
        word = m.group().lower()
        if word == "according to":
            a = AFTER_ACCORDING.match(text, m.end(), s_end)
            if a and a.group(1).strip():
                words = list(re.finditer(r"\S+", a.group(1)))[:8]
                src = (a.start(1) + words[0].start(), a.start(1) + words[-1].end())
        else:
            before = text[s_start:m.start()].rstrip()
            after = CAPS.match(text, m.end() + 1, s_end) if text[m.end():m.end() + 1] == " " else None
            if word != "told" and before and before[-1] in ",\"”’'" and after:
                src = (after.start(), after.end())
            else:
                found = [c for c in [*CAPS.finditer(text, s_start, m.start()), *PRONOUN.finditer(text, s_start, m.start())]]
                if found:
                    c = max(found, key=lambda c: c.end())
                    src = (c.start(), c.end())
        if src:
            sources.append((src,))
    return cues, list(dict.fromkeys(sources))


def predicted(result) -> tuple[list[scoring.Fragments], list[scoring.Fragments]]:
    cues = [((a.cue.start, a.cue.end),) for a in result.attributions]
    sources = [((a.source.start, a.source.end),) for a in result.attributions if a.source is not None]
    return list(dict.fromkeys(cues)), list(dict.fromkeys(sources))


def evaluate(folder: Path, limit: int | None = None) -> dict:
    items = load(folder, limit)
    analyse = TimedAnalyser()
    cue, src, b_cue, b_src = scoring.PRF(), scoring.PRF(), scoring.PRF(), scoring.PRF()

    missed: dict[str, Counter] = {"cue": Counter(), "source": Counter()}
    wrong: dict[str, Counter] = {"cue": Counter(), "source": Counter()}

    def spell(text: str, frags) -> str:
        return " ".join(" ".join(text[a:b] for a, b in frags).split()).lower()

    def add(acc: scoring.PRF, gold, pred, text: str = "", kind: str = "") -> None:
        got = scoring.span_prf(gold, pred)
        if kind:
            pairs = scoring.match_spans(gold, pred)
            hit_g, hit_p = {g for g, _ in pairs}, {p for _, p in pairs}
            missed[kind].update(spell(text, f) for i, f in enumerate(gold) if i not in hit_g)
            wrong[kind].update(spell(text, f) for i, f in enumerate(pred) if i not in hit_p)
        acc.tp += got.tp
        acc.n_pred += got.n_pred
        acc.n_gold += got.n_gold

    for it in items:
        res = analyse(it["text"])
        if res.text != it["text"]:
            raise ValueError(f"{it['name']}: the analysis changed the text (line ends?), offsets would not match")
        p_cues, p_sources = predicted(res)
        add(cue, it["cues"], p_cues, it["text"], "cue")
        add(src, it["sources"], p_sources, it["text"], "source")
        bc, bs = baseline(it["text"])
        add(b_cue, it["cues"], bc)
        add(b_src, it["sources"], bs)
    n = len(items)
    checked = sum(it["checked"] for it in items)
    bad = sum(len(it["mismatched"]) for it in items)
    rows = [
        scoring.prf_row("attribution cues (F1, overlap)", "Slant", cue, n=cue.n_gold, target=TARGETS["cue"]),
        scoring.prf_row("attribution cues (F1, overlap)", "8-verb regular expression", b_cue, n=b_cue.n_gold),
        scoring.prf_row("attribution sources (F1, overlap)", "Slant", src, n=src.n_gold, target=TARGETS["source"]),
        scoring.prf_row("attribution sources (F1, overlap)", "8-verb regular expression", b_src, n=b_src.n_gold),
    ]
    return {"corpus": "polnear", "folder": str(folder / SPLIT), "items": n, "rows": rows,
            "offset_check": {"spans": checked, "mismatched": bad,
                             "examples": [(it["name"], f, t) for it in items for _, f, t in it["mismatched"]][:5]},
            "details": {"cues people marked that Slant missed": missed["cue"].most_common(DETAILS),
                        "cues Slant found that people did not mark": wrong["cue"].most_common(DETAILS),
                        "sources people marked that Slant missed": missed["source"].most_common(DETAILS),
                        "sources Slant found that people did not mark": wrong["source"].most_common(DETAILS)},
            "throughput": analyse.throughput()}
