"""The before/after pulse survey: public pages, results and links.

- ``views``, ``urls``, ``forms``: the public survey pages (mounted by the site, see
  docs/surveys.md), which store answers with nothing about who gave them;
- ``results``: figures per question and wave, withholding those from too few responses;
- ``links``: the public address of each wave and its printable QR code.

The staff admin of surveys lives in ``wagtail_spcp.admin.surveys``.
"""
