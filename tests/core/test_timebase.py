"""Session seconds: monotonic within a boot, bridged by wall time across a reboot, never backwards."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from ketaconsole.core.clock import NS_PER_S, ManualClock, Stamp
from ketaconsole.core.timebase import SessionTimebase

T0 = datetime(2026, 3, 2, 9, 0, tzinfo=UTC)


def stamp(wall_s: float, monotonic_s: float) -> Stamp:
    return Stamp(T0 + timedelta(seconds=wall_s), round(monotonic_s * NS_PER_S))


def test_the_first_stamp_is_the_origin() -> None:
    timebase = SessionTimebase()
    assert timebase.seconds(stamp(0, 12_345), "boot-1") == 0.0
    assert timebase.seconds(stamp(10, 12_355), "boot-1") == 10.0


def test_within_a_boot_only_the_monotonic_clock_counts() -> None:
    clock = ManualClock(T0, monotonic_ns=99 * NS_PER_S, monotonic_epoch="boot-1")
    timebase = SessionTimebase()
    assert timebase.seconds(clock.now(), clock.monotonic_epoch) == 0
    clock.advance(600)
    clock.set_wall_time(T0 - timedelta(hours=1))  # NTP sets the clock back an hour
    assert timebase.seconds(clock.now(), clock.monotonic_epoch) == 600
    clock.advance(60)
    clock.set_wall_time(T0 + timedelta(hours=5))
    assert timebase.seconds(clock.now(), clock.monotonic_epoch) == 660


def test_a_stamp_dated_before_an_earlier_one_reads_earlier() -> None:
    timebase = SessionTimebase()
    timebase.seconds(stamp(0, 100), "boot-1")
    assert timebase.seconds(stamp(50, 150), "boot-1") == 50
    assert timebase.seconds(stamp(20, 120), "boot-1") == 20  # a link loss noticed late
    assert timebase.seconds(stamp(60, 160), "boot-1") == 60


def test_a_reboot_is_bridged_by_wall_time_then_monotonic_again() -> None:
    timebase = SessionTimebase()
    timebase.seconds(stamp(0, 5_000), "boot-1")
    timebase.seconds(stamp(600, 5_600), "boot-1")
    # The machine rebooted: the monotonic clock starts again near zero; 5 min passed on the wall.
    assert timebase.seconds(stamp(900, 3), "boot-2") == 900
    assert timebase.seconds(stamp(930, 33), "boot-2") == 930
    # Within the new boot, wall jumps do not count.
    assert timebase.seconds(stamp(-3000, 93), "boot-2") == 990


def test_the_bridge_starts_at_the_latest_moment_known() -> None:
    timebase = SessionTimebase()
    timebase.seconds(stamp(0, 100), "boot-1")
    timebase.seconds(stamp(600, 700), "boot-1")
    assert timebase.seconds(stamp(200, 400), "boot-1") == 300  # earlier stamp recorded last (wall set back)
    assert timebase.seconds(stamp(660, 1), "boot-2") == 660  # 60 s after the 600 s stamp


def test_a_bridge_is_never_negative() -> None:
    timebase = SessionTimebase()
    timebase.seconds(stamp(0, 100), "boot-1")
    timebase.seconds(stamp(600, 700), "boot-1")
    # After the reboot the wall clock reads before the last stamp (a dead RTC battery).
    assert timebase.seconds(stamp(-86_400, 2), "boot-2") == 600
    assert timebase.seconds(stamp(-86_340, 62), "boot-2") == 660


def test_an_unknown_epoch_never_matches() -> None:
    timebase = SessionTimebase()
    timebase.seconds(stamp(0, 100), None)
    # Monotonic says 50 s, wall says 10 s: with no epoch only the wall clock can be trusted.
    assert timebase.seconds(stamp(10, 150), None) == 10
    assert timebase.seconds(stamp(20, 150), "boot-1") == 20
    assert timebase.seconds(stamp(25, 160), None) == 25


def test_locate_places_a_stored_stamp_in_its_run_by_wall_time() -> None:
    timebase = SessionTimebase()
    with pytest.raises(ValueError, match="no run yet"):
        timebase.locate(stamp(0, 0))
    timebase.seconds(stamp(0, 5_000), "boot-1")
    timebase.seconds(stamp(600, 5_600), "boot-1")
    timebase.seconds(stamp(900, 3), "boot-2")
    assert timebase.locate(stamp(300, 5_300)) == 300  # first run
    assert timebase.locate(stamp(950, 53)) == 950  # second run
    assert timebase.locate(stamp(-10, 4_990)) == -10  # before the first run: measured from it


def test_session_seconds_agree_with_the_durations_of_a_restarted_recording() -> None:
    """Two runs on the same boot with a pause between them: the pause counts, as the monotonic clock
    says, even if the wall clock was changed meanwhile."""
    clock = ManualClock(T0, monotonic_ns=10 * NS_PER_S, monotonic_epoch="boot-1")
    timebase = SessionTimebase()
    timebase.seconds(clock.now(), clock.monotonic_epoch)
    clock.advance(1200)
    timebase.seconds(clock.now(), clock.monotonic_epoch)
    clock.advance(300)  # the console is closed and opened again
    clock.set_wall_time(clock.now().utc + timedelta(hours=2))
    rebuilt = SessionTimebase()  # a new process rebuilds from the stored stamps and the new clock
    first = ManualClock(T0, monotonic_ns=10 * NS_PER_S, monotonic_epoch="boot-1").now()
    assert rebuilt.seconds(first, "boot-1") == 0
    assert rebuilt.seconds(clock.now(), clock.monotonic_epoch) == 1500
