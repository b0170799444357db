"""Run a command and sample its whole process tree (the command and every worker it starts: local pool
processes or a Dask LocalCluster's workers), so benchmarks can say how time and memory split between
the main process and each worker, not only the peak of the largest process that /usr/bin/time gives.

    from bench.process_tree import run_sampled
    stats = run_sampled(["cascade", "analyse", "letters/", "-o", "out", "--scheduler", "local"])

Sampling every `interval` seconds misses at most one interval of a process's CPU time and a spike
shorter than that; peaks are therefore lower bounds, CPU times close ones.
"""

from __future__ import annotations

import contextlib
import subprocess
import time
from dataclasses import asdict, dataclass, field
from typing import Any

import psutil


@dataclass
class ProcessStats:
    pid: int
    role: str  # main, worker, helper (resource tracker, semaphore tracker)
    started_s: float
    last_seen_s: float
    peak_rss_mb: float = 0.0
    cpu_s: float = 0.0


@dataclass
class TreeStats:
    wall_s: float
    returncode: int
    stdout: str
    stderr: str
    processes: list[ProcessStats] = field(default_factory=list)
    peak_tree_rss_mb: float = 0.0  # the most the whole tree held at one sample
    timeline: list[tuple[float, float, float]] = field(default_factory=list)  # (s, main MB, tree MB)

    @property
    def main(self) -> ProcessStats:
        return next(p for p in self.processes if p.role == "main")

    @property
    def workers(self) -> list[ProcessStats]:
        return [p for p in self.processes if p.role == "worker"]

    def summary(self) -> dict[str, Any]:
        """What bench/ writes to JSON: the totals, the main process and each worker that did work."""
        workers = [w for w in self.workers if w.cpu_s >= 0.5]
        return {"wall_s": self.wall_s, "peak_tree_rss_mb": self.peak_tree_rss_mb,
                "main": asdict(self.main), "workers": [asdict(w) for w in workers],
                "cpu_s": sum(p.cpu_s for p in self.processes),
                "timeline": self.timeline}


def _role(proc: psutil.Process, root: int) -> str:
    if proc.pid == root:
        return "main"
    try:
        cmd = " ".join(proc.cmdline())
    except (psutil.NoSuchProcess, psutil.AccessDenied):
        return "worker"
    if "resource_tracker" in cmd or "semaphore_tracker" in cmd:
        return "helper"
    return "worker"


def run_sampled(cmd: list[str], interval: float = 0.5, timeline_every: float = 5.0) -> TreeStats:
    """Run `cmd` to its end, sampling its process tree every `interval` seconds."""
    t0 = time.perf_counter()
    child = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    root = psutil.Process(child.pid)
    seen: dict[int, ProcessStats] = {}
    handles: dict[int, psutil.Process] = {child.pid: root}
    peak_tree = 0.0
    timeline: list[tuple[float, float, float]] = []
    next_mark = 0.0
    # stdout/stderr are read by communicate() at the end; a benchmark's output is small
    while child.poll() is None:
        now = time.perf_counter() - t0
        try:
            for proc in root.children(recursive=True):
                handles.setdefault(proc.pid, proc)
        except psutil.NoSuchProcess:
            pass
        tree = 0.0
        main_mb = 0.0
        for pid, proc in list(handles.items()):
            try:
                with proc.oneshot():
                    rss = proc.memory_info().rss / 2**20
                    cpu = proc.cpu_times()
                    used = cpu.user + cpu.system
            except (psutil.NoSuchProcess, psutil.ZombieProcess, psutil.AccessDenied):
                handles.pop(pid, None)
                continue
            stats = seen.get(pid)
            if stats is None:
                stats = seen[pid] = ProcessStats(pid, _role(proc, child.pid), now, now)
            stats.last_seen_s = now
            stats.peak_rss_mb = max(stats.peak_rss_mb, rss)
            stats.cpu_s = max(stats.cpu_s, used)
            tree += rss
            if pid == child.pid:
                main_mb = rss
        peak_tree = max(peak_tree, tree)
        if now >= next_mark:
            timeline.append((round(now, 1), round(main_mb, 1), round(tree, 1)))
            next_mark = now + timeline_every
        # back at once when the command ends: the wall time is not rounded up to the next sample
        with contextlib.suppress(subprocess.TimeoutExpired):
            child.wait(timeout=interval)
    out, err = child.communicate()
    wall = time.perf_counter() - t0
    return TreeStats(wall, child.returncode, out, err, sorted(seen.values(), key=lambda p: p.started_s),
                     peak_tree, timeline)
