"""The supervisor dashboard: KPIs, charts, complaints, scorecards and reports."""

from __future__ import annotations

from console.ui.dashboard.window import DashboardWindow

__all__ = ["DashboardWindow"]
