# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'manual_vitals.ui'
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
    QGridLayout, QLabel, QLineEdit, QSizePolicy,
    QVBoxLayout, QWidget)

class Ui_ManualVitalsDialog(object):
    def setupUi(self, ManualVitalsDialog):
        if not ManualVitalsDialog.objectName():
            ManualVitalsDialog.setObjectName(u"ManualVitalsDialog")
        ManualVitalsDialog.resize(1000, 560)
        font = QFont()
        font.setPointSize(14)
        ManualVitalsDialog.setFont(font)
        ManualVitalsDialog.setModal(True)
        self.vitals_layout = QVBoxLayout(ManualVitalsDialog)
        self.vitals_layout.setObjectName(u"vitals_layout")
        self.header_label = QLabel(ManualVitalsDialog)
        self.header_label.setObjectName(u"header_label")
        font1 = QFont()
        font1.setPointSize(16)
        font1.setBold(True)
        self.header_label.setFont(font1)
        self.header_label.setWordWrap(True)

        self.vitals_layout.addWidget(self.header_label)

        self.fields_grid = QGridLayout()
        self.fields_grid.setObjectName(u"fields_grid")
        self.fields_grid.setHorizontalSpacing(12)
        self.fields_grid.setVerticalSpacing(10)
        self.hr_label = QLabel(ManualVitalsDialog)
        self.hr_label.setObjectName(u"hr_label")

        self.fields_grid.addWidget(self.hr_label, 0, 0, 1, 1)

        self.hr_edit = QLineEdit(ManualVitalsDialog)
        self.hr_edit.setObjectName(u"hr_edit")
        self.hr_edit.setMinimumSize(QSize(140, 0))
        self.hr_edit.setMaxLength(16)

        self.fields_grid.addWidget(self.hr_edit, 0, 1, 1, 1)

        self.hr_unit = QLabel(ManualVitalsDialog)
        self.hr_unit.setObjectName(u"hr_unit")

        self.fields_grid.addWidget(self.hr_unit, 0, 2, 1, 1)

        self.hr_error = QLabel(ManualVitalsDialog)
        self.hr_error.setObjectName(u"hr_error")
        self.hr_error.setWordWrap(True)

        self.fields_grid.addWidget(self.hr_error, 0, 3, 1, 1)

        self.spo2_label = QLabel(ManualVitalsDialog)
        self.spo2_label.setObjectName(u"spo2_label")

        self.fields_grid.addWidget(self.spo2_label, 1, 0, 1, 1)

        self.spo2_edit = QLineEdit(ManualVitalsDialog)
        self.spo2_edit.setObjectName(u"spo2_edit")
        self.spo2_edit.setMinimumSize(QSize(140, 0))
        self.spo2_edit.setMaxLength(16)

        self.fields_grid.addWidget(self.spo2_edit, 1, 1, 1, 1)

        self.spo2_unit = QLabel(ManualVitalsDialog)
        self.spo2_unit.setObjectName(u"spo2_unit")

        self.fields_grid.addWidget(self.spo2_unit, 1, 2, 1, 1)

        self.spo2_error = QLabel(ManualVitalsDialog)
        self.spo2_error.setObjectName(u"spo2_error")
        self.spo2_error.setWordWrap(True)

        self.fields_grid.addWidget(self.spo2_error, 1, 3, 1, 1)

        self.nibp_sys_label = QLabel(ManualVitalsDialog)
        self.nibp_sys_label.setObjectName(u"nibp_sys_label")

        self.fields_grid.addWidget(self.nibp_sys_label, 2, 0, 1, 1)

        self.nibp_sys_edit = QLineEdit(ManualVitalsDialog)
        self.nibp_sys_edit.setObjectName(u"nibp_sys_edit")
        self.nibp_sys_edit.setMinimumSize(QSize(140, 0))
        self.nibp_sys_edit.setMaxLength(16)

        self.fields_grid.addWidget(self.nibp_sys_edit, 2, 1, 1, 1)

        self.nibp_sys_unit = QLabel(ManualVitalsDialog)
        self.nibp_sys_unit.setObjectName(u"nibp_sys_unit")

        self.fields_grid.addWidget(self.nibp_sys_unit, 2, 2, 1, 1)

        self.nibp_sys_error = QLabel(ManualVitalsDialog)
        self.nibp_sys_error.setObjectName(u"nibp_sys_error")
        self.nibp_sys_error.setWordWrap(True)

        self.fields_grid.addWidget(self.nibp_sys_error, 2, 3, 1, 1)

        self.nibp_dia_label = QLabel(ManualVitalsDialog)
        self.nibp_dia_label.setObjectName(u"nibp_dia_label")

        self.fields_grid.addWidget(self.nibp_dia_label, 3, 0, 1, 1)

        self.nibp_dia_edit = QLineEdit(ManualVitalsDialog)
        self.nibp_dia_edit.setObjectName(u"nibp_dia_edit")
        self.nibp_dia_edit.setMinimumSize(QSize(140, 0))
        self.nibp_dia_edit.setMaxLength(16)

        self.fields_grid.addWidget(self.nibp_dia_edit, 3, 1, 1, 1)

        self.nibp_dia_unit = QLabel(ManualVitalsDialog)
        self.nibp_dia_unit.setObjectName(u"nibp_dia_unit")

        self.fields_grid.addWidget(self.nibp_dia_unit, 3, 2, 1, 1)

        self.nibp_dia_error = QLabel(ManualVitalsDialog)
        self.nibp_dia_error.setObjectName(u"nibp_dia_error")
        self.nibp_dia_error.setWordWrap(True)

        self.fields_grid.addWidget(self.nibp_dia_error, 3, 3, 1, 1)

        self.rr_label = QLabel(ManualVitalsDialog)
        self.rr_label.setObjectName(u"rr_label")

        self.fields_grid.addWidget(self.rr_label, 4, 0, 1, 1)

        self.rr_edit = QLineEdit(ManualVitalsDialog)
        self.rr_edit.setObjectName(u"rr_edit")
        self.rr_edit.setMinimumSize(QSize(140, 0))
        self.rr_edit.setMaxLength(16)

        self.fields_grid.addWidget(self.rr_edit, 4, 1, 1, 1)

        self.rr_unit = QLabel(ManualVitalsDialog)
        self.rr_unit.setObjectName(u"rr_unit")

        self.fields_grid.addWidget(self.rr_unit, 4, 2, 1, 1)

        self.rr_error = QLabel(ManualVitalsDialog)
        self.rr_error.setObjectName(u"rr_error")
        self.rr_error.setWordWrap(True)

        self.fields_grid.addWidget(self.rr_error, 4, 3, 1, 1)

        self.temp_label = QLabel(ManualVitalsDialog)
        self.temp_label.setObjectName(u"temp_label")

        self.fields_grid.addWidget(self.temp_label, 5, 0, 1, 1)

        self.temp_edit = QLineEdit(ManualVitalsDialog)
        self.temp_edit.setObjectName(u"temp_edit")
        self.temp_edit.setMinimumSize(QSize(140, 0))
        self.temp_edit.setMaxLength(16)

        self.fields_grid.addWidget(self.temp_edit, 5, 1, 1, 1)

        self.temp_unit = QLabel(ManualVitalsDialog)
        self.temp_unit.setObjectName(u"temp_unit")

        self.fields_grid.addWidget(self.temp_unit, 5, 2, 1, 1)

        self.temp_error = QLabel(ManualVitalsDialog)
        self.temp_error.setObjectName(u"temp_error")
        self.temp_error.setWordWrap(True)

        self.fields_grid.addWidget(self.temp_error, 5, 3, 1, 1)

        self.etco2_label = QLabel(ManualVitalsDialog)
        self.etco2_label.setObjectName(u"etco2_label")

        self.fields_grid.addWidget(self.etco2_label, 6, 0, 1, 1)

        self.etco2_edit = QLineEdit(ManualVitalsDialog)
        self.etco2_edit.setObjectName(u"etco2_edit")
        self.etco2_edit.setMinimumSize(QSize(140, 0))
        self.etco2_edit.setMaxLength(16)

        self.fields_grid.addWidget(self.etco2_edit, 6, 1, 1, 1)

        self.etco2_unit = QLabel(ManualVitalsDialog)
        self.etco2_unit.setObjectName(u"etco2_unit")

        self.fields_grid.addWidget(self.etco2_unit, 6, 2, 1, 1)

        self.etco2_error = QLabel(ManualVitalsDialog)
        self.etco2_error.setObjectName(u"etco2_error")
        self.etco2_error.setWordWrap(True)

        self.fields_grid.addWidget(self.etco2_error, 6, 3, 1, 1)

        self.fields_grid.setColumnStretch(1, 1)
        self.fields_grid.setColumnStretch(3, 3)

        self.vitals_layout.addLayout(self.fields_grid)

        self.form_error = QLabel(ManualVitalsDialog)
        self.form_error.setObjectName(u"form_error")
        self.form_error.setWordWrap(True)

        self.vitals_layout.addWidget(self.form_error)

        self.button_box = QDialogButtonBox(ManualVitalsDialog)
        self.button_box.setObjectName(u"button_box")
        self.button_box.setStandardButtons(QDialogButtonBox.StandardButton.Cancel|QDialogButtonBox.StandardButton.Ok)

        self.vitals_layout.addWidget(self.button_box)

