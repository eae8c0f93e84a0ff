"""PySide6's import hook, without its scan of every module's source.

WORKAROUND (PySide6 6.11, issue 13): once ``PySide6.QtCore`` is imported, PySide6 calls
``shibokensupport.feature.feature_imported`` after every import in the process, which reads
the new module's whole source (``inspect.getsource``) to see whether it names PySide6, for
its opt-in ``from __feature__ import snake_case, true_property``. That is 0.1-0.15 ms for each
of the 130 modules a kiosk imports before its first frame (10-18 ms) and of the 630-710 it
imports before it is ready (66-100 ms), on every start of every window.

The scan only chooses between two answers, and here they are the same: a module it finds
naming PySide6 is recorded with no features (0); any other (-1) takes the last selection made,
which stays "no features" because nothing in this project selects one. Answering 0 for
every module keeps that behaviour and reads no file. If a PySide6 release moves the hook,
nothing is changed and the scan simply goes on (the test in tests/ui/test_import_hook.py
then fails, so a lock refresh notices).
"""

from __future__ import annotations

import sys
from types import ModuleType

import PySide6.QtCore  # noqa: F401  (installs the hook this module tames)

# The module PySide6 keeps its feature switches in, under its own embedded package name.
FEATURE_MODULE = "shibokensupport.feature"


def _uses_pyside(module: ModuleType) -> bool:
    # As the scan answers for a module that names PySide6: no features selected (0).
    return True


def skip_source_scans() -> bool:
    """Stop PySide6 reading each imported module's source; False if its hook has moved."""
    feature = sys.modules.get(FEATURE_MODULE)
    if feature is None or not callable(getattr(feature, "_mod_uses_pyside", None)):
        return False
    setattr(feature, "_mod_uses_pyside", _uses_pyside)  # noqa: B010  (a module's private name)
    return True
