"""The students' glossary: every measure in plain words (``resources/glossary.toml``), read and rendered.

    entries()            -> tuple[Entry, ...] in the file's order
    entry(id)            -> Entry (KeyError for an unknown id)
    entry_for(key)       -> Entry | None: the entry explaining "category:loaded_term", "metric:gunning_fog",
                            "cue_class:doubt", "source_type:vague", "kind:opinion", "section:naming", ...
    to_html(...)         -> one self-contained HTML page (the window shows it, the PDF and HTML exports print it)
    meta()               -> the file's [meta] table (name, version, source, licence)

No Qt here: the window (``desktop/dialogs/glossary.py``) and ``slant glossary`` both use this module.
"""
from __future__ import annotations

import html
import tomllib
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from typing import Any

REQUIRED_META = ("name", "version", "source", "licence")
REQUIRED = ("id", "title", "group", "keys", "short", "plain", "example", "why", "fine", "ask", "how")
TEXT_FIELDS = ("title", "group", "short", "plain", "example", "why", "fine", "how", "measures", "limits")
KEY_KINDS = ("category", "metric", "cue_class", "source_type", "kind", "section", "topic")
LINK_SCHEME = "glossary:"  # links in the window's HTML: "glossary:<id>"


class GlossaryError(ValueError):
    """The glossary file is malformed; the message names the entry and the problem."""


@dataclass(frozen=True)
class Entry:
    id: str
    title: str
    group: str
    keys: tuple[str, ...]
    short: str
    plain: str
    example: str
    why: str
    fine: str
    ask: tuple[str, ...]
    how: str
    measures: str = ""
    limits: str = ""
    see_also: tuple[str, ...] = ()


def _entry(raw: dict[str, Any], n: int) -> Entry:
    where = f"glossary entry {n} ({raw.get('id', 'no id')})"
    missing = [k for k in REQUIRED if not raw.get(k)]
    if missing:
        raise GlossaryError(f"{where}: missing {', '.join(missing)}")
    for k in TEXT_FIELDS:
        if k in raw and not isinstance(raw[k], str):
            raise GlossaryError(f"{where}: {k} must be text")
    for k in ("keys", "ask", "see_also"):
        if k in raw and not (isinstance(raw[k], list) and all(isinstance(x, str) and x for x in raw[k])):
            raise GlossaryError(f"{where}: {k} must be a list of texts")
    for key in raw["keys"]:
        kind, _, name = key.partition(":")
        if kind not in KEY_KINDS or not name:
            raise GlossaryError(f"{where}: key {key!r} is not one of {', '.join(k + ':…' for k in KEY_KINDS)}")
    unknown = set(raw) - set(Entry.__dataclass_fields__)
    if unknown:
        raise GlossaryError(f"{where}: unknown field {', '.join(sorted(unknown))}")
    return Entry(**{k: (tuple(v) if isinstance(v, list) else v.strip()) for k, v in raw.items()})


def parse(data: bytes | str) -> tuple[dict[str, Any], tuple[Entry, ...]]:
    """(meta, entries) from the text of a glossary file; ``GlossaryError`` when anything is wrong."""
    try:
        raw = tomllib.loads(data.decode("utf-8") if isinstance(data, bytes) else data)
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as exc:
        raise GlossaryError(f"glossary.toml: {exc}") from exc
    meta = raw.get("meta", {})
    missing = [k for k in REQUIRED_META if not meta.get(k)]
    if missing:
        raise GlossaryError(f"glossary.toml: [meta] lacks {', '.join(missing)}")
    items = tuple(_entry(e, n) for n, e in enumerate(raw.get("entry", []), 1))
    ids = [e.id for e in items]
    dup = sorted({i for i in ids if ids.count(i) > 1})
    if dup:
        raise GlossaryError(f"glossary.toml: the id {', '.join(dup)} is used twice")
    keys = [k for e in items for k in e.keys]
    dup = sorted({k for k in keys if keys.count(k) > 1})
    if dup:
        raise GlossaryError(f"glossary.toml: {', '.join(dup)} is explained by two entries")
    for e in items:
        bad = [s for s in e.see_also if s not in ids]
        if bad:
            raise GlossaryError(f"glossary entry {e.id}: see_also names no entry: {', '.join(bad)}")
    return meta, items


@lru_cache(maxsize=1)
def _load() -> tuple[dict[str, Any], tuple[Entry, ...]]:
    return parse((resources.files("resources") / "glossary.toml").read_bytes())


def meta() -> dict[str, Any]:
    return dict(_load()[0])


def entries() -> tuple[Entry, ...]:
    return _load()[1]


def entry(entry_id: str) -> Entry:
    for e in entries():
        if e.id == entry_id:
            return e
    raise KeyError(entry_id)


def entry_for(key: str) -> Entry | None:
    """The entry that explains ``key`` ("category:hedge", "metric:gunning_fog", ...), or None."""
    for e in entries():
        if key in e.keys:
            return e
    return None


