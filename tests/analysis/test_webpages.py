"""Saved web pages and pasted page source: the article's text and metadata, not its markup."""
import hashlib
from pathlib import Path

import pytest

from analysis.sources import SourceError, article_from_text, read_article

PAGES = Path(__file__).parent / "data" / "pages"

EXPECTED = {
    "semantic.html": dict(
        title="Port authority approves harbour expansion after long dispute", outlet="Harbour Gazette",
        byline="Maria Okafor", date="2024-03-14",
        body=["voted on Wednesday to approve a long-disputed expansion",
              "would fund noise barriers along the rail line"],
        furniture=["We use cookies", "Subscribe to our newsletter", "Share on Facebook", "Related stories",
                   "All rights reserved", "Weather"]),
    "divsoup.html": dict(
        title="Drought forces water limits across three counties", outlet="River Valley Courier",
        byline="Tom Reyes", date="2023-08-02",
        body=["imposed limits on garden watering", "according to the regional weather service"],
        furniture=["Most read", "posted by dave99", "Advertisement", "Obituaries", "Careers"]),
    "liveblog_amp.html": dict(
        title="Live: Storm Edith makes landfall – latest updates", outlet="Coastline News",
        byline="Aisha Karimi", date="2022-10-21",
        body=["both were “safe and well”", "About 40,000 homes are without power",
              "Rail operators have cancelled most services"],
        furniture=["Accessibility", "Share this page", "cdn.ampproject.org"]),
}


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_saved_pages_give_title_outlet_author_date_and_body(name):
    exp = EXPECTED[name]
    art = read_article(PAGES / name)
    assert (art.title, art.outlet, art.byline, art.date) == (exp["title"], exp["outlet"], exp["byline"], exp["date"])
    for phrase in exp["body"]:
        assert phrase in art.text
    for junk in exp["furniture"]:
        assert junk not in art.text
    assert "<" not in art.text and "{" not in art.text  # no markup, no script, no JSON-LD


def test_the_article_says_how_much_the_extractor_kept_and_the_file_is_untouched():
    path = PAGES / "semantic.html"
    before = hashlib.sha256(path.read_bytes()).hexdigest()
    art = read_article(path)
    page_chars = len(path.read_text(encoding="utf-8"))
    note = next(n for n in art.notes if n.startswith("web page: kept"))
    assert f"kept {len(art.text):,} of {page_chars:,} characters" in note
    assert hashlib.sha256(path.read_bytes()).hexdigest() == before


def test_a_page_declared_windows_1252_is_decoded_by_its_meta_charset():
    art = read_article(PAGES / "liveblog_amp.html")
    assert art.encoding and art.encoding.lower().replace("-", "") in ("windows1252", "cp1252")
    assert "–" in art.title and "“safe and well”" in art.text


def test_page_furniture_marking_still_applies_to_what_is_kept():
    from analysis.pipeline import analyze_article

    result = analyze_article(read_article(PAGES / "semantic.html"))
    assert [b.text for b in result.boilerplate] == ["Follow Maria Okafor on Facebook and Twitter."]
    assert any(w.startswith("web page: kept") for w in result.warnings)


def test_pasted_page_source_is_extracted_like_a_saved_page():
    page = (PAGES / "divsoup.html").read_text(encoding="utf-8")
    art = article_from_text(page)
    assert art.outlet == "River Valley Courier" and art.byline == "Tom Reyes"
    assert art.text.startswith("Water authorities in three counties")
    # what the user typed in the paste dialog wins over the page's own metadata
    assert article_from_text(page, outlet="RVC").outlet == "RVC"
    # ordinary pasted text with a tag in it is left alone
    text = "Officials said the <b> tag was a typo.\nThe talks resume on Friday."
    assert article_from_text(text).text == text


def test_a_page_with_no_article_text_says_so(tmp_path):
    empty = tmp_path / "empty.html"
    empty.write_text("<html><head><title>Nothing</title></head><body><script>var ads = 1;</script></body></html>",
                     encoding="utf-8")
    with pytest.raises(SourceError, match="No article text was found"):
        read_article(empty)


def test_a_web_page_with_a_txt_name_is_extracted_too(tmp_path):
    f = tmp_path / "saved.txt"
    f.write_bytes((PAGES / "semantic.html").read_bytes())
    art = read_article(f)
    assert art.outlet == "Harbour Gazette" and "<" not in art.text
