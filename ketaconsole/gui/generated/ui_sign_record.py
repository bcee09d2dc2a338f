# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'sign_record.ui'
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
    QGridLayout, QLabel, QLineEdit, QPlainTextEdit,
    QSizePolicy, QSpacerItem, QVBoxLayout, QWidget)

from ketaconsole.gui.verification_banner import VerificationBanner

class Ui_SignRecordDialog(object):
    def setupUi(self, SignRecordDialog):
        if not SignRecordDialog.objectName():
            SignRecordDialog.setObjectName(u"SignRecordDialog")
        SignRecordDialog.resize(1100, 680)
        font = QFont()
        font.setPointSize(14)
        SignRecordDialog.setFont(font)
        SignRecordDialog.setModal(True)
        self.sign_record_layout = QVBoxLayout(SignRecordDialog)
        self.sign_record_layout.setSpacing(8)
        self.sign_record_layout.setObjectName(u"sign_record_layout")
        self.header_label = QLabel(SignRecordDialog)
        self.header_label.setObjectName(u"header_label")
        font1 = QFont()
        font1.setPointSize(16)
        font1.setBold(True)
        self.header_label.setFont(font1)
        self.header_label.setWordWrap(True)

        self.sign_record_layout.addWidget(self.header_label)

        self.training_banner = QLabel(SignRecordDialog)
        self.training_banner.setObjectName(u"training_banner")
        font2 = QFont()
        font2.setBold(True)
        self.training_banner.setFont(font2)

        self.sign_record_layout.addWidget(self.training_banner)

        self.session_grid = QGridLayout()
        self.session_grid.setObjectName(u"session_grid")
        self.session_grid.setHorizontalSpacing(12)
        self.session_grid.setVerticalSpacing(4)
        self.session_grid.setContentsMargins(0, 0, 0, 0)
        self.session_caption = QLabel(SignRecordDialog)
        self.session_caption.setObjectName(u"session_caption")

        self.session_grid.addWidget(self.session_caption, 0, 0, 1, 1)

        self.session_value = QLabel(SignRecordDialog)
        self.session_value.setObjectName(u"session_value")
        self.session_value.setFont(font2)
        self.session_value.setWordWrap(True)

        self.session_grid.addWidget(self.session_value, 0, 1, 1, 1)

        self.patient_caption = QLabel(SignRecordDialog)
        self.patient_caption.setObjectName(u"patient_caption")

        self.session_grid.addWidget(self.patient_caption, 1, 0, 1, 1)

        self.patient_value = QLabel(SignRecordDialog)
        self.patient_value.setObjectName(u"patient_value")
        self.patient_value.setFont(font2)
        self.patient_value.setWordWrap(True)

        self.session_grid.addWidget(self.patient_value, 1, 1, 1, 1)

        self.times_caption = QLabel(SignRecordDialog)
        self.times_caption.setObjectName(u"times_caption")

        self.session_grid.addWidget(self.times_caption, 2, 0, 1, 1)

        self.times_value = QLabel(SignRecordDialog)
        self.times_value.setObjectName(u"times_value")
        self.times_value.setFont(font2)
        self.times_value.setWordWrap(True)

        self.session_grid.addWidget(self.times_value, 2, 1, 1, 1)

        self.session_grid.setColumnStretch(1, 1)

        self.sign_record_layout.addLayout(self.session_grid)

        self.verification_banner = VerificationBanner(SignRecordDialog)
        self.verification_banner.setObjectName(u"verification_banner")
        font3 = QFont()
        font3.setPointSize(12)
        self.verification_banner.setFont(font3)

        self.sign_record_layout.addWidget(self.verification_banner)

        self.signature_grid = QGridLayout()
        self.signature_grid.setObjectName(u"signature_grid")
        self.signature_grid.setHorizontalSpacing(12)
        self.signature_grid.setVerticalSpacing(8)
        self.signer_caption = QLabel(SignRecordDialog)
        self.signer_caption.setObjectName(u"signer_caption")

        self.signature_grid.addWidget(self.signer_caption, 0, 0, 1, 1)

        self.signer_value = QLabel(SignRecordDialog)
        self.signer_value.setObjectName(u"signer_value")
        self.signer_value.setFont(font2)
        self.signer_value.setWordWrap(True)

        self.signature_grid.addWidget(self.signer_value, 0, 1, 1, 2)

        self.meaning_caption = QLabel(SignRecordDialog)
        self.meaning_caption.setObjectName(u"meaning_caption")

        self.signature_grid.addWidget(self.meaning_caption, 1, 0, 1, 1)

        self.meaning_box = QWidget(SignRecordDialog)
        self.meaning_box.setObjectName(u"meaning_box")
        self.meaning_layout = QVBoxLayout(self.meaning_box)
        self.meaning_layout.setSpacing(2)
        self.meaning_layout.setObjectName(u"meaning_layout")
        self.meaning_layout.setContentsMargins(0, 0, 0, 0)

        self.signature_grid.addWidget(self.meaning_box, 1, 1, 1, 1)

        self.meaning_error = QLabel(SignRecordDialog)
        self.meaning_error.setObjectName(u"meaning_error")
        self.meaning_error.setWordWrap(True)

        self.signature_grid.addWidget(self.meaning_error, 1, 2, 1, 1)

        self.addendum_label = QLabel(SignRecordDialog)
        self.addendum_label.setObjectName(u"addendum_label")

        self.signature_grid.addWidget(self.addendum_label, 2, 0, 1, 1)

        self.addendum_edit = QPlainTextEdit(SignRecordDialog)
        self.addendum_edit.setObjectName(u"addendum_edit")
        self.addendum_edit.setMaximumSize(QSize(16777215, 90))
        self.addendum_edit.setTabChangesFocus(True)

        self.signature_grid.addWidget(self.addendum_edit, 2, 1, 1, 1)

        self.addendum_error = QLabel(SignRecordDialog)
        self.addendum_error.setObjectName(u"addendum_error")
        self.addendum_error.setWordWrap(True)

        self.signature_grid.addWidget(self.addendum_error, 2, 2, 1, 1)

        self.time_caption = QLabel(SignRecordDialog)
        self.time_caption.setObjectName(u"time_caption")

        self.signature_grid.addWidget(self.time_caption, 3, 0, 1, 1)

        self.time_value = QLabel(SignRecordDialog)
        self.time_value.setObjectName(u"time_value")
        self.time_value.setWordWrap(True)

        self.signature_grid.addWidget(self.time_value, 3, 1, 1, 2)

        self.password_label = QLabel(SignRecordDialog)
        self.password_label.setObjectName(u"password_label")

        self.signature_grid.addWidget(self.password_label, 4, 0, 1, 1)

        self.password_edit = QLineEdit(SignRecordDialog)
        self.password_edit.setObjectName(u"password_edit")
        self.password_edit.setMaxLength(1024)
        self.password_edit.setEchoMode(QLineEdit.EchoMode.Password)

        self.signature_grid.addWidget(self.password_edit, 4, 1, 1, 1)

        self.password_error = QLabel(SignRecordDialog)
        self.password_error.setObjectName(u"password_error")
        self.password_error.setWordWrap(True)

        self.signature_grid.addWidget(self.password_error, 4, 2, 1, 1)

        self.signature_grid.setColumnStretch(1, 3)
        self.signature_grid.setColumnStretch(2, 2)

        self.sign_record_layout.addLayout(self.signature_grid)

        self.statement_label = QLabel(SignRecordDialog)
        self.statement_label.setObjectName(u"statement_label")
        self.statement_label.setWordWrap(True)

        self.sign_record_layout.addWidget(self.statement_label)

        self.sign_record_spacer = QSpacerItem(0, 0, QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Expanding)

        self.sign_record_layout.addItem(self.sign_record_spacer)

        self.form_message = QLabel(SignRecordDialog)
        self.form_message.setObjectName(u"form_message")
        self.form_message.setWordWrap(True)

        self.sign_record_layout.addWidget(self.form_message)

        self.button_box = QDialogButtonBox(SignRecordDialog)
        self.button_box.setObjectName(u"button_box")
        self.button_box.setStandardButtons(QDialogButtonBox.StandardButton.Cancel|QDialogButtonBox.StandardButton.Ok)

        self.sign_record_layout.addWidget(self.button_box)

