<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="vi">
<context>
    <name>Checklist</name>
    <message>
        <source>Danh sách giấy tờ cần mang</source>
        <translation>Papers to bring</translation>
    </message>
    <message>
        <source>Giấy tờ</source>
        <translation>Papers</translation>
    </message>
    <message>
        <source>Lệ phí</source>
        <translation>Fee</translation>
    </message>
    <message>
        <source>Thời gian giải quyết</source>
        <translation>Processing time</translation>
    </message>
    <message>
        <source>Và giấy tờ khác: vui lòng hỏi tại quầy.</source>
        <translation>And other papers: please ask at the desk.</translation>
    </message>
</context>
<context>
    <name>ChooseScreen</name>
    <message numerus="yes">
        <source>Đang chờ: {count} người</source>
        <translation>
            <numerusform>Waiting: {count} person</numerusform>
            <numerusform>Waiting: {count} people</numerusform>
        </translation>
    </message>
    <message>
        <source>Bạn cần làm thủ tục gì?</source>
        <translation>What do you need to do?</translation>
    </message>
    <message>
        <source>‹ Quay lại</source>
        <translation>‹ Back</translation>
    </message>
    <message>
        <source>Đang lấy số, xin chờ một chút…</source>
        <translation>Getting your number, one moment…</translation>
    </message>
    <message>
        <source>Đang chuẩn bị, xin chờ một chút…</source>
        <translation>Getting ready, one moment…</translation>
    </message>
    <message>
        <source>Chạm vào một ô để lấy số.</source>
        <translation>Touch a box to get your number.</translation>
    </message>
    <message>
        <source>Bạn thuộc nhóm ưu tiên?</source>
        <translation>Are you in a priority group?</translation>
    </message>
    <message>
        <source>Số ưu tiên: {group}</source>
        <translation>Priority number: {group}</translation>
    </message>
    <message>
        <source>Chạm vào đây nếu bạn không thuộc nhóm ưu tiên.</source>
        <translation>Touch here if you are not in a priority group.</translation>
    </message>
</context>
<context>
    <name>CounterIdleScreen</name>
    <message>
        <source>Sau khi làm xong, mời bạn đánh giá ở đây.</source>
        <translation>When you are done, please rate our service here.</translation>
    </message>
</context>
<context>
    <name>CounterRateScreen</name>
    <message>
        <source>Người hỗ trợ bạn: {names}</source>
        <translation>Helped by: {names}</translation>
    </message>
    <message>
        <source>Bỏ qua</source>
        <translation>Skip</translation>
    </message>
