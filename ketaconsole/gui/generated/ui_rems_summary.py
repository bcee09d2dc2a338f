# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'rems_summary.ui'
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
from PySide6.QtWidgets import (QAbstractButton, QApplication, QCheckBox, QDialog,
    QDialogButtonBox, QFrame, QGridLayout, QGroupBox,
    QHBoxLayout, QLabel, QLineEdit, QPlainTextEdit,
    QRadioButton, QScrollArea, QSizePolicy, QSpacerItem,
    QVBoxLayout, QWidget)

class Ui_RemsSummaryDialog(object):
    def setupUi(self, RemsSummaryDialog):
        if not RemsSummaryDialog.objectName():
            RemsSummaryDialog.setObjectName(u"RemsSummaryDialog")
        RemsSummaryDialog.resize(1240, 740)
        font = QFont()
        font.setPointSize(14)
        RemsSummaryDialog.setFont(font)
        RemsSummaryDialog.setModal(True)
        self.rems_layout = QVBoxLayout(RemsSummaryDialog)
        self.rems_layout.setSpacing(8)
        self.rems_layout.setObjectName(u"rems_layout")
        self.header_label = QLabel(RemsSummaryDialog)
        self.header_label.setObjectName(u"header_label")
        font1 = QFont()
        font1.setPointSize(16)
        font1.setBold(True)
        self.header_label.setFont(font1)
        self.header_label.setWordWrap(True)

        self.rems_layout.addWidget(self.header_label)

        self.form_scroll = QScrollArea(RemsSummaryDialog)
        self.form_scroll.setObjectName(u"form_scroll")
        self.form_scroll.setFrameShape(QFrame.Shape.NoFrame)
        self.form_scroll.setWidgetResizable(True)
        self.form_contents = QWidget()
        self.form_contents.setObjectName(u"form_contents")
        self.form_contents_layout = QVBoxLayout(self.form_contents)
        self.form_contents_layout.setObjectName(u"form_contents_layout")
        self.form_contents_layout.setContentsMargins(0, 0, 0, 0)
        self.facts_group = QGroupBox(self.form_contents)
        self.facts_group.setObjectName(u"facts_group")
        self.facts_grid = QGridLayout(self.facts_group)
        self.facts_grid.setObjectName(u"facts_grid")
        self.facts_grid.setHorizontalSpacing(16)
        self.facts_grid.setVerticalSpacing(6)
        self.treatment_caption = QLabel(self.facts_group)
        self.treatment_caption.setObjectName(u"treatment_caption")
        self.treatment_caption.setAlignment(Qt.AlignmentFlag.AlignLeading|Qt.AlignmentFlag.AlignTop)

        self.facts_grid.addWidget(self.treatment_caption, 0, 0, 1, 1)

        self.treatment_value = QLabel(self.facts_group)
        self.treatment_value.setObjectName(u"treatment_value")
        self.treatment_value.setProperty(u"fact", True)
        self.treatment_value.setAlignment(Qt.AlignmentFlag.AlignLeading|Qt.AlignmentFlag.AlignTop)
        self.treatment_value.setWordWrap(True)

        self.facts_grid.addWidget(self.treatment_value, 0, 1, 1, 1)

        self.monitoring_caption = QLabel(self.facts_group)
        self.monitoring_caption.setObjectName(u"monitoring_caption")
        self.monitoring_caption.setAlignment(Qt.AlignmentFlag.AlignLeading|Qt.AlignmentFlag.AlignTop)

        self.facts_grid.addWidget(self.monitoring_caption, 1, 0, 1, 1)

        self.monitoring_value = QLabel(self.facts_group)
        self.monitoring_value.setObjectName(u"monitoring_value")
        self.monitoring_value.setProperty(u"fact", True)
        self.monitoring_value.setAlignment(Qt.AlignmentFlag.AlignLeading|Qt.AlignmentFlag.AlignTop)
        self.monitoring_value.setWordWrap(True)

        self.facts_grid.addWidget(self.monitoring_value, 1, 1, 1, 1)

        self.bp_pre_dose_caption = QLabel(self.facts_group)
        self.bp_pre_dose_caption.setObjectName(u"bp_pre_dose_caption")
        self.bp_pre_dose_caption.setAlignment(Qt.AlignmentFlag.AlignLeading|Qt.AlignmentFlag.AlignTop)

        self.facts_grid.addWidget(self.bp_pre_dose_caption, 2, 0, 1, 1)

        self.bp_pre_dose_value = QLabel(self.facts_group)
        self.bp_pre_dose_value.setObjectName(u"bp_pre_dose_value")
        self.bp_pre_dose_value.setProperty(u"fact", True)
        self.bp_pre_dose_value.setAlignment(Qt.AlignmentFlag.AlignLeading|Qt.AlignmentFlag.AlignTop)
        self.bp_pre_dose_value.setWordWrap(True)

        self.facts_grid.addWidget(self.bp_pre_dose_value, 2, 1, 1, 1)

        self.bp_40_min_caption = QLabel(self.facts_group)
        self.bp_40_min_caption.setObjectName(u"bp_40_min_caption")
        self.bp_40_min_caption.setAlignment(Qt.AlignmentFlag.AlignLeading|Qt.AlignmentFlag.AlignTop)

        self.facts_grid.addWidget(self.bp_40_min_caption, 3, 0, 1, 1)

        self.bp_40_min_value = QLabel(self.facts_group)
        self.bp_40_min_value.setObjectName(u"bp_40_min_value")
        self.bp_40_min_value.setProperty(u"fact", True)
        self.bp_40_min_value.setAlignment(Qt.AlignmentFlag.AlignLeading|Qt.AlignmentFlag.AlignTop)
        self.bp_40_min_value.setWordWrap(True)

        self.facts_grid.addWidget(self.bp_40_min_value, 3, 1, 1, 1)

        self.bp_before_discharge_caption = QLabel(self.facts_group)
        self.bp_before_discharge_caption.setObjectName(u"bp_before_discharge_caption")
        self.bp_before_discharge_caption.setAlignment(Qt.AlignmentFlag.AlignLeading|Qt.AlignmentFlag.AlignTop)

        self.facts_grid.addWidget(self.bp_before_discharge_caption, 4, 0, 1, 1)

        self.bp_before_discharge_value = QLabel(self.facts_group)
        self.bp_before_discharge_value.setObjectName(u"bp_before_discharge_value")
        self.bp_before_discharge_value.setProperty(u"fact", True)
        self.bp_before_discharge_value.setAlignment(Qt.AlignmentFlag.AlignLeading|Qt.AlignmentFlag.AlignTop)
        self.bp_before_discharge_value.setWordWrap(True)

        self.facts_grid.addWidget(self.bp_before_discharge_value, 4, 1, 1, 1)

        self.facts_grid.setColumnStretch(1, 1)

        self.form_contents_layout.addWidget(self.facts_group)

        self.answers_group = QGroupBox(self.form_contents)
        self.answers_group.setObjectName(u"answers_group")
        self.answers_layout = QVBoxLayout(self.answers_group)
        self.answers_layout.setSpacing(6)
        self.answers_layout.setObjectName(u"answers_layout")
        self.minutes_hint = QLabel(self.answers_group)
        self.minutes_hint.setObjectName(u"minutes_hint")
        self.minutes_hint.setWordWrap(True)

        self.answers_layout.addWidget(self.minutes_hint)

        self.effects_grid = QGridLayout()
        self.effects_grid.setObjectName(u"effects_grid")
        self.effects_grid.setHorizontalSpacing(10)
        self.effects_grid.setVerticalSpacing(4)
        self.occurred_heading = QLabel(self.answers_group)
        self.occurred_heading.setObjectName(u"occurred_heading")

        self.effects_grid.addWidget(self.occurred_heading, 0, 0, 1, 1)

        self.onset_heading = QLabel(self.answers_group)
        self.onset_heading.setObjectName(u"onset_heading")

        self.effects_grid.addWidget(self.onset_heading, 0, 1, 1, 2)

        self.resolution_heading = QLabel(self.answers_group)
        self.resolution_heading.setObjectName(u"resolution_heading")

        self.effects_grid.addWidget(self.resolution_heading, 0, 3, 1, 2)

        self.sedation_occurred_box = QCheckBox(self.answers_group)
        self.sedation_occurred_box.setObjectName(u"sedation_occurred_box")
        sizePolicy = QSizePolicy(QSizePolicy.Policy.Maximum, QSizePolicy.Policy.Fixed)
        sizePolicy.setHorizontalStretch(0)
        sizePolicy.setVerticalStretch(0)
        sizePolicy.setHeightForWidth(self.sedation_occurred_box.sizePolicy().hasHeightForWidth())
        self.sedation_occurred_box.setSizePolicy(sizePolicy)
        self.sedation_occurred_box.setMinimumSize(QSize(0, 44))

        self.effects_grid.addWidget(self.sedation_occurred_box, 1, 0, 1, 1)

        self.sedation_onset_min_edit = QLineEdit(self.answers_group)
        self.sedation_onset_min_edit.setObjectName(u"sedation_onset_min_edit")
        self.sedation_onset_min_edit.setMinimumSize(QSize(80, 44))
        self.sedation_onset_min_edit.setMaximumSize(QSize(100, 16777215))
        self.sedation_onset_min_edit.setMaxLength(6)

        self.effects_grid.addWidget(self.sedation_onset_min_edit, 1, 1, 1, 1)

        self.sedation_onset_min_clock = QLabel(self.answers_group)
        self.sedation_onset_min_clock.setObjectName(u"sedation_onset_min_clock")
        self.sedation_onset_min_clock.setMinimumSize(QSize(60, 0))

        self.effects_grid.addWidget(self.sedation_onset_min_clock, 1, 2, 1, 1)

        self.sedation_resolution_min_edit = QLineEdit(self.answers_group)
        self.sedation_resolution_min_edit.setObjectName(u"sedation_resolution_min_edit")
        self.sedation_resolution_min_edit.setMinimumSize(QSize(80, 44))
        self.sedation_resolution_min_edit.setMaximumSize(QSize(100, 16777215))
        self.sedation_resolution_min_edit.setMaxLength(6)

        self.effects_grid.addWidget(self.sedation_resolution_min_edit, 1, 3, 1, 1)

        self.sedation_resolution_min_clock = QLabel(self.answers_group)
        self.sedation_resolution_min_clock.setObjectName(u"sedation_resolution_min_clock")
        self.sedation_resolution_min_clock.setMinimumSize(QSize(60, 0))

        self.effects_grid.addWidget(self.sedation_resolution_min_clock, 1, 4, 1, 1)

        self.sedation_not_resolved_box = QCheckBox(self.answers_group)
        self.sedation_not_resolved_box.setObjectName(u"sedation_not_resolved_box")
        sizePolicy.setHeightForWidth(self.sedation_not_resolved_box.sizePolicy().hasHeightForWidth())
        self.sedation_not_resolved_box.setSizePolicy(sizePolicy)
        self.sedation_not_resolved_box.setMinimumSize(QSize(0, 44))

        self.effects_grid.addWidget(self.sedation_not_resolved_box, 1, 5, 1, 1)

        self.sedation_messages = QVBoxLayout()
        self.sedation_messages.setSpacing(2)
        self.sedation_messages.setObjectName(u"sedation_messages")
        self.sedation_onset_min_error = QLabel(self.answers_group)
        self.sedation_onset_min_error.setObjectName(u"sedation_onset_min_error")
        self.sedation_onset_min_error.setAlignment(Qt.AlignmentFlag.AlignLeading|Qt.AlignmentFlag.AlignTop)
        self.sedation_onset_min_error.setWordWrap(True)

        self.sedation_messages.addWidget(self.sedation_onset_min_error)

        self.sedation_resolution_min_error = QLabel(self.answers_group)
        self.sedation_resolution_min_error.setObjectName(u"sedation_resolution_min_error")
        self.sedation_resolution_min_error.setAlignment(Qt.AlignmentFlag.AlignLeading|Qt.AlignmentFlag.AlignTop)
        self.sedation_resolution_min_error.setWordWrap(True)

        self.sedation_messages.addWidget(self.sedation_resolution_min_error)


        self.effects_grid.addLayout(self.sedation_messages, 1, 6, 1, 1, Qt.AlignmentFlag.AlignVCenter)

        self.dissociation_occurred_box = QCheckBox(self.answers_group)
        self.dissociation_occurred_box.setObjectName(u"dissociation_occurred_box")
        sizePolicy.setHeightForWidth(self.dissociation_occurred_box.sizePolicy().hasHeightForWidth())
        self.dissociation_occurred_box.setSizePolicy(sizePolicy)
        self.dissociation_occurred_box.setMinimumSize(QSize(0, 44))

        self.effects_grid.addWidget(self.dissociation_occurred_box, 2, 0, 1, 1)

        self.dissociation_onset_min_edit = QLineEdit(self.answers_group)
        self.dissociation_onset_min_edit.setObjectName(u"dissociation_onset_min_edit")
        self.dissociation_onset_min_edit.setMinimumSize(QSize(80, 44))
        self.dissociation_onset_min_edit.setMaximumSize(QSize(100, 16777215))
        self.dissociation_onset_min_edit.setMaxLength(6)

        self.effects_grid.addWidget(self.dissociation_onset_min_edit, 2, 1, 1, 1)

        self.dissociation_onset_min_clock = QLabel(self.answers_group)
        self.dissociation_onset_min_clock.setObjectName(u"dissociation_onset_min_clock")
        self.dissociation_onset_min_clock.setMinimumSize(QSize(60, 0))

        self.effects_grid.addWidget(self.dissociation_onset_min_clock, 2, 2, 1, 1)

        self.dissociation_resolution_min_edit = QLineEdit(self.answers_group)
        self.dissociation_resolution_min_edit.setObjectName(u"dissociation_resolution_min_edit")
        self.dissociation_resolution_min_edit.setMinimumSize(QSize(80, 44))
        self.dissociation_resolution_min_edit.setMaximumSize(QSize(100, 16777215))
        self.dissociation_resolution_min_edit.setMaxLength(6)

        self.effects_grid.addWidget(self.dissociation_resolution_min_edit, 2, 3, 1, 1)

        self.dissociation_resolution_min_clock = QLabel(self.answers_group)
        self.dissociation_resolution_min_clock.setObjectName(u"dissociation_resolution_min_clock")
        self.dissociation_resolution_min_clock.setMinimumSize(QSize(60, 0))

        self.effects_grid.addWidget(self.dissociation_resolution_min_clock, 2, 4, 1, 1)

        self.dissociation_not_resolved_box = QCheckBox(self.answers_group)
        self.dissociation_not_resolved_box.setObjectName(u"dissociation_not_resolved_box")
        sizePolicy.setHeightForWidth(self.dissociation_not_resolved_box.sizePolicy().hasHeightForWidth())
        self.dissociation_not_resolved_box.setSizePolicy(sizePolicy)
        self.dissociation_not_resolved_box.setMinimumSize(QSize(0, 44))

        self.effects_grid.addWidget(self.dissociation_not_resolved_box, 2, 5, 1, 1)

        self.dissociation_messages = QVBoxLayout()
        self.dissociation_messages.setSpacing(2)
        self.dissociation_messages.setObjectName(u"dissociation_messages")
        self.dissociation_onset_min_error = QLabel(self.answers_group)
        self.dissociation_onset_min_error.setObjectName(u"dissociation_onset_min_error")
        self.dissociation_onset_min_error.setAlignment(Qt.AlignmentFlag.AlignLeading|Qt.AlignmentFlag.AlignTop)
        self.dissociation_onset_min_error.setWordWrap(True)

        self.dissociation_messages.addWidget(self.dissociation_onset_min_error)

        self.dissociation_resolution_min_error = QLabel(self.answers_group)
        self.dissociation_resolution_min_error.setObjectName(u"dissociation_resolution_min_error")
        self.dissociation_resolution_min_error.setAlignment(Qt.AlignmentFlag.AlignLeading|Qt.AlignmentFlag.AlignTop)
        self.dissociation_resolution_min_error.setWordWrap(True)

        self.dissociation_messages.addWidget(self.dissociation_resolution_min_error)


        self.effects_grid.addLayout(self.dissociation_messages, 2, 6, 1, 1, Qt.AlignmentFlag.AlignVCenter)

        self.respiratory_depression_occurred_box = QCheckBox(self.answers_group)
        self.respiratory_depression_occurred_box.setObjectName(u"respiratory_depression_occurred_box")
        sizePolicy.setHeightForWidth(self.respiratory_depression_occurred_box.sizePolicy().hasHeightForWidth())
        self.respiratory_depression_occurred_box.setSizePolicy(sizePolicy)
        self.respiratory_depression_occurred_box.setMinimumSize(QSize(0, 44))

        self.effects_grid.addWidget(self.respiratory_depression_occurred_box, 3, 0, 1, 1)

        self.respiratory_depression_onset_min_edit = QLineEdit(self.answers_group)
        self.respiratory_depression_onset_min_edit.setObjectName(u"respiratory_depression_onset_min_edit")
        self.respiratory_depression_onset_min_edit.setMinimumSize(QSize(80, 44))
        self.respiratory_depression_onset_min_edit.setMaximumSize(QSize(100, 16777215))
        self.respiratory_depression_onset_min_edit.setMaxLength(6)

        self.effects_grid.addWidget(self.respiratory_depression_onset_min_edit, 3, 1, 1, 1)

        self.respiratory_depression_onset_min_clock = QLabel(self.answers_group)
        self.respiratory_depression_onset_min_clock.setObjectName(u"respiratory_depression_onset_min_clock")
        self.respiratory_depression_onset_min_clock.setMinimumSize(QSize(60, 0))

        self.effects_grid.addWidget(self.respiratory_depression_onset_min_clock, 3, 2, 1, 1)

        self.respiratory_depression_resolution_min_edit = QLineEdit(self.answers_group)
        self.respiratory_depression_resolution_min_edit.setObjectName(u"respiratory_depression_resolution_min_edit")
        self.respiratory_depression_resolution_min_edit.setMinimumSize(QSize(80, 44))
        self.respiratory_depression_resolution_min_edit.setMaximumSize(QSize(100, 16777215))
        self.respiratory_depression_resolution_min_edit.setMaxLength(6)

        self.effects_grid.addWidget(self.respiratory_depression_resolution_min_edit, 3, 3, 1, 1)

        self.respiratory_depression_resolution_min_clock = QLabel(self.answers_group)
        self.respiratory_depression_resolution_min_clock.setObjectName(u"respiratory_depression_resolution_min_clock")
        self.respiratory_depression_resolution_min_clock.setMinimumSize(QSize(60, 0))

        self.effects_grid.addWidget(self.respiratory_depression_resolution_min_clock, 3, 4, 1, 1)

        self.respiratory_depression_not_resolved_box = QCheckBox(self.answers_group)
        self.respiratory_depression_not_resolved_box.setObjectName(u"respiratory_depression_not_resolved_box")
        sizePolicy.setHeightForWidth(self.respiratory_depression_not_resolved_box.sizePolicy().hasHeightForWidth())
        self.respiratory_depression_not_resolved_box.setSizePolicy(sizePolicy)
        self.respiratory_depression_not_resolved_box.setMinimumSize(QSize(0, 44))

        self.effects_grid.addWidget(self.respiratory_depression_not_resolved_box, 3, 5, 1, 1)

        self.respiratory_depression_messages = QVBoxLayout()
        self.respiratory_depression_messages.setSpacing(2)
        self.respiratory_depression_messages.setObjectName(u"respiratory_depression_messages")
        self.respiratory_depression_onset_min_error = QLabel(self.answers_group)
        self.respiratory_depression_onset_min_error.setObjectName(u"respiratory_depression_onset_min_error")
        self.respiratory_depression_onset_min_error.setAlignment(Qt.AlignmentFlag.AlignLeading|Qt.AlignmentFlag.AlignTop)
        self.respiratory_depression_onset_min_error.setWordWrap(True)

        self.respiratory_depression_messages.addWidget(self.respiratory_depression_onset_min_error)

        self.respiratory_depression_resolution_min_error = QLabel(self.answers_group)
        self.respiratory_depression_resolution_min_error.setObjectName(u"respiratory_depression_resolution_min_error")
        self.respiratory_depression_resolution_min_error.setAlignment(Qt.AlignmentFlag.AlignLeading|Qt.AlignmentFlag.AlignTop)
        self.respiratory_depression_resolution_min_error.setWordWrap(True)

        self.respiratory_depression_messages.addWidget(self.respiratory_depression_resolution_min_error)


        self.effects_grid.addLayout(self.respiratory_depression_messages, 3, 6, 1, 1, Qt.AlignmentFlag.AlignVCenter)

        self.effects_grid.setColumnStretch(6, 1)

        self.answers_layout.addLayout(self.effects_grid)

        self.questions_grid = QGridLayout()
        self.questions_grid.setObjectName(u"questions_grid")
        self.questions_grid.setHorizontalSpacing(10)
        self.questions_grid.setVerticalSpacing(4)
        self.ready_to_leave_min_label = QLabel(self.answers_group)
        self.ready_to_leave_min_label.setObjectName(u"ready_to_leave_min_label")

        self.questions_grid.addWidget(self.ready_to_leave_min_label, 0, 0, 1, 1)

        self.ready_to_leave_min_row = QHBoxLayout()
        self.ready_to_leave_min_row.setSpacing(10)
        self.ready_to_leave_min_row.setObjectName(u"ready_to_leave_min_row")
        self.ready_to_leave_min_edit = QLineEdit(self.answers_group)
        self.ready_to_leave_min_edit.setObjectName(u"ready_to_leave_min_edit")
        self.ready_to_leave_min_edit.setMinimumSize(QSize(80, 44))
        self.ready_to_leave_min_edit.setMaximumSize(QSize(100, 16777215))
        self.ready_to_leave_min_edit.setMaxLength(6)

        self.ready_to_leave_min_row.addWidget(self.ready_to_leave_min_edit)

        self.ready_to_leave_min_clock = QLabel(self.answers_group)
        self.ready_to_leave_min_clock.setObjectName(u"ready_to_leave_min_clock")
        self.ready_to_leave_min_clock.setMinimumSize(QSize(60, 0))

        self.ready_to_leave_min_row.addWidget(self.ready_to_leave_min_clock)

        self.ready_to_leave_min_spacer = QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.ready_to_leave_min_row.addItem(self.ready_to_leave_min_spacer)


        self.questions_grid.addLayout(self.ready_to_leave_min_row, 0, 1, 1, 1)

        self.ready_to_leave_min_error = QLabel(self.answers_group)
        self.ready_to_leave_min_error.setObjectName(u"ready_to_leave_min_error")
        self.ready_to_leave_min_error.setAlignment(Qt.AlignmentFlag.AlignLeading|Qt.AlignmentFlag.AlignTop)
        self.ready_to_leave_min_error.setWordWrap(True)

        self.questions_grid.addWidget(self.ready_to_leave_min_error, 0, 2, 1, 1)

        self.vitals_acceptable_before_label = QLabel(self.answers_group)
        self.vitals_acceptable_before_label.setObjectName(u"vitals_acceptable_before_label")

        self.questions_grid.addWidget(self.vitals_acceptable_before_label, 1, 0, 1, 1)

        self.vitals_acceptable_before_answer = QWidget(self.answers_group)
        self.vitals_acceptable_before_answer.setObjectName(u"vitals_acceptable_before_answer")
        self.vitals_acceptable_before_layout = QHBoxLayout(self.vitals_acceptable_before_answer)
        self.vitals_acceptable_before_layout.setSpacing(24)
        self.vitals_acceptable_before_layout.setObjectName(u"vitals_acceptable_before_layout")
        self.vitals_acceptable_before_layout.setContentsMargins(0, 0, 0, 0)
        self.vitals_acceptable_before_yes = QRadioButton(self.vitals_acceptable_before_answer)
        self.vitals_acceptable_before_yes.setObjectName(u"vitals_acceptable_before_yes")
        self.vitals_acceptable_before_yes.setMinimumSize(QSize(90, 44))

        self.vitals_acceptable_before_layout.addWidget(self.vitals_acceptable_before_yes)

        self.vitals_acceptable_before_no = QRadioButton(self.vitals_acceptable_before_answer)
        self.vitals_acceptable_before_no.setObjectName(u"vitals_acceptable_before_no")
        self.vitals_acceptable_before_no.setMinimumSize(QSize(90, 44))

        self.vitals_acceptable_before_layout.addWidget(self.vitals_acceptable_before_no)

        self.vitals_acceptable_before_spacer = QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.vitals_acceptable_before_layout.addItem(self.vitals_acceptable_before_spacer)


        self.questions_grid.addWidget(self.vitals_acceptable_before_answer, 1, 1, 1, 1)

        self.vitals_acceptable_before_error = QLabel(self.answers_group)
        self.vitals_acceptable_before_error.setObjectName(u"vitals_acceptable_before_error")
        self.vitals_acceptable_before_error.setAlignment(Qt.AlignmentFlag.AlignLeading|Qt.AlignmentFlag.AlignTop)
        self.vitals_acceptable_before_error.setWordWrap(True)

        self.questions_grid.addWidget(self.vitals_acceptable_before_error, 1, 2, 1, 1)

        self.vitals_acceptable_at_end_label = QLabel(self.answers_group)
        self.vitals_acceptable_at_end_label.setObjectName(u"vitals_acceptable_at_end_label")

        self.questions_grid.addWidget(self.vitals_acceptable_at_end_label, 2, 0, 1, 1)

        self.vitals_acceptable_at_end_answer = QWidget(self.answers_group)
        self.vitals_acceptable_at_end_answer.setObjectName(u"vitals_acceptable_at_end_answer")
        self.vitals_acceptable_at_end_layout = QHBoxLayout(self.vitals_acceptable_at_end_answer)
        self.vitals_acceptable_at_end_layout.setSpacing(24)
        self.vitals_acceptable_at_end_layout.setObjectName(u"vitals_acceptable_at_end_layout")
        self.vitals_acceptable_at_end_layout.setContentsMargins(0, 0, 0, 0)
        self.vitals_acceptable_at_end_yes = QRadioButton(self.vitals_acceptable_at_end_answer)
        self.vitals_acceptable_at_end_yes.setObjectName(u"vitals_acceptable_at_end_yes")
        self.vitals_acceptable_at_end_yes.setMinimumSize(QSize(90, 44))

        self.vitals_acceptable_at_end_layout.addWidget(self.vitals_acceptable_at_end_yes)

        self.vitals_acceptable_at_end_no = QRadioButton(self.vitals_acceptable_at_end_answer)
        self.vitals_acceptable_at_end_no.setObjectName(u"vitals_acceptable_at_end_no")
        self.vitals_acceptable_at_end_no.setMinimumSize(QSize(90, 44))

        self.vitals_acceptable_at_end_layout.addWidget(self.vitals_acceptable_at_end_no)

        self.vitals_acceptable_at_end_spacer = QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.vitals_acceptable_at_end_layout.addItem(self.vitals_acceptable_at_end_spacer)


        self.questions_grid.addWidget(self.vitals_acceptable_at_end_answer, 2, 1, 1, 1)

        self.vitals_acceptable_at_end_error = QLabel(self.answers_group)
        self.vitals_acceptable_at_end_error.setObjectName(u"vitals_acceptable_at_end_error")
        self.vitals_acceptable_at_end_error.setAlignment(Qt.AlignmentFlag.AlignLeading|Qt.AlignmentFlag.AlignTop)
        self.vitals_acceptable_at_end_error.setWordWrap(True)

        self.questions_grid.addWidget(self.vitals_acceptable_at_end_error, 2, 2, 1, 1)

        self.note_label = QLabel(self.answers_group)
        self.note_label.setObjectName(u"note_label")

        self.questions_grid.addWidget(self.note_label, 3, 0, 1, 2)

        self.note_edit = QPlainTextEdit(self.answers_group)
        self.note_edit.setObjectName(u"note_edit")
        self.note_edit.setMinimumSize(QSize(0, 76))
        self.note_edit.setMaximumSize(QSize(16777215, 90))
        self.note_edit.setTabChangesFocus(True)

        self.questions_grid.addWidget(self.note_edit, 4, 0, 1, 2)

        self.note_error = QLabel(self.answers_group)
        self.note_error.setObjectName(u"note_error")
        self.note_error.setAlignment(Qt.AlignmentFlag.AlignLeading|Qt.AlignmentFlag.AlignTop)
        self.note_error.setWordWrap(True)

        self.questions_grid.addWidget(self.note_error, 3, 2, 2, 1)

        self.questions_grid.setColumnStretch(2, 1)

        self.answers_layout.addLayout(self.questions_grid)


        self.form_contents_layout.addWidget(self.answers_group)

        self.form_scroll.setWidget(self.form_contents)

        self.rems_layout.addWidget(self.form_scroll)

        self.form_message = QLabel(RemsSummaryDialog)
        self.form_message.setObjectName(u"form_message")
        self.form_message.setWordWrap(True)

        self.rems_layout.addWidget(self.form_message)

        self.button_box = QDialogButtonBox(RemsSummaryDialog)
        self.button_box.setObjectName(u"button_box")
        self.button_box.setStandardButtons(QDialogButtonBox.StandardButton.Cancel|QDialogButtonBox.StandardButton.Save)

        self.rems_layout.addWidget(self.button_box)

