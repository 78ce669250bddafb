"""The report's figures, in the JSON, the page's tables and the charts' SVG, are the ones counted
by hand for the fixture (tests/report/conftest.py)."""

import re

import pytest

from tests.report.conftest import tracking_id

pytestmark = pytest.mark.django_db

API = "/api/v1/standards/big/versions/9.0/disposition-report/"
PAGE = "/standards/big/versions/9.0/disposition-report/"
NOTHING = {"awaiting_response": 0, "accepted": 0, "partially_accepted": 0, "not_accepted": 0}


def _dispositions(**counts):
    return {**NOTHING, "noted": 0, "duplicate": 0, **counts}


def _answers(**counts):
    return {"accepted": 0, "objected": 0, "assumed_satisfied": 0, "pending": 0, **counts}


EXPECTED_SECTIONS = {
    None: {
        "comments": 1,
        "dispositions": _dispositions(noted=1),
        "links": {"editorial": 0, "substantive": 0},
        "answers": _answers(pending=1),
        "open_objections": 0,
    },
    "A0.0": {
        "comments": 3,
        "dispositions": _dispositions(accepted=2, noted=1),
        "links": {"editorial": 2, "substantive": 1},
        "answers": _answers(accepted=1, pending=2),
        "open_objections": 0,
    },
    "A0.2": {
        "comments": 2,
        "dispositions": _dispositions(accepted=1, duplicate=1),
        "links": {"editorial": 1, "substantive": 0},
        "answers": _answers(objected=2),
        "open_objections": 0,
    },
    "A1.1": {
        "comments": 3,
        "dispositions": _dispositions(awaiting_response=1, not_accepted=1, partially_accepted=1),
        "links": {"editorial": 0, "substantive": 0},
        "answers": _answers(objected=1, pending=1),
        "open_objections": 1,
    },
    "A1.3": {
        "comments": 1,
        "dispositions": _dispositions(awaiting_response=1),
        "links": {"editorial": 0, "substantive": 0},
        "answers": _answers(),
        "open_objections": 0,
    },
}


def test_the_json_has_each_sections_and_the_whole_reports_figures(api_client, at_now):
    data = api_client.get(API).json()
    assert data["count"] == 10
    assert [entry["criterion"] for entry in data["contents"]] == list(EXPECTED_SECTIONS)
    for entry in data["contents"]:
        assert entry["figures"] == EXPECTED_SECTIONS[entry["criterion"]], entry["criterion"]
    assert data["figures"] == {
        "comments": 10,
        "dispositions": _dispositions(
            awaiting_response=2,
            accepted=3,
            partially_accepted=1,
            not_accepted=1,
            noted=2,
            duplicate=1,
        ),
        "links": {"editorial": 3, "substantive": 1},
        "answers": _answers(accepted=1, objected=3, pending=4),
        "open_objections": 1,
    }


def test_the_json_has_the_charts_figures(api_client, at_now):
    charts = api_client.get(API).json()["charts"]
    areas = {bar["code"]: (bar["counts"], bar["total"]) for bar in charts["by_practice_area"]}
    assert areas == {
        "A0": (_dispositions(accepted=3, noted=1, duplicate=1), 5),
        "A1": (_dispositions(awaiting_response=2, not_accepted=1, partially_accepted=1), 4),
        "": (_dispositions(noted=1), 1),
    }
    # Days in São Paulo time: c7 (02:30 UTC on Mar 3) counts on Mar 2.
    assert charts["timezone"] == "America/Sao_Paulo"
    assert charts["by_day"] == [
        {"date": "2030-03-01", "comments": 3},
        {"date": "2030-03-02", "comments": 4},
        {"date": "2030-03-03", "comments": 3},
    ]
    assert charts["campaign_share"] == {
        "published": 10,
        "campaign": 4,
        "near_duplicate": 2,
        "identical": 2,
    }


