"""Fetching review pages by URL, safely: only http(s), no loopback/private/link-local
addresses unless allowed, a size cap and a time limit, redirects re-checked."""

from __future__ import annotations

import ipaddress
import socket
from dataclasses import dataclass
from datetime import UTC, datetime
from urllib.parse import urljoin, urlsplit

import httpx

MAX_REDIRECTS = 5


class FetchError(Exception):
    pass


@dataclass
class Fetched:
    url: str
    data: bytes
    content_type: str | None
    fetched_at: datetime


def is_url(text: str) -> bool:
    return text.startswith(("http://", "https://"))


def check_address(url: str, *, allow_private: bool) -> None:
    parts = urlsplit(url)
    if parts.scheme not in ("http", "https"):
        raise FetchError(f"unsupported URL scheme {parts.scheme!r}")
    host = parts.hostname
    if not host:
        raise FetchError("URL has no host")
    if allow_private:
        return
    try:
        infos = socket.getaddrinfo(host, parts.port or (443 if parts.scheme == "https" else 80))
    except socket.gaierror as exc:
        raise FetchError(f"cannot resolve host {host!r}: {exc.strerror}") from exc
    for info in infos:
        addr = ipaddress.ip_address(info[4][0])
        if addr.is_loopback or addr.is_private or addr.is_link_local or addr.is_reserved or addr.is_multicast \
                or addr.is_unspecified:
            raise FetchError(f"refusing to fetch {host} ({addr}): loopback, private or link-local address "
                             "(allow with ingest.allow_private_urls)")


def fetch(url: str, *, timeout: float, max_bytes: int, allow_private: bool = False) -> Fetched:
    """Download ``url`` with every safety check; raises :class:`FetchError` with a one-line reason."""
    current = url
    with httpx.Client(timeout=timeout, follow_redirects=False,
                      headers={"User-Agent": "criticscope/0.1 (+review analysis)"}) as client:
        for _ in range(MAX_REDIRECTS + 1):
            check_address(current, allow_private=allow_private)
            try:
                with client.stream("GET", current) as resp:
                    if resp.is_redirect:
                        location = resp.headers.get("location")
                        if not location:
                            raise FetchError(f"redirect without location (HTTP {resp.status_code})")
                        current = urljoin(current, location)
                        continue
                    if resp.status_code >= 400:
                        raise FetchError(f"HTTP {resp.status_code}")
                    declared = resp.headers.get("content-length")
                    if declared and declared.isdigit() and int(declared) > max_bytes:
                        raise FetchError(f"response too large ({declared} bytes > {max_bytes})")
                    chunks, size = [], 0
                    for chunk in resp.iter_bytes():
                        size += len(chunk)
                        if size > max_bytes:
                            raise FetchError(f"response too large (> {max_bytes} bytes)")
                        chunks.append(chunk)
                    return Fetched(url=current, data=b"".join(chunks),
                                   content_type=resp.headers.get("content-type"),
                                   fetched_at=datetime.now(UTC).replace(tzinfo=None))
            except httpx.TimeoutException as exc:
                raise FetchError(f"timed out after {timeout:g}s") from exc
            except httpx.HTTPError as exc:
                raise FetchError(f"unreachable: {type(exc).__name__}: {exc}") from exc
    raise FetchError(f"more than {MAX_REDIRECTS} redirects")
