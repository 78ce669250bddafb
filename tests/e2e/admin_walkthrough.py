"""A whole consultation clicked through the real admin, step by step, as docs/operations.md walks
a staff member through it ("The workflow in the admin").

Shared by `make screenshots` (tests/e2e/screenshots.py, which saves a PNG after each step as
screenshots/admin/NN-name.png) and the browser test (tests/e2e/test_admin_walkthrough.py, which
asserts the stored state after each step), so the documented walkthrough cannot silently break.
Each step starts from a page a staff member reaches by clicking, and ends on the page it leads to.
"""

import datetime as dt
import re
from collections.abc import Callable
from dataclasses import dataclass

from playwright.sync_api import Page, expect

# The draft the walkthrough creates, and what it does with it.
DRAFT_LABEL = "3.1"
DRAFT_TITLE = "WWC Certification Standard 3.1"
EDITED_CODE = "DM7"
EDIT_REASON = "Typo: stakeholders."
COMMENTS = {
    "kept": "Please say how often the strategy is reviewed: once a year would suit small cities.",
    "withheld": "Buy cheap watches at example.com!",
}
WITHHELD_REASON = "Advertising, not a comment on the Standard."
RESPONSE = (
    "Thank you. Other small cities asked for the same; the working group will consider a "
    "yearly review for the next revision."
)


