# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'start_session.ui'
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
from PySide6.QtWidgets import (QApplication, QComboBox, QDialog, QFrame,
    QGridLayout, QGroupBox, QHBoxLayout, QLabel,
    QLineEdit, QListWidget, QListWidgetItem, QPlainTextEdit,
    QPushButton, QRadioButton, QScrollArea, QSizePolicy,
    QVBoxLayout, QWidget)

class Ui_StartSessionDialog(object):
    def setupUi(self, StartSessionDialog):
        if not StartSessionDialog.objectName():
            StartSessionDialog.setObjectName(u"StartSessionDialog")
        StartSessionDialog.resize(1180, 900)
        font = QFont()
        font.setPointSize(14)
        StartSessionDialog.setFont(font)
        StartSessionDialog.setModal(True)
        self.dialog_layout = QVBoxLayout(StartSessionDialog)
        self.dialog_layout.setObjectName(u"dialog_layout")
        self.scroll_area = QScrollArea(StartSessionDialog)
        self.scroll_area.setObjectName(u"scroll_area")
        self.scroll_area.setFrameShape(QFrame.Shape.NoFrame)
        self.scroll_area.setWidgetResizable(True)
        self.scroll_contents = QWidget()
        self.scroll_contents.setObjectName(u"scroll_contents")
        self.groups_layout = QVBoxLayout(self.scroll_contents)
        self.groups_layout.setObjectName(u"groups_layout")
        self.session_group = QGroupBox(self.scroll_contents)
        self.session_group.setObjectName(u"session_group")
        self.session_grid = QGridLayout(self.session_group)
        self.session_grid.setObjectName(u"session_grid")
        self.session_grid.setHorizontalSpacing(12)
        self.session_grid.setVerticalSpacing(8)
        self.new_session_radio = QRadioButton(self.session_group)
        self.new_session_radio.setObjectName(u"new_session_radio")
        self.new_session_radio.setChecked(True)

        self.session_grid.addWidget(self.new_session_radio, 0, 0, 1, 3)

        self.resume_radio = QRadioButton(self.session_group)
        self.resume_radio.setObjectName(u"resume_radio")

        self.session_grid.addWidget(self.resume_radio, 1, 0, 1, 3)

        self.interrupted_list = QListWidget(self.session_group)
        self.interrupted_list.setObjectName(u"interrupted_list")
        self.interrupted_list.setMinimumSize(QSize(0, 110))
        self.interrupted_list.setMaximumSize(QSize(16777215, 110))

        self.session_grid.addWidget(self.interrupted_list, 2, 1, 1, 1)

        self.interrupted_error = QLabel(self.session_group)
        self.interrupted_error.setObjectName(u"interrupted_error")
        self.interrupted_error.setWordWrap(True)

        self.session_grid.addWidget(self.interrupted_error, 2, 2, 1, 1)

        self.session_grid.setColumnStretch(1, 3)
        self.session_grid.setColumnStretch(2, 2)

        self.groups_layout.addWidget(self.session_group)

        self.patient_group = QGroupBox(self.scroll_contents)
        self.patient_group.setObjectName(u"patient_group")
        self.patient_grid = QGridLayout(self.patient_group)
        self.patient_grid.setObjectName(u"patient_grid")
        self.patient_grid.setHorizontalSpacing(12)
        self.patient_grid.setVerticalSpacing(8)
        self.search_label = QLabel(self.patient_group)
        self.search_label.setObjectName(u"search_label")

        self.patient_grid.addWidget(self.search_label, 0, 0, 1, 1)

        self.patient_search = QLineEdit(self.patient_group)
        self.patient_search.setObjectName(u"patient_search")
        self.patient_search.setMaxLength(200)

        self.patient_grid.addWidget(self.patient_search, 0, 1, 1, 1)

        self.patient_list_status = QLabel(self.patient_group)
        self.patient_list_status.setObjectName(u"patient_list_status")
        self.patient_list_status.setWordWrap(True)

        self.patient_grid.addWidget(self.patient_list_status, 0, 2, 1, 1)

        self.patient_list = QListWidget(self.patient_group)
        self.patient_list.setObjectName(u"patient_list")
        self.patient_list.setMinimumSize(QSize(0, 130))
        self.patient_list.setMaximumSize(QSize(16777215, 130))

        self.patient_grid.addWidget(self.patient_list, 1, 1, 1, 1)

        self.identifier_label = QLabel(self.patient_group)
        self.identifier_label.setObjectName(u"identifier_label")

        self.patient_grid.addWidget(self.identifier_label, 2, 0, 1, 1)

        self.identifier_edit = QLineEdit(self.patient_group)
        self.identifier_edit.setObjectName(u"identifier_edit")
        self.identifier_edit.setMaxLength(64)

        self.patient_grid.addWidget(self.identifier_edit, 2, 1, 1, 1)

        self.identifier_error = QLabel(self.patient_group)
        self.identifier_error.setObjectName(u"identifier_error")
        self.identifier_error.setWordWrap(True)

        self.patient_grid.addWidget(self.identifier_error, 2, 2, 1, 1)

        self.name_label = QLabel(self.patient_group)
        self.name_label.setObjectName(u"name_label")

        self.patient_grid.addWidget(self.name_label, 3, 0, 1, 1)

        self.name_edit = QLineEdit(self.patient_group)
        self.name_edit.setObjectName(u"name_edit")
        self.name_edit.setMaxLength(200)

        self.patient_grid.addWidget(self.name_edit, 3, 1, 1, 1)

        self.name_error = QLabel(self.patient_group)
        self.name_error.setObjectName(u"name_error")
        self.name_error.setWordWrap(True)

        self.patient_grid.addWidget(self.name_error, 3, 2, 1, 1)

        self.date_of_birth_label = QLabel(self.patient_group)
        self.date_of_birth_label.setObjectName(u"date_of_birth_label")

        self.patient_grid.addWidget(self.date_of_birth_label, 4, 0, 1, 1)

        self.date_of_birth_edit = QLineEdit(self.patient_group)
        self.date_of_birth_edit.setObjectName(u"date_of_birth_edit")
        self.date_of_birth_edit.setMaxLength(10)

        self.patient_grid.addWidget(self.date_of_birth_edit, 4, 1, 1, 1)

        self.date_of_birth_error = QLabel(self.patient_group)
        self.date_of_birth_error.setObjectName(u"date_of_birth_error")
        self.date_of_birth_error.setWordWrap(True)

        self.patient_grid.addWidget(self.date_of_birth_error, 4, 2, 1, 1)

        self.weight_label = QLabel(self.patient_group)
        self.weight_label.setObjectName(u"weight_label")

        self.patient_grid.addWidget(self.weight_label, 5, 0, 1, 1)

        self.weight_edit = QLineEdit(self.patient_group)
        self.weight_edit.setObjectName(u"weight_edit")
        self.weight_edit.setMaxLength(16)

        self.patient_grid.addWidget(self.weight_edit, 5, 1, 1, 1)

        self.weight_error = QLabel(self.patient_group)
        self.weight_error.setObjectName(u"weight_error")
        self.weight_error.setWordWrap(True)

        self.patient_grid.addWidget(self.weight_error, 5, 2, 1, 1)

        self.allergies_label = QLabel(self.patient_group)
        self.allergies_label.setObjectName(u"allergies_label")

        self.patient_grid.addWidget(self.allergies_label, 6, 0, 1, 1)

        self.allergies_edit = QLineEdit(self.patient_group)
        self.allergies_edit.setObjectName(u"allergies_edit")
        self.allergies_edit.setMaxLength(4000)

        self.patient_grid.addWidget(self.allergies_edit, 6, 1, 1, 1)

        self.allergies_error = QLabel(self.patient_group)
        self.allergies_error.setObjectName(u"allergies_error")
        self.allergies_error.setWordWrap(True)

        self.patient_grid.addWidget(self.allergies_error, 6, 2, 1, 1)

        self.notes_label = QLabel(self.patient_group)
        self.notes_label.setObjectName(u"notes_label")
        self.notes_label.setAlignment(Qt.AlignmentFlag.AlignLeading|Qt.AlignmentFlag.AlignTop)

        self.patient_grid.addWidget(self.notes_label, 7, 0, 1, 1)

        self.notes_edit = QPlainTextEdit(self.patient_group)
        self.notes_edit.setObjectName(u"notes_edit")
        self.notes_edit.setMaximumSize(QSize(16777215, 90))
        self.notes_edit.setTabChangesFocus(True)

        self.patient_grid.addWidget(self.notes_edit, 7, 1, 1, 1)

        self.notes_error = QLabel(self.patient_group)
        self.notes_error.setObjectName(u"notes_error")
        self.notes_error.setWordWrap(True)

        self.patient_grid.addWidget(self.notes_error, 7, 2, 1, 1)

        self.patient_grid.setColumnStretch(1, 3)
        self.patient_grid.setColumnStretch(2, 2)

        self.groups_layout.addWidget(self.patient_group)

        self.treatment_group = QGroupBox(self.scroll_contents)
        self.treatment_group.setObjectName(u"treatment_group")
        self.treatment_grid = QGridLayout(self.treatment_group)
        self.treatment_grid.setObjectName(u"treatment_grid")
        self.treatment_grid.setHorizontalSpacing(12)
        self.treatment_grid.setVerticalSpacing(8)
        self.treatment_label = QLabel(self.treatment_group)
        self.treatment_label.setObjectName(u"treatment_label")

        self.treatment_grid.addWidget(self.treatment_label, 0, 0, 1, 1)

        self.treatment_combo = QComboBox(self.treatment_group)
        self.treatment_combo.setObjectName(u"treatment_combo")

        self.treatment_grid.addWidget(self.treatment_combo, 0, 1, 1, 1)

        self.treatment_note = QLabel(self.treatment_group)
        self.treatment_note.setObjectName(u"treatment_note")
        self.treatment_note.setWordWrap(True)

        self.treatment_grid.addWidget(self.treatment_note, 0, 2, 1, 1)

        self.treatment_grid.setColumnStretch(1, 3)
        self.treatment_grid.setColumnStretch(2, 2)

        self.groups_layout.addWidget(self.treatment_group)

        self.operator_group = QGroupBox(self.scroll_contents)
        self.operator_group.setObjectName(u"operator_group")
        self.operator_grid = QGridLayout(self.operator_group)
        self.operator_grid.setObjectName(u"operator_grid")
        self.operator_grid.setHorizontalSpacing(12)
        self.operator_grid.setVerticalSpacing(8)
        self.operator_label = QLabel(self.operator_group)
        self.operator_label.setObjectName(u"operator_label")

        self.operator_grid.addWidget(self.operator_label, 0, 0, 1, 1)

        self.operator_edit = QLineEdit(self.operator_group)
        self.operator_edit.setObjectName(u"operator_edit")
        self.operator_edit.setMaxLength(200)

        self.operator_grid.addWidget(self.operator_edit, 0, 1, 1, 1)

        self.operator_error = QLabel(self.operator_group)
        self.operator_error.setObjectName(u"operator_error")
        self.operator_error.setWordWrap(True)

        self.operator_grid.addWidget(self.operator_error, 0, 2, 1, 1)

        self.operator_grid.setColumnStretch(1, 3)
        self.operator_grid.setColumnStretch(2, 2)

        self.groups_layout.addWidget(self.operator_group)

        self.monitor_group = QGroupBox(self.scroll_contents)
        self.monitor_group.setObjectName(u"monitor_group")
        self.monitor_grid = QGridLayout(self.monitor_group)
        self.monitor_grid.setObjectName(u"monitor_grid")
        self.monitor_grid.setHorizontalSpacing(12)
        self.monitor_grid.setVerticalSpacing(8)
        self.serial_radio = QRadioButton(self.monitor_group)
        self.serial_radio.setObjectName(u"serial_radio")
        self.serial_radio.setChecked(True)

        self.monitor_grid.addWidget(self.serial_radio, 0, 0, 1, 1)

        self.simulated_radio = QRadioButton(self.monitor_group)
        self.simulated_radio.setObjectName(u"simulated_radio")

        self.monitor_grid.addWidget(self.simulated_radio, 0, 1, 1, 2)

        self.port_label = QLabel(self.monitor_group)
        self.port_label.setObjectName(u"port_label")

        self.monitor_grid.addWidget(self.port_label, 1, 0, 1, 1)

        self.port_combo = QComboBox(self.monitor_group)
        self.port_combo.setObjectName(u"port_combo")
        self.port_combo.setEditable(True)

        self.monitor_grid.addWidget(self.port_combo, 1, 1, 1, 1)

        self.port_error = QLabel(self.monitor_group)
        self.port_error.setObjectName(u"port_error")
        self.port_error.setWordWrap(True)

        self.monitor_grid.addWidget(self.port_error, 1, 2, 1, 1)

        self.port_tools_layout = QHBoxLayout()
        self.port_tools_layout.setObjectName(u"port_tools_layout")
        self.refresh_ports_button = QPushButton(self.monitor_group)
        self.refresh_ports_button.setObjectName(u"refresh_ports_button")
        self.refresh_ports_button.setAutoDefault(False)

        self.port_tools_layout.addWidget(self.refresh_ports_button)

        self.port_details_label = QLabel(self.monitor_group)
        self.port_details_label.setObjectName(u"port_details_label")
        self.port_details_label.setWordWrap(True)

        self.port_tools_layout.addWidget(self.port_details_label)

        self.port_tools_layout.setStretch(1, 1)

        self.monitor_grid.addLayout(self.port_tools_layout, 2, 1, 1, 1)

        self.protocol_label = QLabel(self.monitor_group)
        self.protocol_label.setObjectName(u"protocol_label")

        self.monitor_grid.addWidget(self.protocol_label, 3, 0, 1, 1)

        self.protocol_combo = QComboBox(self.monitor_group)
        self.protocol_combo.setObjectName(u"protocol_combo")

        self.monitor_grid.addWidget(self.protocol_combo, 3, 1, 1, 1)

        self.protocol_error = QLabel(self.monitor_group)
        self.protocol_error.setObjectName(u"protocol_error")
        self.protocol_error.setWordWrap(True)

        self.monitor_grid.addWidget(self.protocol_error, 3, 2, 1, 1)

        self.monitor_grid.setColumnStretch(1, 3)
        self.monitor_grid.setColumnStretch(2, 2)

        self.groups_layout.addWidget(self.monitor_group)

        self.scroll_area.setWidget(self.scroll_contents)

        self.dialog_layout.addWidget(self.scroll_area)

        self.buttons_layout = QHBoxLayout()
        self.buttons_layout.setObjectName(u"buttons_layout")
        self.form_message = QLabel(StartSessionDialog)
        self.form_message.setObjectName(u"form_message")
        self.form_message.setWordWrap(True)

        self.buttons_layout.addWidget(self.form_message)

        self.cancel_button = QPushButton(StartSessionDialog)
        self.cancel_button.setObjectName(u"cancel_button")
        self.cancel_button.setAutoDefault(False)

        self.buttons_layout.addWidget(self.cancel_button)

        self.start_button = QPushButton(StartSessionDialog)
        self.start_button.setObjectName(u"start_button")
        font1 = QFont()
        font1.setPointSize(14)
        font1.setBold(True)
        self.start_button.setFont(font1)

        self.buttons_layout.addWidget(self.start_button)

        self.buttons_layout.setStretch(0, 1)

        self.dialog_layout.addLayout(self.buttons_layout)

