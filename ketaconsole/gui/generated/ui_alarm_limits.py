# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'alarm_limits.ui'
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
from PySide6.QtWidgets import (QAbstractButton, QApplication, QDialog, QDialogButtonBox,
    QFrame, QGridLayout, QLabel, QLineEdit,
    QScrollArea, QSizePolicy, QVBoxLayout, QWidget)

class Ui_AlarmLimitsDialog(object):
    def setupUi(self, AlarmLimitsDialog):
        if not AlarmLimitsDialog.objectName():
            AlarmLimitsDialog.setObjectName(u"AlarmLimitsDialog")
        AlarmLimitsDialog.resize(1240, 720)
        font = QFont()
        font.setPointSize(14)
        AlarmLimitsDialog.setFont(font)
        AlarmLimitsDialog.setModal(True)
        self.limits_layout = QVBoxLayout(AlarmLimitsDialog)
        self.limits_layout.setSpacing(8)
        self.limits_layout.setObjectName(u"limits_layout")
        self.header_label = QLabel(AlarmLimitsDialog)
        self.header_label.setObjectName(u"header_label")
        font1 = QFont()
        font1.setPointSize(16)
        font1.setBold(True)
        self.header_label.setFont(font1)
        self.header_label.setWordWrap(True)

        self.limits_layout.addWidget(self.header_label)

        self.preset_label = QLabel(AlarmLimitsDialog)
        self.preset_label.setObjectName(u"preset_label")
        self.preset_label.setTextFormat(Qt.PlainText)
        self.preset_label.setWordWrap(True)

        self.limits_layout.addWidget(self.preset_label)

        self.unconfirmed_label = QLabel(AlarmLimitsDialog)
        self.unconfirmed_label.setObjectName(u"unconfirmed_label")
        font2 = QFont()
        font2.setPointSize(14)
        font2.setBold(True)
        self.unconfirmed_label.setFont(font2)
        self.unconfirmed_label.setWordWrap(True)

        self.limits_layout.addWidget(self.unconfirmed_label)

        self.limits_area = QScrollArea(AlarmLimitsDialog)
        self.limits_area.setObjectName(u"limits_area")
        self.limits_area.setFrameShape(QFrame.NoFrame)
        self.limits_area.setHorizontalScrollBarPolicy(Qt.ScrollBarAlwaysOff)
        self.limits_area.setWidgetResizable(True)
        self.limits_widget = QWidget()
        self.limits_widget.setObjectName(u"limits_widget")
        self.limits_widget.setGeometry(QRect(0, 0, 1140, 400))
        self.limits_grid = QGridLayout(self.limits_widget)
        self.limits_grid.setObjectName(u"limits_grid")
        self.limits_grid.setHorizontalSpacing(16)
        self.limits_grid.setVerticalSpacing(6)
        self.limit_heading = QLabel(self.limits_widget)
        self.limit_heading.setObjectName(u"limit_heading")
        self.limit_heading.setProperty(u"column_heading", True)

        self.limits_grid.addWidget(self.limit_heading, 0, 0, 1, 1)

        self.direction_heading = QLabel(self.limits_widget)
        self.direction_heading.setObjectName(u"direction_heading")
        self.direction_heading.setProperty(u"column_heading", True)

        self.limits_grid.addWidget(self.direction_heading, 0, 1, 1, 1)

        self.thresholds_heading = QLabel(self.limits_widget)
        self.thresholds_heading.setObjectName(u"thresholds_heading")
        self.thresholds_heading.setProperty(u"column_heading", True)

        self.limits_grid.addWidget(self.thresholds_heading, 0, 2, 1, 1)

        self.delay_heading = QLabel(self.limits_widget)
        self.delay_heading.setObjectName(u"delay_heading")
        self.delay_heading.setProperty(u"column_heading", True)

        self.limits_grid.addWidget(self.delay_heading, 0, 3, 1, 1)

        self.hysteresis_heading = QLabel(self.limits_widget)
        self.hysteresis_heading.setObjectName(u"hysteresis_heading")
        self.hysteresis_heading.setProperty(u"column_heading", True)

        self.limits_grid.addWidget(self.hysteresis_heading, 0, 4, 1, 1)

        self.limits_grid.setColumnStretch(0, 2)
        self.limits_grid.setColumnStretch(1, 1)
        self.limits_grid.setColumnStretch(2, 4)
        self.limits_grid.setColumnStretch(3, 1)
        self.limits_grid.setColumnStretch(4, 1)
        self.limits_area.setWidget(self.limits_widget)

        self.limits_layout.addWidget(self.limits_area)

        self.reason_grid = QGridLayout()
        self.reason_grid.setObjectName(u"reason_grid")
        self.reason_grid.setHorizontalSpacing(12)
        self.reason_label = QLabel(AlarmLimitsDialog)
        self.reason_label.setObjectName(u"reason_label")

        self.reason_grid.addWidget(self.reason_label, 0, 0, 1, 1)

        self.reason_edit = QLineEdit(AlarmLimitsDialog)
        self.reason_edit.setObjectName(u"reason_edit")
        self.reason_edit.setMinimumSize(QSize(0, 44))
        self.reason_edit.setMaxLength(500)

        self.reason_grid.addWidget(self.reason_edit, 0, 1, 1, 1)

        self.reason_error = QLabel(AlarmLimitsDialog)
        self.reason_error.setObjectName(u"reason_error")

        self.reason_grid.addWidget(self.reason_error, 1, 1, 1, 1)

        self.reason_grid.setColumnStretch(1, 1)

        self.limits_layout.addLayout(self.reason_grid)

        self.form_message = QLabel(AlarmLimitsDialog)
        self.form_message.setObjectName(u"form_message")

        self.limits_layout.addWidget(self.form_message)

        self.button_box = QDialogButtonBox(AlarmLimitsDialog)
        self.button_box.setObjectName(u"button_box")
        self.button_box.setMinimumSize(QSize(0, 44))
        self.button_box.setStandardButtons(QDialogButtonBox.Cancel|QDialogButtonBox.Save)

        self.limits_layout.addWidget(self.button_box)

