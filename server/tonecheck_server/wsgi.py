"""The app for other WSGI servers, configured from the environment (see :mod:`tonecheck_server.settings`).

A team server on Linux (README, "Server")::

    export TONECHECK_API_KEYS_FILE=/etc/tonecheck/keys TONECHECK_PROFILES=/srv/tonecheck/profiles
    gunicorn --workers 2 --threads 4 --worker-class gthread --preload --bind 0.0.0.0:8765 'tonecheck_server.wsgi:app'

Leave gunicorn's own access log off (its default): it writes query strings, and a LanguageTool client
may send the draft in one. tonecheck's access log (``tonecheck.access``) goes to standard error.
"""

from __future__ import annotations

import logging

from tonecheck_server import create_app
from tonecheck_server.serve import configure_logging, freeze_loaded

__all__ = ["app"]

configure_logging()
app = create_app()
# With --preload this runs once in the master, so the workers share what it loaded.
app.extensions["tonecheck.library"].warm_up()
freeze_loaded()
if not app.extensions["tonecheck.keys"]:
    logging.getLogger("tonecheck.server").warning(
        "no API keys configured: only clients on this machine (loopback) are answered"
    )