#if QT_CONFIG(shortcut)
        self.hr_label.setBuddy(self.hr_edit)
        self.spo2_label.setBuddy(self.spo2_edit)
        self.nibp_sys_label.setBuddy(self.nibp_sys_edit)
        self.nibp_dia_label.setBuddy(self.nibp_dia_edit)
        self.rr_label.setBuddy(self.rr_edit)
        self.temp_label.setBuddy(self.temp_edit)
        self.etco2_label.setBuddy(self.etco2_edit)
#endif // QT_CONFIG(shortcut)
        QWidget.setTabOrder(self.hr_edit, self.spo2_edit)
        QWidget.setTabOrder(self.spo2_edit, self.nibp_sys_edit)
        QWidget.setTabOrder(self.nibp_sys_edit, self.nibp_dia_edit)
        QWidget.setTabOrder(self.nibp_dia_edit, self.rr_edit)
        QWidget.setTabOrder(self.rr_edit, self.temp_edit)
        QWidget.setTabOrder(self.temp_edit, self.etco2_edit)

        self.retranslateUi(ManualVitalsDialog)

        QMetaObject.connectSlotsByName(ManualVitalsDialog)
    # setupUi

    def retranslateUi(self, ManualVitalsDialog):
        ManualVitalsDialog.setWindowTitle(QCoreApplication.translate("ManualVitalsDialog", u"Enter vital signs by hand", None))
        self.header_label.setText(QCoreApplication.translate("ManualVitalsDialog", u"Values entered by hand from a stand-alone device, not read from the connected monitor. Leave a field empty when it was not measured.", None))
        self.hr_label.setText(QCoreApplication.translate("ManualVitalsDialog", u"&Heart rate", None))
