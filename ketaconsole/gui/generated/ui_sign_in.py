# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'sign_in.ui'
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
    QSpacerItem, QStackedWidget, QVBoxLayout, QWidget)

class Ui_SignInDialog(object):
    def setupUi(self, SignInDialog):
        if not SignInDialog.objectName():
            SignInDialog.setObjectName(u"SignInDialog")
        SignInDialog.resize(900, 420)
        font = QFont()
        font.setPointSize(14)
        SignInDialog.setFont(font)
        SignInDialog.setModal(True)
        self.sign_in_layout = QVBoxLayout(SignInDialog)
        self.sign_in_layout.setSpacing(10)
        self.sign_in_layout.setObjectName(u"sign_in_layout")
        self.header_label = QLabel(SignInDialog)
        self.header_label.setObjectName(u"header_label")
        font1 = QFont()
        font1.setPointSize(16)
        font1.setBold(True)
        self.header_label.setFont(font1)
        self.header_label.setWordWrap(True)

        self.sign_in_layout.addWidget(self.header_label)

        self.intro_label = QLabel(SignInDialog)
        self.intro_label.setObjectName(u"intro_label")
        self.intro_label.setWordWrap(True)

        self.sign_in_layout.addWidget(self.intro_label)

        self.pages = QStackedWidget(SignInDialog)
        self.pages.setObjectName(u"pages")
        self.sign_in_page = QWidget()
        self.sign_in_page.setObjectName(u"sign_in_page")
        self.sign_in_grid = QGridLayout(self.sign_in_page)
        self.sign_in_grid.setObjectName(u"sign_in_grid")
        self.sign_in_grid.setHorizontalSpacing(12)
        self.sign_in_grid.setVerticalSpacing(8)
        self.sign_in_grid.setContentsMargins(0, 0, 0, 0)
        self.user_id_label = QLabel(self.sign_in_page)
        self.user_id_label.setObjectName(u"user_id_label")

        self.sign_in_grid.addWidget(self.user_id_label, 0, 0, 1, 1)

        self.user_id_edit = QLineEdit(self.sign_in_page)
        self.user_id_edit.setObjectName(u"user_id_edit")
        self.user_id_edit.setMinimumSize(QSize(260, 0))
        self.user_id_edit.setMaxLength(64)

        self.sign_in_grid.addWidget(self.user_id_edit, 0, 1, 1, 1)

        self.password_label = QLabel(self.sign_in_page)
        self.password_label.setObjectName(u"password_label")

        self.sign_in_grid.addWidget(self.password_label, 1, 0, 1, 1)

        self.password_edit = QLineEdit(self.sign_in_page)
        self.password_edit.setObjectName(u"password_edit")
        self.password_edit.setMinimumSize(QSize(260, 0))
        self.password_edit.setMaxLength(1024)
        self.password_edit.setEchoMode(QLineEdit.EchoMode.Password)

        self.sign_in_grid.addWidget(self.password_edit, 1, 1, 1, 1)

        self.credentials_error = QLabel(self.sign_in_page)
        self.credentials_error.setObjectName(u"credentials_error")
        self.credentials_error.setWordWrap(True)

        self.sign_in_grid.addWidget(self.credentials_error, 2, 1, 1, 2)

        self.sign_in_grid.setColumnStretch(1, 2)
        self.sign_in_grid.setColumnStretch(2, 1)
        self.pages.addWidget(self.sign_in_page)
        self.first_admin_page = QWidget()
        self.first_admin_page.setObjectName(u"first_admin_page")
        self.first_admin_grid = QGridLayout(self.first_admin_page)
        self.first_admin_grid.setObjectName(u"first_admin_grid")
        self.first_admin_grid.setHorizontalSpacing(12)
        self.first_admin_grid.setVerticalSpacing(4)
        self.first_admin_grid.setContentsMargins(0, 0, 0, 0)
        self.new_id_label = QLabel(self.first_admin_page)
        self.new_id_label.setObjectName(u"new_id_label")

        self.first_admin_grid.addWidget(self.new_id_label, 0, 0, 1, 1)

        self.new_id_edit = QLineEdit(self.first_admin_page)
        self.new_id_edit.setObjectName(u"new_id_edit")
        self.new_id_edit.setMinimumSize(QSize(260, 0))
        self.new_id_edit.setMaxLength(64)

        self.first_admin_grid.addWidget(self.new_id_edit, 0, 1, 1, 1)

        self.new_id_error = QLabel(self.first_admin_page)
        self.new_id_error.setObjectName(u"new_id_error")
        self.new_id_error.setWordWrap(True)

        self.first_admin_grid.addWidget(self.new_id_error, 1, 1, 1, 2)

        self.name_label = QLabel(self.first_admin_page)
        self.name_label.setObjectName(u"name_label")

        self.first_admin_grid.addWidget(self.name_label, 2, 0, 1, 1)

        self.name_edit = QLineEdit(self.first_admin_page)
        self.name_edit.setObjectName(u"name_edit")
        self.name_edit.setMaxLength(200)

        self.first_admin_grid.addWidget(self.name_edit, 2, 1, 1, 1)

        self.name_error = QLabel(self.first_admin_page)
        self.name_error.setObjectName(u"name_error")
        self.name_error.setWordWrap(True)

        self.first_admin_grid.addWidget(self.name_error, 3, 1, 1, 2)

        self.role_caption = QLabel(self.first_admin_page)
        self.role_caption.setObjectName(u"role_caption")

        self.first_admin_grid.addWidget(self.role_caption, 4, 0, 1, 1)

        self.role_value = QLabel(self.first_admin_page)
        self.role_value.setObjectName(u"role_value")
        font2 = QFont()
        font2.setBold(True)
        self.role_value.setFont(font2)

        self.first_admin_grid.addWidget(self.role_value, 4, 1, 1, 1)

        self.new_password_label = QLabel(self.first_admin_page)
        self.new_password_label.setObjectName(u"new_password_label")

        self.first_admin_grid.addWidget(self.new_password_label, 5, 0, 1, 1)

        self.new_password_edit = QLineEdit(self.first_admin_page)
        self.new_password_edit.setObjectName(u"new_password_edit")
        self.new_password_edit.setMaxLength(1024)
        self.new_password_edit.setEchoMode(QLineEdit.EchoMode.Password)

        self.first_admin_grid.addWidget(self.new_password_edit, 5, 1, 1, 1)

        self.new_password_error = QLabel(self.first_admin_page)
        self.new_password_error.setObjectName(u"new_password_error")
        self.new_password_error.setWordWrap(True)

        self.first_admin_grid.addWidget(self.new_password_error, 6, 1, 1, 2)

        self.repeat_label = QLabel(self.first_admin_page)
        self.repeat_label.setObjectName(u"repeat_label")

        self.first_admin_grid.addWidget(self.repeat_label, 7, 0, 1, 1)

        self.repeat_edit = QLineEdit(self.first_admin_page)
        self.repeat_edit.setObjectName(u"repeat_edit")
        self.repeat_edit.setMaxLength(1024)
        self.repeat_edit.setEchoMode(QLineEdit.EchoMode.Password)

        self.first_admin_grid.addWidget(self.repeat_edit, 7, 1, 1, 1)

        self.repeat_error = QLabel(self.first_admin_page)
        self.repeat_error.setObjectName(u"repeat_error")
        self.repeat_error.setWordWrap(True)

        self.first_admin_grid.addWidget(self.repeat_error, 8, 1, 1, 2)

        self.first_admin_grid.setColumnStretch(1, 2)
        self.first_admin_grid.setColumnStretch(2, 1)
        self.pages.addWidget(self.first_admin_page)

        self.sign_in_layout.addWidget(self.pages)

        self.sign_in_spacer = QSpacerItem(0, 0, QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Expanding)

        self.sign_in_layout.addItem(self.sign_in_spacer)

        self.form_message = QLabel(SignInDialog)
        self.form_message.setObjectName(u"form_message")
        self.form_message.setWordWrap(True)

        self.sign_in_layout.addWidget(self.form_message)

        self.button_box = QDialogButtonBox(SignInDialog)
        self.button_box.setObjectName(u"button_box")
        self.button_box.setStandardButtons(QDialogButtonBox.StandardButton.Cancel|QDialogButtonBox.StandardButton.Ok)

        self.sign_in_layout.addWidget(self.button_box)

