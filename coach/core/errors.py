"""The few error types a user can meet. Each carries one plain sentence."""

from __future__ import annotations


class CoachError(Exception):
    """An error whose message is fit to show a user as it is."""


class CatalogError(CoachError):
    """An exercise or routine file is not valid."""


class StoreError(CoachError):
    """The session log cannot be opened or written."""
