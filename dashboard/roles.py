"""Roles and what each may do. Each role has every permission of the one before it."""
from __future__ import annotations

ROLES = ["leader", "planner", "data_officer", "admin"]

# Permission -> the least role that holds it.
_LEAST_ROLE = {
    "view": "leader",        # every dashboard
    "briefing": "leader",    # the NPC briefing and its export
    "map": "planner",        # map analysis (coverage, gaps, next sites)
    "download": "planner",   # table and file downloads
    "import": "data_officer",
    "admin": "admin",        # users, targets and published figures
}
PERMISSIONS = list(_LEAST_ROLE)


def permissions_of(role: str | None) -> set[str]:
    """What a role may do; nothing for an unknown role."""
    if role not in ROLES:
        return set()
    rank = ROLES.index(role)
    return {p for p, least in _LEAST_ROLE.items() if ROLES.index(least) <= rank}


def may(role: str | None, permission: str) -> bool:
    """Whether a role holds a permission."""
    if permission not in _LEAST_ROLE:
        raise ValueError(f"unknown permission: {permission}")
    return permission in permissions_of(role)
