"""Shared helpers of the work-site tests: enrol and join a terminal, a fast agent."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from tokki_desktop.monitor.media import ListedMedia
from tokki_desktop.site.agent import Agent, AgentOptions, join
from tokki_desktop.site.enrol import enrol
from tokki_desktop.vault.terminal import MemoryStore

FAST = AgentOptions(quiet=0.2, workers=1, reconcile_every=3600, heartbeat=3600, deliver_every=0.1,
                    media_interval=0.1, health_every=0.2, inventory=False)


def enrol_and_join(session: Any, tmp: Path, name: str, drop: Path, *, store: MemoryStore | None = None,
                   heartbeat: int = 300) -> tuple[Path, Path]:
    """Enrol ``name`` at the site and join it in ``tmp/name``; returns (agent dir, watched folder)."""
    watched = tmp / f"{name}-docs"
    watched.mkdir(parents=True)
    out = tmp / f"{name}.tkenrol"
    made = enrol(session, name, drop=drop, watch=[watched], out=out, heartbeat_seconds=heartbeat)
    agent_dir = tmp / f"{name}-agent"
    join(agent_dir, out, made.code, store=store, use_keyring=store is not None)
    return agent_dir, watched


def start_agent(agent_dir: Path, *, clock: Any = None, media: ListedMedia | None = None,
                store: MemoryStore | None = None, options: AgentOptions = FAST) -> Agent:
    agent = Agent(agent_dir, media=media or ListedMedia(), options=options, clock=clock, store=store)
    agent.start()
    return agent


def take_in_until(session: Any, cond: Any, timeout: float = 20.0) -> Any:
    """Run the site's intake until ``cond()`` is true (the agent delivers asynchronously)."""
    import time

    from tokki_desktop.site.intake import SiteIntake

    intake = SiteIntake(session)
    end = time.monotonic() + timeout
    while True:
        intake.take_in()
        value = cond()
        if value or time.monotonic() > end:
            return value
        time.sleep(0.1)
