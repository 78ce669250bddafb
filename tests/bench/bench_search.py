"""Search benchmark (PostgreSQL): ``--comments`` comments (default 1,000,000) of varied words in
English, Spanish and Portuguese, bulk-inserted in SQL into a scratch database, then the time of a
search for a common word, a rare word, two words and a tracking id, through
``consultation.search.search_comments`` (the first page of 100) and through the admin changelist
(Django's test client, a superuser, DEBUG=0), with the changelist's slowest queries.

    .venv/bin/python -m tests.bench.run search
    .venv/bin/python -m tests.bench.bench_search --comments 200000
"""

import argparse
import json
import statistics
import subprocess
import sys
import time

from tests.bench import bench_servers

DB = "h_search"
RUNS = 7

# Words of comments on a city standard, in the three languages; a text is words drawn with a
# skew towards the first ones (random()^2), so some are in a third of the rows, most in few.
WORDS = {
    "en": (
        "data city open residents should criterion council public budget the and of to "
        "services performance evaluation governing governance transparency results staff "
        "department community survey portal dashboard policy report annual program goals "
        "measure outcomes equity housing transit safety health libraries parks water "
        "procurement contracts vendors training leadership analytics spending planning "
        "engagement feedback accessible neighborhoods youth seniors climate emissions "
        "permits inspections licensing broadband digital privacy security legislation"
    ).split(),
    "es": (
        "datos ciudad abiertos ciudadanos criterio consejo público presupuesto el la de que "
        "servicios desempeño evaluación gobierno transparencia resultados personal "
        "departamento comunidad encuesta portal tablero política informe anual programa metas "
        "medir equidad vivienda transporte seguridad salud bibliotecas parques agua compras "
        "contratos proveedores capacitación liderazgo análisis gasto planificación "
        "participación barrios jóvenes mayores clima emisiones permisos inspecciones "
        "licencias digital privacidad legislación presupuestos ciudades políticas"
    ).split(),
    "pt-BR": (
        "dados cidade abertos cidadãos critério conselho público orçamento o a de que "
        "serviços desempenho avaliação governo transparência resultados equipe departamento "
        "comunidade pesquisa portal painel política relatório anual programa metas medir "
        "equidade moradia transporte segurança saúde bibliotecas parques água compras "
        "contratos fornecedores capacitação liderança análise gastos planejamento "
        "participação bairros jovens idosos clima emissões licenças inspeções digital "
        "privacidade legislação orçamentos cidades políticas"
    ).split(),
}
NAMES = "Ana Bruno Carla Diego Elena Felipe Grace Hugo Ines Jamal Keiko Luis Maria Noah".split()


def _array(words: list[str]) -> str:
    return "ARRAY[" + ", ".join("'" + w.replace("'", "''") + "'" for w in words) + "]"


# Languages in turn (en, es, pt-BR); 40 words each; one row in 100,000 says "zeppelin".
INSERT_SQL = f"""
INSERT INTO standard_versions_comment (
    period_id, tracking_id, submitted_at, criterion_key, criterion_code, criterion_revision,
    criterion_title, criterion_description, body, proposed_text, type, language, name,
    organization, identity_public, email, content_sha256, normalized_hash, idempotency_key,
    request_sha256, moderation_state, moderation_reason, disposition, response, responded_at)
SELECT %(period)s, translate(left(md5(i::text), 26), '0189', 'kmnp'),
    now() - make_interval(secs => i), 'k' || (i %% 40), 'A' || (i %% 4) || '.' || (i %% 40), 1,
    'Criterion ' || (i %% 40), 'Text of criterion',
    (SELECT string_agg(word, ' ') FROM (
        SELECT w.words[1 + floor(power(random(), 2) * array_length(w.words, 1))::int] AS word
        FROM generate_series(1, 40 + (i %% 7)) AS g) AS drawn)
      || CASE WHEN i %% 100000 = 7 THEN ' zeppelin' ELSE '' END,
    '', 'technical', w.lang, ({_array(NAMES)})[1 + i %% {len(NAMES)}] || ' ' || i,
    'City of Somewhere', i %% 2 = 0, 'person' || i || '@example.org',
    md5(i::text) || md5(i::text), md5((i %% 1000)::text), md5(i::text), '',
    CASE WHEN i %% 3 = 0 THEN 'published' ELSE 'received' END, '', '', '', NULL
FROM generate_series(1, %(rows)s) AS i
CROSS JOIN LATERAL (
    SELECT CASE i %% 3 WHEN 0 THEN 'en' WHEN 1 THEN 'es' ELSE 'pt-BR' END AS lang,
           CASE i %% 3 WHEN 0 THEN {_array(WORDS["en"])} WHEN 1 THEN {_array(WORDS["es"])}
                ELSE {_array(WORDS["pt-BR"])} END AS words
) AS w
"""

