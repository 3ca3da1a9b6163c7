"""A search request, validated once for the CLI and the web alike; messages are in Azerbaijani."""
from __future__ import annotations

from dataclasses import dataclass

from .settings import DEFAULTS

SORTS = ("relevance", "date")


class InvalidRequest(ValueError):
    """A parameter the search cannot use; str(error) is the message for the user."""


@dataclass(frozen=True)
class SearchRequest:
    q: str = ""
    years: tuple[int, ...] = ()
    partners: tuple[str, ...] = ()
    page: int = 1
    per_page: int = DEFAULTS["PER_PAGE"]
    sort: str = "relevance"

    @classmethod
    def from_params(cls, q=None, years=(), partners=(), page=None, per_page=None, sort=None) -> SearchRequest:
        """Build a request from raw strings (query string or command line), or raise InvalidRequest."""
        q = (q or "").strip()
        if len(q) > DEFAULTS["MAX_QUERY_LENGTH"]:
            raise InvalidRequest(f"Sorğu çox uzundur: ən çoxu {DEFAULTS['MAX_QUERY_LENGTH']} simvol ola bilər.")
        return cls(
            q=q,
            years=tuple(sorted({_year(value) for value in years if str(value).strip()})),
            partners=tuple(dict.fromkeys(p.strip() for p in partners if p and p.strip())),
            page=bounded_int(page, "page", 1, DEFAULTS["MAX_PAGE"], default=1),
            per_page=bounded_int(per_page, "per_page", 1, DEFAULTS["MAX_PER_PAGE"], default=DEFAULTS["PER_PAGE"]),
            sort=_sort(sort),
        )


def bounded_int(value, name: str, low: int, high: int, default: int) -> int:
    """`value` as a whole number from `low` to `high`, `default` when absent, or InvalidRequest."""
    if value is None or str(value).strip() == "":
        return default
    try:
        number = int(str(value).strip())
    except ValueError:
        raise InvalidRequest(f"'{name}' tam ədəd olmalıdır, '{value}' deyil.") from None
    if not low <= number <= high:
        raise InvalidRequest(f"'{name}' {low} ilə {high} arasında olmalıdır.")
    return number


def _year(value) -> int:
    try:
        return int(str(value).strip())
    except ValueError:
        raise InvalidRequest(f"'year' il olmalıdır (məsələn, 2022), '{value}' deyil.") from None


def _sort(value) -> str:
    value = (value or "relevance").strip()
    if value not in SORTS:
        raise InvalidRequest(f"'sort' yalnız 'relevance' və ya 'date' ola bilər, '{value}' deyil.")
    return value
