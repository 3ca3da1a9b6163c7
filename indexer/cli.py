"""`python -m indexer build` and `python -m indexer search`."""
import html
import json
import re
import sys
from pathlib import Path

import click

from indexer.engine import BuildError, Engine, IndexMissing, build, progress
from indexer.request import SORTS, InvalidRequest, SearchRequest
from indexer.settings import DEFAULTS, index_dir

_MARK = re.compile(r"<mark>(.*?)</mark>", re.S)


@click.group(help="Azərbaycan dilində sənədlər üçün tam mətn axtarışı.")
def main():
    pass


@main.command("build", help="Korpus qovluqlarındakı sənədləri indeksləyir.")
@click.option("--corpus", "corpora", multiple=True, type=click.Path(path_type=Path),
              help="Sənəd qovluğu (bir neçə dəfə verilə bilər). Susmaya görə: corpus/.")
@click.option("--index", "index_path", type=click.Path(path_type=Path), help="İndeks qovluğu. Susmaya görə: index/ və ya INDEX_DIR.")
@click.option("--full", is_flag=True, help="Bütün faylları yenidən indeksləyir (susmaya görə yalnız dəyişənlər).")
def build_command(corpora, index_path, full):
    def report(path: str, reason: str) -> None:
        click.echo(f"buraxıldı: {path}: {reason}", err=True)

    try:
        summary = build(list(corpora) or [DEFAULTS["CORPUS_DIR"]], index_path or index_dir(), report,
                        full=full, progress=progress.for_stderr())
    except BuildError as error:
        raise click.ClickException(str(error)) from None
    click.echo(summary.line())


@main.command("search", help="İndeksdə axtarır.")
@click.argument("query", default="")
@click.option("--index", "index_path", type=click.Path(path_type=Path), help="İndeks qovluğu.")
@click.option("--year", "years", multiple=True, help="İl süzgəci (bir neçə dəfə verilə bilər).")
@click.option("--partner", "partners", multiple=True, help="Tərəfdaş süzgəci: ad və ya qısaltma.")
@click.option("--page", default="1", help="Səhifə nömrəsi.")
@click.option("--per-page", default=str(DEFAULTS["PER_PAGE"]), help="Səhifədəki nəticə sayı (1-100).")
@click.option("--sort", type=click.Choice(SORTS), default="relevance", help="Sıralama.")
@click.option("--json", "as_json", is_flag=True, help="Nəticəni /api/search kimi JSON şəklində verir.")
def search_command(query, index_path, years, partners, page, per_page, sort, as_json):
    try:
        request = SearchRequest.from_params(q=query, years=years, partners=partners, page=page, per_page=per_page, sort=sort)
        result = Engine(index_path or index_dir()).search(request)
    except (InvalidRequest, IndexMissing) as error:
        raise click.ClickException(str(error)) from None
    if as_json:
        click.echo(json.dumps(result, ensure_ascii=False, indent=2))
    else:
        _print_results(result)


def _print_results(result: dict) -> None:
    click.echo(f"{result['total']} nəticə ({result['took_ms']} ms)")
    first = (result["page"] - 1) * result["per_page"]
    for number, hit in enumerate(result["hits"], first + 1):
        click.echo()
        click.echo(click.style(f"{number}. {hit['title']}", bold=True) + (f"  [{hit['date']}]" if hit["date"] else ""))
        click.echo(f"   {_terminal_text(hit['snippet'])}")
        details = [hit["id"]] + ([", ".join(hit["partners"])] if hit["partners"] else [])
        click.echo(click.style("   " + " · ".join(details), dim=True))
    for facet, label in (("year", "İllər"), ("partner", "Tərəfdaşlar")):
        values = ", ".join(f"{v['value']} ({v['count']})" for v in result["facets"][facet])
        if values:
            click.echo(f"\n{label}: {values}")


def _terminal_text(snippet_html: str) -> str:
    """A snippet for the terminal: marks in bold, entities decoded."""
    return html.unescape(_MARK.sub(lambda m: click.style(m.group(1), bold=True, underline=True), snippet_html))


if __name__ == "__main__":
    sys.exit(main())
