"""Cue frames: when a reporting verb reports something here, and who its source is in the parse."""
from __future__ import annotations

from collections.abc import Container
from typing import TYPE_CHECKING, Callable

from .lexicon import STATE_OF_MIND, _Lexicon
from .misread import INVERTED, _inverted_speaker, _names_and_labels
from .sources import _child

if TYPE_CHECKING:  # pragma: no cover
    from spacy.tokens import Token

RELATIVES = frozenset({"who", "that", "which", "whom"})
# what may stand between a verb and its "that" clause: "asserted in 2021 that", "said on Thursday that"
_ASIDE_DEPS = frozenset({"prep", "pobj", "det", "nummod", "amod", "compound", "npadvmod", "advmod"})
# "declined to say", "refused to comment", "failed to explain": the source said nothing
NOT_SAYING = frozenset({"decline", "refuse", "fail", "neglect", "omit", "hesitate"})
# "let them know", "allowed companies to tell", "requiring police to tell", "daring him to say", "help
# Mexico make its case": what someone is let, allowed, required, dared or helped to say has not been said
NOT_YET_SAID = frozenset({"let", "allow", "permit", "require", "dare", "help", "enable", "make"})
# verbs whose object does what their "to" clause says: "forced Stumpf to admit", "urged him to explain"
OBJECT_CONTROL = frozenset({"force", "lead", "prompt", "push", "press", "urge", "ask", "persuade", "convince", "get", "cause",
                            "encourage", "invite", "challenge", "dare", "compel", "pressure", "tell", "order", "allow", "require"})
# characterising verbs whose "to" names what something is likened to: "likened him to", "compared his
# struggles to", "linked the breach to"
LIKEN_TO = frozenset({"liken", "compare", "link"})
# characterising verbs that judge rather than name: in the passive without an agent ("is considered a
# threat", "was labeled 'Mostly True'") they pass on somebody's judgement; "is called Leeds" names a town
JUDGED = frozenset({"consider", "view", "regard", "see", "label", "brand", "rate", "characterize", "characterise", "portray", "paint", "dub"})
# answering verbs that, negated, report that nothing was said ("did not respond", "would not comment")
NO_REPLY = frozenset({"respond", "reply", "answer", "comment", "return"})
# verbs whose passive without "by" or a clause is mostly letting someone in, not a statement: "14 refugees
# were admitted", "he was admitted to hospital" ("it was admitted that ..." still reports)
LET_IN = frozenset({"admit"})


def _finds_it_hard(verb: Token) -> bool:
    """"will find it difficult to repeat", "found it hard to believe": what a task is like for someone, not
    a finding. ("The audit found it likely that funds were misused" still reports, through its clause.)"""
    for c in verb.children:
        if c.dep_ in ("ccomp", "oprd", "xcomp") and c.pos_ == "ADJ" and any(k.lower_ == "it" for k in c.children):
            return not any(k.dep_ == "ccomp" for k in c.children)
    return False


def not_yet_said(verb: Token) -> bool:
    """"let them know that ...", "requiring police to tell": a saying someone is let, made or required to do."""
    return (verb.dep_ in ("xcomp", "ccomp") and verb.tag_ == "VB" and verb.head.lemma_.lower() in NOT_YET_SAID
            and verb.head.pos_ in ("VERB", "AUX"))


def _goes_without_saying(verb: Token) -> bool:
    """"It goes without saying that ...", "that should go without saying": an idiom for "obviously"."""
    prep = verb.head
    return (verb.dep_ == "pcomp" and verb.lemma_.lower() == "say" and prep.lower_ == "without"
            and prep.head.lemma_.lower() == "go")


def _reader_aside(verb: Token) -> bool:
    """An imperative aside to the reader in brackets ("(think Brexit, for example)", "(imagine the cost)"):
    nobody's words or thoughts are reported. A present-tense verb right after "(" with no subject before it is an imperative; a
    "subject" after it is the parser's misreading of the object."""
    subj = next((c for c in verb.children if c.dep_ == "nsubj"), None)
    return (subj is None or subj.i > verb.i) and verb.tag_ in ("VB", "VBP") and verb.i > 0 and verb.doc[verb.i - 1].text == "("


