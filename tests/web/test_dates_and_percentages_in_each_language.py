"""One format per kind of value and language on every page, all from Babel: dates ("December 1,
2026", "1 de diciembre de 2026", "1 de dezembro de 2026", never Django's "Dec. 1, 2026" or
"1 de Dezembro de 2026"), percentages ("51%", "51 %" only where the language puts a space), counts.
"""

import datetime as dt

import pytest

from standard_versions.models import Version
from tests.factories import build_version

pytestmark = pytest.mark.django_db


@pytest.fixture
def dated_version(db) -> Version:
    version = build_version(label="9.0", criteria=4)
    # 01:00 UTC on December 1: the date shown is the UTC date.
    version.published_at = dt.datetime(2026, 12, 1, 1, 0, tzinfo=dt.UTC)
    version.effective_from = dt.date(2026, 12, 31)
    version.save()
    return version


@pytest.mark.parametrize(
    ("lang", "published", "effective"),
    [
        ("en", "December 1, 2026", "December 31, 2026"),
        ("es", "1 de diciembre de 2026", "31 de diciembre de 2026"),
        ("pt-BR", "1 de dezembro de 2026", "31 de dezembro de 2026"),
    ],
)
def test_version_dates_are_long_babel_dates_on_the_version_and_home_pages(
    client, dated_version, lang, published, effective
):
    for path in ("/standards/big/versions/9.0/", "/"):
        html = client.get(f"{path}?lang={lang}").content.decode()
        assert f'<time datetime="2026-12-01T01:00:00Z">{published}</time>' in html
        assert f'<time datetime="2026-12-31">{effective}</time>' in html
        for django_format in ("Dec. 1", "Dezembro", "Diciembre"):
            assert django_format not in html


@pytest.mark.parametrize(
    ("lang", "band", "top"),
    [
        ("en", "50%\u201374% of the criteria", "75% of the criteria or more"),
        ("es", "50\xa0%\u201374\xa0% de los criterios", "75\xa0% de los criterios o más"),
        ("pt-BR", "50%\u201374% dos critérios", "75% dos critérios ou mais"),
    ],
)
def test_level_bands_are_babel_percentages_in_each_language(client, dated_version, lang, band, top):
    html = client.get(f"/standards/big/versions/9.0/?lang={lang}").content.decode()
    assert band in html
    assert top in html


@pytest.mark.parametrize(
    ("lang", "sentence"),
    [
        (
            "en",
            "<strong>Gold</strong> now starts at 68% of the criteria (the reconstructed version "
            "2.0 has 67%, an inferred figure).",
        ),
        (
            "es",
            "<strong>Gold</strong> ahora comienza en el 68\xa0% de los criterios (la versión "
            "reconstruida 2.0 tiene el 67\xa0%, una cifra inferida).",
        ),
        (
            "pt-BR",
            "<strong>Gold</strong> agora começa em 68% dos critérios (a versão reconstruída 2.0 "
            "tem 67%, um valor inferido).",
        ),
    ],
)
def test_compare_sentences_give_percentages_in_the_readers_format(
    client, shipped_data, lang, sentence
):
    html = client.get(f"/standards/wwc/compare/?from=2.0&to=3.0&lang={lang}").content.decode()
    assert sentence in html
