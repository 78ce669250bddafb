"""Query counts of the receipts and disposition reports in another language, pinned: the
criterion's title in the reader's language costs the translations' one query, the title the
commenter was shown one more (for a comment written in es or pt-BR), whatever the counts."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from standard_versions.consultation.comments import moderate_comment, submit_comment
from standard_versions.models import Comment

pytestmark = pytest.mark.django_db

# comment with period, version and standard + the criterion now
RECEIPT = 2
# + the version's translations (a reader of es or pt-BR)
RECEIPT_TRANSLATED = RECEIPT + 1
# + the title the commenter was shown (a comment written in es or pt-BR)
RECEIPT_OF_A_TRANSLATED_COMMENT = RECEIPT_TRANSLATED + 1
# the report's head, version, periods, criteria, the counts by criterion and disposition, the
# page's comments (no scope codes: the period covers the whole version) + the translations; the
# figures (4: links by class, answers, days, campaigns), the rows the pages show (1: a campaign
# once) and the page's links (1)
REPORT_TRANSLATED = 6 + 1 + 4 + 1 + 1
# the report page, after the API's request: the version, periods and counts it kept in the
# cache under the same head serve the page too, so the head, the comments and the translations
REPORT_PAGE_TRANSLATED = 3 + 1  # the page's links


def _queries(client, path: str) -> int:
    with CaptureQueriesContext(connection) as captured:
        response = client.get(path)
    assert response.status_code == 200, response.content
    return len(captured)


def _submit(period, *, language: str, criterion: str = "A0.0") -> Comment:
    comment = submit_comment(
        period_id=period.pk,
        body=f"A comment in {language}",
        criterion_code=criterion,
        language=language,
        now=timezone.now(),
    ).comment
    moderate_comment(
        tracking_id=comment.tracking_id, state="published", user=None, now=timezone.now()
    )
    return comment


@pytest.mark.parametrize(
    ("comment_language", "reader_language", "expected"),
    [
        ("en", "en", RECEIPT),
        ("en", "es", RECEIPT_TRANSLATED),
        ("es", "es", RECEIPT_OF_A_TRANSLATED_COMMENT),
        ("pt-BR", "en", RECEIPT + 1),
    ],
)
def test_the_api_receipt_costs_a_pinned_number_of_queries(
    api_client, open_period, comment_language, reader_language, expected
):
    comment = _submit(open_period, language=comment_language)
    path = f"/api/v1/comments/{comment.tracking_id}/?lang={reader_language}"
    assert _queries(api_client, path) == expected


def test_the_receipt_page_of_a_spanish_comment_in_spanish_costs_four_queries(client, open_period):
    comment = _submit(open_period, language="es")
    path = f"/comments/{comment.tracking_id}/?lang=es"
    assert _queries(client, path) == RECEIPT_OF_A_TRANSLATED_COMMENT


@pytest.mark.parametrize("comments", [5, 50])
def test_the_translated_disposition_report_costs_the_same_for_5_and_50_comments(
    api_client, client, open_period, comments
):
    for n in range(comments):
        _submit(open_period, language="es", criterion=("A0.0", "A1.1", "A0.2")[n % 3])
    api = "/api/v1/standards/big/versions/9.0/disposition-report/?lang=es"
    assert _queries(api_client, api) == REPORT_TRANSLATED
    page = "/standards/big/versions/9.0/disposition-report/?lang=es"
    assert _queries(client, page) == REPORT_PAGE_TRANSLATED