def _is_passive(verb: Token) -> bool:
    return any(c.dep_ in ("auxpass", "nsubjpass") for c in verb.children)


def _subject(verb: Token, reporting: Container[str] = ()) -> Token | None:
    """The speaker of an active reporting verb, following "and" and "to" back to the shared subject.

    "The researchers acknowledged that the trial included few children, and said ...": the parser
    joins "said" to "included", inside what was acknowledged; a reporting verb joined to a verb that
    is itself reported shares the subject of the reporting verb above (``reporting``: their lemmas)."""
    tok = verb
    through_prep = False
    for _ in range(4):
        subj = _nearest_subject(tok) or (_child(tok, "nsubjpass") if through_prep else None)
        if subj is not None:
            if subj.lower_ in RELATIVES and tok.dep_ == "relcl":
                return tok.head
            return subj
        if tok.dep_ == "xcomp" and tok.head.pos_ == "VERB" and tok.head.lemma_.lower() in OBJECT_CONTROL:
            obj = _child(tok.head, "dobj")
            if obj is not None and obj.i < tok.i:
                return obj  # "forced Stumpf to admit", "led the journalist to fear": the object does it
        if (tok.dep_ in ("conj", "xcomp") or (tok.dep_ == "advcl" and (tok.tag_ == "VBG" or _to_infinitive(tok)))) and tok.head.pos_ in ("VERB", "AUX"):
            head = tok.head
            if (
                tok is verb
                and (tok.dep_ == "conj" or (tok.dep_ == "advcl" and tok.tag_ == "VBG"))
                and head.dep_ == "ccomp"
                and head.lemma_.lower() not in reporting
                and head.head.lemma_.lower() in reporting
            ):
                head = head.head
            tok = head
            continue
        if tok.dep_ == "pcomp" and tok.tag_ == "VBG" and tok.head.dep_ in ("prep", "conj"):
            # "Blige sings before asking her", "was criticised for saying that", "... and for saying that",
            # "aside from saying": the doer of the main verb, above the preposition (and what joins it)
            up = tok.head
            for _ in range(3):
                if up.pos_ in ("VERB", "AUX") or up.dep_ not in ("prep", "conj", "advmod"):
                    break
                up = up.head
            if up.pos_ in ("VERB", "AUX") and up is not tok:
                tok = up
                through_prep = True
                continue
            return None
        if tok is verb and tok.dep_ == "acl" and _finite_misread(tok):
            return _misread_subject(tok)
        if tok is not verb and tok.dep_ == "relcl" and tok.head.pos_ in ("NOUN", "PROPN"):
            # "Biden, whose son has been ..., asserted that": the parser hung "asserted" on the
            # relative clause; the speaker is the noun the clause describes
            return tok.head
        return None
    return None


def _as_on_object(verb: Token) -> bool:
    """"see the new road as a waste": the parser may hang "as ..." on the object instead of the verb."""
    obj = _child(verb, "dobj")
    return obj is not None and any(c.dep_ == "prep" and c.lower_ == "as" and c.i > obj.i for c in obj.children)


def _to_infinitive(verb: Token) -> bool:
    """"went on to explain", "gathered to discuss": a "to" clause whose doer is the main verb's subject."""
    return verb.tag_ == "VB" and any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children)


