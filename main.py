"""Start the Jingkong console: ``python main.py [--db PATH|URL] [--lang zh|en]``."""

import sys

from app.views.app import main

if __name__ == "__main__":
    sys.exit(main())
