# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'dose_calculator.ui'
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
from PySide6.QtWidgets import (QAbstractButton, QApplication, QComboBox, QDialog,
    QDialogButtonBox, QGridLayout, QHBoxLayout, QLabel,
    QLineEdit, QPlainTextEdit, QSizePolicy, QVBoxLayout,
    QWidget)

class Ui_DoseCalculatorDialog(object):
    def setupUi(self, DoseCalculatorDialog):
        if not DoseCalculatorDialog.objectName():
            DoseCalculatorDialog.setObjectName(u"DoseCalculatorDialog")
        DoseCalculatorDialog.resize(1100, 600)
        font = QFont()
        font.setPointSize(14)
        DoseCalculatorDialog.setFont(font)
        DoseCalculatorDialog.setModal(True)
        self.calculator_layout = QVBoxLayout(DoseCalculatorDialog)
        self.calculator_layout.setSpacing(8)
        self.calculator_layout.setObjectName(u"calculator_layout")
        self.header_label = QLabel(DoseCalculatorDialog)
        self.header_label.setObjectName(u"header_label")
        font1 = QFont()
        font1.setPointSize(16)
        font1.setBold(True)
        self.header_label.setFont(font1)
        self.header_label.setWordWrap(True)

        self.calculator_layout.addWidget(self.header_label)

        self.unconfirmed_label = QLabel(DoseCalculatorDialog)
        self.unconfirmed_label.setObjectName(u"unconfirmed_label")
        font2 = QFont()
        font2.setPointSize(14)
        font2.setBold(True)
        self.unconfirmed_label.setFont(font2)
        self.unconfirmed_label.setWordWrap(True)

        self.calculator_layout.addWidget(self.unconfirmed_label)

        self.fields_grid = QGridLayout()
        self.fields_grid.setObjectName(u"fields_grid")
        self.fields_grid.setHorizontalSpacing(12)
        self.fields_grid.setVerticalSpacing(6)
        self.weight_label = QLabel(DoseCalculatorDialog)
        self.weight_label.setObjectName(u"weight_label")

        self.fields_grid.addWidget(self.weight_label, 0, 0, 1, 1)

        self.weight_edit = QLineEdit(DoseCalculatorDialog)
        self.weight_edit.setObjectName(u"weight_edit")
        self.weight_edit.setMinimumSize(QSize(160, 0))
        self.weight_edit.setMaxLength(8)

        self.fields_grid.addWidget(self.weight_edit, 0, 1, 1, 1)

        self.weight_unit = QLabel(DoseCalculatorDialog)
        self.weight_unit.setObjectName(u"weight_unit")

        self.fields_grid.addWidget(self.weight_unit, 0, 2, 1, 1)

        self.weight_error = QLabel(DoseCalculatorDialog)
        self.weight_error.setObjectName(u"weight_error")
        self.weight_error.setAlignment(Qt.AlignmentFlag.AlignLeading|Qt.AlignmentFlag.AlignTop)
        self.weight_error.setWordWrap(True)

        self.fields_grid.addWidget(self.weight_error, 0, 3, 1, 1)

        self.height_label = QLabel(DoseCalculatorDialog)
        self.height_label.setObjectName(u"height_label")

        self.fields_grid.addWidget(self.height_label, 1, 0, 1, 1)

        self.height_edit = QLineEdit(DoseCalculatorDialog)
        self.height_edit.setObjectName(u"height_edit")
        self.height_edit.setMinimumSize(QSize(160, 0))
        self.height_edit.setMaxLength(8)

        self.fields_grid.addWidget(self.height_edit, 1, 1, 1, 1)

        self.height_unit = QLabel(DoseCalculatorDialog)
        self.height_unit.setObjectName(u"height_unit")

        self.fields_grid.addWidget(self.height_unit, 1, 2, 1, 1)

        self.height_error = QLabel(DoseCalculatorDialog)
        self.height_error.setObjectName(u"height_error")
        self.height_error.setAlignment(Qt.AlignmentFlag.AlignLeading|Qt.AlignmentFlag.AlignTop)
        self.height_error.setWordWrap(True)

        self.fields_grid.addWidget(self.height_error, 1, 3, 1, 1)

        self.sex_label = QLabel(DoseCalculatorDialog)
        self.sex_label.setObjectName(u"sex_label")

        self.fields_grid.addWidget(self.sex_label, 2, 0, 1, 1)

        self.sex_combo = QComboBox(DoseCalculatorDialog)
        self.sex_combo.setObjectName(u"sex_combo")

        self.fields_grid.addWidget(self.sex_combo, 2, 1, 1, 1)

        self.sex_unit = QLabel(DoseCalculatorDialog)
        self.sex_unit.setObjectName(u"sex_unit")

        self.fields_grid.addWidget(self.sex_unit, 2, 2, 1, 1)

        self.sex_error = QLabel(DoseCalculatorDialog)
        self.sex_error.setObjectName(u"sex_error")
        self.sex_error.setAlignment(Qt.AlignmentFlag.AlignLeading|Qt.AlignmentFlag.AlignTop)
        self.sex_error.setWordWrap(True)

        self.fields_grid.addWidget(self.sex_error, 2, 3, 1, 1)

        self.mg_per_kg_label = QLabel(DoseCalculatorDialog)
        self.mg_per_kg_label.setObjectName(u"mg_per_kg_label")

        self.fields_grid.addWidget(self.mg_per_kg_label, 3, 0, 1, 1)

        self.mg_per_kg_edit = QLineEdit(DoseCalculatorDialog)
        self.mg_per_kg_edit.setObjectName(u"mg_per_kg_edit")
        self.mg_per_kg_edit.setMinimumSize(QSize(160, 0))
        self.mg_per_kg_edit.setMaxLength(8)

        self.fields_grid.addWidget(self.mg_per_kg_edit, 3, 1, 1, 1)

        self.mg_per_kg_unit = QLabel(DoseCalculatorDialog)
        self.mg_per_kg_unit.setObjectName(u"mg_per_kg_unit")

        self.fields_grid.addWidget(self.mg_per_kg_unit, 3, 2, 1, 1)

        self.mg_per_kg_error = QLabel(DoseCalculatorDialog)
        self.mg_per_kg_error.setObjectName(u"mg_per_kg_error")
        self.mg_per_kg_error.setAlignment(Qt.AlignmentFlag.AlignLeading|Qt.AlignmentFlag.AlignTop)
        self.mg_per_kg_error.setWordWrap(True)

        self.fields_grid.addWidget(self.mg_per_kg_error, 3, 3, 1, 1)

        self.dose_label = QLabel(DoseCalculatorDialog)
        self.dose_label.setObjectName(u"dose_label")

        self.fields_grid.addWidget(self.dose_label, 4, 0, 1, 1)

        self.dose_combo = QComboBox(DoseCalculatorDialog)
        self.dose_combo.setObjectName(u"dose_combo")
        self.dose_combo.setEditable(True)

        self.fields_grid.addWidget(self.dose_combo, 4, 1, 1, 1)

        self.dose_unit = QLabel(DoseCalculatorDialog)
        self.dose_unit.setObjectName(u"dose_unit")

        self.fields_grid.addWidget(self.dose_unit, 4, 2, 1, 1)

        self.dose_error = QLabel(DoseCalculatorDialog)
        self.dose_error.setObjectName(u"dose_error")
        self.dose_error.setAlignment(Qt.AlignmentFlag.AlignLeading|Qt.AlignmentFlag.AlignTop)
        self.dose_error.setWordWrap(True)

        self.fields_grid.addWidget(self.dose_error, 4, 3, 1, 1)

        self.lot_label = QLabel(DoseCalculatorDialog)
        self.lot_label.setObjectName(u"lot_label")

        self.fields_grid.addWidget(self.lot_label, 5, 0, 1, 1)

        self.lot_edit = QLineEdit(DoseCalculatorDialog)
        self.lot_edit.setObjectName(u"lot_edit")
        self.lot_edit.setMinimumSize(QSize(160, 0))
        self.lot_edit.setMaxLength(60)

        self.fields_grid.addWidget(self.lot_edit, 5, 1, 1, 1)

        self.lot_unit = QLabel(DoseCalculatorDialog)
        self.lot_unit.setObjectName(u"lot_unit")

        self.fields_grid.addWidget(self.lot_unit, 5, 2, 1, 1)

        self.lot_error = QLabel(DoseCalculatorDialog)
        self.lot_error.setObjectName(u"lot_error")
        self.lot_error.setAlignment(Qt.AlignmentFlag.AlignLeading|Qt.AlignmentFlag.AlignTop)
        self.lot_error.setWordWrap(True)

        self.fields_grid.addWidget(self.lot_error, 5, 3, 1, 1)

        self.vial_label = QLabel(DoseCalculatorDialog)
        self.vial_label.setObjectName(u"vial_label")

        self.fields_grid.addWidget(self.vial_label, 6, 0, 1, 1)

        self.vial_combo = QComboBox(DoseCalculatorDialog)
        self.vial_combo.setObjectName(u"vial_combo")

        self.fields_grid.addWidget(self.vial_combo, 6, 1, 1, 1)

        self.vial_unit = QLabel(DoseCalculatorDialog)
        self.vial_unit.setObjectName(u"vial_unit")

        self.fields_grid.addWidget(self.vial_unit, 6, 2, 1, 1)

        self.vial_error = QLabel(DoseCalculatorDialog)
        self.vial_error.setObjectName(u"vial_error")
        self.vial_error.setAlignment(Qt.AlignmentFlag.AlignLeading|Qt.AlignmentFlag.AlignTop)
        self.vial_error.setWordWrap(True)

        self.fields_grid.addWidget(self.vial_error, 6, 3, 1, 1)

        self.diluent_label = QLabel(DoseCalculatorDialog)
        self.diluent_label.setObjectName(u"diluent_label")

        self.fields_grid.addWidget(self.diluent_label, 7, 0, 1, 1)

        self.diluent_combo = QComboBox(DoseCalculatorDialog)
        self.diluent_combo.setObjectName(u"diluent_combo")

        self.fields_grid.addWidget(self.diluent_combo, 7, 1, 1, 1)

        self.diluent_unit = QLabel(DoseCalculatorDialog)
        self.diluent_unit.setObjectName(u"diluent_unit")

        self.fields_grid.addWidget(self.diluent_unit, 7, 2, 1, 1)

        self.diluent_error = QLabel(DoseCalculatorDialog)
        self.diluent_error.setObjectName(u"diluent_error")
        self.diluent_error.setAlignment(Qt.AlignmentFlag.AlignLeading|Qt.AlignmentFlag.AlignTop)
        self.diluent_error.setWordWrap(True)

        self.fields_grid.addWidget(self.diluent_error, 7, 3, 1, 1)

        self.duration_label = QLabel(DoseCalculatorDialog)
        self.duration_label.setObjectName(u"duration_label")

        self.fields_grid.addWidget(self.duration_label, 8, 0, 1, 1)

        self.duration_edit = QLineEdit(DoseCalculatorDialog)
        self.duration_edit.setObjectName(u"duration_edit")
        self.duration_edit.setMinimumSize(QSize(160, 0))
        self.duration_edit.setMaxLength(8)

        self.fields_grid.addWidget(self.duration_edit, 8, 1, 1, 1)

        self.duration_unit = QLabel(DoseCalculatorDialog)
        self.duration_unit.setObjectName(u"duration_unit")

        self.fields_grid.addWidget(self.duration_unit, 8, 2, 1, 1)

        self.duration_error = QLabel(DoseCalculatorDialog)
        self.duration_error.setObjectName(u"duration_error")
        self.duration_error.setAlignment(Qt.AlignmentFlag.AlignLeading|Qt.AlignmentFlag.AlignTop)
        self.duration_error.setWordWrap(True)

        self.fields_grid.addWidget(self.duration_error, 8, 3, 1, 1)

        self.fields_grid.setColumnStretch(1, 1)
        self.fields_grid.setColumnStretch(2, 1)
        self.fields_grid.setColumnStretch(3, 2)

        self.calculator_layout.addLayout(self.fields_grid)

        self.arithmetic_caption = QLabel(DoseCalculatorDialog)
        self.arithmetic_caption.setObjectName(u"arithmetic_caption")
        self.arithmetic_caption.setFont(font2)

        self.calculator_layout.addWidget(self.arithmetic_caption)

        self.arithmetic_text = QPlainTextEdit(DoseCalculatorDialog)
        self.arithmetic_text.setObjectName(u"arithmetic_text")
        self.arithmetic_text.setMinimumSize(QSize(0, 170))
        font3 = QFont()
        font3.setFamilies([u"DejaVu Sans Mono"])
        font3.setPointSize(14)
        self.arithmetic_text.setFont(font3)
        self.arithmetic_text.setTabChangesFocus(True)
        self.arithmetic_text.setReadOnly(True)

        self.calculator_layout.addWidget(self.arithmetic_text)

        self.range_label = QLabel(DoseCalculatorDialog)
        self.range_label.setObjectName(u"range_label")
        self.range_label.setFont(font2)
        self.range_label.setWordWrap(True)

        self.calculator_layout.addWidget(self.range_label)

        self.reason_layout = QHBoxLayout()
        self.reason_layout.setSpacing(12)
        self.reason_layout.setObjectName(u"reason_layout")
        self.reason_label = QLabel(DoseCalculatorDialog)
        self.reason_label.setObjectName(u"reason_label")

        self.reason_layout.addWidget(self.reason_label)

        self.reason_edit = QLineEdit(DoseCalculatorDialog)
        self.reason_edit.setObjectName(u"reason_edit")
        self.reason_edit.setMaxLength(4000)

        self.reason_layout.addWidget(self.reason_edit)

        self.reason_error = QLabel(DoseCalculatorDialog)
        self.reason_error.setObjectName(u"reason_error")
        self.reason_error.setAlignment(Qt.AlignmentFlag.AlignLeading|Qt.AlignmentFlag.AlignTop)
        self.reason_error.setWordWrap(True)

        self.reason_layout.addWidget(self.reason_error)

        self.reason_layout.setStretch(1, 3)
        self.reason_layout.setStretch(2, 2)

        self.calculator_layout.addLayout(self.reason_layout)

        self.form_message = QLabel(DoseCalculatorDialog)
        self.form_message.setObjectName(u"form_message")
        self.form_message.setWordWrap(True)

        self.calculator_layout.addWidget(self.form_message)

        self.button_box = QDialogButtonBox(DoseCalculatorDialog)
        self.button_box.setObjectName(u"button_box")
        self.button_box.setStandardButtons(QDialogButtonBox.StandardButton.Cancel|QDialogButtonBox.StandardButton.Ok)

        self.calculator_layout.addWidget(self.button_box)

