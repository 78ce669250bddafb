"""The diff for people: a Markdown changelog that reads like release notes, and a redline."""

import pytest

from standard_versions.diff.engine import diff_versions, text_change
from standard_versions.diff.formats import diff_to_html, diff_to_markdown, word_changes
from standard_versions.diff.selectors import version_diff, version_pair_get
from standard_versions.diff.snapshots import (
    CriterionSnapshot,
    PracticeAreaSnapshot,
    VersionSnapshot,
)
from tests.diff.versions import copy_version, edit_criterion


def _stored_diff(old_label: str, new_label: str) -> dict:
    old, new = version_pair_get(standard_slug="wwc", from_label=old_label, to_label=new_label)
    return version_diff(old=old, new=new).to_dict()


def _one_area(*criteria, label="1.0") -> VersionSnapshot:
    area = PracticeAreaSnapshot(key="dm", code="DM", name="Data Management", criteria=criteria)
    return VersionSnapshot(standard="wwc", label=label, practice_areas=(area,))


@pytest.mark.django_db
def test_the_2_0_to_3_0_changelog_reads_like_release_notes(shipped_data):
    markdown = diff_to_markdown(_stored_diff("2.0", "3.0"))
    assert markdown.startswith("# Changes from version 2.0 to version 3.0\n")
    assert "7 criteria added and 9 changes to the certification requirements." in markdown
    assert "\n## Added criteria\n" in markdown
    assert "\n### Data Management (DM)\n" in markdown
    assert "\n- **DM7** Qualitative Data Practices: Your local government has a documented" in (
        markdown
    )
    for code in ["DM8", "DM9", "EVAL4", "OD2", "SI2", "SI3"]:
        assert f"\n- **{code}** " in markdown
    assert "## Removed criteria" not in markdown and "## Renumbered criteria" not in markdown
    assert "\n## Certification requirements\n" in markdown
    assert (
        "- **DM1**, **LC1** and **PA1** are now core criteria: a city must meet them to be "
        "certified." in markdown
    )
    # 2.0 is reconstructed: its bands are inferred, and the changelog never states them as fact.
    assert "\n> Version 2.0 is a reconstruction, not the published text" in markdown
    assert (
        "- **Gold** now starts at 68% of the criteria (the reconstructed version 2.0 has 67%, an "
        "inferred figure)." in markdown
    )
    assert (
        "- **Platinum** now starts at 85% of the criteria (the reconstructed version 2.0 has "
        "84%, an inferred figure)." in markdown
    )
    assert "(was 67%)" not in markdown
    assert (
        "- New outcome areas: **Air Quality**, **Broadband Access** and "
        "**A high-priority outcome the city chooses**." in markdown
    )
    assert (
        "- A city must now meet at least 1 outcome requirement (no outcome was required "
        "before)." in markdown
    )


@pytest.mark.django_db
def test_the_changelog_names_renumbered_and_reworded_criteria_with_their_words(shipped_data):
    from standard_versions.models import Version

    draft = copy_version(Version.objects.get(label="3.0"), label="3.1")
    edit_criterion(draft, "DM7", code="DM10")
    description = edit_criterion(draft, "DM8").description
    edit_criterion(draft, "DM8", description=description.replace("key citywide", "all citywide"))
    markdown = diff_to_markdown(_stored_diff("3.0", "3.1"))
    assert (
        "\n## Renumbered criteria\n\n- **DM7** is now **DM10**: Qualitative Data Practices\n"
        in (markdown)
    )
    assert "\n## Reworded criteria\n\n- **DM8** Disaggregated Data for Decision-Making\n" in (
        markdown
    )
    assert (
        "  - Description: “…decision-making on key citywide priorities.” → "
        "“…decision-making on all citywide priorities.”" in markdown
    )
    assert "\n1 criterion renumbered and 1 criterion reworded.\n" in markdown


def test_an_empty_diff_says_there_are_no_changes():
    snapshot = _one_area(CriterionSnapshot("k", "DM1", "Title", "Text"))
    assert diff_to_markdown(diff_versions(snapshot, snapshot).to_dict()) == (
        "# Changes from version 1.0 to version 1.0\n\nNo changes.\n"
    )


def test_the_redline_escapes_text_before_marking_it():
    old = _one_area(CriterionSnapshot("k", "DM1", "Safe <b>title</b>", "Uses <data> & maps"))
    new = _one_area(
        CriterionSnapshot("k", "DM1", "Safe <b>title</b>", "Uses <script>x</script> & maps"),
        CriterionSnapshot("n", "DM2", "<img src=x onerror=alert(1)>", "New & <i>shiny</i>"),
        label="2.0",
    )
    html = diff_to_html(diff_versions(old, new).to_dict())
    assert "<script>" not in html and "<img" not in html and "<i>" not in html
    assert "<del>data</del><ins>script&gt;x&lt;/script</ins>" in html
    assert "<ins>DM2 &lt;img src=x onerror=alert(1)&gt;</ins>" in html
    assert "<ins>New &amp; &lt;i&gt;shiny&lt;/i&gt;</ins>" in html


def test_the_changelog_escapes_markdown_in_standard_text():
    old = _one_area(label="1.0")
    new = _one_area(CriterionSnapshot("n", "DM2", "*Bold* <b>claim</b>", "[link](x)"), label="2.0")
    markdown = diff_to_markdown(diff_versions(old, new).to_dict())
    assert r"- **DM2** \*Bold\* \<b\>claim\</b\>: \[link\](x)" in markdown


@pytest.mark.django_db
def test_the_redline_groups_criteria_by_practice_area_and_lists_requirement_changes(
    shipped_data,
):
    html = diff_to_html(_stored_diff("2.0", "3.0"))
    assert (
        html.index('id="diff-area-dm"')
        < html.index('id="diff-dm7"')
        < html.index('id="diff-area-od"')
    )
    assert "<h4><ins>SI3 Promotion of Data &amp; Evidence</ins></h4>" in html
    assert '<section class="diff-requirements">' in html
    assert "<strong>Gold</strong> now starts at 68% of the criteria (the reconstructed" in html
    assert '<p class="diff-caveat" role="note">Version 2.0 is a reconstruction' in html


def test_word_changes_show_each_change_with_two_words_of_context():
    change = text_change(
        "Your city uses data to decide what to fund each year.",
        "Your city uses data and evidence to decide what to fund each year",
    ).to_dict()
    assert word_changes(change) == (
        "“…uses data to decide…” → “…uses data and evidence to decide…”; "
        "“…each year.” → “…each year”"
    )
