"""The texts the UI sources pass to ``translate``, read from their syntax tree.

pyside6-lupdate 6.11 reads a plural call (``translate(context, source, None, n)``) as a plain
text, or not at all when ``n`` is an attribute, so the translation tests read the calls
themselves: every literal ``translate("Context", "source"[, disambiguation[, n]])``, plural
when it passes ``n``. Calls with a non-literal context or source are not texts to translate
(lupdate cannot see them either).
"""

from __future__ import annotations

import ast
from collections.abc import Iterable
from pathlib import Path

from ui.i18n import MessageKey, read_ts

# How ``read_ts`` joins the forms of a plural translation.
PLURAL_SEPARATOR = "\x9c"


def _literal(node: ast.expr | None) -> str | None:
    if node is None or (isinstance(node, ast.Constant) and node.value is None):
        return ""
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return node.value
    return None


def translate_calls(paths: Iterable[Path]) -> dict[MessageKey, bool]:
    """Every literal ``translate`` call in ``paths``: its key, and whether it is plural."""
    calls: dict[MessageKey, bool] = {}
    for path in paths:
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if not (
                isinstance(node, ast.Call)
                and isinstance(node.func, ast.Name)
                and node.func.id == "translate"
                and len(node.args) >= 2
            ):
                continue
            context, source = _literal(node.args[0]), _literal(node.args[1])
            comment = _literal(node.args[2] if len(node.args) > 2 else None)
            if context and source and comment is not None:
                key = (context, source, comment)
                calls[key] = calls.get(key, False) or len(node.args) > 3
    return calls


def untranslated(ts: Path, calls: dict[MessageKey, bool]) -> list[str]:
    """What the .ts file lacks or holds wrongly for ``calls``: one line per problem.

    A text is missing, a plural text has no plural forms (or a plain text has some), or the
    file holds a translation no source asks for any more.
    """
    finished, unfinished = read_ts(ts)
    problems = [f"unfinished: {key}" for key in unfinished]
    for key, plural in calls.items():
        if key not in finished:
            problems.append(f"missing: {key}")
        elif plural != (PLURAL_SEPARATOR in finished[key]):
            problems.append(f"{'needs' if plural else 'must not have'} plural forms: {key}")
    problems += [f"no longer used: {key}" for key in finished.keys() - calls.keys()]
    return problems
