# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'dose_panel.ui'
##
## Created by: Qt User Interface Compiler version 6.11.3
##
## WARNING! All changes made in this file will be lost when recompiling UI file!
################################################################################

from PySide6.QtCore import (QCoreApplication, QDate, QDateTime, QLocale,
    QMetaObject, QObject, QPoint, QRect,
    QSize, QTime, QUrl, Qt)
from PySide6.QtGui import (QBrush, QColor, QConicalGradient, QCursor,
    QFont, QFontDatabase, QGradient, QIcon,
    QImage, QKeySequence, QLinearGradient, QPainter,
    QPalette, QPixmap, QRadialGradient, QTransform)
from PySide6.QtWidgets import (QApplication, QFrame, QGridLayout, QHBoxLayout,
    QLabel, QPushButton, QScrollArea, QSizePolicy,
    QSpacerItem, QVBoxLayout, QWidget)

class Ui_DosePanel(object):
    def setupUi(self, DosePanel):
        if not DosePanel.objectName():
            DosePanel.setObjectName(u"DosePanel")
        DosePanel.resize(400, 760)
        DosePanel.setFrameShape(QFrame.Shape.StyledPanel)
        self.panel_layout = QVBoxLayout(DosePanel)
        self.panel_layout.setSpacing(6)
        self.panel_layout.setObjectName(u"panel_layout")
        self.panel_layout.setContentsMargins(12, 10, 12, 10)
        self.title_label = QLabel(DosePanel)
        self.title_label.setObjectName(u"title_label")
        font = QFont()
        font.setPointSize(15)
        font.setBold(True)
        self.title_label.setFont(font)
        self.title_label.setWordWrap(True)

        self.panel_layout.addWidget(self.title_label)

        self.unconfirmed_label = QLabel(DosePanel)
        self.unconfirmed_label.setObjectName(u"unconfirmed_label")
        font1 = QFont()
        font1.setPointSize(10)
        font1.setBold(True)
        self.unconfirmed_label.setFont(font1)
        self.unconfirmed_label.setWordWrap(True)

        self.panel_layout.addWidget(self.unconfirmed_label)

        self.phase_label = QLabel(DosePanel)
        self.phase_label.setObjectName(u"phase_label")
        font2 = QFont()
        font2.setPointSize(20)
        font2.setBold(True)
        self.phase_label.setFont(font2)
        self.phase_label.setWordWrap(True)

        self.panel_layout.addWidget(self.phase_label)

        self.scores_area = QWidget(DosePanel)
        self.scores_area.setObjectName(u"scores_area")
        self.scores_layout = QHBoxLayout(self.scores_area)
        self.scores_layout.setSpacing(8)
        self.scores_layout.setObjectName(u"scores_layout")
        self.scores_layout.setContentsMargins(0, 0, 0, 0)
        self.sedation_button = QPushButton(self.scores_area)
        self.sedation_button.setObjectName(u"sedation_button")
        self.sedation_button.setMinimumSize(QSize(0, 44))
        font3 = QFont()
        font3.setPointSize(13)
        font3.setBold(True)
        self.sedation_button.setFont(font3)
        self.sedation_button.setProperty(u"score", True)

        self.scores_layout.addWidget(self.sedation_button)

        self.dissociation_button = QPushButton(self.scores_area)
        self.dissociation_button.setObjectName(u"dissociation_button")
        self.dissociation_button.setMinimumSize(QSize(0, 44))
        self.dissociation_button.setFont(font3)
        self.dissociation_button.setProperty(u"score", True)

        self.scores_layout.addWidget(self.dissociation_button)

        self.scores_layout.setStretch(0, 1)
        self.scores_layout.setStretch(1, 1)

        self.panel_layout.addWidget(self.scores_area)

        self.message_label = QLabel(DosePanel)
        self.message_label.setObjectName(u"message_label")
        font4 = QFont()
        font4.setPointSize(13)
        self.message_label.setFont(font4)
        self.message_label.setWordWrap(True)

        self.panel_layout.addWidget(self.message_label)

        self.bp_prompt_frame = QFrame(DosePanel)
        self.bp_prompt_frame.setObjectName(u"bp_prompt_frame")
        self.bp_prompt_frame.setProperty(u"bp_prompt", True)
        self.bp_prompt_layout = QVBoxLayout(self.bp_prompt_frame)
        self.bp_prompt_layout.setSpacing(6)
        self.bp_prompt_layout.setObjectName(u"bp_prompt_layout")
        self.bp_prompt_label = QLabel(self.bp_prompt_frame)
        self.bp_prompt_label.setObjectName(u"bp_prompt_label")
        self.bp_prompt_label.setFont(font3)
        self.bp_prompt_label.setWordWrap(True)

        self.bp_prompt_layout.addWidget(self.bp_prompt_label)

        self.bp_pause_button = QPushButton(self.bp_prompt_frame)
        self.bp_pause_button.setObjectName(u"bp_pause_button")
        self.bp_pause_button.setMinimumSize(QSize(0, 44))

        self.bp_prompt_layout.addWidget(self.bp_pause_button)


        self.panel_layout.addWidget(self.bp_prompt_frame)

        self.figures_area = QWidget(DosePanel)
        self.figures_area.setObjectName(u"figures_area")
        self.figures_grid = QGridLayout(self.figures_area)
        self.figures_grid.setObjectName(u"figures_grid")
        self.figures_grid.setHorizontalSpacing(12)
        self.figures_grid.setVerticalSpacing(4)
        self.figures_grid.setContentsMargins(0, 0, 0, 0)
        self.elapsed_caption = QLabel(self.figures_area)
        self.elapsed_caption.setObjectName(u"elapsed_caption")
        font5 = QFont()
        font5.setPointSize(12)
        self.elapsed_caption.setFont(font5)
        self.elapsed_caption.setAlignment(Qt.AlignmentFlag.AlignLeading|Qt.AlignmentFlag.AlignTop)

        self.figures_grid.addWidget(self.elapsed_caption, 0, 0, 1, 1)

        self.elapsed_value = QLabel(self.figures_area)
        self.elapsed_value.setObjectName(u"elapsed_value")
        font6 = QFont()
        font6.setPointSize(16)
        font6.setBold(True)
        self.elapsed_value.setFont(font6)
        self.elapsed_value.setWordWrap(True)

        self.figures_grid.addWidget(self.elapsed_value, 0, 1, 1, 1)

        self.remaining_caption = QLabel(self.figures_area)
        self.remaining_caption.setObjectName(u"remaining_caption")
        self.remaining_caption.setFont(font5)
        self.remaining_caption.setAlignment(Qt.AlignmentFlag.AlignLeading|Qt.AlignmentFlag.AlignTop)

        self.figures_grid.addWidget(self.remaining_caption, 1, 0, 1, 1)

        self.remaining_value = QLabel(self.figures_area)
        self.remaining_value.setObjectName(u"remaining_value")
        self.remaining_value.setFont(font6)
        self.remaining_value.setWordWrap(True)

        self.figures_grid.addWidget(self.remaining_value, 1, 1, 1, 1)

        self.given_caption = QLabel(self.figures_area)
        self.given_caption.setObjectName(u"given_caption")
        self.given_caption.setFont(font5)
        self.given_caption.setAlignment(Qt.AlignmentFlag.AlignLeading|Qt.AlignmentFlag.AlignTop)

        self.figures_grid.addWidget(self.given_caption, 2, 0, 1, 1)

        self.given_value = QLabel(self.figures_area)
        self.given_value.setObjectName(u"given_value")
        self.given_value.setFont(font6)
        self.given_value.setWordWrap(True)

        self.figures_grid.addWidget(self.given_value, 2, 1, 1, 1)

        self.rate_caption = QLabel(self.figures_area)
        self.rate_caption.setObjectName(u"rate_caption")
        self.rate_caption.setFont(font5)
        self.rate_caption.setAlignment(Qt.AlignmentFlag.AlignLeading|Qt.AlignmentFlag.AlignTop)

        self.figures_grid.addWidget(self.rate_caption, 3, 0, 1, 1)

        self.rate_value = QLabel(self.figures_area)
        self.rate_value.setObjectName(u"rate_value")
        self.rate_value.setFont(font6)
        self.rate_value.setWordWrap(True)

        self.figures_grid.addWidget(self.rate_value, 3, 1, 1, 1)

        self.end_caption = QLabel(self.figures_area)
        self.end_caption.setObjectName(u"end_caption")
        self.end_caption.setFont(font5)
        self.end_caption.setAlignment(Qt.AlignmentFlag.AlignLeading|Qt.AlignmentFlag.AlignTop)

        self.figures_grid.addWidget(self.end_caption, 4, 0, 1, 1)

        self.end_value = QLabel(self.figures_area)
        self.end_value.setObjectName(u"end_value")
        self.end_value.setFont(font6)
        self.end_value.setWordWrap(True)

        self.figures_grid.addWidget(self.end_value, 4, 1, 1, 1)

        self.leave_caption = QLabel(self.figures_area)
        self.leave_caption.setObjectName(u"leave_caption")
        self.leave_caption.setFont(font5)
        self.leave_caption.setAlignment(Qt.AlignmentFlag.AlignLeading|Qt.AlignmentFlag.AlignTop)

        self.figures_grid.addWidget(self.leave_caption, 5, 0, 1, 1)

        self.leave_value = QLabel(self.figures_area)
        self.leave_value.setObjectName(u"leave_value")
        self.leave_value.setFont(font6)
        self.leave_value.setWordWrap(True)

        self.figures_grid.addWidget(self.leave_value, 5, 1, 1, 1)

        self.figures_grid.setColumnStretch(1, 1)

        self.panel_layout.addWidget(self.figures_area)

        self.checks_caption = QLabel(DosePanel)
        self.checks_caption.setObjectName(u"checks_caption")
        font7 = QFont()
        font7.setPointSize(12)
        font7.setBold(True)
        self.checks_caption.setFont(font7)

        self.panel_layout.addWidget(self.checks_caption)

        self.checks_scroll = QScrollArea(DosePanel)
        self.checks_scroll.setObjectName(u"checks_scroll")
        self.checks_scroll.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.checks_scroll.setFrameShape(QFrame.Shape.NoFrame)
        self.checks_scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.checks_scroll.setWidgetResizable(True)
        self.checks_area = QWidget()
        self.checks_area.setObjectName(u"checks_area")
        self.checks_layout = QVBoxLayout(self.checks_area)
        self.checks_layout.setSpacing(0)
        self.checks_layout.setObjectName(u"checks_layout")
        self.checks_layout.setContentsMargins(0, 0, 0, 0)
        self.checks_grid = QGridLayout()
        self.checks_grid.setObjectName(u"checks_grid")
        self.checks_grid.setHorizontalSpacing(10)
        self.checks_grid.setVerticalSpacing(4)
        self.checks_grid.setContentsMargins(0, 0, 0, 0)
        self.checks_grid.setColumnStretch(0, 1)

        self.checks_layout.addLayout(self.checks_grid)

        self.checks_spacer = QSpacerItem(0, 0, QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Expanding)

        self.checks_layout.addItem(self.checks_spacer)

        self.checks_scroll.setWidget(self.checks_area)

        self.panel_layout.addWidget(self.checks_scroll)

        self.hidden_checks_spacer = QSpacerItem(0, 0, QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Expanding)

        self.panel_layout.addItem(self.hidden_checks_spacer)

        self.notice_label = QLabel(DosePanel)
        self.notice_label.setObjectName(u"notice_label")
        self.notice_label.setFont(font7)
        self.notice_label.setWordWrap(True)

        self.panel_layout.addWidget(self.notice_label)

        self.buttons_area = QWidget(DosePanel)
        self.buttons_area.setObjectName(u"buttons_area")
        self.buttons_grid = QGridLayout(self.buttons_area)
        self.buttons_grid.setSpacing(8)
        self.buttons_grid.setObjectName(u"buttons_grid")
        self.buttons_grid.setContentsMargins(0, 0, 0, 0)
        self.plan_button = QPushButton(self.buttons_area)
        self.plan_button.setObjectName(u"plan_button")
        self.plan_button.setMinimumSize(QSize(0, 44))
        self.plan_button.setFont(font3)
        self.plan_button.setAutoDefault(False)

        self.buttons_grid.addWidget(self.plan_button, 0, 0, 1, 1)

        self.start_button = QPushButton(self.buttons_area)
        self.start_button.setObjectName(u"start_button")
        self.start_button.setMinimumSize(QSize(0, 44))
        self.start_button.setFont(font3)
        self.start_button.setAutoDefault(False)

        self.buttons_grid.addWidget(self.start_button, 0, 1, 1, 1)

        self.pause_button = QPushButton(self.buttons_area)
        self.pause_button.setObjectName(u"pause_button")
        self.pause_button.setMinimumSize(QSize(0, 44))
        self.pause_button.setFont(font3)
        self.pause_button.setAutoDefault(False)

        self.buttons_grid.addWidget(self.pause_button, 1, 0, 1, 1)

        self.resume_button = QPushButton(self.buttons_area)
        self.resume_button.setObjectName(u"resume_button")
        self.resume_button.setMinimumSize(QSize(0, 44))
        self.resume_button.setFont(font3)
        self.resume_button.setAutoDefault(False)

        self.buttons_grid.addWidget(self.resume_button, 1, 1, 1, 1)

        self.change_rate_button = QPushButton(self.buttons_area)
        self.change_rate_button.setObjectName(u"change_rate_button")
        self.change_rate_button.setMinimumSize(QSize(0, 44))
        self.change_rate_button.setFont(font3)
        self.change_rate_button.setAutoDefault(False)

        self.buttons_grid.addWidget(self.change_rate_button, 2, 0, 1, 1)

        self.bolus_button = QPushButton(self.buttons_area)
        self.bolus_button.setObjectName(u"bolus_button")
        self.bolus_button.setMinimumSize(QSize(0, 44))
        self.bolus_button.setFont(font3)
        self.bolus_button.setAutoDefault(False)

        self.buttons_grid.addWidget(self.bolus_button, 2, 1, 1, 1)

        self.complete_button = QPushButton(self.buttons_area)
        self.complete_button.setObjectName(u"complete_button")
        self.complete_button.setMinimumSize(QSize(0, 44))
        self.complete_button.setFont(font3)
        self.complete_button.setAutoDefault(False)

        self.buttons_grid.addWidget(self.complete_button, 3, 0, 1, 1)

        self.stop_button = QPushButton(self.buttons_area)
        self.stop_button.setObjectName(u"stop_button")
        self.stop_button.setMinimumSize(QSize(0, 44))
        self.stop_button.setFont(font3)
        self.stop_button.setAutoDefault(False)

        self.buttons_grid.addWidget(self.stop_button, 3, 1, 1, 1)

        self.next_device_button = QPushButton(self.buttons_area)
        self.next_device_button.setObjectName(u"next_device_button")
        self.next_device_button.setMinimumSize(QSize(0, 44))
        self.next_device_button.setFont(font3)
        self.next_device_button.setAutoDefault(False)

        self.buttons_grid.addWidget(self.next_device_button, 4, 0, 1, 1)

        self.discharge_button = QPushButton(self.buttons_area)
        self.discharge_button.setObjectName(u"discharge_button")
        self.discharge_button.setMinimumSize(QSize(0, 44))
        self.discharge_button.setFont(font3)
        self.discharge_button.setAutoDefault(False)

        self.buttons_grid.addWidget(self.discharge_button, 4, 1, 1, 1)

        self.choose_button = QPushButton(self.buttons_area)
        self.choose_button.setObjectName(u"choose_button")
        self.choose_button.setMinimumSize(QSize(0, 44))
        self.choose_button.setFont(font3)
        self.choose_button.setAutoDefault(False)

        self.buttons_grid.addWidget(self.choose_button, 5, 0, 1, 1)


        self.panel_layout.addWidget(self.buttons_area)

        self.panel_layout.setStretch(7, 1)

        self.retranslateUi(DosePanel)

        QMetaObject.connectSlotsByName(DosePanel)
    # setupUi

    def retranslateUi(self, DosePanel):