#if QT_CONFIG(shortcut)
        self.ready_to_leave_min_label.setBuddy(self.ready_to_leave_min_edit)
        self.vitals_acceptable_before_label.setBuddy(self.vitals_acceptable_before_yes)
        self.vitals_acceptable_at_end_label.setBuddy(self.vitals_acceptable_at_end_yes)
        self.note_label.setBuddy(self.note_edit)
#endif // QT_CONFIG(shortcut)
        QWidget.setTabOrder(self.sedation_occurred_box, self.sedation_onset_min_edit)
        QWidget.setTabOrder(self.sedation_onset_min_edit, self.sedation_resolution_min_edit)
        QWidget.setTabOrder(self.sedation_resolution_min_edit, self.sedation_not_resolved_box)
        QWidget.setTabOrder(self.sedation_not_resolved_box, self.dissociation_occurred_box)
        QWidget.setTabOrder(self.dissociation_occurred_box, self.dissociation_onset_min_edit)
        QWidget.setTabOrder(self.dissociation_onset_min_edit, self.dissociation_resolution_min_edit)
        QWidget.setTabOrder(self.dissociation_resolution_min_edit, self.dissociation_not_resolved_box)
        QWidget.setTabOrder(self.dissociation_not_resolved_box, self.respiratory_depression_occurred_box)
        QWidget.setTabOrder(self.respiratory_depression_occurred_box, self.respiratory_depression_onset_min_edit)
        QWidget.setTabOrder(self.respiratory_depression_onset_min_edit, self.respiratory_depression_resolution_min_edit)
        QWidget.setTabOrder(self.respiratory_depression_resolution_min_edit, self.respiratory_depression_not_resolved_box)
        QWidget.setTabOrder(self.respiratory_depression_not_resolved_box, self.ready_to_leave_min_edit)
        QWidget.setTabOrder(self.ready_to_leave_min_edit, self.vitals_acceptable_before_yes)
        QWidget.setTabOrder(self.vitals_acceptable_before_yes, self.vitals_acceptable_before_no)
        QWidget.setTabOrder(self.vitals_acceptable_before_no, self.vitals_acceptable_at_end_yes)
        QWidget.setTabOrder(self.vitals_acceptable_at_end_yes, self.vitals_acceptable_at_end_no)
        QWidget.setTabOrder(self.vitals_acceptable_at_end_no, self.note_edit)

        self.retranslateUi(RemsSummaryDialog)

        QMetaObject.connectSlotsByName(RemsSummaryDialog)
    # setupUi

    def retranslateUi(self, RemsSummaryDialog):
        RemsSummaryDialog.setWindowTitle(QCoreApplication.translate("RemsSummaryDialog", u"REMS monitoring summary", None))
        self.header_label.setText(QCoreApplication.translate("RemsSummaryDialog", u"REMS patient monitoring summary", None))
        self.facts_group.setTitle(QCoreApplication.translate("RemsSummaryDialog", u"From the session record (read-only)", None))
        self.treatment_caption.setText(QCoreApplication.translate("RemsSummaryDialog", u"Treatment", None))
        self.treatment_value.setText("")