#if QT_CONFIG(shortcut)
        self.weight_label.setBuddy(self.weight_edit)
        self.height_label.setBuddy(self.height_edit)
        self.sex_label.setBuddy(self.sex_combo)
        self.mg_per_kg_label.setBuddy(self.mg_per_kg_edit)
        self.dose_label.setBuddy(self.dose_combo)
        self.lot_label.setBuddy(self.lot_edit)
        self.vial_label.setBuddy(self.vial_combo)
        self.diluent_label.setBuddy(self.diluent_combo)
        self.duration_label.setBuddy(self.duration_edit)
        self.reason_label.setBuddy(self.reason_edit)
#endif // QT_CONFIG(shortcut)
        QWidget.setTabOrder(self.weight_edit, self.height_edit)
        QWidget.setTabOrder(self.height_edit, self.sex_combo)
        QWidget.setTabOrder(self.sex_combo, self.mg_per_kg_edit)
        QWidget.setTabOrder(self.mg_per_kg_edit, self.dose_combo)
        QWidget.setTabOrder(self.dose_combo, self.lot_edit)
        QWidget.setTabOrder(self.lot_edit, self.vial_combo)
        QWidget.setTabOrder(self.vial_combo, self.diluent_combo)
        QWidget.setTabOrder(self.diluent_combo, self.duration_edit)
        QWidget.setTabOrder(self.duration_edit, self.arithmetic_text)
        QWidget.setTabOrder(self.arithmetic_text, self.reason_edit)

        self.retranslateUi(DoseCalculatorDialog)

        QMetaObject.connectSlotsByName(DoseCalculatorDialog)
    # setupUi

    def retranslateUi(self, DoseCalculatorDialog):
        DoseCalculatorDialog.setWindowTitle(QCoreApplication.translate("DoseCalculatorDialog", u"Plan the dose", None))
        self.header_label.setText(QCoreApplication.translate("DoseCalculatorDialog", u"Dose", None))
        self.unconfirmed_label.setText("")
