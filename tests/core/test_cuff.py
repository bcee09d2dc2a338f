"""Cuff measurements picked out of repeated monitor observations."""

from __future__ import annotations

from ketaconsole.core.clock import ManualClock, Stamp
from ketaconsole.core.cuff import DIASTOLIC, MEAN, SYSTOLIC, CuffReading, CuffReadings
from ketaconsole.core.observations import AbsentReason, Observation


def nibp(stamp: Stamp, systolic: float | None, diastolic: float | None = None, mean: float | None = None, *,
         manual: bool = False, source: str = "s5") -> list[Observation]:
    observations = []
    for parameter, value in ((SYSTOLIC, systolic), (DIASTOLIC, diastolic), (MEAN, mean)):
        if value is None:
            observations.append(Observation.absent(parameter, AbsentReason.NOT_MEASURED, stamp, source))
        else:
            observations.append(Observation(parameter, value, stamp, source, manual=manual))
    return observations


def test_systolic_diastolic_and_mean_with_the_same_stamp_make_one_reading() -> None:
    clock = ManualClock()
    cuff = CuffReadings()
    stamp = clock.now()
    new = cuff.add([Observation("HR", 70.0, stamp, "s5"), *nibp(stamp, 128, 84, 96)])
    assert new == [CuffReading(stamp, 128, 84, 96, "s5", False)]
    assert cuff.readings == tuple(new)
    assert new[0].text() == "128/84 (96)"


def test_a_diastolic_with_another_stamp_does_not_join_the_reading() -> None:
    clock = ManualClock()
    cuff = CuffReadings()
    first = clock.now()
    cuff.add([Observation(SYSTOLIC, 128.0, first, "s5")])
    clock.advance(5)
    assert cuff.add([Observation(DIASTOLIC, 84.0, clock.now(), "s5")]) == []
    assert cuff.readings == (CuffReading(first, 128, None, None, "s5", False),)
    assert cuff.readings[0].text() == "128/–"


def test_the_diastolic_arriving_in_a_later_batch_completes_the_reading() -> None:
    cuff = CuffReadings()
    stamp = ManualClock().now()
    assert cuff.add([Observation(SYSTOLIC, 128.0, stamp, "s5")]) == [CuffReading(stamp, 128, None, None, "s5",
                                                                                  False)]
    completed = cuff.add([Observation(DIASTOLIC, 84.0, stamp, "s5"), Observation(MEAN, 96.0, stamp, "s5")])
    assert completed == [CuffReading(stamp, 128, 84, 96, "s5", False)]
    assert cuff.readings == tuple(completed)


def test_repeated_sends_of_the_same_measurement_are_one_reading() -> None:
    clock = ManualClock()
    cuff = CuffReadings()
    first = clock.now()
    assert len(cuff.add(nibp(first, 128, 84, 96))) == 1
    for _ in range(10):  # the monitor re-sends every 5 s
        clock.advance(5)
        assert cuff.add(nibp(clock.now(), 128, 84, 96)) == []
    assert [reading.measured for reading in cuff.readings] == [first]
    assert cuff.readings[0].diastolic == 84  # a re-sent diastolic does not overwrite anything


def test_a_new_systolic_is_a_new_measurement() -> None:
    clock = ManualClock()
    cuff = CuffReadings()
    cuff.add(nibp(clock.now(), 128, 84, 96))
    clock.advance(300)
    second = clock.now()
    assert cuff.add(nibp(second, 131, 84, 97)) == [CuffReading(second, 131, 84, 97, "s5", False)]
    clock.advance(300)
    third = clock.now()
    assert cuff.add(nibp(third, 128, 80, 93)) == [CuffReading(third, 128, 80, 93, "s5", False)]
    assert [reading.systolic for reading in cuff.readings] == [128, 131, 128]


def test_a_manual_reading_is_always_new() -> None:
    clock = ManualClock()
    cuff = CuffReadings()
    cuff.add(nibp(clock.now(), 128, 84, 96))
    clock.advance(60)
    typed = clock.now()
    new = cuff.add(nibp(typed, 128, 84, None, manual=True, source="manual"))
    assert new == [CuffReading(typed, 128, 84, None, "manual", True)]
    clock.advance(60)
    again = clock.now()
    assert cuff.add(nibp(again, 128, 84, None, manual=True, source="manual"))[0].measured == again
    assert len(cuff.readings) == 3
    assert cuff.readings[1].text() == "128/84"


def test_an_absent_systolic_is_no_reading_and_the_next_value_is_new() -> None:
    clock = ManualClock()
    cuff = CuffReadings()
    cuff.add(nibp(clock.now(), 128, 84, 96))
    clock.advance(5)
    assert cuff.add(nibp(clock.now(), None)) == []
    clock.advance(300)
    later = clock.now()
    assert [reading.measured for reading in cuff.add(nibp(later, 128, 84, 96))] == [later]
    assert len(cuff.readings) == 2


def test_a_diastolic_without_a_systolic_is_ignored() -> None:
    cuff = CuffReadings()
    stamp = ManualClock().now()
    assert cuff.add([Observation(DIASTOLIC, 84.0, stamp, "s5")]) == []
    assert cuff.readings == ()


def test_a_typed_in_reading_does_not_make_the_monitors_resend_new() -> None:
    clock = ManualClock()
    cuff = CuffReadings()
    measured = clock.now()
    cuff.add(nibp(measured, 128, 84, 96))
    clock.advance(60)
    typed = clock.now()
    cuff.add(nibp(typed, 135, 88, None, manual=True, source="nurse A"))
    clock.advance(5)
    assert cuff.add(nibp(clock.now(), 128, 84, 96)) == []  # the monitor still re-sends its last one
    assert [(reading.measured, reading.systolic) for reading in cuff.readings] == [(measured, 128),
                                                                                   (typed, 135)]
    clock.advance(300)
    assert [reading.systolic for reading in cuff.add(nibp(clock.now(), 131, 85, 97))] == [131]


def test_each_device_has_its_own_sequence() -> None:
    clock = ManualClock()
    cuff = CuffReadings()
    cuff.add(nibp(clock.now(), 128, 84, 96, source="monitor-1"))
    clock.advance(1)
    cuff.add(nibp(clock.now(), 140, 90, 105, source="monitor-2"))
    for _ in range(3):
        clock.advance(5)
        assert cuff.add(nibp(clock.now(), 128, 84, 96, source="monitor-1")) == []
        assert cuff.add(nibp(clock.now(), 140, 90, 105, source="monitor-2")) == []
    assert [(reading.source, reading.systolic) for reading in cuff.readings] == [("monitor-1", 128),
                                                                                 ("monitor-2", 140)]
