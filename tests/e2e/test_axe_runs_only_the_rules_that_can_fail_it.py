"""The accessibility sweeps run only axe's rules whose impact is serious or critical
(tests/e2e/conftest.py). That drops no check only while axe reports each rule at the rule's own
impact: on a page with faults of every impact, the reduced run finds exactly the serious and
critical violations the full run finds, and it does skip rules."""

from tests.e2e.conftest import AXE, AXE_LOW_IMPACT_RULES, DESKTOP, serious_axe_violations

# An image without a text alternative (image-alt, critical), a button without a name
# (button-name, critical), a link without a name (link-name, serious), grey text on white
# (color-contrast, serious), headings that skip a level (heading-order, moderate), text outside
# any landmark (region, moderate), a page without a level-one heading (page-has-heading-one,
# moderate), an empty table header (empty-table-header, minor).
FAULTS = """<!doctype html><html lang="en"><head><title>Faults</title></head><body>
<h2>Second</h2><h4>Fourth</h4>
<p style="color:#bbb;background:#fff">Faint text</p>
<img src="data:image/gif;base64,R0lGODlhAQABAAAAACw=">
<button></button><a href="/somewhere"></a>
<table><tr><th></th><th>Name</th></tr><tr><td>1</td><td>A</td></tr></table>
</body></html>"""


def _full_run_at_serious_or_critical(page) -> list[str]:
    results = page.evaluate("async () => await axe.run(document, {resultTypes: ['violations']})")
    return sorted(v["id"] for v in results["violations"] if v["impact"] in ("serious", "critical"))


def test_the_reduced_run_finds_what_the_full_run_finds_at_serious_or_critical(new_page):
    page = new_page(viewport=DESKTOP)
    page.set_content(FAULTS)

    reduced = sorted(violation["id"] for violation in serious_axe_violations(page))
    full = _full_run_at_serious_or_critical(page)

    assert full == reduced
    assert {"image-alt", "button-name", "link-name", "color-contrast"} <= set(reduced)


def test_the_rules_left_out_are_the_ones_whose_findings_the_sweeps_throw_away(new_page):
    page = new_page(viewport=DESKTOP)
    page.set_content(FAULTS)
    page.evaluate(AXE.read_text())

    left_out = set(page.evaluate(AXE_LOW_IMPACT_RULES))
    results = page.evaluate("async () => await axe.run(document, {resultTypes: ['violations']})")
    low_found = {v["id"] for v in results["violations"] if v["impact"] in ("minor", "moderate")}

    assert {"region", "heading-order", "page-has-heading-one"} <= left_out
    assert low_found and low_found <= left_out
    assert not left_out & set(_full_run_at_serious_or_critical(page))