#if QT_CONFIG(accessibility)
        DosePanel.setAccessibleName(QCoreApplication.translate("DosePanel", u"Treatment", None))
#endif // QT_CONFIG(accessibility)
        self.title_label.setText(QCoreApplication.translate("DosePanel", u"Treatment", None))
#if QT_CONFIG(accessibility)
        self.title_label.setAccessibleName(QCoreApplication.translate("DosePanel", u"Treatment protocol", None))
#endif // QT_CONFIG(accessibility)
        self.unconfirmed_label.setText(QCoreApplication.translate("DosePanel", u"DEFAULTS NOT CONFIRMED BY THE CLINIC", None))
#if QT_CONFIG(accessibility)
        self.unconfirmed_label.setAccessibleName(QCoreApplication.translate("DosePanel", u"Protocol confirmation", None))
#endif // QT_CONFIG(accessibility)
        self.phase_label.setText("")
#if QT_CONFIG(accessibility)
        self.phase_label.setAccessibleName(QCoreApplication.translate("DosePanel", u"Dose phase", None))
#endif // QT_CONFIG(accessibility)
#if QT_CONFIG(accessibility)
        self.scores_area.setAccessibleName(QCoreApplication.translate("DosePanel", u"Latest assessments", None))
#endif // QT_CONFIG(accessibility)
#if QT_CONFIG(tooltip)
        self.sedation_button.setToolTip(QCoreApplication.translate("DosePanel", u"The latest sedation rating; press to review or correct it", None))
