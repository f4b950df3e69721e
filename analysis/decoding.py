"""Bytes -> text for articles in any encoding.

Order of evidence: the user's choice (``encoding=``), then a byte-order mark (UTF-8, UTF-16, UTF-32),
then strict UTF-8, then charset-normalizer's detection (which covers UTF-16/32 without a mark,
Shift-JIS, GB18030, the Windows and ISO code pages...). Among single-byte Western code pages
that read the bytes equally well, Windows-1252 wins: it is what Western editors write and it is a
superset of Latin-1's printable characters. Anything that decodes to control noise is refused as binary.

``decode`` returns ``(text, notes, encoding)``: ``encoding`` is a Python codec name that reproduces
the text (``utf-8-sig`` when a UTF-8 mark was dropped) and ``notes`` say, in words for the user,
anything that is not plain UTF-8.
"""
from __future__ import annotations

import codecs
import unicodedata



class SourceError(Exception):
    """A file could not be used as an article; ``str(err)`` is the message to show the user."""


BOMS = (  # longest first: the UTF-32 LE mark starts with the UTF-16 LE one
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)

SAME_PLAUSIBILITY = 0.01  # charset-normalizer "chaos" difference under which two code pages are as good

NAMES = {
    "utf-8": "UTF-8", "utf-8-sig": "UTF-8 (with byte-order mark)", "utf_8": "UTF-8", "utf-16": "UTF-16",
    "utf_16": "UTF-16", "utf-16-le": "UTF-16 LE", "utf_16_le": "UTF-16 LE", "utf-16-be": "UTF-16 BE",
    "utf_16_be": "UTF-16 BE", "utf-32": "UTF-32", "utf_32": "UTF-32", "utf_32_le": "UTF-32 LE",
    "utf_32_be": "UTF-32 BE", "cp1252": "Windows-1252 (Western European)", "latin_1": "Latin-1 (ISO-8859-1)",
    "cp932": "Shift-JIS (Windows, cp932)", "shift_jis": "Shift-JIS", "gb18030": "GB18030 (Chinese)",
    "gb2312": "GB2312 (Chinese)", "big5": "Big5 (Chinese)", "euc_jp": "EUC-JP", "cp1251": "Windows-1251 (Cyrillic)",
    "cp1250": "Windows-1250 (Central European)",
}


def encoding_label(encoding: str | None) -> str:
    """A codec name in words ("Windows-1252 (Western European)")."""
    if not encoding:
        return "unknown"
    try:
        canonical = codecs.lookup(encoding).name
    except LookupError:
        return encoding
    return NAMES.get(encoding.lower(), NAMES.get(canonical.replace("-", "_"), NAMES.get(canonical, encoding)))


def check_encoding(encoding: str) -> str:
    """The codec name for a user's choice, or SourceError naming it."""
    try:
        info = codecs.lookup(encoding.strip())
    except (LookupError, ValueError, AttributeError):
        raise SourceError(f"“{encoding}” is not a text encoding Slant knows (try UTF-8, Windows-1252, "
                          "Latin-1, Shift-JIS, GB18030 or UTF-16).") from None
    if not getattr(info, "_is_text_encoding", True):
        raise SourceError(f"“{encoding}” is not a text encoding.")
    return encoding.strip()


def _noise(text: str) -> int:
    """Characters no article contains: control characters (other than line breaks and tabs),
    unassigned code points, private-use characters and lone surrogates."""
    sample = text[:65536]
    bad = 0
    for ch in sample:
        if ch in "\n\r\t\f\v":
            continue
        if unicodedata.category(ch) in ("Cc", "Cn", "Co", "Cs"):
            bad += 1
    return bad


