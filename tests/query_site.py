"""The small site the query tests ask questions of, and what is true of it.

Four projects and two posts, written so that every bundled query has a few
rows whose answer can be read off the front matter below:

=========  ==================================  ===========================  ===============  ============
project    client                              partners                     funder           year
=========  ==================================  ===========================  ===============  ============
alpha      Exempel kommun (site registry, Q1)  Open Source Politics         –                2020-2021
beta       Chalmers                            Open Source Politics, Nesta  Nordforsk        2021
gamma      Nesta                               –                            –                2022 – ongoing
delta      Chalmers  (published: false)        Exempel kommun               –                2019
omega      (only named in a post's clients:, no file: dangling)
=========  ==================================  ===========================  ===============  ============

alpha links to decidim.org (platform Decidim) and is about the themes budget
and decidim; beta is about budget. The post of 2021-03-01 is about budget and
links to Open Source Politics; the post of 2022-05-01 is about budget and decidim
and links to Nesta. The site's own organisation is "Exempellabbet".
"""

SITE_FILES = {
    "_data/kg/registry.yml": """
        organisations:
          exempel-kommun:
            name: {sv: Exempels kommun, en: Municipality of Exempel}
            aliases: [Exempel kommun]
            kind: municipality
            wikidata: Q1
        """,
    "_themes/budget.md": """
        ---
        title: Participatory budgeting
        ref: budget
        lang: en
        ---
        Budgets.
        """,
    "_themes/decidim.md": """
        ---
        title: Decidim
        ref: decidim
        lang: en
        ---
        Decidim.
        """,
    "_clients/alpha.md": """
        ---
        title: Alpha
        lang: en
        ref: alpha
        client: Exempel kommun
        partners: [Open Source Politics]
        year: 2020-2021
        categories: [_themes/budget.md, _themes/decidim.md]
        links:
        - title: Decidim
          url: https://decidim.org/
        ---
        Alpha.
        """,
    "_clients/beta.md": """
        ---
        title: Beta
        lang: en
        ref: beta
        client: Chalmers
        partners: [Open Source Politics, Nesta]
        funding: Nordforsk
        year: 2021
        categories: [_themes/budget.md]
        ---
        Beta.
        """,
    "_clients/gamma.md": """
        ---
        title: Gamma
        lang: en
        ref: gamma
        client: Nesta
        year: 2022 - pågående
        ---
        Gamma.
        """,
    "_clients/delta.md": """
        ---
        title: Delta
        lang: en
        ref: delta
        published: false
        client: Chalmers
        partners: [Exempel kommun]
        year: 2019
        ---
        Delta.
        """,
    "_posts/2021-03-01-osp.md": """
        ---
        title: Working with Open Source Politics
        lang: en
        categories: [_themes/budget.md]
        clients: [_clients/alpha.md, _clients/omega.md]
        links:
        - title: OSP
          url: https://opensourcepolitics.eu/
        ---
        News.
        """,
    "_posts/2022-05-01-nesta.md": """
        ---
        title: Nesta and us
        lang: en
        categories: [_themes/budget.md, _themes/decidim.md]
        links:
        - title: Nesta
          url: https://www.nesta.org.uk/
        ---
        More news.
        """,
}

ORG = "https://example.org/kg/organisation/"
PROJECT = "https://example.org/kg/project/"
THEME = "https://example.org/kg/theme/"
