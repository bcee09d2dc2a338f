# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'alarm_bar.ui'
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
    QVBoxLayout, QWidget)

class Ui_AlarmBar(object):
    def setupUi(self, AlarmBar):
        if not AlarmBar.objectName():
            AlarmBar.setObjectName(u"AlarmBar")
        AlarmBar.resize(1280, 60)
        self.bar_layout = QVBoxLayout(AlarmBar)
        self.bar_layout.setSpacing(4)
        self.bar_layout.setObjectName(u"bar_layout")
        self.bar_layout.setContentsMargins(0, 0, 0, 0)
        self.header_layout = QHBoxLayout()
        self.header_layout.setSpacing(8)
        self.header_layout.setObjectName(u"header_layout")
        self.alarm_indicator = QFrame(AlarmBar)
        self.alarm_indicator.setObjectName(u"alarm_indicator")
        self.alarm_indicator.setMinimumSize(QSize(0, 52))
        self.indicator_layout = QHBoxLayout(self.alarm_indicator)
        self.indicator_layout.setSpacing(16)
        self.indicator_layout.setObjectName(u"indicator_layout")
        self.indicator_layout.setContentsMargins(12, 2, 12, 2)
        self.headline_label = QLabel(self.alarm_indicator)
        self.headline_label.setObjectName(u"headline_label")
        font = QFont()
        font.setPointSize(18)
        font.setBold(True)
        self.headline_label.setFont(font)
        self.headline_label.setTextFormat(Qt.PlainText)

        self.indicator_layout.addWidget(self.headline_label)

        self.duration_label = QLabel(self.alarm_indicator)
        self.duration_label.setObjectName(u"duration_label")
        font1 = QFont()
        font1.setPointSize(16)
        font1.setBold(True)
        self.duration_label.setFont(font1)
        self.duration_label.setTextFormat(Qt.PlainText)

        self.indicator_layout.addWidget(self.duration_label)

        self.indicator_layout.setStretch(0, 1)

        self.header_layout.addWidget(self.alarm_indicator)

        self.acknowledge_button = QPushButton(AlarmBar)
        self.acknowledge_button.setObjectName(u"acknowledge_button")
        self.acknowledge_button.setMinimumSize(QSize(0, 48))
        font2 = QFont()
        font2.setPointSize(13)
        font2.setBold(True)
        self.acknowledge_button.setFont(font2)
        self.acknowledge_button.setAutoDefault(False)
        self.acknowledge_button.setVisible(False)

        self.header_layout.addWidget(self.acknowledge_button)

        self.list_button = QPushButton(AlarmBar)
        self.list_button.setObjectName(u"list_button")
        self.list_button.setMinimumSize(QSize(0, 48))
        self.list_button.setFont(font2)
        self.list_button.setCheckable(True)
        self.list_button.setAutoDefault(False)
        self.list_button.setVisible(False)

        self.header_layout.addWidget(self.list_button)

        self.pause_label = QLabel(AlarmBar)
        self.pause_label.setObjectName(u"pause_label")
        font3 = QFont()
        font3.setPointSize(14)
        font3.setBold(True)
        self.pause_label.setFont(font3)
        self.pause_label.setTextFormat(Qt.PlainText)
        self.pause_label.setAlignment(Qt.AlignCenter)
        self.pause_label.setVisible(False)

        self.header_layout.addWidget(self.pause_label)

        self.pause_button = QPushButton(AlarmBar)
        self.pause_button.setObjectName(u"pause_button")
        self.pause_button.setMinimumSize(QSize(0, 48))
        self.pause_button.setFont(font2)
        self.pause_button.setAutoDefault(False)

        self.header_layout.addWidget(self.pause_button)

        self.header_layout.setStretch(0, 1)

        self.bar_layout.addLayout(self.header_layout)

        self.list_panel = QFrame(AlarmBar)
        self.list_panel.setObjectName(u"list_panel")
        self.list_panel.setVisible(False)
        self.panel_layout = QVBoxLayout(self.list_panel)
        self.panel_layout.setSpacing(4)
        self.panel_layout.setObjectName(u"panel_layout")
        self.panel_layout.setContentsMargins(6, 6, 6, 6)
        self.message_label = QLabel(self.list_panel)
        self.message_label.setObjectName(u"message_label")
        self.message_label.setFont(font2)
        self.message_label.setTextFormat(Qt.PlainText)
        self.message_label.setWordWrap(True)
        self.message_label.setVisible(False)

        self.panel_layout.addWidget(self.message_label)

        self.list_area = QScrollArea(self.list_panel)
        self.list_area.setObjectName(u"list_area")
        self.list_area.setFrameShape(QFrame.NoFrame)
        self.list_area.setHorizontalScrollBarPolicy(Qt.ScrollBarAlwaysOff)
        self.list_area.setWidgetResizable(True)
        self.list_area.setVisible(False)
        self.list_widget = QWidget()
        self.list_widget.setObjectName(u"list_widget")
        self.list_widget.setGeometry(QRect(0, 0, 1260, 100))
        self.list_grid = QGridLayout(self.list_widget)
        self.list_grid.setObjectName(u"list_grid")
        self.list_grid.setHorizontalSpacing(12)
        self.list_grid.setVerticalSpacing(4)
        self.list_grid.setContentsMargins(4, 0, 4, 0)
        self.list_grid.setColumnStretch(2, 1)
        self.list_area.setWidget(self.list_widget)

        self.panel_layout.addWidget(self.list_area)


        self.bar_layout.addWidget(self.list_panel)


        self.retranslateUi(AlarmBar)

        QMetaObject.connectSlotsByName(AlarmBar)
    # setupUi

    def retranslateUi(self, AlarmBar):