#if QT_CONFIG(shortcut)
        self.search_label.setBuddy(self.patient_search)
        self.identifier_label.setBuddy(self.identifier_edit)
        self.name_label.setBuddy(self.name_edit)
        self.date_of_birth_label.setBuddy(self.date_of_birth_edit)
        self.weight_label.setBuddy(self.weight_edit)
        self.allergies_label.setBuddy(self.allergies_edit)
        self.notes_label.setBuddy(self.notes_edit)
        self.treatment_label.setBuddy(self.treatment_combo)
        self.operator_label.setBuddy(self.operator_edit)
        self.port_label.setBuddy(self.port_combo)
        self.protocol_label.setBuddy(self.protocol_combo)
#endif // QT_CONFIG(shortcut)
        QWidget.setTabOrder(self.new_session_radio, self.resume_radio)
        QWidget.setTabOrder(self.resume_radio, self.interrupted_list)
        QWidget.setTabOrder(self.interrupted_list, self.patient_search)
        QWidget.setTabOrder(self.patient_search, self.patient_list)
        QWidget.setTabOrder(self.patient_list, self.identifier_edit)
        QWidget.setTabOrder(self.identifier_edit, self.name_edit)
        QWidget.setTabOrder(self.name_edit, self.date_of_birth_edit)
        QWidget.setTabOrder(self.date_of_birth_edit, self.weight_edit)
        QWidget.setTabOrder(self.weight_edit, self.allergies_edit)
        QWidget.setTabOrder(self.allergies_edit, self.notes_edit)
        QWidget.setTabOrder(self.notes_edit, self.treatment_combo)
        QWidget.setTabOrder(self.treatment_combo, self.operator_edit)
        QWidget.setTabOrder(self.operator_edit, self.serial_radio)
        QWidget.setTabOrder(self.serial_radio, self.simulated_radio)
        QWidget.setTabOrder(self.simulated_radio, self.port_combo)
        QWidget.setTabOrder(self.port_combo, self.refresh_ports_button)
        QWidget.setTabOrder(self.refresh_ports_button, self.protocol_combo)
        QWidget.setTabOrder(self.protocol_combo, self.start_button)
        QWidget.setTabOrder(self.start_button, self.cancel_button)

        self.retranslateUi(StartSessionDialog)

        self.start_button.setDefault(True)


        QMetaObject.connectSlotsByName(StartSessionDialog)
    # setupUi

    def retranslateUi(self, StartSessionDialog):
        StartSessionDialog.setWindowTitle(QCoreApplication.translate("StartSessionDialog", u"Start a session", None))
        self.session_group.setTitle(QCoreApplication.translate("StartSessionDialog", u"Session", None))
        self.new_session_radio.setText(QCoreApplication.translate("StartSessionDialog", u"Start a &new session", None))
        self.resume_radio.setText(QCoreApplication.translate("StartSessionDialog", u"Res&ume an interrupted session", None))
