"""``pyside6-uic`` output for the forms in ``ui/``; never edit by hand, regenerate instead::

    pyside6-uic ui/main_window.ui -o ketaconsole/gui/generated/ui_main_window.py
"""