#if QT_CONFIG(accessibility)
        self.unconfirmed_label.setAccessibleName(QCoreApplication.translate("DoseCalculatorDialog", u"Protocol confirmation", None))
#endif // QT_CONFIG(accessibility)
        self.weight_label.setText(QCoreApplication.translate("DoseCalculatorDialog", u"&Weight", None))
#if QT_CONFIG(accessibility)
        self.weight_edit.setAccessibleName(QCoreApplication.translate("DoseCalculatorDialog", u"Weight in kilograms", None))
#endif // QT_CONFIG(accessibility)
        self.weight_edit.setPlaceholderText(QCoreApplication.translate("DoseCalculatorDialog", u"e.g. 72.5", None))
        self.weight_unit.setText(QCoreApplication.translate("DoseCalculatorDialog", u"kg", None))
        self.weight_error.setText("")
#if QT_CONFIG(accessibility)
        self.weight_error.setAccessibleName(QCoreApplication.translate("DoseCalculatorDialog", u"Weight message", None))
#endif // QT_CONFIG(accessibility)
        self.height_label.setText(QCoreApplication.translate("DoseCalculatorDialog", u"&Height", None))
#if QT_CONFIG(accessibility)
        self.height_edit.setAccessibleName(QCoreApplication.translate("DoseCalculatorDialog", u"Height in centimetres", None))
