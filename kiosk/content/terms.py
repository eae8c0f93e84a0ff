"""Plain-language explanations of the words an elderly reader may not know (``[[terms]]``).

A guide lists its hard words once, each with a one-line meaning. The kiosk shows the meaning
under the step where the Vietnamese word first appears (the title and summary count as the
first step), or on the "what to bring" page when the word first appears there. The English
meaning goes with it, in the same place.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

from kiosk.content.fields import Reader, Table, join
from kiosk.content.model import Guide, Term
from kiosk.domain.views import LocalText

MAX_TERMS = 6
MAX_WORD_CHARS = 40
MAX_MEANING_CHARS = 120
_TERM_KEYS = ("word", "meaning")


def read_terms(reader: Reader, data: Table) -> tuple[Term, ...]:
    """The guide's ``[[terms]]``, each a word and its meaning in both languages."""
    tables = reader.tables(data, "terms", "", required=False)
    if len(tables) > MAX_TERMS:
        reader.problem("terms", f"{len(tables)} terms: at most {MAX_TERMS}, or the page is a list")
    terms: list[Term] = []
    for index, table in enumerate(tables):
        name = join("terms", index)
        reader.known_keys(table, name, _TERM_KEYS)
        word = reader.local_text(table, "word", name, max_chars=MAX_WORD_CHARS)
        meaning = reader.local_text(table, "meaning", name, max_chars=MAX_MEANING_CHARS)
        if word is not None and meaning is not None:
            terms.append(Term(word, meaning))
    return tuple(terms)


def _pages(guide: Guide, language: str) -> list[str]:
    """The guide's visitor text page by page: each step, then "what to bring"."""
    steps = [step.text.get(language) for step in guide.steps]
    if steps:
        steps[0] = " ".join((guide.title.get(language), guide.summary.get(language), steps[0]))
    info = [paper.name.get(language) for paper in guide.papers]
    info += [guide.fee.text.get(language), guide.time.text.get(language)]
    return [*steps, " ".join(info)]


def _first_page(word: str, pages: Sequence[str]) -> int | None:
    folded = word.casefold()
    return next((i for i, page in enumerate(pages) if folded in page.casefold()), None)


def explain_terms(reader: Reader, guide: Guide) -> Guide:
    """The guide with each term's meaning placed where its word first appears.

    A word that appears nowhere in the guide's text (in its own language) is a problem: its
    explanation would never be shown, or it is misspelt.
    """
    pages_vi, pages_en = _pages(guide, "vi"), _pages(guide, "en")
    placed: list[list[Term]] = [[] for _ in pages_vi]
    for index, term in enumerate(guide.terms):
        page = _first_page(term.word.vi, pages_vi)
        for language, pages in (("vi", pages_vi), ("en", pages_en)):
            if _first_page(term.word.get(language), pages) is None:
                reader.problem(
                    join(join("terms", index), f"word.{language}"),
                    f'"{term.word.get(language)}" does not appear in the guide\'s {language}'
                    " text, so its meaning would never be shown",
                )
        if page is not None:
            placed[page].append(term)
    steps = tuple(
        replace(step, explained=_lines(terms))
        for step, terms in zip(guide.steps, placed, strict=False)
    )
    return replace(guide, steps=steps, info_explained=_lines(placed[-1]))


def _lines(terms: Sequence[Term]) -> LocalText:
    """``Liên thông: làm nhiều thủ tục bằng một hồ sơ.``, one line per term."""

    def line(word: str, meaning: str) -> str:
        return f"{word[:1].upper()}{word[1:]}: {meaning}"

    vi = "\n".join(line(term.word.vi, term.meaning.vi) for term in terms)
    en = "\n".join(line(term.word.en, term.meaning.en) for term in terms)
    return LocalText(vi, en)