#if QT_CONFIG(accessibility)
        self.treatment_value.setAccessibleName(QCoreApplication.translate("RemsSummaryDialog", u"Treatment", None))
#endif // QT_CONFIG(accessibility)
        self.monitoring_caption.setText(QCoreApplication.translate("RemsSummaryDialog", u"Monitoring", None))
        self.monitoring_value.setText("")
#if QT_CONFIG(accessibility)
        self.monitoring_value.setAccessibleName(QCoreApplication.translate("RemsSummaryDialog", u"Monitoring", None))
#endif // QT_CONFIG(accessibility)
        self.bp_pre_dose_caption.setText(QCoreApplication.translate("RemsSummaryDialog", u"BP prior to administration", None))
        self.bp_pre_dose_value.setText("")
#if QT_CONFIG(accessibility)
        self.bp_pre_dose_value.setAccessibleName(QCoreApplication.translate("RemsSummaryDialog", u"BP prior to administration", None))
#endif // QT_CONFIG(accessibility)
        self.bp_40_min_caption.setText(QCoreApplication.translate("RemsSummaryDialog", u"BP 40 min after administration", None))
        self.bp_40_min_value.setText("")
#if QT_CONFIG(accessibility)
        self.bp_40_min_value.setAccessibleName(QCoreApplication.translate("RemsSummaryDialog", u"BP 40 min after administration", None))
