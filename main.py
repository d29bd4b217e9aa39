"""Start the Jingkong console: ``python main.py [--db PATH|URL] [--lang zh|en]``."""

import sys

# The Qt-free half of the console first: once PySide6 is imported, every later import goes through its import hook,
# which reads the importing module's source (a third of a second and 25 MB of cached source lines at start).
import app.console  # noqa: F401
from app.views.app import main

if __name__ == "__main__":
    sys.exit(main())
