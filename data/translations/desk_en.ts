<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="vi">
    <context>
        <name>CounterScreen</name>
        <message>
            <source>Chọn quầy bạn làm việc hôm nay</source>
            <translation>Choose the counter you work at today</translation>
        </message>
        <message>
            <source>Đăng xuất</source>
            <translation>Sign out</translation>
        </message>
        <message>
            <source>đang có người đăng nhập</source>
            <translation>someone is signed in</translation>
        </message>
    </context>
    <context>
        <name>CurrentPanel</name>
        <message>
            <source>Gọi số tiếp theo</source>
            <translation>Call next</translation>
        </message>
        <message>
            <source>Gọi lại</source>
            <translation>Call again</translation>
        </message>
        <message>
            <source>Khách đã đến</source>
            <translation>Visitor is here</translation>
        </message>
        <message>
            <source>Hoàn thành…</source>
            <translation>Finish…</translation>
        </message>
        <message>
            <source>Vắng mặt</source>
            <translation>No-show</translation>
        </message>
        <message>
            <source>Chuyển hàng…</source>
            <translation>Move to line…</translation>
        </message>
        <message>
            <source>Huỷ số</source>
            <translation>Cancel ticket</translation>
        </message>
        <message>
            <source>In lại số</source>
            <translation>Reprint ticket</translation>
        </message>
        <message>
            <source>Số đang phục vụ tại quầy</source>
            <translation>Ticket at this counter</translation>
        </message>
    </context>
    <context>
        <name>DeskTexts</name>
        <message>
            <source>chờ {minutes} phút</source>
            <translation>waiting {minutes} min</translation>
        </message>
        <message>
            <source>Ưu tiên: {group}</source>
            <translation>Priority: {group}</translation>
        </message>
        <message>
            <source>Ưu tiên</source>
            <translation>Priority</translation>
        </message>
        <message>
            <source>Đang phục vụ</source>
            <translation>Being served</translation>
        </message>
        <message>
            <source>Đã gọi lúc {time}</source>
            <translation>Called at {time}</translation>
        </message>
        <message>
            <source>gọi lại {count} lần</source>
            <translation>called again {count}×</translation>
        </message>
        <message>
            <source>Đang chờ</source>
            <translation>Waiting</translation>
        </message>
        <message>
            <source>Đã xong</source>
            <translation>Done</translation>
        </message>
        <message>
            <source>Vắng mặt</source>
            <translation>No-show</translation>
        </message>
        <message>
            <source>Đã huỷ</source>
            <translation>Cancelled</translation>
        </message>
        <message>
            <source>Hết giờ, chưa phục vụ</source>
            <translation>Not served before closing</translation>
        </message>
        <message>
            <source>Quầy {number}</source>
            <translation>Counter {number}</translation>
        </message>
    </context>
    <context>
        <name>DeskWindow</name>
        <message>
            <source>Quầy tiếp dân</source>
            <translation>Desk console</translation>
        </message>
        <message>
            <source>Chữ to</source>
            <translation>Large text</translation>
        </message>
    </context>
    <context>
        <name>DisplayController</name>
        <message>
            <source>Chưa mở</source>
            <translation>Not open</translation>
        </message>
        <message>
            <source>Vừa gọi</source>
            <translation>Just called</translation>
        </message>
        <message>
            <source>Đang chờ</source>
            <translation>Waiting</translation>
        </message>
    </context>
    <context>
        <name>HelperForm</name>
        <message>
            <source>Thêm người hỗ trợ mới</source>
            <translation>Add a new helper</translation>
        </message>
        <message>
            <source>Sửa thông tin: {name}</source>
            <translation>Edit: {name}</translation>
        </message>
        <message>
            <source>Đang hoạt động</source>
            <translation>Active</translation>
        </message>
        <message>
            <source>Đã ngừng hoạt động</source>
            <translation>Deactivated</translation>
        </message>
        <message>
            <source>có mã PIN</source>
            <translation>has a PIN</translation>
        </message>
        <message>
            <source>chưa có mã PIN</source>
            <translation>no PIN yet</translation>
        </message>
        <message>
            <source>Họ và tên</source>
            <translation>Full name</translation>
        </message>
        <message>
            <source>Loại</source>
            <translation>Kind</translation>
        </message>
        <message>
            <source>Vai trò</source>
            <translation>Role</translation>
        </message>
        <message>
            <source>Đơn vị, thôn hoặc trường</source>
            <translation>Office, village or school</translation>
        </message>
        <message>
            <source>Cán bộ (đăng nhập bằng PIN)</source>
            <translation>Staff (signs in with a PIN)</translation>
        </message>
        <message>
            <source>Tình nguyện viên</source>
            <translation>Volunteer</translation>
        </message>
        <message>
            <source>Lưu</source>
            <translation>Save</translation>
        </message>
        <message>
            <source>Đặt mã PIN…</source>
            <translation>Set PIN…</translation>
        </message>
        <message>
            <source>Kích hoạt lại</source>
            <translation>Reactivate</translation>
        </message>
        <message>
            <source>Ngừng hoạt động</source>
            <translation>Deactivate</translation>
        </message>
    </context>
    <context>
        <name>HelperPicker</name>
        <message>
            <source>Người chính</source>
            <translation>Lead</translation>
        </message>
        <message>
            <source>Hỗ trợ thêm</source>
            <translation>Support</translation>
        </message>
        <message>
            <source>Bỏ</source>
            <translation>Remove</translation>
        </message>
        <message>
            <source>Ai đã hỗ trợ khách?</source>
            <translation>Who helped the visitor?</translation>
        </message>
        <message>
            <source>Chưa chọn người hỗ trợ nào.</source>
            <translation>No helper chosen yet.</translation>
        </message>
        <message>
            <source>Tìm theo tên (gõ không dấu cũng được)</source>
            <translation>Search by name (accents optional)</translation>
        </message>
    </context>
    <context>
        <name>PinOverlay</name>
        <message>
            <source>Mã PIN mới cho {name}</source>
            <translation>New PIN for {name}</translation>
        </message>
        <message>
            <source>Huỷ</source>
            <translation>Cancel</translation>
        </message>
        <message>
            <source>Xoá</source>
            <translation>Delete</translation>
        </message>
        <message>
            <source>OK</source>
            <translation>OK</translation>
        </message>
    </context>
    <context>
        <name>PinScreen</name>
        <message>
            <source>Xin chào {name}</source>
            <translation>Hello {name}</translation>
        </message>
        <message>
            <source>Nhập mã PIN (4 đến 8 chữ số) rồi bấm OK. Có bàn phím: gõ số rồi nhấn Enter.</source>
            <translation>Type your PIN (4 to 8 digits), then press OK. With a keyboard: type it, then Enter.</translation>
        </message>
        <message>
            <source>Chọn tên khác</source>
            <translation>Choose another name</translation>
        </message>
        <message>
            <source>Xoá</source>
            <translation>Delete</translation>
        </message>
        <message>
            <source>OK</source>
            <translation>OK</translation>
        </message>
    </context>
    <context>
        <name>QueueScreen</name>
        <message>
            <source>Hoàn tác</source>
            <translation>Undo</translation>
        </message>
        <message>
            <source>Chưa gọi số nào. Bấm “Gọi số tiếp theo”.</source>
            <translation>No ticket called yet. Press “Call next”.</translation>
        </message>
        <message>
            <source>{code} · {name}: {count} người chờ</source>
            <translation>{code} · {name}: {count} waiting</translation>
        </message>
        <message>
            <source>Không có ai chờ.</source>
            <translation>Nobody is waiting.</translation>
        </message>
        <message>
            <source>{time} — Khách ở máy lấy số cần cán bộ hỗ trợ.</source>
            <translation>{time} — A visitor at the ticket kiosk asks for help.</translation>
        </message>
        <message>
            <source>{time} — Máy lấy số tạm dừng: không ghi được vào cơ sở dữ liệu. Khách được mời đến thẳng quầy.</source>
            <translation>{time} — The ticket machine is paused: the database takes no writes. Visitors are sent straight to a counter.</translation>
        </message>
        <message>
            <source>{time} — Máy in không in được số {number}: khách cần nhớ số.</source>
            <translation>{time} — The printer could not print ticket {number}: the visitor has to remember it.</translation>
        </message>
        <message>
            <source>{time} — Máy in gặp sự cố.</source>
            <translation>{time} — Printer trouble.</translation>
        </message>
        <message>
            <source>Đã xử lý</source>
            <translation>Handled</translation>
        </message>
        <message>
            <source>Quầy {number} · {name}</source>
            <translation>Counter {number} · {name}</translation>
        </message>
        <message>
            <source>Số vé, ví dụ A012</source>
            <translation>Ticket, e.g. A012</translation>
        </message>
        <message>
            <source>Tìm số</source>
            <translation>Find ticket</translation>
        </message>
        <message>
            <source>Hỗ trợ không có số</source>
            <translation>Help without ticket</translation>
        </message>
        <message>
            <source>Người hỗ trợ</source>
            <translation>Helpers</translation>
        </message>
        <message>
            <source>Đăng xuất</source>
            <translation>Sign out</translation>
        </message>
    </context>
    <context>
        <name>RosterFlow</name>
        <message>
            <source>Đã lưu {name}.</source>
            <translation>Saved {name}.</translation>
        </message>
        <message>
            <source>{name} đã được kích hoạt lại.</source>
            <translation>{name} is active again.</translation>
        </message>
        <message>
            <source>{name} đã ngừng hoạt động; các lần hỗ trợ cũ vẫn được giữ.</source>
            <translation>{name} is deactivated; past help stays on record.</translation>
        </message>
        <message>
            <source>Đã đặt mã PIN mới cho {name}.</source>
            <translation>New PIN set for {name}.</translation>
        </message>
    </context>
    <context>
        <name>RosterScreen</name>
        <message>
            <source>đã ngừng</source>
            <translation>deactivated</translation>
        </message>
        <message>
            <source>Danh sách người hỗ trợ</source>
            <translation>Helper roster</translation>
        </message>
        <message>
            <source>Tìm theo tên</source>
            <translation>Search by name</translation>
        </message>
        <message>
            <source>Thêm người mới</source>
            <translation>Add someone</translation>
        </message>
        <message>
            <source>Quay lại quầy</source>
            <translation>Back to the counter</translation>
        </message>
    </context>
    <context>
        <name>StaffScreen</name>
        <message>
            <source>Đăng nhập quầy: chọn tên của bạn</source>
            <translation>Counter sign-in: choose your name</translation>
        </message>
        <message>
            <source>Sau đó nhập mã PIN của bạn.</source>
            <translation>Then type your PIN.</translation>
        </message>
        <message>
            <source>Chưa có cán bộ nào có mã PIN. Lãnh đạo thêm cán bộ bằng lệnh `kiosk helpers add` hoặc trong Danh sách người hỗ trợ.</source>
            <translation>No staff member has a PIN yet. A manager adds staff with `kiosk helpers add` or in the helper roster.</translation>
        </message>
    </context>
    <context>
        <name>TicketActions</name>
        <message>
            <source>Không còn ai chờ ở các hàng của quầy này.</source>
            <translation>Nobody is waiting on this counter's lines.</translation>
        </message>
        <message>
            <source>Đã gọi số {number}.</source>
            <translation>Called {number}.</translation>
        </message>
        <message>
            <source>Đã gọi lại số {number}.</source>
            <translation>Called {number} again.</translation>
        </message>
        <message>
            <source>Đang phục vụ số {number}.</source>
            <translation>Serving {number}.</translation>
        </message>
        <message>
            <source>Số {number} được xếp chờ lại.</source>
            <translation>{number} is waiting again.</translation>
        </message>
        <message>
            <source>Đã hoàn tác: số {number} trở lại như trước.</source>
            <translation>Undone: {number} is back as it was.</translation>
        </message>
        <message>
            <source>Đang in lại số {number}…</source>
            <translation>Reprinting {number}…</translation>
        </message>
        <message>
            <source>Đã in lại số {number}.</source>
            <translation>Reprinted {number}.</translation>
        </message>
        <message>
            <source>Không in được số {number}: {detail}</source>
            <translation>Could not print {number}: {detail}</translation>
        </message>
    </context>
    <context>
        <name>TicketOverlay</name>
        <message>
            <source>Số {number}</source>
            <translation>Ticket {number}</translation>
        </message>
        <message>
            <source>Chuyển số {number} sang hàng:</source>
            <translation>Move {number} to line:</translation>
        </message>
        <message>
            <source>Số giữ nguyên và giữ chỗ theo giờ lấy số.</source>
            <translation>The ticket keeps its number and its place by issue time.</translation>
        </message>
        <message>
            <source>Gọi số này đến quầy của tôi</source>
            <translation>Call this ticket to my counter</translation>
        </message>
        <message>
            <source>Khách đã quay lại: cho chờ tiếp</source>
            <translation>Visitor is back: wait again</translation>
        </message>
        <message>
            <source>Chuyển sang hàng khác…</source>
            <translation>Move to another line…</translation>
        </message>
        <message>
            <source>In lại số</source>
            <translation>Reprint ticket</translation>
        </message>
        <message>
            <source>Huỷ số này</source>
            <translation>Cancel this ticket</translation>
        </message>
        <message>
            <source>Đóng</source>
            <translation>Close</translation>
        </message>
    </context>
    <context>
        <name>VisitFlow</name>
        <message>
            <source>Đã lưu: số {number} hoàn thành, {count} người hỗ trợ.</source>
            <translation>Saved: {number} finished, {count} helper(s).</translation>
        </message>
        <message>
            <source>Đã lưu hỗ trợ tại {place}, {count} người hỗ trợ.</source>
            <translation>Saved help at {place}, {count} helper(s).</translation>
        </message>
    </context>
    <context>
        <name>VisitScreen</name>
        <message>
            <source>Kết quả tìm kiếm:</source>
            <translation>Search results:</translation>
        </message>
        <message>
            <source>Người hỗ trợ gần đây (bấm để thêm):</source>
            <translation>Recent helpers (tap to add):</translation>
        </message>
        <message>
            <source>Cần: người hỗ trợ, ít nhất một kết quả và nơi hỗ trợ.</source>
            <translation>Needed: a helper, at least one outcome and the place.</translation>
        </message>
        <message>
            <source>Cần: ít nhất một người hỗ trợ và một kết quả.</source>
            <translation>Needed: at least one helper and one outcome.</translation>
        </message>
        <message>
            <source>Hoàn thành số {number} · {caption}</source>
            <translation>Finish {number} · {caption}</translation>
        </message>
        <message>
            <source>Ghi nhận hỗ trợ không có số</source>
            <translation>Record help without a ticket</translation>
        </message>
        <message>
            <source>Nơi hỗ trợ</source>
            <translation>Place of help</translation>
        </message>
        <message>
            <source>Ví dụ: Nhà văn hoá thôn 3, tại nhà dân…</source>
            <translation>E.g. Village 3 culture house, a visitor's home…</translation>
        </message>
        <message>
            <source>Thủ tục (không bắt buộc)</source>
            <translation>Procedure (optional)</translation>
        </message>
        <message>
            <source>Kết quả (chọn một hoặc nhiều)</source>
            <translation>Outcome (one or more)</translation>
        </message>
        <message>
            <source>Ghi chú (không bắt buộc)</source>
            <translation>Note (optional)</translation>
        </message>
        <message>
            <source>Quay lại</source>
            <translation>Back</translation>
        </message>
        <message>
            <source>Lưu</source>
            <translation>Save</translation>
        </message>
    </context>
    <context>
        <name>UndoOffers</name>
        <message>
            <source>Đã báo vắng mặt số {number}.</source>
            <translation>{number} marked no-show.</translation>
        </message>
        <message>
            <source>Đã huỷ số {number}.</source>
            <translation>{number} cancelled.</translation>
        </message>
        <message>
            <source>Đã chuyển số {number} sang hàng {line}.</source>
            <translation>{number} moved to line {line}.</translation>
        </message>
        <message>
            <source>Đã hoàn thành số {number}.</source>
            <translation>{number} finished.</translation>
        </message>
    </context>
<context>
    <name>PublicFigures</name>
    <message>
        <source>Đã phục vụ hôm nay</source>
        <translation>Served today</translation>
    </message>
    <message>
        <source>Thời gian chờ (trung vị)</source>
        <translation>Median wait</translation>
    </message>
    <message>
        <source>{minutes} phút</source>
        <translation>{minutes} min</translation>
    </message>
    <message>
        <source>Người dân hài lòng</source>
        <translation>Visitors satisfied</translation>
    </message>
    <message>
        <source>Hồ sơ nộp trực tuyến có hỗ trợ</source>
        <translation>Dossiers filed online with help</translation>
    </message>
</context>
</TS>