#endif // QT_CONFIG(tooltip)
#if QT_CONFIG(accessibility)
        self.sedation_button.setAccessibleName(QCoreApplication.translate("DosePanel", u"Latest sedation rating", None))
#endif // QT_CONFIG(accessibility)
        self.sedation_button.setText("")
#if QT_CONFIG(tooltip)
        self.dissociation_button.setToolTip(QCoreApplication.translate("DosePanel", u"The latest dissociation rating; press to review or correct it", None))
#endif // QT_CONFIG(tooltip)
#if QT_CONFIG(accessibility)
        self.dissociation_button.setAccessibleName(QCoreApplication.translate("DosePanel", u"Latest dissociation rating", None))
#endif // QT_CONFIG(accessibility)
        self.dissociation_button.setText("")
        self.message_label.setText("")
#if QT_CONFIG(accessibility)
        self.message_label.setAccessibleName(QCoreApplication.translate("DosePanel", u"Treatment message", None))
#endif // QT_CONFIG(accessibility)
#if QT_CONFIG(accessibility)
        self.bp_prompt_frame.setAccessibleName(QCoreApplication.translate("DosePanel", u"Blood pressure prompt", None))
#endif // QT_CONFIG(accessibility)
        self.bp_prompt_label.setText("")
#if QT_CONFIG(tooltip)
        self.bp_pause_button.setToolTip(QCoreApplication.translate("DosePanel", u"Pause the infusion now; the reading is recorded as the reason", None))
