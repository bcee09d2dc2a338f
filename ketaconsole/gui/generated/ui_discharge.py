# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'discharge.ui'
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
    QGridLayout, QGroupBox, QLabel, QSizePolicy,
    QSpacerItem, QVBoxLayout, QWidget)

class Ui_DischargeDialog(object):
    def setupUi(self, DischargeDialog):
        if not DischargeDialog.objectName():
            DischargeDialog.setObjectName(u"DischargeDialog")
        DischargeDialog.resize(900, 560)
        font = QFont()
        font.setPointSize(14)
        DischargeDialog.setFont(font)
        DischargeDialog.setModal(True)
        self.discharge_layout = QVBoxLayout(DischargeDialog)
        self.discharge_layout.setSpacing(10)
        self.discharge_layout.setObjectName(u"discharge_layout")
        self.header_label = QLabel(DischargeDialog)
        self.header_label.setObjectName(u"header_label")
        font1 = QFont()
        font1.setPointSize(16)
        font1.setBold(True)
        self.header_label.setFont(font1)
        self.header_label.setWordWrap(True)

        self.discharge_layout.addWidget(self.header_label)

        self.criteria_group = QGroupBox(DischargeDialog)
        self.criteria_group.setObjectName(u"criteria_group")
        self.criteria_layout = QVBoxLayout(self.criteria_group)
        self.criteria_layout.setSpacing(8)
        self.criteria_layout.setObjectName(u"criteria_layout")

        self.discharge_layout.addWidget(self.criteria_group)

        self.gates_caption = QLabel(DischargeDialog)
        self.gates_caption.setObjectName(u"gates_caption")
        font2 = QFont()
        font2.setPointSize(14)
        font2.setBold(True)
        self.gates_caption.setFont(font2)
        self.gates_caption.setWordWrap(True)

        self.discharge_layout.addWidget(self.gates_caption)

        self.gates_area = QWidget(DischargeDialog)
        self.gates_area.setObjectName(u"gates_area")
        self.gates_grid = QGridLayout(self.gates_area)
        self.gates_grid.setObjectName(u"gates_grid")
        self.gates_grid.setHorizontalSpacing(12)
        self.gates_grid.setVerticalSpacing(6)
        self.gates_grid.setContentsMargins(0, 0, 0, 0)
        self.gates_grid.setColumnStretch(0, 3)
        self.gates_grid.setColumnStretch(1, 2)

        self.discharge_layout.addWidget(self.gates_area)

        self.discharge_spacer = QSpacerItem(0, 0, QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Expanding)

        self.discharge_layout.addItem(self.discharge_spacer)

        self.form_message = QLabel(DischargeDialog)
        self.form_message.setObjectName(u"form_message")
        self.form_message.setWordWrap(True)

        self.discharge_layout.addWidget(self.form_message)

        self.button_box = QDialogButtonBox(DischargeDialog)
        self.button_box.setObjectName(u"button_box")
        self.button_box.setStandardButtons(QDialogButtonBox.StandardButton.Cancel|QDialogButtonBox.StandardButton.Ok)

        self.discharge_layout.addWidget(self.button_box)


        self.retranslateUi(DischargeDialog)

        QMetaObject.connectSlotsByName(DischargeDialog)
    # setupUi

    def retranslateUi(self, DischargeDialog):
        DischargeDialog.setWindowTitle(QCoreApplication.translate("DischargeDialog", u"Ready for discharge", None))
        self.header_label.setText(QCoreApplication.translate("DischargeDialog", u"Confirm each discharge criterion the patient meets", None))
        self.criteria_group.setTitle(QCoreApplication.translate("DischargeDialog", u"Discharge criteria", None))
        self.gates_caption.setText(QCoreApplication.translate("DischargeDialog", u"Needs a written reason before the patient is marked ready", None))
#if QT_CONFIG(accessibility)
        self.gates_area.setAccessibleName(QCoreApplication.translate("DischargeDialog", u"Reasons needed", None))
#endif // QT_CONFIG(accessibility)
        self.form_message.setText("")
#if QT_CONFIG(accessibility)
        self.form_message.setAccessibleName(QCoreApplication.translate("DischargeDialog", u"Form message", None))
#endif // QT_CONFIG(accessibility)
    # retranslateUi