</context>
<context>
    <name>ErrorTexts</name>
    <message>
        <source>Đang bận, đang thử lại…</source>
        <translation>Busy, retrying…</translation>
    </message>
    <message>
        <source>Mất kết nối máy chủ, đang thử lại…</source>
        <translation>Lost connection to the server, retrying…</translation>
    </message>
    <message>
        <source>Mã PIN không đúng.</source>
        <translation>Wrong PIN.</translation>
    </message>
    <message>
        <source>Nhập sai mã PIN quá nhiều lần. Xin thử lại sau {time}.</source>
        <translation>Too many wrong PINs. Try again after {time}.</translation>
    </message>
    <message>
        <source>{name} không đăng nhập được (chưa có mã PIN?).</source>
        <translation>{name} cannot sign in (no PIN yet?).</translation>
    </message>
    <message>
        <source>Chỉ lãnh đạo mới xem được báo cáo.</source>
        <translation>Only a manager can read the summary.</translation>
    </message>
    <message>
        <source>Mã PIN gồm {low} đến {high} chữ số.</source>
        <translation>A PIN has {low} to {high} digits.</translation>
    </message>
    <message>
        <source>Chỉ cán bộ mới có mã PIN.</source>
        <translation>Only staff have a PIN.</translation>
    </message>
    <message>
        <source>Quầy {counter} đang phục vụ số {number}: hãy hoàn thành hoặc báo vắng trước.</source>
        <translation>Counter {counter} is still with ticket {number}: finish it or mark it no-show first.</translation>
    </message>
    <message>
        <source>Số {number} không còn chờ nữa.</source>
        <translation>Ticket {number} is not waiting any more.</translation>
    </message>
    <message>
        <source>Không còn gì để hoàn tác cho số {number} (quá 2 phút?).</source>
        <translation>Nothing to undo for ticket {number} (more than 2 minutes ago?).</translation>
    </message>
    <message>
        <source>Số này đã ở hàng {line}.</source>
        <translation>This ticket is already on line {line}.</translation>
    </message>
    <message>
        <source>Không làm được việc này với số ở trạng thái hiện tại.</source>
        <translation>This cannot be done with the ticket as it is now.</translation>
    </message>
    <message>
        <source>Chỉ cho chờ lại được số của hôm nay.</source>
        <translation>Only today's tickets can wait again.</translation>
    </message>
    <message>
        <source>{number} không phải số vé (ví dụ: A012).</source>
        <translation>{number} is not a ticket number (such as A012).</translation>
    </message>
    <message>
        <source>Không có số {number} trong ngày.</source>
        <translation>No ticket {number} today.</translation>
    </message>
    <message>
        <source>Số {number} chưa phục vụ xong: xin đánh giá sau khi làm xong việc.</source>
        <translation>Ticket {number} is not finished yet: please rate it after your visit.</translation>
    </message>
    <message>
        <source>Mã vừa quét không phải mã trên vé xếp hàng.</source>
        <translation>The code just scanned is not a queue ticket's code.</translation>
    </message>
    <message>
        <source>Vé {number} là vé của ngày khác: chỉ đánh giá được vé hôm nay.</source>
        <translation>Ticket {number} is from another day: only today's tickets can be rated.</translation>
    </message>
    <message>
        <source>Lượt này đã được đánh giá. Xin cảm ơn!</source>
        <translation>This visit has been rated already. Thank you!</translation>
    </message>
    <message>
        <source>Không có thủ tục {procedure}.</source>
        <translation>There is no procedure {procedure}.</translation>
    </message>
    <message>
        <source>Thủ tục {procedure} không làm ở hàng {line}.</source>
        <translation>Procedure {procedure} is not served on line {line}.</translation>
    </message>
    <message>
        <source>Cần ít nhất một người hỗ trợ.</source>
        <translation>At least one helper is needed.</translation>
    </message>
    <message>
        <source>Cần chọn ít nhất một kết quả.</source>
        <translation>Choose at least one outcome.</translation>
    </message>
    <message>
        <source>Một người hỗ trợ bị chọn hai lần.</source>
        <translation>A helper is chosen twice.</translation>
    </message>
    <message>
        <source>Chỉ một người được là người chính.</source>
        <translation>Only one helper can lead.</translation>
    </message>
    <message>
        <source>{name} không còn hoạt động.</source>
        <translation>{name} is no longer active.</translation>
    </message>
    <message>
        <source>Hãy ghi nơi đã hỗ trợ.</source>
        <translation>Write where the help was given.</translation>
    </message>
    <message>
        <source>Thời gian bắt đầu không thể ở tương lai.</source>
        <translation>The start cannot be in the future.</translation>
    </message>
    <message>
        <source>Cần nhập họ tên.</source>
        <translation>A name is needed.</translation>
    </message>
    <message>
        <source>Chưa ghi được tệp {path}: {reason}</source>
        <translation>Could not write {path}: {reason}</translation>
    </message>
    <message>
        <source>Có lỗi khi làm việc này. Xin thử lại; nếu vẫn lỗi, báo cán bộ kỹ thuật.</source>
        <translation>Something went wrong. Please try again; if it keeps failing, tell the IT staff.</translation>
    </message>
    <message>
        <source>Không thực hiện được: {detail}</source>
        <translation>Could not do this: {detail}</translation>
    </message>
    <message>
        <source>Cơ sở dữ liệu đang bận, chưa ghi được gì. Xin thử lại.</source>
        <translation>The database is busy; nothing was saved. Please try again.</translation>
    </message>
    <message>
        <source>Tài khoản này không được phép làm việc này.</source>
        <translation>This account is not allowed to do this.</translation>
    </message>
    <message>
        <source>Chưa sao lưu hoặc khôi phục được dữ liệu. Báo cán bộ kỹ thuật.</source>
        <translation>The data could not be backed up or restored. Tell the technical staff.</translation>
    </message>
    <message>
        <source>Chưa làm được việc này với cài đặt điểm hỗ trợ thôn trên máy này.</source>
        <translation>This cannot be done with this PC's village point setup.</translation>
    </message>
    <message>
        <source>Chưa dùng được cơ sở dữ liệu của xã tại {where}. Các bản ghi vẫn ở máy này và sẽ được gửi ở lần đồng bộ sau.</source>
        <translation>Cannot use the commune database at {where}. The records stay on this PC and go at the next sync.</translation>
    </message>
    <message>
        <source>Không đọc hoặc ghi được tệp {path}.</source>
        <translation>Cannot read or write the file {path}.</translation>
    </message>
    <message>
        <source>Không lưu được các bản ghi của điểm hỗ trợ thôn: chúng không khớp với dữ liệu của xã này.</source>
        <translation>The village point's records cannot be stored: they do not match this commune's data.</translation>
    </message>
    <message>
        <source>Một mục trong tệp bị thiếu hoặc sai kiểu.</source>
        <translation>A field in the file is missing or has the wrong type.</translation>
    </message>
    <message>
        <source>Tệp của điểm hỗ trợ thôn bị hỏng, không đọc được.</source>
        <translation>The village point's file is damaged and cannot be read.</translation>
    </message>
    <message>
        <source>Tệp trống.</source>
        <translation>The file is empty.</translation>
    </message>
    <message>
        <source>Đây không phải tệp điểm hỗ trợ thôn mà phiên bản này đọc được.</source>
        <translation>This is not a village point file this version can read.</translation>
    </message>
    <message>
        <source>Tệp bị cắt ngắn (chép chưa xong?). Hãy chép lại tệp.</source>
        <translation>The file is cut short (an unfinished copy?). Copy the file again.</translation>
    </message>
    <message>
        <source>Chữ ký không khớp: tệp đã bị sửa sau khi xuất. Không nhập gì.</source>
        <translation>The signature does not match: the file was changed after export. Nothing was imported.</translation>
    </message>
    <message>
        <source>Tệp được ký bằng khóa khác (của xã khác, hoặc khóa của xã đã đổi).</source>
        <translation>The file is signed with another key (another commune's, or the commune's key was changed).</translation>
    </message>
    <message>
        <source>Tệp này là loại khác: danh sách người hỗ trợ thay vì bản ghi, hoặc ngược lại.</source>
        <translation>This file is of the other kind: a roster instead of records, or the other way round.</translation>
    </message>
