"""The audit's own logic, without a browser: which audits are reported as failing, and when a page
gets its second Lighthouse run and which run counts."""

import json

import pytest

from tests.audit import lighthouse_runs, run_audits


def report(performance=1.0, accessibility=1.0, *, failed_audit=None):
    """A minimal Lighthouse report (LHR): four categories, one metric, one accessibility audit."""
    audits = {
        "total-blocking-time": {
            "title": "Total Blocking Time",
            "score": 0.5 if performance < 0.95 else 1,
            "scoreDisplayMode": "numeric",
            "displayValue": "420 ms",
        },
        "color-contrast": {
            "title": "Background and foreground colors have a sufficient contrast ratio",
            "score": 0 if failed_audit else 1,
            "scoreDisplayMode": "binary",
            "details": {"items": [{"node": {"selector": "main > p.hint"}}]},
        },
        "label": {"title": "Labels", "score": None, "scoreDisplayMode": "notApplicable"},
    }
    categories = {
        "performance": {
            "score": performance,
            "auditRefs": [{"id": "total-blocking-time", "weight": 30}],
        },
        "accessibility": {
            "score": accessibility,
            "auditRefs": [{"id": "color-contrast", "weight": 7}, {"id": "label", "weight": 7}],
        },
        "best-practices": {"score": 1, "auditRefs": []},
        "seo": {"score": 1, "auditRefs": []},
    }
    return {"categories": categories, "audits": audits}


class FakeRunner:
    """Answers each run with the next report (or error) of ``outcomes``."""

    def __init__(self, *outcomes):
        self.outcomes = list(outcomes)
        self.runs = 0

    def run(self, url, output, timeout):
        self.runs += 1
        outcome = self.outcomes.pop(0)
        if isinstance(outcome, str):
            return outcome
        output.write_text(json.dumps(outcome))
        return ""


@pytest.fixture
def audit(tmp_path):
    (tmp_path / "results").mkdir()

    def audit(runner):
        return lighthouse_runs.run_lighthouse(
            runner,
            "http://x",
            "home-en",
            "/?lang=en",
            tmp_path,
            deadline=float("inf"),
            results=tmp_path / "results",
        )

    return audit


def test_the_failing_audits_are_named_with_their_elements():
    lines = lighthouse_runs.failing_audits(report(performance=0.9, failed_audit=True))
    assert lines == [
        "performance: Total Blocking Time (420 ms) [total-blocking-time]",
        "accessibility: Background and foreground colors have a sufficient contrast ratio "
        "[color-contrast]",
        "      main > p.hint",
    ]
    assert lighthouse_runs.failing_audits(report()) == []


def test_a_page_that_passes_is_run_once(audit):
    runner = FakeRunner(report())
    result = audit(runner)
    assert runner.runs == 1
    assert not result.failed
    assert result.scores == {
        "performance": 100,
        "accessibility": 100,
        "best-practices": 100,
        "seo": 100,
    }


def test_a_low_performance_score_gets_a_second_run_and_the_better_one_counts(audit):
    result = audit(FakeRunner(report(performance=0.91), report(performance=0.97)))
    assert result.scores["performance"] == 97
    assert [run["performance"] for run in result.runs] == [91, 97]
    assert not result.failed


def test_two_low_performance_scores_fail_with_the_better_one(audit):
    result = audit(FakeRunner(report(performance=0.93), report(performance=0.90)))
    assert result.failed
    assert result.scores["performance"] == 93
    assert result.failing == ["performance: Total Blocking Time (420 ms) [total-blocking-time]"]


def test_another_category_below_its_threshold_is_not_run_again(audit):
    runner = FakeRunner(report(accessibility=0.96, failed_audit=True))
    result = audit(runner)
    assert runner.runs == 1
    assert result.failed
    assert "[color-contrast]" in result.failing[0]


def test_a_run_lighthouse_could_not_record_is_run_again(audit):
    result = audit(FakeRunner("NO_NAVSTART", report()))
    assert not result.failed
    assert result.error == ""


def test_two_runs_lighthouse_could_not_record_are_run_again(audit):
    runner = FakeRunner("NO_NAVSTART", "NO_FCP", report())
    result = audit(runner)
    assert not result.failed and runner.runs == 3


def test_three_runs_in_error_fail_with_the_message(audit):
    runner = FakeRunner("NO_FCP", "NO_FCP", "NO_FCP")
    result = audit(runner)
    assert result.failed
    assert "NO_FCP" in result.error
    assert runner.runs == 1 + lighthouse_runs.MAX_RECORDING_FAILURES


@pytest.mark.parametrize(
    ("path", "expected"),
    [
        ("/", "/?lang=es"),
        ("/compare/?from=2.0&to=3.0", "/compare/?from=2.0&to=3.0&lang=es"),
        ("/criteria/DM7/history/?lang=en", "/criteria/DM7/history/?lang=es"),
    ],
)
def test_the_language_is_added_or_replaced(path, expected):
    assert run_audits.with_lang(path, "es") == expected


def test_the_validator_names_the_page_and_line_of_an_error_and_passes_a_valid_page(
    tmp_path, monkeypatch
):
    # The JVM flags of run_vnu (its first compiler tier, a larger stack) still validate.
    monkeypatch.setattr(run_audits, "RESULTS", tmp_path / "results")
    page = '<!doctype html><html lang="en"><head><title>A page</title></head><body>{}</body></html>'
    documents = {
        "valid": run_audits.Document("the valid page", 200, 200, page.format("<p>Fine.</p>")),
        "invalid": run_audits.Document(
            "the broken page", 200, 200, page.format("<blink>x</blink>")
        ),
    }
    (tmp_path / "work").mkdir()
    problems = run_audits.run_vnu(documents, tmp_path / "work", timeout=120)
    assert problems, "the unknown element is reported"
    assert all(problem.startswith("the broken page line 1:") for problem in problems), problems
    assert any("“blink” element is a completely-unknown element" in p for p in problems)
