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
from PySide6.QtGui import (QBrush, QColor, QConicalGradient, QCursor,
    QFont, QFontDatabase, QGradient, QIcon,
    QImage, QKeySequence, QLinearGradient, QPainter,
    QPalette, QPixmap, QRadialGradient, QTransform)
from PySide6.QtWidgets import (QApplication, QFrame, QGridLayout, QLabel,
    QMainWindow, QSizePolicy, QStatusBar, QVBoxLayout,
    QWidget)

class Ui_MainWindow(object):
    def setupUi(self, MainWindow):
        if not MainWindow.objectName():
            MainWindow.setObjectName(u"MainWindow")
        MainWindow.resize(1100, 560)
        self.central_widget = QWidget(MainWindow)
        self.central_widget.setObjectName(u"central_widget")
        self.central_layout = QVBoxLayout(self.central_widget)
        self.central_layout.setObjectName(u"central_layout")
        self.connection_label = QLabel(self.central_widget)
        self.connection_label.setObjectName(u"connection_label")
        font = QFont()
        font.setPointSize(14)
        font.setBold(True)
        self.connection_label.setFont(font)
        self.connection_label.setWordWrap(True)

        self.central_layout.addWidget(self.connection_label)

        self.tiles_grid = QGridLayout()
        self.tiles_grid.setSpacing(12)
        self.tiles_grid.setObjectName(u"tiles_grid")
        self.hr_tile = QFrame(self.central_widget)
        self.hr_tile.setObjectName(u"hr_tile")
        self.hr_tile.setFrameShape(QFrame.Shape.StyledPanel)
        self.hr_tile.setMinimumSize(QSize(240, 180))
        self.hr_layout = QGridLayout(self.hr_tile)
        self.hr_layout.setObjectName(u"hr_layout")
        self.hr_name = QLabel(self.hr_tile)
        self.hr_name.setObjectName(u"hr_name")
        font1 = QFont()
        font1.setPointSize(16)
        font1.setBold(True)
        self.hr_name.setFont(font1)
        self.hr_name.setAlignment(Qt.AlignmentFlag.AlignLeading|Qt.AlignmentFlag.AlignTop)

        self.hr_layout.addWidget(self.hr_name, 0, 0, 1, 1)

        self.hr_unit = QLabel(self.hr_tile)
        self.hr_unit.setObjectName(u"hr_unit")
        font2 = QFont()
        font2.setPointSize(14)
        font2.setBold(False)
        self.hr_unit.setFont(font2)
        self.hr_unit.setAlignment(Qt.AlignmentFlag.AlignTrailing|Qt.AlignmentFlag.AlignTop)

        self.hr_layout.addWidget(self.hr_unit, 0, 1, 1, 1)

        self.hr_value = QLabel(self.hr_tile)
        self.hr_value.setObjectName(u"hr_value")
        font3 = QFont()
        font3.setPointSize(44)
        font3.setBold(True)
        self.hr_value.setFont(font3)
        self.hr_value.setAlignment(Qt.AlignmentFlag.AlignCenter)

        self.hr_layout.addWidget(self.hr_value, 1, 0, 1, 2)

        self.hr_note = QLabel(self.hr_tile)
        self.hr_note.setObjectName(u"hr_note")
        font4 = QFont()
        font4.setPointSize(12)
        font4.setBold(False)
        self.hr_note.setFont(font4)
        self.hr_note.setAlignment(Qt.AlignmentFlag.AlignCenter)

        self.hr_layout.addWidget(self.hr_note, 2, 0, 1, 2)


        self.tiles_grid.addWidget(self.hr_tile, 0, 0, 1, 1)

        self.spo2_tile = QFrame(self.central_widget)
        self.spo2_tile.setObjectName(u"spo2_tile")
        self.spo2_tile.setFrameShape(QFrame.Shape.StyledPanel)
        self.spo2_tile.setMinimumSize(QSize(240, 180))
        self.spo2_layout = QGridLayout(self.spo2_tile)
        self.spo2_layout.setObjectName(u"spo2_layout")
        self.spo2_name = QLabel(self.spo2_tile)
        self.spo2_name.setObjectName(u"spo2_name")
        self.spo2_name.setFont(font1)
        self.spo2_name.setAlignment(Qt.AlignmentFlag.AlignLeading|Qt.AlignmentFlag.AlignTop)

        self.spo2_layout.addWidget(self.spo2_name, 0, 0, 1, 1)

        self.spo2_unit = QLabel(self.spo2_tile)
        self.spo2_unit.setObjectName(u"spo2_unit")
        self.spo2_unit.setFont(font2)
        self.spo2_unit.setAlignment(Qt.AlignmentFlag.AlignTrailing|Qt.AlignmentFlag.AlignTop)

        self.spo2_layout.addWidget(self.spo2_unit, 0, 1, 1, 1)

        self.spo2_value = QLabel(self.spo2_tile)
        self.spo2_value.setObjectName(u"spo2_value")
        self.spo2_value.setFont(font3)
        self.spo2_value.setAlignment(Qt.AlignmentFlag.AlignCenter)

        self.spo2_layout.addWidget(self.spo2_value, 1, 0, 1, 2)

        self.spo2_note = QLabel(self.spo2_tile)
        self.spo2_note.setObjectName(u"spo2_note")
        self.spo2_note.setFont(font4)
        self.spo2_note.setAlignment(Qt.AlignmentFlag.AlignCenter)

        self.spo2_layout.addWidget(self.spo2_note, 2, 0, 1, 2)


        self.tiles_grid.addWidget(self.spo2_tile, 0, 1, 1, 1)

        self.pr_tile = QFrame(self.central_widget)
        self.pr_tile.setObjectName(u"pr_tile")
        self.pr_tile.setFrameShape(QFrame.Shape.StyledPanel)
        self.pr_tile.setMinimumSize(QSize(240, 180))
        self.pr_layout = QGridLayout(self.pr_tile)
        self.pr_layout.setObjectName(u"pr_layout")
        self.pr_name = QLabel(self.pr_tile)
        self.pr_name.setObjectName(u"pr_name")
        self.pr_name.setFont(font1)
        self.pr_name.setAlignment(Qt.AlignmentFlag.AlignLeading|Qt.AlignmentFlag.AlignTop)

        self.pr_layout.addWidget(self.pr_name, 0, 0, 1, 1)

        self.pr_unit = QLabel(self.pr_tile)
        self.pr_unit.setObjectName(u"pr_unit")
        self.pr_unit.setFont(font2)
        self.pr_unit.setAlignment(Qt.AlignmentFlag.AlignTrailing|Qt.AlignmentFlag.AlignTop)

        self.pr_layout.addWidget(self.pr_unit, 0, 1, 1, 1)

        self.pr_value = QLabel(self.pr_tile)
        self.pr_value.setObjectName(u"pr_value")
        self.pr_value.setFont(font3)
        self.pr_value.setAlignment(Qt.AlignmentFlag.AlignCenter)

        self.pr_layout.addWidget(self.pr_value, 1, 0, 1, 2)

        self.pr_note = QLabel(self.pr_tile)
        self.pr_note.setObjectName(u"pr_note")
        self.pr_note.setFont(font4)
        self.pr_note.setAlignment(Qt.AlignmentFlag.AlignCenter)

        self.pr_layout.addWidget(self.pr_note, 2, 0, 1, 2)


        self.tiles_grid.addWidget(self.pr_tile, 0, 2, 1, 1)

        self.nibp_tile = QFrame(self.central_widget)
        self.nibp_tile.setObjectName(u"nibp_tile")
        self.nibp_tile.setFrameShape(QFrame.Shape.StyledPanel)
        self.nibp_tile.setMinimumSize(QSize(240, 180))
        self.nibp_layout = QGridLayout(self.nibp_tile)
        self.nibp_layout.setObjectName(u"nibp_layout")
        self.nibp_name = QLabel(self.nibp_tile)
        self.nibp_name.setObjectName(u"nibp_name")
        self.nibp_name.setFont(font1)
        self.nibp_name.setAlignment(Qt.AlignmentFlag.AlignLeading|Qt.AlignmentFlag.AlignTop)

        self.nibp_layout.addWidget(self.nibp_name, 0, 0, 1, 1)

        self.nibp_unit = QLabel(self.nibp_tile)
        self.nibp_unit.setObjectName(u"nibp_unit")
        self.nibp_unit.setFont(font2)
        self.nibp_unit.setAlignment(Qt.AlignmentFlag.AlignTrailing|Qt.AlignmentFlag.AlignTop)

        self.nibp_layout.addWidget(self.nibp_unit, 0, 1, 1, 1)

        self.nibp_value = QLabel(self.nibp_tile)
        self.nibp_value.setObjectName(u"nibp_value")
        self.nibp_value.setFont(font3)
        self.nibp_value.setAlignment(Qt.AlignmentFlag.AlignCenter)

        self.nibp_layout.addWidget(self.nibp_value, 1, 0, 1, 2)

        self.nibp_note = QLabel(self.nibp_tile)
        self.nibp_note.setObjectName(u"nibp_note")
        self.nibp_note.setFont(font4)
        self.nibp_note.setAlignment(Qt.AlignmentFlag.AlignCenter)

        self.nibp_layout.addWidget(self.nibp_note, 2, 0, 1, 2)


        self.tiles_grid.addWidget(self.nibp_tile, 0, 3, 1, 1)

        self.rr_tile = QFrame(self.central_widget)
        self.rr_tile.setObjectName(u"rr_tile")
        self.rr_tile.setFrameShape(QFrame.Shape.StyledPanel)
        self.rr_tile.setMinimumSize(QSize(240, 180))
        self.rr_layout = QGridLayout(self.rr_tile)
        self.rr_layout.setObjectName(u"rr_layout")
        self.rr_name = QLabel(self.rr_tile)
        self.rr_name.setObjectName(u"rr_name")
        self.rr_name.setFont(font1)
        self.rr_name.setAlignment(Qt.AlignmentFlag.AlignLeading|Qt.AlignmentFlag.AlignTop)

        self.rr_layout.addWidget(self.rr_name, 0, 0, 1, 1)

        self.rr_unit = QLabel(self.rr_tile)
        self.rr_unit.setObjectName(u"rr_unit")
        self.rr_unit.setFont(font2)
        self.rr_unit.setAlignment(Qt.AlignmentFlag.AlignTrailing|Qt.AlignmentFlag.AlignTop)

        self.rr_layout.addWidget(self.rr_unit, 0, 1, 1, 1)

        self.rr_value = QLabel(self.rr_tile)
        self.rr_value.setObjectName(u"rr_value")
        self.rr_value.setFont(font3)
        self.rr_value.setAlignment(Qt.AlignmentFlag.AlignCenter)

        self.rr_layout.addWidget(self.rr_value, 1, 0, 1, 2)

        self.rr_note = QLabel(self.rr_tile)
        self.rr_note.setObjectName(u"rr_note")
        self.rr_note.setFont(font4)
        self.rr_note.setAlignment(Qt.AlignmentFlag.AlignCenter)

        self.rr_layout.addWidget(self.rr_note, 2, 0, 1, 2)


        self.tiles_grid.addWidget(self.rr_tile, 1, 0, 1, 1)

        self.etco2_tile = QFrame(self.central_widget)
        self.etco2_tile.setObjectName(u"etco2_tile")
        self.etco2_tile.setFrameShape(QFrame.Shape.StyledPanel)
        self.etco2_tile.setMinimumSize(QSize(240, 180))
        self.etco2_layout = QGridLayout(self.etco2_tile)
        self.etco2_layout.setObjectName(u"etco2_layout")
        self.etco2_name = QLabel(self.etco2_tile)
        self.etco2_name.setObjectName(u"etco2_name")
        self.etco2_name.setFont(font1)
        self.etco2_name.setAlignment(Qt.AlignmentFlag.AlignLeading|Qt.AlignmentFlag.AlignTop)

        self.etco2_layout.addWidget(self.etco2_name, 0, 0, 1, 1)

        self.etco2_unit = QLabel(self.etco2_tile)
        self.etco2_unit.setObjectName(u"etco2_unit")
        self.etco2_unit.setFont(font2)
        self.etco2_unit.setAlignment(Qt.AlignmentFlag.AlignTrailing|Qt.AlignmentFlag.AlignTop)

        self.etco2_layout.addWidget(self.etco2_unit, 0, 1, 1, 1)

        self.etco2_value = QLabel(self.etco2_tile)
        self.etco2_value.setObjectName(u"etco2_value")
        self.etco2_value.setFont(font3)
        self.etco2_value.setAlignment(Qt.AlignmentFlag.AlignCenter)

        self.etco2_layout.addWidget(self.etco2_value, 1, 0, 1, 2)

        self.etco2_note = QLabel(self.etco2_tile)
        self.etco2_note.setObjectName(u"etco2_note")
        self.etco2_note.setFont(font4)
        self.etco2_note.setAlignment(Qt.AlignmentFlag.AlignCenter)

        self.etco2_layout.addWidget(self.etco2_note, 2, 0, 1, 2)


        self.tiles_grid.addWidget(self.etco2_tile, 1, 1, 1, 1)

        self.temp_tile = QFrame(self.central_widget)
        self.temp_tile.setObjectName(u"temp_tile")
        self.temp_tile.setFrameShape(QFrame.Shape.StyledPanel)
        self.temp_tile.setMinimumSize(QSize(240, 180))
        self.temp_layout = QGridLayout(self.temp_tile)
        self.temp_layout.setObjectName(u"temp_layout")
        self.temp_name = QLabel(self.temp_tile)
        self.temp_name.setObjectName(u"temp_name")
        self.temp_name.setFont(font1)
        self.temp_name.setAlignment(Qt.AlignmentFlag.AlignLeading|Qt.AlignmentFlag.AlignTop)

        self.temp_layout.addWidget(self.temp_name, 0, 0, 1, 1)

        self.temp_unit = QLabel(self.temp_tile)
        self.temp_unit.setObjectName(u"temp_unit")
        self.temp_unit.setFont(font2)
        self.temp_unit.setAlignment(Qt.AlignmentFlag.AlignTrailing|Qt.AlignmentFlag.AlignTop)

        self.temp_layout.addWidget(self.temp_unit, 0, 1, 1, 1)

        self.temp_value = QLabel(self.temp_tile)
        self.temp_value.setObjectName(u"temp_value")
        self.temp_value.setFont(font3)
        self.temp_value.setAlignment(Qt.AlignmentFlag.AlignCenter)

        self.temp_layout.addWidget(self.temp_value, 1, 0, 1, 2)

        self.temp_note = QLabel(self.temp_tile)
        self.temp_note.setObjectName(u"temp_note")
        self.temp_note.setFont(font4)
        self.temp_note.setAlignment(Qt.AlignmentFlag.AlignCenter)

        self.temp_layout.addWidget(self.temp_note, 2, 0, 1, 2)


        self.tiles_grid.addWidget(self.temp_tile, 1, 2, 1, 1)


        self.central_layout.addLayout(self.tiles_grid)

        self.central_layout.setStretch(1, 1)
        MainWindow.setCentralWidget(self.central_widget)
        self.statusbar = QStatusBar(MainWindow)
        self.statusbar.setObjectName(u"statusbar")
        MainWindow.setStatusBar(self.statusbar)

        self.retranslateUi(MainWindow)

        QMetaObject.connectSlotsByName(MainWindow)
    # setupUi

    def retranslateUi(self, MainWindow):
        MainWindow.setWindowTitle(QCoreApplication.translate("MainWindow", u"KetaConsole", None))
        self.connection_label.setText(QCoreApplication.translate("MainWindow", u"Monitor: waiting for the first status", None))
        self.hr_name.setText(QCoreApplication.translate("MainWindow", u"HR", None))
        self.hr_unit.setText(QCoreApplication.translate("MainWindow", u"/min", None))
        self.hr_value.setText(QCoreApplication.translate("MainWindow", u"\u2013", None))
        self.hr_note.setText(QCoreApplication.translate("MainWindow", u"no value yet", None))
        self.spo2_name.setText(QCoreApplication.translate("MainWindow", u"SpO2", None))
        self.spo2_unit.setText(QCoreApplication.translate("MainWindow", u"%", None))
        self.spo2_value.setText(QCoreApplication.translate("MainWindow", u"\u2013", None))
        self.spo2_note.setText(QCoreApplication.translate("MainWindow", u"no value yet", None))
        self.pr_name.setText(QCoreApplication.translate("MainWindow", u"PR", None))
        self.pr_unit.setText(QCoreApplication.translate("MainWindow", u"/min", None))
        self.pr_value.setText(QCoreApplication.translate("MainWindow", u"\u2013", None))
        self.pr_note.setText(QCoreApplication.translate("MainWindow", u"no value yet", None))
        self.nibp_name.setText(QCoreApplication.translate("MainWindow", u"NIBP", None))
        self.nibp_unit.setText(QCoreApplication.translate("MainWindow", u"mmHg", None))
        self.nibp_value.setText(QCoreApplication.translate("MainWindow", u"\u2013", None))
        self.nibp_note.setText(QCoreApplication.translate("MainWindow", u"no value yet", None))
        self.rr_name.setText(QCoreApplication.translate("MainWindow", u"RR", None))
        self.rr_unit.setText(QCoreApplication.translate("MainWindow", u"/min", None))
        self.rr_value.setText(QCoreApplication.translate("MainWindow", u"\u2013", None))
        self.rr_note.setText(QCoreApplication.translate("MainWindow", u"no value yet", None))
        self.etco2_name.setText(QCoreApplication.translate("MainWindow", u"EtCO2", None))
        self.etco2_unit.setText(QCoreApplication.translate("MainWindow", u"mmHg", None))
        self.etco2_value.setText(QCoreApplication.translate("MainWindow", u"\u2013", None))
        self.etco2_note.setText(QCoreApplication.translate("MainWindow", u"no value yet", None))
        self.temp_name.setText(QCoreApplication.translate("MainWindow", u"Temp", None))
        self.temp_unit.setText(QCoreApplication.translate("MainWindow", u"\u00b0C", None))
        self.temp_value.setText(QCoreApplication.translate("MainWindow", u"\u2013", None))
        self.temp_note.setText(QCoreApplication.translate("MainWindow", u"no value yet", None))
    # retranslateUi