def _nearest_subject(verb: Token) -> Token | None:
    """The verb's subject; when the parser gave it two ("The Latest: Trump urges", "CLEVELAND (AP) —
    Donald Trump said"), the one nearest the verb. Two misreadings of the parser are set right: in
    "Hawaii, as one of the advisers pointed out, ..." the speaker is the object of "as", not the subject
    of the sentence around it; in "..., Flynn, a Trump surrogate, said Thursday on Fox's 'Fox and Friends'"
    a name after a preposition is where it was said, and the speaker is the name before the verb."""
    subjects = [c for c in verb.children if c.dep_ == "nsubj"]
    as_speaker = _as_speaker(verb)
    if as_speaker is not None and all(c.i < as_speaker.head.i for c in subjects):
        return as_speaker
    if len(subjects) == 1 and subjects[0].i > verb.i:
        doc = verb.doc
        if any(t.pos_ == "ADP" and t.head.i == verb.i for t in doc[verb.i + 1 : subjects[0].i]):
            before = _speaker_before(verb)
            if before is not None:
                return before
    if len(subjects) < 2:
        return subjects[0] if subjects else None
    return min(subjects, key=lambda c: abs(c.i - verb.i))


def _as_speaker(verb: Token) -> Token | None:
    """"as one of the advisers pointed out": the object of an "as" before the verb, when the parser
    read "as" as a preposition."""
    for c in verb.children:
        if c.dep_ == "prep" and c.lower_ == "as" and c.i < verb.i:
            obj = _child(c, "pobj")
            if obj is not None and obj.i < verb.i and obj.pos_ in ("NOUN", "PROPN", "NUM", "PRON"):
                return obj
    return None


def _speaker_before(verb: Token) -> Token | None:
    """"Flynn, a top Trump surrogate, said": the name right before the verb (through its apposition)."""
    k = verb.i - 1
    if k >= 0 and verb.doc[k].text == ",":
        k -= 1
    if k < 0:
        return None
    tok = verb.doc[k]
    for _ in range(3):
        if tok.dep_ != "appos" or tok.head.i >= tok.i:
            break
        tok = tok.head
    return tok if tok.pos_ in ("PROPN", "NOUN") else None


def _that_follows(verb: Token) -> bool:
    """"asserted in 2021 that ...": a "that" clause opens within a few words after the verb, with only a
    time or place phrase between (for when the parser attached the clause elsewhere)."""
    doc = verb.doc
    for k in range(verb.i + 1, min(verb.i + 7, len(doc))):
        tok = doc[k]
        if tok.lower_ == "that" and tok.tag_ in ("IN", "WDT"):
            return True
        if tok.is_sent_start or not (tok.dep_ in _ASIDE_DEPS or tok.ent_type_ in ("DATE", "TIME")):
            return False
    return False


