"""Sign-in tokens: a reload, a new tab or a bookmark keeps the user signed in while the token lives.

The browser holds a random token in a cookie; the database holds only its SHA-256, so neither a copy
of the database nor the audit log can sign anyone in. A token works while it is unrevoked, younger than
SESSION_MAX_HOURS, used within IDLE_TIMEOUT_MINUTES, and its account is active and unlocked; the role is
read from the account each time, so an administrator's change applies on the user's next rerun.
"""
from __future__ import annotations

import datetime as dt
import hashlib
import secrets

import sqlalchemy as sa

from dashboard import audit, db, settings
from dashboard.accounts import User
from dashboard.schema import user_sessions, users

COOKIE_NAME = "hz_dashboard_session"
# last_seen_at is written at most this often per session, so a rerun rarely writes.
TOUCH_SECONDS = 60
MAX_TOKEN_LENGTH = 100


def hash_token(token: str) -> str:
    """The SHA-256 (hex) stored in place of a token."""
    return hashlib.sha256(token.encode("utf-8")).hexdigest()


def idle_limit() -> dt.timedelta:
    """How long a session may go unused."""
    return dt.timedelta(minutes=settings.get_int("IDLE_TIMEOUT_MINUTES"))


def issue(username: str, now: dt.datetime | None = None, engine: sa.Engine | None = None) -> str:
    """Open a session for a user who has just signed in; returns the token for the browser's cookie."""
    now = now or dt.datetime.now()
    engine = engine or db.get_engine()
    token = secrets.token_urlsafe(32)
    with engine.begin() as conn:
        # Dead sessions are kept a day (for the audit of who was signed in), then dropped.
        conn.execute(sa.delete(user_sessions).where(user_sessions.c.expires_at < now - dt.timedelta(days=1)))
        conn.execute(sa.insert(user_sessions).values(
            token_hash=hash_token(token), username=username, created_at=now, last_seen_at=now,
            expires_at=now + dt.timedelta(hours=settings.get_int("SESSION_MAX_HOURS")), revoked=False))
    return token


def resume(token: str | None, now: dt.datetime | None = None, engine: sa.Engine | None = None) -> User | None:
    """The user a browser's token signs in, or None; a resumed session is audited."""
    if not isinstance(token, str) or not token or len(token) > MAX_TOKEN_LENGTH:
        return None
    user = check(hash_token(token), now, engine)
    if user is not None:
        audit.record("session_resume", user.username, "ok", engine=engine)
    return user


def check(token_hash: str, now: dt.datetime | None = None, engine: sa.Engine | None = None) -> User | None:
    """The account behind a live session (with its current role), or None; marks the session as used."""
    now = now or dt.datetime.now()
    engine = engine or db.get_engine()
    with engine.begin() as conn:
        row = conn.execute(
            sa.select(user_sessions.c.last_seen_at, user_sessions.c.expires_at, user_sessions.c.revoked,
                      users.c.username, users.c.display_name, users.c.role, users.c.is_active,
                      users.c.locked_until)
            .join(users, users.c.username == user_sessions.c.username)
            .where(user_sessions.c.token_hash == token_hash)).first()
        if row is None or row.revoked:
            return None
        if (row.expires_at <= now or row.last_seen_at + idle_limit() <= now or not row.is_active
                or (row.locked_until is not None and row.locked_until > now)):
            conn.execute(sa.update(user_sessions).where(user_sessions.c.token_hash == token_hash)
                         .values(revoked=True))
            return None
        if (now - row.last_seen_at).total_seconds() >= TOUCH_SECONDS:
            conn.execute(sa.update(user_sessions).where(user_sessions.c.token_hash == token_hash)
                         .values(last_seen_at=now))
    return User(row.username, row.display_name, row.role)


def revoke(token_hash: str, engine: sa.Engine | None = None) -> None:
    """End one session (sign-out, idle expiry)."""
    engine = engine or db.get_engine()
    with engine.begin() as conn:
        conn.execute(sa.update(user_sessions).where(user_sessions.c.token_hash == token_hash)
                     .values(revoked=True))


def revoke_all(conn: sa.Connection, username: str) -> int:
    """End every session of an account, inside the caller's transaction; returns how many were live."""
    return conn.execute(sa.update(user_sessions).where(
        user_sessions.c.username == username, sa.not_(user_sessions.c.revoked)).values(revoked=True)).rowcount