</context>
<context>
    <name>ExitOverlay</name>
    <message>
        <source>Dành cho cán bộ: nhập mã PIN</source>
        <translation>Staff only: enter your PIN</translation>
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
    <message>
        <source>Mã PIN gồm 4 đến 8 chữ số.</source>
        <translation>A PIN has 4 to 8 digits.</translation>
    </message>
    <message>
        <source>Đang kiểm tra…</source>
        <translation>Checking…</translation>
    </message>
    <message>
        <source>Mã PIN không đúng. Xin thử lại.</source>
        <translation>Wrong PIN. Please try again.</translation>
    </message>
    <message>
        <source>Nhập sai quá nhiều lần. Xin thử lại sau 5 phút.</source>
        <translation>Too many wrong PINs. Try again in 5 minutes.</translation>
    </message>
</context>
<context>
    <name>GuideInfoScreen</name>
    <message>
        <source>Giấy tờ cần mang</source>
        <translation>Papers to bring</translation>
    </message>
    <message>
        <source>Lệ phí</source>
        <translation>Fee</translation>
    </message>
    <message>
        <source>Thời gian giải quyết</source>
        <translation>Processing time</translation>
    </message>
    <message>
        <source>Xem thêm trên điện thoại: quét mã QR</source>
        <translation>More on your phone: scan the QR code</translation>
    </message>
    <message>
        <source>‹ Các bước</source>
        <translation>‹ The steps</translation>
    </message>
    <message>
        <source>In danh sách giấy tờ</source>
        <translation>Print the checklist</translation>
    </message>
    <message>
        <source>Lấy số cho thủ tục này</source>
        <translation>Take a number for this procedure</translation>
    </message>
    <message>
        <source>Đang in danh sách giấy tờ…</source>
        <translation>Printing the checklist…</translation>
    </message>
    <message>
        <source>Mời bạn lấy phiếu ở khe máy in.</source>
        <translation>Please take the slip from the printer.</translation>
    </message>
    <message>
        <source>Máy in đang gặp sự cố. Xin hỏi cán bộ.</source>
        <translation>The printer has a problem. Please ask the staff.</translation>
    </message>
    <message>
        <source>Về màn hình chính</source>
        <translation>Back to the start</translation>
    </message>
