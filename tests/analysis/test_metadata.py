"""Outlet, title, byline, date and URL for the user's own files: front matter, a metadata file beside
them (the seeds.toml format) and explicit values, in that order of precedence."""
import json
import subprocess
import sys
from pathlib import Path

import pytest

from analysis.metadata import split_front_matter
from analysis.results import ArticleAnalysis
from analysis.sources import SourceError, read_article, read_articles

ROOT = Path(__file__).resolve().parents[2]
BODY = "Kishida said on Friday he would attend the summit.\nOfficials said talks could resume.\n"


def test_front_matter_gives_the_fields_and_the_text_starts_after_it(tmp_path):
    f = tmp_path / "wire.md"
    f.write_text("---\noutlet: Kyodo News\ntitle: \"Kishida: NATO trip\"\nauthor: Jane Doe\ndate: 2024-07-10\n"
                 "url: https://example.org/a\ntags: [japan]\n---\n" + BODY, encoding="utf-8")
    art = read_article(f)
    assert (art.outlet, art.title, art.byline, art.date, art.url) == (
        "Kyodo News", "Kishida: NATO trip", "Jane Doe", "2024-07-10", "https://example.org/a")
    assert art.text == BODY
    assert any("front matter read" in n for n in art.notes) and any("tags" in n for n in art.notes)


@pytest.mark.parametrize("text", [
    "---\nno closing line\n" + BODY,  # never closed: not front matter
    "--- a rule, not front matter\n" + BODY,
    "---\nThis is a sentence: with a colon and spaces in the key.\n---\n" + BODY,
    BODY,
])
def test_text_without_a_well_formed_block_is_kept_whole(text):
    meta, body, _notes = split_front_matter(text)
    assert meta == {} and body == text


def test_sidecar_beside_the_files_and_explicit_values(tmp_path):
    (tmp_path / "a.txt").write_text(BODY, encoding="utf-8")
    (tmp_path / "b.txt").write_text("---\noutlet: From front matter\n---\n" + BODY.upper(), encoding="utf-8")
    (tmp_path / "slant.toml").write_text(
        '[[article]]\nfile = "a.txt"\noutlet = "Kyodo News"\nbyline = "Staff"\ndate = "10 July 2024"\n'
        '[[article]]\nfile = "b.txt"\ntitle = "B title"\n', encoding="utf-8")
    arts, errors = read_articles([str(tmp_path / "a.txt"), str(tmp_path / "b.txt")])
    assert errors == []
    assert (arts[0].outlet, arts[0].byline, arts[0].date) == ("Kyodo News", "Staff", "10 July 2024")
    assert (arts[1].outlet, arts[1].title) == ("From front matter", "B title")  # sidecar adds, file keeps
    one, _ = read_articles([str(tmp_path / "a.txt")], outlet="Given", byline=None)
    assert one[0].outlet == "Given" and one[0].byline == "Staff"  # explicit wins, None never erases


def test_an_existing_seeds_toml_is_used_and_meta_file_overrides(tmp_path):
    (tmp_path / "x.txt").write_text(BODY, encoding="utf-8")
    (tmp_path / "seeds.toml").write_text('[[article]]\nfile = "x.txt"\noutlet = "Seeds outlet"\n', encoding="utf-8")
    other = tmp_path / "elsewhere.toml"
    other.write_text('[[article]]\nfile = "x.txt"\noutlet = "Meta outlet"\n', encoding="utf-8")
    assert read_articles([str(tmp_path / "x.txt")])[0][0].outlet == "Seeds outlet"
    assert read_articles([str(tmp_path / "x.txt")], meta_file=other)[0][0].outlet == "Meta outlet"


