"""What the last build indexed: for every source file, the hash of the bytes parsed and the ids it added.

The manifest is written after the index commit, atomically (temporary file, fsync, rename), and names the
index generation it describes; a build killed between the two leaves a manifest that does not match the
index, and the next build then rebuilds everything instead of trusting it.
"""
from __future__ import annotations

import hashlib
import json
import os
from dataclasses import dataclass, field
from pathlib import Path

FILE_NAME = "manifest.json"
FORMAT = 1


def content_hash(data: bytes) -> str:
    return hashlib.blake2b(data, digest_size=16).hexdigest()


@dataclass
class Entry:
    hash: str
    ids: list[str] = field(default_factory=list)
    # Ids this file holds that another file indexed first: the file is parsed again when that file lets them go.
    duplicates: list[str] = field(default_factory=list)


@dataclass
class Manifest:
    generation: int = -1
    entries: dict[str, Entry] = field(default_factory=dict)

    @classmethod
    def load(cls, index_dir: Path) -> Manifest:
        """The saved manifest, or an empty one (which forces a full build) when it is missing or unreadable."""
        try:
            data = json.loads((index_dir / FILE_NAME).read_text(encoding="utf-8"))
            if data.get("format") != FORMAT:
                return cls()
            entries = {source: Entry(**entry) for source, entry in data["entries"].items()}
            return cls(generation=data["generation"], entries=entries)
        except (OSError, ValueError, KeyError, TypeError):
            return cls()

    def save(self, index_dir: Path) -> None:
        data = {
            "format": FORMAT,
            "generation": self.generation,
            "entries": {source: entry.__dict__ for source, entry in sorted(self.entries.items())},
        }
        temporary = index_dir / f"{FILE_NAME}.{os.getpid()}.tmp"
        with open(temporary, "w", encoding="utf-8") as stream:
            json.dump(data, stream, ensure_ascii=False, separators=(",", ":"))
            stream.flush()
            os.fsync(stream.fileno())
        os.replace(temporary, index_dir / FILE_NAME)

    def owners(self) -> dict[str, str]:
        """Document id → the source that holds it."""
        return {doc_id: source for source, entry in self.entries.items() for doc_id in entry.ids}
