"""A commented draft ``big 9.0`` (criteria k0 ... k5, codes A0.0 ...) with an open period, and a
later draft ``9.1`` based on it in which k0 is renumbered (A0.0 -> A0.7) and reworded, and k1
reworded: the change a response can name."""

import datetime as dt

import pytest
from django.utils import timezone

from standard_versions.consultation.moderation import moderate_comment, respond_to_comment
from standard_versions.consultation.response_links import link_response_change
from standard_versions.models import (
    CertificationLevel,
    Criterion,
    PracticeArea,
    Version,
    VersionStatus,
)
from standard_versions.roles import EDITORS
from tests.comments.conftest import _generous_throttle, make_period, submit  # noqa: F401
from tests.factories import VersionFactory, build_version
from tests.staff import make_user, staff_client

NEW_DESCRIPTION = "Text of criterion 0 with **strong emphasis** and a new sentence."


@pytest.fixture
def draft(db):
    return build_version(standard_slug="big", label="9.0", criteria=6, areas=2, status="draft")


@pytest.fixture
def period(draft):
    return make_period(draft)


def later_version(base: Version, *, label: str = "9.1", status=VersionStatus.DRAFT) -> Version:
    """A copy of ``base`` made after it, with k0 renumbered and reworded and k1 reworded."""
    version = VersionFactory(standard=base.standard, label=label, based_on=base, status=status)
    areas = {
        area.pk: PracticeArea.objects.create(
            version=version,
            key=area.key,
            code=area.code,
            name=area.name,
            description=area.description,
            position=area.position,
        )
        for area in base.practice_areas.all()
    }
    for level in base.levels.all():
        CertificationLevel.objects.create(
            version=version,
            key=level.key,
            name=level.name,
            min_percent=level.min_percent,
            position=level.position,
        )
    for criterion in Criterion.objects.filter(version=base):
        changed = {}
        if criterion.key == "k0":
            changed = {"code": "A0.7", "description": NEW_DESCRIPTION}
        elif criterion.key == "k1":
            changed = {"title": "Criterion one, renamed"}
        Criterion.objects.create(
            version=version,
            practice_area=areas[criterion.practice_area_id],
            key=criterion.key,
            code=changed.get("code", criterion.code),
            title=changed.get("title", criterion.title),
            description=changed.get("description", criterion.description),
            position=criterion.position,
            is_core=criterion.is_core,
        )
    return version


@pytest.fixture
def later(draft):
    return later_version(draft)


@pytest.fixture
def editor(db):
    return make_user("eddie-editor", EDITORS)


@pytest.fixture
def editor_client(editor):
    return staff_client("erin-editor", EDITORS)


@pytest.fixture
def nobody_client(db):
    return staff_client("nora-nobody")


def comment_on(client, period, criterion="A0.0", body="Please strengthen this.") -> str:
    response = submit(client, period, criterion=criterion, body=body)
    assert response.status_code == 201, response.content
    return response.json()["tracking_id"]


def answered(tracking_id: str, *, disposition="accepted", publish=True, user=None) -> None:
    now = timezone.now()
    if publish:
        moderate_comment(tracking_id=tracking_id, state="published", user=user, now=now)
    respond_to_comment(
        tracking_id=tracking_id,
        disposition=disposition,
        response="Thank you: we strengthened it.",
        user=user,
        now=now + dt.timedelta(seconds=1),
    )


def link(tracking_id: str, version: Version, *, target="criterion", key="k0", user=None, **more):
    return link_response_change(
        tracking_id=tracking_id,
        standard_slug=version.standard.slug,
        label=version.label,
        target=target,
        target_key=key,
        change_class=more.pop("change_class", "substantive"),
        user=user,
        now=more.pop("now", timezone.now()),
        **more,
    )