def link(key_or_id: str) -> str:
    """"glossary:<id>" for an entry id or a key; "" when nothing explains it."""
    if ":" in key_or_id:
        e = entry_for(key_or_id)
        return f"{LINK_SCHEME}{e.id}" if e else ""
    return f"{LINK_SCHEME}{key_or_id}"


# ------------------------------------------------------------------------------------------ HTML

CSS = """
body { font-family: "DejaVu Sans", sans-serif; font-size: 11pt; line-height: 1.35; }
h1 { font-size: 18pt; margin-bottom: 2pt; }
h2 { font-size: 14pt; margin-top: 18pt; border-bottom: 1px solid #888; }
h3 { font-size: 12.5pt; margin-top: 14pt; margin-bottom: 2pt; }
p { margin-top: 3pt; margin-bottom: 3pt; }
p.short { font-style: italic; }
p.example { margin-left: 12pt; }
span.label { font-weight: bold; }
p.muted, p.source { color: #555; font-size: 9.5pt; }
ul { margin-top: 2pt; margin-bottom: 2pt; }
"""


def css(dark: bool = False) -> str:
    """The glossary's style sheet; on a dark background the muted grey is lightened."""
    return CSS.replace("#555", "#B8B8B8").replace("#888", "#777") if dark else CSS


def _e(text: str) -> str:
    return html.escape(text, quote=True)


def _para(text: str, label: str = "", cls: str = "") -> str:
    """A labelled paragraph; lines starting with "•" become a list."""
    lines = [ln.strip() for ln in text.splitlines() if ln.strip()]
    head = [ln for ln in lines if not ln.startswith("•")]
    items = [ln.lstrip("• ").strip() for ln in lines if ln.startswith("•")]
    c = f' class="{cls}"' if cls else ""
    lab = f'<span class="label">{_e(label)}</span> ' if label else ""
    out = f"<p{c}>{lab}{_e(' '.join(head))}</p>"
    if items:
        out += "<ul>" + "".join(f"<li>{_e(i)}</li>" for i in items) + "</ul>"
    return out


def entry_html(e: Entry, *, links: bool = True) -> str:
    """One entry: title (an anchor named by its id), then its parts, each labelled."""
    out = [f'<h3><a name="{_e(e.id)}" id="{_e(e.id)}"></a>{_e(e.title)}</h3>',
           f'<p class="short">{_e(e.short)}</p>',
           _para(e.plain, "What it is:"),
           _para(e.example, "Example:", "example")]
    if e.measures:
        out.append(_para(e.measures, "What the number measures:"))
    out.append(_para(e.why, "Why it matters:"))
    out.append(_para(e.fine, "When it is fine:"))
    if e.limits:
        out.append(_para(e.limits, "Limits:"))
    out.append('<p><span class="label">Ask yourself:</span></p><ul>'
               + "".join(f"<li>{_e(q)}</li>" for q in e.ask) + "</ul>")
    out.append(_para(e.how, "How Slant finds it:", "muted"))
    if e.see_also:
        names = []
        for s in e.see_also:
            t = entry(s).title
            names.append(f'<a href="#{_e(s)}">{_e(t)}</a>' if links else _e(t))
        out.append(f'<p class="muted">See also: {", ".join(names)}</p>')
    return "\n".join(out)


def groups(items: tuple[Entry, ...] | None = None) -> list[tuple[str, list[Entry]]]:
    """Entries by group, groups in the order they first appear."""
    out: dict[str, list[Entry]] = {}
    for e in items if items is not None else entries():
        out.setdefault(e.group, []).append(e)
    return list(out.items())


def to_html(*, title: str = "Slant glossary: what the highlights and numbers mean", standalone: bool = True,
            index: bool = True, links: bool = True) -> str:
    """The whole glossary as HTML: a contents list (links to each entry), then the entries by group.

    ``standalone`` adds <html>/<head> with the CSS (the HTML export); the window and the PDF set the
    CSS themselves and take ``standalone=False``."""
    m = meta()
    body = [f"<h1>{_e(title)}</h1>",
            "<p>Every highlight and every number Slant shows, in plain words: what it is, an example, why it "
            "matters, when it is fine, and what to ask yourself. The examples are made up for this "
            "glossary.</p>"]
    if index:
        body.append("<h2>Contents</h2>")
        for g, items in groups():
            names = ", ".join(f'<a href="#{_e(e.id)}">{_e(e.title)}</a>' if links else _e(e.title) for e in items)
            body.append(f'<p><span class="label">{_e(g)}:</span> {names}</p>')
    for g, items in groups():
        body.append(f"<h2>{_e(g)}</h2>")
        body.extend(entry_html(e, links=links) for e in items)
    body.append(f'<p class="source">Glossary version {_e(str(m["version"]))}. {_e(m["source"])} '
                f'Licence: {_e(m["licence"])}.</p>')
    text = "\n".join(body)
    if not standalone:
        return text
    return ("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">"
            f"<title>{_e(title)}</title><style>{CSS}"
            "@media print { h2 { break-after: avoid; } h3 { break-after: avoid; } }</style></head>\n"
            f"<body>\n{text}\n</body></html>\n")
