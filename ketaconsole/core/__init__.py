"""The domain, pure Python: parameters, observations, sessions, time. No Qt, no I/O."""