#endif // QT_CONFIG(tooltip)
        self.bp_pause_button.setText(QCoreApplication.translate("DosePanel", u"Pause the infusion", None))
        self.elapsed_caption.setText(QCoreApplication.translate("DosePanel", u"Elapsed", None))
        self.elapsed_value.setText(QCoreApplication.translate("DosePanel", u"\u2013", None))
#if QT_CONFIG(accessibility)
        self.elapsed_value.setAccessibleName(QCoreApplication.translate("DosePanel", u"Time since dosing started", None))
#endif // QT_CONFIG(accessibility)
        self.remaining_caption.setText(QCoreApplication.translate("DosePanel", u"Remaining", None))
        self.remaining_value.setText(QCoreApplication.translate("DosePanel", u"\u2013", None))
#if QT_CONFIG(accessibility)
        self.remaining_value.setAccessibleName(QCoreApplication.translate("DosePanel", u"Infusion time remaining at the current rate", None))
#endif // QT_CONFIG(accessibility)
        self.given_caption.setText(QCoreApplication.translate("DosePanel", u"Given", None))
        self.given_value.setText(QCoreApplication.translate("DosePanel", u"\u2013", None))
#if QT_CONFIG(accessibility)
        self.given_value.setAccessibleName(QCoreApplication.translate("DosePanel", u"Drug given of the drug prepared", None))
