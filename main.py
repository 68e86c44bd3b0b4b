"""Thin entry point: ``python main.py [--db URL] [COMMAND]``; see console.cli."""

from console.cli import main

if __name__ == "__main__":
    raise SystemExit(main())