#if QT_CONFIG(shortcut)
        self.addendum_label.setBuddy(self.addendum_edit)
        self.password_label.setBuddy(self.password_edit)
#endif // QT_CONFIG(shortcut)
        QWidget.setTabOrder(self.addendum_edit, self.password_edit)

        self.retranslateUi(SignRecordDialog)

        QMetaObject.connectSlotsByName(SignRecordDialog)
    # setupUi

    def retranslateUi(self, SignRecordDialog):
        SignRecordDialog.setWindowTitle(QCoreApplication.translate("SignRecordDialog", u"KetaConsole \u2013 sign the record", None))
        self.header_label.setText(QCoreApplication.translate("SignRecordDialog", u"Sign the session record", None))
        self.training_banner.setText("")
#if QT_CONFIG(accessibility)
        self.training_banner.setAccessibleName(QCoreApplication.translate("SignRecordDialog", u"Training session", None))
#endif // QT_CONFIG(accessibility)
        self.session_caption.setText(QCoreApplication.translate("SignRecordDialog", u"Session", None))
        self.session_value.setText("")
#if QT_CONFIG(accessibility)
        self.session_value.setAccessibleName(QCoreApplication.translate("SignRecordDialog", u"Session", None))
#endif // QT_CONFIG(accessibility)
        self.patient_caption.setText(QCoreApplication.translate("SignRecordDialog", u"Patient", None))
        self.patient_value.setText("")