</context>
<context>
    <name>GuideListScreen</name>
    <message>
        <source>Hướng dẫn thủ tục</source>
        <translation>Procedure guides</translation>
    </message>
    <message>
        <source>‹ Về màn hình chính</source>
        <translation>‹ Back to the start</translation>
    </message>
    <message>
        <source>Đang chuẩn bị, xin chờ một chút…</source>
        <translation>Getting ready, one moment please…</translation>
    </message>
    <message>
        <source>Chưa có hướng dẫn. Xin hỏi cán bộ ở quầy.</source>
        <translation>No guides yet. Please ask at the desk.</translation>
    </message>
    <message>
        <source>Chạm vào thủ tục bạn muốn xem.</source>
        <translation>Touch the procedure you want to read about.</translation>
    </message>
</context>
<context>
    <name>GuideStepScreen</name>
    <message>
        <source>‹ Danh sách</source>
        <translation>‹ All guides</translation>
    </message>
    <message>
        <source>Đọc to</source>
        <translation>Read aloud</translation>
    </message>
    <message>
        <source>Cần mang gì?</source>
        <translation>What to bring?</translation>
    </message>
    <message>
        <source>‹ Bước trước</source>
        <translation>‹ Previous step</translation>
    </message>
    <message>
        <source>Bước {number} / {count}</source>
        <translation>Step {number} / {count}</translation>
    </message>
    <message>
        <source>Xong: cần mang gì? ›</source>
        <translation>Done: what to bring? ›</translation>
    </message>
    <message>
        <source>Bước tiếp ›</source>
        <translation>Next step ›</translation>
    </message>
    <message>
        <source>Bước {number}.</source>
        <translation>Step {number}.</translation>
    </message>
</context>
<context>
    <name>HomeScreen</name>
    <message>
        <source>Máy lấy số tạm dừng. Mời ông/bà đến thẳng quầy.</source>
        <translation>The ticket machine is paused. Please go straight to a counter.</translation>
    </message>
    <message>
        <source>Xin chào! Bạn cần làm gì?</source>
        <translation>Hello! What do you need?</translation>
    </message>
    <message>
        <source>Bạn có biết? {tip}</source>
        <translation>Did you know? {tip}</translation>
    </message>
    <message>
        <source>Hiện không có ai đang chờ.</source>
        <translation>Nobody is waiting right now.</translation>
    </message>
    <message numerus="yes">
        <source>Hiện có {count} người đang chờ.</source>
        <translation>
            <numerusform>{count} person is waiting.</numerusform>
            <numerusform>{count} people are waiting.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>KioskWindow</name>
    <message>
        <source>trên bên phải</source>
        <translation>top-right</translation>
    </message>
    <message>
        <source>trên bên trái</source>
        <translation>top-left</translation>
    </message>
    <message>
        <source>dưới bên phải</source>
        <translation>bottom-right</translation>
    </message>
    <message>
        <source>dưới bên trái</source>
        <translation>bottom-left</translation>
    </message>
    <message>
        <source>Bản chạy thử. Để thoát: giữ góc {corner} màn hình {seconds} giây, rồi nhập mã PIN {pin}.</source>
        <translation>Demo. To leave: hold the {corner} corner of the screen for {seconds} seconds, then enter PIN {pin}.</translation>
    </message>
    <message>
        <source>Lấy số thứ tự</source>
        <translation>Take a number</translation>
    </message>
    <message>
        <source>Lấy số ưu tiên</source>
        <translation>Priority number</translation>
    </message>
    <message>
        <source>Người cao tuổi, khuyết tật, mang thai…</source>
        <translation>Older people, disability, pregnancy…</translation>
    </message>
    <message>
        <source>Gọi cán bộ hỗ trợ</source>
        <translation>Call a helper</translation>
    </message>
    <message>
        <source>Cán bộ sẽ đến giúp bạn</source>
        <translation>Someone will come to help you</translation>
    </message>
    <message>
        <source>Chữ to</source>
        <translation>Large text</translation>
    </message>
    <message>
        <source>Hướng dẫn thủ tục</source>
        <translation>Procedure guides</translation>
    </message>
    <message>
        <source>Cần mang giấy tờ gì, làm thế nào</source>
        <translation>What to bring, how to do it</translation>
    </message>
    <message>
        <source>Đánh giá dịch vụ</source>
        <translation>Rate our service</translation>
    </message>
    <message>
        <source>Xong việc? Cho chúng tôi biết</source>
        <translation>All done? Tell us how it went</translation>
    </message>
