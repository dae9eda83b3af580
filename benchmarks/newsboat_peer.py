"""newsboat (C++), the terminal reader people compare us with, opening the same archive.

`write_feed(archive, path)` writes the archive as one RSS feed (title, date and full text of
every bulletin). `run_newsboat(feed, work, n)` warms newsboat's cache with the feed once (not
measured), then measures in a real terminal (a tmux window, 120x36): seconds from the shell
starting newsboat to its article list of the feed on screen (newsboat opens on its feed list;
the benchmark presses Enter as soon as the feed is listed, as a user would). Returns {} when
newsboat or tmux is missing (install: `apt-get install newsboat`).
"""

from __future__ import annotations

import email.utils
import os
import shutil
import subprocess
import sys
import tempfile
import time
from datetime import UTC, datetime
from datetime import time as dtime
from pathlib import Path
from xml.sax.saxutils import escape

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "src"))


def write_feed(archive: Path, path: Path) -> None:
    from boletin_tui.corpus import load_corpus

    corpus = load_corpus([archive], use_cache=False)
    with open(path, "w", encoding="utf-8") as out:
        out.write('<?xml version="1.0" encoding="UTF-8"?>\n<rss version="2.0"><channel>\n')
        out.write("<title>Boletines</title><link>http://localhost/</link>\n")
        out.write("<description>archivo sintético</description>\n")
        for b in corpus.bulletins:
            day = b.date or datetime(2000, 1, 1).date()
            stamp = datetime.combine(day, dtime(12), UTC)
            out.write(
                f"<item><title>{escape(b.title)}</title>"
                f'<guid isPermaLink="false">{escape(b.key)}</guid>'
                f"<pubDate>{email.utils.format_datetime(stamp)}</pubDate>"
                f"<description>{escape(b.text)}</description></item>\n"
            )
        out.write("</channel></rss>\n")


def _newsboat_cmd(feed: Path, work: Path) -> list[str]:
    urls = work / "urls"
    urls.write_text(f"file://{feed}\n")
    config = work / "config"
    config.write_text("show-read-feeds yes\nconfirm-exit no\nauto-reload no\n")
    return ["newsboat", "-u", str(urls), "-C", str(config), "-c", str(work / "cache.db")]


def run_newsboat(feed: Path, work: Path, n: int) -> dict:
    if shutil.which("newsboat") is None or shutil.which("tmux") is None:
        return {}
    work.mkdir(parents=True, exist_ok=True)
    cmd = _newsboat_cmd(feed, work)
    if not (work / "cache.db").exists():  # warm-up, not measured
        subprocess.run([*cmd, "-x", "reload"], check=True, capture_output=True)
    stamp = Path(tempfile.mkdtemp(prefix="nb-", dir=work)) / "start"
    session = f"newsboat-bench-{os.getpid()}"
    command = f"date +%s.%N > {stamp}; exec {' '.join(cmd)}"
    server = ["tmux", "-L", "scale-bench"]
    subprocess.run(
        [*server, "new-session", "-d", "-s", session, "-x", "120", "-y", "36", "sh", "-c", command],
        check=True,
    )
    try:
        pressed = False
        deadline = time.time() + 120
        while time.time() < deadline:
            screen = subprocess.run(
                [*server, "capture-pane", "-p", "-t", session], capture_output=True, text=True
            ).stdout
            seen = time.time()
            # The feed list: its one feed, with its count (cut by the column width at 10,000+).
            if not pressed and "Your feeds" in screen and f"({n}/" in screen:
                subprocess.run([*server, "send-keys", "-t", session, "Enter"], check=True)
                pressed = True
            elif pressed and "Articles in feed" in screen and stamp.exists():
                return {"article_list": seen - float(stamp.read_text())}
            time.sleep(0.005)
        return {}
    finally:
        subprocess.run([*server, "kill-session", "-t", session], capture_output=True)
        shutil.rmtree(stamp.parent, ignore_errors=True)


if __name__ == "__main__":
    archive, work = Path(sys.argv[1]), Path(sys.argv[2])
    work.mkdir(parents=True, exist_ok=True)
    feed = work / "feed.xml"
    if not feed.exists():
        write_feed(archive, feed)
    print(run_newsboat(feed, work / "newsboat", int(sys.argv[3])))