#if QT_CONFIG(accessibility)
        self.hr_edit.setAccessibleName(QCoreApplication.translate("ManualVitalsDialog", u"Heart rate in /min", None))
#endif // QT_CONFIG(accessibility)
        self.hr_unit.setText(QCoreApplication.translate("ManualVitalsDialog", u"/min", None))
#if QT_CONFIG(accessibility)
        self.hr_error.setAccessibleName(QCoreApplication.translate("ManualVitalsDialog", u"Heart rate message", None))
#endif // QT_CONFIG(accessibility)
        self.spo2_label.setText(QCoreApplication.translate("ManualVitalsDialog", u"&SpO2", None))
#if QT_CONFIG(accessibility)
        self.spo2_edit.setAccessibleName(QCoreApplication.translate("ManualVitalsDialog", u"SpO2 in %", None))
#endif // QT_CONFIG(accessibility)
        self.spo2_unit.setText(QCoreApplication.translate("ManualVitalsDialog", u"%", None))
#if QT_CONFIG(accessibility)
        self.spo2_error.setAccessibleName(QCoreApplication.translate("ManualVitalsDialog", u"SpO2 message", None))
#endif // QT_CONFIG(accessibility)
        self.nibp_sys_label.setText(QCoreApplication.translate("ManualVitalsDialog", u"&Blood pressure systolic", None))
