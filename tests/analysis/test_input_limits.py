"""Above 10 MB of text an article is refused when it is read, with its size, the limit, the reason and
what to do, in the window (tests/desktop/test_long_lines.py) and on the command line; nothing is analysed
and the file is untouched. Up to 10 MB it is read as usual (bench/bench_memory.py measures those)."""
from __future__ import annotations

import pytest

from analysis.sources import MAX_TEXT_BYTES, SourceError, article_from_text, read_article, read_articles

MB = 10**6
LINE = "The council met on Tuesday and agreed the budget after a long debate about roads and schools.\n"


def _text(megabytes: float, unit: str = LINE) -> str:
    n = int(megabytes * MB)
    return (unit * (n // len(unit.encode("utf-8")) + 1)).encode("utf-8")[:n].decode("utf-8", "ignore")


def test_an_11mb_article_is_refused_with_the_reason_and_a_suggestion(tmp_path):
    path = tmp_path / "big.txt"
    path.write_text(_text(11), encoding="utf-8")
    before = path.read_bytes()
    with pytest.raises(SourceError) as err:
        read_article(path)
    message = str(err.value)
    assert message.startswith("big.txt holds 11.0 MB of text; Slant analyses articles of up to 10 MB")
    assert "Split it into parts of at most 10 MB" in message
    assert path.read_bytes() == before
    arts, errors = read_articles([str(path)])
    assert arts == [] and errors == [message]


def test_the_limit_counts_utf8_bytes_so_emoji_count_four_each(tmp_path):
    emoji = "😀" * (MAX_TEXT_BYTES // 4 + 1000)  # 2.5 million emoji: 10.004 MB, though fewer characters
    with pytest.raises(SourceError, match="The pasted text holds 10.0 MB"):
        article_from_text(emoji)
    assert article_from_text("😀" * (MAX_TEXT_BYTES // 4)).text  # exactly 10 MB is analysed


def test_a_10mb_article_is_read(tmp_path):
    path = tmp_path / "ten.txt"
    path.write_text(_text(10), encoding="utf-8")
    assert len(read_article(path).text.encode("utf-8")) == 10 * MB


def test_the_command_line_says_why_and_analyses_the_rest(tmp_path, capsys):
    from desktop.cli import main

    big = tmp_path / "big.txt"
    big.write_text(_text(11), encoding="utf-8")
    code = main(["analyze", "--format", "json", str(big)])
    err = capsys.readouterr().err
    assert code == 1
    assert "slant: big.txt holds 11.0 MB of text; Slant analyses articles of up to 10 MB" in err
    assert "Traceback" not in err


def test_an_article_too_long_from_elsewhere_is_not_analysed():
    from analysis.pipeline import analyze_article
    from analysis.sources import Article

    text = _text(10.5)
    with pytest.raises(SourceError, match="This article holds 10.5 MB of text"):
        analyze_article(Article(text=text, id="x"))
