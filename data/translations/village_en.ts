<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="vi">
<context>
    <name>VillageController</name>
    <message>
        <source>Lượt đang ghi dở đã bỏ vì lâu không bấm; chưa lưu gì.</source>
        <translation>The visit left half entered was dropped after a long pause; nothing was saved.</translation>
    </message>
</context>
<context>
    <name>VillageFlow</name>
    <message>
        <source>Chưa có danh sách người hỗ trợ. Cán bộ kỹ thuật cài danh sách của xã: kiosk village roster import FILE, hoặc kiosk village sync.</source>
        <translation>No helper roster yet. The IT helper installs the commune&apos;s roster: kiosk village roster import FILE, or kiosk village sync.</translation>
    </message>
    <message>
        <source>Quay lại</source>
        <translation>Back</translation>
    </message>
    <message>
        <source>Ai hỗ trợ người dân?</source>
        <translation>Who is helping?</translation>
    </message>
    <message>
        <source>Bấm tên mình. Người bấm đầu tiên là người chính.</source>
        <translation>Tap your name. The first name tapped leads.</translation>
    </message>
    <message>
        <source>Bỏ chọn</source>
        <translation>Clear</translation>
    </message>
    <message>
        <source>Tiếp tục</source>
        <translation>Next</translation>
    </message>
    <message>
        <source>Người dân cần gì?</source>
        <translation>What did the visitor need?</translation>
    </message>
    <message>
        <source>Kết quả thế nào? (chọn một hoặc nhiều)</source>
        <translation>What came of it? (one or more)</translation>
    </message>
    <message>
        <source>Chuyển đến xã để làm thủ tục nào?</source>
        <translation>Referred to the commune for which procedure?</translation>
    </message>
    <message>
        <source>Bỏ qua</source>
        <translation>Skip</translation>
    </message>
    <message>
        <source>Người dân bao nhiêu tuổi?</source>
        <translation>How old is the visitor?</translation>
    </message>
    <message>
        <source>Không bắt buộc.</source>
        <translation>Optional.</translation>
    </message>
    <message>
        <source>Người dân là nam hay nữ?</source>
        <translation>Is the visitor male or female?</translation>
    </message>
    <message>
        <source>Kiểm tra rồi bấm Lưu</source>
        <translation>Check, then tap Save</translation>
    </message>
    <message>
        <source>Ghi chú (không bắt buộc, không ghi họ tên):</source>
        <translation>Note (optional, never a name):</translation>
    </message>
    <message>
        <source>Ví dụ: hẹn quay lại với giấy tờ</source>
        <translation>E.g. will come back with the papers</translation>
    </message>
    <message>
        <source>Lưu</source>
        <translation>Save</translation>
    </message>
    <message>
        <source>Ai có mặt ở buổi hỗ trợ?</source>
        <translation>Who is at the help session?</translation>
    </message>
    <message>
        <source>Chọn các thành viên của tổ có mặt hôm nay.</source>
        <translation>Choose the team members present today.</translation>
    </message>
    <message>
        <source>Bắt đầu buổi</source>
        <translation>Start the session</translation>
    </message>
    <message>
        <source>Kết thúc buổi hỗ trợ?</source>
        <translation>End the help session?</translation>
    </message>
    <message>
        <source>Các lượt ghi sau đó không còn thuộc buổi hỗ trợ này.</source>
        <translation>Visits recorded afterwards no longer belong to this session.</translation>
    </message>
    <message>
        <source>Kết thúc buổi</source>
        <translation>End the session</translation>
    </message>
    <message>
        <source>Người chính</source>
        <translation>Lead</translation>
    </message>
    <message>
        <source>Hỗ trợ thêm</source>
        <translation>Support</translation>
    </message>
    <message>
        <source>Không có buổi hỗ trợ nào đang diễn ra.</source>
        <translation>No help session is under way.</translation>
    </message>
    <message>
        <source>Bắt đầu buổi hỗ trợ</source>
        <translation>Start a help session</translation>
    </message>
    <message>
        <source>Buổi hỗ trợ từ {time}, {count} người có mặt. Các lượt ghi thuộc buổi này.</source>
        <translation>Help session since {time}, {count} present. Visits recorded belong to it.</translation>
    </message>
    <message>
        <source>Đã lưu</source>
        <translation>Saved</translation>
    </message>
    <message>
        <source>Ghi lượt tiếp theo</source>
        <translation>Record the next visitor</translation>
    </message>
</context>
<context>
    <name>VillageSync</name>
    <message>
        <source>Máy chủ của xã trả lời quá chậm; sẽ thử lại sau.</source>
        <translation>The commune&apos;s server answers too slowly; trying again later.</translation>
    </message>
    <message>
        <source>Đang đọc…</source>
        <translation>Reading…</translation>
    </message>
    <message>
        <source>Chờ gửi về xã: {count} lượt</source>
        <translation>Visits waiting for the commune: {count}</translation>
    </message>
    <message>
        <source>Đang gửi…</source>
        <translation>Sending…</translation>
    </message>
    <message>
        <source>Gửi ngay</source>
        <translation>Send now</translation>
    </message>
    <message>
        <source>Xã nhận lần cuối lúc {time}.</source>
        <translation>The commune last received a visit at {time}.</translation>
    </message>
    <message>
        <source>Máy này không nối mạng với xã: chép bằng USB (kiosk village export).</source>
        <translation>This PC has no network link to the commune: carry the visits on a USB stick (kiosk village export).</translation>
    </message>
    <message>
        <source>Chưa gửi được: {reason}</source>
        <translation>Not sent yet: {reason}</translation>
    </message>
    <message>
        <source>Chưa gửi lần nào.</source>
        <translation>Nothing sent yet.</translation>
    </message>
    <message>
        <source>Lần gửi lúc {time} không được.</source>
        <translation>The send at {time} failed.</translation>
    </message>
    <message>
        <source>Đã kết nối với xã lúc {time}.</source>
        <translation>Reached the commune at {time}.</translation>
    </message>
</context>
<context>
    <name>VillageWindow</name>
    <message>
        <source>Điểm hỗ trợ thôn</source>
        <translation>Village point</translation>
    </message>
    <message>
        <source>Chữ to</source>
        <translation>Large text</translation>
    </message>
</context>
</TS>
