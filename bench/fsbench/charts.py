"""The PNGs: throughput against accuracy per task, and the scaling curve (matplotlib, Agg)."""

from __future__ import annotations

from .tasks import get

FACTSIFT = "#d62728"
PEER = "#1f77b4"


def _pyplot():
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    return plt


def throughput_accuracy(run: dict, path: str) -> None:
    """One panel per task: x = MB/s (log), y = the task's headline accuracy; without accuracy
    figures (no ../shared/eval), horizontal bars of MB/s."""
    plt = _pyplot()
    tasks = run["tasks"]
    fig, axes = plt.subplots(1, len(tasks), figsize=(5.2 * len(tasks), 4.6), squeeze=False)
    for ax, result in zip(axes[0], tasks):
        task = get(result["task"])
        engines = result["engines"]
        scored = {n: e for n, e in engines.items()
                  if (e.get("accuracy") or {}).get(task.HEADLINE.key) is not None}
        if scored:
            for name, e in scored.items():
                x, y = e["mb_per_s"], e["accuracy"][task.HEADLINE.key]
                mine = name == "factsift"
                ax.scatter([x], [y], s=90 if mine else 50, color=FACTSIFT if mine else PEER,
                           zorder=3, marker="*" if mine else "o")
                ax.annotate(e["label"], (x, y), textcoords="offset points", xytext=(6, 5),
                            fontsize=8.5, fontweight="bold" if mine else "normal")
            ax.set_xscale("log")
            ax.set_xlabel("throughput, MB/s (log scale; median, 1 process)")
            ax.set_ylabel(task.HEADLINE.header)
            low = min(e["accuracy"][task.HEADLINE.key] for e in scored.values())
            ax.set_ylim(max(0, low - 8), 100)
            xs = [e["mb_per_s"] for e in scored.values()]
            ax.set_xlim(min(xs) / 3, max(xs) * 6)
            ax.grid(True, which="major", alpha=0.3)
        else:
            items = sorted(engines.items(), key=lambda kv: kv[1]["mb_per_s"])
            ax.barh([e["label"] for _, e in items], [e["mb_per_s"] for _, e in items],
                    color=[FACTSIFT if n == "factsift" else PEER for n, _ in items])
            ax.set_xscale("log")
            ax.set_xlabel("throughput, MB/s (log scale)")
        ax.set_title(f"{result['title']}")
    m = run["machine"]
    scored_any = any("accuracy" in e for r in tasks for e in r["engines"].values())
    fig.suptitle(f"factsift {run['factsift_version']} and peers — {m['cpu']}, {m['cores']} "
                 f"cores, {m['date']}; {'up and ' if scored_any else ''}right is better",
                 fontsize=10)
    fig.tight_layout()
    fig.savefig(path, dpi=110)
    plt.close(fig)


def scaling(run: dict, path: str) -> None:
    """Left: seconds against input size (log-log) with a slope-1 guide: linear cost follows it.
    Right: MB/s and MB per CPU-second against input size."""
    plt = _pyplot()
    sc = run["scaling"]
    fig, (left, right) = plt.subplots(1, 2, figsize=(11, 4.4))
    colors = {"1": PEER, "2": FACTSIFT}
    for t in [str(t) for t in sc["threads"]]:
        pts = [p for p in sc["points"] if t in p["threads"]]
        xs = [p["bytes"] / 1e6 for p in pts]
        label = f"analyze_many, {t} thread{'s' if t != '1' else ''}"
        left.plot(xs, [p["threads"][t]["seconds"] for p in pts], "o-", color=colors.get(t),
                  label=label)
        right.plot(xs, [p["threads"][t]["mb_per_s"] for p in pts], "o-", color=colors.get(t),
                   label=f"{label}: wall")
        right.plot(xs, [p["threads"][t]["mb_per_cpu_s"] for p in pts], "o--", color=colors.get(t),
                   alpha=0.55, label=f"{label}: per CPU-second")
    if sc["single_document"]:
        xs = [s["bytes"] / 1e6 for s in sc["single_document"]]
        left.plot(xs, [s["seconds"] for s in sc["single_document"]], "s:", color="gray",
                  label="analyze, one document")
        right.plot(xs, [s["mb_per_s"] for s in sc["single_document"]], "s:", color="gray",
                   label="analyze, one document: wall")
    pts = sc["points"]
    if pts:
        # The slope-1 guide through the largest 1-thread point: where linear cost would be.
        last = pts[-1]
        k = last["threads"][str(sc["threads"][0])]["seconds"] / (last["bytes"] / 1e6)
        xs = [pts[0]["bytes"] / 1e6, last["bytes"] / 1e6]
        left.plot(xs, [k * x for x in xs], color="black", alpha=0.3, lw=1,
                  label="linear cost (slope 1)")
    from .report import human_bytes

    ticks = [p["bytes"] / 1e6 for p in sc["points"]]
    for ax in (left, right):
        ax.set_xscale("log")
        ax.set_xticks(ticks, [human_bytes(t * 1e6) for t in ticks])
        ax.minorticks_off()
        ax.set_xlabel("input size (log scale)")
        ax.grid(True, which="major", alpha=0.3)
        ax.legend(fontsize=7.5)
    left.set_yscale("log")
    left.set_ylabel("seconds (log scale)")
    right.set_ylabel("MB/s")
    right.set_ylim(bottom=0)
    m = run["machine"]
    fig.suptitle(f"factsift {run['factsift_version']}: cost against input size — {m['cpu']}, "
                 f"{m['cores']} cores (shared), {m['date']}", fontsize=10)
    fig.tight_layout()
    fig.savefig(path, dpi=110)
    plt.close(fig)
