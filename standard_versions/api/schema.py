"""The OpenAPI schema's view of our views.

What every operation shares is derived here once, from what the view does: its tag (from its
path), its security (whether an anonymous caller may call it), the descriptions and examples of
path parameters, and its error responses (``schema_errors``). Views give what only they know: a
summary, a description (their docstring), their own parameters, request examples and their
specific error codes.
"""

import inspect
from types import SimpleNamespace

from django.contrib.auth.models import AnonymousUser
from drf_spectacular.openapi import AutoSchema
from drf_spectacular.plumbing import get_doc
from rest_framework.permissions import SAFE_METHODS

from standard_versions.api.schema_errors import (
    ErrorOutputSerializer,
    OperationFacts,
    add_error_responses,
)

# One tag per resource: the first rule whose fragment is in the operation's path names it.
TAG_RULES = (
    ("/subscriptions/", "subscriptions"),
    ("/webhooks/", "webhooks"),
    ("/diff/", "diff"),
    ("/history/", "history"),
    ("/timeline/", "history"),
    ("/translations/", "translations"),
    ("/disposition-report/", "disposition report"),
    ("/practice-areas/", "practice areas"),
    ("/requirements/", "requirements"),
    ("/criteria/", "criteria"),
    ("/response-flags/", "comments"),
    ("/comments/", "comments"),
    ("/moderation/", "comments"),
    ("/campaigns/", "comments"),
    ("/near-duplicates/", "comments"),
    ("/export/", "comments"),
    ("/comment-periods/", "comment periods"),
    ("/versions/", "versions"),
    ("/standards/", "standards"),
)

# Path parameters come from URL converters, which carry no words: (description, example).
# The examples are objects that `make run` (and the schema fuzzer's database) hold.
PATH_PARAMETERS = {
    "std": ("The standard's slug.", "wwc"),
    "label": ("A version's label: a published version such as 3.0, or a draft.", "3.0"),
    "code": ("A criterion's display code in that version (it may change between versions).", "DM7"),
    "key": ("A criterion's permanent key, the same in every version.", "dm7"),
    "period_id": ("A comment period's id.", "2"),
    "endpoint_id": ("A webhook endpoint's id.", "1"),
    "export_id": ("An export job's id.", "1"),
    "link_id": ("A response link's id (the comment's response-links list).", "1"),
    "campaign_id": ("A near-duplicate campaign's id (its period's near-duplicates list).", "1"),
    "tracking_id": (
        "A comment's tracking id, from its receipt (26 lowercase base32 characters).",
        "k5q3w7pz2mxb6yq4hd3fjr5tne",
    ),
}
PRACTICE_AREA_CODE = ("A practice area's display code in that version.", "DM")
# Writes change only drafts: their examples name the demo draft rather than a published version.
DRAFT_LABEL = ("A draft's label (only drafts change; `make run` opens the demo draft).", "demo")


class OwnDocstringAutoSchema(AutoSchema):
    """The project's AutoSchema (``DEFAULT_SCHEMA_CLASS``); see the module docstring."""

    def get_description(self) -> str:
        """The method's docstring, else the one written on the view class itself. A docstring
        inherited from a base class or mixin documents code (how a base sets headers, how
        revalidations are answered), not the endpoint, so it is never shown."""
        method = getattr(self.view, getattr(self.view, "action", self.method.lower()), None)
        method_doc = get_doc(method)
        if method_doc:
            return method_doc
        own_doc = self.view.__class__.__dict__.get("__doc__")
        return inspect.cleandoc(own_doc) if own_doc else ""

    def get_tags(self) -> list[str]:
        for fragment, tag in TAG_RULES:
            if fragment in self.path:
                return [tag]
        return super().get_tags()

    def anonymous_may_call(self) -> bool:
        """Whether every permission of the view lets an anonymous caller use this method."""
        anonymous = SimpleNamespace(method=self.method, user=AnonymousUser())
        return all(
            permission.has_permission(anonymous, self.view)
            for permission in self.view.get_permissions()
        )

    def get_auth(self) -> list[dict]:
        """Staff operations: a token or a session. Public reads: none (``[]``). Writes anyone may
        make (a comment): anonymous, or with credentials (staff are not throttled)."""
        credentials = [requirement for requirement in super().get_auth() if requirement]
        if not self.anonymous_may_call():
            return credentials
        if self.method in SAFE_METHODS:
            return []
        return [*credentials, {}]

    def get_operation(self, path, path_regex, path_prefix, method, registry):
        operation = super().get_operation(path, path_regex, path_prefix, method, registry)
        if operation is None:
            return None
        operation.setdefault("security", [])  # [] is "no credentials", not "inherit"
        parameters = operation.get("parameters", [])
        for parameter in parameters:
            if parameter["in"] == "path":
                self._describe_path_parameter(parameter)
        facts = OperationFacts(
            method=self.method,
            has_path_parameters=any(p["in"] == "path" for p in parameters),
            query_parameters=frozenset(p["name"] for p in parameters if p["in"] == "query"),
            header_parameters=frozenset(p["name"] for p in parameters if p["in"] == "header"),
            anonymous_allowed=self.anonymous_may_call(),
            throttled=bool(self.view.get_throttles()),
        )
        error_schema = self.resolve_serializer(ErrorOutputSerializer, "response").ref
        responses = operation["responses"]
        add_error_responses(responses, facts=facts, error_schema=error_schema)
        operation["responses"] = dict(sorted(responses.items()))
        return operation

    def _describe_path_parameter(self, parameter: dict) -> None:
        name = parameter["name"]
        if name == "code" and "/practice-areas/" in self.path:
            description, example = PRACTICE_AREA_CODE
        elif name == "label" and self.method not in SAFE_METHODS:
            description, example = DRAFT_LABEL
        else:
            description, example = PATH_PARAMETERS.get(name, ("", None))
        parameter.setdefault("description", description)
        if example is not None:
            parameter.setdefault("example", example)
