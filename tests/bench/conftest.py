"""Benchmarks run only on request: ``pytest tests/bench --benchmark-enable``."""

from __future__ import annotations

import gc
from collections.abc import Iterator
from pathlib import Path

import pytest

BENCH_DIR = Path(__file__).parent


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    """Skip the benchmarks in ordinary runs: timings on a busy machine are noise."""
    if config.getoption("benchmark_enable"):
        return
    skip = pytest.mark.skip(reason="benchmark: run with --benchmark-enable")
    for item in items:
        if BENCH_DIR in Path(str(item.fspath)).parents:
            item.add_marker(skip)


@pytest.fixture(scope="session", autouse=True)
def _web_pages_go_before_the_application() -> Iterator[None]:
    """Delete every widget (and so every web page) while the QApplication still lives.

    Widgets closed by a benchmark are deleted later (deleteLater); left for the
    interpreter's exit, a map page would outlive QtWebEngine's profile, which
    ends the process with a segmentation fault after all benchmarks passed.
    """
    yield
    release_widgets()


def release_widgets() -> None:
    """Close and delete every top-level widget now, then run the pending deletions."""
    from PySide6.QtCore import QCoreApplication, QEvent
    from PySide6.QtWidgets import QApplication

    app = QApplication.instance()
    if not isinstance(app, QApplication):
        return
    for widget in app.topLevelWidgets():
        widget.close()
        widget.deleteLater()
    for _ in range(3):
        QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
        app.processEvents()
    gc.collect()
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
