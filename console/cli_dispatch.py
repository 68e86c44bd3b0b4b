"""``suggest`` and ``optimise``: the dispatch engine from the command line."""

from __future__ import annotations

import argparse
import json
from dataclasses import asdict
from typing import Any

from console.core.dispatch import Proposal, SuggestionResult
from console.core.errors import NotFound
from console.db.backend import DatabaseBackend


def _prepare_language(lang: str | None) -> None:
    """Reason texts are translated through Qt; Chinese needs the catalogue installed."""
    if lang != "zh":
        return
    from PySide6.QtCore import QCoreApplication

    from console.ui.i18n import install_language

    app = QCoreApplication.instance() or QCoreApplication([])
    install_language(app, "zh")


def suggestion_document(result: SuggestionResult, reference: str) -> dict[str, Any]:
    """The --json form of a suggestion result."""
    from console.ui.dispatch_labels import suggestion_summary

    return {
        "request": reference,
        "no_crew_needed": result.no_crew_needed,
        "vehicle_kinds": sorted(k.value for k in result.needs.kinds),
        "required_skills": sorted(s.value for s in result.needs.skills),
        "suggestions": [
            {
                "rank": s.rank,
                "crew_id": s.crew_id,
                "call_sign": s.call_sign,
                "vehicle_kind": s.vehicle_kind.value,
                "eta_minutes": s.eta_minutes,
                "distance_km": s.distance_km,
                "free_in_minutes": s.free_in_minutes,
                "stale_gps": s.stale_gps,
                "score": s.score,
                "reasons": [asdict(r) for r in s.reasons],
                "summary": suggestion_summary(s),
            }
            for s in result.suggestions
        ],
    }


def run_suggest(backend: DatabaseBackend, args: argparse.Namespace) -> int:
    """Print the ranked crews for one request."""
    _prepare_language(getattr(args, "lang", None))
    row = backend.request_by_reference(args.reference)
    if row is None:
        raise NotFound("not_found.request", key=args.reference)
    result = backend.suggest(row.id, limit=args.limit)
    document = suggestion_document(result, row.reference)
    if args.json:
        print(json.dumps(document, ensure_ascii=False, indent=2))
        return 0
    from console.ui.labels import label

    print(
        f"{row.reference}  {row.priority.value}  {label(row.service_type)}  {row.city} {row.address}"
    )
    if result.no_crew_needed:
        print("  no crew needed (handled by phone)")
    elif not result.suggestions:
        print("  no capable crew is free nearby")
    for item in document["suggestions"]:
        print(f"  {item['rank']}. {item['call_sign']:<10} {item['summary']}")
    return 0


def proposal_document(proposal: Proposal) -> dict[str, Any]:
    """The --json form of a queue proposal."""
    return {
        "assigned": proposal.assigned,
        "requests": len(proposal.items),
        "objective": proposal.objective,
        "baseline_objective": proposal.baseline_objective,
        "weighted_eta": proposal.weighted_eta,
        "baseline_weighted_eta": proposal.baseline_weighted_eta,
        "items": [
            {
                "request": item.reference,
                "priority": item.priority.value,
                "crew": item.call_sign,
                "eta_minutes": item.eta_minutes,
                "baseline_crew": item.baseline_call_sign,
                "baseline_eta_minutes": item.baseline_eta_minutes,
                "eta_change": item.eta_change,
                "waited_minutes": item.waited_minutes,
                "must_assign": item.must_assign,
            }
            for item in proposal.items
        ],
    }


def run_optimise(backend: DatabaseBackend, args: argparse.Namespace) -> int:
    """Print a joint assignment for the whole queue without applying it."""
    proposal = backend.propose()
    document = proposal_document(proposal)
    if args.json:
        print(json.dumps(document, ensure_ascii=False, indent=2))
        return 0
    print(
        f"{'request':<18} {'pri':<3} {'crew':<10} {'ETA':>6} {'nearest-free ETA':>17} {'change':>7}"
    )
    for item in document["items"]:
        eta = f"{item['eta_minutes']:.0f}" if item["eta_minutes"] is not None else "later"
        base = (
            f"{item['baseline_eta_minutes']:.0f}"
            if item["baseline_eta_minutes"] is not None
            else "-"
        )
        change = f"{item['eta_change']:+.0f}" if item["eta_change"] is not None else ""
        print(
            f"{item['request']:<18} {item['priority']:<3} {item['crew'] or '-':<10} {eta:>6} {base:>17} {change:>7}"
        )
    print(
        f"{proposal.assigned} of {len(proposal.items)} queued requests get a crew; "
        f"priority-weighted ETA {proposal.weighted_eta:.0f} min "
        f"(nearest free crew in queue order: {proposal.baseline_weighted_eta:.0f} min)"
    )
    return 0
