# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'main_window.ui'
##
## Created by: Qt User Interface Compiler version 6.11.3
##
## WARNING! All changes made in this file will be lost when recompiling UI file!
################################################################################

from PySide6.QtCore import (QCoreApplication, QDate, QDateTime, QLocale,
    QMetaObject, QObject, QPoint, QRect,
    QSize, QTime, QUrl, Qt)
from PySide6.QtGui import (QAction, QBrush, QColor, QConicalGradient,
    QCursor, QFont, QFontDatabase, QGradient,
    QIcon, QImage, QKeySequence, QLinearGradient,
    QPainter, QPalette, QPixmap, QRadialGradient,
    QTransform)
from PySide6.QtWidgets import (QApplication, QFrame, QGridLayout, QHBoxLayout,
    QLabel, QMainWindow, QMenu, QMenuBar,
    QSizePolicy, QSplitter, QStatusBar, QToolBar,
    QVBoxLayout, QWidget)

from ketaconsole.gui.alarm_bar import AlarmBar
from ketaconsole.gui.dose_panel import DosePanel
from ketaconsole.gui.trend_view import TrendView
from ketaconsole.gui.verification_banner import VerificationBanner
from ketaconsole.gui.waveform_strip import WaveformStrip

class Ui_MainWindow(object):
    def setupUi(self, MainWindow):
        if not MainWindow.objectName():
            MainWindow.setObjectName(u"MainWindow")
        MainWindow.resize(1400, 900)
        self.manual_vitals_action = QAction(MainWindow)
        self.manual_vitals_action.setObjectName(u"manual_vitals_action")
        self.note_action = QAction(MainWindow)
        self.note_action.setObjectName(u"note_action")
        self.assessment_action = QAction(MainWindow)
        self.assessment_action.setObjectName(u"assessment_action")
        self.rems_summary_action = QAction(MainWindow)
        self.rems_summary_action.setObjectName(u"rems_summary_action")
        self.sign_record_action = QAction(MainWindow)
        self.sign_record_action.setObjectName(u"sign_record_action")
        self.sign_record_action.setEnabled(False)
        self.end_session_action = QAction(MainWindow)
        self.end_session_action.setObjectName(u"end_session_action")
        self.follow_action = QAction(MainWindow)
        self.follow_action.setObjectName(u"follow_action")
        self.show_all_action = QAction(MainWindow)
        self.show_all_action.setObjectName(u"show_all_action")
        self.dark_theme_action = QAction(MainWindow)
        self.dark_theme_action.setObjectName(u"dark_theme_action")
        self.dark_theme_action.setCheckable(True)
        self.full_screen_action = QAction(MainWindow)
        self.full_screen_action.setObjectName(u"full_screen_action")
        self.full_screen_action.setCheckable(True)
        self.pause_audio_action = QAction(MainWindow)
        self.pause_audio_action.setObjectName(u"pause_audio_action")
        self.acknowledge_action = QAction(MainWindow)
        self.acknowledge_action.setObjectName(u"acknowledge_action")
        self.alarm_limits_action = QAction(MainWindow)
        self.alarm_limits_action.setObjectName(u"alarm_limits_action")
        self.central_widget = QWidget(MainWindow)
        self.central_widget.setObjectName(u"central_widget")
        self.central_layout = QVBoxLayout(self.central_widget)
        self.central_layout.setObjectName(u"central_layout")
        self.alarm_bar = AlarmBar(self.central_widget)
        self.alarm_bar.setObjectName(u"alarm_bar")

        self.central_layout.addWidget(self.alarm_bar)

        self.banner_label = QLabel(self.central_widget)
        self.banner_label.setObjectName(u"banner_label")
        font = QFont()
        font.setPointSize(22)
        font.setBold(True)
        self.banner_label.setFont(font)
        self.banner_label.setAlignment(Qt.AlignCenter)
        self.banner_label.setWordWrap(True)
        self.banner_label.setVisible(False)

        self.central_layout.addWidget(self.banner_label)

        self.training_banner = QLabel(self.central_widget)
        self.training_banner.setObjectName(u"training_banner")
        font1 = QFont()
        font1.setPointSize(14)
        font1.setBold(True)
        self.training_banner.setFont(font1)
        self.training_banner.setVisible(False)

        self.central_layout.addWidget(self.training_banner)

        self.verification_banner = VerificationBanner(self.central_widget)
        self.verification_banner.setObjectName(u"verification_banner")
        font2 = QFont()
        font2.setPointSize(12)
        self.verification_banner.setFont(font2)

        self.central_layout.addWidget(self.verification_banner)

        self.connection_label = QLabel(self.central_widget)
        self.connection_label.setObjectName(u"connection_label")
        font3 = QFont()
        font3.setPointSize(13)
        font3.setBold(True)
        self.connection_label.setFont(font3)
        self.connection_label.setWordWrap(True)

        self.central_layout.addWidget(self.connection_label)

        self.assessment_banner = QFrame(self.central_widget)
        self.assessment_banner.setObjectName(u"assessment_banner")
        self.assessment_banner.setVisible(False)
        self.assessment_banner_grid = QGridLayout(self.assessment_banner)
        self.assessment_banner_grid.setObjectName(u"assessment_banner_grid")
        self.assessment_banner_grid.setHorizontalSpacing(6)
        self.assessment_banner_grid.setVerticalSpacing(4)
        self.assessment_banner_grid.setContentsMargins(4, 4, 4, 4)
        self.assessment_banner_grid.setColumnStretch(0, 1)
        self.assessment_banner_grid.setColumnStretch(1, 1)

        self.central_layout.addWidget(self.assessment_banner)

        self.body_layout = QHBoxLayout()
        self.body_layout.setSpacing(8)
        self.body_layout.setObjectName(u"body_layout")
        self.main_splitter = QSplitter(self.central_widget)
        self.main_splitter.setObjectName(u"main_splitter")
        self.main_splitter.setOrientation(Qt.Vertical)
        self.main_splitter.setChildrenCollapsible(False)
        self.live_area = QWidget(self.main_splitter)
        self.live_area.setObjectName(u"live_area")
        self.live_layout = QHBoxLayout(self.live_area)
        self.live_layout.setObjectName(u"live_layout")
        self.live_layout.setContentsMargins(0, 0, 0, 0)
        self.waves_layout = QVBoxLayout()
        self.waves_layout.setObjectName(u"waves_layout")
        self.ecg_strip = WaveformStrip(self.live_area)
        self.ecg_strip.setObjectName(u"ecg_strip")
        self.ecg_strip.setMinimumSize(QSize(300, 70))

        self.waves_layout.addWidget(self.ecg_strip)

        self.pleth_strip = WaveformStrip(self.live_area)
        self.pleth_strip.setObjectName(u"pleth_strip")
        self.pleth_strip.setMinimumSize(QSize(300, 70))

        self.waves_layout.addWidget(self.pleth_strip)

        self.co2_strip = WaveformStrip(self.live_area)
        self.co2_strip.setObjectName(u"co2_strip")
        self.co2_strip.setMinimumSize(QSize(300, 70))

        self.waves_layout.addWidget(self.co2_strip)


        self.live_layout.addLayout(self.waves_layout)

        self.tiles_grid = QGridLayout()
        self.tiles_grid.setSpacing(8)
        self.tiles_grid.setObjectName(u"tiles_grid")
        self.hr_tile = QFrame(self.live_area)
        self.hr_tile.setObjectName(u"hr_tile")
        self.hr_tile.setFrameShape(QFrame.StyledPanel)
        self.hr_layout = QGridLayout(self.hr_tile)
        self.hr_layout.setObjectName(u"hr_layout")
        self.hr_title = QLabel(self.hr_tile)
        self.hr_title.setObjectName(u"hr_title")
        self.hr_title.setFont(font1)

        self.hr_layout.addWidget(self.hr_title, 0, 0, 1, 1)

        self.hr_unit = QLabel(self.hr_tile)
        self.hr_unit.setObjectName(u"hr_unit")
        font4 = QFont()
        font4.setPointSize(13)
        self.hr_unit.setFont(font4)
        self.hr_unit.setAlignment(Qt.AlignRight|Qt.AlignVCenter)

        self.hr_layout.addWidget(self.hr_unit, 0, 1, 1, 1)

        self.hr_value = QLabel(self.hr_tile)
        self.hr_value.setObjectName(u"hr_value")
        font5 = QFont()
        font5.setPointSize(36)
        font5.setBold(True)
        self.hr_value.setFont(font5)
        self.hr_value.setAlignment(Qt.AlignCenter)

        self.hr_layout.addWidget(self.hr_value, 1, 0, 1, 2)

        self.hr_note = QLabel(self.hr_tile)
        self.hr_note.setObjectName(u"hr_note")
        font6 = QFont()
        font6.setPointSize(11)
        self.hr_note.setFont(font6)
        self.hr_note.setAlignment(Qt.AlignCenter)
        self.hr_note.setWordWrap(True)

        self.hr_layout.addWidget(self.hr_note, 2, 0, 1, 2)


        self.tiles_grid.addWidget(self.hr_tile, 0, 0, 1, 1)

        self.spo2_tile = QFrame(self.live_area)
        self.spo2_tile.setObjectName(u"spo2_tile")
        self.spo2_tile.setFrameShape(QFrame.StyledPanel)
        self.spo2_layout = QGridLayout(self.spo2_tile)
        self.spo2_layout.setObjectName(u"spo2_layout")
        self.spo2_title = QLabel(self.spo2_tile)
        self.spo2_title.setObjectName(u"spo2_title")
        self.spo2_title.setFont(font1)

        self.spo2_layout.addWidget(self.spo2_title, 0, 0, 1, 1)

        self.spo2_unit = QLabel(self.spo2_tile)
        self.spo2_unit.setObjectName(u"spo2_unit")
        self.spo2_unit.setFont(font4)
        self.spo2_unit.setAlignment(Qt.AlignRight|Qt.AlignVCenter)

        self.spo2_layout.addWidget(self.spo2_unit, 0, 1, 1, 1)

        self.spo2_value = QLabel(self.spo2_tile)
        self.spo2_value.setObjectName(u"spo2_value")
        self.spo2_value.setFont(font5)
        self.spo2_value.setAlignment(Qt.AlignCenter)

        self.spo2_layout.addWidget(self.spo2_value, 1, 0, 1, 2)

        self.spo2_note = QLabel(self.spo2_tile)
        self.spo2_note.setObjectName(u"spo2_note")
        self.spo2_note.setFont(font6)
        self.spo2_note.setAlignment(Qt.AlignCenter)
        self.spo2_note.setWordWrap(True)

        self.spo2_layout.addWidget(self.spo2_note, 2, 0, 1, 2)


        self.tiles_grid.addWidget(self.spo2_tile, 0, 1, 1, 1)

        self.pr_tile = QFrame(self.live_area)
        self.pr_tile.setObjectName(u"pr_tile")
        self.pr_tile.setFrameShape(QFrame.StyledPanel)
        self.pr_layout = QGridLayout(self.pr_tile)
        self.pr_layout.setObjectName(u"pr_layout")
        self.pr_title = QLabel(self.pr_tile)
        self.pr_title.setObjectName(u"pr_title")
        self.pr_title.setFont(font1)

        self.pr_layout.addWidget(self.pr_title, 0, 0, 1, 1)

        self.pr_unit = QLabel(self.pr_tile)
        self.pr_unit.setObjectName(u"pr_unit")
        self.pr_unit.setFont(font4)
        self.pr_unit.setAlignment(Qt.AlignRight|Qt.AlignVCenter)

        self.pr_layout.addWidget(self.pr_unit, 0, 1, 1, 1)

        self.pr_value = QLabel(self.pr_tile)
        self.pr_value.setObjectName(u"pr_value")
        self.pr_value.setFont(font5)
        self.pr_value.setAlignment(Qt.AlignCenter)

        self.pr_layout.addWidget(self.pr_value, 1, 0, 1, 2)

        self.pr_note = QLabel(self.pr_tile)
        self.pr_note.setObjectName(u"pr_note")
        self.pr_note.setFont(font6)
        self.pr_note.setAlignment(Qt.AlignCenter)
        self.pr_note.setWordWrap(True)

        self.pr_layout.addWidget(self.pr_note, 2, 0, 1, 2)


        self.tiles_grid.addWidget(self.pr_tile, 0, 2, 1, 1)

        self.nibp_tile = QFrame(self.live_area)
        self.nibp_tile.setObjectName(u"nibp_tile")
        self.nibp_tile.setFrameShape(QFrame.StyledPanel)
        self.nibp_layout = QGridLayout(self.nibp_tile)
        self.nibp_layout.setObjectName(u"nibp_layout")
        self.nibp_title = QLabel(self.nibp_tile)
        self.nibp_title.setObjectName(u"nibp_title")
        self.nibp_title.setFont(font1)

        self.nibp_layout.addWidget(self.nibp_title, 0, 0, 1, 1)

        self.nibp_unit = QLabel(self.nibp_tile)
        self.nibp_unit.setObjectName(u"nibp_unit")
        self.nibp_unit.setFont(font4)
        self.nibp_unit.setAlignment(Qt.AlignRight|Qt.AlignVCenter)

        self.nibp_layout.addWidget(self.nibp_unit, 0, 1, 1, 1)

        self.nibp_value = QLabel(self.nibp_tile)
        self.nibp_value.setObjectName(u"nibp_value")
        self.nibp_value.setFont(font5)
        self.nibp_value.setAlignment(Qt.AlignCenter)

        self.nibp_layout.addWidget(self.nibp_value, 1, 0, 1, 2)

        self.nibp_note = QLabel(self.nibp_tile)
        self.nibp_note.setObjectName(u"nibp_note")
        self.nibp_note.setFont(font6)
        self.nibp_note.setAlignment(Qt.AlignCenter)
        self.nibp_note.setWordWrap(True)

        self.nibp_layout.addWidget(self.nibp_note, 2, 0, 1, 2)


        self.tiles_grid.addWidget(self.nibp_tile, 1, 0, 1, 2)

        self.rr_tile = QFrame(self.live_area)
        self.rr_tile.setObjectName(u"rr_tile")
        self.rr_tile.setFrameShape(QFrame.StyledPanel)
        self.rr_layout = QGridLayout(self.rr_tile)
        self.rr_layout.setObjectName(u"rr_layout")
        self.rr_title = QLabel(self.rr_tile)
        self.rr_title.setObjectName(u"rr_title")
        self.rr_title.setFont(font1)

        self.rr_layout.addWidget(self.rr_title, 0, 0, 1, 1)

        self.rr_unit = QLabel(self.rr_tile)
        self.rr_unit.setObjectName(u"rr_unit")
        self.rr_unit.setFont(font4)
        self.rr_unit.setAlignment(Qt.AlignRight|Qt.AlignVCenter)

        self.rr_layout.addWidget(self.rr_unit, 0, 1, 1, 1)

        self.rr_value = QLabel(self.rr_tile)
        self.rr_value.setObjectName(u"rr_value")
        self.rr_value.setFont(font5)
        self.rr_value.setAlignment(Qt.AlignCenter)

        self.rr_layout.addWidget(self.rr_value, 1, 0, 1, 2)

        self.rr_note = QLabel(self.rr_tile)
        self.rr_note.setObjectName(u"rr_note")
        self.rr_note.setFont(font6)
        self.rr_note.setAlignment(Qt.AlignCenter)
        self.rr_note.setWordWrap(True)

        self.rr_layout.addWidget(self.rr_note, 2, 0, 1, 2)


        self.tiles_grid.addWidget(self.rr_tile, 1, 2, 1, 1)

        self.etco2_tile = QFrame(self.live_area)
        self.etco2_tile.setObjectName(u"etco2_tile")
        self.etco2_tile.setFrameShape(QFrame.StyledPanel)
        self.etco2_layout = QGridLayout(self.etco2_tile)
        self.etco2_layout.setObjectName(u"etco2_layout")
        self.etco2_title = QLabel(self.etco2_tile)
        self.etco2_title.setObjectName(u"etco2_title")
        self.etco2_title.setFont(font1)

        self.etco2_layout.addWidget(self.etco2_title, 0, 0, 1, 1)

        self.etco2_unit = QLabel(self.etco2_tile)
        self.etco2_unit.setObjectName(u"etco2_unit")
        self.etco2_unit.setFont(font4)
        self.etco2_unit.setAlignment(Qt.AlignRight|Qt.AlignVCenter)

        self.etco2_layout.addWidget(self.etco2_unit, 0, 1, 1, 1)

        self.etco2_value = QLabel(self.etco2_tile)
        self.etco2_value.setObjectName(u"etco2_value")
        self.etco2_value.setFont(font5)
        self.etco2_value.setAlignment(Qt.AlignCenter)

        self.etco2_layout.addWidget(self.etco2_value, 1, 0, 1, 2)

        self.etco2_note = QLabel(self.etco2_tile)
        self.etco2_note.setObjectName(u"etco2_note")
        self.etco2_note.setFont(font6)
        self.etco2_note.setAlignment(Qt.AlignCenter)
        self.etco2_note.setWordWrap(True)

        self.etco2_layout.addWidget(self.etco2_note, 2, 0, 1, 2)


        self.tiles_grid.addWidget(self.etco2_tile, 2, 0, 1, 1)

        self.temp_tile = QFrame(self.live_area)
        self.temp_tile.setObjectName(u"temp_tile")
        self.temp_tile.setFrameShape(QFrame.StyledPanel)
        self.temp_layout = QGridLayout(self.temp_tile)
        self.temp_layout.setObjectName(u"temp_layout")
        self.temp_title = QLabel(self.temp_tile)
        self.temp_title.setObjectName(u"temp_title")
        self.temp_title.setFont(font1)

        self.temp_layout.addWidget(self.temp_title, 0, 0, 1, 1)

        self.temp_unit = QLabel(self.temp_tile)
        self.temp_unit.setObjectName(u"temp_unit")
        self.temp_unit.setFont(font4)
        self.temp_unit.setAlignment(Qt.AlignRight|Qt.AlignVCenter)

        self.temp_layout.addWidget(self.temp_unit, 0, 1, 1, 1)

        self.temp_value = QLabel(self.temp_tile)
        self.temp_value.setObjectName(u"temp_value")
        self.temp_value.setFont(font5)
        self.temp_value.setAlignment(Qt.AlignCenter)

        self.temp_layout.addWidget(self.temp_value, 1, 0, 1, 2)

        self.temp_note = QLabel(self.temp_tile)
        self.temp_note.setObjectName(u"temp_note")
        self.temp_note.setFont(font6)
        self.temp_note.setAlignment(Qt.AlignCenter)
        self.temp_note.setWordWrap(True)

        self.temp_layout.addWidget(self.temp_note, 2, 0, 1, 2)


        self.tiles_grid.addWidget(self.temp_tile, 2, 1, 1, 1)


        self.live_layout.addLayout(self.tiles_grid)

        self.live_layout.setStretch(0, 1)
        self.live_layout.setStretch(1, 1)
        self.main_splitter.addWidget(self.live_area)
        self.trend_view = TrendView(self.main_splitter)
        self.trend_view.setObjectName(u"trend_view")
        self.trend_view.setMinimumSize(QSize(300, 120))
        self.main_splitter.addWidget(self.trend_view)

        self.body_layout.addWidget(self.main_splitter)

        self.dose_panel = DosePanel(self.central_widget)
        self.dose_panel.setObjectName(u"dose_panel")
        self.dose_panel.setMinimumSize(QSize(370, 0))
        self.dose_panel.setMaximumSize(QSize(470, 16777215))

        self.body_layout.addWidget(self.dose_panel)

        self.body_layout.setStretch(0, 3)
        self.body_layout.setStretch(1, 1)

        self.central_layout.addLayout(self.body_layout)

        self.central_layout.setStretch(6, 1)
        MainWindow.setCentralWidget(self.central_widget)
        self.menubar = QMenuBar(MainWindow)
        self.menubar.setObjectName(u"menubar")
        self.session_menu = QMenu(self.menubar)
        self.session_menu.setObjectName(u"session_menu")
        self.view_menu = QMenu(self.menubar)
        self.view_menu.setObjectName(u"view_menu")
        self.assessments_menu = QMenu(self.menubar)
        self.assessments_menu.setObjectName(u"assessments_menu")
        self.alarms_menu = QMenu(self.menubar)
        self.alarms_menu.setObjectName(u"alarms_menu")
        MainWindow.setMenuBar(self.menubar)
        self.main_toolbar = QToolBar(MainWindow)
        self.main_toolbar.setObjectName(u"main_toolbar")
        self.main_toolbar.setMovable(False)
        self.main_toolbar.setToolButtonStyle(Qt.ToolButtonTextOnly)
        MainWindow.addToolBar(Qt.ToolBarArea.TopToolBarArea, self.main_toolbar)
        self.statusbar = QStatusBar(MainWindow)
        self.statusbar.setObjectName(u"statusbar")
        MainWindow.setStatusBar(self.statusbar)

        self.menubar.addAction(self.session_menu.menuAction())
        self.menubar.addAction(self.assessments_menu.menuAction())
        self.menubar.addAction(self.alarms_menu.menuAction())
        self.menubar.addAction(self.view_menu.menuAction())
        self.session_menu.addAction(self.manual_vitals_action)
        self.session_menu.addAction(self.note_action)
        self.session_menu.addAction(self.rems_summary_action)
        self.session_menu.addSeparator()
        self.session_menu.addAction(self.sign_record_action)
        self.session_menu.addAction(self.end_session_action)
        self.view_menu.addAction(self.follow_action)
        self.view_menu.addAction(self.show_all_action)
        self.view_menu.addSeparator()
        self.view_menu.addAction(self.dark_theme_action)
        self.view_menu.addAction(self.full_screen_action)
        self.assessments_menu.addAction(self.assessment_action)
        self.assessments_menu.addSeparator()
        self.alarms_menu.addAction(self.pause_audio_action)
        self.alarms_menu.addAction(self.acknowledge_action)
        self.alarms_menu.addSeparator()
        self.alarms_menu.addAction(self.alarm_limits_action)
        self.main_toolbar.addAction(self.manual_vitals_action)
        self.main_toolbar.addAction(self.note_action)
        self.main_toolbar.addAction(self.assessment_action)
        self.main_toolbar.addSeparator()
        self.main_toolbar.addAction(self.follow_action)
        self.main_toolbar.addAction(self.full_screen_action)
        self.main_toolbar.addSeparator()
        self.main_toolbar.addAction(self.end_session_action)

        self.retranslateUi(MainWindow)

        QMetaObject.connectSlotsByName(MainWindow)
    # setupUi

    def retranslateUi(self, MainWindow):
        MainWindow.setWindowTitle(QCoreApplication.translate("MainWindow", u"KetaConsole", None))
        self.manual_vitals_action.setText(QCoreApplication.translate("MainWindow", u"Manual &vitals\u2026", None))