#if QT_CONFIG(shortcut)
        self.user_id_label.setBuddy(self.user_id_edit)
        self.password_label.setBuddy(self.password_edit)
        self.new_id_label.setBuddy(self.new_id_edit)
        self.name_label.setBuddy(self.name_edit)
        self.new_password_label.setBuddy(self.new_password_edit)
        self.repeat_label.setBuddy(self.repeat_edit)
#endif // QT_CONFIG(shortcut)
        QWidget.setTabOrder(self.user_id_edit, self.password_edit)
        QWidget.setTabOrder(self.password_edit, self.new_id_edit)
        QWidget.setTabOrder(self.new_id_edit, self.name_edit)
        QWidget.setTabOrder(self.name_edit, self.new_password_edit)
        QWidget.setTabOrder(self.new_password_edit, self.repeat_edit)

        self.retranslateUi(SignInDialog)

        QMetaObject.connectSlotsByName(SignInDialog)
    # setupUi

    def retranslateUi(self, SignInDialog):
        SignInDialog.setWindowTitle(QCoreApplication.translate("SignInDialog", u"KetaConsole \u2013 sign in", None))
        self.header_label.setText(QCoreApplication.translate("SignInDialog", u"Sign in", None))
        self.intro_label.setText("")
#if QT_CONFIG(accessibility)
        self.intro_label.setAccessibleName(QCoreApplication.translate("SignInDialog", u"What to do", None))
