"""Drivers are found through the ``ketaconsole.drivers`` entry-point group, so another installed
package can add a monitor; a broken plugin is loud."""

from __future__ import annotations

import sys
import textwrap
from pathlib import Path

import pytest

from ketaconsole.devices.base import UnknownProtocolError, available_drivers, driver_class


def install_plugin(site: Path, module: str, entry_point: str) -> None:
    """A minimal installed distribution: a module and a dist-info with one entry point."""
    (site / f"{module}.py").write_text(textwrap.dedent('''
        from ketaconsole.devices.base import MonitorDriver, SerialSettings

        class ToyDriver(MonitorDriver):
            protocol = "toy"
            description = "toy monitor"
            serial_settings = SerialSettings(9600)

            def feed(self, data):
                return []

        class NotADriver:
            pass
    '''))
    dist_info = site / f"{module}-1.0.dist-info"
    dist_info.mkdir()
    (dist_info / "METADATA").write_text(f"Metadata-Version: 2.1\nName: {module}\nVersion: 1.0\n")
    (dist_info / "entry_points.txt").write_text(f"[ketaconsole.drivers]\n{entry_point}\n")


@pytest.fixture
def site(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.syspath_prepend(str(tmp_path))
    yield tmp_path
    for name in [n for n in sys.modules if n.startswith("toy_plugin")]:
        del sys.modules[name]


def test_the_shipped_protocols_are_registered():
    assert {"masimo", "datex-s5"} <= set(available_drivers())


def test_another_package_can_add_a_protocol(site: Path):
    install_plugin(site, "toy_plugin_ok", "toy = toy_plugin_ok:ToyDriver")
    assert driver_class("toy").description == "toy monitor"


def test_a_plugin_that_is_not_a_driver_is_refused_loudly(site: Path):
    install_plugin(site, "toy_plugin_bad", "toy = toy_plugin_bad:NotADriver")
    with pytest.raises(TypeError, match="toy"):
        available_drivers()


def test_an_unknown_protocol_lists_the_known_ones():
    with pytest.raises(UnknownProtocolError, match="masimo"):
        driver_class("nonin")