QUERIES = [
    ("common word (data)", "data"),
    ("stemmed Spanish word (presupuestos)", "presupuestos"),
    ("two words (budget transparency)", "budget transparency"),
    ("rare word (zeppelin)", "zeppelin"),
    ("no match (xylophone)", "xylophone"),
]


def parse_args(argv: list[str]) -> argparse.Namespace:
    parser = argparse.ArgumentParser()
    parser.add_argument("--comments", type=int, default=1_000_000)
    parser.add_argument("--redis-url", default="redis://127.0.0.1:6379/5")
    parser.add_argument("--keep", action="store_true", help="keep the scratch database")
    args, _unknown = parser.parse_known_args(argv)
    return args


def _load(rows: int, redis_url: str) -> None:
    import psycopg

    period_id = bench_servers.prepare(DB, redis_url)
    started = time.perf_counter()
    with psycopg.connect(bench_servers.database_url(DB), autocommit=True) as connection:
        # As a bulk load would: the GIN index is built once after the rows, not row by row.
        connection.execute("DROP INDEX comment_search_idx")
        connection.execute(INSERT_SQL, {"period": period_id, "rows": rows})
        inserted = time.perf_counter()
        connection.execute(
            "CREATE INDEX comment_search_idx ON standard_versions_comment USING GIN (search_vector)"
        )
        connection.execute("VACUUM ANALYZE standard_versions_comment")
        size = connection.execute(
            "SELECT pg_size_pretty(pg_relation_size('comment_search_idx'))"
        ).fetchone()[0]
    print(
        f"   inserted {rows:,} comments in {inserted - started:.0f} s, GIN index and ANALYZE "
        f"in {time.perf_counter() - inserted:.0f} s (index {size})",
        flush=True,
    )


def _median_ms(call) -> float:
    call()  # warm: the first run reads the pages into the buffer cache
    times = []
    for _ in range(RUNS):
        started = time.perf_counter()
        call()
        times.append((time.perf_counter() - started) * 1000)
    return statistics.median(times)


def child() -> None:
    """In a process of its own with the scratch database's settings (DEBUG=0)."""
    import django

    django.setup()
    from django.contrib.auth.models import User
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext

    from standard_versions.consultation.search import search_comments
    from standard_versions.models import Comment

    user = User.objects.create_superuser("bench-search", password=None)
    client = Client()
    client.force_login(user)
    tracking_id = Comment.objects.order_by("-submitted_at").values_list("tracking_id", flat=True)[
        5000
    ]
    grouped = "-".join(tracking_id[i : i + 4] for i in range(0, 26, 4)).upper()
    results = []
    for label, query in [*QUERIES, ("tracking id, grouped upper case", grouped)]:
        found = Comment.objects.none()

        def first_page(query=query):
            nonlocal found
            found = list(search_comments(Comment.objects.all(), query=query)[:100])

        function_ms = _median_ms(first_page)

        def changelist(query=query):
            response = client.get("/admin/standard_versions/comment/", {"q": query})
            assert response.status_code == 200, response.status_code

        admin_ms = _median_ms(changelist)
        with CaptureQueriesContext(connection) as queries:
            changelist()
        slowest = sorted(queries.captured_queries, key=lambda q: -float(q["time"]))[:2]
        # The changelist's queries that search (its count and its page), apart from the rest
        # of the page (filters, date hierarchy, the unfiltered count).
        searching = [
            q
            for q in queries.captured_queries
            if "search_vector" in q["sql"] or '"tracking_id" = ' in q["sql"]
        ]
        results.append(
            {
                "label": label,
                "page": len(found),
                "matches": search_comments(Comment.objects.all(), query=query).count(),
                "function_ms": function_ms,
                "admin_ms": admin_ms,
                "admin_search_ms": sum(float(q["time"]) for q in searching) * 1000,
                "slowest": [(float(q["time"]) * 1000, q["sql"][:90]) for q in slowest],
            }
        )
    print(json.dumps(results))


def main(argv: list[str]) -> None:
    if "--child" in argv:
        child()
        return
    args = parse_args(argv)
    _load(args.comments, args.redis_url)
    try:
        output = subprocess.run(
            [sys.executable, "-m", "tests.bench.bench_search", "--child"],
            cwd=bench_servers.ROOT,
            env=bench_servers.server_env(DB, args.redis_url),
            check=True,
            capture_output=True,
            text=True,
        ).stdout
        for row in json.loads(output.strip().splitlines()[-1]):
            print(
                f"   {row['label']}: {row['matches']:,} matches; search_comments first page "
                f"{row['function_ms']:.1f} ms; admin changelist {row['admin_ms']:.0f} ms, of which "
                f"its searching queries {row['admin_search_ms']:.0f} ms",
                flush=True,
            )
            for ms, sql in row["slowest"]:
                print(f"      {ms:6.1f} ms  {sql}", flush=True)
    finally:
        if not args.keep:
            bench_servers.drop_database(DB)


if __name__ == "__main__":
    main(sys.argv[1:])
