"""After all cues are found: folding "cited by", and who "he" or "the mayor" is when the text makes it plain."""
from __future__ import annotations

import bisect

from ...context import DocContext
from .cues import _Cue
from .lexicon import lexicon
from .sources import OTHER_PRONOUNS, _child, _clean_name


def _fold_passive_cites(cues: list[_Cue]) -> None:
    """'according to government sources cited by Kyodo': one attribution (the sources), noting Kyodo."""
    by_head = {c.source_head.i: c for c in cues if c.source_head is not None and "passive-cite" not in c.rules}
    for c in list(cues):
        if "passive-cite" not in c.rules or c.source_head is None:
            continue
        other = by_head.get(c.source_head.i)
        if other is not None:
            agent = _child(c.anchor, "agent")
            obj = _child(agent, "pobj") if agent is not None else None
            if obj is not None:
                relay = " ".join(obj.doc[obj.left_edge.i : obj.right_edge.i + 1].text.split())
                other.why.append(f"The text says {relay} passed these sources on (“{c.anchor.text} by {relay}”).")
            other.rules.append("rule:cited-by-folded")
            cues.remove(c)


def _name_keys(ents) -> set[str]:
    """Surnames of the people an antecedent could be: PERSON entities, and title-case ORG entities
    (the small model often tags a surname such as "Biden" as an organisation; "NATO" is not one)."""
    keys = set()
    for e in ents:
        name = _clean_name(e.text)
        if not name:
            continue
        if e.label_ == "PERSON" or (
            e.label_ == "ORG" and all(t.pos_ == "PROPN" for t in e) and not name.isupper() and len(e) <= 3
        ):
            keys.add(name.split()[-1].lower())
    return keys


def _sentence_index(starts: list[int], char: int) -> int:
    return bisect.bisect_right(starts, char) - 1


def _resolve_titles(ctx: DocContext, cues: list[_Cue]) -> None:
    """"The mayor said" -> Linda Park, when the article introduced exactly one person as "Mayor ..."
    before it (the title right in front of the name, or at the start of the recognised name)."""
    lex = lexicon()
    doc = ctx.doc
    for c in cues:
        if c.source_type != "anonymous" or c.source_span is None or c.pronoun is not None:
            continue
        span = doc.char_span(*c.source_span, alignment_mode="expand")
        words = [t.lower_ for t in span if not (t.is_punct or t.is_space)] if span is not None else []
        if len(words) < 2 or words[0] != "the":
            continue
        if " ".join(words[1:]) not in lex.roles and words[-1] not in lex.roles:
            continue
        title = words[1:]
        n = len(title)
        people: dict[str, str] = {}
        for e in ctx.ents:
            if e.label_ != "PERSON" or e.end_char > c.cue_start or not ctx.span_in_body(e):
                continue
            inside = [t.lower_ for t in e[:n]] == title and len(e) > n
            before = e.start >= n and [t.lower_ for t in doc[e.start - n : e.start]] == title
            if inside or before:
                name = _clean_name(e[n:].text if inside else e.text)
                people[name.split()[-1].lower()] = name
        if len(people) != 1:
            continue
        (name,) = people.values()
        shown = " ".join(span.text.split())
        c.source_type = "named"
        c.resolved = name
        c.person = name
        c.rules.append("rule:title-introduced-earlier")
        c.why.append(f"Source “{shown}” is {name}, introduced earlier with that title: named. {lex.type_why['named']}")


def _resolve_pronouns(ctx: DocContext, cues: list[_Cue]) -> None:
    """"He added" -> the person, only when the text makes it plain; otherwise left unresolved."""
    sents = ctx.body_sentences
    if not sents:
        return
    starts = [s.start_char for s in sents]
    lex = lexicon()
    for n, c in enumerate(cues):
        if c.pronoun is None:
            continue
        if c.pronoun.lower_ in OTHER_PRONOUNS:
            c.rules.append("rule:pronoun-unresolved")
            c.why.append(f"Source “{c.pronoun.text}”: vague. The pronoun does not say who is meant.")
            continue
        si = _sentence_index(starts, c.pronoun.idx)
        name = None
        rule = ""
        if si >= 0:
            # 1. a person named earlier in the same sentence, outside what is being reported
            inside = c.complement

            def outside(e) -> bool:
                return not any(a <= e.start_char < b for a, b in inside)

            before = [e for e in ctx.ents_in(sents[si]) if e.end_char <= c.pronoun.idx and outside(e)]
            same = [e for e in before if e.label_ == "PERSON"]
            keys = _name_keys(before)
            if len(keys) == 1 and same:
                name, rule = _clean_name(same[-1].text), "rule:pronoun-same-sentence"
            elif not keys:
                # 2. the nearest earlier sentence (up to two back) that mentions a person
                for back in (1, 2):
                    if si - back < 0:
                        break
                    prev = sents[si - back]
                    prev_ents = ctx.ents_in(prev)
                    persons = [e for e in prev_ents if e.label_ == "PERSON"]
                    pkeys = _name_keys(prev_ents)
                    earlier = [
                        p.person for p in cues[:n]
                        if p.person and prev.start_char <= p.cue_start < prev.end_char
                    ]
                    if earlier:
                        name, rule = earlier[-1], "rule:pronoun-previous-speaker"
                        break
                    if pkeys:
                        if len(pkeys) == 1 and persons:
                            name, rule = _clean_name(persons[-1].text), "rule:pronoun-previous-person"
                        break
        if name:
            c.resolved = name
            c.person = name
            c.rules.append(rule)
            c.why.append(
                f"Source “{c.pronoun.text}” refers to {name}: named. {lex.type_why['named']}"
            )
        else:
            c.rules.append("rule:pronoun-unresolved")
            c.why.append(
                f"Source “{c.pronoun.text}”: a person the article has introduced, but Slant could not tell "
                "for sure which one, so it does not guess."
            )
