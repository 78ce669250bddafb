"""Test data builders. ``build_version`` makes a version of any size quickly."""

import factory

from standard_versions.models import (
    CertificationLevel,
    Criterion,
    PracticeArea,
    Standard,
    Version,
    VersionStatus,
)


class StandardFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Standard
        django_get_or_create = ("slug",)

    slug = factory.Sequence(lambda n: f"std{n}")
    name = factory.Sequence(lambda n: f"Standard {n}")


class VersionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Version

    standard = factory.SubFactory(StandardFactory)
    label = factory.Sequence(lambda n: f"{n}.0")
    title = factory.LazyAttribute(lambda v: f"Version {v.label}")
    status = VersionStatus.DRAFT


class PracticeAreaFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = PracticeArea

    version = factory.SubFactory(VersionFactory)
    key = factory.Sequence(lambda n: f"pa{n}")
    code = factory.Sequence(lambda n: f"PA{n}")
    name = factory.Sequence(lambda n: f"Practice area {n}")
    position = factory.Sequence(int)


class CriterionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Criterion

    practice_area = factory.SubFactory(PracticeAreaFactory)
    version = factory.SelfAttribute("practice_area.version")
    key = factory.Sequence(lambda n: f"c{n}")
    code = factory.Sequence(lambda n: f"C{n}")
    title = factory.Sequence(lambda n: f"Criterion {n}")
    description = "Your local government does *something* well."
    position = factory.Sequence(int)


def build_version(
    *,
    standard_slug: str = "big",
    label: str = "1.0",
    criteria: int = 40,
    areas: int = 4,
    status: str = VersionStatus.PUBLISHED,
) -> Version:
    """A version with ``criteria`` criteria spread over ``areas`` practice areas, two levels."""
    standard = StandardFactory(slug=standard_slug)
    version = VersionFactory(standard=standard, label=label, status=status)
    practice_areas = [
        PracticeAreaFactory(version=version, key=f"a{i}", code=f"A{i}", position=i)
        for i in range(areas)
    ]
    Criterion.objects.bulk_create(
        Criterion(
            version=version,
            practice_area=practice_areas[i % areas],
            key=f"k{i}",
            code=f"A{i % areas}.{i}",
            title=f"Criterion {i}",
            description=f"Text of criterion {i} with **emphasis**.",
            position=i,
            is_core=i % 10 == 0,
        )
        for i in range(criteria)
    )
    CertificationLevel.objects.create(version=version, key="silver", name="Silver", min_percent=50)
    CertificationLevel.objects.create(version=version, key="gold", name="Gold", min_percent=75)
    return version