@dataclass
class Walkthrough:
    page: Page
    base: str
    # Called at each step with its name ("01-sign-in") and whether to take the whole page rather
    # than what the viewport shows: saves a screenshot, or (in the test) does nothing.
    shoot: Callable[[str, bool], None] = lambda name, full_page: None

    def _shoot(self, name: str, *, full_page: bool = True) -> None:
        self.shoot(name, full_page)

    def admin(self, path: str = "") -> str:
        return f"{self.base}/admin/{path}"

    def _expect_success(self) -> None:
        errors = self.page.locator("ul.messagelist li.error, .errornote, ul.errorlist")
        if errors.count():
            raise AssertionError(f"The admin refused: {errors.all_inner_texts()}")
        expect(self.page.locator("ul.messagelist li.success")).to_be_visible()

    # --- 1. sign in -----------------------------------------------------------------------------

    def sign_in(self, username: str, password: str) -> None:
        page = self.page
        page.goto(self.admin())
        page.get_by_label("Username").fill(username)
        page.get_by_label("Password").fill(password)
        self._shoot("01-sign-in")
        page.get_by_role("button", name="Log in").click()
        expect(
            page.get_by_role("heading", name="Staff administration of the Standard")
        ).to_be_visible()
        self._shoot("02-admin-home")

    def _go(self, model: str) -> None:
        """A list of the admin, through its link on the admin's home page."""
        self.page.goto(self.admin())
        self.page.get_by_role("link", name=model, exact=True).click()

    # --- 2. a draft, and an edit with its reason ------------------------------------------------

    def create_draft(self, *, based_on: str = "wwc 3.0") -> None:
        page = self.page
        self._go("Versions")
        page.get_by_role("link", name="Add version").click()
        page.get_by_label("Label").fill(DRAFT_LABEL)
        page.get_by_label("Title").fill(DRAFT_TITLE)
        page.get_by_label("Draft from").select_option(label=based_on)
        page.get_by_label("Reason for the change").fill("Draft of the 2027 revision.")
        self._shoot("03-create-draft")
        page.get_by_role("button", name="Save", exact=True).click()
        self._expect_success()

    def edit_criterion(self) -> None:
        page = self.page
        self._go("Criteria")
        page.locator("#changelist-filter").get_by_role(
            "link", name=f"wwc {DRAFT_LABEL}", exact=True
        ).click()
        page.get_by_role("link", name=EDITED_CODE, exact=True).click()
        description = page.get_by_label("Description")
        description.fill(description.input_value().replace("stakeholder ", "stakeholders "))
        page.get_by_label("Reason for the change").fill(EDIT_REASON)
        self._shoot("04-edit-criterion")
        page.get_by_role("button", name="Save", exact=True).click()
        self._expect_success()
        # The public sees the change, with its reason, in the criterion's history.
        page.goto(
            f"{self.base}/standards/wwc/criteria/{EDITED_CODE.lower()}/?lang=en"
            f"#version-{DRAFT_LABEL}"
        )
        self._shoot("05-public-criterion-history", full_page=False)

    # --- 3. the comment period ------------------------------------------------------------------

    def open_period(self, *, opens: str, closes: str) -> int:
        """``opens``/``closes`` as typed in New York time ("2030-04-14" is its midnight)."""
        page = self.page
        self._go("Comment periods")
        page.get_by_role("link", name="Open a comment period").click()
        page.get_by_label("Draft").select_option(label=f"wwc {DRAFT_LABEL}")
        page.get_by_label("Time zone").fill("America/New_York")
        page.get_by_label("Opens at").fill(opens)
        page.get_by_label("Closes at").fill(closes)
        page.get_by_label("Instructions").fill(
            f"Comment on any criterion of the **{DRAFT_LABEL} draft**. Comments are published "
            "after moderation."
        )
        page.get_by_label("Reason").fill(f"Public consultation on the {DRAFT_LABEL} draft.")
        self._shoot("06-open-period")
        page.get_by_role("button", name="Save the comment period").click()
        self._expect_success()
        self._shoot("07-period-open")
        return int(re.search(r"/commentperiod/(\d+)/", page.url).group(1))

    def comment_on_the_public_site(self, period_id: int, body: str) -> str:
        """A resident's comment through the public form; returns its tracking id."""
        page = self.page
        page.goto(f"{self.base}/comment-periods/{period_id}/?lang=en")
        page.locator(f'article[id="{EDITED_CODE}"] a.comment-link').click()
        form = page.locator(f'article[id="{EDITED_CODE}"] form')
        form.get_by_label("Your comment").fill(body)
        form.get_by_label("Technical: what the criterion asks of cities").check()
        form.get_by_label("Email").fill("resident@example.org")
        form.get_by_role("button", name=f"Send your comment on {EDITED_CODE}").click()
        page.wait_for_url(re.compile(r"/comments/[a-z2-7]{26}/"))
        return page.locator("#tracking-id").inner_text().replace("-", "")

    def comments_arrive(self, period_id: int) -> dict[str, str]:
        """The public page of the open period, two residents' comments, the admin's queue."""
        self.page.goto(f"{self.base}/comment-periods/{period_id}/?lang=en")
        self._shoot("08-public-consultation", full_page=False)
        ids = {}
        for name, body in COMMENTS.items():
            ids[name] = self.comment_on_the_public_site(period_id, body)
            if name == "kept":
                self._shoot("09-public-receipt")
        self._go("Comments")
        self.page.locator("#changelist-filter").get_by_role("link", name="received").click()
        self._shoot("10-comments-received")
        return ids

    # --- 4. moderation --------------------------------------------------------------------------

    def _open_comment(self, tracking_id: str) -> None:
        page = self.page
        self._go("Comments")
        page.locator("#searchbar").fill(tracking_id)
        page.locator("#searchbar").press("Enter")
        page.get_by_role("link", name=tracking_id, exact=True).click()

    def moderate(self, tracking_id: str, *, state: str, reason: str = "", shot: str = "") -> None:
        """``state``: "published" or "withheld" (with the reason the commenter is shown)."""
        self._open_comment(tracking_id)
        page = self.page
        page.get_by_label("Moderation state").select_option(state)
        if reason:
            page.get_by_label("Moderation reason").fill(reason)
        if shot:
            self._shoot(shot)
        page.get_by_role("button", name="Save", exact=True).click()
        self._expect_success()

    def public_receipt(self, tracking_id: str, *, shot: str) -> None:
        self.page.goto(f"{self.base}/comments/{tracking_id}/?lang=en")
        self._shoot(shot)

    # --- 5. extend, close early -----------------------------------------------------------------

    def _open_period_page(self, period_id: int) -> None:
        self._go("Comment periods")
        self.page.locator(f'a[href$="/commentperiod/{period_id}/change/"]').click()

    def extend(self, period_id: int, *, closes: str) -> None:
        self._open_period_page(period_id)
        page = self.page
        page.get_by_role("link", name="Extend").click()
        page.get_by_label("New closing time").fill(closes)
        page.get_by_label("Reason").fill("Several cities asked for two more weeks.")
        self._shoot("14-extend")
        page.get_by_role("button", name="Extend").click()
        self._expect_success()

    def close_early(self, period_id: int) -> None:
        self._open_period_page(period_id)
        page = self.page
        page.get_by_role("link", name="Close early").click()
        page.get_by_label("Reason").fill("The board meets earlier than planned.")
        self._shoot("15-close-early")
        page.get_by_role("button", name="Close now").click()
        self._expect_success()
        self._shoot("16-period-closed")
        # The public page of the period says so, with both changes and their reasons.
        page.goto(f"{self.base}/comment-periods/{period_id}/?lang=en#changes-heading")
        self._shoot("17-public-consultation-closed", full_page=False)

    # --- 6. dispositions and responses; the report ----------------------------------------------

    def respond(self, tracking_id: str, *, disposition: str, response: str) -> None:
        self._open_comment(tracking_id)
        page = self.page
        page.get_by_label("Disposition").select_option(disposition)
        page.locator("#id_response").fill(response)
        page.get_by_label("Note for the history").fill("Agreed at the working group.")
        self._shoot("18-respond")
        page.get_by_role("button", name="Save", exact=True).click()
        self._expect_success()

    def public_report(self) -> None:
        self.page.goto(
            f"{self.base}/standards/wwc/versions/{DRAFT_LABEL}/disposition-report/?lang=en"
        )
        self._shoot("19-public-disposition-report")

    # --- 7. publish -----------------------------------------------------------------------------

    def publish(self, *, effective_from: str = "", close_open_period: bool = False) -> None:
        page = self.page
        self._go("Versions")
        page.get_by_role("link", name=f"wwc {DRAFT_LABEL}", exact=True).click()
        self._shoot("20-draft-page")
        page.get_by_role("link", name="Publish", exact=True).click()
        if effective_from:
            page.get_by_label("Effective from").fill(effective_from)
        if close_open_period:
            page.get_by_label("Close its comment period now").check()
        page.get_by_label("Reason").fill("Approved by the board after the consultation.")
        self._shoot("21-publish")
        page.get_by_role("button", name="Publish").click()
        self._expect_success()
        page.goto(f"{self.base}/standards/wwc/versions/{DRAFT_LABEL}/?lang=en")
        self._shoot("22-public-version", full_page=False)


def walk_through(walk: Walkthrough, *, username: str, password: str, today: dt.date) -> None:
    """The whole consultation, as docs/operations.md tells it (`make screenshots` runs this)."""
    walk.sign_in(username, password)
    walk.create_draft()
    walk.edit_criterion()
    period = walk.open_period(
        opens=today.isoformat(), closes=(today + dt.timedelta(days=14)).isoformat()
    )
    ids = walk.comments_arrive(period)
    walk.moderate(ids["kept"], state="published", shot="11-publish-comment")
    walk.moderate(
        ids["withheld"], state="withheld", reason=WITHHELD_REASON, shot="12-withhold-comment"
    )
    walk.public_receipt(ids["withheld"], shot="13-public-receipt-withheld")
    walk.extend(period, closes=(today + dt.timedelta(days=28)).isoformat())
    walk.close_early(period)
    walk.respond(ids["kept"], disposition="noted", response=RESPONSE)
    walk.public_report()
    walk.publish(effective_from=f"{today.year + 1}-01-01")