#if QT_CONFIG(tooltip)
        self.manual_vitals_action.setToolTip(QCoreApplication.translate("MainWindow", u"Enter vitals measured with a stand-alone device (Ctrl+M)", None))
#endif // QT_CONFIG(tooltip)
#if QT_CONFIG(shortcut)
        self.manual_vitals_action.setShortcut(QCoreApplication.translate("MainWindow", u"Ctrl+M", None))
#endif // QT_CONFIG(shortcut)
        self.note_action.setText(QCoreApplication.translate("MainWindow", u"&Note\u2026", None))
#if QT_CONFIG(tooltip)
        self.note_action.setToolTip(QCoreApplication.translate("MainWindow", u"Add a time-stamped note (Ctrl+N)", None))
#endif // QT_CONFIG(tooltip)
#if QT_CONFIG(shortcut)
        self.note_action.setShortcut(QCoreApplication.translate("MainWindow", u"Ctrl+N", None))
#endif // QT_CONFIG(shortcut)
        self.assessment_action.setText(QCoreApplication.translate("MainWindow", u"&Assessment\u2026", None))
#if QT_CONFIG(tooltip)
        self.assessment_action.setToolTip(QCoreApplication.translate("MainWindow", u"Open a rating now, scheduled or not, or review a submitted one (Ctrl+A)", None))
