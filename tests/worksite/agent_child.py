"""A terminal agent process for the kill -9 test: spools numbered media events and delivers.

    python agent_child.py AGENT_DIR START

Prints ``ready``, then ``ack N`` after record N is durably in the spool.
"""

from __future__ import annotations

import sys
from pathlib import Path

from tokki_desktop.site.agent import Agent


def main() -> None:
    agent_dir, start = Path(sys.argv[1]), int(sys.argv[2])
    agent = Agent(agent_dir)
    print("ready", flush=True)
    i = start
    while True:
        agent.spool.append("media_event", {
            "at": "2026-11-26T10:00:00+09:00", "event": "arrived", "volume_id": f"VOL-{i}", "label": "",
            "size_bytes": 0, "device_serial": "", "media_id": None, "registered": 0, "files": None},
            uid=f"{i:032x}")
        print(f"ack {i}", flush=True)
        if i % 3 == 0:
            agent.deliver_now()
        i += 1


if __name__ == "__main__":
    main()
