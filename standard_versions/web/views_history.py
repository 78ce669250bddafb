"""The public history of one criterion: ``/standards/{std}/criteria/{key}/``.

The criterion is followed by its permanent key through every version that has it (as the API's
timeline does), with the redline from the version before and the change records of each version
(as the API's history gives them: when, by which account, why). An unknown standard or key is the
404 page, which says which. The page is rendered for each request: it depends on every version
the key appears in, and people read it far less than the version pages.
"""

from django.shortcuts import render

from standard_versions.http.language import content_for
from standard_versions.standards import selectors_criterion_history
from standard_versions.web import presenters_criterion_history as presenters
from standard_versions.web.errors import allow_methods
from standard_versions.web.language import in_response_language, page_context
from standard_versions.web.views import _not_found_as_404


@allow_methods("GET")
@_not_found_as_404
@in_response_language
def criterion_history(request, std: str, key: str, *, language: str):
    history = selectors_criterion_history.criterion_history(standard_slug=std, key=key)
    content = content_for(request, versions=[criterion.version for criterion in history.criteria])
    page = presenters.criterion_history_page(
        history, standard_slug=std, content=content, language=language
    )
    return render(
        request, "web/criterion_history.html", page_context(request, language=language, page=page)
    )
