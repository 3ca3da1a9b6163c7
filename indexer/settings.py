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
    Setting("PREFIX_TERMS", 64, "most index terms a `word*` query expands to (the most frequent first)"),
    Setting("POSTINGS_BUDGET", 16_000_000, "postings and positions (8 bytes each) held in the cache of per-term arrays"),
    Setting("TYPO_MIN_LENGTH", 4, "shortest query word that is tried with corrections"),
    Setting("TYPO_LONG_WORD", 8, "words this long or longer may have two typos; shorter words one"),
    Setting("SUGGEST_RATIO", 5, "a corrected query is suggested when it finds this many times more documents"),
    Setting("WARM_VOCABULARIES", True, "build the completion and typo vocabularies in the background when an index opens"),
    Setting("WARM_POSTINGS", 0.5, "share of POSTINGS_BUDGET filled in the background, longest lists first, when an index opens"),
    Setting("COMPLETE_MIN_DF", 2, "least documents a word needs to be offered as a completion"),
    Setting("SIMILAR_TERMS", 12, "distinctive stems of a document used to find similar ones"),
    Setting("SIMILAR_TEXT_LIMIT", 100_000, "characters of a document analysed to find similar ones"),
)
DEFAULTS = {setting.name: setting.default for setting in SETTINGS}


def index_dir() -> Path:
    """The default index directory, honouring the INDEX_DIR environment variable."""
    return Path(os.environ.get("INDEX_DIR") or DEFAULTS["INDEX_DIR"])