def _verb_cue(verb: Token, lex: _Lexicon, quote_near: Callable[[int, int], bool]) -> tuple[Token | None, str, bool] | None:
    """For a reporting verb in a reporting frame: (source head or None, rule, impersonal passive).
    None when the verb is not used to report anything here."""
    lemma = lex.lemma(verb)
    deps = {c.dep_ for c in verb.children}
    if verb.dep_ == "xcomp" and verb.head.lemma_.lower() in NOT_SAYING:
        return None  # "refused to say how many": nothing was said
    if not_yet_said(verb):
        return None
    if _reader_aside(verb):
        return None
    if _goes_without_saying(verb):
        return None  # "it goes without saying that ...": the writer's own emphasis; nobody said anything
    if _asks_anonymity(verb):
        return None  # "sources, who asked not to be named": why the source is unnamed, not a statement
    if lemma in NO_REPLY and any(c.dep_ == "neg" for c in verb.children):
        return None  # "did not respond to requests for comment": nothing was said, like "declined to comment"
    if lemma == "find" and _finds_it_hard(verb):
        return None
    if lemma in INVERTED:
        speaker = _inverted_speaker(verb)
        if speaker is not None:
            return speaker, "rule:inverted-speaker", False
    if verb.dep_ == "xcomp" and lex.lemma(verb.head) in lex.object_frame | lex.to_clause and _child(verb, "nsubj") is None:
        return None  # "vowed to reject the deal": what is vowed, reported by "vowed"
    if _phrasal_particle(verb, lex) is not None and not _is_passive(verb):  # "called for a ban"
        subj = _subject(verb, lex.verb_class)
        if subj is not None and _can_speak(subj, lex, verb):
            return subj, "rule:phrasal-cue", False
    if lemma not in lex.verb_class:  # the verb of a phrasal cue only ("pushed for", "weighed in")
        return None
    if lemma in lex.document_subject:
        # "the letter reads", "the sign read": a document passes on its words; "she read the report" is reading
        subj = None if _is_passive(verb) else _subject(verb, lex.verb_class)
        if subj is None or not _is_document(subj, lex):
            return None
    passive = "auxpass" in deps or "nsubjpass" in deps
    agent = _child(verb, "agent")
    agent_obj = _child(agent, "pobj") if agent is not None else None
    has_clause = bool(deps & {"ccomp", "parataxis"})
    if lemma in lex.passive_only:
        subj = _child(verb, "nsubjpass")
        if passive and (subj is None or subj.lower_ == "it") and has_clause:
            return None, "rule:impersonal-passive", True
        subj = None if passive else _subject(verb, lex.verb_class)
        if lemma == "learn" and subj is not None and (has_clause or _that_follows(verb)) and _can_speak(subj, lex, verb):
            return subj, "rule:nsubj-source", False  # "The Post has learned that ...", "Republicans learned that ..."
        return None
    as_prep = any(c.dep_ == "prep" and (c.lower_ == "as" or (c.lower_ == "to" and lemma in LIKEN_TO)) for c in verb.children) or _as_on_object(verb)
    if lemma in lex.characterise and lemma != "describe" and (lemma != "consider" or "oprd" in deps or as_prep or not has_clause):
        # "called it a hoax", "painted him as a bully", "likened him to a con man" ("considers that ..." is
        # a thought with a clause, below)
        if not ("oprd" in deps or as_prep or _names_and_labels(verb)):
            return None
        if agent_obj is not None:
            return agent_obj, "rule:by-agent", False
        subj = None if passive else _subject(verb)
        if subj is None:
            if passive and lemma in JUDGED and verb.dep_ not in ("amod", "acl") and (_child(verb, "nsubjpass") is not None or "oprd" in deps):
                # "North Korea is considered a threat", "was viewed as favorable", "was labeled 'Mostly
                # True'": a judgement the text passes on without saying whose it is
                return None, "rule:passive-no-agent", True
            return None  # "collectively called IP4" names something; nobody is reported
        if not _can_speak(subj, lex, verb):
            return None  # "the bridge links the town to the city"
        return subj, "rule:nsubj-source", False
    if lemma == "describe":
        as_prep = any(c.dep_ == "prep" and c.lower_ == "as" for c in verb.children) or _as_on_object(verb)
        if not (as_prep or has_clause or "oprd" in deps):
            # "They described crass behavior by Trump": what a speaker or document told, as its object
            subj = None if passive else _subject(verb)
            if subj is not None and "dobj" in deps and _can_speak(subj, lex, verb) and subj.lower_ != "it":
                return subj, "rule:object-frame", False
            return None
        subj = None if passive else _subject(verb)
        if agent_obj is not None:
            return agent_obj, "rule:by-agent", False
        return (subj, "rule:nsubj-source", False) if subj is not None else None
    if lemma == "cite":
        obj = _child(verb, "dobj")
        if not passive and obj is not None and verb.dep_ != "acl":
            if _cites_a_source(obj, lex):
                return obj, "rule:cited-object", False
            # "Clinton cited derogatory comments", "citing a threat to public health": evidence or a
            # reason the speaker gives, not a source passed on; the one citing it speaks
            subj = _subject(verb, lex.verb_class)
            if subj is not None and _can_speak(subj, lex, verb):
                return subj, "rule:cited-evidence", False
            return None
        if verb.dep_ == "acl" and verb.head.pos_ in ("NOUN", "PROPN"):
            return verb.head, "rule:cited-noun", False
        return None
    if agent_obj is not None:
        if not (has_clause or as_prep or lemma in lex.object_frame or lemma in lex.speech
                or quote_near(verb.idx, verb.idx + len(verb.text))):
            return None  # "the monitor maintained by the embassy": a verb that reports only with a clause
            # ("maintained that ...") names an act here, not a statement
        return agent_obj, "rule:by-agent", False
    if passive:
        if lemma in LET_IN and not has_clause:
            return None  # "were admitted as refugees": let in, not a statement
        if lemma in lex.instruction and "xcomp" in deps and not has_clause:
            return None  # "staff were told to work from home": an instruction, not a statement
        subj = _child(verb, "nsubjpass")
        impersonal = subj is None or subj.lower_ == "it" or "xcomp" in deps or has_clause
        if impersonal and (has_clause or "xcomp" in deps):
            return None, "rule:impersonal-passive", True
        if (
            subj is not None and lemma in lex.object_frame and lemma not in lex.instruction
            and lex.verb_class.get(lemma) != STATE_OF_MIND and verb.dep_ not in ("amod", "acl")
        ):
            # "Quiros was accused of fraud", "the plan was criticized": said of someone, but by whom?
            return None, "rule:passive-no-agent", True
        return None
    subj = _subject(verb, lex.verb_class)
    if has_clause or _that_follows(verb) or _colon_follows(verb):
        if subj is not None:
            return subj, "rule:nsubj-source", False
        if verb.dep_ == "acl" and verb.head.pos_ in ("NOUN", "PROPN"):
            return verb.head, "rule:reduced-clause-source", False  # "Multiple media outlets reported that ..."
        prev = _noun_before(verb)
        if prev is not None:
            return prev, "rule:noun-before-verb", False  # "... and reports claimed in April that ..."
        if verb.tag_ in ("VBG", "VB") or _child(verb, "aux") is not None and _child(verb, "aux").lower_ == "to":
            return None  # "It is worth noting that", "to prove that": the writer's own words
        return None, "rule:no-source", False
    if subj is None and verb.dep_ == "acl" and verb.tag_ == "VBG" and verb.head.pos_ in ("NOUN", "PROPN"):
        # "a tweet attacking a former Miss Universe", "papers opposing the release": the noun speaks
        found = _object_frame(verb, lemma, deps, verb.head, lex)
        return (verb.head, "rule:reduced-clause-source", False) if found is not None and found[0] is not None else None
    if subj is None:
        return None
    if any(c.dep_ == "mark" and c.lower_ == "as" for c in verb.children) and not deps & {"dobj", "xcomp"}:
        return subj, "rule:as-parenthetical", False  # "as Mr. Bown observed, ..."
    # "Kyodo News reported, citing ..., that ...": a reporting verb the parser hung under another verb.
    # Not when that other verb reports it: in "the minister said the talks would continue" the clause
    # is what was said, and "continue" reports nothing.
    # (A thought is not a report: in "Kishida was planning, Kyodo reported, to attend" the parser may hang
    # "reported" on "planning", and "reported" is still the report.)
    head_class = lex.verb_class.get(lex.lemma(verb.head))
    reported = verb.head is not verb and head_class is not None and head_class != STATE_OF_MIND
    if verb.dep_ in ("ccomp", "parataxis") and not deps & {"dobj", "attr", "oprd"} and not reported:
        return subj, "rule:parenthetical-source", False
    lo = min(subj.left_edge.idx, verb.idx) if subj.i < verb.i else verb.idx
    hi = max(verb.idx + len(verb.text), subj.idx + len(subj.text))
    if quote_near(lo, hi) and (lemma not in lex.people_only or _can_speak(subj, lex, verb)):
        return subj, "rule:quote-frame", False  # '"...,” Stoltenberg said in February'
    if reported and verb.dep_ == "ccomp":
        return None
    if not deps & {"dobj", "xcomp", "attr", "oprd"} and _between_commas(verb, subj) and _can_speak(subj, lex, verb):
        return subj, "rule:parenthetical-source", False  # "These employees, Stumpf explained later, were well paid"
    return _object_frame(verb, lemma, deps, subj, lex)