#if QT_CONFIG(accessibility)
        self.interrupted_list.setAccessibleName(QCoreApplication.translate("StartSessionDialog", u"Interrupted sessions", None))
#endif // QT_CONFIG(accessibility)
#if QT_CONFIG(accessibility)
        self.interrupted_error.setAccessibleName(QCoreApplication.translate("StartSessionDialog", u"Interrupted sessions message", None))
#endif // QT_CONFIG(accessibility)
        self.patient_group.setTitle(QCoreApplication.translate("StartSessionDialog", u"Patient", None))
        self.search_label.setText(QCoreApplication.translate("StartSessionDialog", u"&Find a patient", None))
#if QT_CONFIG(accessibility)
        self.patient_search.setAccessibleName(QCoreApplication.translate("StartSessionDialog", u"Find a patient by name or MRN/ID", None))
#endif // QT_CONFIG(accessibility)
        self.patient_search.setPlaceholderText(QCoreApplication.translate("StartSessionDialog", u"Type part of the name or MRN/ID", None))
        self.patient_list_status.setText(QCoreApplication.translate("StartSessionDialog", u"Loading patients\u2026", None))
#if QT_CONFIG(accessibility)
        self.patient_list_status.setAccessibleName(QCoreApplication.translate("StartSessionDialog", u"Patient list status", None))
