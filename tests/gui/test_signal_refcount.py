"""Regression test for the PySide6 6.12.0 / CPython 3.11 abort (see pyproject.toml and the Qt reference).

With that pair, each ``Signal.emit()`` delivered to a Python slot drops one reference too many from
``True`` (or ``None``) and Python aborts after a few hundred emissions. The emissions run in a child
process so that an abort fails this test instead of killing the test run.
"""

from __future__ import annotations

import json
import subprocess
import sys
from importlib.metadata import requires, version

from packaging.requirements import Requirement
from packaging.utils import canonicalize_name

EMISSIONS = 10_000
ALLOWED_DRIFT = 50

EMIT_SCRIPT = f"""
import json, sys
from PySide6.QtCore import QCoreApplication, QObject, Signal

class Source(QObject):
    fired = Signal(bool)

class Counter:
    delivered = 0
    all_true = True

    def on_fired(self, flag):
        self.delivered += 1
        self.all_true = self.all_true and flag is True

app = QCoreApplication([])
source = Source()
counter = Counter()
source.fired.connect(counter.on_fired)
before = {{"true": sys.getrefcount(True), "none": sys.getrefcount(None)}}
for _ in range({EMISSIONS}):
    source.fired.emit(True)
after = {{"true": sys.getrefcount(True), "none": sys.getrefcount(None)}}
report = {{"delivered": counter.delivered, "all_true": counter.all_true, "before": before, "after": after}}
print(json.dumps(report))
"""


def test_ten_thousand_emissions_are_delivered_without_refcount_drift() -> None:
    result = subprocess.run([sys.executable, "-c", EMIT_SCRIPT], capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, (
        f"the emitting process died (status {result.returncode}) with PySide6 "
        f"{version('PySide6-Essentials')}:\n{result.stderr[-2000:]}"
    )
    report = json.loads(result.stdout)
    assert report["delivered"] == EMISSIONS
    assert report["all_true"]
    for constant in ("true", "none"):
        drift = report["after"][constant] - report["before"][constant]
        assert abs(drift) <= ALLOWED_DRIFT, f"refcount of {constant} drifted by {drift}"


def test_installed_pyside6_satisfies_the_pin() -> None:
    pins = {canonicalize_name(pin.name): pin for pin in map(Requirement, requires("ketaconsole") or [])}
    pin = pins["pyside6-essentials"]
    assert "6.12.0" not in pin.specifier, "the pin must keep the aborting 6.12.0 out"
    assert version("PySide6-Essentials") in pin.specifier
    assert version("shiboken6") == version("PySide6-Essentials")
