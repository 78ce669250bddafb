"""The result of a version diff: frozen dataclasses whose fields declare the diff's JSON form.

``to_dict()`` (``json_form.to_json``) is the one definition of that form: the API, the CLI and the
formats read it, and the OpenAPI schema is derived from the same fields (``json_form``).
"""

from dataclasses import dataclass, field
from typing import ClassVar, Generic, TypeVar

from standard_versions.diff.json_form import JsonForm, change_in_json, has_changes, in_json
from standard_versions.diff.words import TextChange

__all__ = ["has_changes"]

Value = TypeVar("Value")
Entry = TypeVar("Entry")
Change = TypeVar("Change")


@dataclass(frozen=True)
class ValueChange(JsonForm, Generic[Value]):
    old: Value
    new: Value


@dataclass(frozen=True)
class AreaRef(JsonForm):
    key: str
    code: str
    name: str


@dataclass(frozen=True)
class AreaMove(JsonForm):
    old: AreaRef
    new: AreaRef


@dataclass(frozen=True)
class VersionRef(JsonForm):
    label: str
    title: str
    status: str
    # Rebuilt from later sources: its side of every change is an inference (see Version).
    reconstructed: bool = field(
        default=False,
        metadata=in_json(
            help_text="A version rebuilt from later sources: its side of every change is inferred."
        ),
    )


@dataclass(frozen=True)
class CriterionEntry(JsonForm):
    """An added or removed criterion, as it stands in the version that has it."""

    key: str
    code: str
    title: str
    description: str = field(metadata=in_json(help_text="Markdown."))
    is_core: bool
    practice_area: AreaRef
    position: int = field(metadata=in_json(help_text="0-based index within its practice area."))


@dataclass(frozen=True)
class CriterionChange(JsonForm):
    changed_fields_help: ClassVar[str] = "Fields that changed."

    key: str
    code: str = field(metadata=in_json(help_text="Code in the newer version."))
    old_code: str = field(metadata=in_json(help_text="Code in the older version."))
    title: str = field(metadata=in_json(help_text="Title in the newer version."))
    practice_area: AreaRef = field(
        metadata=in_json(help_text="Practice area in the newer version.")
    )
    code_change: ValueChange[str] | None = field(
        default=None, metadata=change_in_json("code", help_text="Renumbered.")
    )
    area_change: AreaMove | None = field(
        default=None, metadata=change_in_json("practice_area", help_text="Moved.")
    )
    position_change: ValueChange[int] | None = field(
        default=None,
        metadata=change_in_json(
            "position", help_text="Moved, or reordered relative to the criteria around it."
        ),
    )
    title_change: TextChange | None = field(default=None, metadata=change_in_json("title"))
    description_change: TextChange | None = field(
        default=None, metadata=change_in_json("description")
    )

    @property
    def renumbered(self) -> bool:
        return self.code_change is not None

    @property
    def moved(self) -> bool:
        return self.area_change is not None

    @property
    def reordered(self) -> bool:
        return self.position_change is not None and self.area_change is None

    @property
    def reworded(self) -> bool:
        return self.title_change is not None or self.description_change is not None


@dataclass(frozen=True)
class PracticeAreaEntry(JsonForm):
    key: str
    code: str
    name: str
    description: str
    position: int


@dataclass(frozen=True)
class PracticeAreaChange(JsonForm):
    key: str
    code: str
    old_code: str
    name: str
    code_change: ValueChange[str] | None = field(default=None, metadata=change_in_json("code"))
    position_change: ValueChange[int] | None = field(
        default=None, metadata=change_in_json("position")
    )
    name_change: TextChange | None = field(default=None, metadata=change_in_json("name"))
    description_change: TextChange | None = field(
        default=None, metadata=change_in_json("description")
    )


@dataclass(frozen=True)
class LevelEntry(JsonForm):
    key: str
    name: str
    min_percent: int


@dataclass(frozen=True)
class LevelChange(JsonForm):
    key: str
    name: str
    name_change: TextChange | None = field(default=None, metadata=change_in_json("name"))
    min_percent_change: ValueChange[int] | None = field(
        default=None, metadata=change_in_json("min_percent")
    )


@dataclass(frozen=True)
class CoreRef(JsonForm):
    key: str
    code: str
    title: str


@dataclass(frozen=True)
class OutcomeAreaEntry(JsonForm):
    key: str
    name: str
    description: str
    position: int


@dataclass(frozen=True)
class OutcomeAreaChange(JsonForm):
    key: str
    name: str
    position_change: ValueChange[int] | None = field(
        default=None, metadata=change_in_json("position")
    )
    name_change: TextChange | None = field(default=None, metadata=change_in_json("name"))
    description_change: TextChange | None = field(
        default=None, metadata=change_in_json("description")
    )


@dataclass(frozen=True)
class Section(JsonForm, Generic[Entry, Change]):
    """Added, removed and changed items of one kind."""

    added: tuple[Entry, ...] = ()
    removed: tuple[Entry, ...] = ()
    changed: tuple[Change, ...] = ()

    def __len__(self) -> int:
        return len(self.added) + len(self.removed) + len(self.changed)


