"""Demo coverage entitlements, deterministic from the seed.

A few fixed ones are named in the README so anyone can try a covered call
(EV-2026-0001 / 浙AD12345 / VIN tail 123456); the rest are drawn from their own
random stream, so adding them leaves every other demo row unchanged.
"""

from __future__ import annotations

import random
import string
from datetime import date
from typing import Any

from console.core.coverage import VIN_TAIL

FIXED: tuple[dict[str, Any], ...] = (
    {"programme": "MAKER-EV", "number": "EV-2026-0001", "holder": "林晓", "plate": "浙AD12345",
     "vin": "LGXCE4CB0N0123456", "valid_from": date(2026, 1, 1), "valid_to": date(2033, 12, 31)},
    {"programme": "INSURER-PLUS", "number": "PICC-2026-0042", "holder": "陈建国",
     "plate": "沪B67890", "vin": "LSVAM4187C2184420", "valid_from": date(2026, 3, 1),
     "valid_to": date(2027, 2, 28)},
    {"programme": "MEMBER-GOLD", "number": "GOLD-0007", "holder": "Emma Clarke",
     "plate": "京N8M888", "vin": "WBA8E9C50GK643107", "valid_from": date(2025, 7, 1),
     "valid_to": date(2027, 6, 30)},
    {"programme": "INSURER-PLUS", "number": "PICC-2024-0913", "holder": "赵磊",
     "plate": "粤B2X731", "vin": "LFV2A21K4A3051919", "valid_from": date(2024, 1, 1),
     "valid_to": date(2025, 12, 31)},
)  # fmt: skip
"""Named demo entitlements; the last one has expired."""

PROGRAMMES = ("MAKER-EV", "INSURER-PLUS", "MEMBER-GOLD")
PROVINCES = "京沪浙苏粤川鄂湘鲁豫"
VIN_CHARS = "".join(c for c in string.ascii_uppercase + string.digits if c not in "IOQ")


def demo_entitlements(seed: int, count: int = 36) -> list[dict[str, Any]]:
    """The fixed entitlements plus ``count`` drawn ones, as rows for ``entitlements``."""
    rng = random.Random(f"entitlements-{seed}")
    rows = [dict(row) for row in FIXED]
    for n in range(1, count + 1):
        programme = PROGRAMMES[n % len(PROGRAMMES)]
        start = date(2025 + rng.randrange(2), rng.randrange(1, 13), 1)
        plate = (
            rng.choice(PROVINCES)
            + rng.choice("ABCDEF")
            + "".join(rng.choice(string.digits + "DF") for _ in range(5))
        )
        rows.append(
            {
                "programme": programme,
                "number": f"{programme.split('-')[0]}-DEMO-{n:04d}",
                "holder": "",
                "plate": plate,
                "vin": "L" + "".join(rng.choice(VIN_CHARS) for _ in range(16)),
                "valid_from": start,
                "valid_to": date(start.year + 1 + rng.randrange(3), start.month, 1),
            }
        )
    for index, row in enumerate(rows, start=1):
        row["id"] = index
        row["vin_tail"] = row["vin"][-VIN_TAIL:]
    return rows