#endif // QT_CONFIG(accessibility)
        self.rate_caption.setText(QCoreApplication.translate("DosePanel", u"Rate", None))
        self.rate_value.setText(QCoreApplication.translate("DosePanel", u"\u2013", None))
#if QT_CONFIG(accessibility)
        self.rate_value.setAccessibleName(QCoreApplication.translate("DosePanel", u"Current pump rate", None))
#endif // QT_CONFIG(accessibility)
        self.end_caption.setText(QCoreApplication.translate("DosePanel", u"End", None))
        self.end_value.setText(QCoreApplication.translate("DosePanel", u"\u2013", None))
#if QT_CONFIG(accessibility)
        self.end_value.setAccessibleName(QCoreApplication.translate("DosePanel", u"End of the infusion", None))
#endif // QT_CONFIG(accessibility)
        self.leave_caption.setText(QCoreApplication.translate("DosePanel", u"May leave", None))
        self.leave_value.setText(QCoreApplication.translate("DosePanel", u"\u2013", None))
#if QT_CONFIG(accessibility)
        self.leave_value.setAccessibleName(QCoreApplication.translate("DosePanel", u"When the patient may leave", None))
#endif // QT_CONFIG(accessibility)
        self.checks_caption.setText(QCoreApplication.translate("DosePanel", u"Checks", None))
