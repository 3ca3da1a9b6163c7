"""Every setting, declared once with its default and what it is for."""
import os
from dataclasses import dataclass
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parent.parent


@dataclass(frozen=True)
class Setting:
    name: str
    default: object
    description: str


SETTINGS = (
    Setting("INDEX_DIR", REPO_ROOT / "index", "where the index lives (environment variable INDEX_DIR overrides it)"),
    Setting("CORPUS_DIR", REPO_ROOT / "corpus", "the documents `build` indexes when no --corpus is given"),
    Setting("PER_PAGE", 10, "hits per page when the request does not say"),
    Setting("MAX_PER_PAGE", 100, "the largest page a request may ask for"),
    Setting("MAX_PAGE", 1000, "the deepest page a request may ask for"),
    Setting("MAX_QUERY_LENGTH", 1000, "longest query, in characters, that is searched"),
    Setting("FACET_LIMIT", 30, "most partner values listed beside the results"),
    Setting("SNIPPET_FRAGMENTS", 3, "most fragments of text shown per hit"),
)
DEFAULTS = {setting.name: setting.default for setting in SETTINGS}


def index_dir() -> Path:
    """The default index directory, honouring the INDEX_DIR environment variable."""
    return Path(os.environ.get("INDEX_DIR") or DEFAULTS["INDEX_DIR"])
