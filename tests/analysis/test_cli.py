"""`slant analyze` works without Qt and prints the documented JSON schema."""
import json
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
ARTICLE_KEYS = {"id", "outlet", "title", "date", "text", "boilerplate", "sentences", "tone", "loaded_terms",
                "attributions", "hedges", "readability", "counts"}


def run_cli(*args, check=True):
    return subprocess.run([sys.executable, "-m", "desktop.cli", *args], capture_output=True, text=True,
                          cwd=ROOT, check=check)


def test_analyze_json_on_the_seeds_follows_the_schema():
    data = json.loads(run_cli("analyze", "--format", "json").stdout)
    assert data["schema"] == "slant.analysis/1"
    assert len(data["articles"]) == 5
    for art in data["articles"]:
        assert ARTICLE_KEYS <= set(art)
        assert set(art["tone"]) >= {"mean", "positive_share", "negative_share", "by_entity"}
        assert set(art["readability"]) == {"flesch_reading_ease", "flesch_kincaid_grade", "gunning_fog",
                                           "words_per_sentence"}
        assert set(art["counts"]) >= {"words", "sentences", "loaded_per_1000_words", "hedges_per_1000_words",
                                      "unnamed_source_share"}
        for t in art["loaded_terms"]:
            assert set(t) >= {"start", "end", "text", "category", "weight", "why", "alternatives"}
            assert art["text"][t["start"]:t["end"]] == t["text"]
        for a in art["attributions"]:
            assert set(a) >= {"cue", "cue_class", "source", "source_type", "direct_quote"}
            assert a["source_type"] in {"named", "anonymous", "vague", "none"}
        for b in art["boilerplate"]:
            assert set(b) == {"start", "end", "text", "reason"}
    assert set(data["comparison"]) >= {"metrics", "distinctive", "naming", "alignment", "only_here"}
    by_id = {a["id"]: a for a in data["articles"]}
    assert by_id["001"]["outlet"] == "Breitbart News"


def test_analyze_of_files_and_a_bad_file(tmp_path):
    good = tmp_path / "a.txt"
    good.write_text("Kishida said on Friday he would attend the summit.", encoding="utf-8")
    binary = tmp_path / "b.txt"
    binary.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00")
    out = run_cli("analyze", "--format", "csv", str(good), str(binary), check=False)
    assert out.returncode == 1  # one file failed ...
    assert "binary" in out.stderr  # ... with a clear message
    lines = out.stdout.strip().splitlines()
    assert lines[0].startswith("Article,Outlet,Title") and len(lines) == 2  # ... and the good one is still there


def test_analyze_text_report_names_every_outlet():
    out = run_cli("analyze").stdout
    for outlet in ("JAPAN Forward", "Breitbart News", "Kyodo News", "Voice of America"):
        assert outlet in out


def test_export_of_files_without_metadata_names_them_by_file_like_the_window(tmp_path):
    headline = "Council Approves Budget After Long Debate"
    one = tmp_path / "city-paper.txt"
    one.write_text(headline + "\n\nThe council approved the budget on Tuesday, the mayor said.", encoding="utf-8")
    two = tmp_path / "evening-post.txt"
    two.write_text("The budget passed after a long debate, officials said on Tuesday.", encoding="utf-8")
    data = json.loads(run_cli("analyze", "--format", "json", str(one), str(two)).stdout)
    assert [a["file"] for a in data["articles"]] == ["city-paper.txt", "evening-post.txt"]
    assert [a["outlet"] for a in data["articles"]] == [None, None]  # the outlet is not made up
    assert data["articles"][0]["title"] == headline
    html = tmp_path / "sheet.html"
    run_cli("export", "--format", "html", "-o", str(html), str(one), str(two))
    page = html.read_text(encoding="utf-8")
    assert "city-paper.txt" in page and "evening-post.txt" in page
    blind_html = tmp_path / "blind.html"
    run_cli("export", "--format", "html", "--blind", "-o", str(blind_html), str(one), str(two))
    page = blind_html.read_text(encoding="utf-8")
    assert "Outlet A" in page and "city-paper" not in page and "evening-post" not in page


def _article(tmp_path, name="a.txt"):
    art = tmp_path / name
    art.write_text("Kishida said on Friday he would attend the summit.", encoding="utf-8")
    return art