def _refuse_binary(text: str, name: str) -> None:
    sample_len = min(len(text), 65536)
    if "\x00" in text[:65536] or _noise(text) > max(8, sample_len // 100):
        raise SourceError(f"{name} looks like a binary file, not text. Open a text, web page or Word file, "
                          "or paste the article's text.")


def _strict(data: bytes, encoding: str, name: str, why: str) -> str:
    try:
        return data.decode(encoding)
    except UnicodeDecodeError as exc:
        raise SourceError(f"{name} is not valid {encoding_label(encoding)} ({why}): the bytes at position "
                          f"{exc.start} cannot be read that way. Choose another encoding.") from exc
    except LookupError as exc:  # pragma: no cover - check_encoding ran first
        raise SourceError(str(exc)) from exc


def _western(text: str) -> bool:
    """Mostly ASCII, and every other character one Western European text uses (Latin-1 letters and
    signs, Windows-1252's curly quotes, dashes, euro...)."""
    sample = text[:65536]
    other = [ch for ch in sample if ord(ch) > 127]
    if len(other) > 0.3 * max(1, len(sample)):
        return False
    return all(0xA0 <= ord(ch) <= 0xFF or ch in _CP1252_SIGNS for ch in other)


_CP1252_SIGNS = frozenset("€‚ƒ„…†‡ˆ‰Š‹ŒŽ‘’“”•–—˜™š›œžŸ")


def _detect(data: bytes) -> str | None:
    """charset-normalizer's choice, with Windows-1252 preferred where it reads the bytes as well as the
    code page ranked first (charset-normalizer often ranks a neighbour first on short Western text)."""
    from charset_normalizer import from_bytes

    matches = list(from_bytes(data))
    if not matches:
        return None
    best = matches[0]
    if "cp1252" in best.could_be_from_charset:
        return "cp1252"  # same text either way: call it what Western editors write
    tie = [m for m in matches if m.chaos <= best.chaos + SAME_PLAUSIBILITY]
    if any("cp1252" in m.could_be_from_charset for m in tie):
        try:
            if _western(data.decode("cp1252")):
                return "cp1252"
        except UnicodeDecodeError:
            pass
    return best.encoding


def _plausible_utf16(data: bytes, enc: str, text: str) -> bool:
    """UTF-16 without a byte-order mark, as detected, is believed only if it looks like text: the zero
    bytes of ASCII characters (spaces, digits, Latin letters) mostly on the high side of the code units,
    or, with no zero byte at all (e.g. all Japanese), spaces or punctuation among the characters."""
    low, high = (data[0::2], data[1::2]) if enc.endswith("le") else (data[1::2], data[0::2])
    if high.count(0) or low.count(0):
        return high.count(0) > 2 * low.count(0)
    seps = sum(1 for ch in text if ch.isspace() or unicodedata.category(ch).startswith("P"))
    return seps * 50 >= len(text)


def decode(data: bytes, name: str = "the file", encoding: str | None = None) -> tuple[str, list[str], str]:
    """Bytes -> (text, notes for the user, codec name). Raises SourceError for binary data or for bytes
    that the chosen (or marked) encoding cannot read."""
    notes: list[str] = []
    if encoding:
        enc = check_encoding(encoding)
        if data.startswith(codecs.BOM_UTF8) and not codecs.lookup(enc).name.startswith("utf-"):
            data = data[3:]  # a UTF-8 mark on a file edited in another encoding: a marker, not text
        text = _strict(data, enc, name, "the encoding you chose")
        if text.startswith("\ufeff"):
            text = text[1:]
        _refuse_binary(text, name)
        notes.append(f"read as {encoding_label(enc)}, as you chose")
        return text, notes, enc
    for bom, enc in BOMS:
        if data.startswith(bom):
            if enc == "utf-8-sig":
                try:
                    text = data.decode("utf-8-sig")
                except UnicodeDecodeError as exc:
                    raise SourceError(
                        f"{name} starts with a UTF-8 mark but is not valid UTF-8 (byte {exc.start}). It was "
                        "probably edited in another encoding: reopen it with the right one (Reopen with "
                        "encoding…, or --encoding cp1252 on the command line).") from exc
            else:
                text = _strict(data, enc, name, "its byte-order mark says so")
                notes.append(f"decoded as {encoding_label(enc)} (byte-order mark)")
            _refuse_binary(text, name)
            return text, notes, enc
    if b"\x00" not in data[:65536]:
        try:
            text = data.decode("utf-8")
        except UnicodeDecodeError:
            pass
        else:
            _refuse_binary(text, name)
            return text, notes, "utf-8"
    enc = _detect(data)
    if enc is None:
        # nothing fits well: Windows-1252 reads every byte but five; those are kept visible as U+FFFD
        try:
            text = data.decode("cp1252")
            enc = "cp1252"
        except UnicodeDecodeError:
            text = data.decode("latin_1")
            enc = "latin_1"
        _refuse_binary(text, name)
        notes.append(f"not valid UTF-8 and no encoding fits well: decoded as {encoding_label(enc)}; "
                     "check accented letters, or reopen with another encoding")
        return text, notes, enc
    text = data.decode(enc)
    if enc.startswith("utf_16") and not _plausible_utf16(data, enc, text):
        raise SourceError(f"{name} looks like a binary file, not text. Open a text, web page or Word file, "
                          "or paste the article's text.")
    _refuse_binary(text, name)
    notes.append(f"not UTF-8: decoded as {encoding_label(enc)} (detected); if letters look wrong, reopen "
                 "with another encoding")
    return text, notes, enc
