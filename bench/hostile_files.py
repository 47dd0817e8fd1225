"""Benchmark: hostile files through the real import entry point, one child process each.

    .venv/bin/python bench/hostile_files.py [--only NAME ...] [--tree PATH] [--timeout 60]

Generates each kind of hostile file in a temporary folder, then imports it in a child
process exactly as the wizard and ``spcp_import`` do (``store_file``, ``create_batch``,
``execute_batch``) into a throwaway SQLite database, and prints the outcome, the wall
time of the import and the child's peak memory (max RSS, which includes Django's own
~100 MB). ``--tree`` runs the children against another checkout of the project (say, an
older commit exported with ``git archive``) to compare before and after. Each child is
stopped after ``--timeout`` seconds and may not map more than 4 GB.

Target: every file refused (or imported) in under 10 seconds and under 300 MB.
"""

import argparse
import io
import itertools
import json
import os
import resource
import shutil
import subprocess
import sys
import tempfile
import time
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from tests.importing.workbook_parts import MAIN_NS, PARTS  # noqa: E402 - after the path

ADDRESS_SPACE_LIMIT = 4 * 1024**3
SHEET_START = f'<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="{MAIN_NS}"><sheetData>'
SHEET_END = "</sheetData></worksheet>"
HEADER_ROW = (
    '<row r="1"><c r="A1" t="inlineStr"><is><t>First Name</t></is></c>'
    '<c r="B1" t="inlineStr"><is><t>Last Name</t></is></c>'
    '<c r="C1" t="inlineStr"><is><t>Email</t></is></c></row>'
)


# --- the hostile files ------------------------------------------------------------------


def write_workbook(path: Path, sheet_chunks, prologue: str = "") -> None:
    """A one-sheet workbook whose sheet XML is streamed from ``sheet_chunks`` (text)."""
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as archive:
        for name, text in PARTS.items():
            archive.writestr(name, text)
        with archive.open("xl/worksheets/sheet1.xml", "w", force_zip64=True) as sheet:
            sheet.write(SHEET_START.replace("?>", "?>" + prologue, 1).encode())
            for chunk in sheet_chunks:
                sheet.write(chunk.encode())
            sheet.write(SHEET_END.encode())


def in_batches(lines, size=10_000):
    batch = []
    for line in lines:
        batch.append(line)
        if len(batch) == size:
            yield "".join(batch)
            batch = []
    yield "".join(batch)


def formula_close_tags(path: Path) -> None:
    """4,000 rows whose cells close with the legal ``</c >``, one formula with its result."""

    def rows():
        yield HEADER_ROW.replace("</c>", "</c >")
        for n in range(2, 4001):
            yield (
                f'<row r="{n}"><c r="A{n}" t="inlineStr"><is><t>N{n}</t></is></c >'
                f'<c r="B{n}" t="inlineStr"><is><t>P</t></is></c >'
                f'<c r="C{n}" t="inlineStr"><is><t>p{n}@example.org</t></is></c ></row>'
            )
        yield '<row r="4001"><c r="D4001"><f>1+1</f><v>2</v></c ></row>'

    write_workbook(path, rows())


def sparse_rows(path: Path) -> None:
    """Two million rows of one blank-looking cell: small on disk, under the declared cap."""
    rows = (
        f'<row r="{n}"><c r="A{n}" t="inlineStr"><is><t>.</t></is></c></row>'
        for n in range(2, 2_000_002)
    )
    write_workbook(path, in_batches(itertools.chain([HEADER_ROW], rows)))


def far_corner(path: Path) -> None:
    """A few real rows and one cell at the far corner the limits allow (200,001 x 200)."""
    rows = [
        HEADER_ROW,
        '<row r="2"><c r="A2" t="inlineStr"><is><t>Ann</t></is></c>'
        '<c r="B2" t="inlineStr"><is><t>Lee</t></is></c>'
        '<c r="C2" t="inlineStr"><is><t>ann@example.org</t></is></c></row>',
        '<row r="200001"><c r="GR200001"><v>1</v></c></row>',
    ]
    write_workbook(path, rows)


