"""Fetch an article's web page (standard library only): a timeout, a size limit, a clear user agent.

trafilatura's own ``fetch_url`` is not used: it refuses local addresses, and the app wants one
sentence for every failure. Whatever goes wrong is a ``SourceError`` that says what happened and
suggests saving the page from the browser and opening the file.
"""
from __future__ import annotations

import datetime as _dt
import socket
import urllib.error
import urllib.parse
import urllib.request
from dataclasses import dataclass

from . import __version__
from .decoding import SourceError

TIMEOUT_S = 20.0
MAX_PAGE_BYTES = 20 * 1024 * 1024
USER_AGENT = f"Slant/{__version__} (+offline news comparison)"
SAVE_HINT = "save the page from your browser (Save Page As…) and open the file instead"


@dataclass(frozen=True)
class Fetched:
    url: str  # the address asked for
    final_url: str  # after redirects
    data: bytes
    content_type: str  # e.g. "text/html"
    charset: str | None  # as the server declared it
    fetched: str  # ISO 8601 time with zone, when the reply arrived


def is_url(text: str) -> bool:
    """An http(s) address (what ``slant analyze URL`` and Open URL take)."""
    t = text.strip().lower()
    return t.startswith(("http://", "https://")) and len(t) > len("https://")


def check_url(url: str) -> str:
    url = url.strip()
    parts = urllib.parse.urlsplit(url)
    if parts.scheme.lower() not in ("http", "https") or not parts.hostname:
        raise SourceError(f"“{url}” is not a web address (it should start with http:// or https://).")
    return url


def fetch(url: str, timeout: float = TIMEOUT_S, limit: int = MAX_PAGE_BYTES) -> Fetched:
    url = check_url(url)
    req = urllib.request.Request(url, headers={"User-Agent": USER_AGENT, "Accept": "text/html,text/plain;q=0.9,*/*;q=0.5"})
    try:
        with urllib.request.urlopen(req, timeout=timeout) as resp:  # noqa: S310 - http(s) only (check_url)
            length = resp.headers.get("Content-Length")
            if length and length.isdigit() and int(length) > limit:
                raise SourceError(f"Could not use {url}: the page is {int(length) / 1e6:.0f} MB, more than Slant "
                                  f"reads ({limit // 10**6} MB); {SAVE_HINT}.")
            data = resp.read(limit + 1)
            if len(data) > limit:
                raise SourceError(f"Could not use {url}: the page is larger than Slant reads ({limit // 10**6} MB); "
                                  f"{SAVE_HINT}.")
            ctype = resp.headers.get_content_type() or "text/html"
            charset = resp.headers.get_content_charset()
            final = resp.geturl() or url
    except SourceError:
        raise
    except urllib.error.HTTPError as exc:
        raise SourceError(f"Could not fetch {url}: the server answered {exc.code} {exc.reason}; {SAVE_HINT}.") from None
    except urllib.error.URLError as exc:
        raise SourceError(f"Could not fetch {url} ({_reason(exc.reason)}); {SAVE_HINT}.") from None
    except (TimeoutError, socket.timeout):
        raise SourceError(f"Could not fetch {url}: no answer within {timeout:.0f} seconds; {SAVE_HINT}.") from None
    except (OSError, ValueError) as exc:  # connection reset, bad header, malformed address...
        raise SourceError(f"Could not fetch {url} ({_reason(exc)}); {SAVE_HINT}.") from None
    when = _dt.datetime.now().astimezone().replace(microsecond=0).isoformat()
    return Fetched(url=url, final_url=final, data=data, content_type=ctype, charset=charset, fetched=when)


def _reason(reason: object) -> str:
    if isinstance(reason, ConnectionRefusedError):
        return "the connection was refused: the site is down or the address is wrong"
    if isinstance(reason, socket.gaierror):
        return "the address could not be found: you may be offline"
    if isinstance(reason, (TimeoutError, socket.timeout)):
        return "no answer in time"
    text = getattr(reason, "strerror", None) or str(reason)
    return text.rstrip(".") or "network error"
