"""The plan in words: the moves, re-skills and additions, the coverage table, the depots' CSV."""

from __future__ import annotations

from console.core.vocab import VehicleKind
from console.sim.planning.planner import Plan

CSV_HEADER = (
    "depot code", "depot name", "city", "action", "vehicle kind", "call sign", "from", "to",
)  # fmt: skip


def kind_words(kind: VehicleKind) -> str:
    """A vehicle kind in plain words ("heavy wrecker", "EV service van")."""
    return kind.value.lower().replace("_", " ").replace("ev ", "EV ")


def format_plan(plan: Plan) -> str:
    """The moves, re-skills, additions and the coverage table, for the terminal."""
    s = plan.solution
    mode = f"budget {plan.budget}" if plan.budget else "move-only"
    lines = [
        f"{plan.scenario.title_en} - coverage plan ({mode}), seed {plan.seed}: "
        f"{plan.points} demand points, solved in {s.seconds:.1f} s, MIP gap {100 * s.gap:.2f} %",
        f"{len(plan.moves)} move(s), {len(plan.reskills)} re-skill(s), "
        f"{len(plan.additions)} new crew(s)",
    ]
    for m in plan.moves:
        lines.append(
            f"  move 1 {kind_words(m.crew.vehicle_kind)} crew (call sign {m.crew.call_sign}) "
            f"from depot {m.source.code} ({m.source.city}) to depot {m.to.code} ({m.to.city})"
        )
    for r in plan.reskills:
        skills = ", ".join(sorted(r.skills))
        lines.append(
            f"  train {kind_words(r.crew.vehicle_kind)} crew {r.crew.call_sign} for {skills}"
        )
    for a in plan.additions:
        skills = f" ({', '.join(sorted(a.skills))})" if a.skills else ""
        lines.append(
            f"  add 1 {kind_words(a.kind)} crew{skills} at depot {a.station.code} ({a.station.city})"
        )
    header = ("capability", "calls/day", "covered today %", "covered by plan %")
    rows = [
        (r.capability, f"{r.calls:.1f}", f"{r.before_pct:.1f}", f"{r.after_pct:.1f}")
        for r in plan.coverage
    ]
    widths = [max(len(row[i]) for row in [header, *rows]) for i in range(len(header))]
    lines.append("Expected calls with a capable crew within target (the model's estimate):")
    for row in [header, *rows]:
        lines.append(
            "  "
            + "  ".join(
                cell.ljust(w) if i == 0 else cell.rjust(w)
                for i, (cell, w) in enumerate(zip(row, widths, strict=True))
            )
        )
    lines.append(
        "Measure the gain in the twin: simulate --what-if FILE --compare nearest,nearest@plan"
    )
    return "\n".join(lines)


def moves_csv_rows(plan: Plan) -> list[tuple[object, ...]]:
    """One row per depot affected by each change, for the depots (header first)."""
    rows: list[tuple[object, ...]] = [CSV_HEADER]
    for m in plan.moves:
        kind = m.crew.vehicle_kind.value
        sign = m.crew.call_sign
        rows.append((m.source.code, m.source.name, m.source.city, "send", kind, sign,
                     m.source.code, m.to.code))  # fmt: skip
        rows.append((m.to.code, m.to.name, m.to.city, "receive", kind, sign,
                     m.source.code, m.to.code))  # fmt: skip
    for r in plan.reskills:
        at = r.station
        rows.append((at.code, at.name, at.city, "train " + "+".join(sorted(r.skills)),
                     r.crew.vehicle_kind.value, r.crew.call_sign, "", ""))  # fmt: skip
    for n, a in enumerate(plan.additions, start=1):
        rows.append((a.station.code, a.station.name, a.station.city, "add", a.kind.value,
                     f"PLAN-{n:04d}", "", a.station.code))  # fmt: skip
    return rows
