"""Village records on a USB stick: signed, refused when changed or cut short, imported once."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import func, select

from kiosk.domain.errors import AuthError
from kiosk.domain.signed_file import OtherKeyError, TamperedFileError, TruncatedFileError
from kiosk.domain.visits import HelperCredit
from kiosk.services.context import CLI_ACTOR, Actor, AppContext
from kiosk.services.helpers import add_helper
from kiosk.services.village import open_help_session, record_village_visit
from kiosk.services.village_files import export_records, import_records
from kiosk.services.village_roster import export_roster, import_roster
from kiosk.services.village_setup import VillageSetupError, create_key, village_status
from kiosk.services.village_sync import sync_village
from kiosk.storage.village_models import VillageRecord
from tests.village.conftest import PLACE, Team


def record_some(village: AppContext, team: Team, count: int) -> None:
    for _ in range(count):
        record_village_visit(
            village,
            place=PLACE,
            helpers=[HelperCredit(team.head), HelperCredit(team.youth)],
            need="online_dossier",
            outcomes=["submitted_online"],
            note='=HYPERLINK("http://x")',
            actor=CLI_ACTOR,
        )


def commune_records(commune: AppContext) -> int:
    with commune.db.read() as session:
        return int(session.scalar(select(func.count()).select_from(VillageRecord)) or 0)


def test_an_export_file_imported_twice_adds_its_records_once(
    village: AppContext, commune: AppContext, team: Team, tmp_path: Path
) -> None:
    open_help_session(village, place=PLACE, member_ids=[team.head], actor=CLI_ACTOR)
    record_some(village, team, 30)
    exported = export_records(village, tmp_path / "usb.kiosk-village", actor=CLI_ACTOR)
    assert (exported.records, exported.sessions) == (30, 1)
    first = import_records(commune, exported.path, actor=CLI_ACTOR)
    assert (first.records_added, first.records_known, first.sessions_added) == (30, 0, 1)
    second = import_records(commune, exported.path, actor=CLI_ACTOR)
    assert (second.records_added, second.records_known, second.sessions_added) == (0, 30, 0)
    assert commune_records(commune) == 30
    # An export marks nothing sent: the next file repeats them, and the import still adds 0.
    assert village_status(village).pending_records == 30
    record_some(village, team, 5)
    later = export_records(village, tmp_path / "later.kiosk-village", actor=CLI_ACTOR)
    assert import_records(commune, later.path, actor=CLI_ACTOR).records_added == 5
    assert commune_records(commune) == 35
    # Then the network: the commune already has them all.
    result = sync_village(village, actor=CLI_ACTOR)
    assert (result.records_sent, result.records_already_there) == (0, 35)


def test_a_tampered_file_is_refused_and_adds_nothing(
    village: AppContext, commune: AppContext, team: Team, tmp_path: Path
) -> None:
    record_some(village, team, 3)
    path = export_records(village, tmp_path / "usb.kiosk-village", actor=CLI_ACTOR).path
    data = path.read_bytes()
    path.write_bytes(data.replace(b'"online_dossier"', b'"online_dossieR"', 1))
    with pytest.raises(TamperedFileError, match="changed after export"):
        import_records(commune, path, actor=CLI_ACTOR)
    assert commune_records(commune) == 0


def test_a_truncated_file_is_refused_and_adds_nothing(
    village: AppContext, commune: AppContext, team: Team, tmp_path: Path
) -> None:
    record_some(village, team, 3)
    path = export_records(village, tmp_path / "usb.kiosk-village", actor=CLI_ACTOR).path
    path.write_bytes(path.read_bytes()[:-40])
    with pytest.raises(TruncatedFileError, match="cut short"):
        import_records(commune, path, actor=CLI_ACTOR)
    assert commune_records(commune) == 0


def test_a_file_from_a_village_pc_with_another_key_is_refused(
    village: AppContext, commune: AppContext, team: Team, tmp_path: Path
) -> None:
    record_some(village, team, 1)
    create_key(commune, actor=CLI_ACTOR, replace=True)  # the commune made a new key
    path = export_records(village, tmp_path / "usb.kiosk-village", actor=CLI_ACTOR).path
    with pytest.raises(OtherKeyError, match="another commune"):
        import_records(commune, path, actor=CLI_ACTOR)


def test_records_are_imported_at_the_commune_and_rosters_installed_at_villages(
    village: AppContext, commune: AppContext, tmp_path: Path
) -> None:
    path = export_records(village, tmp_path / "usb.kiosk-village", actor=CLI_ACTOR).path
    with pytest.raises(VillageSetupError, match="commune PC"):
        import_records(village, path, actor=CLI_ACTOR)
    with pytest.raises(VillageSetupError, match="commune PC"):
        export_roster(village, tmp_path / "roster", actor=CLI_ACTOR)
    with pytest.raises(VillageSetupError, match="not a village point"):
        export_records(commune, tmp_path / "x", actor=CLI_ACTOR)


def test_only_a_manager_may_move_village_files(
    village: AppContext, commune: AppContext, team: Team, tmp_path: Path
) -> None:
    path = export_records(village, tmp_path / "usb.kiosk-village", actor=CLI_ACTOR).path
    officer = Actor("Lê Văn Cường", team.officer)
    with pytest.raises(AuthError, match="manager"):
        import_records(commune, path, actor=officer)
    manager = add_helper(commune, name="Chủ tịch", kind="staff", role="manager", actor=CLI_ACTOR)
    import_records(commune, path, actor=Actor("Chủ tịch", manager.id))


def test_an_older_roster_file_does_not_undo_a_newer_one(
    village: AppContext, commune: AppContext, tmp_path: Path, clock
) -> None:  # type: ignore[no-untyped-def]
    old = tmp_path / "old.kiosk-village"
    export_roster(commune, old, actor=CLI_ACTOR)
    clock.advance(days=1)
    add_helper(commune, name="Mới", kind="volunteer", role="teacher", actor=CLI_ACTOR)
    new = tmp_path / "new.kiosk-village"
    export_roster(commune, new, actor=CLI_ACTOR)
    assert import_roster(village, new, actor=CLI_ACTOR)
    assert not import_roster(village, new, actor=CLI_ACTOR)
    with pytest.raises(VillageSetupError, match="newer"):
        import_roster(village, old, actor=CLI_ACTOR)


def test_a_failed_write_leaves_no_partial_file(village: AppContext, tmp_path: Path) -> None:
    from kiosk.services.village_files import VillageFileError

    with pytest.raises(VillageFileError, match="Cannot write"):
        export_records(village, tmp_path / "no" / "such" / "folder.kv", actor=CLI_ACTOR)
    assert not list(tmp_path.glob("**/*.part"))


def test_a_roster_with_a_role_this_version_does_not_know_is_refused(
    village: AppContext, commune: AppContext, tmp_path: Path
) -> None:
    from kiosk.domain.json_fields import JsonFieldError
    from kiosk.domain.signed_file import open_sealed, seal
    from kiosk.services.village_setup import load_key

    path = tmp_path / "roster.kiosk-village"
    export_roster(commune, path, actor=CLI_ACTOR)
    key = load_key(commune)
    opened = open_sealed(path.read_bytes(), key, kind="roster")
    opened.payload["helpers"][0]["role"] = "astronaut"
    path.write_bytes(seal("roster", opened.payload, key, created_at="2099-01-01T00:00:00+00:00"))
    with pytest.raises(JsonFieldError, match=r"helper 1: role: expected one of .*desk_officer"):
        import_roster(village, path, actor=CLI_ACTOR)