#endif // QT_CONFIG(accessibility)
        self.bp_before_discharge_caption.setText(QCoreApplication.translate("RemsSummaryDialog", u"BP prior to session completion", None))
        self.bp_before_discharge_value.setText("")
#if QT_CONFIG(accessibility)
        self.bp_before_discharge_value.setAccessibleName(QCoreApplication.translate("RemsSummaryDialog", u"BP prior to session completion", None))
#endif // QT_CONFIG(accessibility)
        self.answers_group.setTitle(QCoreApplication.translate("RemsSummaryDialog", u"Your answers", None))
        self.minutes_hint.setText(QCoreApplication.translate("RemsSummaryDialog", u"Times are whole minutes after the first device.", None))
        self.occurred_heading.setText(QCoreApplication.translate("RemsSummaryDialog", u"Did it occur?", None))
        self.onset_heading.setText(QCoreApplication.translate("RemsSummaryDialog", u"Onset", None))
        self.resolution_heading.setText(QCoreApplication.translate("RemsSummaryDialog", u"Resolved", None))
        self.sedation_occurred_box.setText(QCoreApplication.translate("RemsSummaryDialog", u"Sedat&ion", None))
#if QT_CONFIG(accessibility)
        self.sedation_occurred_box.setAccessibleName(QCoreApplication.translate("RemsSummaryDialog", u"Sedation occurred", None))
