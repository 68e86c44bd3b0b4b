"""``python -m console`` starts the console."""

from console.cli import main

raise SystemExit(main())
