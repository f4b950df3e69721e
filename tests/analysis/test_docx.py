"""Word files: paragraph text, with the title and author properties as title and byline."""
import docx
import pytest

from analysis.sources import SourceError, read_article, read_articles

PARAGRAPHS = ["Kishida to attend NATO summit",
              "Prime Minister Fumio Kishida will attend the summit, officials said on Wednesday.",
              "Critics claimed the trip was a distraction, according to a statement."]


def make_docx(path, author="Jane Doe", title="Kishida to attend NATO summit", table=False):
    d = docx.Document()
    d.add_paragraph("")
    for p in PARAGRAPHS:
        d.add_paragraph(p)
    if table:
        d.add_table(rows=1, cols=2).rows[0].cells[0].text = "cell"
    d.add_paragraph("")
    d.core_properties.author = author
    d.core_properties.title = title
    d.save(str(path))


def test_docx_paragraphs_title_and_author(tmp_path):
    f = tmp_path / "story.docx"
    make_docx(f)
    art = read_article(f)
    assert art.text == "\n".join(PARAGRAPHS)
    assert art.title == "Kishida to attend NATO summit" and art.byline == "Jane Doe"
    assert art.encoding is None and art.path == str(f)


def test_docx_metadata_file_and_explicit_values_win(tmp_path):
    f = tmp_path / "story.docx"
    make_docx(f, table=True)
    (tmp_path / "slant.toml").write_text('[[article]]\nfile = "story.docx"\noutlet = "Kyodo News"\n', encoding="utf-8")
    arts, errors = read_articles([str(f)], byline="Desk")
    assert errors == [] and arts[0].outlet == "Kyodo News" and arts[0].byline == "Desk"
    assert any("table" in n for n in arts[0].notes)  # what was left out is said


def test_a_blank_template_author_is_not_a_byline(tmp_path):
    f = tmp_path / "plain.docx"
    make_docx(f, author="python-docx", title="")
    art = read_article(f)
    assert art.byline is None and art.title is None


def test_a_damaged_docx_is_a_message(tmp_path):
    f = tmp_path / "bad.docx"
    f.write_bytes(b"not a zip at all")
    with pytest.raises(SourceError, match="not a Word"):
        read_article(f)