#endif // QT_CONFIG(accessibility)
#if QT_CONFIG(accessibility)
        self.sedation_onset_min_edit.setAccessibleName(QCoreApplication.translate("RemsSummaryDialog", u"Sedation onset, minutes after the first device", None))
#endif // QT_CONFIG(accessibility)
        self.sedation_onset_min_edit.setPlaceholderText(QCoreApplication.translate("RemsSummaryDialog", u"min", None))
        self.sedation_onset_min_clock.setText("")
#if QT_CONFIG(accessibility)
        self.sedation_onset_min_clock.setAccessibleName(QCoreApplication.translate("RemsSummaryDialog", u"Sedation onset clock time", None))
#endif // QT_CONFIG(accessibility)
#if QT_CONFIG(accessibility)
        self.sedation_resolution_min_edit.setAccessibleName(QCoreApplication.translate("RemsSummaryDialog", u"Sedation resolution, minutes after the first device", None))
#endif // QT_CONFIG(accessibility)
        self.sedation_resolution_min_edit.setPlaceholderText(QCoreApplication.translate("RemsSummaryDialog", u"min", None))
        self.sedation_resolution_min_clock.setText("")
#if QT_CONFIG(accessibility)
        self.sedation_resolution_min_clock.setAccessibleName(QCoreApplication.translate("RemsSummaryDialog", u"Sedation resolution clock time", None))