#if QT_CONFIG(accessibility)
        self.nibp_sys_edit.setAccessibleName(QCoreApplication.translate("ManualVitalsDialog", u"Blood pressure systolic in mmHg", None))
#endif // QT_CONFIG(accessibility)
        self.nibp_sys_unit.setText(QCoreApplication.translate("ManualVitalsDialog", u"mmHg", None))
#if QT_CONFIG(accessibility)
        self.nibp_sys_error.setAccessibleName(QCoreApplication.translate("ManualVitalsDialog", u"Blood pressure systolic message", None))
#endif // QT_CONFIG(accessibility)
        self.nibp_dia_label.setText(QCoreApplication.translate("ManualVitalsDialog", u"Blood pressure &diastolic", None))
#if QT_CONFIG(accessibility)
        self.nibp_dia_edit.setAccessibleName(QCoreApplication.translate("ManualVitalsDialog", u"Blood pressure diastolic in mmHg", None))
#endif // QT_CONFIG(accessibility)
        self.nibp_dia_unit.setText(QCoreApplication.translate("ManualVitalsDialog", u"mmHg", None))
#if QT_CONFIG(accessibility)
        self.nibp_dia_error.setAccessibleName(QCoreApplication.translate("ManualVitalsDialog", u"Blood pressure diastolic message", None))
#endif // QT_CONFIG(accessibility)
        self.rr_label.setText(QCoreApplication.translate("ManualVitalsDialog", u"&Respiratory rate", None))
#if QT_CONFIG(accessibility)
        self.rr_edit.setAccessibleName(QCoreApplication.translate("ManualVitalsDialog", u"Respiratory rate in /min", None))
#endif // QT_CONFIG(accessibility)
        self.rr_unit.setText(QCoreApplication.translate("ManualVitalsDialog", u"/min", None))
#if QT_CONFIG(accessibility)
        self.rr_error.setAccessibleName(QCoreApplication.translate("ManualVitalsDialog", u"Respiratory rate message", None))
#endif // QT_CONFIG(accessibility)
        self.temp_label.setText(QCoreApplication.translate("ManualVitalsDialog", u"&Temperature", None))
#if QT_CONFIG(accessibility)
        self.temp_edit.setAccessibleName(QCoreApplication.translate("ManualVitalsDialog", u"Temperature in \u00b0C", None))
#endif // QT_CONFIG(accessibility)
        self.temp_unit.setText(QCoreApplication.translate("ManualVitalsDialog", u"\u00b0C", None))
#if QT_CONFIG(accessibility)
        self.temp_error.setAccessibleName(QCoreApplication.translate("ManualVitalsDialog", u"Temperature message", None))
#endif // QT_CONFIG(accessibility)
        self.etco2_label.setText(QCoreApplication.translate("ManualVitalsDialog", u"&EtCO2", None))
#if QT_CONFIG(accessibility)
        self.etco2_edit.setAccessibleName(QCoreApplication.translate("ManualVitalsDialog", u"End-tidal CO2 in mmHg", None))
#endif // QT_CONFIG(accessibility)
        self.etco2_unit.setText(QCoreApplication.translate("ManualVitalsDialog", u"mmHg", None))
#if QT_CONFIG(accessibility)
        self.etco2_error.setAccessibleName(QCoreApplication.translate("ManualVitalsDialog", u"End-tidal CO2 message", None))
#endif // QT_CONFIG(accessibility)
#if QT_CONFIG(accessibility)
        self.form_error.setAccessibleName(QCoreApplication.translate("ManualVitalsDialog", u"Form message", None))
#endif // QT_CONFIG(accessibility)
    # retranslateUi

