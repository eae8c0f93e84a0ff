<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="vi">
<context>
    <name>ChooseScreen</name>
    <message>
        <source>Bạn cần làm thủ tục gì?</source>
        <translation>What do you need to do?</translation>
    </message>
    <message>
        <source>‹ Quay lại</source>
        <translation>‹ Back</translation>
    </message>
    <message numerus="yes">
        <source>Đang chờ: {count} người</source>
        <translation>
            <numerusform>Waiting: {count} person</numerusform>
            <numerusform>Waiting: {count} people</numerusform>
        </translation>
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
    <name>HomeScreen</name>
    <message>
        <source>Xin chào! Bạn cần làm gì?</source>
        <translation>Hello! What do you need?</translation>
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
    <name>TicketScreen</name>
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
    <message numerus="yes">
        <source>{count} người</source>
        <translation>
            <numerusform>{count} person</numerusform>
            <numerusform>{count} people</numerusform>
        </translation>
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
</context>
</TS>
