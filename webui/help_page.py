"""The help page: the query syntax, in Azerbaijani, with examples that run."""
from flask import Blueprint, render_template, url_for

bp = Blueprint("help", __name__)

EXAMPLES = (
    ("ombudsman Pakistan", "Bütün sözlər olan sənədlər. Heç bir sənəddə hamısı yoxdursa, ən yaxın nəticələr göstərilir."),
    ('"insan hüquqları"', "Dəqiq ifadə; sözlərin hallanmış formaları da tapılır (insan hüquqlarının)."),
    ("Pakistan OR Türkiyə", "Sözlərdən biri olan sənədlər. OR böyük hərflərlə yazılır."),
    ("(Çin OR Pakistan) seminar", "Mötərizə sözləri qruplaşdırır."),
    ("ombudsman -Çin", "Mənfi işarəli sözü olan sənədlər çıxarılır; NOT Çin də eynidir."),
    ("əməkdaş*", "Bu hissə ilə başlayan bütün sözlər (* işarəsindən əvvəl ən azı 2 hərf)."),
    ("başlıq:memorandum", "Yalnız başlıqlarda axtarır; title:memorandum da olar, ifadə ilə də: başlıq:\"insan hüquqları\"."),
    ("emekdasliq", "Azərbaycan hərfləri olmadan yazılmış söz də tapılır (əməkdaşlıq)."),
)


@bp.get("/help")
def help_page():
    examples = [{"query": q, "explanation": e, "url": url_for("search.index", q=q)} for q, e in EXAMPLES]
    return render_template("help/help.html", examples=examples)
