"""Protocol drivers and the serial link. Qt-free: bytes in, :mod:`ketaconsole.core.observations` out."""
