"""Who may call the API: API keys, and loopback-only service when no key is configured.

* With keys configured, the protected endpoints (``POST /v1/check``, ``/v1/profiles*``,
  ``/v2/check``) need one: ``Authorization: Bearer <key>``, ``X-Api-Key: <key>``, a ``/k/<key>``
  path prefix, or (``/v2/check`` only, as LanguageTool clients send it) the ``apiKey`` field.
  No key: 401 ``api_key_required``. A wrong key: 403 ``api_key_invalid``.
* Without keys, the server answers only clients on the same machine (loopback); anyone else gets
  403 ``loopback_only``. ``tonecheck serve`` refuses to listen on another address without keys,
  and this check covers servers started another way (gunicorn).

Documentation (``/``, ``/v1/openapi.json``, ``/v1/rules*``, ``/rules/*``, ``/v1/platforms``,
``/v2/languages``) and ``/health`` are open: they hold nothing about a team or a draft.
"""

from __future__ import annotations

import ipaddress
from collections.abc import Mapping
from functools import lru_cache
from typing import Any

from flask import g, request

from tonecheck_server import context
from tonecheck_server.errors import ApiError
from tonecheck_server.keys import ApiKey

__all__ = ["is_loopback", "require_access"]


@lru_cache(maxsize=1024)
def is_loopback(address: str | None) -> bool:
    """Whether *address* (an IP address, possibly with a zone) is a loopback address."""
    if not address:
        return False
    try:
        ip = ipaddress.ip_address(address.split("%", 1)[0])
    except ValueError:
        return False
    if isinstance(ip, ipaddress.IPv6Address) and ip.ipv4_mapped is not None:
        return ip.ipv4_mapped.is_loopback
    return ip.is_loopback


def require_access(form: Mapping[str, str] | None = None) -> ApiKey | None:
    """Check the request's key (or, without keys, that it comes from loopback); the key, if any.

    *form* is the parsed LanguageTool form (its ``apiKey`` field counts). Stores the key in
    ``g.api_key``; raises :class:`ApiError` 401/403.
    """
    ring = context.keys()
    if not ring:
        if not is_loopback(request.remote_addr):
            raise ApiError(
                403, "loopback_only",
                "This server has no API keys, so it only answers on this machine. Configure API keys to serve others.",
            )
        g.api_key = None
        return None
    presented = _presented(form)
    if not presented:
        raise ApiError(401, "api_key_required", "This server needs an API key: send 'Authorization: Bearer <key>'.")
    key = ring.match(presented)
    if key is None:
        raise ApiError(403, "api_key_invalid", "This API key is not valid on this server.")
    g.api_key = key
    return key


def _presented(form: Mapping[str, str] | None) -> str | None:
    auth = request.headers.get("Authorization", "")
    scheme, _, value = auth.partition(" ")
    if scheme.lower() == "bearer" and value.strip():
        return value.strip()
    header = request.headers.get("X-Api-Key", "").strip()
    if header:
        return header
    path_key: Any = request.environ.get("tonecheck.path_key")
    if isinstance(path_key, str) and path_key:
        return path_key
    if form is not None:
        value = form.get("apiKey", "").strip()
        if value:
            return value
    return None