def _between_commas(verb: Token, subj: Token) -> bool:
    """"..., Stumpf explained earlier in the hearing, ...": subject and verb set off by commas in the
    middle of a sentence that is what was said (the parser often makes the verb the sentence's root)."""
    doc = verb.doc
    if not (subj.i < verb.i <= subj.i + 3) or subj.left_edge.i < 1 or doc[subj.left_edge.i - 1].text != ",":
        return False
    if subj.left_edge.i - 1 <= verb.sent.start or doc[subj.left_edge.i - 2].pos_ in ("ADV", "ADP"):
        return False  # "On Thursday, however, Trump spoke to ...": an aside before the subject, not what was said
    end = verb.i
    for c in verb.rights:
        if c.dep_ in ("advmod", "prep", "npadvmod"):
            end = max(end, c.right_edge.i)
    return end + 1 < verb.sent.end and doc[end + 1].text == "," and end - verb.i <= 8


# prepositions whose object is what a statement or stance is about: "accused him of lying",
# "warned of a crisis", "asked about the emails"
_ABOUT_PREPS = frozenset({"of", "about", "for", "against", "on", "over"})
_SPEAKING_LABELS = frozenset({"PERSON", "ORG", "NORP", "GPE"})
_SPEAKING_PRONOUNS = frozenset({"i", "we", "he", "she", "they", "you", "who"})


