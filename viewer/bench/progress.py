"""What a long bench run prints as it goes: each stage with the run's elapsed time, and inside long
stages how far they are, their rate and when they should end, so a half-hour run can be watched."""

from __future__ import annotations

import resource
import time
from collections.abc import Callable


def cpu_seconds() -> float:
    """CPU seconds used so far by this process and the children it has waited for (the importer's
    process, the window's, sqlite-utils): on a machine other work loads, the wall clock of a stage
    says little about an idle machine, its CPU time more."""
    own, children = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
    return own.ru_utime + own.ru_stime + children.ru_utime + children.ru_stime


def clock(seconds: float) -> str:
    """``seconds`` as h:mm:ss or m:ss."""
    whole = max(0, round(seconds))
    hours, rest = divmod(whole, 3600)
    minutes, secs = divmod(rest, 60)
    return f"{hours}:{minutes:02d}:{secs:02d}" if hours else f"{minutes}:{secs:02d}"


class Progress:
    """The run's clock: ``stage`` starts a named stage (and ends the one before, with its time),
    ``step`` reports a long stage's count at most every ``every`` seconds (and always the last)."""

    def __init__(self, say: Callable[[str], None], every: float = 10.0) -> None:
        self.say = say
        self.every = every
        self.began = time.monotonic()
        self.stage_name: str | None = None
        self.stage_began = self.began
        self.last_step = 0.0
        self.times: dict[str, float] = {}  # seconds each finished stage took, for the report
        self.cpu: dict[str, float] = {}  # CPU seconds of each finished stage (see cpu_seconds)
        self.stage_cpu = cpu_seconds()

    def elapsed(self) -> float:
        return time.monotonic() - self.began

    def stage(self, name: str, detail: str = "") -> None:
        self.finish()
        self.stage_name, self.stage_began, self.last_step = name, time.monotonic(), 0.0
        self.stage_cpu = cpu_seconds()
        self.say(f"[{clock(self.elapsed())}] {name}{': ' + detail if detail else ''}")

    def finish(self) -> None:
        """End the current stage, saying how long it took."""
        if self.stage_name is None:
            return
        took = time.monotonic() - self.stage_began
        cpu = cpu_seconds() - self.stage_cpu
        self.times[self.stage_name] = round(took, 1)
        self.cpu[self.stage_name] = round(cpu, 1)
        self.say(f"[{clock(self.elapsed())}]   {self.stage_name} took {clock(took)} ({cpu:.0f} s of CPU)")
        self.stage_name = None

    def step(self, done: int, total: int, unit: str, since: int = 0) -> None:
        """``done`` of ``total`` in this stage; ``since`` of them were done before it began (a resumed
        stage), so the rate and the time left count only what this run did."""
        now = time.monotonic()
        if done < total and now - self.last_step < self.every:
            return
        self.last_step = now
        took = now - self.stage_began
        rate = (done - since) / took if took > 0 else 0.0
        settled = took >= 20 and done > since  # the first seconds' rate (start-up, a resumed pass) misleads
        left = f", about {clock((total - done) / rate)} left" if settled and done < total else ""
        share = done / total if total else 1.0
        self.say(
            f"[{clock(self.elapsed())}]   {done:,}/{total:,} {unit} ({share:.0%}), {rate:,.0f} {unit}/s, "
            f"{clock(took)} in this stage{left}"
        )