</context>
<context>
    <name>ManagerGateScreen</name>
    <message>
        <source>Báo cáo tổng hợp</source>
        <translation>Summary report</translation>
    </message>
    <message>
        <source>Chưa có lãnh đạo nào có mã PIN. Xin nhờ quản trị thêm.</source>
        <translation>No manager has a PIN yet. Ask the administrator to add one.</translation>
    </message>
    <message>
        <source>Chọn tên của bạn, rồi nhập mã PIN.</source>
        <translation>Choose your name, then type your PIN.</translation>
    </message>
    <message>
        <source>Xóa</source>
        <translation>Delete</translation>
    </message>
    <message>
        <source>OK</source>
        <translation>OK</translation>
    </message>
</context>
<context>
    <name>ManagerSummaryScreen</name>
    <message>
        <source>Chưa đặt tên xã: báo cáo sẽ thiếu tên xã và địa danh. Nhờ quản trị ghi tên xã ([site] commune) vào tệp cấu hình.</source>
        <translation>The commune's name is not set: the report will lack the commune and place. Ask the administrator to write the commune's name ([site] commune) in the config file.</translation>
    </message>
    <message>
        <source>So với {period}.</source>
        <translation>Compared with {period}.</translation>
    </message>
    <message>
        <source>‹ Trước</source>
        <translation>‹ Previous</translation>
    </message>
    <message>
        <source>Sau ›</source>
        <translation>Next ›</translation>
    </message>
    <message>
        <source>Cả tháng</source>
        <translation>Whole month</translation>
    </message>
    <message>
        <source>Xuất PDF và CSV</source>
        <translation>Export PDF and CSV</translation>
    </message>
    <message>
        <source>Đăng xuất</source>
        <translation>Sign out</translation>
    </message>
    <message>
        <source>Tổng hợp {period}</source>
        <translation>Summary, {period}</translation>
    </message>
    <message>
        <source>Đang tính…</source>
        <translation>Calculating…</translation>
    </message>
    <message>
        <source>Không đọc được số liệu: {error}</source>
        <translation>Could not read the figures: {error}</translation>
    </message>
    <message>
        <source>Chưa xuất được: {error}</source>
        <translation>Not exported: {error}</translation>
    </message>
    <message>
        <source>Đã lưu: {pdf} và {csv}</source>
        <translation>Saved: {pdf} and {csv}</translation>
    </message>
    <message>
        <source>Giờ cao điểm (số vé lấy mỗi giờ)</source>
        <translation>Busy hours (tickets issued per hour)</translation>
    </message>
    <message>
        <source>Vạch đen: kỳ trước. Đông nhất: {hours}</source>
        <translation>Black mark: previous period. Busiest: {hours}</translation>
    </message>
</context>
<context>
    <name>ManagerWindow</name>
    <message>
        <source>Báo cáo tổng hợp</source>
        <translation>Summary report</translation>
    </message>
    <message>
        <source>Tổng hợp</source>
        <translation>Summary</translation>
    </message>
    <message>
        <source>Tổ công nghệ số</source>
        <translation>Digital technology team</translation>
    </message>
</context>
<context>
    <name>ManagerTeamScreen</name>
    <message>
        <source>Đang tính…</source>
        <translation>Calculating…</translation>
    </message>
    <message>
        <source>So với {period}.</source>
        <translation>Compared with {period}.</translation>
    </message>
    <message>
        <source>Người dân được hỗ trợ tại mỗi điểm thôn</source>
        <translation>People helped at each village point</translation>
    </message>
    <message>
        <source>Vạch đen: tháng trước.</source>
        <translation>Black mark: previous month.</translation>
    </message>
    <message>
        <source>Không đọc được số liệu: {error}</source>
        <translation>Cannot read the figures: {error}</translation>
    </message>