#endif // QT_CONFIG(tooltip)
#if QT_CONFIG(shortcut)
        self.assessment_action.setShortcut(QCoreApplication.translate("MainWindow", u"Ctrl+A", None))
#endif // QT_CONFIG(shortcut)
        self.rems_summary_action.setText(QCoreApplication.translate("MainWindow", u"&REMS monitoring summary\u2026", None))
#if QT_CONFIG(tooltip)
        self.rems_summary_action.setToolTip(QCoreApplication.translate("MainWindow", u"Complete the esketamine REMS monitoring summary from this session (after discharge is decided)", None))
#endif // QT_CONFIG(tooltip)
        self.sign_record_action.setText(QCoreApplication.translate("MainWindow", u"&Sign the record\u2026", None))
#if QT_CONFIG(tooltip)
        self.sign_record_action.setToolTip(QCoreApplication.translate("MainWindow", u"Sign the session record (offered once the session has ended)", None))
#endif // QT_CONFIG(tooltip)
        self.end_session_action.setText(QCoreApplication.translate("MainWindow", u"&End session\u2026", None))
#if QT_CONFIG(tooltip)
        self.end_session_action.setToolTip(QCoreApplication.translate("MainWindow", u"End the session (Ctrl+E)", None))
#endif // QT_CONFIG(tooltip)
#if QT_CONFIG(shortcut)
        self.end_session_action.setShortcut(QCoreApplication.translate("MainWindow", u"Ctrl+E", None))
