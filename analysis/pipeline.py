"""The orchestrator: parse each text once, hand the same ``Doc`` to every measure, build the result."""
from __future__ import annotations

from collections.abc import Callable

from . import __version__, lexicons, nlp, sections
from .boilerplate import detect as detect_boilerplate
from .context import DocContext
from .measures.attribution import STATE_OF_MIND, find_attributions
from .measures.hedging import find_hedges
from .measures.language import language_counts, language_from
from .measures.markup import markup_note
from .measures.loaded_terms import find_loaded_terms
from .measures.naming import find_mentions
from .measures.readability import body_for_textstat, readability_of
from .measures.sentence_kind import kind_counts, sentence_kinds
from .measures.tone import sentence_tones, tone
from .results import ArticleAnalysis, BoilerplateSpan, Attribution, Counts, Hedge, LoadedTerm, Sentence
from .sources import file_name
from .sources import text_id as article_id  # one id rule for files read and texts analysed
from .truecase import sentence_case_headline

# Bump when a rule in code changes what is found (lexicon edits change the fingerprint by themselves).
RULES_VERSION = "9"
UNNAMED = ("anonymous", "vague", "none")
# Share of an analysis's time spent parsing (measured on long articles: 75-85 %), for progress reports.
PARSE_SHARE = 0.8


def analyzer_version() -> str:
    """Changes whenever the code's rules, a lexicon (built-in or user) or the model changes."""
    return f"{__version__}+r{RULES_VERSION}.lex{lexicons.fingerprint()}"


def normalise_newlines(text: str) -> str:
    """The one change made to input text: Windows and old Mac line ends become ``\\n``."""
    return text.replace("\r\n", "\n").replace("\r", "\n")


def _per_1000(n: int, words: int) -> float:
    return 1000.0 * n / words if words else 0.0


def counts(
    words: int,
    sentences: tuple[Sentence, ...],
    loaded: tuple[LoadedTerm, ...],
    hedges: tuple[Hedge, ...],
    attributions: tuple[Attribution, ...],
) -> Counts:
    # a thought, wish or plan ("voters believe") is no claim from a source: left out of the share
    statements = [a for a in attributions if a.cue_class != STATE_OF_MIND]
    unnamed = sum(1 for a in statements if a.source_type in UNNAMED)
    kinds = kind_counts(sentences)
    n = len(sentences)
    return Counts(
        words=words,
        sentences=len(sentences),
        loaded_per_1000_words=_per_1000(len(loaded), words),
        hedges_per_1000_words=_per_1000(len(hedges), words),
        unnamed_source_share=unnamed / len(statements) if statements else 0.0,
        attributions=len(attributions),
        loaded_terms=len(loaded),
        hedges=len(hedges),
        states_of_mind=len(attributions) - len(statements),
        unnamed_sources=unnamed,
        speech_sentences=kinds["speech"],
        opinion_sentences=kinds["opinion"],
        report_sentences=kinds["report"],
        speech_share=kinds["speech"] / n if n else 0.0,
        opinion_share=kinds["opinion"] / n if n else 0.0,
        report_share=kinds["report"] / n if n else 0.0,
    )


def analyze(
    text: str,
    *,
    outlet: str | None = None,
    title: str | None = None,
    date: str | None = None,
    id: str | None = None,  # noqa: A002 - the schema's name
    progress: Callable[[float], None] | None = None,
) -> ArticleAnalysis:
    """Analyse one article. Never raises for odd text: empty, binary-looking or foreign input (lone
    surrogates, NULs, emoji...) gives a result with warnings. Offsets in the result index ``result.text``
    (``text`` with newlines normalised).

    ``progress``: called now and then with the fraction done (0 to 1): parsing is most of the work
    (``PARSE_SHARE``), then the measures. Memory stays bounded for any text: a long text
    is parsed in pieces (``nlp.parse``), one of several megabytes analysed in sections (``analysis.sections``)."""
    if not isinstance(text, str):
        raise TypeError(f"analyze() needs text as str, not {type(text).__name__}")
    report = progress or (lambda _fraction: None)
    text = normalise_newlines(text)
    warnings: list[str] = []
    boiler, headline = detect_boilerplate(text)
    if note := markup_note(text):
        warnings.append(note)
    parts = []
    total = max(1, len(text))
    for start, end in sections.bounds(text):
        parts.append(_measure(
            text[start:end], start, sections.local_boilerplate(boiler, start, end),
            headline if start == 0 else None,
            lambda f, start=start, end=end: report((start + f * (end - start)) / total)))
    found = sections.merge(parts)
    del parts
    language = language_from(found.language)
    if language.note:
        warnings.append(language.note)
    loaded, attributions, hedges = found.loaded, found.attributions, found.hedges
    mentions, sentences = found.mentions, found.sentences
    read = readability_of(found.textstat_body, found.words, found.body_sentences)
    words = found.words
    if not words:
        warnings.append("The article has no body text to analyse.")
    if title is None and headline is not None:
        title = text[headline[0] : headline[1]]
    return ArticleAnalysis(
        id=id or article_id(text),
        outlet=outlet,
        title=title,
        date=date,
        text=text,
        language=language,
        boilerplate=boiler,
        sentences=sentences,
        tone=tone(sentences, mentions),
        loaded_terms=loaded,
        attributions=attributions,
        hedges=hedges,
        readability=read,
        counts=counts(words, sentences, loaded, hedges, attributions),
        mentions=mentions,
        analyzer_version=analyzer_version(),
        warnings=tuple(dict.fromkeys(warnings)),
    )


def _measure(
    text: str,
    offset: int,
    boiler: tuple[BoilerplateSpan, ...],
    headline: tuple[int, int] | None,
    report: Callable[[float], None],
) -> sections.Part:
    """Parse one section (``text``: the whole article unless it is several megabytes long, see
    ``analysis.sections``) and run every measure on the one ``Doc``; offsets into ``text``."""
    doc = nlp.parse(text, reading=sentence_case_headline(text, headline),
                    progress=lambda f: report(PARSE_SHARE * f))
    ctx = DocContext(text=text, doc=doc, boilerplate=boiler, headline=headline)
    n_steps, done = 8, 0

    def step(result):  # the measures after the parse: progress after each
        nonlocal done
        done += 1
        report(PARSE_SHARE + (1 - PARSE_SHARE) * done / n_steps)
        return result

    language = step(language_counts(ctx))
    loaded = step(find_loaded_terms(ctx))
    attributions = step(find_attributions(ctx))
    hedges = step(find_hedges(ctx))
    mentions = step(find_mentions(ctx))
    sentences = step(sentence_tones(ctx, mentions))  # after the mentions: tone toward each named entity
    body = step(body_for_textstat(ctx))
    sentences = step(sentence_kinds(ctx, sentences, loaded, attributions, hedges))
    return sections.Part(offset, loaded, attributions, hedges, mentions, sentences, language, body,
                         ctx.body_word_count, len(ctx.body_sentences))


def analyze_article(article, progress: Callable[[float], None] | None = None) -> ArticleAnalysis:
    """Analyse an ``analysis.sources.Article`` (text plus metadata); ``progress`` as for ``analyze``."""
    from dataclasses import replace

    from .sources import check_length

    # files, pages and pasted texts are refused when read; this catches one from a comparison file
    check_length(article.text, file_name(article.path) if article.path else (article.outlet or "This article"))
    result = analyze(article.text, outlet=article.outlet, title=article.title, date=article.date, id=article.id,
                     progress=progress)
    if article.notes:
        result = replace(result, warnings=tuple(article.notes) + result.warnings)
    if article.path:
        result = replace(result, file=file_name(article.path))
    return result
