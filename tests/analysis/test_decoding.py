"""Any text encoding decodes to the same text; defects of issue 10 each have a regression test here."""
import os
import stat
import sys

import pytest

from analysis.sources import MAX_BYTES, SourceError, decode, file_name, read_article, read_bytes

ENGLISH = ("Kishida’s “special operation” drew criticism, officials said on Tuesday — the café reopened.\n"
           "Critics claimed the move was reckless, according to a statement.\n")
FRENCH = "Le café était fermé; l'élève répondit: « très bien ». Ça coûte 5 £ et ½ litre.\n"
JAPANESE = ("岸田文雄首相は、北大西洋条約機構（NATO）首脳会議に出席するため、リトアニアの首都ビリニュスに到着した。"
            "政府関係者によると、首相は会談で安全保障について話し合う予定だ。\n")
CHINESE = "日本首相岸田文雄周二抵达立陶宛首都维尔纽斯，出席北约峰会。据政府官员称，首相将在会谈中讨论安全问题。\n"


@pytest.mark.parametrize("text,data", [
    (ENGLISH, ENGLISH.encode("utf-8")),
    (ENGLISH, b"\xef\xbb\xbf" + ENGLISH.encode("utf-8")),
    (ENGLISH, ENGLISH.encode("utf-16")),  # with BOM
    (ENGLISH, ENGLISH.encode("utf-16-le")),  # without BOM
    (ENGLISH, ENGLISH.encode("utf-16-be")),
    (JAPANESE, JAPANESE.encode("utf-16-le")),
    (ENGLISH, ENGLISH.encode("utf-32")),
    (ENGLISH, ENGLISH.encode("cp1252")),  # curly quotes and dash
    (FRENCH, FRENCH.encode("latin-1")),
    (JAPANESE, JAPANESE.encode("shift_jis")),
    (CHINESE, CHINESE.encode("gb18030")),
], ids=["utf8", "utf8-bom", "utf16-bom", "utf16le", "utf16be", "utf16le-ja", "utf32", "cp1252", "latin1",
        "shift-jis", "gb18030"])
def test_each_encoding_decodes_to_the_same_text(tmp_path, text, data):
    f = tmp_path / "article.txt"
    f.write_bytes(data)
    art = read_article(f)
    assert art.text == text
    assert art.encoding
    # what the article records reproduces the text
    assert data.decode(art.encoding).lstrip("\ufeff") == text


def test_windows_1252_is_preferred_over_a_neighbouring_code_page():
    for text in (ENGLISH, FRENCH):
        assert decode(text.encode("cp1252"))[2] == "cp1252"


def test_a_central_european_page_is_not_forced_into_windows_1252():
    text = "Příliš žluťoučký kůň úpěl ďábelské ódy. Řekl, že vláda to schválí.\n"
    decoded, _notes, enc = decode(text.encode("cp1250"))
    assert decoded == text and enc == "cp1250"


def test_not_utf8_is_said_with_the_encoding_used(tmp_path):
    f = tmp_path / "jp.txt"
    f.write_bytes(JAPANESE.encode("shift_jis"))
    art = read_article(f)
    assert any("Shift-JIS" in n for n in art.notes)
    plain = tmp_path / "plain.txt"
    plain.write_bytes(ENGLISH.encode("utf-8"))
    assert read_article(plain).notes == () and read_article(plain).encoding == "utf-8"


def test_utf8_bom_followed_by_invalid_bytes_is_a_clear_message(tmp_path):
    f = tmp_path / "broken.txt"
    f.write_bytes(b"\xef\xbb\xbfKishida said \xff\xfe the talks would resume.")
    with pytest.raises(SourceError, match="UTF-8 mark but is not valid UTF-8"):
        read_article(f)
    # and the user can say which encoding it really is
    art = read_article(f, encoding="cp1252")
    assert art.text == "Kishida said ÿþ the talks would resume." and art.encoding_chosen


def test_encoding_override_and_bad_choices(tmp_path):
    f = tmp_path / "a.txt"
    f.write_bytes(FRENCH.encode("latin-1"))
    assert read_article(f, encoding="latin-1").text == FRENCH
    assert read_article(f, encoding="cp1252").encoding == "cp1252"
    with pytest.raises(SourceError, match="not a text encoding"):
        read_article(f, encoding="klingon-8")
    with pytest.raises(SourceError, match="not valid UTF-8"):
        read_article(f, encoding="utf-8")


def test_utf16_without_bom_is_not_called_binary(tmp_path):
    f = tmp_path / "u16.txt"
    f.write_bytes(ENGLISH.encode("utf-16-le"))
    assert read_article(f).text == ENGLISH


def test_utf32_is_not_read_as_utf16_full_of_nuls(tmp_path):
    f = tmp_path / "u32.txt"
    for codec in ("utf-32", "utf-32-le", "utf-32-be"):
        f.write_bytes(ENGLISH.encode(codec) if codec == "utf-32" else "\ufeff".encode(codec) + ENGLISH.encode(codec))
        text = read_article(f).text
        assert text == ENGLISH and "\x00" not in text


def test_shift_jis_is_not_mojibake(tmp_path):
    f = tmp_path / "sjis.txt"
    f.write_bytes(JAPANESE.encode("shift_jis"))
    assert read_article(f).text == JAPANESE


@pytest.mark.parametrize("data", [b"\x00\x01\x02\x03binary", bytes(range(256)) * 4, os.urandom(4096)])
def test_binary_is_still_refused(data):
    with pytest.raises(SourceError, match="binary"):
        decode(data, "x.bin")


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no FIFOs here")
def test_a_fifo_is_refused_before_reading(tmp_path):
    fifo = tmp_path / "article.txt"
    os.mkfifo(fifo)
    # nobody writes to it: reading would block for ever; the refusal comes from stat alone
    with pytest.raises(SourceError, match="named pipe"):
        read_article(fifo)


@pytest.mark.skipif(not hasattr(os, "mknod") or os.geteuid() != 0, reason="making device nodes needs root")
def test_a_device_is_refused_before_reading(tmp_path):
    dev = tmp_path / "zero.txt"
    os.mknod(dev, stat.S_IFCHR | 0o600, os.makedev(1, 5))  # a private /dev/zero: endless bytes
    with pytest.raises(SourceError, match="device"):
        read_article(dev)


def test_a_socket_is_refused(tmp_path):
    import socket

    if not hasattr(socket, "AF_UNIX"):
        pytest.skip("no Unix sockets here")
    path = tmp_path / "s.txt"
    with socket.socket(socket.AF_UNIX) as s:
        try:
            s.bind(str(path))
        except OSError:
            pytest.skip("cannot bind a socket here")
        with pytest.raises(SourceError, match="socket"):
            read_article(path)


def test_reads_are_bounded(tmp_path):
    f = tmp_path / "big.txt"
    f.write_bytes(b"a" * 1001)
    with pytest.raises(SourceError, match="up to"):
        read_bytes(f, limit=1000)
    assert len(read_bytes(f, limit=1001)) == 1001
    assert MAX_BYTES == 20 * 1024 * 1024


@pytest.mark.skipif(sys.platform == "win32", reason="a backslash is a separator on Windows")
def test_a_backslash_in_a_file_name_does_not_cut_its_label(tmp_path):
    f = tmp_path / "Reuters\\Kyodo wire.txt"
    f.write_text("Officials said the talks would resume.", encoding="utf-8")
    assert file_name(str(f)) == "Reuters\\Kyodo wire.txt"
    from analysis.pipeline import analyze_article

    assert analyze_article(read_article(f)).file == "Reuters\\Kyodo wire.txt"
