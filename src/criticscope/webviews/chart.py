"""Geometry of the rating-distribution chart, drawn as inline SVG by the film template
(no JavaScript, no external resources, so it also works in the standalone report)."""

from __future__ import annotations

from typing import Any

WIDTH, HEIGHT = 320, 170
TOP, BOTTOM, SIDE = 22, 34, 8  # room for the count labels above and the bin labels below


def distribution_chart(bins: list[dict[str, Any]]) -> dict[str, Any]:
    """Bars for the aggregate histogram (``aggregates.critics.distribution``)."""
    total = sum(b["count"] for b in bins)
    peak = max((b["count"] for b in bins), default=0) or 1
    slot = (WIDTH - 2 * SIDE) / max(len(bins), 1)
    bar_w = slot * 0.7
    plot_h = HEIGHT - TOP - BOTTOM
    bars = []
    for i, b in enumerate(bins):
        h = plot_h * b["count"] / peak
        x = SIDE + i * slot + (slot - bar_w) / 2
        upper = b["to"] - 1 if b["to"] < 100 else 100
        bars.append({
            "index": i,
            "x": round(x, 1), "y": round(TOP + plot_h - h, 1), "width": round(bar_w, 1),
            "height": round(max(h, 0.0), 1),
            "label_x": round(x + bar_w / 2, 1),
            "count": b["count"],
            "range": f"{b['from']}–{upper}",
            "title": f"{b['count']} review(s) scored {b['from']}–{upper}",
        })
    summary = (", ".join(f"{b['range']}: {b['count']}" for b in bars)) if total else "no written ratings yet"
    return {"width": WIDTH, "height": HEIGHT, "baseline": TOP + plot_h, "count_y_offset": 6,
            "label_y": HEIGHT - 12, "bars": bars, "total": total, "summary": summary}