</context>
<context>
    <name>HelpConfirmOverlay</name>
    <message>
        <source>Gọi cán bộ đến giúp bạn?</source>
        <translation>Call a staff member to help you?</translation>
    </message>
    <message>
        <source>Có, gọi cán bộ</source>
        <translation>Yes, call someone</translation>
    </message>
    <message>
        <source>Không, quay lại</source>
        <translation>No, go back</translation>
    </message>
</context>
<context>
    <name>NoticeOverlay</name>
    <message>
        <source>Đã báo cán bộ</source>
        <translation>The staff have been told</translation>
    </message>
    <message>
        <source>Xin bạn chờ ở đây một chút, sẽ có người đến giúp.</source>
        <translation>Please wait here a moment; someone will come to help you.</translation>
    </message>
    <message>
        <source>Chưa báo được cán bộ</source>
        <translation>We could not reach the staff</translation>
    </message>
    <message>
        <source>Xin bạn đến quầy gần nhất để được giúp đỡ.</source>
        <translation>Please go to the nearest counter for help.</translation>
    </message>
    <message>
        <source>Xin lỗi, chưa lấy được số</source>
        <translation>Sorry, no number was issued</translation>
    </message>
    <message>
        <source>Xin bạn thử lại, hoặc hỏi cán bộ ở quầy.</source>
        <translation>Please try again, or ask at a counter.</translation>
    </message>
    <message>
        <source>Máy lấy số tạm dừng</source>
        <translation>The ticket machine is paused</translation>
    </message>
    <message>
        <source>Mời ông/bà đến thẳng quầy, cán bộ sẽ giúp.</source>
        <translation>Please go straight to a counter; the staff will help you.</translation>
    </message>
    <message>
        <source>Đã hiểu</source>
        <translation>OK</translation>
    </message>
</context>
<context>
    <name>PriorityScreen</name>
    <message>
        <source>Bạn thuộc nhóm ưu tiên nào?</source>
        <translation>Which priority group are you in?</translation>
    </message>
    <message>
        <source>Cách gọi số ưu tiên</source>
        <translation>How priority numbers are called</translation>
    </message>
    <message>
        <source>‹ Không thuộc nhóm nào, quay lại</source>
        <translation>‹ None of these, go back</translation>
    </message>
</context>
<context>
    <name>RateNumberScreen</name>
    <message>
        <source>Đánh giá dịch vụ</source>
        <translation>Rate our service</translation>
    </message>
    <message>
        <source>Nhập số in trên vé của bạn, rồi chạm OK.</source>
        <translation>Type the number printed on your ticket, then touch OK.</translation>
    </message>
    <message>
        <source>Xóa</source>
        <translation>Delete</translation>
    </message>
    <message>
        <source>‹ Quay lại</source>
        <translation>‹ Back</translation>
    </message>
    <message>
        <source>Không tìm thấy vé {number} hôm nay.</source>
        <translation>There is no ticket {number} today.</translation>
    </message>
    <message>
        <source>Vé {number} chưa làm xong. Xin đánh giá sau khi xong việc.</source>
        <translation>Ticket {number} is not finished yet. Please rate after your visit.</translation>
    </message>
    <message>
        <source>Vé {number} đã được đánh giá rồi. Cảm ơn bạn!</source>
        <translation>Ticket {number} has been rated already. Thank you!</translation>
    </message>
    <message>
        <source>Xin lỗi, chưa ghi được. Xin thử lại.</source>
        <translation>Sorry, that was not saved. Please try again.</translation>
    </message>
    <message>
        <source>Hoặc đưa mã QR trên vé vào máy quét.</source>
        <translation>Or hold the QR code on your ticket to the scanner.</translation>
    </message>
    <message>
        <source>Mã vừa quét không phải mã vé. Xin nhập số in trên vé.</source>
        <translation>The code just scanned is not a ticket's code. Please type the number printed on your ticket.</translation>
    </message>
    <message>
        <source>Vé {number} là vé của ngày khác: chỉ đánh giá được vé hôm nay.</source>
        <translation>Ticket {number} is from another day: only today's tickets can be rated.</translation>
    </message>
