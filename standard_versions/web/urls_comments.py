from django.urls import path

from standard_versions.api import converters  # noqa: F401 (registers converters)
from standard_versions.web import views_comments

urlpatterns = [
    path(
        "standards/<std:std>/versions/<label:label>/disposition-report/",
        views_comments.disposition_report,
        name="web-disposition-report",
    ),
]
