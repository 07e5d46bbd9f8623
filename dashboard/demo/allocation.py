"""Split a published total into whole parts that add up to it exactly."""
from __future__ import annotations

import math
from collections.abc import Sequence


def allocate(total: int, weights: Sequence[float]) -> list[int]:
    """Whole parts proportional to weights summing exactly to total (largest-remainder method)."""
    if total < 0:
        raise ValueError("total must not be negative")
    weight_sum = float(sum(weights))
    if not weights or weight_sum <= 0 or any(w < 0 for w in weights):
        raise ValueError("weights must be non-negative with a positive sum")
    quotas = [total * w / weight_sum for w in weights]
    parts = [math.floor(q) for q in quotas]
    shortfall = total - sum(parts)
    by_remainder = sorted(range(len(parts)), key=lambda i: (parts[i] - quotas[i], i))
    for i in by_remainder[:shortfall]:
        parts[i] += 1
    return parts


def allocate_with_minimum(total: int, weights: Sequence[float], minimum: int) -> list[int]:
    """Like allocate, but every part gets at least `minimum`."""
    floor_total = minimum * len(weights)
    if floor_total > total:
        raise ValueError("the minimum parts exceed the total")
    return [minimum + part for part in allocate(total - floor_total, weights)]
