"""Acquisition: wires a serial link, a protocol driver and the session writer together. Qt-free.

Used by the ``record`` command and by the GUI, so both record exactly the same way.
"""
