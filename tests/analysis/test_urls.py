"""Articles from web addresses: a local server on 127.0.0.1 serves saved pages; never the internet."""
import http.server
import socket
import threading
from functools import partial
from pathlib import Path

import pytest

from analysis.fetch import USER_AGENT, fetch
from analysis.sources import SourceError, article_from_url, read_articles

PAGES = Path(__file__).parent / "data" / "pages"


class Handler(http.server.SimpleHTTPRequestHandler):
    seen_agents: list[str] = []

    def log_message(self, *args):  # quiet
        pass

    def do_GET(self):  # noqa: N802
        Handler.seen_agents.append(self.headers.get("User-Agent", ""))
        if self.path == "/big":
            self.send_response(200)
            self.send_header("Content-Type", "text/html")
            self.end_headers()
            self.wfile.write(b"<html><body>" + b"x" * 5000 + b"</body></html>")
            return
        if self.path == "/gone":
            self.send_error(404, "Not Found")
            return
        if self.path == "/image":
            self.send_response(200)
            self.send_header("Content-Type", "image/png")
            self.end_headers()
            self.wfile.write(b"\x89PNG\r\n")
            return
        super().do_GET()


@pytest.fixture(scope="module")
def server():
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), partial(Handler, directory=str(PAGES)))
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}"
    httpd.shutdown()
    httpd.server_close()


def dead_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]  # closed again on exit: nothing listens there


def test_a_saved_page_served_locally_is_fetched_and_extracted(server):
    url = f"{server}/semantic.html"
    art = article_from_url(url)
    assert art.outlet == "Harbour Gazette" and art.byline == "Maria Okafor" and art.date == "2024-03-14"
    assert "voted on Wednesday to approve" in art.text and "<" not in art.text
    assert art.url == url and art.fetched and art.fetched[:4].isdigit() and "T" in art.fetched
    assert Handler.seen_agents[-1] == USER_AGENT and USER_AGENT.startswith("Slant/")
    assert "(+offline news comparison)" in USER_AGENT


def test_the_charset_of_a_page_is_honoured(server):
    art = article_from_url(f"{server}/liveblog_amp.html")
    assert "“safe and well”" in art.text and art.outlet == "Coastline News"


def test_a_dead_port_says_so_in_one_sentence_and_suggests_saving_the_page():
    url = f"http://127.0.0.1:{dead_port()}/story"
    with pytest.raises(SourceError) as err:
        article_from_url(url, timeout=5)
    msg = str(err.value)
    assert url in msg and "refused" in msg and "save the page" in msg and "open the file" in msg
    assert msg.count(". ") == 0 and msg.endswith(".")  # one sentence


@pytest.mark.parametrize("path,expected", [("/gone", "404"), ("/image", "not a web page")])
def test_http_errors_and_non_pages_are_messages(server, path, expected):
    with pytest.raises(SourceError, match=expected):
        article_from_url(server + path)


def test_the_size_limit_holds(server):
    with pytest.raises(SourceError, match="larger than"):
        fetch(f"{server}/big", limit=1000)


def test_not_a_web_address():
    with pytest.raises(SourceError, match="not a web address"):
        fetch("ftp://example.org/x")


def test_urls_and_files_mix_and_the_cli_options_apply(server, tmp_path):
    f = tmp_path / "a.txt"
    f.write_text("Officials said talks could resume.", encoding="utf-8")
    arts, errors = read_articles([f"{server}/divsoup.html", str(f), f"http://127.0.0.1:{dead_port()}/x"])
    assert [a.outlet for a in arts] == ["River Valley Courier", None]
    assert len(errors) == 1 and "Could not fetch" in errors[0]
    one, _ = read_articles([f"{server}/divsoup.html"], outlet="RVC")
    assert one[0].outlet == "RVC" and one[0].byline == "Tom Reyes"


def test_cli_analyze_url_and_the_sheet_prints_url_and_fetch_time(server, tmp_path):
    import json
    import subprocess
    import sys

    root = Path(__file__).resolve().parents[2]
    url = f"{server}/semantic.html"
    out = subprocess.run([sys.executable, "-m", "desktop.cli", "analyze", "--format", "json", url],
                         capture_output=True, text=True, cwd=root, timeout=300)
    assert out.returncode == 0, out.stderr
    art = json.loads(out.stdout)["articles"][0]
    assert art["url"] == url and art["fetched"] and art["outlet"] == "Harbour Gazette"
    html = tmp_path / "sheet.html"
    done = subprocess.run([sys.executable, "-m", "desktop.cli", "export", "--format", "html", "-o", str(html), url],
                          capture_output=True, text=True, cwd=root, timeout=300)
    assert done.returncode == 0, done.stderr
    page = html.read_text(encoding="utf-8")
    import re

    assert url in page and "By Maria Okafor" in page
    assert re.search(r"fetched \d{4}-\d\d-\d\d \d\d:\d\d:\d\d", page)  # each fetch has its own time
    dead = subprocess.run([sys.executable, "-m", "desktop.cli", "analyze", f"http://127.0.0.1:{dead_port()}/x"],
                          capture_output=True, text=True, cwd=root, timeout=300)
    assert dead.returncode == 1 and "Could not fetch" in dead.stderr and "Traceback" not in dead.stderr