def test_each_comment_has_its_changes_and_its_commenters_answer(api_client, at_now):
    data = api_client.get(API).json()
    comments = {c["tracking_id"]: c for s in data["sections"] for c in s["comments"]}
    assert set(comments) == {tracking_id(n) for n in range(1, 11)}
    first = comments[tracking_id(1)]
    assert first["changes"] == [
        {
            "target": "criterion",
            "key": "k0",
            "code": "B0.7",
            "version": "9.1",
            "change_class": "substantive",
        },
        {
            "target": "requirements",
            "key": "",
            "code": "",
            "version": "9.1",
            "change_class": "editorial",
        },
    ]
    assert comments[tracking_id(5)]["changes"][0]["code"] == "B0"  # the practice area's code
    statuses = {n: comments[tracking_id(n)]["answer_status"] for n in range(1, 11)}
    assert statuses == {
        1: "accepted",
        2: "pending",
        3: "no_response",
        4: "objected",
        5: "objected",
        6: "pending",
        7: "pending",
        8: "objected",
        9: "pending",
        10: "no_response",
    }
    assert comments[tracking_id(4)]["objection"] == "Please reconsider the threshold."
    assert comments[tracking_id(4)]["staff_reply"] == ""
    # A withheld objection is never shown, nor a reply to it.
    assert comments[tracking_id(5)]["objection"] is None
    assert "Something rude" not in api_client.get(API).content.decode()
    assert comments[tracking_id(8)]["objection"] == "It is not a duplicate."
    assert comments[tracking_id(8)]["staff_reply"] == "We kept it: see comment c4."
    assert comments[tracking_id(8)]["replied_at"] == "2030-03-08T00:00:00Z"


def _table_rows(html: str, caption: str) -> list[list[str]]:
    table = re.search(r"<caption>" + re.escape(caption) + r"</caption>(.*?)</table>", html, re.S)
    assert table, caption
    rows = re.findall(r"<tr>(.*?)</tr>", table.group(1), re.S)
    return [re.findall(r"<t[hd][^>]*>(.*?)</t[hd]>", row, re.S) for row in rows]


def test_the_pages_tables_and_svg_text_have_the_same_figures(client, at_now):
    html = client.get(PAGE).content.decode()
    assert _table_rows(html, "Comments over the period&#x27;s days: the figures") == [
        ["Day (Sao Paulo time)", "Published comments"],
        ["March 1, 2030", "3"],
        ["March 2, 2030", "4"],
        ["March 3, 2030", "3"],
    ]
    areas = _table_rows(html, "Dispositions by practice area: the figures")
    assert areas[0][0] == "Practice area" and areas[0][-1] == "Total"
    assert [row[-1] for row in areas[1:]] == ["5", "4", "1"]
    assert _table_rows(html, "Share of campaign comments: the figures")[1:] == [
        ["Campaign comments", "4"],
        ["of which in near-duplicate campaigns", "2"],
        ["of which identical to another comment", "2"],
        ["Other comments", "6"],
        ["Published comments", "10"],
    ]
    totals = dict(
        row for row in _table_rows(html, "What came of every published comment") if len(row) == 2
    )
    assert totals["Published comments"] == "10"
    assert totals["Editorial changes"] == "3" and totals["Substantive changes"] == "1"
    assert totals["Commenter&#x27;s answer pending"] == "4"
    assert totals["Open objections"] == "1"
    svgs = re.findall(r"<svg.*?</svg>", html, re.S)
    assert len(svgs) == 3
    assert "10 comments in 2 practice areas; the most, 5, on A0" in svgs[0]
    assert "over 3 days: 10 in all; the most, 4, on March 2, 2030." in svgs[1]
    assert "4 of 10 published comments (40%) are campaign comments" in svgs[2]
    assert "Campaign comments: 40%" in svgs[2]


def test_the_spanish_page_formats_the_figures_in_spanish(client, at_now):
    html = client.get(PAGE + "?lang=es").content.decode()
    svgs = re.findall(r"<svg.*?</svg>", html, re.S)
    assert "2 de marzo de 2030" in svgs[1]
    assert "40\xa0%" in svgs[2]