#endif // QT_CONFIG(shortcut)
        self.follow_action.setText(QCoreApplication.translate("MainWindow", u"&Follow now", None))
#if QT_CONFIG(tooltip)
        self.follow_action.setToolTip(QCoreApplication.translate("MainWindow", u"Trends follow the current time (End)", None))
#endif // QT_CONFIG(tooltip)
#if QT_CONFIG(shortcut)
        self.follow_action.setShortcut(QCoreApplication.translate("MainWindow", u"End", None))
#endif // QT_CONFIG(shortcut)
        self.show_all_action.setText(QCoreApplication.translate("MainWindow", u"Show &whole session", None))
#if QT_CONFIG(tooltip)
        self.show_all_action.setToolTip(QCoreApplication.translate("MainWindow", u"Zoom the trends out to the whole session (Home)", None))
#endif // QT_CONFIG(tooltip)
#if QT_CONFIG(shortcut)
        self.show_all_action.setShortcut(QCoreApplication.translate("MainWindow", u"Home", None))
#endif // QT_CONFIG(shortcut)
        self.dark_theme_action.setText(QCoreApplication.translate("MainWindow", u"&Dark theme", None))
#if QT_CONFIG(tooltip)
        self.dark_theme_action.setToolTip(QCoreApplication.translate("MainWindow", u"Switch between the dark and the light theme (Ctrl+T)", None))
