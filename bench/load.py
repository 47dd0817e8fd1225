"""Load benchmark: the demo under gunicorn (two workers) on 127.0.0.1.

Builds a throw-away SQLite database with the demo data, starts gunicorn with
the production settings, then runs 20 concurrent clients for 30 seconds that
alternate finder lookups (the finder page and the JSON API) and program page
views (``--paths all`` adds every other public page type). Prints requests/s,
p50, p95 and errors. Loopback only; bounded in time and in requests.

    .venv/bin/python bench/load.py [--seconds 30] [--clients 20] [--paths all]
"""

import argparse
import http.client
import os
import random
import secrets
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
HOST = "127.0.0.1"
MAX_REQUESTS = 200_000  # a hard stop whatever the duration
SAMPLE_ZIPS = 300  # distinct real ZIP codes looked up, so most finder requests miss the cache
PATHS = [
    "/offices/?q={zip}",
    "/api/spcp/offices/lookup?q={zip}",
    "/programs/strengthening-police-and-community-partnerships/",
    "/programs/",
]
# --paths all: the mix above and the other public page types (page_queries.py lists them;
# the site search is left out, as each search writes a hit to the SQLite database).
ALL_PATHS = PATHS + [
    "/",
    "/programs/strengthening-police-and-community-partnerships/"
    "cedar-hollow-builds-a-standing-council/",
    "/offices/",
    "/offices/?q=Galveston%2C+TX",
    "/offices/?q=Springfield",
    "/offices/?q=TX",
    "/offices/southwest/",
    "/sitemap.xml",
]


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind((HOST, 0))
        return sock.getsockname()[1]


def prepare_environment(database: Path) -> dict:
    env = dict(os.environ)
    env.update(
        DJANGO_SETTINGS_MODULE="spcp_demo.settings.production",
        DJANGO_SECRET_KEY=secrets.token_urlsafe(50),
        DJANGO_ALLOWED_HOSTS=HOST,
        DJANGO_SECURE_SSL_REDIRECT="false",
        DATABASE_URL=f"sqlite:///{database}",
        PYTHONPATH=os.pathsep.join([str(REPO / "site"), str(REPO)]),
    )
    manage = [sys.executable, str(REPO / "site" / "manage.py")]
    subprocess.run([*manage, "migrate", "--noinput", "-v0"], env=env, check=True)
    subprocess.run([*manage, "load_demo", "--no-admin", "-v0"], env=env, check=True)
    subprocess.run([*manage, "collectstatic", "--noinput", "-v0"], env=env, check=True)
    return env


def wait_until_serving(port: int, seconds: float = 30) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        try:
            with socket.create_connection((HOST, port), timeout=1):
                return
        except OSError:
            time.sleep(0.2)
    raise RuntimeError("gunicorn did not start")


def sample_zips(count: int) -> list[str]:
    import zipcodes

    rng = random.Random(2026)
    standard = [z["zip_code"] for z in zipcodes.filter_by(zip_code_type="STANDARD", active=True)]
    return rng.sample(standard, count)


def client(port, stop_at, results, lock, budget, zips, paths):
    rng = random.Random()
    connection = http.client.HTTPConnection(HOST, port, timeout=10)
    while time.monotonic() < stop_at:
        with lock:
            if budget[0] <= 0:
                break
            budget[0] -= 1
        path = rng.choice(paths).format(zip=rng.choice(zips))
        started = time.perf_counter()
        try:
            connection.request("GET", path, headers={"Host": HOST})
            response = connection.getresponse()
            response.read()
            ok = response.status == 200
        except (OSError, http.client.HTTPException):
            ok = False
            connection.close()
            connection = http.client.HTTPConnection(HOST, port, timeout=10)
        elapsed = time.perf_counter() - started
        with lock:
            results.append((elapsed, ok, path))
    connection.close()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seconds", type=float, default=30)
    parser.add_argument("--clients", type=int, default=20)
    parser.add_argument(
        "--page-cache-seconds",
        default="60",
        help="DJANGO_PAGE_CACHE_SECONDS for the server; 0 measures every request uncached",
    )
    parser.add_argument(
        "--paths", choices=["default", "all"], default="default", help="the mix of pages"
    )
    args = parser.parse_args()
    zips = sample_zips(SAMPLE_ZIPS)
    paths = ALL_PATHS if args.paths == "all" else PATHS

    with tempfile.TemporaryDirectory() as tmp:
        env = prepare_environment(Path(tmp) / "load.sqlite3")
        env["DJANGO_PAGE_CACHE_SECONDS"] = args.page_cache_seconds
        port = free_port()
        server = subprocess.Popen(
            [sys.executable, "-m", "gunicorn", "spcp_demo.wsgi:application"]
            + ["--workers", "2", "--bind", f"{HOST}:{port}", "--log-level", "warning"],
            env=env,
            cwd=REPO,
        )
        try:
            wait_until_serving(port)
            results, lock, budget = [], threading.Lock(), [MAX_REQUESTS]
            started = time.monotonic()
            stop_at = started + args.seconds
            threads = [
                threading.Thread(
                    target=client, args=(port, stop_at, results, lock, budget, zips, paths)
                )
                for _ in range(args.clients)
            ]
            for thread in threads:
                thread.start()
            for thread in threads:
                thread.join()
            duration = time.monotonic() - started
        finally:
            server.terminate()
            server.wait(timeout=10)

    latencies = sorted(elapsed for elapsed, _, _ in results)
    errors = sum(1 for _, ok, _ in results if not ok)
    quantiles = statistics.quantiles(latencies, n=100)
    print(
        f"clients={args.clients} seconds={duration:.1f} requests={len(results)} "
        f"page_cache_seconds={args.page_cache_seconds} distinct_zips={len(zips)} "
        f"paths={args.paths}"
    )
    print(f"requests/s={len(results) / duration:.1f}")
    print(f"p50={quantiles[49] * 1000:.1f}ms p95={quantiles[94] * 1000:.1f}ms")
    print(f"errors={errors}")
    failing = sorted({path for _, ok, path in results if not ok})[:5]
    if failing:
        print("failing paths, for example:", ", ".join(failing))


if __name__ == "__main__":
    main()
