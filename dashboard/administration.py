"""Administration: accounts, targets and published figures, changed only by an administrator.

Each action takes the acting user and refuses unless that user is an administrator now (the accounts
table is asked, not only the session); it runs in one transaction together with its audit row (who,
what, before → after; never a password) and ends with finish_write, so every cache sees the change.
Bad input raises AdminError, whose key and values make a message in the user's language; nothing has
changed then.
"""
from __future__ import annotations

import datetime as dt
import math
from contextlib import contextmanager

import sqlalchemy as sa

from dashboard import accounts, audit, db, roles, session_tokens
from dashboard.accounts import User
from dashboard.i18n import t
from dashboard.schema import published_figures, targets, users
from dashboard.writing import finish_write

RELATIONS = ["=", ">=", "≈"]
# Dates a target or figure can sensibly carry; outside them the input is a typing slip.
EARLIEST_DATE = dt.date(2000, 1, 1)
LATEST_DATE = dt.date(2100, 12, 31)
MAX_TEXT = 2000


class AdminError(ValueError):
    """An administration request that cannot be met; key is a catalogue key, values fill it."""

    def __init__(self, message_key: str, /, **values):
        super().__init__(message_key)
        self.key = message_key
        self.values = values


# ---- accounts ----------------------------------------------------------------------------------
# Each action asks first whether the actor may act at all, and only then looks at the input, so anyone
# but an administrator learns nothing from the answer.
def add_account(actor: User, username: str, display_name: str, role: str, password: str,
                confirm: str | None = None, engine: sa.Engine | None = None) -> User:
    """Create an account with an initial password (the same rules as `python -m dashboard users add`)."""
    with _admin_transaction(actor, engine) as conn:
        if confirm is not None and confirm != password:
            raise AdminError("admin.error.password_mismatch")
        with _account_rules():
            user = accounts.insert_user(conn, username, role, password, display_name)
        _audit(conn, actor, "admin_user_add", "users",
               f"user={user.username}; display_name={user.display_name}; role={user.role}")
    return user


def set_role(actor: User, username: str, role: str, engine: sa.Engine | None = None) -> bool:
    """Give an account another role (applies on the user's next rerun); False when it had it already."""
    username = _name(username)
    with _admin_transaction(actor, engine) as conn:
        with _account_rules():
            accounts.check_role(role)
        if username == actor.username and role != "admin":
            raise AdminError("admin.error.self_demote")
        before = _account(conn, username)
        if before.role == role:
            return False
        conn.execute(sa.update(users).where(users.c.username == username).values(role=role))
        _audit(conn, actor, "admin_user_role", "users", f"user={username}; role: {before.role} → {role}")
    return True


def set_active(actor: User, username: str, active: bool, engine: sa.Engine | None = None) -> bool:
    """Enable or disable an account; disabling ends its sessions. False when nothing changed."""
    username = _name(username)
    with _admin_transaction(actor, engine) as conn:
        if username == actor.username and not active:
            raise AdminError("admin.error.self_disable")
        before = _account(conn, username)
        if bool(before.is_active) == active:
            return False
        conn.execute(sa.update(users).where(users.c.username == username).values(is_active=active))
        ended = 0 if active else session_tokens.revoke_all(conn, username)
        _audit(conn, actor, "admin_user_enable" if active else "admin_user_disable", "users",
               f"user={username}; active: {bool(before.is_active)} → {active}"
               + (f"; sessions ended: {ended}" if ended else ""))
    return True


def reset_password(actor: User, username: str, password: str, confirm: str | None = None,
                   engine: sa.Engine | None = None) -> None:
    """Set a new password (the same rules as the CLI) and end the account's sessions."""
    username = _name(username)
    with _admin_transaction(actor, engine) as conn:
        if confirm is not None and confirm != password:
            raise AdminError("admin.error.password_mismatch")
        with _account_rules():
            accounts.check_password(password)
        _account(conn, username)
        conn.execute(sa.update(users).where(users.c.username == username).values(
            password_hash=accounts.hash_password(password), failed_attempts=0))
        ended = session_tokens.revoke_all(conn, username)
        _audit(conn, actor, "admin_user_password", "users",
               f"user={username}; password replaced; sessions ended: {ended}")


def unlock(actor: User, username: str, engine: sa.Engine | None = None) -> bool:
    """Lift a lockout after failed sign-ins; False when the account was not locked."""
    username = _name(username)
    with _admin_transaction(actor, engine) as conn:
        before = _account(conn, username)
        if before.locked_until is None and not before.failed_attempts:
            return False
        conn.execute(sa.update(users).where(users.c.username == username).values(
            locked_until=None, failed_attempts=0))
        _audit(conn, actor, "admin_user_unlock", "users",
               f"user={username}; locked_until: {_text(before.locked_until)} → -; "
               f"failed_attempts: {before.failed_attempts} → 0")
    return True


# ---- targets and published figures ---------------------------------------------------------------
def update_target(actor: User, target_key: str, target_value, deadline, source_document: str,
                  note: str | None, engine: sa.Engine | None = None) -> bool:
    """Change a target's value, deadline, source and note; False when nothing differed."""
    with _admin_transaction(actor, engine) as conn:
        values = {"target_value": parse_number(target_value, "admin.field.target_value"),
                  "deadline": parse_date(deadline, "admin.field.deadline"),
                  "source_document": _required_text(source_document, 120, "admin.field.source_document"),
                  "note": _optional_text(note, MAX_TEXT, "admin.field.note")}
        return _update_register(conn, actor, targets, "target_key", target_key, values, "admin_target")