#endif // QT_CONFIG(accessibility)
#if QT_CONFIG(accessibility)
        self.patient_list.setAccessibleName(QCoreApplication.translate("StartSessionDialog", u"Patients on record", None))
#endif // QT_CONFIG(accessibility)
        self.identifier_label.setText(QCoreApplication.translate("StartSessionDialog", u"&MRN/ID", None))
#if QT_CONFIG(accessibility)
        self.identifier_edit.setAccessibleName(QCoreApplication.translate("StartSessionDialog", u"MRN or patient ID", None))
#endif // QT_CONFIG(accessibility)
#if QT_CONFIG(accessibility)
        self.identifier_error.setAccessibleName(QCoreApplication.translate("StartSessionDialog", u"MRN or patient ID message", None))
#endif // QT_CONFIG(accessibility)
        self.name_label.setText(QCoreApplication.translate("StartSessionDialog", u"Nam&e", None))
#if QT_CONFIG(accessibility)
        self.name_edit.setAccessibleName(QCoreApplication.translate("StartSessionDialog", u"Patient name", None))
#endif // QT_CONFIG(accessibility)
#if QT_CONFIG(accessibility)
        self.name_error.setAccessibleName(QCoreApplication.translate("StartSessionDialog", u"Patient name message", None))
#endif // QT_CONFIG(accessibility)
        self.date_of_birth_label.setText(QCoreApplication.translate("StartSessionDialog", u"&Date of birth", None))
