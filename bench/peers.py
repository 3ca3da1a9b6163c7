"""The peers our engine is measured against, answering the same full search request on the same documents:
SQLite FTS5 (unicode61 tokenizer, bm25, snippet(), GROUP BY counts) and Tantivy (tantivy from PyPI: its query
parser, terms aggregations and snippet generator).

A full request: the total, the ten best hits with a highlighted snippet each, the year facet counted under the
partner filter and the partner facet under the year filter (values of one facet OR-ed, facets AND-ed), like ours.
Queries are translated to each engine's syntax (words AND-ed, phrases, `OR`, `word*`); misspelled and
diacritic-free queries go as typed: neither peer knows Azerbaijani.
"""
from __future__ import annotations

import re
import shutil
import sqlite3
import time
from dataclasses import dataclass
from pathlib import Path

from workload import BenchDoc, Query, dir_bytes

TITLE_BOOST = 2.5  # as our schema's
FACET_LIMIT = 30
SNIPPET_WORDS = 24
ITEM = re.compile(r'"([^"]*)"|(\S+)')


@dataclass
class Answer:
    total: int
    hits: list[tuple[str, str]]  # (document id, snippet html)
    years: dict[int, int]
    partners: dict[str, int]


def query_items(text: str) -> list[tuple[str, str]]:
    """Our query syntax as (kind, text) items: ("phrase", "a b"), ("or", "OR"), ("prefix", "ver"), ("word", "w")."""
    items = []
    for phrase, token in ITEM.findall(text):
        if phrase:
            items.append(("phrase", phrase))
        elif token == "OR":
            items.append(("or", token))
        elif token.endswith("*") and len(token) > 2:
            items.append(("prefix", token[:-1]))
        elif token.strip('"*'):
            items.append(("word", token.strip('"*')))
    return items