#endif // QT_CONFIG(tooltip)
#if QT_CONFIG(shortcut)
        self.dark_theme_action.setShortcut(QCoreApplication.translate("MainWindow", u"Ctrl+T", None))
#endif // QT_CONFIG(shortcut)
        self.full_screen_action.setText(QCoreApplication.translate("MainWindow", u"&Full screen", None))
#if QT_CONFIG(tooltip)
        self.full_screen_action.setToolTip(QCoreApplication.translate("MainWindow", u"Full screen (F11)", None))
#endif // QT_CONFIG(tooltip)
#if QT_CONFIG(shortcut)
        self.full_screen_action.setShortcut(QCoreApplication.translate("MainWindow", u"F11", None))
#endif // QT_CONFIG(shortcut)
        self.pause_audio_action.setText(QCoreApplication.translate("MainWindow", u"&Pause audio", None))
#if QT_CONFIG(tooltip)
        self.pause_audio_action.setToolTip(QCoreApplication.translate("MainWindow", u"Silence the alarms sounding now for a while; a new alarm still sounds (F9)", None))
#endif // QT_CONFIG(tooltip)
#if QT_CONFIG(shortcut)
        self.pause_audio_action.setShortcut(QCoreApplication.translate("MainWindow", u"F9", None))
#endif // QT_CONFIG(shortcut)
        self.acknowledge_action.setText(QCoreApplication.translate("MainWindow", u"&Acknowledge the alarm shown", None))
