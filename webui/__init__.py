"""The web front end: search pages and a JSON API over one open index."""
from flask import Flask

from indexer.settings import index_dir

from . import api, documents, errors, help_page, partners, search, security


def create_app(test_config: dict | None = None) -> Flask:
    """Application factory. `INDEX_DIR` (environment or test_config) says which index to serve."""
    app = Flask(__name__)
    app.config.from_mapping(INDEX_DIR=str(index_dir()))
    if test_config:
        app.config.from_mapping(test_config)
    app.json.ensure_ascii = False  # Azerbaijani letters as they are, not \u escapes
    for blueprint in (search.bp, documents.bp, partners.bp, help_page.bp, api.bp):
        app.register_blueprint(blueprint)
    security.init_app(app)
    errors.init_app(app)
    return app