#endif // QT_CONFIG(accessibility)
        self.sedation_not_resolved_box.setText(QCoreApplication.translate("RemsSummaryDialog", u"Not resolved", None))
#if QT_CONFIG(accessibility)
        self.sedation_not_resolved_box.setAccessibleName(QCoreApplication.translate("RemsSummaryDialog", u"Sedation not resolved", None))
#endif // QT_CONFIG(accessibility)
        self.sedation_onset_min_error.setText("")
#if QT_CONFIG(accessibility)
        self.sedation_onset_min_error.setAccessibleName(QCoreApplication.translate("RemsSummaryDialog", u"Sedation onset message", None))
#endif // QT_CONFIG(accessibility)
        self.sedation_resolution_min_error.setText("")
#if QT_CONFIG(accessibility)
        self.sedation_resolution_min_error.setAccessibleName(QCoreApplication.translate("RemsSummaryDialog", u"Sedation resolution message", None))
#endif // QT_CONFIG(accessibility)
        self.dissociation_occurred_box.setText(QCoreApplication.translate("RemsSummaryDialog", u"&Dissociation", None))
#if QT_CONFIG(accessibility)
        self.dissociation_occurred_box.setAccessibleName(QCoreApplication.translate("RemsSummaryDialog", u"Dissociation occurred", None))