def lying_sizes(path: Path) -> None:
    """A sheet that unpacks to 1.9 GB while the zip directory says 1,000 bytes."""
    filler = ('<row><c t="inlineStr"><is><t>x</t></is></c></row>' * 20_000).encode()
    total = 1_900_000_000
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as archive:
        for name, text in PARTS.items():
            archive.writestr(name, text)
        with archive.open("xl/worksheets/sheet1.xml", "w") as sheet:
            sheet.write((SHEET_START + HEADER_ROW).encode())
            written = 0
            while written < total:
                sheet.write(filler)
                written += len(filler)
            sheet.write(SHEET_END.encode())
    data = bytearray(buffer.getvalue())
    info = zipfile.ZipFile(io.BytesIO(bytes(data))).getinfo("xl/worksheets/sheet1.xml")
    data[info.header_offset + 22 : info.header_offset + 26] = (1000).to_bytes(4, "little")
    name = b"xl/worksheets/sheet1.xml"
    position = data.find(b"PK\x01\x02")
    while position >= 0:
        if data[position + 46 : position + 46 + len(name)] == name:
            data[position + 24 : position + 28] = (1000).to_bytes(4, "little")
        position = data.find(b"PK\x01\x02", position + 4)
    path.write_bytes(bytes(data))


def billion_laughs(path: Path) -> None:
    """Entity expansion in the sheet."""
    entities = '<!DOCTYPE worksheet [<!ENTITY a0 "laugh">' + "".join(
        f'<!ENTITY a{n} "{f"&a{n - 1};" * 10}">' for n in range(1, 10)
    )
    row = '<row r="2"><c r="A2" t="inlineStr"><is><t>&a9;</t></is></c></row>'
    write_workbook(path, [HEADER_ROW, row], prologue=entities + "]>")


def invalid_csv(rows: int):
    def write(path: Path) -> None:
        with path.open("w", encoding="utf-8", newline="") as handle:
            handle.write("First Name,Last Name,Email\n")
            for _chunk in range(rows // 100_000):
                handle.write("a,b,c\n" * 100_000)
            handle.write("a,b,c\n" * (rows % 100_000))

    return write


def nul_csv(path: Path) -> None:
    """Valid rows, then a NUL byte far past the first 4 KB."""
    lines = "".join(f"N{n},P,p{n}@example.org\n" for n in range(50_000))
    path.write_text("First Name,Last Name,Email\n" + lines + "Late,N\x00,late@example.org\n")


HOSTILE_FILES = {
    "formula-close-tags.xlsx": formula_close_tags,
    "sparse-2m-rows.xlsx": sparse_rows,
    "lying-sizes.xlsx": lying_sizes,
    "invalid-1m-rows.csv": invalid_csv(1_000_000),
    "invalid-150k-rows.csv": invalid_csv(150_000),
    "far-corner.xlsx": far_corner,
    "billion-laughs.xlsx": billion_laughs,
    "nul-late.csv": nul_csv,
}


# --- the child: one import --------------------------------------------------------------


def setup_django(tree: Path, database: Path, private: Path) -> None:
    sys.path[:0] = [str(tree / "site"), str(tree)]
    os.environ["DJANGO_SETTINGS_MODULE"] = "spcp_demo.settings.test"
    os.environ["DATABASE_URL"] = f"sqlite:///{database}"
    import django

    django.setup()
    from django.conf import settings

    settings.STORAGES["spcp_imports"] = {
        "BACKEND": "django.core.files.storage.FileSystemStorage",
        "OPTIONS": {"location": str(private)},
    }


def prepare(tree: Path, database: Path) -> None:
    """Migrate the template database and give it an engagement to import into."""
    setup_django(tree, database, database.parent / "private")
    import datetime

    from django.core.management import call_command

    from wagtail_spcp.models import Engagement, Office

    call_command("migrate", verbosity=0, interactive=False)
    call_command("loaddata", "crs_offices", verbosity=0)
    Engagement.objects.create(
        slug="bench",
        title="Bench",
        office=Office.objects.get(slug="southwest"),
        community_city="Riverton",
        community_state="TX",
        stage="planning",
        requested_on=datetime.date(2026, 3, 1),
    )


def peak_mb() -> float:
    """This process's peak resident memory since it started (Linux's VmHWM).

    ``ru_maxrss`` would carry the parent's peak across fork and exec.
    """
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1]) / 1024
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def import_one(tree: Path, database: Path, path: Path) -> dict:
    resource.setrlimit(resource.RLIMIT_AS, (ADDRESS_SPACE_LIMIT, ADDRESS_SPACE_LIMIT))
    setup_django(tree, database, database.parent / "private")
    from wagtail_spcp.importing.batches import (
        ImportFailed,
        create_batch,
        execute_batch,
        summary_line,
    )
    from wagtail_spcp.importing.storage import store_file
    from wagtail_spcp.models import Engagement

    engagement = Engagement.objects.get(slug="bench")
    baseline = peak_mb()
    start = time.perf_counter()
    data = path.read_bytes()
    try:
        batch = create_batch(upload=store_file(data, path.name), engagement=engagement)
        outcome = summary_line(execute_batch(batch, data))
    except ImportFailed as error:
        outcome = f"refused: {error}"
    return {
        "seconds": time.perf_counter() - start,
        "peak_mb": peak_mb(),
        "baseline_mb": baseline,
        "outcome": outcome,
    }


