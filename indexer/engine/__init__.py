"""The only package that talks to Whoosh: schema, building, searching."""
from .searcher import Engine, IndexMissing
from .writer import BuildError, BuildSummary, build

__all__ = ["BuildError", "BuildSummary", "Engine", "IndexMissing", "build"]