#if QT_CONFIG(tooltip)
        self.acknowledge_action.setToolTip(QCoreApplication.translate("MainWindow", u"Acknowledge the alarm the alarm bar shows (F10)", None))
#endif // QT_CONFIG(tooltip)
#if QT_CONFIG(shortcut)
        self.acknowledge_action.setShortcut(QCoreApplication.translate("MainWindow", u"F10", None))
#endif // QT_CONFIG(shortcut)
        self.alarm_limits_action.setText(QCoreApplication.translate("MainWindow", u"&Limits\u2026", None))
#if QT_CONFIG(tooltip)
        self.alarm_limits_action.setToolTip(QCoreApplication.translate("MainWindow", u"See and change the alarm limits of this session (Ctrl+L)", None))
#endif // QT_CONFIG(tooltip)
#if QT_CONFIG(shortcut)
        self.alarm_limits_action.setShortcut(QCoreApplication.translate("MainWindow", u"Ctrl+L", None))
#endif // QT_CONFIG(shortcut)
#if QT_CONFIG(accessibility)
        self.alarm_bar.setAccessibleName(QCoreApplication.translate("MainWindow", u"Alarms", None))
#endif // QT_CONFIG(accessibility)
        self.banner_label.setText("")
#if QT_CONFIG(accessibility)
        self.banner_label.setAccessibleName(QCoreApplication.translate("MainWindow", u"Monitor connection alert", None))