#if QT_CONFIG(accessibility)
        self.date_of_birth_edit.setAccessibleName(QCoreApplication.translate("StartSessionDialog", u"Date of birth", None))
#endif // QT_CONFIG(accessibility)
#if QT_CONFIG(accessibility)
        self.date_of_birth_error.setAccessibleName(QCoreApplication.translate("StartSessionDialog", u"Date of birth message", None))
#endif // QT_CONFIG(accessibility)
        self.weight_label.setText(QCoreApplication.translate("StartSessionDialog", u"&Weight (kg)", None))
#if QT_CONFIG(accessibility)
        self.weight_edit.setAccessibleName(QCoreApplication.translate("StartSessionDialog", u"Weight in kilograms", None))
#endif // QT_CONFIG(accessibility)
        self.weight_edit.setPlaceholderText(QCoreApplication.translate("StartSessionDialog", u"e.g. 72.5", None))
#if QT_CONFIG(accessibility)
        self.weight_error.setAccessibleName(QCoreApplication.translate("StartSessionDialog", u"Weight in kilograms message", None))
#endif // QT_CONFIG(accessibility)
        self.allergies_label.setText(QCoreApplication.translate("StartSessionDialog", u"&Allergies", None))
#if QT_CONFIG(accessibility)
        self.allergies_edit.setAccessibleName(QCoreApplication.translate("StartSessionDialog", u"Allergies", None))
