"""The village program (``kiosk village``) driven through its real screens into real databases."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QRect
from PySide6.QtWidgets import QApplication, QLabel, QPushButton, QScrollArea, QWidget
from sqlalchemy import func, select
from sqlalchemy.orm import selectinload

from kiosk.domain.clock import FixedClock
from kiosk.services.context import AppContext, bootstrap
from kiosk.services.demo import DEMO_PREFIX, seed_village_demo
from kiosk.storage.models import Helper
from kiosk.storage.village_models import HelpSession, VillageRecord
from tests.conftest import make_config
from tests.village.conftest import PLACE, Team, VillageAppFactory
from tests.village.village_app import VillageApp


def records(ctx: AppContext) -> list[VillageRecord]:
    with ctx.db.read() as session:
        return list(
            session.scalars(
                select(VillageRecord)
                .options(selectinload(VillageRecord.helpers), selectinload(VillageRecord.outcomes))
                .order_by(VillageRecord.id)
            )
        )


def record_count(ctx: AppContext) -> int:
    with ctx.db.read() as session:
        return int(session.scalar(select(func.count()).select_from(VillageRecord)) or 0)


def start_session(app: VillageApp, member_ids: list[int]) -> None:
    w = app.program.window
    app.tap(w.start.session_button)
    assert w.current_screen() is w.members
    for helper_id in member_ids:
        if str(helper_id) not in w.members.selected():
            app.choose(w.members, str(helper_id))
    app.tap(w.members.next)
    assert w.current_screen() is w.start


def test_a_volunteer_records_a_referral_during_a_help_session_and_it_reaches_the_commune(
    make_village_app: VillageAppFactory, village: AppContext, commune: AppContext, team: Team
) -> None:
    app = make_village_app(village)
    w = app.program.window
    assert w.current_screen() is w.start
    start_session(app, [team.head, team.youth])
    assert "2 người có mặt" in w.start.session_text.text()

    app.choose_helper(team.youth)  # tapped first: the lead
    app.choose_helper(team.head)
    assert w.start.grid.button(str(team.youth)).caption().startswith("Người chính")
    app.tap(w.start.next)
    app.choose(w.need, "vneid")
    assert not w.outcomes.next.isEnabled()
    app.choose(w.outcomes, "vneid_level2")
    app.choose(w.outcomes, "referred")
    app.tap(w.outcomes.next)
    procedure = w.procedure.grid.keys()[0]
    app.choose(w.procedure, procedure)  # a referral names its procedure
    assert w.current_screen() is w.note  # age band and sex are off for this commune
    w.note.note.setText("hẹn quay lại với con trai")
    app.tap(w.note.save)
    assert w.current_screen() is w.done
    assert w.done.title.text() == "Đã lưu"

    [record] = records(village)
    with village.db.read() as session:
        help_session = session.scalars(select(HelpSession)).one()
    assert record.place == PLACE
    assert record.help_session_id == help_session.id
    assert {(h.helper_id, h.part) for h in record.helpers} == {
        (team.youth, "lead"),
        (team.head, "support"),
    }
    assert record.need == "vneid"
    assert {o.outcome for o in record.outcomes} == {"vneid_level2", "referred"}
    assert record.procedure_code == procedure
    assert record.note == "hẹn quay lại với con trai"
    # The save started a sync in the background: the commune has the record, the strip says so.
    assert record_count(commune) == 1
    assert "0 lượt" in w.sync.waiting.text()
    assert w.sync.tone() == "ok"

    app.tap(w.done.next)
    assert w.current_screen() is w.start
    assert w.start.selected() == sorted(
        [str(team.head), str(team.youth)], key=w.start.grid.keys().index
    )


def test_ending_the_session_leaves_later_visits_outside_it(
    make_village_app: VillageAppFactory, village: AppContext, team: Team
) -> None:
    app = make_village_app(village)
    w = app.program.window
    start_session(app, [team.head])
    app.tap(w.start.session_button)
    assert w.current_screen() is w.end_session
    app.tap(w.end_session.next)
    assert w.current_screen() is w.start
    assert "Không có buổi hỗ trợ" in w.start.session_text.text()
    app.choose_helper(team.head)
    app.tap(w.start.next)
    app.choose(w.need, "information")
    app.choose(w.outcomes, "guided_only")
    app.tap(w.outcomes.next)
    app.tap(w.note.save)
    [record] = records(village)
    assert record.help_session_id is None
    with village.db.read() as session:
        assert session.scalars(select(HelpSession)).one().ended_at is not None


@pytest.mark.parametrize("commune_url", ["sqlite"], indirect=True)
def test_the_strip_shows_records_waiting_while_the_commune_is_away_and_zero_after_a_sync(
    make_village_app: VillageAppFactory,
    village: AppContext,
    commune: AppContext,
    team: Team,
    tmp_path: Path,
) -> None:
    folder = tmp_path / "commune"
    folder.rename(tmp_path / "commune-away")  # the commune's database cannot be opened
    app = make_village_app(village)
    w = app.program.window
    assert w.sync.tone() == "trouble"
    app.choose_helper(team.head)
    app.tap(w.start.next)
    app.choose(w.need, "online_payment")
    app.choose(w.outcomes, "paid_online")
    app.tap(w.outcomes.next)
    app.tap(w.note.save)
    assert "1 lượt" in w.sync.waiting.text()
    assert w.sync.tone() == "trouble"
    assert "Chưa gửi được" in w.sync.link.text()

    # The failed syncs left an empty database where the commune's was (refused: no schema).
    shutil.rmtree(folder)
    (tmp_path / "commune-away").rename(folder)  # the link is back
    app.tap(w.sync.send)
    assert record_count(commune) == 1
    assert "0 lượt" in w.sync.waiting.text()
    assert w.sync.tone() == "ok"
    assert "Xã nhận lần cuối lúc 09:00" in w.sync.link.text()


@pytest.fixture
def usb_village(tmp_path: Path, clock: FixedClock) -> Iterator[AppContext]:
    """A village PC with no network link to the commune, asking for age band and sex."""
    body = (
        f'[village]\nplace = "{PLACE}"\nkey_file = "{tmp_path / "village.key"}"\n'
        "record_age_band = true\nrecord_sex = true\n"
    )
    ctx = bootstrap(make_config(tmp_path, body), clock=clock)
    seed_village_demo(ctx)
    yield ctx
    ctx.db.dispose()


def test_without_a_network_link_the_age_band_and_sex_are_asked_and_the_strip_says_usb(
    make_village_app: VillageAppFactory, usb_village: AppContext
) -> None:
    app = make_village_app(usb_village, size=(1366, 768))
    w = app.program.window
    assert not w.sync.send.isVisible()
    assert "USB" in w.sync.link.text()
    assert "0 lượt" in w.sync.waiting.text()
    first, second = w.start.grid.keys()[:2]
    app.choose_helper(int(first))
    app.choose_helper(int(second))
    app.choose_helper(int(first))  # tapped off again: the second is now the lead
    app.tap(w.start.next)
    app.choose(w.need, "online_dossier")
    app.choose(w.outcomes, "submitted_online")
    app.tap(w.outcomes.next)
    assert w.current_screen() is w.age
    app.choose(w.age, "60_74")
    assert w.current_screen() is w.sex
    app.tap(w.sex.next)  # "skip": the visitor's sex is not recorded
    app.tap(w.note.save)
    [record] = records(usb_village)
    assert [(h.helper_id, h.part) for h in record.helpers] == [(int(second), "lead")]
    assert (record.age_band, record.sex) == ("60_74", None)
    assert "1 lượt" in w.sync.waiting.text()


def test_back_goes_one_step_back_and_nothing_is_saved(
    make_village_app: VillageAppFactory, usb_village: AppContext
) -> None:
    app = make_village_app(usb_village)
    w = app.program.window
    app.choose_helper(int(w.start.grid.keys()[0]))
    app.tap(w.start.next)
    app.choose(w.need, "vneid")
    app.tap(w.outcomes.back)
    assert w.current_screen() is w.need
    app.tap(w.need.back)
    assert w.current_screen() is w.start
    assert record_count(usb_village) == 0


def test_the_program_says_so_when_this_pc_is_not_a_village_point(
    make_village_app: VillageAppFactory, tmp_path: Path, clock: FixedClock
) -> None:
    ctx = bootstrap(make_config(tmp_path), clock=clock)
    app = make_village_app(ctx)
    w = app.program.window
    assert w.start.message.tone() == "danger"
    assert "điểm hỗ trợ thôn" in w.start.message.text.text()
    ctx.db.dispose()


def test_switching_to_english_changes_the_village_words(
    make_village_app: VillageAppFactory, usb_village: AppContext
) -> None:
    app = make_village_app(usb_village)
    w = app.program.window
    assert w.start.title.text() == "Ai hỗ trợ người dân?"
    app.tap(w.header.language_button)
    assert w.start.title.text() == "Who is helping?"
    assert w.header.language_button.text().strip() == "Tiếng Việt"  # names the other language
    assert w.header.large_text_button.text().strip() == "Large text"
    assert w.need.grid.button("vneid").label() == "VNeID account"
    assert "waiting" in w.sync.waiting.text()
    app.tap(w.header.language_button)
    assert w.start.title.text() == "Ai hỗ trợ người dân?"


def test_the_demo_village_seeds_its_team_once(usb_village: AppContext) -> None:
    assert seed_village_demo(usb_village) == 0  # the fixture seeded it already
    with usb_village.db.read() as session:
        names = session.scalars(select(Helper.name)).all()
    assert all(name.startswith(DEMO_PREFIX) for name in names)
    assert len(names) == 5


def test_the_village_demo_config_asks_everything_on_its_own_database(tmp_path: Path) -> None:
    from kiosk.cli_gui import VILLAGE_DEMO_DATABASE, village_demo_config

    config = make_config(tmp_path, '[village]\nserver_url = "postgresql://commune/kiosk"\n')
    demo = village_demo_config(config)
    assert demo.database_url.endswith(VILLAGE_DEMO_DATABASE)
    assert demo.village.place  # a village point even where the config names none
    assert demo.village.server_url == ""  # the demo never sends to a real commune
    assert demo.village.form.record_age_band and demo.village.form.record_sex


@pytest.mark.parametrize("size", [(1366, 768), (1920, 1080)], ids=lambda s: f"{s[0]}x{s[1]}")
def test_every_outcome_and_name_shows_without_scrolling_on_a_laptop_screen(
    make_village_app: VillageAppFactory, usb_village: AppContext, size: tuple[int, int]
) -> None:
    app = make_village_app(usb_village, size=size)
    w = app.program.window
    assert w.start.scroll_area.verticalScrollBar().maximum() == 0
    app.choose_helper(int(w.start.grid.keys()[0]))
    app.tap(w.start.next)
    app.choose(w.need, "vneid")
    assert len(w.outcomes.grid.keys()) == 11  # the seed's outcomes
    assert w.outcomes.scroll_area.verticalScrollBar().maximum() == 0
    for button in map(w.outcomes.grid.button, w.outcomes.grid.keys()):
        assert button.height() >= w.theme.min_target_px


def test_a_village_pc_without_a_roster_says_how_to_get_one(
    make_village_app: VillageAppFactory, tmp_path: Path, clock: FixedClock
) -> None:
    body = f'[village]\nplace = "{PLACE}"\nkey_file = "{tmp_path / "village.key"}"\n'
    ctx = bootstrap(make_config(tmp_path, body), clock=clock)
    app = make_village_app(ctx)
    w = app.program.window
    assert w.start.grid.keys() == []
    assert "kiosk village roster import" in w.start.message.text.text()
    assert not w.start.next.isEnabled()
    ctx.db.dispose()


def test_large_text_makes_the_choices_words_larger(
    make_village_app: VillageAppFactory, usb_village: AppContext
) -> None:
    app = make_village_app(usb_village, size=(1366, 768))
    w = app.program.window
    button = w.start.grid.button(w.start.grid.keys()[0])
    label = next(child for child in button.findChildren(QLabel) if child.text())
    before = label.fontInfo().pixelSize()
    app.tap(w.header.large_text_button)
    assert label.fontInfo().pixelSize() > before


def inside(widget: QWidget, window: QWidget) -> bool:
    """The widget's whole rectangle lies inside the window's."""
    top_left = widget.mapTo(window, widget.rect().topLeft())
    return window.rect().contains(QRect(top_left, widget.size()))


def scrolls(widget: QWidget, screen: QWidget) -> bool:
    """The widget sits in a scroll area of the screen (the choices)."""
    parent = widget.parentWidget()
    while parent is not None and parent is not screen:
        if isinstance(parent, QScrollArea):
            return True
        parent = parent.parentWidget()
    return False


def whole(label: QLabel) -> bool:
    """A wrapped label is as tall as its words need: nothing cut off."""
    return not label.isVisible() or label.height() >= label.heightForWidth(label.width())


@pytest.mark.parametrize(
    "size", [(1366, 768), (1280, 1024), (1920, 1080), (1080, 1920)], ids=lambda s: f"{s[0]}x{s[1]}"
)
@pytest.mark.parametrize("language", ["vi", "en"])
def test_every_step_keeps_its_buttons_and_words_whole_on_screen(
    make_village_app: VillageAppFactory,
    usb_village: AppContext,
    size: tuple[int, int],
    language: str,
) -> None:
    app = make_village_app(usb_village, size=size)
    w = app.program.window
    w.i18n.set_language(language)
    for screen in w.screens():
        w.show_screen(screen)
        QApplication.processEvents()
        buttons = [b for b in screen.findChildren(QPushButton) if b.isVisible()]
        assert buttons, screen
        fixed = [b for b in buttons if not scrolls(b, screen)]  # choices may scroll
        assert (screen.back if hasattr(screen, "back") else screen.next) in fixed, screen
        for button in fixed:
            assert inside(button, w), (screen, button.text())
        labels = [screen.title] if hasattr(screen, "title") else []
        assert all(whole(label) for label in labels), screen
    assert inside(w.sync, w)
    assert whole(w.sync.waiting) and whole(w.sync.link)
    assert w.start.next.height() >= w.theme.min_target_px


def test_a_visit_left_half_entered_is_dropped_when_idle_and_nothing_is_saved(
    make_village_app: VillageAppFactory, usb_village: AppContext
) -> None:
    app = make_village_app(usb_village)
    w = app.program.window
    controller = app.program.controller
    assert controller is not None
    controller.idle.timed_out.emit()  # on the start screen: nothing to drop, nothing said
    assert not w.start.message.isVisible()
    first = w.start.grid.keys()[0]
    app.choose_helper(int(first))
    app.tap(w.start.next)
    app.choose(w.need, "vneid")
    controller.idle.timed_out.emit()  # what the watcher does after two minutes untouched
    assert w.current_screen() is w.start
    assert "chưa lưu gì" in w.start.message.text.text()
    assert w.start.selected() == [first]  # the names stay for the next visitor
    assert record_count(usb_village) == 0


def test_the_saved_screen_fits_every_outcome_ticked_in_large_text_on_a_laptop(
    make_village_app: VillageAppFactory, usb_village: AppContext
) -> None:
    app = make_village_app(usb_village, size=(1366, 768))
    w = app.program.window
    app.tap(w.header.large_text_button)
    for key in w.start.grid.keys()[:2]:
        app.choose_helper(int(key))
    app.tap(w.start.next)
    app.choose(w.need, "vneid")
    offered = w.outcomes.grid.keys()
    for key in offered:
        if key != "referred":
            app.choose(w.outcomes, key)
    app.tap(w.outcomes.next)
    app.choose(w.age, "75_plus")
    app.choose(w.sex, "female")
    app.tap(w.note.save)
    assert w.current_screen() is w.done
    QApplication.processEvents()
    assert whole(w.done.summary) and whole(w.done.title)
    assert inside(w.done.next, w) and inside(w.done.title, w)
