"""`python -m editor_app` is the same as the `editor-app` command."""

import sys

from editor_app.cli import main

sys.exit(main())