# --- the parent -------------------------------------------------------------------------


def run_child(args, *extra) -> subprocess.CompletedProcess:
    command = [sys.executable, __file__, "--tree", str(args.tree), *extra]
    return subprocess.run(  # noqa: S603 - this script, with fixed arguments
        command, capture_output=True, text=True, timeout=args.timeout, check=False
    )


def measure(args, template: Path, path: Path) -> str:
    database = template.with_name(f"{path.stem}.sqlite3")
    shutil.copyfile(template, database)
    start = time.perf_counter()
    try:
        result = run_child(args, "--import", str(path), "--database", str(database))
    except subprocess.TimeoutExpired:
        return f"{'(stopped)':>9} {'':>8}  still running after {args.timeout:.0f} s"
    finally:
        database.unlink(missing_ok=True)
    if result.returncode != 0:
        last = (result.stderr.strip().splitlines() or ["no output"])[-1]
        return f"{time.perf_counter() - start:8.1f}s {'':>8}  crashed: {last[:70]}"
    figures = json.loads(result.stdout.strip().splitlines()[-1])
    return f"{figures['seconds']:8.1f}s {figures['peak_mb']:6.0f} MB  {figures['outcome'][:90]}"


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--only", nargs="*", choices=sorted(HOSTILE_FILES))
    parser.add_argument("--tree", type=Path, default=ROOT)
    parser.add_argument("--timeout", type=float, default=60)
    parser.add_argument("--import", dest="import_path", type=Path, help=argparse.SUPPRESS)
    parser.add_argument("--prepare", type=Path, help=argparse.SUPPRESS)
    parser.add_argument("--database", type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args()
    args.tree = args.tree.resolve()
    if args.prepare:
        prepare(args.tree, args.prepare)
        return
    if args.import_path:
        print(json.dumps(import_one(args.tree, args.database, args.import_path)))
        return

    with tempfile.TemporaryDirectory(prefix="spcp-hostile-") as tmp:
        folder = Path(tmp)
        template = folder / "template.sqlite3"
        result = run_child(args, "--prepare", str(template))
        if result.returncode != 0:
            sys.exit(result.stderr)
        print(f"code: {args.tree}")
        print(f"{'file':<26} {'size':>9} {'time':>9} {'peak':>9}  outcome")
        for name in args.only or HOSTILE_FILES:
            path = folder / name
            HOSTILE_FILES[name](path)
            size = path.stat().st_size
            print(f"{name:<26} {size / 1024:7.0f}KB {measure(args, template, path)}", flush=True)
            path.unlink()


if __name__ == "__main__":
    main()
