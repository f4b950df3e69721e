"""Readability runs offline with the shipped CMU dictionary, on a proper sentence split of the body."""
import subprocess
import sys
from pathlib import Path

from analysis import analyze

ROOT = Path(__file__).resolve().parents[2]


def test_headline_without_full_stop_is_its_own_sentence():
    headline = "Japan's Kishida Considers Joining NATO Summit Amid Wider Asian Security Concerns"
    body = "Kishida is considering attending the summit. He will decide later."
    a = analyze(headline + "\n\n" + body)
    assert a.counts.sentences == 3
    assert a.readability.words_per_sentence < 12


def test_easy_text_reads_easier_than_dense_text():
    easy = analyze("The cat sat on the mat. The dog ran to the park. We had fun in the sun.")
    hard = analyze(
        "Intergovernmental consultations regarding institutionalised multilateral interoperability "
        "mechanisms necessitate comprehensive deliberation among constitutionally authorised representatives."
    )
    assert easy.readability.flesch_reading_ease > hard.readability.flesch_reading_ease + 30
    assert easy.readability.flesch_kincaid_grade < hard.readability.flesch_kincaid_grade


def test_syllables_come_from_the_shipped_dictionary_without_network():
    # NLTK must find cmudict in resources/ and never try to download (which prints "[nltk_data] Error").
    code = (
        "from analysis import analyze\n"
        "a = analyze('Readability needs syllables. The dictionary ships with Slant.')\n"
        "import textstat.backend.utils._get_cmudict as g\n"
        "print(len(g.get_cmudict('en')) > 100000)\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT, check=True)
    assert out.stdout.strip() == "True"
    assert "nltk_data" not in out.stderr and "Error loading" not in out.stderr


def test_empty_body_gives_zeros_not_errors():
    a = analyze("")
    assert a.readability.words_per_sentence == 0
    assert a.counts.words == 0


def test_fast_dictionary_equals_nltks_own_reader():
    # Slant's reader builds the dictionary differently (for speed); it must hold exactly what NLTK's reads.
    from importlib import resources

    from nltk.corpus.reader import CMUDictCorpusReader

    from analysis.measures.readability import _textstat

    _textstat()
    import nltk.corpus

    fast = nltk.corpus.cmudict.dict()
    root = resources.files("resources") / "nltk_data" / "corpora" / "cmudict"
    stock = CMUDictCorpusReader(str(root), ["cmudict"]).dict()
    assert len(fast) == len(stock) > 100_000
    assert dict(fast.items()) == stock
    assert fast["read"] == stock["read"] and len(fast["read"]) == 2  # "reed" and "red"
    assert "notaword" not in fast and fast.get("notaword") is None