#endif // QT_CONFIG(accessibility)
#if QT_CONFIG(accessibility)
        self.dissociation_onset_min_edit.setAccessibleName(QCoreApplication.translate("RemsSummaryDialog", u"Dissociation onset, minutes after the first device", None))
#endif // QT_CONFIG(accessibility)
        self.dissociation_onset_min_edit.setPlaceholderText(QCoreApplication.translate("RemsSummaryDialog", u"min", None))
        self.dissociation_onset_min_clock.setText("")
#if QT_CONFIG(accessibility)
        self.dissociation_onset_min_clock.setAccessibleName(QCoreApplication.translate("RemsSummaryDialog", u"Dissociation onset clock time", None))
#endif // QT_CONFIG(accessibility)
#if QT_CONFIG(accessibility)
        self.dissociation_resolution_min_edit.setAccessibleName(QCoreApplication.translate("RemsSummaryDialog", u"Dissociation resolution, minutes after the first device", None))
#endif // QT_CONFIG(accessibility)
        self.dissociation_resolution_min_edit.setPlaceholderText(QCoreApplication.translate("RemsSummaryDialog", u"min", None))
        self.dissociation_resolution_min_clock.setText("")
#if QT_CONFIG(accessibility)
        self.dissociation_resolution_min_clock.setAccessibleName(QCoreApplication.translate("RemsSummaryDialog", u"Dissociation resolution clock time", None))
#endif // QT_CONFIG(accessibility)
        self.dissociation_not_resolved_box.setText(QCoreApplication.translate("RemsSummaryDialog", u"Not resolved", None))
#if QT_CONFIG(accessibility)
        self.dissociation_not_resolved_box.setAccessibleName(QCoreApplication.translate("RemsSummaryDialog", u"Dissociation not resolved", None))
#endif // QT_CONFIG(accessibility)
        self.dissociation_onset_min_error.setText("")
#if QT_CONFIG(accessibility)
        self.dissociation_onset_min_error.setAccessibleName(QCoreApplication.translate("RemsSummaryDialog", u"Dissociation onset message", None))
#endif // QT_CONFIG(accessibility)
        self.dissociation_resolution_min_error.setText("")
#if QT_CONFIG(accessibility)
        self.dissociation_resolution_min_error.setAccessibleName(QCoreApplication.translate("RemsSummaryDialog", u"Dissociation resolution message", None))
#endif // QT_CONFIG(accessibility)
        self.respiratory_depression_occurred_box.setText(QCoreApplication.translate("RemsSummaryDialog", u"Res&piratory depression", None))
#if QT_CONFIG(accessibility)
        self.respiratory_depression_occurred_box.setAccessibleName(QCoreApplication.translate("RemsSummaryDialog", u"Respiratory depression occurred", None))
#endif // QT_CONFIG(accessibility)
#if QT_CONFIG(accessibility)
        self.respiratory_depression_onset_min_edit.setAccessibleName(QCoreApplication.translate("RemsSummaryDialog", u"Respiratory depression onset, minutes after the first device", None))
#endif // QT_CONFIG(accessibility)
        self.respiratory_depression_onset_min_edit.setPlaceholderText(QCoreApplication.translate("RemsSummaryDialog", u"min", None))
        self.respiratory_depression_onset_min_clock.setText("")
#if QT_CONFIG(accessibility)
        self.respiratory_depression_onset_min_clock.setAccessibleName(QCoreApplication.translate("RemsSummaryDialog", u"Respiratory depression onset clock time", None))
#endif // QT_CONFIG(accessibility)
#if QT_CONFIG(accessibility)
        self.respiratory_depression_resolution_min_edit.setAccessibleName(QCoreApplication.translate("RemsSummaryDialog", u"Respiratory depression resolution, minutes after the first device", None))
#endif // QT_CONFIG(accessibility)
        self.respiratory_depression_resolution_min_edit.setPlaceholderText(QCoreApplication.translate("RemsSummaryDialog", u"min", None))
        self.respiratory_depression_resolution_min_clock.setText("")
#if QT_CONFIG(accessibility)
        self.respiratory_depression_resolution_min_clock.setAccessibleName(QCoreApplication.translate("RemsSummaryDialog", u"Respiratory depression resolution clock time", None))