#endif // QT_CONFIG(accessibility)
        self.height_edit.setPlaceholderText(QCoreApplication.translate("DoseCalculatorDialog", u"e.g. 172", None))
        self.height_unit.setText(QCoreApplication.translate("DoseCalculatorDialog", u"cm", None))
        self.height_error.setText("")
#if QT_CONFIG(accessibility)
        self.height_error.setAccessibleName(QCoreApplication.translate("DoseCalculatorDialog", u"Height message", None))
#endif // QT_CONFIG(accessibility)
        self.sex_label.setText(QCoreApplication.translate("DoseCalculatorDialog", u"Se&x", None))
#if QT_CONFIG(accessibility)
        self.sex_combo.setAccessibleName(QCoreApplication.translate("DoseCalculatorDialog", u"Sex for the ideal body weight", None))
#endif // QT_CONFIG(accessibility)
        self.sex_combo.setPlaceholderText(QCoreApplication.translate("DoseCalculatorDialog", u"Choose", None))
        self.sex_unit.setText("")
        self.sex_error.setText("")
#if QT_CONFIG(accessibility)
        self.sex_error.setAccessibleName(QCoreApplication.translate("DoseCalculatorDialog", u"Sex message", None))
#endif // QT_CONFIG(accessibility)
        self.mg_per_kg_label.setText(QCoreApplication.translate("DoseCalculatorDialog", u"Dose per &kg", None))
