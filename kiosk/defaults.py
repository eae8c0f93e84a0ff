"""The built-in configuration a fresh install starts with (no config file needed).

Line and procedure names follow ../shared/domain (FACTS.md §1); each commune edits them in its
config file. Procedure codes match the guide folders in data/guides.
"""

from __future__ import annotations

from typing import Any

DESK_NAME = "Trung tâm Phục vụ hành chính công"

# Mon-Fri 07:00-11:30 and 13:30-17:00, Saturday morning: one commune's published hours
# (FACTS.md §2.5); every commune sets its own.
OPENING_HOURS: dict[str, list[str]] = {
    "mon": ["07:00-11:30", "13:30-17:00"],
    "tue": ["07:00-11:30", "13:30-17:00"],
    "wed": ["07:00-11:30", "13:30-17:00"],
    "thu": ["07:00-11:30", "13:30-17:00"],
    "fri": ["07:00-11:30", "13:30-17:00"],
    "sat": ["07:00-11:30"],
    "sun": [],
}

# Default priority groups (FACTS.md §2.3): no national rule exists; each commune may change them.
PRIORITY_GROUPS: list[dict[str, str]] = [
    {"code": "elderly", "vi": "Người cao tuổi (từ 60 tuổi)", "en": "Older person (60 or over)"},
    {"code": "disability", "vi": "Người khuyết tật", "en": "Person with a disability"},
    {"code": "pregnant", "vi": "Phụ nữ mang thai", "en": "Pregnant woman"},
    {"code": "small_child", "vi": "Người đi cùng trẻ nhỏ", "en": "With a small child"},
    {"code": "merit", "vi": "Người có công với cách mạng", "en": "Person of merit (người có công)"},
]


def _proc(code: str, vi: str, en: str) -> dict[str, str]:
    return {"code": code, "vi": vi, "en": en}


LINES: list[dict[str, Any]] = [
    {
        "code": "A",
        "vi": "Hộ tịch",
        "en": "Civil status",
        "procedures": [
            _proc("khai-sinh", "Đăng ký khai sinh", "Birth registration"),
            _proc("ket-hon", "Đăng ký kết hôn", "Marriage registration"),
            _proc("khai-tu", "Đăng ký khai tử", "Death registration"),
            _proc(
                "lien-thong-khai-tu",
                "Liên thông khai tử, mai táng phí, tử tuất",
                "Linked death service: funeral and survivor benefits",
            ),
            _proc(
                "xac-nhan-tinh-trang-hon-nhan",
                "Xác nhận tình trạng hôn nhân",
                "Confirmation of marital status",
            ),
            _proc("trich-luc-ho-tich", "Trích lục hộ tịch", "Civil-status extract"),
            _proc(
                "thay-doi-cai-chinh-ho-tich",
                "Thay đổi, cải chính, bổ sung hộ tịch",
                "Changing or correcting civil-status details",
            ),
            _proc(
                "khai-sinh-nhan-cha-me-con",
                "Khai sinh kết hợp nhận cha, mẹ, con",
                "Birth registration with acknowledging a parent",
            ),
            _proc("dang-ky-lai-khai-sinh", "Đăng ký lại khai sinh", "Re-registering a birth"),
        ],
    },
    {
        "code": "B",
        "vi": "Chứng thực",
        "en": "Certification",
        "procedures": [
            _proc("chung-thuc-ban-sao", "Chứng thực bản sao", "Certified copies"),
            _proc("chung-thuc-chu-ky", "Chứng thực chữ ký", "Signature certification"),
            _proc(
                "chung-thuc-hop-dong",
                "Chứng thực hợp đồng, giao dịch",
                "Certifying a contract or transaction",
            ),
        ],
    },
    {
        "code": "C",
        "vi": "Đất đai",
        "en": "Land",
        "procedures": [
            _proc(
                "dang-ky-bien-dong-dat-dai",
                "Sang tên đất: mua bán, tặng cho, thừa kế",
                "Transferring land: sale, gift or inheritance",
            ),
            _proc(
                "dang-ky-dat-dai-lan-dau",
                "Đăng ký đất đai, cấp Giấy chứng nhận lần đầu",
                "First land registration and certificate",
            ),
            _proc(
                "hoa-giai-tranh-chap-dat-dai",
                "Hòa giải tranh chấp đất đai",
                "Conciliating a land dispute",
            ),
        ],
    },
    {
        "code": "D",
        "vi": "Chính sách xã hội",
        "en": "Social policy",
        "procedures": [
            _proc("tro-cap-xa-hoi", "Trợ cấp xã hội hằng tháng", "Monthly social allowance"),
            _proc("xac-dinh-khuyet-tat", "Xác định mức độ khuyết tật", "Assessing a disability"),
        ],
    },
    {
        "code": "E",
        "vi": "Dịch vụ công trực tuyến và VNeID",
        "en": "Online services and VNeID",
        "procedures": [
            _proc("kich-hoat-vneid", "Kích hoạt tài khoản VNeID", "Activate a VNeID account"),
            _proc(
                "nop-ho-so-truc-tuyen",
                "Nộp hồ sơ trực tuyến",
                "Submit a dossier online",
            ),
            _proc("thanh-toan-truc-tuyen", "Thanh toán trực tuyến", "Pay fees online"),
            _proc("tra-cuu-ho-so", "Tra cứu hồ sơ", "Look up a dossier"),
            _proc("cu-tru", "Đăng ký cư trú (Công an xã)", "Residence registration (police)"),
            _proc("luu-tru", "Thông báo lưu trú (Công an xã)", "Notifying a stay (police)"),
            _proc("tam-vang", "Khai báo tạm vắng (Công an xã)", "Declaring an absence (police)"),
        ],
    },
]

COUNTERS: list[dict[str, Any]] = [
    {"number": 1, "name": "Quầy 1", "lines": ["A", "B"]},
    {"number": 2, "name": "Quầy 2", "lines": ["A", "C", "D"]},
    {"number": 3, "name": "Quầy 3 - Tổ công nghệ số", "lines": ["E"]},
]

# The demo staff member's exit PIN, which `kiosk demo` prints (6 digits: the demo desk signs its
# manager in with it too). Here, not in kiosk.services.demo, so `kiosk demo` can print it
# before its first frame without loading the database layer.
DEMO_STAFF_PIN = "246802"
