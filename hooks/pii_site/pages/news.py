"""The news list (newest first) and one page per news post from data/news/."""

from __future__ import annotations

from pii_site.i18n import urls
from pii_site.model.plan import Plan
from pii_site.render.templating import GeneratedPage, render
from pii_site.source.news import plain_summary


def pages(plan: Plan, lang: str) -> list[GeneratedPage]:
    summaries = {post.slug: plain_summary(post, lang) for post in plan.news}
    result = [
        GeneratedPage(
            urls.NEWS,
            render("news.md.j2", urls.NEWS, lang, news=plan.news, summaries=summaries, urls=urls),
            "data/news/README.md",
        )
    ]
    for post in plan.news:
        path = urls.news_page(post.slug)
        markdown = render("news_post.md.j2", path, lang, post=post, urls=urls)
        result.append(GeneratedPage(path, markdown, post.data_file, summaries[post.slug]))
    return result