#endif // QT_CONFIG(accessibility)
        self.respiratory_depression_not_resolved_box.setText(QCoreApplication.translate("RemsSummaryDialog", u"Not resolved", None))
#if QT_CONFIG(accessibility)
        self.respiratory_depression_not_resolved_box.setAccessibleName(QCoreApplication.translate("RemsSummaryDialog", u"Respiratory depression not resolved", None))
#endif // QT_CONFIG(accessibility)
        self.respiratory_depression_onset_min_error.setText("")
#if QT_CONFIG(accessibility)
        self.respiratory_depression_onset_min_error.setAccessibleName(QCoreApplication.translate("RemsSummaryDialog", u"Respiratory depression onset message", None))
#endif // QT_CONFIG(accessibility)
        self.respiratory_depression_resolution_min_error.setText("")
#if QT_CONFIG(accessibility)
        self.respiratory_depression_resolution_min_error.setAccessibleName(QCoreApplication.translate("RemsSummaryDialog", u"Respiratory depression resolution message", None))
#endif // QT_CONFIG(accessibility)
        self.ready_to_leave_min_label.setText(QCoreApplication.translate("RemsSummaryDialog", u"&Ready to leave, if there were no 2-hour rule", None))
#if QT_CONFIG(accessibility)
        self.ready_to_leave_min_edit.setAccessibleName(QCoreApplication.translate("RemsSummaryDialog", u"Ready to leave, minutes after the first device", None))
#endif // QT_CONFIG(accessibility)
        self.ready_to_leave_min_edit.setPlaceholderText(QCoreApplication.translate("RemsSummaryDialog", u"min", None))
        self.ready_to_leave_min_clock.setText("")
#if QT_CONFIG(accessibility)
        self.ready_to_leave_min_clock.setAccessibleName(QCoreApplication.translate("RemsSummaryDialog", u"Ready to leave clock time", None))
#endif // QT_CONFIG(accessibility)
        self.ready_to_leave_min_error.setText("")
#if QT_CONFIG(accessibility)
        self.ready_to_leave_min_error.setAccessibleName(QCoreApplication.translate("RemsSummaryDialog", u"Ready to leave message", None))
#endif // QT_CONFIG(accessibility)
        self.vitals_acceptable_before_label.setText(QCoreApplication.translate("RemsSummaryDialog", u"Vital signs acceptable &before administration?", None))
#if QT_CONFIG(accessibility)
        self.vitals_acceptable_before_answer.setAccessibleName(QCoreApplication.translate("RemsSummaryDialog", u"Vital signs acceptable before administration", None))
#endif // QT_CONFIG(accessibility)
        self.vitals_acceptable_before_yes.setText(QCoreApplication.translate("RemsSummaryDialog", u"Yes", None))
#if QT_CONFIG(accessibility)
        self.vitals_acceptable_before_yes.setAccessibleName(QCoreApplication.translate("RemsSummaryDialog", u"Vital signs acceptable before administration: yes", None))
#endif // QT_CONFIG(accessibility)
        self.vitals_acceptable_before_no.setText(QCoreApplication.translate("RemsSummaryDialog", u"No", None))
#if QT_CONFIG(accessibility)
        self.vitals_acceptable_before_no.setAccessibleName(QCoreApplication.translate("RemsSummaryDialog", u"Vital signs acceptable before administration: no", None))
#endif // QT_CONFIG(accessibility)
        self.vitals_acceptable_before_error.setText("")
#if QT_CONFIG(accessibility)
        self.vitals_acceptable_before_error.setAccessibleName(QCoreApplication.translate("RemsSummaryDialog", u"Vital signs acceptable before administration message", None))
#endif // QT_CONFIG(accessibility)
        self.vitals_acceptable_at_end_label.setText(QCoreApplication.translate("RemsSummaryDialog", u"Vital signs acceptable at the &end of the session?", None))
#if QT_CONFIG(accessibility)
        self.vitals_acceptable_at_end_answer.setAccessibleName(QCoreApplication.translate("RemsSummaryDialog", u"Vital signs acceptable at the end of the session", None))
#endif // QT_CONFIG(accessibility)
        self.vitals_acceptable_at_end_yes.setText(QCoreApplication.translate("RemsSummaryDialog", u"Yes", None))
#if QT_CONFIG(accessibility)
        self.vitals_acceptable_at_end_yes.setAccessibleName(QCoreApplication.translate("RemsSummaryDialog", u"Vital signs acceptable at the end of the session: yes", None))
#endif // QT_CONFIG(accessibility)
        self.vitals_acceptable_at_end_no.setText(QCoreApplication.translate("RemsSummaryDialog", u"No", None))
#if QT_CONFIG(accessibility)
        self.vitals_acceptable_at_end_no.setAccessibleName(QCoreApplication.translate("RemsSummaryDialog", u"Vital signs acceptable at the end of the session: no", None))
#endif // QT_CONFIG(accessibility)
        self.vitals_acceptable_at_end_error.setText("")
#if QT_CONFIG(accessibility)
        self.vitals_acceptable_at_end_error.setAccessibleName(QCoreApplication.translate("RemsSummaryDialog", u"Vital signs acceptable at the end of the session message", None))
#endif // QT_CONFIG(accessibility)
        self.note_label.setText(QCoreApplication.translate("RemsSummaryDialog", u"&Note (required when an effect had not resolved)", None))
#if QT_CONFIG(accessibility)
        self.note_edit.setAccessibleName(QCoreApplication.translate("RemsSummaryDialog", u"Note", None))
#endif // QT_CONFIG(accessibility)
        self.note_error.setText("")
#if QT_CONFIG(accessibility)
        self.note_error.setAccessibleName(QCoreApplication.translate("RemsSummaryDialog", u"Note message", None))
#endif // QT_CONFIG(accessibility)
        self.form_message.setText("")
#if QT_CONFIG(accessibility)
        self.form_message.setAccessibleName(QCoreApplication.translate("RemsSummaryDialog", u"Form message", None))
#endif // QT_CONFIG(accessibility)
    # retranslateUi

