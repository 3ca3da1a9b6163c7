"""A progress bar for long builds: on stderr, and only when stderr is a terminal."""
from __future__ import annotations

import sys


class Progress:
    """Silent: what a build reports to when nobody is watching."""

    def start(self, total_bytes: int) -> None:
        pass

    def advance(self, done_bytes: int, documents: int) -> None:
        pass

    def close(self) -> None:
        pass


class TerminalProgress(Progress):
    """Bytes read drive the bar and the time left (a JSON Lines export's document count is unknown until
    read); documents done and their rate are shown beside it."""

    def __init__(self):
        self._bar = None
        self._documents = 0

    def start(self, total_bytes: int) -> None:
        from tqdm import tqdm

        self._bar = tqdm(
            total=total_bytes, file=sys.stderr, unit="B", unit_scale=True, mininterval=0.5,
            bar_format="{l_bar}{bar}| {postfix} [{elapsed}, qalıb {remaining}]",
        )

    def advance(self, done_bytes: int, documents: int) -> None:
        if self._bar is None:
            return
        self._documents += documents
        elapsed = self._bar.format_dict["elapsed"] or 1e-9
        self._bar.set_postfix_str(f"{self._documents} sənəd, {self._documents / elapsed:.0f} sənəd/s", refresh=False)
        self._bar.update(done_bytes)

    def close(self) -> None:
        if self._bar is not None:
            self._bar.close()


def for_stderr() -> Progress:
    return TerminalProgress() if sys.stderr.isatty() else Progress()
