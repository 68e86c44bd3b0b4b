"""Display texts of the supervisor dashboard: KPI names, complaint vocabulary, scorecard heads."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from console.core.quality import ComplaintCategory, ComplaintStatus
from console.ui.labels import QT_TRANSLATE_NOOP

CONTEXT = "Dashboard"

KPI_LABELS: dict[str, str] = {
    "jobs_opened": QT_TRANSLATE_NOOP("Dashboard", "Requests opened"),
    "jobs_completed": QT_TRANSLATE_NOOP("Dashboard", "Jobs completed"),
    "queue_total": QT_TRANSLATE_NOOP("Dashboard", "Waiting for a crew"),
    "queue_p1": QT_TRANSLATE_NOOP("Dashboard", "Waiting: P1 safety"),
    "queue_p2": QT_TRANSLATE_NOOP("Dashboard", "Waiting: P2 standard"),
    "queue_p3": QT_TRANSLATE_NOOP("Dashboard", "Waiting: P3 scheduled"),
    "oldest_waiting": QT_TRANSLATE_NOOP("Dashboard", "Oldest waiting"),
    "sla_at_risk": QT_TRANSLATE_NOOP("Dashboard", "SLA at risk"),
    "sla_breached": QT_TRANSLATE_NOOP("Dashboard", "SLA breached"),
    "assign_mean": QT_TRANSLATE_NOOP("Dashboard", "Mean time to assign"),
    "assign_within_target": QT_TRANSLATE_NOOP("Dashboard", "Assigned within 2 min"),
    "arrival_mean": QT_TRANSLATE_NOOP("Dashboard", "Mean time to arrival"),
    "arrival_p90": QT_TRANSLATE_NOOP("Dashboard", "P90 time to arrival"),
    "arrival_on_time": QT_TRANSLATE_NOOP("Dashboard", "Arrivals within SLA"),
    "p1_arrival_on_time": QT_TRANSLATE_NOOP("Dashboard", "P1 arrivals within SLA"),
    "crews_on_duty": QT_TRANSLATE_NOOP("Dashboard", "Crews on duty"),
    "crews_busy": QT_TRANSLATE_NOOP("Dashboard", "Crews on a job"),
    "crew_utilisation": QT_TRANSLATE_NOOP("Dashboard", "Crew utilisation"),
    "remote_fix_rate": QT_TRANSLATE_NOOP("Dashboard", "Fixed by phone"),
    "satisfaction_count": QT_TRANSLATE_NOOP("Dashboard", "Follow-ups"),
    "satisfaction_mean": QT_TRANSLATE_NOOP("Dashboard", "Mean score"),
    "satisfaction": QT_TRANSLATE_NOOP("Dashboard", "Satisfied (4-5)"),
    "complaints_open": QT_TRANSLATE_NOOP("Dashboard", "Complaints open"),
    "complaints_overdue": QT_TRANSLATE_NOOP("Dashboard", "Complaints overdue"),
    "complaints_on_time": QT_TRANSLATE_NOOP("Dashboard", "Complaints answered in 24 h"),
}
"""KPI key (``console.core.kpi.kpi_rows``) -> English source label."""

UNIT_LABELS: dict[str, str] = {
    "count": "",
    "min": QT_TRANSLATE_NOOP("Dashboard", "min"),
    "%": "%",
    "score": QT_TRANSLATE_NOOP("Dashboard", "/ 5"),
}

CATEGORY_LABELS: dict[ComplaintCategory, str] = {
    ComplaintCategory.LATE_ARRIVAL: QT_TRANSLATE_NOOP("Dashboard", "Late arrival"),
    ComplaintCategory.CREW_CONDUCT: QT_TRANSLATE_NOOP("Dashboard", "Crew conduct"),
    ComplaintCategory.VEHICLE_DAMAGE: QT_TRANSLATE_NOOP("Dashboard", "Vehicle damage"),
    ComplaintCategory.PRICING: QT_TRANSLATE_NOOP("Dashboard", "Pricing"),
    ComplaintCategory.COMMUNICATION: QT_TRANSLATE_NOOP("Dashboard", "Communication"),
    ComplaintCategory.OTHER: QT_TRANSLATE_NOOP("Dashboard", "Other"),
}

STATUS_LABELS: dict[ComplaintStatus, str] = {
    ComplaintStatus.OPEN: QT_TRANSLATE_NOOP("Dashboard", "Open"),
    ComplaintStatus.ANSWERED: QT_TRANSLATE_NOOP("Dashboard", "Answered"),
    ComplaintStatus.CLOSED: QT_TRANSLATE_NOOP("Dashboard", "Closed"),
}


def tr(source: str) -> str:
    """``source`` in the current language (dashboard context)."""
    return QCoreApplication.translate(CONTEXT, source) if source else ""


def kpi_label(key: str) -> str:
    """The display name of a KPI key."""
    return tr(KPI_LABELS.get(key, key))


def unit_label(unit: str) -> str:
    """The display unit of a KPI value."""
    return tr(UNIT_LABELS.get(unit, unit))