class Fts5:
    name = "SQLite FTS5"

    def __init__(self, folder: Path):
        self.path = folder / "fts5.sqlite"
        self.db: sqlite3.Connection | None = None

    @staticmethod
    def version() -> str:
        return f"SQLite {sqlite3.sqlite_version} (Python sqlite3)"

    def build(self, docs: list[BenchDoc]) -> dict:
        self.path.parent.mkdir(parents=True, exist_ok=True)
        self.path.unlink(missing_ok=True)
        started, cpu = time.perf_counter(), time.process_time()
        db = sqlite3.connect(self.path)
        db.executescript("""
            CREATE VIRTUAL TABLE docs USING fts5(title, body, tokenize = 'unicode61');
            INSERT INTO docs(docs, rank) VALUES ('rank', 'bm25(2.5, 1.0)');
            CREATE TABLE meta(docid INTEGER PRIMARY KEY, id TEXT, day INTEGER);
            CREATE TABLE year(docid INTEGER, year INTEGER);
            CREATE TABLE partner(docid INTEGER, partner TEXT);
        """)
        with db:
            for rowid, doc in enumerate(docs, 1):
                db.execute("INSERT INTO docs(rowid, title, body) VALUES (?, ?, ?)", (rowid, doc.title, doc.body))
                db.execute("INSERT INTO meta VALUES (?, ?, ?)", (rowid, doc.id, doc.day))
                db.executemany("INSERT INTO year VALUES (?, ?)", [(rowid, y) for y in doc.years])
                db.executemany("INSERT INTO partner VALUES (?, ?)", [(rowid, p) for p in doc.partners])
        db.executescript("""
            CREATE INDEX year_by_value ON year(year, docid); CREATE INDEX year_by_doc ON year(docid, year);
            CREATE INDEX partner_by_value ON partner(partner, docid); CREATE INDEX partner_by_doc ON partner(docid, partner);
            CREATE INDEX meta_by_day ON meta(day);
            INSERT INTO docs(docs) VALUES ('optimize');
        """)
        db.commit()
        db.close()
        seconds = time.perf_counter() - started
        return {"docs": len(docs), "seconds": seconds, "docs_per_s": len(docs) / seconds,
                "cpu_seconds": time.process_time() - cpu, "bytes": self.path.stat().st_size}

    def open(self) -> None:
        self.db = sqlite3.connect(self.path, check_same_thread=False)
        self.db.execute("CREATE TEMP TABLE matched(docid INTEGER PRIMARY KEY)")

    @staticmethod
    def match(text: str) -> str:
        rendered = {"phrase": lambda t: '"' + t.replace('"', "") + '"', "or": lambda t: "OR",
                    "prefix": lambda t: '"' + t + '"*', "word": lambda t: '"' + t.replace('"', "") + '"'}
        return " ".join(rendered[kind](value) for kind, value in query_items(text))

    def search(self, query: Query) -> Answer:
        db = self.db
        match = self.match(query.q)
        db.execute("DELETE FROM matched")
        try:
            if match:
                db.execute("INSERT INTO matched SELECT rowid FROM docs WHERE docs MATCH ?", (match,))
            else:
                db.execute("INSERT INTO matched SELECT docid FROM meta")
        except sqlite3.OperationalError:  # a query FTS5 cannot parse finds nothing
            pass
        year_filter, year_args = _in_filter("year", "year", query.years)
        partner_filter, partner_args = _in_filter("partner", "partner", query.partners)
        total = db.execute(f"SELECT count(*) FROM matched m WHERE 1 {year_filter} {partner_filter}",
                           year_args + partner_args).fetchone()[0]
        years = dict(db.execute(f"SELECT y.year, count(*) FROM matched m JOIN year y ON y.docid = m.docid "
                                f"WHERE 1 {partner_filter} GROUP BY y.year", partner_args))
        partners = dict(db.execute(f"SELECT p.partner, count(*) AS n FROM matched m JOIN partner p ON p.docid = m.docid "
                                   f"WHERE 1 {year_filter} GROUP BY p.partner ORDER BY n DESC LIMIT {FACET_LIMIT}",
                                   year_args))
        if match:
            hits = db.execute(
                f"SELECT meta.id, snippet(docs, 1, '<mark>', '</mark>', '…', {SNIPPET_WORDS}) FROM docs "
                f"JOIN meta ON meta.docid = docs.rowid WHERE docs MATCH ? "
                f"{year_filter.replace('m.docid', '+docs.rowid')} {partner_filter.replace('m.docid', '+docs.rowid')} "
                f"ORDER BY rank LIMIT 10", [match] + year_args + partner_args).fetchall()
        else:
            hits = db.execute(
                f"SELECT meta.id, substr(docs.body, 1, 240) FROM meta JOIN docs ON docs.rowid = meta.docid "
                f"WHERE 1 {year_filter.replace('m.docid', 'meta.docid')} {partner_filter.replace('m.docid', 'meta.docid')} "
                f"ORDER BY meta.day DESC LIMIT 10", year_args + partner_args).fetchall()
        return Answer(total, hits, years, partners)


def _in_filter(table: str, column: str, values: tuple) -> tuple[str, list]:
    if not values:
        return "", []
    marks = ", ".join("?" * len(values))
    return f"AND m.docid IN (SELECT docid FROM {table} WHERE {column} IN ({marks}))", list(values)