#if QT_CONFIG(accessibility)
        self.checks_area.setAccessibleName(QCoreApplication.translate("DosePanel", u"Checks due", None))
#endif // QT_CONFIG(accessibility)
        self.notice_label.setText("")
#if QT_CONFIG(accessibility)
        self.notice_label.setAccessibleName(QCoreApplication.translate("DosePanel", u"Why the last action was refused", None))
#endif // QT_CONFIG(accessibility)
        self.plan_button.setText(QCoreApplication.translate("DosePanel", u"&Plan dose\u2026", None))
        self.start_button.setText(QCoreApplication.translate("DosePanel", u"Start &infusion", None))
        self.pause_button.setText(QCoreApplication.translate("DosePanel", u"P&ause\u2026", None))
        self.resume_button.setText(QCoreApplication.translate("DosePanel", u"&Resume", None))
        self.change_rate_button.setText(QCoreApplication.translate("DosePanel", u"Change ra&te\u2026", None))
        self.bolus_button.setText(QCoreApplication.translate("DosePanel", u"&Bolus\u2026", None))
        self.complete_button.setText(QCoreApplication.translate("DosePanel", u"&Complete", None))
        self.stop_button.setText(QCoreApplication.translate("DosePanel", u"Stop &early\u2026", None))
        self.next_device_button.setText(QCoreApplication.translate("DosePanel", u"&Device 2 given", None))
        self.discharge_button.setText(QCoreApplication.translate("DosePanel", u"Ready for disc&harge\u2026", None))
        self.choose_button.setText(QCoreApplication.translate("DosePanel", u"&Choose treatment\u2026", None))
    # retranslateUi

