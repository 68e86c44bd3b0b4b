"""Hiding the secrets a connection URL may carry, wherever it is shown or written.

A password can sit in the URL's user part (``postgresql://u:secret@h/db``) or
in its query string (``?password=secret``, libpq's ``sslpassword`` and the
like). Both are replaced by ``***``. Works on any text, so an error message
or a log line quoting a URL is cleaned too. Pure Python.
"""

from __future__ import annotations

import re

__all__ = ["HIDDEN", "hide_url_secrets"]

HIDDEN = "***"

_USERINFO = re.compile(r"(\b[A-Za-z][A-Za-z0-9+.-]*://[^\s:/?#@'\"]*:)[^\s'\"/?#]*@")
_QUERY_SECRET = re.compile(
    r"([?&;](?:[A-Za-z_]*pass(?:word|wd)?|pwd|secret|[A-Za-z_]*token|api[_-]?key)=)[^&#\s'\"]*",
    re.IGNORECASE,
)


def hide_url_secrets(text: str) -> str:
    """``text`` with every password in a URL's user part or query string replaced by ``***``."""
    text = _USERINFO.sub(lambda m: m.group(1) + HIDDEN + "@", text)
    return _QUERY_SECRET.sub(lambda m: m.group(1) + HIDDEN, text)
