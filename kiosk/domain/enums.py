"""The closed vocabularies of the domain: ticket states, outcomes, roles, channels."""

from enum import StrEnum


class TicketStatus(StrEnum):
    """Where a ticket is on its journey."""

    WAITING = "waiting"
    CALLED = "called"
    SERVING = "serving"
    DONE = "done"
    NO_SHOW = "no_show"
    CANCELLED = "cancelled"
    NOT_SERVED_AT_CLOSING = "not_served_at_closing"


OPEN_STATUSES = frozenset({TicketStatus.WAITING, TicketStatus.CALLED, TicketStatus.SERVING})


class Outcome(StrEnum):
    """What came of a visit; a visit records one or more."""

    DOSSIER_RECEIVED = "dossier_received"
    SUBMITTED_ONLINE = "submitted_online"
    PAID_ONLINE = "paid_online"
    VNEID_CHECKED = "vneid_checked"
    GUIDED_ONLY = "guided_only"
    REFERRED = "referred"
    MISSING_PAPERS = "missing_papers"


OUTCOME_LABELS: dict[Outcome, tuple[str, str]] = {
    Outcome.DOSSIER_RECEIVED: ("Đã tiếp nhận hồ sơ tại quầy", "Dossier received at the desk"),
    Outcome.SUBMITTED_ONLINE: (
        "Đã nộp hồ sơ trực tuyến có hỗ trợ",
        "Dossier submitted online with help",
    ),
    Outcome.PAID_ONLINE: ("Đã thanh toán trực tuyến", "Online payment made"),
    Outcome.VNEID_CHECKED: (
        "Đã kiểm tra/kích hoạt tài khoản VNeID",
        "VNeID account checked or activated",
    ),
    Outcome.GUIDED_ONLY: ("Chỉ hướng dẫn", "Guided only"),
    Outcome.REFERRED: ("Chuyển nơi khác giải quyết", "Referred elsewhere"),
    Outcome.MISSING_PAPERS: ("Thiếu giấy tờ, hẹn quay lại", "Missing papers, come back"),
}


class HelperKind(StrEnum):
    """Staff sign in with a PIN; volunteers are credited but never sign in."""

    STAFF = "staff"
    VOLUNTEER = "volunteer"


class HelperRole(StrEnum):
    """What a helper does; summaries group by it."""

    DESK_OFFICER = "desk_officer"
    DIGITAL_TEAM = "digital_team"
    TEACHER = "teacher"
    YOUTH_UNION = "youth_union"
    WOMENS_UNION = "womens_union"
    VILLAGE_HEAD = "village_head"
    PARTY_SECRETARY = "party_secretary"
    MANAGER = "manager"
    OTHER_VOLUNTEER = "other_volunteer"


HELPER_ROLE_LABELS: dict[HelperRole, tuple[str, str]] = {
    HelperRole.DESK_OFFICER: ("Cán bộ một cửa", "Desk officer"),
    HelperRole.DIGITAL_TEAM: ("Tổ công nghệ số cộng đồng", "Digital technology team"),
    HelperRole.TEACHER: ("Giáo viên", "Teacher"),
    HelperRole.YOUTH_UNION: ("Đoàn thanh niên", "Youth union"),
    HelperRole.WOMENS_UNION: ("Hội phụ nữ", "Women's union"),
    HelperRole.VILLAGE_HEAD: ("Trưởng thôn", "Village head"),
    HelperRole.PARTY_SECRETARY: ("Bí thư chi bộ", "Party secretary"),
    HelperRole.MANAGER: ("Lãnh đạo", "Manager"),
    HelperRole.OTHER_VOLUNTEER: ("Tình nguyện viên khác", "Other volunteer"),
}


class RoleGroup(StrEnum):
    """The three groups managers compare: staff, the digital team, other volunteers."""

    STAFF = "staff"
    DIGITAL_TEAM = "digital_team"
    OTHER_VOLUNTEERS = "other_volunteers"


def role_group(kind: HelperKind, role: HelperRole) -> RoleGroup:
    """Which summary group a helper's work counts under."""
    if kind is HelperKind.STAFF:
        return RoleGroup.STAFF
    if role is HelperRole.DIGITAL_TEAM:
        return RoleGroup.DIGITAL_TEAM
    return RoleGroup.OTHER_VOLUNTEERS


class HelperPart(StrEnum):
    """A helper's part in one visit."""

    LEAD = "lead"
    SUPPORT = "support"


class Channel(StrEnum):
    """Where help was given."""

    DESK = "desk"
    VILLAGE_POINT = "village_point"


class PriorityMode(StrEnum):
    """How priority tickets are mixed with regular ones when a desk calls next."""

    STRICT = "strict"
    RATIO = "ratio"


class AlertKind(StrEnum):
    """Why a desk is alerted."""

    HELP_REQUESTED = "help_requested"
    PRINTER_TROUBLE = "printer_trouble"
    # The kiosk cannot write tickets (a read-only or full disk, a refused write): it tells
    # visitors to go to a counter until it can again.
    KIOSK_PAUSED = "kiosk_paused"
