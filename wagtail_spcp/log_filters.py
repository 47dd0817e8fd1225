"""Logging filters that keep personal data out of access logs.

Admin searches and filters travel in the query string (``/admin/snippets/...?q=Maria``),
so a request line in an access log can hold a name or an email. ``StripQueryStrings``
removes the query string from request lines whose path starts with one of ``paths``.
"""

import logging
import re

# "GET /admin/snippets/?q=maria HTTP/1.1": method, target, protocol.
REQUEST_LINE = re.compile(r"^(?P<method>[A-Z]+) (?P<target>\S+)(?P<rest> HTTP/\S+)?$")


class StripQueryStrings(logging.Filter):
    """Drop the query string of request lines for ``paths`` (the admin, by default).

    Works on ``django.server``'s records, whose first argument is the request line,
    and on any record whose arguments or message are a request line.
    """

    def __init__(self, paths=("/admin/",), name=""):
        super().__init__(name)
        self.paths = tuple(paths)

    def strip(self, text):
        if not isinstance(text, str) or "?" not in text:
            return text
        match = REQUEST_LINE.match(text)
        if match is None:
            return text
        path, _sep, _query = match["target"].partition("?")
        if not path.startswith(self.paths):
            return text
        return f"{match['method']} {path}{match['rest'] or ''}"

    def filter(self, record):
        if isinstance(record.args, tuple) and record.args:
            record.args = tuple(self.strip(arg) for arg in record.args)
        elif not record.args:
            record.msg = self.strip(record.msg)
        return True
