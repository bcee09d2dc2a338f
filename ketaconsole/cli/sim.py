"""``ketaconsole sim``: a simulated patient monitor on a pseudo-terminal or a real serial port.

Standard output carries one machine-readable line, ``PORT <path>`` (with ``--pty`` only), printed and
flushed before anything else; human status lines go to standard error. The simulator stops after
``--duration`` simulated seconds or on SIGINT/SIGTERM, closes the port (removing the ``--link``
symlink) and exits 0. It exits 1 when it cannot start, or when the port fails while running.
"""

from __future__ import annotations

import argparse
import contextlib
import secrets
import sys
import threading
from pathlib import Path

import serial

from ketaconsole.cli.common import non_negative_int, positive_float, stop_on_signals
from ketaconsole.core.clock import ScaledClock
from ketaconsole.simulator.config import load_simulator_config
from ketaconsole.simulator.encoders import ENCODERS, create_encoder, protocol_names
from ketaconsole.simulator.engine import SimulatorEngine
from ketaconsole.simulator.model import PhysiologyModel
from ketaconsole.simulator.scenario import resolve_scenario
from ketaconsole.simulator.transport import PtyTransport, SerialPortTransport, SimTransport
from ketaconsole.simulator.truth import TruthLog

_DESCRIPTION = """\
Run a simulated patient monitor for training and testing. A simulated adult patient (vital signs that
drift slowly, waveforms that agree with them, a blood-pressure cuff cycle, occasional artefacts) is
sent in the chosen monitor protocol, either on a new pseudo-terminal that a console on this machine
opens like a serial port (--pty), or on a real serial port cabled to another computer (--port).

This is a TRAINING SIMULATOR: its values are not from a patient."""