#endif // QT_CONFIG(accessibility)
        self.training_banner.setText("")
#if QT_CONFIG(accessibility)
        self.training_banner.setAccessibleName(QCoreApplication.translate("MainWindow", u"Training session", None))
#endif // QT_CONFIG(accessibility)
        self.connection_label.setText(QCoreApplication.translate("MainWindow", u"Monitor: waiting for the first status", None))
#if QT_CONFIG(accessibility)
        self.assessment_banner.setAccessibleName(QCoreApplication.translate("MainWindow", u"Assessments due", None))
#endif // QT_CONFIG(accessibility)
        self.hr_tile.setProperty(u"parameter", QCoreApplication.translate("MainWindow", u"hr", None))
        self.hr_title.setText(QCoreApplication.translate("MainWindow", u"HR", None))
        self.hr_unit.setText(QCoreApplication.translate("MainWindow", u"/min", None))
        self.hr_value.setText(QCoreApplication.translate("MainWindow", u"\u2013", None))
        self.hr_note.setText(QCoreApplication.translate("MainWindow", u"no value yet", None))
        self.spo2_tile.setProperty(u"parameter", QCoreApplication.translate("MainWindow", u"spo2", None))
        self.spo2_title.setText(QCoreApplication.translate("MainWindow", u"SpO2", None))
        self.spo2_unit.setText(QCoreApplication.translate("MainWindow", u"%", None))
        self.spo2_value.setText(QCoreApplication.translate("MainWindow", u"\u2013", None))
        self.spo2_note.setText(QCoreApplication.translate("MainWindow", u"no value yet", None))
        self.pr_tile.setProperty(u"parameter", QCoreApplication.translate("MainWindow", u"pr", None))
        self.pr_title.setText(QCoreApplication.translate("MainWindow", u"PR", None))
        self.pr_unit.setText(QCoreApplication.translate("MainWindow", u"/min", None))
        self.pr_value.setText(QCoreApplication.translate("MainWindow", u"\u2013", None))
        self.pr_note.setText(QCoreApplication.translate("MainWindow", u"no value yet", None))
        self.nibp_tile.setProperty(u"parameter", QCoreApplication.translate("MainWindow", u"nibp", None))
        self.nibp_title.setText(QCoreApplication.translate("MainWindow", u"NIBP", None))
        self.nibp_unit.setText(QCoreApplication.translate("MainWindow", u"mmHg", None))
        self.nibp_value.setText(QCoreApplication.translate("MainWindow", u"\u2013", None))
        self.nibp_note.setText(QCoreApplication.translate("MainWindow", u"no value yet", None))
        self.rr_tile.setProperty(u"parameter", QCoreApplication.translate("MainWindow", u"rr", None))
        self.rr_title.setText(QCoreApplication.translate("MainWindow", u"RR", None))
        self.rr_unit.setText(QCoreApplication.translate("MainWindow", u"/min", None))
        self.rr_value.setText(QCoreApplication.translate("MainWindow", u"\u2013", None))
        self.rr_note.setText(QCoreApplication.translate("MainWindow", u"no value yet", None))
        self.etco2_tile.setProperty(u"parameter", QCoreApplication.translate("MainWindow", u"etco2", None))
        self.etco2_title.setText(QCoreApplication.translate("MainWindow", u"EtCO2", None))
        self.etco2_unit.setText(QCoreApplication.translate("MainWindow", u"mmHg", None))
        self.etco2_value.setText(QCoreApplication.translate("MainWindow", u"\u2013", None))
        self.etco2_note.setText(QCoreApplication.translate("MainWindow", u"no value yet", None))
        self.temp_tile.setProperty(u"parameter", QCoreApplication.translate("MainWindow", u"temp", None))
        self.temp_title.setText(QCoreApplication.translate("MainWindow", u"Temp", None))
        self.temp_unit.setText(QCoreApplication.translate("MainWindow", u"\u00b0C", None))
        self.temp_value.setText(QCoreApplication.translate("MainWindow", u"\u2013", None))
        self.temp_note.setText(QCoreApplication.translate("MainWindow", u"no value yet", None))
        self.session_menu.setTitle(QCoreApplication.translate("MainWindow", u"&Session", None))
        self.view_menu.setTitle(QCoreApplication.translate("MainWindow", u"&View", None))
        self.assessments_menu.setTitle(QCoreApplication.translate("MainWindow", u"Assess&ments", None))
        self.alarms_menu.setTitle(QCoreApplication.translate("MainWindow", u"A&larms", None))
        self.main_toolbar.setWindowTitle(QCoreApplication.translate("MainWindow", u"Actions", None))
    # retranslateUi

