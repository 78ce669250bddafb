"""Hypothesis budgets: the whole budget in CI (``CI=true``), a quarter of it on a developer's
machine, so ``make test`` stays quick there while CI searches as hard as before.

``HYPOTHESIS_PROFILE=ci`` gives the CI budget locally too. Tests state their CI budget with
``examples(n)``; the profile scales it.
"""

import os

from hypothesis import settings

CI_EXAMPLES = 100
settings.register_profile("ci", max_examples=CI_EXAMPLES, deadline=None, print_blob=True)
settings.register_profile("dev", max_examples=CI_EXAMPLES // 4, deadline=None)
settings.load_profile(
    os.environ.get("HYPOTHESIS_PROFILE") or ("ci" if os.environ.get("CI") else "dev")
)


def examples(ci_budget: int) -> int:
    """``ci_budget`` examples under the CI profile, proportionally fewer under another."""
    return max(10, ci_budget * settings.default.max_examples // CI_EXAMPLES)