#if QT_CONFIG(accessibility)
        self.mg_per_kg_edit.setAccessibleName(QCoreApplication.translate("DoseCalculatorDialog", u"Dose in milligrams per kilogram", None))
#endif // QT_CONFIG(accessibility)
        self.mg_per_kg_unit.setText(QCoreApplication.translate("DoseCalculatorDialog", u"mg/kg", None))
        self.mg_per_kg_error.setText("")
#if QT_CONFIG(accessibility)
        self.mg_per_kg_error.setAccessibleName(QCoreApplication.translate("DoseCalculatorDialog", u"Dose per kg message", None))
#endif // QT_CONFIG(accessibility)
        self.dose_label.setText(QCoreApplication.translate("DoseCalculatorDialog", u"&Dose", None))
#if QT_CONFIG(accessibility)
        self.dose_combo.setAccessibleName(QCoreApplication.translate("DoseCalculatorDialog", u"Dose in milligrams", None))
#endif // QT_CONFIG(accessibility)
        self.dose_unit.setText(QCoreApplication.translate("DoseCalculatorDialog", u"mg", None))
        self.dose_error.setText("")
#if QT_CONFIG(accessibility)
        self.dose_error.setAccessibleName(QCoreApplication.translate("DoseCalculatorDialog", u"Dose message", None))
#endif // QT_CONFIG(accessibility)
        self.lot_label.setText(QCoreApplication.translate("DoseCalculatorDialog", u"&Lot number", None))
#if QT_CONFIG(accessibility)
        self.lot_edit.setAccessibleName(QCoreApplication.translate("DoseCalculatorDialog", u"Lot number of the devices", None))