@dataclass(frozen=True)
class CoreCriteria(JsonForm):
    """Criteria that became core, and criteria that are core no longer."""

    added: tuple[CoreRef, ...] = ()
    removed: tuple[CoreRef, ...] = ()

    def __len__(self) -> int:
        return len(self.added) + len(self.removed)


@dataclass(frozen=True)
class RequirementsDiff(JsonForm):
    levels: Section[LevelEntry, LevelChange] = field(default_factory=Section)
    core_criteria: CoreCriteria = field(default_factory=CoreCriteria)
    outcome_areas: Section[OutcomeAreaEntry, OutcomeAreaChange] = field(default_factory=Section)
    min_outcome_areas: ValueChange[int] | None = None

    def __len__(self) -> int:
        return (
            len(self.levels)
            + len(self.core_criteria)
            + len(self.outcome_areas)
            + (self.min_outcome_areas is not None)
        )


@dataclass(frozen=True)
class TranslationCaveat(JsonForm):
    """A criterion whose comparison in a translated language cannot be trusted: its English
    differs between the versions (or it is in one version only) while the text compared in that
    language is, in either version, a stale translation or an English fallback (``missing``).
    A status is None where the criterion is not in that version."""

    key: str
    code: str
    from_status: str | None = field(
        metadata=in_json(help_text="stale, missing, draft or reviewed; null if not in `from`.")
    )
    to_status: str | None = field(
        metadata=in_json(help_text="stale, missing, draft or reviewed; null if not in `to`.")
    )


@dataclass(frozen=True)
class DiffSummary(JsonForm):
    """How many things changed, by kind (the criteria's changes counted by what changed)."""

    added: int
    removed: int
    changed: int
    renumbered: int
    moved: int
    reordered: int
    reworded: int
    practice_areas_added: int
    practice_areas_removed: int
    practice_areas_changed: int
    requirements_changed: int


@dataclass(frozen=True)
class CommentBehind(JsonForm):
    """A published comment whose public response is linked to a change this diff shows: the
    diff knows why. Set by the selectors (the engine compares texts, it knows no comments)."""

    tracking_id: str
    target: str = field(
        metadata=in_json(
            help_text="The part that changed (criterion, practice_area, requirements)."
        )
    )
    key: str = field(
        metadata=in_json(
            help_text="The criterion's or practice area's permanent key; empty for requirements."
        )
    )
    change_class: str = field(
        metadata=in_json(name="class", help_text="The change's class: editorial or substantive.")
    )
    version: str = field(metadata=in_json(help_text="Label of the version holding the change."))
    receipt_path: str = field(
        metadata=in_json(help_text="The comment's receipt page, a path on this site.")
    )
    api_path: str = field(
        metadata=in_json(help_text="The comment's receipt in the API, a path on this site.")
    )


@dataclass(frozen=True)
class VersionDiff(JsonForm):
    standard: str
    language: str = field(metadata=in_json(help_text="Language of the texts compared."))
    from_version: VersionRef = field(metadata=in_json(name="from"))
    to_version: VersionRef = field(metadata=in_json(name="to"))
    # Worked out from the sections below (see __post_init__).
    counts: DiffSummary = field(
        init=False, repr=False, compare=False, metadata=in_json(name="summary")
    )
    # Its added, removed and changed criteria stand at the top of the JSON object.
    criteria: Section[CriterionEntry, CriterionChange] = field(metadata=in_json(flatten=True))
    practice_areas: Section[PracticeAreaEntry, PracticeAreaChange]
    requirements: RequirementsDiff
    # Only in a translated language (see TranslationCaveat); empty in English.
    translation_caveats: tuple[TranslationCaveat, ...] = field(
        default=(),
        metadata=in_json(
            help_text="In es or pt-BR: criteria whose English differs between the versions while a "
            "text compared here is a stale translation or an English fallback, so this comparison "
            "may miss or misstate their change; see the English diff. Empty in English."
        ),
    )
    # Set by the selectors, in the active language: the engine compares, it does not word.
    reconstruction_note: str | None = field(
        default=None,
        metadata=in_json(
            help_text="When `from` or `to` is reconstructed: a sentence, in the response language, "
            "saying that what the diff shows of it is inferred, not a record; else null."
        ),
    )

    comments: tuple[CommentBehind, ...] = field(
        default=(),
        metadata=in_json(
            help_text="The published comments whose responses are linked to a change shown here "
            "(to a part of `to` or of a version between `from` and `to`), oldest link first."
        ),
    )

    def __post_init__(self) -> None:
        changed = self.criteria.changed
        counts = DiffSummary(
            added=len(self.criteria.added),
            removed=len(self.criteria.removed),
            changed=len(changed),
            renumbered=sum(change.renumbered for change in changed),
            moved=sum(change.moved for change in changed),
            reordered=sum(change.reordered for change in changed),
            reworded=sum(change.reworded for change in changed),
            practice_areas_added=len(self.practice_areas.added),
            practice_areas_removed=len(self.practice_areas.removed),
            practice_areas_changed=len(self.practice_areas.changed),
            requirements_changed=len(self.requirements),
        )
        object.__setattr__(self, "counts", counts)

    @property
    def is_empty(self) -> bool:
        return not (len(self.criteria) or len(self.practice_areas) or len(self.requirements))

    def summary(self) -> dict:
        return self.counts.to_dict()