#if QT_CONFIG(accessibility)
        self.patient_value.setAccessibleName(QCoreApplication.translate("SignRecordDialog", u"Patient", None))
#endif // QT_CONFIG(accessibility)
        self.times_caption.setText(QCoreApplication.translate("SignRecordDialog", u"Recorded", None))
        self.times_value.setText("")
#if QT_CONFIG(accessibility)
        self.times_value.setAccessibleName(QCoreApplication.translate("SignRecordDialog", u"Recorded from and to", None))
#endif // QT_CONFIG(accessibility)
        self.signer_caption.setText(QCoreApplication.translate("SignRecordDialog", u"Signer", None))
        self.signer_value.setText("")
#if QT_CONFIG(accessibility)
        self.signer_value.setAccessibleName(QCoreApplication.translate("SignRecordDialog", u"Signer", None))
#endif // QT_CONFIG(accessibility)
        self.meaning_caption.setText(QCoreApplication.translate("SignRecordDialog", u"Meaning", None))
#if QT_CONFIG(accessibility)
        self.meaning_box.setAccessibleName(QCoreApplication.translate("SignRecordDialog", u"Meaning of the signature", None))
#endif // QT_CONFIG(accessibility)
        self.meaning_error.setText("")
#if QT_CONFIG(accessibility)
        self.meaning_error.setAccessibleName(QCoreApplication.translate("SignRecordDialog", u"Meaning message", None))
#endif // QT_CONFIG(accessibility)
        self.addendum_label.setText(QCoreApplication.translate("SignRecordDialog", u"&Addendum", None))
#if QT_CONFIG(accessibility)
        self.addendum_edit.setAccessibleName(QCoreApplication.translate("SignRecordDialog", u"Addendum text", None))
#endif // QT_CONFIG(accessibility)
        self.addendum_edit.setPlaceholderText(QCoreApplication.translate("SignRecordDialog", u"The correction or addition, referring to what it corrects", None))
        self.addendum_error.setText("")
#if QT_CONFIG(accessibility)
        self.addendum_error.setAccessibleName(QCoreApplication.translate("SignRecordDialog", u"Addendum message", None))
#endif // QT_CONFIG(accessibility)
        self.time_caption.setText(QCoreApplication.translate("SignRecordDialog", u"Signed at", None))
        self.time_value.setText("")
#if QT_CONFIG(accessibility)
        self.time_value.setAccessibleName(QCoreApplication.translate("SignRecordDialog", u"Date and time recorded with the signature", None))
#endif // QT_CONFIG(accessibility)
        self.password_label.setText(QCoreApplication.translate("SignRecordDialog", u"&Password", None))
#if QT_CONFIG(accessibility)
        self.password_edit.setAccessibleName(QCoreApplication.translate("SignRecordDialog", u"Password", None))
#endif // QT_CONFIG(accessibility)
        self.password_edit.setPlaceholderText(QCoreApplication.translate("SignRecordDialog", u"your password, again for each signature", None))
        self.password_error.setText("")
#if QT_CONFIG(accessibility)
        self.password_error.setAccessibleName(QCoreApplication.translate("SignRecordDialog", u"Password message", None))
#endif // QT_CONFIG(accessibility)
        self.statement_label.setText("")
#if QT_CONFIG(accessibility)
        self.statement_label.setAccessibleName(QCoreApplication.translate("SignRecordDialog", u"Stored signature", None))
#endif // QT_CONFIG(accessibility)
        self.form_message.setText("")
#if QT_CONFIG(accessibility)
        self.form_message.setAccessibleName(QCoreApplication.translate("SignRecordDialog", u"Form message", None))
#endif // QT_CONFIG(accessibility)
    # retranslateUi