def _can_speak(tok: Token, lex: _Lexicon, verb: Token | None = None) -> bool:
    """A subject that can say, think or want something: a person, body or document, not "the storm".
    A word the lexicons do not know counts unless the verb also has a physical sense ("blasted the
    coast", "attacked the base"): then only a known speaker does."""
    lemma = tok.lemma_.lower()
    if tok.pos_ in ("NUM", "PRON") and tok.lower_ not in _SPEAKING_PRONOUNS:
        of = next((c for c in tok.children if c.dep_ == "prep" and c.lower_ == "of"), None)
        member = _child(of, "pobj") if of is not None else None
        if member is not None:
            return _can_speak(member, lex, verb)  # "one of the advisers", "some of the senators"
    if tok.pos_ == "PRON" and tok.lower_ not in _SPEAKING_PRONOUNS:
        return False  # "it", "this", "that": nobody in particular
    if verb is not None and lex.lemma(verb) in lex.people_only:
        # "44 percent would back Trump": a share of the people polled
        return tok.ent_type_ in ("PERSON", "ORG", "NORP", "PERCENT") or tok.pos_ == "PRON" or any(
            lemma in s or tok.lower_ in s for s in (lex.anonymous, lex.vague, lex.roles, lex.document, lex.institution))
    if verb is not None and tok.pos_ in ("NOUN", "PROPN") and (tok.head.i == verb.i or verb.dep_ in ("relcl", "acl")):
        return True  # the verb's own subject ("Demonstrators called for"), not one borrowed from another verb
    if tok.dep_ == "nsubj" and tok.head.pos_ == "VERB" and lex.lemma(tok.head) in lex.verb_class and lex.lemma(tok.head) not in lex.people_only:
        return True  # borrowed from a reporting verb ("The family called on police ... and called on people"): it speaks there
    return (
        tok.ent_type_ in _SPEAKING_LABELS
        or (tok.pos_ == "PRON" and tok.lower_ in _SPEAKING_PRONOUNS)
        or tok.pos_ == "PROPN"
        or any(lemma in s or tok.lower_ in s for s in (lex.anonymous, lex.vague, lex.institution, lex.roles, lex.document))
    )


