"""The small site the kg seo tests build, with Jekyll and without.

A Swedish/English site under a ``baseurl`` (so URLs are joined once), in
Europe/Stockholm time: a post with a time in UTC, a modification date without
an offset, an image and themes; a date-only post whose title is too long for a
headline; a project in two languages with a client in the registry (the
European Commission, which has a Wikidata QID), a partner, a funder, years
and a platform; a theme; and a home page Jekyll builds but kg does not read.
The layout puts jekyll-seo-tag's ``{% seo %}`` and kg's include in ``<head>``.
"""

from __future__ import annotations

BASE = "https://example.org/lab"

LONG_TITLE = ("Göteborg samlar hela stadens medborgardialog, alla förvaltningar och bolag, på en enda gemensam "
              "plattform byggd på Decidim i år")

CONFIG = """\
    title: Exempellabbet
    description: Ett demokratilabb i Göteborg.
    url: https://example.org
    baseurl: /lab
    lang: sv
    timezone: Europe/Stockholm
    logo: /assets/logo.png
    author: Exempellabbet
    permalink: /:title/
    social:
      links:
      - https://github.com/exempellabbet
    collections:
      clients:
        output: true
        permalink: /:title/
      themes:
        output: true
        permalink: /:title/
    defaults:
    - scope:
        path: ''
        type: posts
      values:
        permalink: /news/:title/
    - scope:
        path: ''
      values:
        layout: default
    plugins:
    - jekyll-seo-tag
    """

LAYOUT = """\
    <!DOCTYPE html>
    <html lang="{{ page.lang | default: site.lang }}">
    <head>
    <meta charset="utf-8">
    {% seo %}
    {% include kg-jsonld.html %}
    </head>
    <body>
    {{ content }}
    </body>
    </html>
    """

FILES: dict[str, str] = {
    "_config.yml": CONFIG,
    "_layouts/default.html": LAYOUT,
    "index.md": """\
        ---
        title: Exempellabbet
        ---
        Välkommen.
        """,
    "_posts/2021-05-11-budget-online.md": """\
        ---
        lang: en
        date: 2021-05-11 09:22:23 +0000
        last_modified_at: 2021-06-01 10:00:00
        title: Chicago takes its participatory budget online with Decidim
        excerpt: We help Chicago run its participatory budget on Decidim.
        image: /uploads/budget online.jpg
        categories:
        - _themes/budget.md
        clients:
        - _clients/eu-project-en.md
        ---
        The work in Chicago runs on [Decidim](https://decidim.org/).
        """,
    "_posts/2025-04-10-plattform.md": f"""\
        ---
        title: {LONG_TITLE}
        excerpt: Alla förvaltningar i Göteborg har nu en gemensam plattform.
        ---
        Plattformen bygger på Decidim.
        """,
    "_clients/eu-project.md": """\
        ---
        lang: sv
        ref: eu-project
        title: Ett EU-projekt om delaktighet
        excerpt: Vi hjälpte kommissionen att pröva digital delaktighet.
        client: Europeiska kommissionen
        partners:
        - Open Source Politics
        funding: Nordforsk
        year: 2019-2021
        categories:
        - _themes/budget.md
        links:
        - title: Decidim
          url: https://decidim.org/
        ---
        Projektet körde på Decidim.
        """,
    "_clients/eu-project-en.md": """\
        ---
        lang: en
        ref: eu-project
        title: An EU project on participation
        excerpt: We helped the Commission try digital participation.
        client: European Commission
        partners:
        - Open Source Politics
        funding: Nordforsk
        year: 2019-2021
        categories:
        - _themes/budget.md
        ---
        The project ran on Decidim.
        """,
    "_themes/budget.md": """\
        ---
        ref: budget
        title: Medborgarbudget
        excerpt: Vi designar medborgarbudgetar.
        ---
        Om medborgarbudgetar.
        """,
}
