"""Shift and daily reports: gather the period's records, compute KPIs, write CSV.

The PDF (with charts) is drawn by the UI layer from the same :class:`ReportData`;
the CSV uses only the standard library, so both the console and the CLI share it.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta, tzinfo
from pathlib import Path
from typing import Protocol

from console.core import kpi
from console.core.errors import StorageError
from console.core.files import write_csv_rows
from console.core.quality import (
    ComplaintRecord,
    JobRecord,
    PartnerRow,
    QualityTargets,
    SatisfactionRecord,
)
from console.core.records import DepotRow
from console.core.sla import SlaTargets
from console.core.vocab import CrewStatus

TREND_DAYS = 7
CSV_HEADER = ("section", "key", "value", "unit", "target", "met")


class ReportSource(Protocol):
    """The reads a report needs (``console.core.ports.QualitySource`` + crews)."""

    def jobs(self, since: datetime, until: datetime | None = None) -> list[JobRecord]: ...
    def satisfaction(
        self, since: datetime, until: datetime | None = None
    ) -> list[SatisfactionRecord]: ...
    def complaints(
        self, since: datetime, until: datetime | None = None
    ) -> list[ComplaintRecord]: ...
    def crew_status_counts(self) -> dict[CrewStatus, int]: ...
    def depots(self) -> list[DepotRow]: ...
    def partners(self) -> list[PartnerRow]: ...
    def quality_targets(self) -> QualityTargets: ...
    def sla_targets(self) -> SlaTargets: ...


@dataclass(frozen=True)
class ReportData:
    """Everything a dashboard refresh or a report shows for one period."""

    kind: str
    """"shift", "day" (a calendar day) or "live" (the dashboard's current shift)."""
    snapshot: kpi.KpiSnapshot
    hourly: list[kpi.TrendPoint]
    daily: list[kpi.TrendPoint]
    partner_cards: list[kpi.Scorecard]
    depot_cards: list[kpi.Scorecard]
    complaints: list[ComplaintRecord]
    jobs: list[JobRecord]
    scores: dict[int, int]
    partner_names: dict[str, tuple[str, str]]
    depot_names: dict[str, tuple[str, str]]

    def rows(self) -> list[kpi.KpiRow]:
        """The KPI table."""
        return kpi.kpi_rows(self.snapshot)


def gather(
    source: ReportSource,
    *,
    now: datetime,
    start: datetime,
    end: datetime,
    kind: str,
    zone: tzinfo,
) -> ReportData:
    """Read the period [start, end) plus the trend days before it and compute everything."""
    # The 7 days end with the period's last day, or today while the period is still
    # running (a night shift ends tomorrow morning: tomorrow has nothing to show yet).
    last = min(end - timedelta(seconds=1), now)
    trend_start = kpi.day_window(last, zone)[0] - timedelta(days=TREND_DAYS - 1)
    since = min(start, trend_start)
    jobs = source.jobs(since)
    scores = source.satisfaction(since)
    complaints = source.complaints(since)
    targets = source.quality_targets()
    sla = source.sla_targets()
    snap = kpi.snapshot(
        now=now,
        start=start,
        end=end,
        jobs=jobs,
        crews=Counter(source.crew_status_counts()).elements(),
        scores=scores,
        complaints=complaints,
        targets=targets,
        assign_minutes=sla.assign_minutes,
    )
    hours = max(1, round((end - start).total_seconds() / 3600))
    period = [j for j in jobs if kpi.in_window(j, start, end)]
    window_scores = [s for s in scores if start <= s.recorded_at < end]
    window_complaints = [c for c in complaints if start <= c.opened_at < end]
    return ReportData(
        kind=kind,
        snapshot=snap,
        hourly=kpi.trend(jobs, scores, start, timedelta(hours=1), hours),
        daily=kpi.trend(jobs, scores, trend_start, timedelta(days=1), TREND_DAYS),
        partner_cards=kpi.scorecards(period, window_scores, window_complaints, _partner),
        depot_cards=kpi.scorecards(period, window_scores, window_complaints, _depot),
        complaints=complaints,
        jobs=period,
        scores={s.request_id: s.score for s in scores},
        partner_names={p.code: (p.name_zh, p.name_en) for p in source.partners()},
        depot_names={d.code: (d.name_zh, d.name_en) for d in source.depots()},
    )


def _partner(job: JobRecord) -> str | None:
    return job.partner_code


def _depot(job: JobRecord) -> str | None:
    return job.depot_code


def _number(value: float | None) -> str:
    if value is None:
        return ""
    return str(int(value)) if float(value).is_integer() else f"{value:g}"


def csv_rows(data: ReportData, label: Callable[[str], str] = str) -> list[list[str]]:
    """The report as CSV rows: KPI table, hourly trend, 7-day trend, scorecards."""
    rows: list[list[str]] = [list(CSV_HEADER)]
    snap = data.snapshot
    rows.append(["period", "start", snap.start.isoformat(), "", "", ""])
    rows.append(["period", "end", snap.end.isoformat(), "", "", ""])
    for row in data.rows():
        met = "" if row.met is None else ("yes" if row.met else "no")
        rows.append(["kpi", label(row.key), _number(row.value), row.unit, _number(row.target), met])
    for name, points in (("hourly", data.hourly), ("daily", data.daily)):
        for point in points:
            stamp = point.start.isoformat()
            rows.append([name, f"{stamp} created", str(point.created), "count", "", ""])
            rows.append([name, f"{stamp} completed", str(point.completed), "count", "", ""])
    for name, cards in (("partner", data.partner_cards), ("depot", data.depot_cards)):
        for card in cards:
            rows.append([name, f"{card.key} jobs", str(card.jobs), "count", "", ""])
            rows.append(
                [name, f"{card.key} on_time", _number(_pct(card.on_time_rate)), "%", "", ""]
            )
    return rows


def _pct(value: float | None) -> float | None:
    return None if value is None else round(value * 100, 1)


def write_csv(path: Path, rows: Sequence[Sequence[object]]) -> None:
    """Write rows as UTF-8 CSV with a BOM (so spreadsheet programs read Chinese right).

    The file is private (0600) and written whole or not at all; a cell that a
    spreadsheet would run as a formula is quoted (see console.core.files.csv_cells).
    """
    try:
        write_csv_rows(path, rows)
    except OSError as exc:
        raise StorageError(
            "file.unwritable", path=str(path), detail=exc.strerror or str(exc)
        ) from None
