"""Requests per second for the whole 3.0 tree in Spanish against English (target: es within 15 %).

Sets up its own SQLite database (migrate, load_standard, a complete Spanish translation of 3.0:
the shipped PO file if there is one, else a synthetic one about 15 % longer than the English),
serves it with gunicorn (2 workers, port 8310 by default) and measures with wrk, English and
Spanish interleaved. Without wrk it measures in process with Django's test client instead.

    python -m tests.bench.run translations [--seconds=10] [--port=8310] [--inprocess]
"""

import io
import json
import os
import re
import shutil
import signal
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
PATH = "/api/v1/standards/wwc/versions/3.0/"
SHIPPED_ES = ROOT / "standard_versions" / "data" / "translations" / "wwc-3.0.es.po"


def _option(argv, name, default):
    for arg in argv:
        if arg.startswith(f"--{name}="):
            return type(default)(arg.split("=", 1)[1])
    return default


def _env(database: Path) -> dict:
    return {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "backend.settings",
        "DEBUG": "0",
        "SECRET_KEY": "benchmark-only-secret-key-0123456789",
        "ALLOWED_HOSTS": "127.0.0.1,localhost,testserver",
        "DATABASE_URL": f"sqlite:///{database}",
        "LOG_LEVEL": "ERROR",
    }


def _manage(env, *args) -> str:
    result = subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=ROOT,
        env=env,
        check=True,
        capture_output=True,
        text=True,
    )
    return result.stdout


def _synthetic_spanish(exported: str) -> str:
    from babel.messages.pofile import read_po, write_po

    catalog = read_po(io.StringIO(exported))
    for message in catalog:
        if message.id:
            message.string = f"{message.id} {message.id[: max(1, len(message.id) // 7)]}"
    buffer = io.BytesIO()
    write_po(buffer, catalog)
    return buffer.getvalue().decode()


def _prepare(env, workdir: Path) -> None:
    _manage(env, "migrate", "--noinput")
    _manage(env, "load_standard")
    if SHIPPED_ES.exists():
        source = SHIPPED_ES
    else:
        source = workdir / "wwc-3.0.es.po"
        source.write_text(
            _synthetic_spanish(_manage(env, "export_translations", "wwc", "3.0", "es"))
        )
    print(f"   Spanish: {_manage(env, 'import_translations', str(source)).strip()}")


def _fetch(port: int, language: str) -> tuple[str, dict]:
    request = urllib.request.Request(
        f"http://127.0.0.1:{port}{PATH}", headers={"Accept-Language": language}
    )
    with urllib.request.urlopen(request, timeout=10) as response:
        return response.headers["Content-Language"], json.loads(response.read())


def _wrk(port: int, language: str, seconds: int) -> float:
    output = subprocess.run(
        ["wrk", "-t2", "-c8", f"-d{seconds}s", "-H", f"Accept-Language: {language}",
         f"http://127.0.0.1:{port}{PATH}"],
        check=True, capture_output=True, text=True,
    ).stdout  # fmt: skip
    if re.search(r"Non-2xx or 3xx responses: \d+", output):
        raise RuntimeError(f"errors during the run:\n{output}")
    return float(re.search(r"Requests/sec:\s+([\d.]+)", output).group(1))


def _served(port: int, env) -> subprocess.Popen:
    server = subprocess.Popen(
        [str(Path(sys.executable).parent / "gunicorn"), "backend.wsgi", "-w", "2",
         "-b", f"127.0.0.1:{port}", "--log-level", "warning"],
        cwd=ROOT, env=env, start_new_session=True,
    )  # fmt: skip
    for _ in range(100):
        try:
            _fetch(port, "en")
            return server
        except OSError:
            time.sleep(0.1)
    server.terminate()
    raise RuntimeError("gunicorn did not start")


def _report(figures: dict[str, list[float]]) -> None:
    en, es = (statistics.median(figures[language]) for language in ("en", "es"))
    print(f"   en: {en:8.1f} req/s   (runs: {', '.join(f'{x:.0f}' for x in figures['en'])})")
    print(f"   es: {es:8.1f} req/s   (runs: {', '.join(f'{x:.0f}' for x in figures['es'])})")
    verdict = "OK" if es >= 0.85 * en else "SLOWER THAN TARGET"
    print(f"   es/en: {es / en:.1%} (target >= 85 %): {verdict}")


def _in_process(env, seconds: int) -> dict[str, list[float]]:
    os.environ.update(env)
    import django

    django.setup()
    from django.test import Client

    client = Client()
    figures = {"en": [], "es": []}
    for _round in range(2):
        for language in ("en", "es"):
            client.get(PATH, HTTP_ACCEPT_LANGUAGE=language)
            done, started = 0, time.perf_counter()
            while time.perf_counter() - started < seconds:
                client.get(PATH, HTTP_ACCEPT_LANGUAGE=language)
                done += 1
            figures[language].append(done / (time.perf_counter() - started))
    return figures


def main(argv: list[str]) -> None:
    seconds = _option(argv, "seconds", 10)
    port = _option(argv, "port", 8310)
    workdir = Path(tempfile.mkdtemp(prefix="bench-translations-"))
    env = _env(workdir / "bench.sqlite3")
    try:
        _prepare(env, workdir)
        if "--inprocess" in argv or shutil.which("wrk") is None:
            print("   in process (Django test client, one thread)")
            _report(_in_process(env, seconds))
            return
        server = _served(port, env)
        try:
            for language in ("en", "es"):
                served, tree = _fetch(port, language)
                assert served == language and tree["language"] == language, (served, tree)
            print(f"   gunicorn 2 workers, wrk -t2 -c8 -d{seconds}s, GET {PATH}")
            figures = {"en": [], "es": []}
            for _round in range(2):
                for language in ("en", "es"):
                    figures[language].append(_wrk(port, language, seconds))
            _report(figures)
        finally:
            os.killpg(server.pid, signal.SIGTERM)
            server.wait(timeout=10)
    finally:
        shutil.rmtree(workdir, ignore_errors=True)


if __name__ == "__main__":
    main(sys.argv[1:])
