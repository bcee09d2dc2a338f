# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'reason.ui'
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
    QSpacerItem, QVBoxLayout, QWidget)

class Ui_ReasonDialog(object):
    def setupUi(self, ReasonDialog):
        if not ReasonDialog.objectName():
            ReasonDialog.setObjectName(u"ReasonDialog")
        ReasonDialog.resize(900, 300)
        font = QFont()
        font.setPointSize(14)
        ReasonDialog.setFont(font)
        ReasonDialog.setModal(True)
        self.reason_layout = QVBoxLayout(ReasonDialog)
        self.reason_layout.setSpacing(10)
        self.reason_layout.setObjectName(u"reason_layout")
        self.header_label = QLabel(ReasonDialog)
        self.header_label.setObjectName(u"header_label")
        font1 = QFont()
        font1.setPointSize(16)
        font1.setBold(True)
        self.header_label.setFont(font1)
        self.header_label.setWordWrap(True)

        self.reason_layout.addWidget(self.header_label)

        self.fields_grid = QGridLayout()
        self.fields_grid.setObjectName(u"fields_grid")
        self.fields_grid.setHorizontalSpacing(12)
        self.fields_grid.setVerticalSpacing(8)
        self.value_label = QLabel(ReasonDialog)
        self.value_label.setObjectName(u"value_label")

        self.fields_grid.addWidget(self.value_label, 0, 0, 1, 1)

        self.value_edit = QLineEdit(ReasonDialog)
        self.value_edit.setObjectName(u"value_edit")
        self.value_edit.setMinimumSize(QSize(160, 0))
        self.value_edit.setMaxLength(12)

        self.fields_grid.addWidget(self.value_edit, 0, 1, 1, 1)

        self.value_unit = QLabel(ReasonDialog)
        self.value_unit.setObjectName(u"value_unit")

        self.fields_grid.addWidget(self.value_unit, 0, 2, 1, 1)

        self.value_error = QLabel(ReasonDialog)
        self.value_error.setObjectName(u"value_error")
        self.value_error.setAlignment(Qt.AlignmentFlag.AlignLeading|Qt.AlignmentFlag.AlignTop)
        self.value_error.setWordWrap(True)

        self.fields_grid.addWidget(self.value_error, 0, 3, 1, 1)

        self.value_preview = QLabel(ReasonDialog)
        self.value_preview.setObjectName(u"value_preview")
        self.value_preview.setWordWrap(True)

        self.fields_grid.addWidget(self.value_preview, 1, 1, 1, 3)

        self.reason_label = QLabel(ReasonDialog)
        self.reason_label.setObjectName(u"reason_label")

        self.fields_grid.addWidget(self.reason_label, 2, 0, 1, 1)

        self.reason_edit = QLineEdit(ReasonDialog)
        self.reason_edit.setObjectName(u"reason_edit")
        self.reason_edit.setMaxLength(4000)

        self.fields_grid.addWidget(self.reason_edit, 2, 1, 1, 2)

        self.reason_error = QLabel(ReasonDialog)
        self.reason_error.setObjectName(u"reason_error")
        self.reason_error.setAlignment(Qt.AlignmentFlag.AlignLeading|Qt.AlignmentFlag.AlignTop)
        self.reason_error.setWordWrap(True)

        self.fields_grid.addWidget(self.reason_error, 2, 3, 1, 1)

        self.fields_grid.setColumnStretch(1, 1)
        self.fields_grid.setColumnStretch(3, 2)

        self.reason_layout.addLayout(self.fields_grid)

        self.gates_area = QWidget(ReasonDialog)
        self.gates_area.setObjectName(u"gates_area")
        self.gates_grid = QGridLayout(self.gates_area)
        self.gates_grid.setObjectName(u"gates_grid")
        self.gates_grid.setHorizontalSpacing(12)
        self.gates_grid.setVerticalSpacing(6)
        self.gates_grid.setContentsMargins(0, 0, 0, 0)
        self.gates_grid.setColumnStretch(0, 3)
        self.gates_grid.setColumnStretch(1, 2)

        self.reason_layout.addWidget(self.gates_area)

        self.reason_spacer = QSpacerItem(0, 0, QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Expanding)

        self.reason_layout.addItem(self.reason_spacer)

        self.form_message = QLabel(ReasonDialog)
        self.form_message.setObjectName(u"form_message")
        self.form_message.setWordWrap(True)

        self.reason_layout.addWidget(self.form_message)

        self.button_box = QDialogButtonBox(ReasonDialog)
        self.button_box.setObjectName(u"button_box")
        self.button_box.setStandardButtons(QDialogButtonBox.StandardButton.Cancel|QDialogButtonBox.StandardButton.Ok)

        self.reason_layout.addWidget(self.button_box)

#if QT_CONFIG(shortcut)
        self.value_label.setBuddy(self.value_edit)
        self.reason_label.setBuddy(self.reason_edit)
#endif // QT_CONFIG(shortcut)
        QWidget.setTabOrder(self.value_edit, self.reason_edit)

        self.retranslateUi(ReasonDialog)

        QMetaObject.connectSlotsByName(ReasonDialog)
    # setupUi

    def retranslateUi(self, ReasonDialog):
        ReasonDialog.setWindowTitle(QCoreApplication.translate("ReasonDialog", u"Give a reason", None))
        self.header_label.setText("")
        self.value_label.setText(QCoreApplication.translate("ReasonDialog", u"&Value", None))
#if QT_CONFIG(accessibility)
        self.value_edit.setAccessibleName(QCoreApplication.translate("ReasonDialog", u"Value", None))
#endif // QT_CONFIG(accessibility)
        self.value_unit.setText(QCoreApplication.translate("ReasonDialog", u"mL/h", None))
        self.value_error.setText("")
#if QT_CONFIG(accessibility)
        self.value_error.setAccessibleName(QCoreApplication.translate("ReasonDialog", u"Value message", None))
#endif // QT_CONFIG(accessibility)
        self.value_preview.setText("")
#if QT_CONFIG(accessibility)
        self.value_preview.setAccessibleName(QCoreApplication.translate("ReasonDialog", u"What the value means", None))
#endif // QT_CONFIG(accessibility)
        self.reason_label.setText(QCoreApplication.translate("ReasonDialog", u"&Reason", None))
#if QT_CONFIG(accessibility)
        self.reason_edit.setAccessibleName(QCoreApplication.translate("ReasonDialog", u"Reason", None))
#endif // QT_CONFIG(accessibility)
        self.reason_edit.setPlaceholderText(QCoreApplication.translate("ReasonDialog", u"Why, in a few words", None))
        self.reason_error.setText("")
#if QT_CONFIG(accessibility)
        self.reason_error.setAccessibleName(QCoreApplication.translate("ReasonDialog", u"Reason message", None))
#endif // QT_CONFIG(accessibility)
#if QT_CONFIG(accessibility)
        self.gates_area.setAccessibleName(QCoreApplication.translate("ReasonDialog", u"Reasons needed", None))
#endif // QT_CONFIG(accessibility)
        self.form_message.setText("")
#if QT_CONFIG(accessibility)
        self.form_message.setAccessibleName(QCoreApplication.translate("ReasonDialog", u"Form message", None))
#endif // QT_CONFIG(accessibility)
    # retranslateUi

