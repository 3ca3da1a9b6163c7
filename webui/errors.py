"""Every error answered in Azerbaijani: JSON under /api, a page elsewhere. Nothing reaches users as a bare 500."""
from flask import Flask, jsonify, render_template, request
from werkzeug.exceptions import HTTPException

from indexer.engine import IndexMissing
from indexer.request import InvalidRequest

MESSAGES = {
    400: "Sorğu düzgün deyil.",
    404: "Belə səhifə yoxdur.",
    405: "Bu ünvan belə sorğunu qəbul etmir.",
    500: "Gözlənilməz xəta baş verdi. Bir azdan yenidən cəhd edin.",
    503: "Axtarış hələ hazır deyil.",
}


def _answer(status: int, message: str):
    if request.path.startswith("/api/"):
        return jsonify(error=message), status
    return render_template("error.html", status=status, message=message), status


def init_app(app: Flask) -> None:
    @app.errorhandler(InvalidRequest)
    def invalid_request(error):
        return _answer(400, str(error))

    @app.errorhandler(IndexMissing)
    def index_missing(error):
        return _answer(503, str(error))

    @app.errorhandler(HTTPException)
    def http_error(error):
        return _answer(error.code, MESSAGES.get(error.code, error.name))

    @app.errorhandler(Exception)
    def unexpected(error):
        app.logger.exception("unexpected error")
        return _answer(500, MESSAGES[500])