#endif // QT_CONFIG(accessibility)
        self.lot_edit.setPlaceholderText(QCoreApplication.translate("DoseCalculatorDialog", u"As printed on the box", None))
        self.lot_unit.setText("")
        self.lot_error.setText("")
#if QT_CONFIG(accessibility)
        self.lot_error.setAccessibleName(QCoreApplication.translate("DoseCalculatorDialog", u"Lot number message", None))
#endif // QT_CONFIG(accessibility)
        self.vial_label.setText(QCoreApplication.translate("DoseCalculatorDialog", u"&Vial strength", None))
#if QT_CONFIG(accessibility)
        self.vial_combo.setAccessibleName(QCoreApplication.translate("DoseCalculatorDialog", u"Vial strength in mg per mL", None))
#endif // QT_CONFIG(accessibility)
        self.vial_unit.setText(QCoreApplication.translate("DoseCalculatorDialog", u"mg/mL", None))
        self.vial_error.setText("")
#if QT_CONFIG(accessibility)
        self.vial_error.setAccessibleName(QCoreApplication.translate("DoseCalculatorDialog", u"Vial strength message", None))
#endif // QT_CONFIG(accessibility)
        self.diluent_label.setText(QCoreApplication.translate("DoseCalculatorDialog", u"Dil&uent", None))
#if QT_CONFIG(accessibility)
        self.diluent_combo.setAccessibleName(QCoreApplication.translate("DoseCalculatorDialog", u"Diluent volume in mL", None))
#endif // QT_CONFIG(accessibility)
        self.diluent_unit.setText(QCoreApplication.translate("DoseCalculatorDialog", u"mL", None))
        self.diluent_error.setText("")
#if QT_CONFIG(accessibility)
        self.diluent_error.setAccessibleName(QCoreApplication.translate("DoseCalculatorDialog", u"Diluent message", None))
#endif // QT_CONFIG(accessibility)
        self.duration_label.setText(QCoreApplication.translate("DoseCalculatorDialog", u"Infusion &time", None))
#if QT_CONFIG(accessibility)
        self.duration_edit.setAccessibleName(QCoreApplication.translate("DoseCalculatorDialog", u"Infusion time in minutes", None))
#endif // QT_CONFIG(accessibility)
        self.duration_unit.setText(QCoreApplication.translate("DoseCalculatorDialog", u"min", None))
        self.duration_error.setText("")
#if QT_CONFIG(accessibility)
        self.duration_error.setAccessibleName(QCoreApplication.translate("DoseCalculatorDialog", u"Infusion time message", None))
#endif // QT_CONFIG(accessibility)
        self.arithmetic_caption.setText(QCoreApplication.translate("DoseCalculatorDialog", u"Arithmetic \u2014 a second nurse checks these numbers", None))
#if QT_CONFIG(accessibility)
        self.arithmetic_text.setAccessibleName(QCoreApplication.translate("DoseCalculatorDialog", u"Dose arithmetic", None))
#endif // QT_CONFIG(accessibility)
        self.range_label.setText("")
#if QT_CONFIG(accessibility)
        self.range_label.setAccessibleName(QCoreApplication.translate("DoseCalculatorDialog", u"Dose outside the usual range", None))
#endif // QT_CONFIG(accessibility)
        self.reason_label.setText(QCoreApplication.translate("DoseCalculatorDialog", u"&Reason for this dose", None))
#if QT_CONFIG(accessibility)
        self.reason_edit.setAccessibleName(QCoreApplication.translate("DoseCalculatorDialog", u"Reason for this dose", None))
#endif // QT_CONFIG(accessibility)
        self.reason_edit.setPlaceholderText(QCoreApplication.translate("DoseCalculatorDialog", u"Why this dose is right for this patient", None))
        self.reason_error.setText("")
#if QT_CONFIG(accessibility)
        self.reason_error.setAccessibleName(QCoreApplication.translate("DoseCalculatorDialog", u"Reason for this dose message", None))
#endif // QT_CONFIG(accessibility)
        self.form_message.setText("")
#if QT_CONFIG(accessibility)
        self.form_message.setAccessibleName(QCoreApplication.translate("DoseCalculatorDialog", u"Form message", None))
#endif // QT_CONFIG(accessibility)
    # retranslateUi

