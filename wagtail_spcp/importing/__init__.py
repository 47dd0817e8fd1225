"""The spreadsheet pipeline: participants in from XLSX/CSV, out to XLSX/CSV.

Stages, each in its own module:

- ``reading``: XLSX (python-calamine, openpyxl as fallback) and CSV (UTF-8, UTF-8 with
  BOM, UTF-16 with BOM, Windows-1252; ``"`` always quotes), rows streamed with the row
  and column limits enforced as they come, each data row keeping its row number;
- ``tables``: finding the table in a sheet's first rows: the header row below title,
  date and blank rows, two-row headers, and (with ``reading``) the sheet to read;
- ``workbooks``: what a workbook must pass before a reader unpacks it: declared and real
  unpacked sizes, and an expat scan of each worksheet for uncalculated formulas and for
  the rows and columns its cells span;
- ``limits``: the limits' checks and ``UnreadableFile``, the refusal a user reads;
- ``columns``: the columns an import fills, header spellings and choice synonyms;
- ``headers``, ``formats``: headers matched by meaning; known export formats by signature;
- ``widgets``: django-import-export widgets that clean and render each column's cells;
- ``values``, ``dates``, ``names``: value maps, day-first dates, one-column names;
- ``resources``: ``ParticipantResource`` and ``PersonResource``, the export columns;
- ``pipeline``: map, normalise, validate, collapse in-file duplicates, match the
  database, plan, write atomically, report;
- ``batches``: ``ImportBatch`` records, the audit log and undo;
- ``locking``, ``mappings``: one import per region at a time; saved mappings by region;
- ``tasks``: ``start_import``, running large imports as a django-tasks task;
- ``exporting``, ``spreadsheets``: exports, and the one XLSX and CSV writer (formula-safe);
- ``storage``: keeping files in the private import storage;
- ``views``, ``forms``, ``urls``, ``admin``: the admin wizard, registered from
  ``wagtail_spcp.wagtail_hooks``.

Settings (all read in ``wagtail_spcp.conf``): ``SPCP_IMPORT_MAX_BYTES`` (default 10 MB),
``SPCP_IMPORT_MAX_UNCOMPRESSED_BYTES``
(the most a workbook may unpack to, declared or real; default 30 times that),
``SPCP_IMPORT_MAX_ROWS`` (data rows in one file, default 200,000),
``SPCP_IMPORT_MAX_COLUMNS`` (columns a sheet may span, default 200); a file beyond a
limit is refused with a message naming the limit and its setting.
``SPCP_IMPORT_TASK_ROWS`` (rows above which an import runs as a task, default 2,000),
``SPCP_IMPORT_STALE_MINUTES`` (a running import without progress this long is shown as
interrupted, default 30),
``SPCP_IMPORT_FILE_LIFETIME`` (seconds an error workbook and a wizard link stay valid,
default 7 days), ``SPCP_IMPORT_ROOT`` or ``STORAGES["spcp_imports"]`` (private storage
for uploads and error workbooks; never the public media storage).

An import whose first 1,000 rows are at least 99% invalid stops there, with a few of
the reasons and a hint to check the header row and the mapping.
"""
