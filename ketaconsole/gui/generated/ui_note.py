# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'note.ui'
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
    QDialogButtonBox, QGridLayout, QLabel, QPlainTextEdit,
    QSizePolicy, QVBoxLayout, QWidget)

class Ui_NoteDialog(object):
    def setupUi(self, NoteDialog):
        if not NoteDialog.objectName():
            NoteDialog.setObjectName(u"NoteDialog")
        NoteDialog.resize(900, 420)
        font = QFont()
        font.setPointSize(14)
        NoteDialog.setFont(font)
        NoteDialog.setModal(True)
        self.note_layout = QVBoxLayout(NoteDialog)
        self.note_layout.setObjectName(u"note_layout")
        self.header_label = QLabel(NoteDialog)
        self.header_label.setObjectName(u"header_label")
        font1 = QFont()
        font1.setPointSize(16)
        font1.setBold(True)
        self.header_label.setFont(font1)
        self.header_label.setWordWrap(True)

        self.note_layout.addWidget(self.header_label)

        self.fields_grid = QGridLayout()
        self.fields_grid.setObjectName(u"fields_grid")
        self.fields_grid.setHorizontalSpacing(12)
        self.fields_grid.setVerticalSpacing(10)
        self.category_label = QLabel(NoteDialog)
        self.category_label.setObjectName(u"category_label")

        self.fields_grid.addWidget(self.category_label, 0, 0, 1, 1)

        self.category_combo = QComboBox(NoteDialog)
        self.category_combo.setObjectName(u"category_combo")

        self.fields_grid.addWidget(self.category_combo, 0, 1, 1, 1)

        self.text_label = QLabel(NoteDialog)
        self.text_label.setObjectName(u"text_label")
        self.text_label.setAlignment(Qt.AlignmentFlag.AlignLeading|Qt.AlignmentFlag.AlignTop)

        self.fields_grid.addWidget(self.text_label, 1, 0, 1, 1)

        self.text_edit = QPlainTextEdit(NoteDialog)
        self.text_edit.setObjectName(u"text_edit")
        self.text_edit.setMinimumSize(QSize(0, 180))
        self.text_edit.setTabChangesFocus(True)

        self.fields_grid.addWidget(self.text_edit, 1, 1, 1, 1)

        self.text_error = QLabel(NoteDialog)
        self.text_error.setObjectName(u"text_error")
        self.text_error.setAlignment(Qt.AlignmentFlag.AlignLeading|Qt.AlignmentFlag.AlignTop)
        self.text_error.setWordWrap(True)

        self.fields_grid.addWidget(self.text_error, 1, 2, 1, 1)

        self.fields_grid.setColumnStretch(1, 3)
        self.fields_grid.setColumnStretch(2, 2)

        self.note_layout.addLayout(self.fields_grid)

        self.button_box = QDialogButtonBox(NoteDialog)
        self.button_box.setObjectName(u"button_box")
        self.button_box.setStandardButtons(QDialogButtonBox.StandardButton.Cancel|QDialogButtonBox.StandardButton.Ok)

        self.note_layout.addWidget(self.button_box)

#if QT_CONFIG(shortcut)
        self.category_label.setBuddy(self.category_combo)
        self.text_label.setBuddy(self.text_edit)
#endif // QT_CONFIG(shortcut)
        QWidget.setTabOrder(self.category_combo, self.text_edit)

        self.retranslateUi(NoteDialog)

        QMetaObject.connectSlotsByName(NoteDialog)
    # setupUi

    def retranslateUi(self, NoteDialog):
        NoteDialog.setWindowTitle(QCoreApplication.translate("NoteDialog", u"Add a note", None))
        self.header_label.setText(QCoreApplication.translate("NoteDialog", u"Note for the session record, stamped with the time you press OK", None))
        self.category_label.setText(QCoreApplication.translate("NoteDialog", u"&Category", None))
#if QT_CONFIG(accessibility)
        self.category_combo.setAccessibleName(QCoreApplication.translate("NoteDialog", u"Note category", None))
#endif // QT_CONFIG(accessibility)
        self.text_label.setText(QCoreApplication.translate("NoteDialog", u"&Note", None))
#if QT_CONFIG(accessibility)
        self.text_edit.setAccessibleName(QCoreApplication.translate("NoteDialog", u"Note text", None))
#endif // QT_CONFIG(accessibility)
        self.text_edit.setPlaceholderText(QCoreApplication.translate("NoteDialog", u"What happened, e.g. the medication, dose and route", None))
#if QT_CONFIG(accessibility)
        self.text_error.setAccessibleName(QCoreApplication.translate("NoteDialog", u"Note text message", None))
#endif // QT_CONFIG(accessibility)
    # retranslateUi

