"""Community partnership programs for Wagtail: program pages, an office finder,
engagement tracking and participant spreadsheet import."""

__version__ = "0.1.0"
