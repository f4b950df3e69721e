"""Reading files: exact decoding, clear refusals, nothing of the text lost."""
import pytest

from analysis.sources import SourceError, article_from_text, decode, load_seeds, read_article


def test_utf8_with_and_without_bom_decode_exactly():
    text = "Kishida’s “special operation” — 岸田 🙂"
    assert decode(text.encode("utf-8"))[0] == text
    assert decode(b"\xef\xbb\xbf" + text.encode("utf-8"))[0] == text


def test_utf16_with_bom():
    text = "Kishida said: «bonjour»"
    assert decode(text.encode("utf-16"))[0] == text


def test_windows_1252_is_decoded_and_said():
    text, notes, enc = decode("Café “quoted”".encode("cp1252"))
    assert enc == "cp1252"
    assert text == "Café “quoted”"
    assert notes and "Windows-1252" in notes[0]


@pytest.mark.parametrize("data", [b"\x00\x01\x02\x03binary", bytes(range(256)) * 4])
def test_binary_is_refused_with_a_clear_message(data):
    with pytest.raises(SourceError, match="binary"):
        decode(data, "x.bin")


def test_empty_and_missing_files(tmp_path):
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"  \n\n ")
    with pytest.raises(SourceError, match="empty"):
        read_article(empty)
    with pytest.raises(SourceError, match="Cannot open"):
        read_article(tmp_path / "nope.txt")
    with pytest.raises(SourceError, match="folder"):
        read_article(tmp_path)
    with pytest.raises(SourceError, match="empty"):
        article_from_text("   ")


def test_seeds_load_byte_for_byte_with_metadata():
    seeds = load_seeds()
    assert [a.id for a in seeds] == ["000", "001", "002", "003", "004"]
    assert seeds[1].outlet == "Breitbart News"
    for a in seeds:
        with open(a.path, "rb") as fh:
            assert a.text.encode("utf-8") == fh.read()
