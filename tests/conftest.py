"""Shared test setup. Qt renders offscreen unless the caller chose a platform (e.g. xcb under Xvfb);
this must happen before anything imports Qt."""

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