@pytest.mark.parametrize("content,expected", [
    ("[[article]\nfile = 'x.txt'", "not valid TOML"),
    ("[[article]]\noutlet = 'no file'", "no file"),
    ("[[article]]\nfile = 'x.txt'\noutlet = ['a', 'b']", "must be text"),
])
def test_a_broken_metadata_file_is_a_message_and_the_articles_still_open(tmp_path, content, expected):
    (tmp_path / "x.txt").write_text(BODY, encoding="utf-8")
    (tmp_path / "slant.toml").write_text(content, encoding="utf-8")
    arts, errors = read_articles([str(tmp_path / "x.txt")])
    assert len(arts) == 1 and arts[0].text == BODY
    assert len(errors) == 1 and "slant.toml" in errors[0] and expected in errors[0]


def test_a_missing_meta_file_is_a_message(tmp_path):
    (tmp_path / "x.txt").write_text(BODY, encoding="utf-8")
    arts, errors = read_articles([str(tmp_path / "x.txt")], meta_file=tmp_path / "nope.toml")
    assert len(arts) == 1 and errors and "nope.toml" in errors[0]


def test_json_written_before_these_fields_still_loads():
    from analysis import analyze

    d = analyze(BODY, outlet="X").to_dict()
    for key in ("byline", "url", "fetched", "encoding"):
        assert key in d
        del d[key]
    old = ArticleAnalysis.from_dict(d)
    assert old.outlet == "X" and old.byline is None and old.url is None and old.encoding is None


def run_cli(*args, check=True):
    return subprocess.run([sys.executable, "-m", "desktop.cli", *args], capture_output=True, text=True, cwd=ROOT,
                          check=check)


def test_cli_metadata_and_front_matter_reach_the_json_and_csv(tmp_path):
    a = tmp_path / "wire.txt"
    a.write_text(BODY, encoding="utf-8")
    b = tmp_path / "fm.md"
    b.write_text("---\noutlet: Front Matter Times\nbyline: A. Writer\n---\n" + BODY.replace("Friday", "Monday"),
                 encoding="utf-8")
    out = json.loads(run_cli("analyze", "--format", "json", "--outlet", "Kyodo News", "--byline", "Staff",
                             "--date", "10 July 2024", "--title", "Trip", str(a)).stdout)
    art = out["articles"][0]
    assert (art["outlet"], art["byline"], art["date"], art["title"]) == ("Kyodo News", "Staff", "10 July 2024", "Trip")
    assert art["encoding"] == "utf-8" and art["url"] is None
    csv = run_cli("analyze", "--format", "csv", str(b)).stdout
    assert "Front Matter Times" in csv and "A. Writer" in csv
    refused = run_cli("analyze", "--outlet", "X", str(a), str(b), check=False)
    assert refused.returncode == 1 and "exactly one FILE" in refused.stderr


def test_cli_encoding_option(tmp_path):
    f = tmp_path / "latin.txt"
    f.write_bytes("Le café était fermé, a déclaré le maire.".encode("latin-1"))
    out = json.loads(run_cli("analyze", "--format", "json", "--encoding", "latin-1", str(f)).stdout)
    assert out["articles"][0]["text"] == "Le café était fermé, a déclaré le maire."
    assert out["articles"][0]["encoding"] == "latin-1"
    bad = run_cli("analyze", "--encoding", "klingon", str(f), check=False)
    assert bad.returncode == 1 and "not a text encoding" in bad.stderr and "Traceback" not in bad.stderr


def test_cli_utf8_mark_with_invalid_bytes_prints_a_message_not_a_traceback(tmp_path):
    f = tmp_path / "broken.txt"
    f.write_bytes(b"\xef\xbb\xbfKishida said \xff the talks would resume.")
    out = run_cli("analyze", str(f), check=False)
    assert out.returncode == 1 and "not valid UTF-8" in out.stderr and "Traceback" not in out.stderr


def test_read_article_never_raises_anything_but_source_error_on_odd_files(tmp_path):
    f = tmp_path / "odd.docx"
    f.write_bytes(b"PK\x03\x04 not really a zip")
    with pytest.raises(SourceError, match="Word"):
        read_article(f)