</context>
<context>
    <name>RateReasonScreen</name>
    <message>
        <source>Điều gì làm bạn chưa hài lòng?</source>
        <translation>What was not good?</translation>
    </message>
    <message>
        <source>‹ Quay lại</source>
        <translation>‹ Back</translation>
    </message>
</context>
<context>
    <name>RateScaleScreen</name>
    <message>
        <source>Bạn có hài lòng với dịch vụ không?</source>
        <translation>Are you satisfied with our service?</translation>
    </message>
    <message>
        <source>‹ Quay lại</source>
        <translation>‹ Back</translation>
    </message>
</context>
<context>
    <name>RateScreen</name>
    <message>
        <source>Vé số {number}</source>
        <translation>Ticket {number}</translation>
    </message>
</context>
<context>
    <name>RateVisitScreen</name>
    <message>
        <source>Đánh giá dịch vụ</source>
        <translation>Rate our service</translation>
    </message>
    <message>
        <source>Bạn vừa làm xong ở quầy nào? Chạm vào lượt của bạn.</source>
        <translation>Which counter were you just served at? Touch your visit.</translation>
    </message>
    <message>
        <source>Có vé? Đưa mã QR trên vé vào máy quét.</source>
        <translation>Have your ticket? Hold its QR code to the scanner.</translation>
    </message>
    <message>
        <source>Lượt khác: nhập số trên vé</source>
        <translation>Another visit: type the ticket number</translation>
    </message>
    <message>
        <source>‹ Quay lại</source>
        <translation>‹ Back</translation>
    </message>
    <message>
        <source>Quầy {number}</source>
        <translation>Counter {number}</translation>
    </message>
    <message>
        <source>{counter} — số {number} vừa xong</source>
        <translation>{counter} — number {number}, just finished</translation>
    </message>
    <message>
        <source>Xong lúc {time}</source>
        <translation>Finished at {time}</translation>
    </message>
    <message>
        <source>Lượt này đã được đánh giá rồi. Cảm ơn bạn!</source>
        <translation>This visit has been rated already. Thank you!</translation>
    </message>
    <message>
        <source>Xin lỗi, chưa ghi được. Xin thử lại.</source>
        <translation>Sorry, that was not saved. Please try again.</translation>
    </message>
</context>
<context>
    <name>RateThanksScreen</name>
    <message>
        <source>Cảm ơn bạn đã đánh giá!</source>
        <translation>Thank you for your rating!</translation>
    </message>
    <message>
        <source>Ý kiến của bạn giúp chúng tôi phục vụ tốt hơn.</source>
        <translation>Your opinion helps us serve you better.</translation>
    </message>
</context>
<context>
    <name>TicketScreen</name>
    <message numerus="yes">
        <source>{count} người</source>
        <translation>
            <numerusform>{count} person</numerusform>
            <numerusform>{count} people</numerusform>
        </translation>
    </message>
    <message>
        <source>Số của bạn là</source>
        <translation>Your number is</translation>
    </message>
    <message>
        <source>Xong, về màn hình chính</source>
        <translation>Done, back to the start</translation>
    </message>
    <message>
        <source>Ưu tiên: {group}</source>
        <translation>Priority: {group}</translation>
    </message>
    <message>
        <source>Sắp đến lượt bạn</source>
        <translation>Your turn is coming up</translation>
    </message>
    <message>
        <source>Quầy phục vụ</source>
        <translation>Counters</translation>
    </message>
    <message>
        <source>Người chờ trước bạn</source>
        <translation>People ahead of you</translation>
    </message>
    <message>
        <source>Thời gian chờ dự kiến</source>
        <translation>Expected wait</translation>
    </message>
    <message>
        <source>Mời bạn lấy vé ở khe máy in.</source>
        <translation>Please take your ticket from the printer.</translation>
    </message>
    <message>
        <source>Hãy chờ đến khi số của bạn được gọi.</source>
        <translation>Wait until your number is called.</translation>
    </message>
    <message>
        <source>Máy in đang gặp sự cố.</source>
        <translation>The printer is not working.</translation>
    </message>
    <message>
        <source>Xin hãy nhớ số của bạn: {number}. Cán bộ đã được báo và sẽ gọi số này.</source>
        <translation>Please remember your number: {number}. The staff have been told and will call it.</translation>
    </message>
    <message>
        <source>Vé của bạn đang được in…</source>
        <translation>Your ticket is printing…</translation>
    </message>
    <message>
        <source>Xin chờ một chút.</source>
        <translation>One moment, please.</translation>
    </message>
