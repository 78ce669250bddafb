"""If-Match tags made from any version and criterion revision are understood exactly."""

from types import SimpleNamespace

import pytest
from hypothesis import given
from hypothesis import strategies as st

from standard_versions.errors import PreconditionFailed
from standard_versions.http.caching import version_etag
from standard_versions.standards.preconditions import Precondition

ids = st.integers(min_value=1, max_value=2**40)
languages = st.sampled_from(["en", "es", "pt-BR"])


@given(ids, ids, ids, ids, languages)
def test_a_criterion_etag_matches_its_criterion_revision_and_nothing_else(
    version_pk, version_rev, criterion_pk, criterion_rev, language
):
    version = SimpleNamespace(pk=version_pk, revision=version_rev, label="x")
    etag = version_etag(version, language=language, variant=f"-c{criterion_pk}.{criterion_rev}")
    precondition = Precondition.from_if_match(etag)
    precondition.check_criterion(
        SimpleNamespace(pk=criterion_pk, revision=criterion_rev, code="X"), version=version
    )
    with pytest.raises(PreconditionFailed):
        precondition.check_criterion(
            SimpleNamespace(pk=criterion_pk, revision=criterion_rev + 1, code="X"),
            version=version,
        )
    with pytest.raises(PreconditionFailed):
        precondition.check_criterion(
            SimpleNamespace(pk=criterion_pk + 1, revision=criterion_rev, code="X"),
            version=version,
        )


@given(ids, ids, languages, st.sampled_from(["-tree", "", "-criteria-p1-s"]))
def test_a_version_etag_matches_its_version_revision_only(pk, revision, language, variant):
    version = SimpleNamespace(pk=pk, revision=revision, label="x")
    precondition = Precondition.from_if_match(
        version_etag(version, language=language, variant=variant)
    )
    precondition.check_version(version)
    with pytest.raises(PreconditionFailed):
        precondition.check_version(SimpleNamespace(pk=pk, revision=revision + 1, label="x"))


def test_no_header_is_no_precondition():
    assert Precondition.from_if_match(None) is None
