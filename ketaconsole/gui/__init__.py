"""The console window. The only layer that imports PySide6 and pyqtgraph.

Widgets never wait on serial I/O or the database: data reaches them through a
:class:`~ketaconsole.gui.live_feed.LiveFeed` that the acquisition threads fill and a GUI timer drains.
"""
