"""Who is importing: the signed-in user in the app, the operating-system user on the command line."""
from __future__ import annotations

import getpass


def current_actor() -> str:
    """The signed-in user in the app, else the operating-system user (CLI)."""
    try:
        from streamlit.runtime import exists
        if exists():
            from dashboard import session
            user = session.current_user()
            if user:
                return user.username[:80]
    except Exception:  # no Streamlit runtime: the command line
        pass
    try:
        return getpass.getuser()[:80]
    except Exception:  # no login name (some containers)
        return "unknown"
