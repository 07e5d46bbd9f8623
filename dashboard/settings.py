"""Settings as data: each has a name, a default and the reason for it; the environment overrides."""
from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

PROJECT_ROOT = Path(__file__).resolve().parent.parent


@dataclass(frozen=True)
class Setting:
    name: str
    default: str
    help: str


SETTINGS = [
    Setting("DATABASE_URL", f"sqlite:///{PROJECT_ROOT / 'data' / 'dashboard.sqlite3'}",
            "SQLAlchemy URL; the embedded SQLite file unless a shared PostgreSQL is configured"),
    Setting("DEFAULT_LANGUAGE", "zh", "the bureau works in Simplified Chinese; English is a toggle"),
    Setting("SUPPRESSION_THRESHOLD", "5",
            "counts of people below this, below county level, are shown as <5 so no one is recognisable"),
    Setting("COVERAGE_DISTANCE_KM", "5", "default distance within which a village counts as served"),
    Setting("CACHE_TTL_SECONDS", "600",
            "upper bound on a cached query's age; the data version invalidates sooner on import"),
    Setting("HANDLING_TIME_LIMIT_DAYS", "15",
            "a risk warning or request counts as handled in time when closed within this many days "
            "(a common limit for verifying a warning; the bureau can set its own)"),
    Setting("IMPORT_MAX_MB", "50", "largest file the import accepts, in megabytes (a year of visits is far smaller)"),
    Setting("IMPORT_MAX_ROWS", "2000000", "most data rows one imported file may hold"),
    Setting("IMPORT_BULK_ROWS", "20000",
            "from this many rows, imports into PostgreSQL load through COPY instead of row inserts"),
    Setting("MAP_TILE_URL", "", "optional intranet tile server; blank means boundaries only (no internet needed)"),
]
_BY_NAME = {s.name: s for s in SETTINGS}


def get(name: str) -> str:
    """Value of a setting: the environment variable of that name, else its default."""
    return os.environ.get(name) or _BY_NAME[name].default


def get_int(name: str) -> int:
    """Integer value of a setting."""
    return int(get(name))


def get_float(name: str) -> float:
    """Float value of a setting."""
    return float(get(name))

SETTINGS += [
    Setting("LOCKOUT_ATTEMPTS", "5", "failed sign-ins in a row before an account is locked"),
    Setting("LOCKOUT_MINUTES", "15", "how long a locked account stays locked"),
    Setting("IDLE_TIMEOUT_MINUTES", "30", "a session idle this long must sign in again (shared office PCs)"),
    Setting("SESSION_MAX_HOURS", "12",
            "a sign-in lasts at most a working day, however active, before the password is asked again"),
    Setting("SSO_ROLE_CLAIM", "dashboard_role",
            "the OIDC claim holding the user's role when single sign-on (st.login) is configured"),
]
_BY_NAME.update({s.name: s for s in SETTINGS})
