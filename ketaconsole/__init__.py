"""KetaConsole: bedside supervision of ketamine and esketamine treatment sessions.

Sub-packages are layers. Only :mod:`ketaconsole.gui` may import PySide6 or pyqtgraph;
``core``, ``devices``, ``simulator``, ``storage`` and ``records`` stay Qt-free so they run
headless, in threads and in tests without a display.
"""

__version__ = "0.1.0"
