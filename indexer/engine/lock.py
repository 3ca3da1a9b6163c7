"""One build at a time per index directory.

An fcntl lock on a file in the index directory: the kernel releases it when the process ends, even by
`kill -9`, so a dead build never blocks the next one. Whoosh's own WRITELOCK guards only its commit; this
lock also covers the manifest and the clean-up of files a killed build left behind.
"""
from __future__ import annotations

import fcntl
import os
from contextlib import contextmanager
from pathlib import Path
from typing import Iterator

LOCK_NAME = ".build.lock"


class BuildRunning(Exception):
    """Another build holds the index directory."""


@contextmanager
def build_lock(index_dir: Path) -> Iterator[None]:
    fd = os.open(index_dir / LOCK_NAME, os.O_RDWR | os.O_CREAT, 0o644)
    try:
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            raise BuildRunning(
                f"{index_dir} üçün başqa bir indeksləmə artıq işləyir; o bitəndən sonra yenidən cəhd edin"
            ) from None
        yield
    finally:
        os.close(fd)  # closing the descriptor releases the lock