</context>
<context>
    <name>formatting</name>
    <message>
        <source>Thứ Hai</source>
        <translation>Monday</translation>
    </message>
    <message>
        <source>Thứ Ba</source>
        <translation>Tuesday</translation>
    </message>
    <message>
        <source>Thứ Tư</source>
        <translation>Wednesday</translation>
    </message>
    <message>
        <source>Thứ Năm</source>
        <translation>Thursday</translation>
    </message>
    <message>
        <source>Thứ Sáu</source>
        <translation>Friday</translation>
    </message>
    <message>
        <source>Thứ Bảy</source>
        <translation>Saturday</translation>
    </message>
    <message>
        <source>Chủ nhật</source>
        <translation>Sunday</translation>
    </message>
    <message>
        <source>{weekday}, {day:02d}/{month:02d}/{year}</source>
        <translation>{weekday} {day:02d}/{month:02d}/{year}</translation>
    </message>
    <message numerus="yes">
        <source>khoảng {hours} giờ</source>
        <translation>
            <numerusform>about {hours} hour</numerusform>
            <numerusform>about {hours} hours</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>khoảng {hours} giờ {minutes} phút</source>
        <translation>
            <numerusform>about {hours} hour {minutes} min</numerusform>
            <numerusform>about {hours} hours {minutes} min</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>khoảng {minutes} phút</source>
        <translation>
            <numerusform>about {minutes} minute</numerusform>
            <numerusform>about {minutes} minutes</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ticket</name>
    <message>
        <source>Số thứ tự</source>
        <translation>Your number</translation>
    </message>
    <message>
        <source>Quầy</source>
        <translation>Counter</translation>
    </message>
    <message>
        <source>Người đang chờ trước bạn</source>
        <translation>People ahead of you</translation>
    </message>
    <message>
        <source>Thời gian chờ dự kiến</source>
        <translation>Expected wait</translation>
    </message>
    <message>
        <source>Khoảng</source>
        <translation>About</translation>
    </message>
    <message>
        <source>phút</source>
        <translation>min</translation>
    </message>
    <message>
        <source>Sắp đến lượt bạn</source>
        <translation>Your turn is coming up</translation>
    </message>
    <message>
        <source>Vui lòng chờ gọi số</source>
        <translation>Please wait for your number</translation>
    </message>
    <message>
        <source>Ưu tiên</source>
        <translation>Priority</translation>
    </message>
    <message>
        <source>Giờ lấy số</source>
        <translation>Issued at</translation>
    </message>
    <message>
        <source>Đánh giá dịch vụ: đưa mã này vào máy quét ở ki-ốt</source>
        <translation>To rate our service, hold this code to the kiosk's scanner</translation>
    </message>
</context>
<context>
    <name>HintBanner</name>
    <message>
        <source>Đã hiểu</source>
        <translation>Got it</translation>
    </message>
</context>
<context>
    <name>ManagerExportScreen</name>
    <message>
        <source>Xuất báo cáo {period}</source>
        <translation>Export the report, {period}</translation>
    </message>
    <message>
        <source>Đoạn tóm tắt (viết sẵn từ số liệu, sửa được):</source>
        <translation>Summary paragraph (written from the figures; you may edit it):</translation>
    </message>
    <message>
        <source>Số văn bản:</source>
        <translation>Document number:</translation>
    </message>
    <message>
        <source>Người ký:</source>
        <translation>Signed by:</translation>
    </message>
    <message>
        <source>Xuất PDF và CSV</source>
        <translation>Export PDF and CSV</translation>
    </message>
    <message>
        <source>‹ Quay lại</source>
        <translation>‹ Back</translation>
    </message>
</context>
</TS>