#if QT_CONFIG(accessibility)
        AlarmBar.setAccessibleName(QCoreApplication.translate("AlarmBar", u"Alarms", None))
#endif // QT_CONFIG(accessibility)
#if QT_CONFIG(accessibility)
        self.alarm_indicator.setAccessibleName(QCoreApplication.translate("AlarmBar", u"Highest alarm", None))
#endif // QT_CONFIG(accessibility)
        self.alarm_indicator.setProperty(u"alarm_priority", QCoreApplication.translate("AlarmBar", u"none", None))
        self.headline_label.setText("")
        self.duration_label.setText("")
#if QT_CONFIG(tooltip)
        self.acknowledge_button.setToolTip(QCoreApplication.translate("AlarmBar", u"Acknowledge the alarm shown here (F10)", None))
#endif // QT_CONFIG(tooltip)
        self.acknowledge_button.setText(QCoreApplication.translate("AlarmBar", u"Acknowledge", None))
#if QT_CONFIG(tooltip)
        self.list_button.setToolTip(QCoreApplication.translate("AlarmBar", u"Show or hide every alarm, each with its own Acknowledge", None))
#endif // QT_CONFIG(tooltip)
        self.list_button.setText(QCoreApplication.translate("AlarmBar", u"Alarms", None))
        self.pause_label.setText("")
#if QT_CONFIG(accessibility)
        self.pause_label.setAccessibleName(QCoreApplication.translate("AlarmBar", u"Alarm audio paused", None))
#endif // QT_CONFIG(accessibility)
#if QT_CONFIG(tooltip)
        self.pause_button.setToolTip(QCoreApplication.translate("AlarmBar", u"Silence the alarms sounding now for a while; a new alarm still sounds (F9)", None))
#endif // QT_CONFIG(tooltip)
        self.pause_button.setText(QCoreApplication.translate("AlarmBar", u"Pause audio", None))
        self.message_label.setText("")
#if QT_CONFIG(accessibility)
        self.list_area.setAccessibleName(QCoreApplication.translate("AlarmBar", u"Alarm list", None))
#endif // QT_CONFIG(accessibility)
    # retranslateUi

