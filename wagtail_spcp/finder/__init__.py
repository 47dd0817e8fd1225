"""The office finder: ZIP, city and state lookup, nearest offices, and the tile map."""

from .lookup import MAX_QUERY_LENGTH, LookupResult, MatchKind, Status, lookup, parse_query

__all__ = ["MAX_QUERY_LENGTH", "LookupResult", "MatchKind", "Status", "lookup", "parse_query"]
