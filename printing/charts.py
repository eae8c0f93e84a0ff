"""Report charts with reportlab graphics (no network, no images): busy hours and outcomes.

Also registers the shipped Noto Sans with reportlab, since charts and the PDF share it.
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import cache

from reportlab.graphics.charts.barcharts import HorizontalBarChart, VerticalBarChart
from reportlab.graphics.charts.legends import Legend
from reportlab.graphics.shapes import Drawing
from reportlab.lib import colors
from reportlab.lib.fonts import addMapping
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont

from kiosk.resources import font_path

FONT = "NotoSans"
FONT_BOLD = "NotoSans-Bold"
CURRENT_COLOUR = colors.HexColor("#1f4e79")
PREVIOUS_COLOUR = colors.HexColor("#b4c7dc")
GRID_COLOUR = colors.HexColor("#d9d9d9")
LABEL_SIZE = 8


@cache
def register_fonts() -> None:
    """Register regular and bold Noto Sans (embedded as subsets) once per process."""
    pdfmetrics.registerFont(TTFont(FONT, str(font_path())))
    pdfmetrics.registerFont(TTFont(FONT_BOLD, str(font_path(bold=True))))
    # No italic is shipped: <i> falls back to the upright faces rather than to Helvetica.
    for bold, italic, name in ((0, 0, FONT), (1, 0, FONT_BOLD), (0, 1, FONT), (1, 1, FONT_BOLD)):
        addMapping(FONT, bold, italic, name)


def _drawing(width: float, height: float) -> Drawing:
    register_fonts()
    drawing = Drawing(width, height)
    # Otherwise the renderer starts from Helvetica, which then appears (unembedded) in the PDF.
    drawing.initialFontName = FONT
    return drawing


def _value_step(top: int) -> int:
    """A y-axis step giving at most about six whole-number gridlines."""
    for step in (1, 2, 5, 10, 20, 25, 50, 100, 200, 250, 500, 1000):
        if top / step <= 6:
            return step
    return max(1, top // 5)


def hourly_chart(
    current: Sequence[int],
    previous: Sequence[int],
    hours: range,
    *,
    width: float,
    height: float = 150,
) -> Drawing:
    """Tickets issued per hour, this period's bars beside the previous period's.

    Args:
        current: 24 counts of this period, by local hour.
        previous: 24 counts of the previous period.
        hours: The hours to show (``kiosk.domain.summary.hour_span``).
        width: Drawing width in points.
        height: Drawing height in points.
    """
    drawing = _drawing(width, height)
    chart = VerticalBarChart()
    chart.x, chart.y = 30, 30
    chart.width, chart.height = width - 40, height - 50
    chart.data = [[current[h] for h in hours], [previous[h] for h in hours]]
    chart.categoryAxis.categoryNames = [f"{h}h" for h in hours]
    top = max([1, *chart.data[0], *chart.data[1]])
    step = _value_step(top)
    chart.valueAxis.valueMin = 0
    chart.valueAxis.valueMax = -(-top // step) * step
    chart.valueAxis.valueStep = step
    chart.valueAxis.visibleGrid = True
    chart.valueAxis.gridStrokeColor = GRID_COLOUR
    for axis in (chart.categoryAxis, chart.valueAxis):
        axis.labels.fontName = FONT
        axis.labels.fontSize = LABEL_SIZE
    chart.bars[0].fillColor = CURRENT_COLOUR
    chart.bars[1].fillColor = PREVIOUS_COLOUR
    chart.bars.strokeColor = None
    chart.groupSpacing = 4
    drawing.add(chart)
    drawing.add(_legend(width, height, ("Kỳ này", "Kỳ trước")))
    return drawing


def _legend(width: float, height: float, names: Sequence[str]) -> Legend:
    legend = Legend()
    legend.x, legend.y = width - 150, height - 6
    legend.alignment = "right"
    legend.columnMaximum = 1
    legend.fontName = FONT
    legend.fontSize = LABEL_SIZE
    legend.dx = legend.dy = 7
    legend.deltax = 70
    legend.colorNamePairs = list(zip((CURRENT_COLOUR, PREVIOUS_COLOUR), names, strict=True))
    return legend


def outcome_chart(labels: Sequence[str], counts: Sequence[int], *, width: float) -> Drawing:
    """Visits by outcome in this period, as horizontal bars with the count at each bar's end."""
    bar_height = 14
    height = 20 + bar_height * len(labels)
    drawing = _drawing(width, height)
    chart = HorizontalBarChart()
    chart.x, chart.y = 190, 10
    chart.width, chart.height = width - 230, height - 20
    # Top to bottom in the order given: the category axis runs upwards.
    chart.data = [list(reversed(counts))]
    chart.categoryAxis.categoryNames = list(reversed(labels))
    chart.categoryAxis.labels.fontName = FONT
    chart.categoryAxis.labels.fontSize = LABEL_SIZE
    chart.categoryAxis.labels.boxAnchor = "e"
    chart.categoryAxis.labels.dx = -6
    chart.valueAxis.visible = False
    chart.valueAxis.valueMin = 0
    chart.valueAxis.valueMax = max([1, *counts])
    chart.bars[0].fillColor = CURRENT_COLOUR
    chart.bars.strokeColor = None
    chart.barLabelFormat = "%d"
    chart.barLabels.fontName = FONT
    chart.barLabels.fontSize = LABEL_SIZE
    chart.barLabels.boxAnchor = "w"
    chart.barLabels.dx = 3
    drawing.add(chart)
    return drawing