class Tantivy:
    name = "Tantivy"

    def __init__(self, folder: Path):
        self.path = folder / "tantivy"
        self.index = None

    @staticmethod
    def version() -> str:
        import tantivy

        return tantivy.__version__ if hasattr(tantivy, "__version__") else "tantivy"

    @staticmethod
    def schema():
        import tantivy

        builder = tantivy.SchemaBuilder()
        builder.add_text_field("id", stored=True, tokenizer_name="raw")
        builder.add_text_field("title", stored=True)
        builder.add_text_field("body", stored=True)
        builder.add_integer_field("day", fast=True, indexed=False)
        builder.add_integer_field("year", fast=True, indexed=True)
        builder.add_text_field("partner", fast=True, tokenizer_name="raw", index_option="basic")
        return builder.build()

    def build(self, docs: list[BenchDoc]) -> dict:
        import tantivy

        shutil.rmtree(self.path, ignore_errors=True)
        self.path.mkdir(parents=True)
        started, cpu = time.perf_counter(), time.process_time()
        index = tantivy.Index(self.schema(), path=str(self.path))
        writer = index.writer(heap_size=256_000_000)
        for doc in docs:
            writer.add_document(tantivy.Document(id=doc.id, title=doc.title, body=doc.body, day=doc.day,
                                                 year=list(doc.years), partner=list(doc.partners)))
        writer.commit()
        writer.wait_merging_threads()
        seconds = time.perf_counter() - started
        return {"docs": len(docs), "seconds": seconds, "docs_per_s": len(docs) / seconds,
                "cpu_seconds": time.process_time() - cpu, "bytes": dir_bytes(self.path)}

    def open(self) -> None:
        import tantivy

        self.index = tantivy.Index.open(str(self.path))
        self.index.reload()
        self.schema_ = self.index.schema
        self.searcher = self.index.searcher()

    @staticmethod
    def syntax(text: str) -> tuple[str, list[str]]:
        """The query in Tantivy's language, and the prefixes apart: its parser drops the `*` of `word*`."""
        rendered = {"phrase": lambda t: '"' + t + '"', "or": lambda t: "OR", "word": lambda t: re.sub(r"[^\w]", " ", t).strip()}
        items = query_items(text)
        parsed = " ".join(r for r in (rendered[kind](value) for kind, value in items if kind != "prefix") if r)
        return parsed, [value.lower() for kind, value in items if kind == "prefix"]

    def _prefix(self, prefix: str):
        import tantivy

        pattern = re.escape(prefix) + ".*"
        return tantivy.Query.boolean_query([(tantivy.Occur.Should, tantivy.Query.regex_query(self.schema_, field, pattern))
                                            for field in ("title", "body")])

    def _any_of(self, field: str, values: tuple):
        import tantivy

        return tantivy.Query.boolean_query(
            [(tantivy.Occur.Should, tantivy.Query.term_query(self.schema_, field, value)) for value in values])

    def _and(self, *queries):
        import tantivy

        parts = [q for q in queries if q is not None]
        return parts[0] if len(parts) == 1 else tantivy.Query.boolean_query([(tantivy.Occur.Must, q) for q in parts])

    def search(self, query: Query) -> Answer:
        import tantivy

        text, prefixes = self.syntax(query.q)
        parts = [self._prefix(prefix) for prefix in prefixes]
        if text:
            parts.append(self.index.parse_query_lenient(text, ["title", "body"], field_boosts={"title": TITLE_BOOST},
                                                        conjunction_by_default=True)[0])
        parsed = self._and(*parts) if parts else tantivy.Query.all_query()
        text = bool(parts)
        in_years = self._any_of("year", query.years) if query.years else None
        in_partners = self._any_of("partner", query.partners) if query.partners else None
        searcher = self.searcher
        if text:
            result = searcher.search(self._and(parsed, in_years, in_partners), limit=10, count=True)
        else:
            result = searcher.search(self._and(parsed, in_years, in_partners), limit=10, count=True,
                                     order_by_field="day")
        years = searcher.aggregate(self._and(parsed, in_partners), {"f": {"terms": {"field": "year", "size": 100}}})
        partners = searcher.aggregate(self._and(parsed, in_years),
                                      {"f": {"terms": {"field": "partner", "size": FACET_LIMIT}}})
        hits = []
        generator = tantivy.SnippetGenerator.create(searcher, parsed, self.schema_, "body") if text else None
        for _, address in result.hits:
            doc = searcher.doc(address)
            if generator:
                snippet = generator.snippet_from_doc(doc).to_html()
            else:
                snippet = doc["body"][0][:240]
            hits.append((doc["id"][0], snippet))
        return Answer(result.count, hits, _buckets(years), _buckets(partners))


def _buckets(aggregation: dict) -> dict:
    return {bucket["key"]: bucket["doc_count"] for bucket in aggregation["f"]["buckets"]}


PEERS = (Fts5, Tantivy)
