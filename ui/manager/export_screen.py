"""Before the export: the report's paragraph (prefilled from the figures), its number, the signer.

The manager's PC has a keyboard: the paragraph is a plain text box the manager may rewrite,
the number and the signer's name are one line each. Nothing is written until "Xuất"; "Quay
lại" returns to the figures and keeps nothing typed.
"""

from __future__ import annotations

from PySide6.QtCore import Signal, Slot
from PySide6.QtWidgets import (
    QGridLayout,
    QHBoxLayout,
    QLineEdit,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from kiosk.domain.summary import Period
from kiosk.services.reports import ReportWords
from ui.i18n import translate
from ui.theme import Theme
from ui.widgets.buttons import action_button
from ui.widgets.screen import Screen, text_label


class ManagerExportScreen(Screen):
    """The paragraph, number and signer of one export, then "Xuất PDF và CSV" or "Quay lại".

    Signals:
        export_confirmed(object, object): the ``Period`` and the ``ReportWords`` typed.
        back_clicked: back to the figures without writing anything.
    """

    export_confirmed = Signal(object, object)
    back_clicked = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._period: Period | None = None
        self.title = text_label("title")
        self.narrative_title = text_label("body")
        self.narrative = QPlainTextEdit()
        self.narrative.setTabChangesFocus(True)
        self.number_title = text_label("body")
        self.number = QLineEdit()
        self.signer_title = text_label("body")
        self.signer = QLineEdit()
        self.status = text_label("body")
        self.export = action_button("primary")
        self.back = action_button("neutral")
        self.export.clicked.connect(self._on_export_clicked)
        self.back.clicked.connect(self.back_clicked)
        fields = QGridLayout()
        fields.addWidget(self.number_title, 0, 0)
        fields.addWidget(self.number, 0, 1)
        fields.addWidget(self.signer_title, 1, 0)
        fields.addWidget(self.signer, 1, 1)
        fields.setColumnStretch(1, 1)
        buttons = QHBoxLayout()
        buttons.addWidget(self.back)
        buttons.addStretch(1)
        buttons.addWidget(self.export)
        self._fields, self._buttons = fields, buttons
        self._layout = QVBoxLayout(self)
        self._layout.addWidget(self.title)
        self._layout.addWidget(self.narrative_title)
        self._layout.addWidget(self.narrative, 1)
        self._layout.addLayout(fields)
        self._layout.addWidget(self.status)
        self._layout.addLayout(buttons)
        self.retranslate()

    def prepare(self, period: Period, *, narrative: str, signer_name: str) -> None:
        """A fresh form for ``period``: the generated paragraph, no number, the usual signer."""
        self._period = period
        self.title.setText(
            translate("ManagerExportScreen", "Xuất báo cáo {period}").format(
                period=period.label_vi()
            )
        )
        self.narrative.setPlainText(narrative)
        self.number.clear()
        self.signer.setText(signer_name)
        self.status.setText("")
        self.set_exporting(False)
        self.narrative.setFocus()

    def words(self) -> ReportWords:
        """What the form holds now."""
        return ReportWords(
            narrative=self.narrative.toPlainText(),
            number=self.number.text(),
            signer_name=self.signer.text(),
        )

    def set_exporting(self, busy: bool) -> None:
        """Both buttons wait while the files are written."""
        self.export.setEnabled(not busy)
        self.back.setEnabled(not busy)

    def show_status(self, text: str) -> None:
        """Why the export failed (the form stays as typed)."""
        self.status.setText(text)

    def apply_theme(self, theme: Theme) -> None:
        super().apply_theme(theme)
        margin = theme.px(theme.sizes.margin)
        spacing = theme.px(theme.sizes.spacing)
        self._layout.setContentsMargins(margin, margin // 2, margin, margin // 2)
        self._layout.setSpacing(spacing // 2)
        self._fields.setHorizontalSpacing(spacing)
        self._fields.setVerticalSpacing(spacing // 2)
        self.narrative.setMinimumHeight(theme.min_target_px * 3)

    def retranslate(self) -> None:
        self.narrative_title.setText(
            translate("ManagerExportScreen", "Đoạn tóm tắt (viết sẵn từ số liệu, sửa được):")
        )
        self.number_title.setText(translate("ManagerExportScreen", "Số văn bản:"))
        self.signer_title.setText(translate("ManagerExportScreen", "Người ký:"))
        self.export.setText(translate("ManagerExportScreen", "Xuất PDF và CSV"))
        self.back.setText(translate("ManagerExportScreen", "‹ Quay lại"))

    @Slot()
    def _on_export_clicked(self) -> None:
        if self._period is not None:
            self.export_confirmed.emit(self._period, self.words())
