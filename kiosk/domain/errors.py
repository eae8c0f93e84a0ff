"""Errors a user can meet; they carry a message meant for people, never SQL or a traceback."""

from __future__ import annotations


class KioskError(Exception):
    """Base of every error shown to a person.

    ``message`` is an English source text; the UI translates it with the context ``"errors"``
    and formats it with ``params``.
    """

    def __init__(self, message: str, **params: object) -> None:
        super().__init__(message.format(**params) if params else message)
        self.message = message
        self.params = params


class NotFoundError(KioskError):
    """A ticket, line, counter or helper that does not exist."""


class InvalidTransitionError(KioskError):
    """An action that does not fit the ticket's current state."""


class ValidationError(KioskError):
    """Input that breaks a rule (a visit without helper, a bad PIN format, ...)."""


class AuthError(KioskError):
    """A wrong PIN or a locked helper."""


class DatabaseBusyError(KioskError):
    """Another PC or program held the database's write lock past the retry deadline.

    Nothing was written; the action can simply be tried again.
    """

    code = "database_busy"


class PermissionDeniedError(AuthError):
    """The signed-in helper's role does not allow this action (e.g. a clerk editing the roster)."""

    code = "permission_denied"