def test_export_refuses_a_fifo_an_input_article_a_folder_and_an_empty_name(tmp_path):
    import os
    import stat

    art = _article(tmp_path)
    cases = [(str(art), "input article"), (str(tmp_path), "is a folder"), ("", "no file name")]
    if hasattr(os, "mkfifo"):
        fifo = tmp_path / "pipe.json"
        os.mkfifo(fifo)
        cases.append((str(fifo), "not a regular file"))
    for target, words in cases:
        out = run_cli("export", "--format", "json", "-o", target, str(art), check=False)
        assert out.returncode != 0, target
        assert out.stderr.startswith("slant: ") and words in out.stderr, out.stderr
        assert "Traceback" not in out.stderr and "busy" not in out.stderr
    assert art.read_text(encoding="utf-8") == "Kishida said on Friday he would attend the summit."
    if hasattr(os, "mkfifo"):
        assert stat.S_ISFIFO(os.lstat(tmp_path / "pipe.json").st_mode)


def test_export_through_a_symlink_updates_its_target(tmp_path):
    import os

    art = _article(tmp_path)
    real = tmp_path / "real.json"
    real.write_text("old", encoding="utf-8")
    link = tmp_path / "sheet.json"
    link.symlink_to(real)
    run_cli("export", "--format", "json", "-o", str(link), str(art))
    assert link.is_symlink() and os.readlink(link) == str(real)
    assert json.loads(real.read_text(encoding="utf-8"))["schema"] == "slant.analysis/1"


def test_a_file_that_raises_any_read_error_gives_one_line_not_a_traceback(tmp_path, monkeypatch):
    """Whatever exception reading a file raises, the CLI prints `slant: ...` and goes on with the others."""
    from desktop import cli

    good = _article(tmp_path, "good.txt")
    bad = tmp_path / "bad.txt"
    bad.write_bytes(b"\xef\xbb\xbfok \xff\xfe\xfd")
    import analysis.sources as sources

    real = sources.read_article

    def flaky(path, **meta):
        if str(path).endswith("bad.txt"):
            raise UnicodeDecodeError("utf-8", b"\xff", 0, 1, "invalid start byte")
        return real(path, **meta)

    monkeypatch.setattr(sources, "read_article", flaky)
    arts, errors = cli._load_articles([str(good), str(bad)])
    assert [a.path for a in arts] == [str(good)]
    assert len(errors) == 1 and "bad.txt" in errors[0] and "\n" not in errors[0]


def test_a_broken_user_lexicon_gives_one_line_naming_the_file(tmp_path):
    import os

    lexdir = tmp_path / "lex"
    lexdir.mkdir()
    bad = lexdir / "reporting_verbs_mine.toml"
    bad.write_text('[meta]\nname = "r"\nversion = "1"\nsource = "me"\nlicence = "CC0"\n\n[class.doubt]\nlemmas = "claim"\n',
                   encoding="utf-8")
    art = _article(tmp_path)
    out = subprocess.run([sys.executable, "-m", "desktop.cli", "analyze", str(art)], capture_output=True, text=True,
                         cwd=ROOT, env={**os.environ, "SLANT_LEXICON_DIR": str(lexdir)})
    assert out.returncode == 2
    assert "Traceback" not in out.stderr
    lines = out.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("slant: ") and str(bad) in lines[0] and "lemmas" in lines[0]


def test_analyze_prints_progress_of_long_articles_to_stderr(tmp_path, monkeypatch, capsys):
    from desktop import cli

    path = tmp_path / "long.txt"
    path.write_text("Officials said the talks could resume.\n\n" * 300, encoding="utf-8")
    monkeypatch.setattr(cli, "PROGRESS_CHARS", 1000)
    monkeypatch.setenv("SLANT_CHUNK_CHARS", "2000")
    assert cli.main(["analyze", "--format", "csv", str(path)]) == 0
    out, err = capsys.readouterr()
    lines = [line for line in err.splitlines() if line.startswith("slant: analysing long.txt… ")]
    assert lines and lines[-1].endswith("100%")
    assert len(lines) >= 3  # a line every 10 % when stderr is not a terminal
    assert "analysing" not in out  # the report on stdout stays clean


def test_analyze_blind_hides_each_article_and_keeps_cited_outlets():
    data = json.loads(run_cli("analyze", "--blind", "--format", "json").stdout)
    by_id = {a["id"]: a for a in data["articles"]}
    assert [a["outlet"] for a in data["articles"]] == [f"Outlet {c}" for c in "ABCDE"]
    assert "Breitbart" not in json.dumps(data) and "Frances Martel" not in json.dumps(data)
    assert "Kyodo" not in json.dumps(by_id["003"]) and "Reuters" not in json.dumps(by_id["004"])
    assert "Kyodo News similarly reported" in by_id["001"]["text"]  # a cited outlet is a finding, kept
    text = run_cli("analyze", "--blind").stdout
    assert "Outlet B" in text and "Breitbart" not in text
