"""Byte framing of the GE Datex-Ohmeda S/5 Computer Interface (DRI).

A frame on the wire is ``7E <stuffed payload> <stuffed checksum> 7E``. Inside a frame 0x7E and
0x7D are sent as ``7D 5E`` and ``7D 5D`` (escape byte, then the byte XOR 0x20). The checksum is the
8-bit sum (mod 256) of the unstuffed payload bytes. Every 0x7E is a frame boundary: it ends the
frame in progress and starts the next, so both ``…7E 7E…`` (what the S/5 sends) and a single shared
flag between frames are understood.
"""

from __future__ import annotations

from typing import Final

from ketaconsole.devices.base import DecoderStats

FLAG: Final = 0x7E
ESCAPE: Final = 0x7D
_ESCAPE_XOR: Final = 0x20
_ESCAPED_BYTES: Final = frozenset({FLAG ^ _ESCAPE_XOR, ESCAPE ^ _ESCAPE_XOR})  # 0x5E, 0x5D

#: Longest frame body (stuffed bytes between two flags) accepted. The largest S/5 record is 1490
#: bytes, so even fully stuffed it stays below this; anything longer is a frame that never closed.
MAX_FRAME_BYTES: Final = 4096


def checksum(payload: bytes) -> int:
    """The DRI checksum: sum of the unstuffed payload bytes modulo 256."""
    return sum(payload) & 0xFF


def _stuff(data: bytes) -> bytes:
    return data.replace(b"\x7d", b"\x7d\x5d").replace(b"\x7e", b"\x7d\x5e")


def frame(payload: bytes) -> bytes:
    """Wrap ``payload`` into one complete frame: flag, stuffed payload and checksum, flag."""
    return bytes([FLAG]) + _stuff(payload + bytes([checksum(payload)])) + bytes([FLAG])


def _unstuff(body: bytes) -> bytes | None:
    """Undo byte stuffing; ``None`` when an escape is not followed by 0x5E or 0x5D."""
    if ESCAPE not in body:
        return body
    first, *escaped = body.split(bytes([ESCAPE]))
    out = bytearray(first)
    for part in escaped:
        if not part or part[0] not in _ESCAPED_BYTES:
            return None
        out.append(part[0] ^ _ESCAPE_XOR)
        out += part[1:]
    return bytes(out)


class Unframer:
    """Incremental deframer: feed any bytes, get the payloads of frames whose checksum is valid.

    Never raises. Counters in :attr:`stats` (shared with the owner when one is passed in):
    ``frames_ok`` frames with a valid checksum; ``frames_dropped`` non-empty frames rejected (bad
    checksum, bad escape, too short, longer than ``max_frame_bytes``); ``bytes_discarded`` bytes
    that ended in no accepted frame (noise outside frames and the bodies of dropped frames).
    """

    def __init__(self, stats: DecoderStats | None = None, max_frame_bytes: int = MAX_FRAME_BYTES) -> None:
        self.stats = stats if stats is not None else DecoderStats()
        self.max_frame_bytes = max_frame_bytes
        self._body = bytearray()
        self._in_frame = False

    def feed(self, data: bytes) -> list[bytes]:
        """Consume ``data``; return the payloads (checksum removed) of frames completed by it."""
        payloads: list[bytes] = []
        position = 0
        while position < len(data):
            flag_at = data.find(FLAG, position)
            end = len(data) if flag_at < 0 else flag_at
            self._take(data[position:end])
            if flag_at < 0:
                break
            if self._in_frame and self._body:
                payload = self._close()
                if payload is not None:
                    payloads.append(payload)
            self._in_frame = True
            self._body.clear()
            position = flag_at + 1
        return payloads

    def _take(self, chunk: bytes) -> None:
        if not chunk:
            return
        if not self._in_frame:
            self.stats.bytes_discarded += len(chunk)
            return
        if len(self._body) + len(chunk) > self.max_frame_bytes:
            self.stats.frames_dropped += 1
            self.stats.bytes_discarded += len(self._body) + len(chunk)
            self._body.clear()
            self._in_frame = False
            return
        self._body += chunk

    def _close(self) -> bytes | None:
        unstuffed = _unstuff(bytes(self._body))
        if unstuffed is None or len(unstuffed) < 2 or checksum(unstuffed[:-1]) != unstuffed[-1]:
            self.stats.frames_dropped += 1
            self.stats.bytes_discarded += len(self._body)
            return None
        self.stats.frames_ok += 1
        return unstuffed[:-1]