def update_published_figure(actor: User, figure_key: str, value, relation: str, unit: str, as_of,
                            source_document: str, source_quote: str | None,
                            engine: sa.Engine | None = None) -> bool:
    """Change a published figure (what reconcile compares the data against); False when nothing differed."""
    with _admin_transaction(actor, engine) as conn:
        if relation not in RELATIONS:
            raise AdminError("admin.error.relation", relations=" ".join(RELATIONS))
        values = {"value": parse_number(value, "admin.field.value"), "relation": relation,
                  "unit": _required_text(unit, 20, "admin.field.unit"),
                  "as_of": parse_date(as_of, "admin.field.as_of"),
                  "source_document": _required_text(source_document, 120, "admin.field.source_document"),
                  "source_quote": _optional_text(source_quote, MAX_TEXT, "admin.field.source_quote")}
        return _update_register(conn, actor, published_figures, "figure_key", figure_key, values, "admin_figure")


def message(error: AdminError, language: str | None = None) -> str:
    """The error as a sentence in the user's language (a field named by its key is translated too)."""
    values = dict(error.values)
    if "field" in values:
        values["field"] = t(values["field"], language)
    return t(error.key, language, **values)


def parse_number(value, field: str) -> float:
    """A finite, non-negative number from a number or its text (thousands separators allowed)."""
    if isinstance(value, bool):
        raise AdminError("admin.error.number", field=field)
    if isinstance(value, str):
        value = value.strip().replace(",", "").replace("，", "").replace(" ", "")
    try:
        number = float(value)
    except (TypeError, ValueError):
        raise AdminError("admin.error.number", field=field) from None
    if not math.isfinite(number) or number < 0:
        raise AdminError("admin.error.number", field=field)
    return number


def parse_date(value, field: str) -> dt.date:
    """A date from a date or ISO text (YYYY-MM-DD), between EARLIEST_DATE and LATEST_DATE."""
    if isinstance(value, dt.datetime):
        value = value.date()
    if isinstance(value, str):
        try:
            value = dt.date.fromisoformat(value.strip())
        except ValueError:
            raise AdminError("admin.error.date", field=field) from None
    if not isinstance(value, dt.date) or not EARLIEST_DATE <= value <= LATEST_DATE:
        raise AdminError("admin.error.date", field=field)
    return value


# ---- plumbing ----------------------------------------------------------------------------------
class _admin_transaction:
    """One transaction, opened only for an administrator; closed with finish_write when it changed something."""

    def __init__(self, actor: User, engine: sa.Engine | None):
        self.actor = actor
        self.engine = engine or db.get_engine()

    def __enter__(self) -> sa.Connection:
        self._context = self.engine.begin()
        conn = self._context.__enter__()
        if not _is_admin(conn, self.actor):
            self._context.__exit__(None, None, None)
            audit.record("admin_refused", getattr(self.actor, "username", None) or "(anonymous)", "refused",
                         engine=self.engine)
            raise AdminError("admin.error.not_permitted")
        self.conn = conn
        return conn

    def __exit__(self, kind, error, trace):
        # Only a change writes an audit row; a request that changed nothing leaves the data version alone.
        if kind is None and self.conn.info.pop("admin_changed", False):
            finish_write(self.conn, [])  # accounts, targets and published figures feed no summary table
        return self._context.__exit__(kind, error, trace)


@contextmanager
def _account_rules():
    """The account rules shared with the CLI raise AccountError; the page wants an AdminError."""
    try:
        yield
    except accounts.AccountError as error:
        raise AdminError(str(error)) from None


def _is_admin(conn: sa.Connection, actor: User | None) -> bool:
    if actor is None or not roles.may(actor.role, "admin"):
        return False
    row = conn.execute(sa.select(users.c.role, users.c.is_active).where(users.c.username == actor.username)).first()
    # A single-sign-on administrator has no local account: its role comes from the identity provider.
    return row is None or (bool(row.is_active) and row.role == "admin")


def _name(username: str | None) -> str:
    return (username or "").strip().lower()


def _account(conn: sa.Connection, username: str):
    row = conn.execute(sa.select(users).where(users.c.username == username)).first()
    if row is None:
        raise AdminError("admin.error.no_account", username=username)
    return row


def _update_register(conn, actor, table, key_column, key, values, action) -> bool:
    row = conn.execute(sa.select(table).where(table.c[key_column] == key)).first()
    if row is None:
        raise AdminError("admin.error.no_entry", key=key)
    changes = {name: value for name, value in values.items() if _text(row._mapping[name]) != _text(value)}
    if not changes:
        return False
    conn.execute(sa.update(table).where(table.c[key_column] == key).values(**changes))
    detail = "; ".join(f"{name}: {_text(row._mapping[name])} → {_text(value)}" for name, value in changes.items())
    _audit(conn, actor, action, table.name, f"{key_column}={key}; {detail}")
    return True


def _audit(conn, actor: User, action: str, table_name: str, detail: str) -> None:
    conn.info["admin_changed"] = True
    audit.record_in(conn, action, actor.username, "ok", detail, dataset_name=table_name)


def _text(value) -> str:
    """A value as the audit shows it (and as compared for a change): dates ISO, whole numbers bare."""
    if value is None or value == "":
        return "-"
    if isinstance(value, dt.datetime):
        return value.isoformat(sep=" ", timespec="minutes")
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, float):
        return str(int(value)) if value.is_integer() else repr(value)
    return str(value)


def _required_text(value, limit: int, field: str) -> str:
    text = (value or "").strip()
    if not text:
        raise AdminError("admin.error.required", field=field)
    if len(text) > limit:
        raise AdminError("admin.error.too_long", field=field, limit=limit)
    return text


def _optional_text(value, limit: int, field: str) -> str | None:
    text = (value or "").strip()
    if len(text) > limit:
        raise AdminError("admin.error.too_long", field=field, limit=limit)
    return text or None
