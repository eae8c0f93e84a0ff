"""Signed village files: a changed or cut-short file is refused, and says which."""

from __future__ import annotations

import pytest

from kiosk.domain.errors import ErrorCode
from kiosk.domain.signed_file import (
    EmptyFileError,
    NotAVillageFileError,
    OtherKeyError,
    SignedFileError,
    SigningKey,
    TamperedFileError,
    TruncatedFileError,
    WrongKindError,
    key_file_text,
    open_sealed,
    parse_key_file,
    seal,
)

KEY = SigningKey(bytes(range(32)))
PAYLOAD = {"records": [{"uid": "a", "place": "Nhà văn hóa thôn Đông", "note": "ghi chú\nhai dòng"}]}


def sealed() -> bytes:
    return seal("records", PAYLOAD, KEY, created_at="2026-11-23T02:00:00+00:00")


def test_a_sealed_file_opens_with_its_payload_intact() -> None:
    opened = open_sealed(sealed(), KEY, kind="records")
    assert opened.payload == PAYLOAD
    assert opened.created_at == "2026-11-23T02:00:00+00:00"


def test_the_payload_is_one_readable_line_of_utf8() -> None:
    lines = sealed().decode("utf-8").split("\n")
    assert len(lines) == 5 and lines[-1] == ""  # magic, header, payload, signature
    assert "Nhà văn hóa thôn Đông" in lines[2]


def test_changing_any_byte_of_the_content_is_refused_as_tampering() -> None:
    data = sealed()
    payload_start = data.index(b'{"records"')
    for position in range(payload_start, payload_start + 40):
        changed = bytearray(data)
        changed[position] ^= 0x01
        with pytest.raises(TamperedFileError):
            open_sealed(bytes(changed), KEY, kind="records")


def test_a_record_edited_to_a_different_length_is_refused_as_tampering() -> None:
    data = sealed().replace(
        b"th\xc3\xb4n \xc4\x90\xc3\xb4ng", b"th\xc3\xb4n T\xc3\xa2y kh\xc3\xa1c"
    )
    with pytest.raises(TamperedFileError) as caught:
        open_sealed(data, KEY, kind="records")
    assert "changed after export" in str(caught.value)


def test_every_cut_short_copy_is_refused_and_none_is_accepted() -> None:
    data = sealed()
    header_end = data.index(b"\n", data.index(b"\n") + 1)
    for length in range(1, len(data)):
        with pytest.raises(SignedFileError) as caught:
            open_sealed(data[:length], KEY, kind="records")
        if length > header_end:
            assert caught.value.code is ErrorCode.VILLAGE_FILE_TRUNCATED, length


def test_a_cut_inside_the_content_reports_how_much_is_present() -> None:
    data = sealed()
    with pytest.raises(TruncatedFileError) as caught:
        open_sealed(data[:150], KEY, kind="records")
    assert "cut short" in str(caught.value) and "bytes of content present" in str(caught.value)


def test_a_file_signed_with_another_communes_key_names_both_keys() -> None:
    other = SigningKey(bytes(32))
    with pytest.raises(OtherKeyError) as caught:
        open_sealed(sealed(), other, kind="records")
    assert KEY.key_id in str(caught.value) and other.key_id in str(caught.value)


def test_a_roster_file_is_not_taken_for_records() -> None:
    roster = seal("roster", {"helpers": []}, KEY, created_at="2026-11-23T02:00:00+00:00")
    with pytest.raises(WrongKindError) as caught:
        open_sealed(roster, KEY, kind="records")
    assert "roster file, not a records file" in str(caught.value)


@pytest.mark.parametrize(
    ("data", "error"),
    [
        (b"", EmptyFileError),
        (b"  \n", EmptyFileError),
        (b"Ngay,Noi\n2026-11-23,Thon\n", NotAVillageFileError),
        (b"commune-kiosk village file 9\n{}\n", NotAVillageFileError),
        (b"commune-kiosk village file 1\nnot json\nx\nhmac-sha256 00\n", SignedFileError),
    ],
)
def test_files_that_are_not_village_files_are_refused(
    data: bytes, error: type[SignedFileError]
) -> None:
    with pytest.raises(error):
        open_sealed(data, KEY, kind="records")


def test_a_key_file_round_trips_and_an_edited_one_is_refused() -> None:
    text = key_file_text(KEY, commune="Xã Đức Phong")
    assert parse_key_file(text) == KEY
    with pytest.raises(ValueError, match="key_id"):
        parse_key_file(text.replace(KEY.secret.hex()[:2], "ff", 1))
    with pytest.raises(ValueError, match="64 hexadecimal"):
        parse_key_file('key = "abc"\n')