#endif // QT_CONFIG(accessibility)
        self.user_id_label.setText(QCoreApplication.translate("SignInDialog", u"&User id", None))
#if QT_CONFIG(accessibility)
        self.user_id_edit.setAccessibleName(QCoreApplication.translate("SignInDialog", u"User id", None))
#endif // QT_CONFIG(accessibility)
        self.password_label.setText(QCoreApplication.translate("SignInDialog", u"&Password", None))
#if QT_CONFIG(accessibility)
        self.password_edit.setAccessibleName(QCoreApplication.translate("SignInDialog", u"Password", None))
#endif // QT_CONFIG(accessibility)
        self.credentials_error.setText("")
#if QT_CONFIG(accessibility)
        self.credentials_error.setAccessibleName(QCoreApplication.translate("SignInDialog", u"Sign-in message", None))
#endif // QT_CONFIG(accessibility)
        self.new_id_label.setText(QCoreApplication.translate("SignInDialog", u"&User id", None))
#if QT_CONFIG(accessibility)
        self.new_id_edit.setAccessibleName(QCoreApplication.translate("SignInDialog", u"New user id", None))
#endif // QT_CONFIG(accessibility)
        self.new_id_edit.setPlaceholderText(QCoreApplication.translate("SignInDialog", u"lowercase, e.g. ada.l", None))
        self.new_id_error.setText("")
#if QT_CONFIG(accessibility)
        self.new_id_error.setAccessibleName(QCoreApplication.translate("SignInDialog", u"User id message", None))
#endif // QT_CONFIG(accessibility)
        self.name_label.setText(QCoreApplication.translate("SignInDialog", u"Printed &name", None))
#if QT_CONFIG(accessibility)
        self.name_edit.setAccessibleName(QCoreApplication.translate("SignInDialog", u"Printed name", None))
#endif // QT_CONFIG(accessibility)
        self.name_edit.setPlaceholderText(QCoreApplication.translate("SignInDialog", u"as on signed records", None))
        self.name_error.setText("")
#if QT_CONFIG(accessibility)
        self.name_error.setAccessibleName(QCoreApplication.translate("SignInDialog", u"Printed name message", None))
#endif // QT_CONFIG(accessibility)
        self.role_caption.setText(QCoreApplication.translate("SignInDialog", u"Role", None))
        self.role_value.setText(QCoreApplication.translate("SignInDialog", u"Administrator", None))
#if QT_CONFIG(accessibility)
        self.role_value.setAccessibleName(QCoreApplication.translate("SignInDialog", u"Role", None))
#endif // QT_CONFIG(accessibility)
        self.new_password_label.setText(QCoreApplication.translate("SignInDialog", u"&Password", None))
#if QT_CONFIG(accessibility)
        self.new_password_edit.setAccessibleName(QCoreApplication.translate("SignInDialog", u"New password", None))
#endif // QT_CONFIG(accessibility)
        self.new_password_error.setText("")
#if QT_CONFIG(accessibility)
        self.new_password_error.setAccessibleName(QCoreApplication.translate("SignInDialog", u"Password message", None))
#endif // QT_CONFIG(accessibility)
        self.repeat_label.setText(QCoreApplication.translate("SignInDialog", u"&Repeat password", None))
#if QT_CONFIG(accessibility)
        self.repeat_edit.setAccessibleName(QCoreApplication.translate("SignInDialog", u"Repeat the password", None))
#endif // QT_CONFIG(accessibility)
        self.repeat_error.setText("")
#if QT_CONFIG(accessibility)
        self.repeat_error.setAccessibleName(QCoreApplication.translate("SignInDialog", u"Repeated password message", None))
#endif // QT_CONFIG(accessibility)
        self.form_message.setText("")
#if QT_CONFIG(accessibility)
        self.form_message.setAccessibleName(QCoreApplication.translate("SignInDialog", u"Form message", None))
#endif // QT_CONFIG(accessibility)
    # retranslateUi