_EPILOG = """\
protocols:
{protocols}

examples:
  ketaconsole sim --protocol masimo --pty
      prints "PORT /dev/pts/5"; point the console (or `ketaconsole record`) at that path
  ketaconsole sim --protocol datex-s5 --pty --link /tmp/ttyKETA --seed 7
      the same patient every run, reachable at /tmp/ttyKETA across simulator restarts
  ketaconsole sim --protocol masimo --pty --speed 60 --duration 3600
      one simulated hour in one real minute, then exit
  ketaconsole sim --protocol datex-s5 --pty --scenario desaturation
      the patient follows the shipped desaturation script (see `ketaconsole scenarios`)"""


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    protocols = "\n".join(f"  {name:<10} {entry.description}" for name, entry in ENCODERS.items())
    parser = subparsers.add_parser(
        "sim",
        help="run a simulated patient monitor (training and tests)",
        description=_DESCRIPTION,
        epilog=_EPILOG.format(protocols=protocols),
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("--protocol", required=True, choices=protocol_names(),
                        help="the monitor protocol to speak (see the list below)")
    where = parser.add_mutually_exclusive_group(required=True)
    where.add_argument("--pty", action="store_true",
                       help="create a pseudo-terminal and print 'PORT <path>' as the first line on stdout")
    where.add_argument("--port", type=Path, metavar="PATH",
                       help="use this real serial port (e.g. /dev/ttyUSB0) with the protocol's line "
                       "settings (baud rate, parity, RTS/CTS)")
    parser.add_argument("--link", type=Path, metavar="PATH",
                        help="with --pty: also create a symlink PATH to the pseudo-terminal (replacing an "
                        "old symlink, never a file) and print PATH instead; removed on exit")
    parser.add_argument("--seed", type=non_negative_int, metavar="N",
                        help="random seed of the patient; the same seed gives the same patient "
                        "(default: a random seed, shown on stderr)")
    parser.add_argument("--speed", type=positive_float, default=1.0, metavar="X",
                        help="simulated time as a multiple of real time, e.g. 60 = one simulated minute "
                        "per real second (default: 1)")
    parser.add_argument("--duration", type=positive_float, metavar="S",
                        help="stop after S SIMULATED seconds (default: run until Ctrl+C or SIGTERM)")
    parser.add_argument("--model", metavar="NAME",
                        help="masimo only: the oximeter model whose line layout is sent, e.g. radical7 "
                        "(default), radical5, rad8")
    parser.add_argument("--truth", type=Path, metavar="FILE",
                        help="also write the numerics the simulated monitor displays to FILE, one JSON "
                        "line each time they change (to check what the console recorded)")
    parser.add_argument("--patient", type=Path, metavar="FILE",
                        help="patient file (TOML) with baselines, drift, NIBP cycle and artefact rates "
                        "(default: the shipped resources/simulator/default.toml)")
    parser.add_argument("--scenario", metavar="NAME|FILE",
                        help="follow a scripted scenario: a shipped one by name (listed by 'ketaconsole "
                        "scenarios') or your own file ending in .toml; its times count in simulated seconds "
                        "from the simulator's start")
    parser.set_defaults(func=run_simulator)


def run_simulator(args: argparse.Namespace) -> int:
    """Run the simulator as ``args`` asks; 0 after a clean stop, 1 when it cannot start or fails, 2 on
    inconsistent options."""
    if args.link is not None and not args.pty:
        _status("error: --link needs --pty")
        return 2
    seed = args.seed if args.seed is not None else secrets.randbelow(2**32)
    try:
        config = load_simulator_config(args.patient)
        scenario = resolve_scenario(args.scenario, config) if args.scenario else None
        encoder = create_encoder(args.protocol, args.model)
        transport: SimTransport = (
            PtyTransport(args.link) if args.pty else SerialPortTransport(args.port, encoder.serial_settings)
        )
    except (OSError, ValueError, LookupError, ImportError, serial.SerialException) as error:
        _status(f"error: {error}")
        return 1
    with transport:
        # Told before the PORT line, so whoever waits for PORT finds this on stderr already.
        until = f"for {args.duration:g} simulated s" if args.duration else "until Ctrl+C or SIGTERM"
        script = f", scenario {scenario.id}" if scenario else ""
        _status(f"simulating {args.protocol} on {transport.host_path}: seed {seed}, "
                f"speed {args.speed:g}x{script}, {until}")
        if args.pty:
            print(f"PORT {transport.host_path}", flush=True)
        else:
            _status(f"line settings {encoder.serial_settings.describe()}")
        with contextlib.ExitStack() as resources:
            truth = (TruthLog(resources.enter_context(args.truth.open("w", encoding="utf-8")))
                     if args.truth else None)
            engine = SimulatorEngine(PhysiologyModel(config, seed, scenario), encoder, transport,
                                     ScaledClock(args.speed), on_frame=truth)
            failure = _run_until_stopped(engine, args.duration)
        stats = engine.stats
        _status(f"stopped after {engine.simulated_s:.1f} simulated s: {stats.bytes_sent} bytes sent, "
                f"{stats.bytes_dropped} dropped (nobody reading), {stats.bytes_received} received")
    if failure is not None:
        _status(f"error: {failure}")
        return 1
    return 0


def _run_until_stopped(engine: SimulatorEngine, duration_s: float | None) -> BaseException | None:
    """Run ``engine`` in a worker thread until it finishes or a signal arrives; return its exception.

    The main thread only waits, so the signal handlers never interrupt the engine mid-tick.
    """
    stop = threading.Event()
    failures: list[BaseException] = []

    def work() -> None:
        try:
            engine.run(duration_s, stop)
        except Exception as error:
            failures.append(error)

    worker = threading.Thread(target=work, name="simulator-engine")
    with stop_on_signals(stop, _status):
        worker.start()
        while worker.is_alive():
            worker.join(0.1)
    return failures[0] if failures else None


def _status(message: str) -> None:
    print(f"ketaconsole sim: {message}", file=sys.stderr, flush=True)
