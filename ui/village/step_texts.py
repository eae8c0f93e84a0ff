"""The words of every village step (titles, hints, buttons) in the current language."""

from __future__ import annotations

from ui.i18n import translate
from ui.village.window import VillageWindow


def set_step_texts(w: VillageWindow) -> None:
    """Give each step its question and its buttons' words (choices come from the core)."""
    back = translate("VillageFlow", "Quay lại")
    w.start.set_texts(
        title=translate("VillageFlow", "Ai hỗ trợ người dân?"),
        hint=translate("VillageFlow", "Bấm tên mình. Người bấm đầu tiên là người chính."),
        back=translate("VillageFlow", "Bỏ chọn"),
        next_text=translate("VillageFlow", "Tiếp tục"),
    )
    w.need.set_texts(title=translate("VillageFlow", "Người dân cần gì?"), hint="", back=back)
    w.outcomes.set_texts(
        # The hint sits in the title: a laptop's 768 lines then show all eleven outcomes.
        title=translate("VillageFlow", "Kết quả thế nào? (chọn một hoặc nhiều)"),
        hint="",
        back=back,
        next_text=translate("VillageFlow", "Tiếp tục"),
    )
    w.procedure.set_texts(
        title=translate("VillageFlow", "Chuyển đến xã để làm thủ tục nào?"),
        hint="",
        back=back,
    )
    skip = translate("VillageFlow", "Bỏ qua")
    w.age.set_texts(
        title=translate("VillageFlow", "Người dân bao nhiêu tuổi?"),
        hint=translate("VillageFlow", "Không bắt buộc."),
        back=back,
        next_text=skip,
    )
    w.sex.set_texts(
        title=translate("VillageFlow", "Người dân là nam hay nữ?"),
        hint=translate("VillageFlow", "Không bắt buộc."),
        back=back,
        next_text=skip,
    )
    for optional in (w.age, w.sex):
        optional.set_next_tone("neutral")  # skipping is allowed, not the suggested answer
    w.note.set_texts(
        title=translate("VillageFlow", "Kiểm tra rồi bấm Lưu"),
        note_title=translate("VillageFlow", "Ghi chú (không bắt buộc, không ghi họ tên):"),
        placeholder=translate("VillageFlow", "Ví dụ: hẹn quay lại với giấy tờ"),
        back=back,
        save=translate("VillageFlow", "Lưu"),
    )
    w.members.set_texts(
        title=translate("VillageFlow", "Ai có mặt ở buổi hỗ trợ?"),
        hint=translate("VillageFlow", "Chọn các thành viên của tổ có mặt hôm nay."),
        back=back,
        next_text=translate("VillageFlow", "Bắt đầu buổi"),
    )
    w.end_session.set_texts(
        title=translate("VillageFlow", "Kết thúc buổi hỗ trợ?"),
        hint=translate("VillageFlow", "Các lượt ghi sau đó không còn thuộc buổi hỗ trợ này."),
        back=back,
        next_text=translate("VillageFlow", "Kết thúc buổi"),
    )
