import unicodedata

from PIL import Image, ImageChops

from printing.blocks import Align, TextBlock
from printing.layout import SIDE_MARGIN_DOTS, draw_text
from printing.raster import load_font, wrap_text


def _ink_pixels(mask: Image.Image) -> int:
    return mask.histogram()[255]


def test_vietnamese_text_renders_ink_that_differs_from_the_unaccented_text() -> None:
    accented = draw_text(TextBlock("Đăng ký khai sinh", 28), 576)
    plain = draw_text(TextBlock("Dang ky khai sinh", 28), 576)

    assert accented.mode == "1"
    assert _ink_pixels(accented) > 0
    assert ImageChops.difference(accented, plain).getbbox() is not None
    # The marks and the bar of Đ add ink; missing glyphs would draw boxes or nothing.
    assert _ink_pixels(accented) > _ink_pixels(plain)


def test_nfd_input_renders_identical_to_nfc_input() -> None:
    text = "Xác nhận tình trạng hôn nhân, Nguyễn Thị Hường"
    nfd = unicodedata.normalize("NFD", text)
    assert nfd != text

    nfc_image = draw_text(TextBlock(text, 24), 576)
    nfd_image = draw_text(TextBlock(nfd, 24), 576)

    assert nfc_image.tobytes() == nfd_image.tobytes()


def test_long_line_wraps_to_the_paper_width_without_losing_words() -> None:
    text = "Mang theo căn cước công dân, giấy chứng sinh và giấy chứng nhận kết hôn của cha mẹ"
    font = load_font(24)

    lines = wrap_text(text, font, 384 - 2 * SIDE_MARGIN_DOTS)

    assert len(lines) > 1
    assert " ".join(lines) == text
    assert all(font.getlength(line) <= 384 - 2 * SIDE_MARGIN_DOTS for line in lines)


def test_wrapped_block_is_taller_and_its_ink_stays_inside_the_paper() -> None:
    short = draw_text(TextBlock("Hộ tịch", 24, align=Align.CENTER), 384)
    long = draw_text(TextBlock("Hộ tịch " * 12, 24, align=Align.CENTER), 384)

    assert long.height > 2 * short.height
    left, _, right, _ = long.getbbox() or (0, 0, 0, 0)
    assert left >= SIDE_MARGIN_DOTS - 2
    assert right <= 384 - SIDE_MARGIN_DOTS + 2


def test_word_wider_than_the_paper_is_split_not_clipped() -> None:
    word = "https://dichvucong.gov.vn/p/home/dvc-tra-cuu-ho-so.html"
    font = load_font(28)

    lines = wrap_text(word, font, 200)

    assert "".join(lines) == word
    assert all(font.getlength(line) <= 200 for line in lines)


def test_no_break_space_keeps_a_value_on_one_line() -> None:
    font = load_font(24)
    text = "Thời gian chờ dự kiến: Khoảng\u00a015\u00a0phút"

    lines = wrap_text(text, font, 368)

    assert lines == ["Thời gian chờ dự kiến:", "Khoảng\u00a015\u00a0phút"]


def test_newline_starts_a_new_line() -> None:
    assert wrap_text("Bước 1\nBước 2", load_font(24), 576) == ["Bước 1", "Bước 2"]


def test_centred_text_is_balanced_instead_of_leaving_a_lone_word() -> None:
    font = load_font(24, bold=True)
    text = "Bộ phận Tiếp nhận và Trả kết quả giải quyết thủ tục hành chính"

    greedy = wrap_text(text, font, 368)
    balanced = wrap_text(text, font, 368, balanced=True)

    assert len(balanced) == len(greedy)
    assert " ".join(balanced) == text
    widths = [font.getlength(line) for line in balanced]
    assert max(widths) - min(widths) < max(font.getlength(line) for line in greedy) / 2
