"""The search engine, opened once per application and handed out per request."""
from flask import current_app

from indexer.engine import Engine


def get_engine() -> Engine:
    """The application's engine, opened on first use so the site starts even before the index exists.

    It outlives requests: each thread's searcher refreshes itself when a build changes the index.
    """
    engine = current_app.extensions.get("indexer.engine")
    if engine is None:
        engine = current_app.extensions["indexer.engine"] = Engine(current_app.config["INDEX_DIR"])
    return engine
