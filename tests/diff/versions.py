"""Draft copies of a version written directly to the models (the authoring API is built
separately), for tests that renumber, move and reword criteria."""

from standard_versions.models import (
    CertificationLevel,
    Criterion,
    OutcomeArea,
    PracticeArea,
    Version,
    VersionStatus,
)


def copy_version(source: Version, *, label: str, status: str = VersionStatus.DRAFT) -> Version:
    version = Version.objects.create(
        standard=source.standard,
        label=label,
        title=f"{source.title} ({label})",
        status=status,
        based_on=source,
        min_outcome_areas=source.min_outcome_areas,
    )
    areas = {}
    for area in source.practice_areas.all():
        areas[area.pk] = PracticeArea.objects.create(
            version=version,
            key=area.key,
            code=area.code,
            name=area.name,
            description=area.description,
            position=area.position,
        )
    for criterion in source.criteria.all():
        Criterion.objects.create(
            version=version,
            practice_area=areas[criterion.practice_area_id],
            key=criterion.key,
            code=criterion.code,
            title=criterion.title,
            description=criterion.description,
            position=criterion.position,
            is_core=criterion.is_core,
        )
    for level in source.levels.all():
        CertificationLevel.objects.create(
            version=version, key=level.key, name=level.name, min_percent=level.min_percent
        )
    for area in source.outcome_areas.all():
        OutcomeArea.objects.create(
            version=version,
            key=area.key,
            name=area.name,
            description=area.description,
            position=area.position,
        )
    return version


def edit_criterion(version: Version, current_code: str, /, **values) -> Criterion:
    criterion = Criterion.objects.get(version=version, code=current_code)
    for name, value in values.items():
        setattr(criterion, name, value)
    criterion.save()
    return criterion