def _phrasal_particle(verb: Token, lex: _Lexicon) -> Token | None:
    """The preposition or particle of a phrasal cue right after the verb: "called for", "pointed to"."""
    lemma = lex.lemma(verb)
    for c in verb.children:
        if c.dep_ in ("prep", "prt", "advmod") and c.i > verb.i and c.i - verb.i <= 3 and (lemma, c.lower_) in lex.phrasal:
            if all(t.pos_ in ("ADV", "PART") for t in verb.doc[verb.i + 1 : c.i]):  # "called again for"
                return c
    return None


def _object_frame(verb: Token, lemma: str, deps: set[str], subj: Token, lex: _Lexicon) -> tuple[Token | None, str, bool] | None:
    """Frames without a clause or quotation, for a subject that can speak: a phrasal cue ("called for a
    ban"), a statement, request or stance with an object or a "to" clause ("denied the report",
    "urged Congress to act", "wants a recount"), what a document shows ("polls show a tight race"), and
    verbs of speaking whose subject is the speaker ("said as much")."""
    if "auxpass" in deps or "nsubjpass" in deps or not _can_speak(subj, lex, verb):
        return None
    if _phrasal_particle(verb, lex) is not None:
        return subj, "rule:phrasal-cue", False
    has_object = bool(deps & {"dobj", "xcomp"}) or any(
        c.dep_ == "prep" and c.lower_ in _ABOUT_PREPS and c.i > verb.i for c in verb.children
    )
    if lemma in lex.to_clause and "xcomp" in deps:
        if lemma in NOT_SAYING and any(
            c.dep_ == "xcomp" and lex.lemma(c) in lex.verb_class and _child(c, "dobj") is None for c in verb.children
        ):
            return None  # "refused to comment", "declined to say how many": nothing was said (but "refused to pay"
            # or "refused to disclose his records" is a stance on something named)
        return subj, "rule:to-clause", False
    if lemma in lex.object_frame and has_object:
        return subj, "rule:object-frame", False
    if lemma in lex.document_object and has_object and _is_document(subj, lex):
        return subj, "rule:document-shows", False
    if lemma in lex.speech and verb.dep_ not in ("amod", "acl", "relcl") and subj.lower_ != "it":
        return subj, "rule:speaker-subject", False
    return None


def _cites_a_source(obj: Token, lex: _Lexicon) -> bool:
    """"citing government sources", "citing Kyodo", "citing a report": the object can be a source
    (a name, a person or body, a document); "citing a threat to health" gives a reason instead."""
    lemma = obj.lemma_.lower()
    if obj.pos_ == "PRON":
        return obj.lower_ in _SPEAKING_PRONOUNS or obj.lower_ in ("him", "her", "them", "us", "me")
    if any(c.dep_ == "prep" and c.lower_ == "as" for c in obj.children) or any(
            c.dep_ == "prep" and c.lower_ == "as" and c.i > obj.i for c in obj.head.children):
        return False  # "cited the audit as the reason", "cited the figure as proof": a reason given
    return obj.pos_ == "PROPN" or obj.ent_type_ in _SPEAKING_LABELS or any(
        lemma in s or obj.lower_ in s for s in (lex.anonymous, lex.vague, lex.institution, lex.roles, lex.document))


def _is_document(tok: Token, lex: _Lexicon) -> bool:
    lemma = tok.lemma_.lower()
    return lemma in lex.document or tok.lower_ in lex.document


def _noun_before(verb: Token) -> Token | None:
    """The noun right before the verb (an adverb may stand between), when the parse found no subject."""
    k = verb.i - 1
    doc = verb.doc
    while k >= 0 and doc[k].pos_ == "ADV" and verb.i - k <= 2:
        k -= 1
    if k >= 0 and doc[k].pos_ in ("NOUN", "PROPN") and doc[k].tag_ != "POS" and not doc[k].is_sent_end:
        return doc[k]
    return None


