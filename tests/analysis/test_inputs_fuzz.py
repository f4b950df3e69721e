"""Fuzz the importers: whatever the bytes, reading an article gives an Article or a SourceError, never
another exception, and never loses text it accepted. Counts of inputs tried are printed (-s)."""
import string

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from analysis.decoding import SourceError, decode
from analysis.formats import extract_html
from analysis.metadata import read_sidecar, split_front_matter
from analysis.sources import article_from_text, read_article

FUZZ = settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture,
                                                                        HealthCheck.too_slow])
CODECS = ["utf-8", "utf-16", "utf-16-le", "utf-16-be", "utf-32", "cp1252", "latin-1", "shift_jis", "gb18030"]


@FUZZ
@given(st.binary(max_size=3000))
def test_decode_of_any_bytes_is_text_or_a_source_error(data):
    try:
        text, notes, enc = decode(data, "fuzz.txt")
    except SourceError as exc:
        assert str(exc)
        return
    assert isinstance(text, str) and enc and all(isinstance(n, str) for n in notes)


@FUZZ
@given(st.text(max_size=400), st.sampled_from(CODECS))
def test_text_encoded_any_way_reads_back_when_its_encoding_is_given(text, codec):
    try:
        data = text.encode(codec)
    except UnicodeEncodeError:
        return
    # what the codec itself reads back: not every codec round-trips every character (Python's shift_jis
    # writes '¥' as byte 0x5C and reads that byte as '\\'), and that is the text the file really holds
    expected = data.decode(codec)
    try:
        got, _notes, _enc = decode(data, "fuzz.txt", codec)
    except SourceError:
        return  # refused as binary (control characters): said, not lost
    assert got == expected.lstrip("\ufeff") or got == expected


@FUZZ
@given(st.text(max_size=600))
def test_front_matter_split_never_raises_and_never_loses_the_body(text):
    meta, body, notes = split_front_matter(text)
    assert text.endswith(body)
    if not meta and not notes:
        assert body == text


_html_bits = st.sampled_from(["<html>", "<body>", "<article>", "</article>", "<p>", "</p>", "<div class='x'>",
                              "</div>", "<script>var a=1;</script>", "<meta property='og:site_name' content='S'>",
                              "<title>T</title>", "<h1>", "</h1>", "&amp;", "<!--c-->", "<"])


@settings(max_examples=120, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.one_of(_html_bits, st.text(alphabet=string.ascii_letters + " .,'\"\n", max_size=80)),
                max_size=40))
def test_html_extraction_of_any_markup_is_an_article_or_a_message(parts):
    page = "<!doctype html>" + "".join(parts)
    try:
        ex = extract_html(page, "fuzz.html")
    except SourceError as exc:
        assert str(exc)
        return
    assert ex.text.strip()
    try:
        art = article_from_text(page)
    except SourceError:
        return
    assert art.text


@FUZZ
@given(st.text(max_size=400))
def test_metadata_files_of_any_content_are_read_or_refused_with_the_file_named(tmp_path_factory, content):
    folder = tmp_path_factory.mktemp("side")
    f = folder / "slant.toml"
    f.write_text(content, encoding="utf-8")
    try:
        table = read_sidecar(f)
    except SourceError as exc:
        assert "slant.toml" in str(exc)
        return
    assert isinstance(table, dict)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.binary(max_size=2000), st.sampled_from([".txt", ".md", ".html", ".docx", ".bin"]))
def test_read_article_of_any_file_is_an_article_or_a_message(tmp_path_factory, data, suffix):
    f = tmp_path_factory.mktemp("any") / f"a{suffix}"
    f.write_bytes(data)
    try:
        art = read_article(f)
    except SourceError as exc:
        assert str(exc)
        return
    assert art.text.strip()
