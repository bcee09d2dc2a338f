# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'assessment.ui'
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
from PySide6.QtWidgets import (QApplication, QDialog, QFrame, QHBoxLayout,
    QLabel, QPushButton, QScrollArea, QSizePolicy,
    QSpacerItem, QVBoxLayout, QWidget)

class Ui_AssessmentDialog(object):
    def setupUi(self, AssessmentDialog):
        if not AssessmentDialog.objectName():
            AssessmentDialog.setObjectName(u"AssessmentDialog")
        AssessmentDialog.resize(1000, 720)
        font = QFont()
        font.setPointSize(14)
        AssessmentDialog.setFont(font)
        AssessmentDialog.setModal(True)
        self.assessment_layout = QVBoxLayout(AssessmentDialog)
        self.assessment_layout.setSpacing(8)
        self.assessment_layout.setObjectName(u"assessment_layout")
        self.header_label = QLabel(AssessmentDialog)
        self.header_label.setObjectName(u"header_label")
        font1 = QFont()
        font1.setPointSize(16)
        font1.setBold(True)
        self.header_label.setFont(font1)
        self.header_label.setWordWrap(True)

        self.assessment_layout.addWidget(self.header_label)

        self.source_label = QLabel(AssessmentDialog)
        self.source_label.setObjectName(u"source_label")
        self.source_label.setWordWrap(True)

        self.assessment_layout.addWidget(self.source_label)

        self.state_label = QLabel(AssessmentDialog)
        self.state_label.setObjectName(u"state_label")
        self.state_label.setWordWrap(True)

        self.assessment_layout.addWidget(self.state_label)

        self.history_label = QLabel(AssessmentDialog)
        self.history_label.setObjectName(u"history_label")
        self.history_label.setWordWrap(True)
        self.history_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.assessment_layout.addWidget(self.history_label)

        self.items_scroll = QScrollArea(AssessmentDialog)
        self.items_scroll.setObjectName(u"items_scroll")
        self.items_scroll.setFrameShape(QFrame.Shape.NoFrame)
        self.items_scroll.setWidgetResizable(True)
        self.items_scroll.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.items_widget = QWidget()
        self.items_widget.setObjectName(u"items_widget")
        self.items_widget.setGeometry(QRect(0, 0, 980, 400))
        self.items_layout = QVBoxLayout(self.items_widget)
        self.items_layout.setSpacing(6)
        self.items_layout.setObjectName(u"items_layout")
        self.items_layout.setContentsMargins(0, 0, 8, 0)
        self.items_scroll.setWidget(self.items_widget)

        self.assessment_layout.addWidget(self.items_scroll)

        self.keys_label = QLabel(AssessmentDialog)
        self.keys_label.setObjectName(u"keys_label")
        font2 = QFont()
        font2.setPointSize(11)
        self.keys_label.setFont(font2)
        self.keys_label.setWordWrap(True)

        self.assessment_layout.addWidget(self.keys_label)

        self.score_label = QLabel(AssessmentDialog)
        self.score_label.setObjectName(u"score_label")
        font3 = QFont()
        font3.setPointSize(15)
        font3.setBold(True)
        self.score_label.setFont(font3)
        self.score_label.setWordWrap(True)

        self.assessment_layout.addWidget(self.score_label)

        self.missing_label = QLabel(AssessmentDialog)
        self.missing_label.setObjectName(u"missing_label")
        self.missing_label.setWordWrap(True)

        self.assessment_layout.addWidget(self.missing_label)

        self.form_message = QLabel(AssessmentDialog)
        self.form_message.setObjectName(u"form_message")
        self.form_message.setWordWrap(True)

        self.assessment_layout.addWidget(self.form_message)

        self.buttons_layout = QHBoxLayout()
        self.buttons_layout.setSpacing(12)
        self.buttons_layout.setObjectName(u"buttons_layout")
        self.buttons_spacer = QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.buttons_layout.addItem(self.buttons_spacer)

        self.close_button = QPushButton(AssessmentDialog)
        self.close_button.setObjectName(u"close_button")
        self.close_button.setMinimumSize(QSize(140, 48))
        self.close_button.setAutoDefault(False)

        self.buttons_layout.addWidget(self.close_button)

        self.submit_button = QPushButton(AssessmentDialog)
        self.submit_button.setObjectName(u"submit_button")
        self.submit_button.setMinimumSize(QSize(180, 48))

        self.buttons_layout.addWidget(self.submit_button)


        self.assessment_layout.addLayout(self.buttons_layout)

        QWidget.setTabOrder(self.submit_button, self.close_button)

        self.retranslateUi(AssessmentDialog)

        QMetaObject.connectSlotsByName(AssessmentDialog)
    # setupUi

    def retranslateUi(self, AssessmentDialog):
        AssessmentDialog.setWindowTitle(QCoreApplication.translate("AssessmentDialog", u"Assessment", None))
        self.header_label.setText("")
        self.source_label.setText("")
#if QT_CONFIG(accessibility)
        self.source_label.setAccessibleName(QCoreApplication.translate("AssessmentDialog", u"Instrument version and item text", None))
#endif // QT_CONFIG(accessibility)
        self.state_label.setText("")
#if QT_CONFIG(accessibility)
        self.state_label.setAccessibleName(QCoreApplication.translate("AssessmentDialog", u"Draft or submitted", None))
#endif // QT_CONFIG(accessibility)
        self.history_label.setText("")
#if QT_CONFIG(accessibility)
        self.history_label.setAccessibleName(QCoreApplication.translate("AssessmentDialog", u"History of the answers", None))
#endif // QT_CONFIG(accessibility)
        self.keys_label.setText("")
#if QT_CONFIG(accessibility)
        self.keys_label.setAccessibleName(QCoreApplication.translate("AssessmentDialog", u"Keyboard use", None))
#endif // QT_CONFIG(accessibility)
        self.score_label.setText("")
#if QT_CONFIG(accessibility)
        self.score_label.setAccessibleName(QCoreApplication.translate("AssessmentDialog", u"Score", None))
#endif // QT_CONFIG(accessibility)
        self.missing_label.setText("")
#if QT_CONFIG(accessibility)
        self.missing_label.setAccessibleName(QCoreApplication.translate("AssessmentDialog", u"Items not answered", None))
#endif // QT_CONFIG(accessibility)
        self.form_message.setText("")
#if QT_CONFIG(accessibility)
        self.form_message.setAccessibleName(QCoreApplication.translate("AssessmentDialog", u"Form message", None))
#endif // QT_CONFIG(accessibility)
        self.close_button.setText(QCoreApplication.translate("AssessmentDialog", u"&Close", None))
        self.submit_button.setText(QCoreApplication.translate("AssessmentDialog", u"&Submit", None))
    # retranslateUi

