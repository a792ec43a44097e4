"""Entry point of the PyInstaller bundle: the same command line as `coach`.

With STRETCH_COACH_SELFTEST=1 it instead checks that the bundle holds what
the app loads lazily (see bundle_selftest.py); packaging/ci-check.sh uses it.
"""

import os

if os.environ.get("STRETCH_COACH_SELFTEST") == "1":
    from bundle_selftest import run

    raise SystemExit(run())

from coach.cli import main

raise SystemExit(main())
