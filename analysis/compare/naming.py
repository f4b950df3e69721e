"""How each article names the same entity ("Leftist American President Joe Biden" vs "US President Joe Biden").

Each article's mentions (``analysis.measures.naming.find_mentions``) carry an article-level key. Keys
of people are merged across articles when they are the same name up to word order and spelling
("Fumio Kishida" / "Kishida Fumio", "Zelensky" / "Zelenskiy"), or when one is a lone surname that fits
exactly one full name ("Kishida"). Keys that differ only in capitals ("WASHINGTON" / "Washington") are
one entity too. The row shows the form most articles use.

A row is made for an entity named by at least two articles, or by one article with a label: a word in
front of the name that is not a plain title ("President", "Prime Minister"), a nationality or other
name ("US", "Japanese", "NATO"), or an article ("the"). ``differs`` is True when the articles' labels
differ ("Leftist" in one, nothing in the other) - a different title or nationality word ("US" vs
"American") does not count. For events (label EVENT) the naming itself is the choice, so ``differs``
is True when the articles use different names for it ("Russia's invasion of Ukraine" vs "the Ukraine
crisis").
"""
from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Sequence

from ..measures.naming import config, tokens_match
from ..results import ArticleAnalysis, Mention, NamingRow

NAME_LABELS = {"PERSON", "ORG", "GPE", "NORP", "LOC", "FAC"}
DETERMINERS = {"the", "a", "an", "its", "his", "her", "their", "our", "this", "that"}


def _words(key: str) -> list[str]:
    return key.lower().split()


def _same_name(a: str, b: str) -> bool:
    wa, wb = _words(a), _words(b)
    if len(wa) != len(wb):
        return False
    return all(any(tokens_match(x, y) for y in wb) for x in wa) and all(any(tokens_match(y, x) for x in wa) for y in wb)


class _UnionFind:
    def __init__(self) -> None:
        self.parent: dict[str, str] = {}

    def find(self, x: str) -> str:
        self.parent.setdefault(x, x)
        while self.parent[x] != x:
            self.parent[x] = self.parent[self.parent[x]]
            x = self.parent[x]
        return x

    def union(self, a: str, b: str) -> None:
        ra, rb = self.find(a), self.find(b)
        if ra != rb:
            self.parent[rb] = ra


def merge_keys(analyses: Sequence[ArticleAnalysis]) -> dict[str, str]:
    """Article-level entity key -> story-level key (the form used by most articles)."""
    person_keys: list[str] = []
    articles_using: dict[str, set[str]] = defaultdict(set)
    labels: dict[str, Counter[str]] = defaultdict(Counter)
    for a in analyses:
        for m in a.mentions:
            articles_using[m.entity].add(a.id)
            labels[m.entity][m.label] += 1
    for key, c in labels.items():
        if c.most_common(1)[0][0] == "PERSON" and key not in person_keys:
            person_keys.append(key)
    uf = _UnionFind()
    by_fold: dict[str, str] = {}
    for key in articles_using:
        uf.find(key)
        # "WASHINGTON" in one article's dateline, "Washington" in another's text: one place.
        uf.union(by_fold.setdefault(key.casefold(), key), key)
    full = [k for k in person_keys if len(_words(k)) >= 2]
    for i, a in enumerate(full):
        for b in full[i + 1 :]:
            if _same_name(a, b):
                uf.union(a, b)
    for k in person_keys:
        if len(_words(k)) != 1:
            continue
        groups = {uf.find(f) for f in full if any(tokens_match(k, w) for w in _words(f))}
        if len(groups) == 1:
            uf.union(groups.pop(), k)
    members: dict[str, list[str]] = defaultdict(list)
    for key in articles_using:
        members[uf.find(key)].append(key)
    out = {}
    for group in members.values():
        # Show the full form used by most articles (then not in capitals, then first seen).
        shown = max(
            group, key=lambda k: (len(_words(k)) >= 2, len(articles_using[k]), not k.isupper(), -group.index(k))
        )
        for k in group:
            out[k] = shown
    return out


def _is_name_word(word: str, names: set[str], cfg: dict | None = None) -> bool:
    w = word.lower().replace("’", "'")
    if w.endswith("'s"):
        w = w[:-2]
    return w in names or w in (cfg or config())["aliases"]


def label_words(m: Mention, names: set[str], cfg: dict | None = None) -> tuple[str, ...]:
    """The words in front of a name that are labels, not titles, names or articles. ``cfg``: the naming
    ``config()`` when the caller has read it already (reading it checks the user's lexicon folder)."""
    cfg = cfg or config()
    titles = cfg["titles"]
    out = []
    for word in m.modifiers:
        w = word.lower()
        if w in DETERMINERS or w in titles or _is_name_word(word, names, cfg):
            continue
        if "-" in w and all(part in titles for part in w.split("-")):
            continue
        out.append(w)
    return tuple(out)


def _event_naming(m: Mention) -> str:
    words = m.span.text.lower().replace("’", "'").split()
    while words and words[0] in DETERMINERS:
        words = words[1:]
    return " ".join(words)


def _phrase(m: Mention) -> str:
    return " ".join(m.phrase.text.split())


def naming_rows(analyses: Sequence[ArticleAnalysis]) -> tuple[NamingRow, ...]:
    """Rows for the entities worth comparing; none for fewer than two articles (nothing to compare)."""
    if len(analyses) < 2:
        return ()
    merged = merge_keys(analyses)
    cfg = config()  # once per comparison, not once per mention
    order = [a.id for a in analyses]
    names_of = {a.id: _names_in(a) for a in analyses}
    by_entity: dict[str, dict[str, list[Mention]]] = defaultdict(lambda: defaultdict(list))
    for a in analyses:
        for m in a.mentions:
            by_entity[merged.get(m.entity, m.entity)][a.id].append(m)

    rows: list[tuple[tuple, NamingRow]] = []
    for entity, per_article in by_entity.items():
        label = Counter(m.label for ms in per_article.values() for m in ms).most_common(1)[0][0]
        is_event = label not in NAME_LABELS
        signatures: dict[str, frozenset[str]] = {}
        for aid, ms in per_article.items():
            if is_event:
                signatures[aid] = frozenset(_event_naming(m) for m in ms)
            else:
                signatures[aid] = frozenset(w for m in ms for w in label_words(m, names_of[aid], cfg))
        n_articles = len(per_article)
        has_label = any(signatures.values())
        if n_articles < 2 and not (has_label and not is_event):
            continue
        differs = len(set(signatures.values())) > 1 if n_articles >= 2 else True
        by_article = {}
        for aid in order:
            ms = per_article.get(aid)
            if not ms:
                continue
            counts = Counter(_phrase(m) for m in ms)
            first = {}
            for i, m in enumerate(ms):
                first.setdefault(_phrase(m), i)
            by_article[aid] = tuple(sorted(counts, key=lambda p: (-counts[p], first[p])))
        total = sum(len(ms) for ms in per_article.values())
        rows.append(((not differs, -n_articles, -total, entity), NamingRow(entity, label, by_article, differs)))
    rows.sort(key=lambda r: r[0])
    return tuple(r for _, r in rows)


def _names_in(a: ArticleAnalysis) -> set[str]:
    """Lower-cased words of the names an article mentions (so "US" in "US President" is a name)."""
    out: set[str] = set()
    for m in a.mentions:
        if m.label in NAME_LABELS:
            for w in m.span.text.split():
                out.add(w.lower())
    return out
