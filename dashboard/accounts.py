"""Accounts: passwords hashed with Argon2, lockout after repeated failures, sign-ins audited."""
from __future__ import annotations

import datetime as dt
import secrets
from dataclasses import dataclass

import sqlalchemy as sa
from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError

from dashboard import audit, db, settings
from dashboard.roles import ROLES
from dashboard.schema import users

_hasher = PasswordHasher()
MIN_PASSWORD_LENGTH = 10
MAX_PASSWORD_LENGTH = 200  # the sign-in form accepts no more
USERNAME_CHARS = set("abcdefghijklmnopqrstuvwxyz0123456789_.-")
# Verifying against this keeps a wrong username as slow as a wrong password.
_DUMMY_HASH = _hasher.hash(secrets.token_hex(16))


class AccountError(ValueError):
    """A request about an account that cannot be met; the message is a catalogue key."""


@dataclass(frozen=True)
class User:
    username: str
    display_name: str
    role: str


@dataclass(frozen=True)
class SignInResult:
    user: User | None
    reason: str  # ok | invalid | locked
    locked_until: dt.datetime | None = None


def add_user(username: str, role: str, password: str | None, display_name: str = "",
             engine: sa.Engine | None = None) -> User:
    """Create an account (password None: single sign-on only)."""
    engine = engine or db.get_engine()
    with engine.begin() as conn:
        return insert_user(conn, username, role, password, display_name)


def insert_user(conn: sa.Connection, username: str, role: str, password: str | None,
                display_name: str = "") -> User:
    """Validate and insert an account inside the caller's transaction (the CLI and the admin page)."""
    username = (username or "").strip().lower()
    display_name = (display_name or "").strip()
    if not username or not set(username) <= USERNAME_CHARS or len(username) > 60:
        raise AccountError("auth.error.username")
    if len(display_name) > 80:
        raise AccountError("auth.error.display_name")
    check_role(role)
    if password is not None:
        check_password(password)
    if conn.execute(sa.select(users.c.username).where(users.c.username == username)).first():
        raise AccountError("auth.error.exists")
    conn.execute(sa.insert(users).values(
        username=username, display_name=display_name or username, role=role,
        password_hash=None if password is None else hash_password(password), is_active=True,
        failed_attempts=0, created_at=dt.datetime.now()))
    return User(username, display_name or username, role)


def check_role(role: str) -> None:
    """Refuse a role that does not exist."""
    if role not in ROLES:
        raise AccountError("auth.error.role")


def check_password(password: str) -> None:
    """Refuse a password the rules do not allow (the same rules for the CLI and the admin page)."""
    if len(password or "") < MIN_PASSWORD_LENGTH:
        raise AccountError("auth.error.password_short")
    if len(password) > MAX_PASSWORD_LENGTH:
        raise AccountError("auth.error.password_long")


def hash_password(password: str) -> str:
    """The Argon2 hash stored for a password."""
    return _hasher.hash(password)


def active_user(username: str, now: dt.datetime | None = None, engine: sa.Engine | None = None) -> User | None:
    """The account as it is now (current role), or None when it is missing, disabled or locked."""
    now = now or dt.datetime.now()
    engine = engine or db.get_engine()
    with engine.connect() as conn:
        row = conn.execute(sa.select(users).where(users.c.username == username)).first()
    if row is None or not row.is_active or (row.locked_until is not None and row.locked_until > now):
        return None
    return User(row.username, row.display_name, row.role)


def has_admin(engine: sa.Engine | None = None) -> bool:
    """Whether any active administrator exists."""
    engine = engine or db.get_engine()
    with engine.connect() as conn:
        return conn.execute(sa.select(sa.func.count()).select_from(users).where(
            users.c.role == "admin", users.c.is_active)).scalar() > 0


def list_users(engine: sa.Engine | None = None) -> list[dict]:
    """Accounts without their password hashes."""
    engine = engine or db.get_engine()
    with engine.connect() as conn:
        rows = conn.execute(sa.select(users.c.username, users.c.display_name, users.c.role,
                                      users.c.is_active, users.c.locked_until, users.c.last_sign_in_at)
                            .order_by(users.c.username))
        return [dict(r._mapping) for r in rows]


def authenticate(username: str, password: str, now: dt.datetime | None = None,
                 engine: sa.Engine | None = None) -> SignInResult:
    """Check a password; count failures, lock after too many, and audit the attempt."""
    now = now or dt.datetime.now()
    engine = engine or db.get_engine()
    username = (username or "").strip().lower()[:60]
    with engine.begin() as conn:
        row = conn.execute(sa.select(users).where(users.c.username == username)).first()
        if row is None or not row.is_active or row.password_hash is None:
            _verify(_DUMMY_HASH, password)
            result = SignInResult(None, "invalid")
        elif row.locked_until is not None and row.locked_until > now:
            result = SignInResult(None, "locked", row.locked_until)
        elif _verify(row.password_hash, password):
            conn.execute(sa.update(users).where(users.c.username == username).values(
                failed_attempts=0, locked_until=None, last_sign_in_at=now))
            result = SignInResult(User(row.username, row.display_name, row.role), "ok")
        else:
            failures = row.failed_attempts + 1
            locked_until = None
            if failures >= settings.get_int("LOCKOUT_ATTEMPTS"):
                locked_until = now + dt.timedelta(minutes=settings.get_int("LOCKOUT_MINUTES"))
                failures = 0
            conn.execute(sa.update(users).where(users.c.username == username).values(
                failed_attempts=failures, locked_until=locked_until))
            result = SignInResult(None, "locked" if locked_until else "invalid", locked_until)
    audit.record("sign_in", username or "(blank)", result.reason, engine=engine)
    return result


def _verify(password_hash: str, password: str) -> bool:
    try:
        return _hasher.verify(password_hash, password or "")
    except (VerificationError, InvalidHashError):
        return False


def sso_user(claims: dict, role_claim: str) -> User | None:
    """The user a single-sign-on identity maps to: its role claim must name a known role."""
    role = claims.get(role_claim)
    username = str(claims.get("email") or claims.get("sub") or "").strip().lower()
    if role not in ROLES or not username:
        return None
    return User(username[:60], str(claims.get("name") or username)[:80], role)


def bootstrap_admin(engine: sa.Engine | None = None) -> str | None:
    """Create the first administrator with a random password when none exists; returns the password."""
    if has_admin(engine):
        return None
    password = secrets.token_urlsafe(12)
    add_user("admin", "admin", password, "管理员", engine=engine)
    return password