def _cue_tokens(verb: Token, lex: _Lexicon, impersonal: bool) -> tuple[list[Token], Token | None]:
    """The tokens shown as the cue (verb, particle, emotive adverb, passive auxiliary) and the adverb."""
    toks = [verb]
    adverb = None
    for c in verb.children:
        if c.dep_ == "prt":
            toks.append(c)
        elif c.dep_ == "advmod" and c.lower_ in lex.emotive_adverbs and abs(c.i - verb.i) <= 2:
            toks.append(c)
            adverb = c
        elif impersonal and c.dep_ == "auxpass" and c.i < verb.i:
            toks.append(c)
    return toks, adverb


def _frame_end(verb: Token) -> int:
    """Where "X told reporters in Tokyo" ends: the verb's objects and prepositional asides after it."""
    end = verb.idx + len(verb.text)
    for c in verb.rights:
        if c.dep_ in ("dobj", "dative", "prep", "npadvmod", "advmod", "prt"):
            r = c.right_edge
            end = max(end, r.idx + len(r.text))
    return end


def _complement(verb: Token) -> list[tuple[int, int]]:
    out = []
    for c in verb.children:
        if c.dep_ in ("ccomp", "parataxis", "xcomp", "oprd"):
            out.append((c.left_edge.idx, c.right_edge.idx + len(c.right_edge.text)))
    return out



_ANONYMITY = frozenset({"name", "identify", "quote", "anonymity"})


def _asks_anonymity(verb: Token) -> bool:
    """"asked not to be named", "requested anonymity", "spoke on condition of anonymity": the reason
    the source is unnamed (the source phrase says so), not something the source told the reader."""
    for c in verb.children:
        if c.dep_ in ("xcomp", "dobj") and c.lemma_.lower() in _ANONYMITY:
            return True
        if c.dep_ == "prep" and any(t.lower_ == "anonymity" for t in c.subtree):
            return True
    return False


def _colon_follows(verb: Token) -> bool:
    """"Caddell continued:", "The Times reports:", "Sanders made the following comment:": what was said
    follows the colon (often as the next paragraph)."""
    doc = verb.doc
    end = max([verb.i] + [c.right_edge.i for c in verb.rights if c.dep_ in ("dobj", "prep", "advmod", "npadvmod", "prt")])
    return end + 1 < len(doc) and doc[end + 1].text == ":" and end - verb.i <= 6


def _finite_misread(verb: Token) -> bool:
    """"One of the doctors who sent the letter called Oz a quack": the parser hung a finite verb on the
    noun before it as if it were "the letter (that was) called ..."; a participle of a passive takes no
    object, so a verb with an object and no "by" is the sentence's own verb."""
    if verb.head.pos_ not in ("NOUN", "PROPN") or verb.tag_ not in ("VBD", "VBN") or _child(verb, "agent") is not None:
        return False
    objects = [c for c in verb.children if c.dep_ in ("dobj", "oprd")]
    if len(objects) >= 2 or (objects and any(c.dep_ in ("prep", "prt") and c.i > verb.i and c.lower_ in ("for", "on") for c in verb.children)):
        return True  # "called Oz a quack", "called Friday for releasing": a participle names with one ("a group called Hamas")
    before = _speaker_before(verb)
    # "Tim Cook, called 'total political crap'": a name set off by a comma right before the verb
    return bool(objects) and before is not None and before.pos_ == "PROPN" and verb.doc[verb.i - 1].text == ","


def _misread_subject(verb: Token) -> Token | None:
    """The subject of a finite verb misread as a participle: the name right before it ("Tim Cook,
    called ..."), or the noun phrase the clause before it hangs from ("One of the doctors who sent the
    letter called ...": from "letter" up through "sent", "doctors" and "of" to "One")."""
    before = _speaker_before(verb)
    if before is not None and before.pos_ == "PROPN":
        return before
    tok = verb.head
    for _ in range(8):
        if tok.dep_ in ("dobj", "pobj", "prep", "relcl", "appos", "compound") and tok.head is not tok:
            tok = tok.head
        else:
            break
    return tok if tok.pos_ in ("NOUN", "PROPN", "NUM", "PRON") and tok.i < verb.i else None