#endif // QT_CONFIG(accessibility)
        self.allergies_edit.setPlaceholderText(QCoreApplication.translate("StartSessionDialog", u"None known, or list them", None))
#if QT_CONFIG(accessibility)
        self.allergies_error.setAccessibleName(QCoreApplication.translate("StartSessionDialog", u"Allergies message", None))
#endif // QT_CONFIG(accessibility)
        self.notes_label.setText(QCoreApplication.translate("StartSessionDialog", u"N&otes", None))
#if QT_CONFIG(accessibility)
        self.notes_edit.setAccessibleName(QCoreApplication.translate("StartSessionDialog", u"Patient notes", None))
#endif // QT_CONFIG(accessibility)
#if QT_CONFIG(accessibility)
        self.notes_error.setAccessibleName(QCoreApplication.translate("StartSessionDialog", u"Patient notes message", None))
#endif // QT_CONFIG(accessibility)
        self.treatment_group.setTitle(QCoreApplication.translate("StartSessionDialog", u"Treatment", None))
        self.treatment_label.setText(QCoreApplication.translate("StartSessionDialog", u"Treatment protoco&l", None))
#if QT_CONFIG(accessibility)
        self.treatment_combo.setAccessibleName(QCoreApplication.translate("StartSessionDialog", u"Treatment protocol", None))