#if QT_CONFIG(shortcut)
        self.reason_label.setBuddy(self.reason_edit)
#endif // QT_CONFIG(shortcut)
        QWidget.setTabOrder(self.limits_area, self.reason_edit)

        self.retranslateUi(AlarmLimitsDialog)

        QMetaObject.connectSlotsByName(AlarmLimitsDialog)
    # setupUi

    def retranslateUi(self, AlarmLimitsDialog):
        AlarmLimitsDialog.setWindowTitle(QCoreApplication.translate("AlarmLimitsDialog", u"Alarm limits", None))
        self.header_label.setText(QCoreApplication.translate("AlarmLimitsDialog", u"Alarm limits of this session", None))
        self.preset_label.setText("")
        self.unconfirmed_label.setText(QCoreApplication.translate("AlarmLimitsDialog", u"These limits are defaults not confirmed by the clinic", None))
        self.limit_heading.setText(QCoreApplication.translate("AlarmLimitsDialog", u"Limit", None))
        self.direction_heading.setText(QCoreApplication.translate("AlarmLimitsDialog", u"Alarms", None))
        self.thresholds_heading.setText(QCoreApplication.translate("AlarmLimitsDialog", u"Threshold (priority) of each tier", None))
        self.delay_heading.setText(QCoreApplication.translate("AlarmLimitsDialog", u"Delay", None))
        self.hysteresis_heading.setText(QCoreApplication.translate("AlarmLimitsDialog", u"Hysteresis", None))
        self.reason_label.setText(QCoreApplication.translate("AlarmLimitsDialog", u"&Reason for the change", None))
#if QT_CONFIG(accessibility)
        self.reason_edit.setAccessibleName(QCoreApplication.translate("AlarmLimitsDialog", u"Reason for the change", None))
#endif // QT_CONFIG(accessibility)
        self.reason_error.setText("")
        self.form_message.setText("")
    # retranslateUi

