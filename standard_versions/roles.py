"""Staff roles are Django groups: editors draft and edit; publishers also publish, withdraw and
manage comment periods. Superusers hold every role."""

EDITORS = "editors"
PUBLISHERS = "publishers"
ROLE_GROUPS = (EDITORS, PUBLISHERS)

# What each role may do, from least to most.
ROLE_RANK = {EDITORS: 1, PUBLISHERS: 2}


def has_role(user, role: str) -> bool:
    if not user or not user.is_authenticated or not user.is_active:
        return False
    if user.is_superuser:
        return True
    wanted = ROLE_RANK[role]
    names = getattr(user, "_role_names", None)
    if names is None:
        names = set(user.groups.filter(name__in=ROLE_GROUPS).values_list("name", flat=True))
        user._role_names = names
    return any(ROLE_RANK[name] >= wanted for name in names)
