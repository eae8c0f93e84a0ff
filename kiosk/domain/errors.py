"""Errors a user can meet; each carries a stable code, and a message for logs, never SQL.

The UI words an error from its ``code`` (``ui.error_texts``), never from ``message``: a message
may be reworded at any time, a code is a promise. ``message`` is an English source text with
``{params}`` for the log and the CLI; ``params`` also fill in the UI's wording.

Adding an error: raise the class that fits (``ValidationError``, ...) with a specific
``code=ErrorCode.X`` when a screen must say something particular; without one, the class's
general code applies. Add the code here and its wording in ``ui/error_texts.py``.
"""

from __future__ import annotations

from enum import StrEnum
from typing import ClassVar


class ErrorCode(StrEnum):
    """Stable names of the errors; values are stored nowhere, but never reuse one."""

    # The general code of each class, for errors no screen words specially.
    GENERAL = "general"
    NOT_FOUND = "not_found"
    INVALID_TRANSITION = "invalid_transition"
    INVALID_INPUT = "invalid_input"
    AUTH_FAILED = "auth_failed"
    # The database cannot be reached (link cut, server down, file gone).
    LINK_DOWN = "link_down"
    # Another PC or program held the write lock past the retry deadline; nothing was written.
    DATABASE_BUSY = "database_busy"
    # The signed-in helper's role does not allow the action.
    PERMISSION_DENIED = "permission_denied"
    # Signing in.
    WRONG_PIN = "wrong_pin"
    PIN_LOCKED = "pin_locked"
    CANNOT_SIGN_IN = "cannot_sign_in"
    NOT_A_MANAGER = "not_a_manager"
    PIN_FORMAT = "pin_format"
    PIN_STAFF_ONLY = "pin_staff_only"
    # Tickets.
    TICKET_NUMBER_INVALID = "ticket_number_invalid"
    TICKET_NOT_FOUND = "ticket_not_found"
    TICKET_NOT_WAITING = "ticket_not_waiting"
    TICKET_NOT_FINISHED = "ticket_not_finished"
    # A scanned text that is not a ticket's QR code, or a ticket of another day.
    TICKET_CODE_INVALID = "ticket_code_invalid"
    TICKET_OTHER_DAY = "ticket_other_day"
    COUNTER_BUSY = "counter_busy"
    NOTHING_TO_UNDO = "nothing_to_undo"
    ALREADY_ON_LINE = "already_on_line"
    REACTIVATE_TODAY_ONLY = "reactivate_today_only"
    UNKNOWN_PROCEDURE = "unknown_procedure"
    PROCEDURE_OTHER_LINE = "procedure_other_line"
    # Visits and helpers.
    VISIT_NEEDS_HELPER = "visit_needs_helper"
    VISIT_NEEDS_OUTCOME = "visit_needs_outcome"
    HELPER_LISTED_TWICE = "helper_listed_twice"
    ONE_LEAD_ONLY = "one_lead_only"
    HELPER_INACTIVE = "helper_inactive"
    PLACE_MISSING = "place_missing"
    VISIT_IN_FUTURE = "visit_in_future"
    HELPER_NAME_MISSING = "helper_name_missing"
    # Ratings and reports.
    ALREADY_RATED = "already_rated"
    REPORT_WRITE_FAILED = "report_write_failed"
    # Backups and restores.
    BACKUP_FAILED = "backup_failed"
    # Village points (their screens are to come; the CLI prints the message).
    VILLAGE_SETUP = "village_setup"
    VILLAGE_SYNC = "village_sync"
    VILLAGE_FILE = "village_file"
    VILLAGE_TRANSFER = "village_transfer"
    VILLAGE_FIELD = "village_field"
    # A village file refused, and why.
    VILLAGE_FILE_DAMAGED = "village_file_damaged"
    VILLAGE_FILE_EMPTY = "village_file_empty"
    NOT_A_VILLAGE_FILE = "not_a_village_file"
    VILLAGE_FILE_TRUNCATED = "village_file_truncated"
    VILLAGE_FILE_TAMPERED = "village_file_tampered"
    VILLAGE_FILE_OTHER_KEY = "village_file_other_key"
    VILLAGE_FILE_WRONG_KIND = "village_file_wrong_kind"


class KioskError(Exception):
    """Base of every error shown to a person.

    Attributes:
        message: The English source text, with ``{params}``.
        params: Values for the text (and for the UI's wording of the code).
        code: What went wrong, for the UI; the class's ``default_code`` when none is given.
    """

    default_code: ClassVar[ErrorCode] = ErrorCode.GENERAL

    def __init__(self, message: str, *, code: ErrorCode | None = None, **params: object) -> None:
        if code is not None and not isinstance(code, ErrorCode):
            # ``code`` is reserved: a message parameter must take another name.
            raise TypeError(f"code must be an ErrorCode, got {code!r}")
        super().__init__(message.format(**params) if params else message)
        self.message = message
        self.params = params
        self.code: ErrorCode = code or self.default_code


class NotFoundError(KioskError):
    """A ticket, line, counter or helper that does not exist."""

    default_code = ErrorCode.NOT_FOUND


class InvalidTransitionError(KioskError):
    """An action that does not fit the ticket's current state."""

    default_code = ErrorCode.INVALID_TRANSITION


class ValidationError(KioskError):
    """Input that breaks a rule (a visit without helper, a bad PIN format, ...)."""

    default_code = ErrorCode.INVALID_INPUT


class AuthError(KioskError):
    """A wrong PIN or a locked helper."""

    default_code = ErrorCode.AUTH_FAILED


class LinkError(KioskError):
    """The database cannot be reached or written: a cut link, a stopped server, a full disk."""

    default_code = ErrorCode.LINK_DOWN


class DatabaseBusyError(KioskError):
    """Another PC or program held the database's write lock past the retry deadline.

    Nothing was written; the action can simply be tried again.
    """

    default_code = ErrorCode.DATABASE_BUSY


class PermissionDeniedError(AuthError):
    """The signed-in helper's role does not allow this action (e.g. a clerk editing the roster)."""

    default_code = ErrorCode.PERMISSION_DENIED