#endif // QT_CONFIG(accessibility)
#if QT_CONFIG(accessibility)
        self.treatment_note.setAccessibleName(QCoreApplication.translate("StartSessionDialog", u"Treatment protocol note", None))
#endif // QT_CONFIG(accessibility)
        self.operator_group.setTitle(QCoreApplication.translate("StartSessionDialog", u"Operator", None))
        self.operator_label.setText(QCoreApplication.translate("StartSessionDialog", u"&Your name", None))
#if QT_CONFIG(accessibility)
        self.operator_edit.setAccessibleName(QCoreApplication.translate("StartSessionDialog", u"Your name (operator)", None))
#endif // QT_CONFIG(accessibility)
        self.operator_edit.setPlaceholderText(QCoreApplication.translate("StartSessionDialog", u"The nurse running the session", None))
#if QT_CONFIG(accessibility)
        self.operator_error.setAccessibleName(QCoreApplication.translate("StartSessionDialog", u"Your name (operator) message", None))
#endif // QT_CONFIG(accessibility)
        self.monitor_group.setTitle(QCoreApplication.translate("StartSessionDialog", u"Monitor", None))
        self.serial_radio.setText(QCoreApplication.translate("StartSessionDialog", u"Monitor on a serial &port", None))
        self.simulated_radio.setText(QCoreApplication.translate("StartSessionDialog", u"&Simulated monitor (training, values NOT from a patient)", None))
        self.port_label.setText(QCoreApplication.translate("StartSessionDialog", u"Ser&ial port", None))
#if QT_CONFIG(accessibility)
        self.port_combo.setAccessibleName(QCoreApplication.translate("StartSessionDialog", u"Serial port", None))
#endif // QT_CONFIG(accessibility)
#if QT_CONFIG(accessibility)
        self.port_error.setAccessibleName(QCoreApplication.translate("StartSessionDialog", u"Serial port message", None))
#endif // QT_CONFIG(accessibility)
        self.refresh_ports_button.setText(QCoreApplication.translate("StartSessionDialog", u"&Refresh ports", None))
#if QT_CONFIG(accessibility)
        self.port_details_label.setAccessibleName(QCoreApplication.translate("StartSessionDialog", u"Serial port details", None))
#endif // QT_CONFIG(accessibility)
        self.protocol_label.setText(QCoreApplication.translate("StartSessionDialog", u"Pro&tocol", None))
#if QT_CONFIG(accessibility)
        self.protocol_combo.setAccessibleName(QCoreApplication.translate("StartSessionDialog", u"Monitor protocol", None))
#endif // QT_CONFIG(accessibility)
        self.protocol_combo.setPlaceholderText(QCoreApplication.translate("StartSessionDialog", u"Choose the monitor's protocol", None))
#if QT_CONFIG(accessibility)
        self.protocol_error.setAccessibleName(QCoreApplication.translate("StartSessionDialog", u"Monitor protocol message", None))
#endif // QT_CONFIG(accessibility)
#if QT_CONFIG(accessibility)
        self.form_message.setAccessibleName(QCoreApplication.translate("StartSessionDialog", u"Form message", None))
#endif // QT_CONFIG(accessibility)
        self.cancel_button.setText(QCoreApplication.translate("StartSessionDialog", u"Cancel", None))
        self.start_button.setText(QCoreApplication.translate("StartSessionDialog", u"Start session", None))
    # retranslateUi

