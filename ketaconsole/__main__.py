"""``python -m ketaconsole`` is the same as the ``ketaconsole`` command."""

import sys

from ketaconsole.cli import main

sys.exit(main())
