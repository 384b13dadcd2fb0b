"""What a site's collections and front-matter keys mean, when its maintainer has not said.

The one declared table the code, the tests and the README read: collection names
(in the languages civic-tech sites are written in) → class, fact → the front-matter
keys that hold it, the layout keys Jekyll themes use (known, never reported), and
Jekyll's own folders (never content). A maintainer's mapping (``kg:`` in
``_config.yml`` or ``_data/kg/mapping.yml``, see :mod:`kg.load.mapping`) wins over all
of it.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

from kg.fold import ascii_fold

#: What a front-matter key can mean (the left-hand side of a mapping's ``keys``).
FACTS = ("name", "client", "partners", "funder", "years", "platform", "themes", "role", "organisation")


@dataclass(frozen=True)
class DocumentClass:
    """What a collection's documents can be: the mapper that reads one, and the facts it reads."""

    name: str
    mapper: str | None
    """``module:function(ctx, doc)`` that maps one document of the class (:mod:`kg.map`); ``None`` maps nothing."""
    facts: tuple[str, ...]
    """The facts (:data:`FACTS`) its mapper reads; their front-matter keys are :data:`FACT_KEYS`' (or the
    mapping's). The rest of a document's keys are its page's."""
    records: bool = False
    """Whether a data file's records (``_data/projects.yml``: a list of records) may be of it."""


#: Every class of document, its mapper and the facts it reads: the one table ``kg build``, the mapping's
#: checks, ``--explain`` and the tests read (a new class is a new row and its mapper; see docs/extending.md).
DOCUMENT_CLASSES: tuple[DocumentClass, ...] = (
    DocumentClass("project", "kg.map.site:map_project_page",
                  ("name", "client", "partners", "funder", "years", "platform", "themes"), records=True),
    DocumentClass("person", "kg.map.crew:map_person", ("name", "role", "organisation"), records=True),
    DocumentClass("theme", "kg.map.themes:map_theme", ("name",)),
    DocumentClass("post", "kg.map.posts:map_post", ("themes",)),
    DocumentClass("page", "kg.map.site:map_plain_page", ("name",)),
    DocumentClass("organisation", "kg.map.entities:map_organisation", ("name",), records=True),
    DocumentClass("event", "kg.map.entities:map_event", ("name",)),
    DocumentClass("job", "kg.map.entities:map_job", ("name",)),
    DocumentClass("ignore", None, (), records=True),
)
#: What a collection's documents can be.
CLASSES = tuple(c.name for c in DOCUMENT_CLASSES)
#: The classes a data file's records may have.
RECORD_CLASSES = tuple(c.name for c in DOCUMENT_CLASSES if c.records)
#: Which facts are read for each class (the rest of a document's keys are its page's).
FACTS_OF: dict[str, tuple[str, ...]] = {c.name: c.facts for c in DOCUMENT_CLASSES}

#: Collection names, by class (compared with case, accents, ``-``, ``_`` and a plural ``s`` folded).
COLLECTION_NAMES: dict[str, tuple[str, ...]] = {
    "project": ("projects", "project", "work", "works", "cases", "case-studies", "case-study", "clients",
                "uppdrag", "projekt", "projekte", "projets", "projet", "proyectos", "proyecto", "progetti",
                "progetto", "projecten", "portfolio", "programmes", "programme", "programs", "program",
                "programas", "réalisations", "prosjekt", "prosjekter", "prosjekta", "oppdrag", "opdrag",
                "projektid", "verkefni", "projektai", "projektas", "projekty", "projektek", "proiecte", "proiect",
                "projektit", "hankkeet", "hanke", "projetos", "projeto", "projectes", "projecte", "projekti"),
    "person": ("team", "crew", "people", "staff", "board", "members", "équipe", "equipo", "personal",
               "personen", "persone", "medarbetare", "medewerkers", "mitarbeiter", "mitarbeitende", "ansatte",
               "henkilöstö", "tiimi", "styrelse", "vorstand", "bestuur", "trustees", "fellows", "volunteers",
               "authors", "speakers", "employees", "membres", "miembros", "mitglieder", "medlemmar", "folk",
               "medarbeidere", "tilsette", "starfsfolk", "meeskond", "komanda", "tym", "csapat", "echipa",
               "zespol", "equipa", "munkatarsak", "pracovnici"),
    "theme": ("themes", "topics", "services", "areas", "focus-areas", "tjänster", "tjanst", "teman",
              "thématiques", "themen", "thema", "temas", "tema", "expertise", "leistungen", "servicios",
              "diensten", "palvelut", "temaer", "teemad", "temos", "temata", "temak", "teme", "tematy",
              "tenjes", "temes"),
    "post": ("posts", "drafts", "news", "blog", "articles", "nyheter", "aktuellt", "actualités", "noticias",
             "nachrichten", "aktuelles", "notizie", "nieuws", "uutiset", "updates", "blogg", "innlegg",
             "nyheiter", "uudised", "frettir", "naujienos", "novinky", "aktuality", "hirek", "stiri", "noutati",
             "aktualnosci", "noticies", "artigos", "blogi"),
    "event": ("events", "évènements", "événements", "evenements", "veranstaltungen", "eventos", "evenemang",
              "eventi", "evenementen", "tapahtumat", "workshops", "webinars", "conferences"),
    "job": ("jobs", "careers", "vacancies", "lediga-jobb", "jobb", "emplois", "offres-d-emploi", "stellen",
            "stellenangebote", "empleo", "empleos", "vacatures", "karriär", "lavora-con-noi"),
    "organisation": ("partners", "partenaires", "organisations", "organizations", "sponsors", "funders",
                     "supporters", "allies", "samarbetspartners", "networks", "socios", "aliados", "financeurs",
                     "förderer", "geldgeber"),
    "ignore": ("sections", "snippets", "partials", "components", "i18n", "translations", "assets", "uploads"),
}
#: Names that mean something else for a data file: ``_data/clients.yml`` lists client organisations
#: (their logos, usually), where a ``_clients`` collection holds the site's project pages.
DATA_NAMES: dict[str, str] = {"clients": "organisation"}
#: Words that join or qualify collection names (``team_and_board``, ``our_work``, ``past-projects``).
NAME_FILLERS = ("and", "och", "og", "und", "et", "y", "e", "en", "our", "the", "my", "all", "past", "current",
                "previous", "recent", "featured", "selected", "other", "nos", "notre", "nuestros", "unsere",
                "våra", "vara", "tidigare", "aktuella", "alla",
                "sv", "fr", "de", "es", "it", "nl", "da", "no", "fi", "pt")  # language suffixes: projects_en

#: Fact → the front-matter keys that hold it when nothing is said (first present key first).
FACT_KEYS: dict[str, tuple[str, ...]] = {
    "name": ("title", "name"),
    "client": ("client", "clients", "customer", "customers", "commissioner", "kund", "uppdragsgivare",
               "beställare", "auftraggeber", "cliente", "klant", "opdrachtgever", "commanditaire", "tilaaja",
               "oppdragsgiver", "opdragsgiver", "bestiller", "tellija", "verkkaupi", "užsakovas", "zadavatel",
               "objednatel", "megrendelő", "beneficiar", "zleceniodawca", "klient", "klientas"),
    "partners": ("partners", "partner", "partenaires", "partner_organisations", "partner_organizations",
                 "samarbetspartners", "samarbetspartner", "partnerorganisationen", "socios", "partnere",
                 "samarbeidspartnere", "partnerit", "partnerid", "samstarfsaðilar", "partneriai", "partneri",
                 "partnerek", "parteneri", "partnerzy", "parceiros", "socis", "aliats"),
    "funder": ("funding", "funder", "funders", "funded_by", "financier", "finansiär", "financement", "förderer",
               "financiador", "geldgeber", "sponsor", "sponsors", "finansiering", "finansiert_av", "rahastaja",
               "rahoittaja", "rahoitus", "fjármögnun", "styrktaraðili", "finansuotojas", "rėmėjas", "financování",
               "poskytovatel", "támogató", "finanszírozó", "finanțator", "finanțare", "finansowanie",
               "grantodawca", "financiamento", "financament"),
    "years": ("year", "years", "period", "date_range", "période", "periode", "durée", "année", "années", "zeitraum",
              "jahr", "jahre", "periodo", "año", "años", "anno", "år", "projektperiod", "aasta", "periood",
              "ár", "tímabil", "metai", "laikotarpis", "rok", "období", "időszak", "perioada", "perioadă",
              "okres", "vuosi", "ajanjakso", "anys"),
    "platform": ("platform", "platforms", "tool", "tools", "software", "plattform", "plateforme", "plataforma",
                 "verktøy", "verktyg", "tööriist", "platvorm", "verkfæri", "įrankis", "platforma", "nástroj",
                 "eszköz", "instrument", "narzędzie", "alusta", "työkalu", "eina"),
    "themes": ("categories", "themes", "topics", "tags", "theme", "topic"),
    "role": ("role", "job", "position", "title_role", "jobtitle", "job_title", "befattning", "roll", "poste",
             "funktion", "fonction", "cargo", "rol", "ruolo", "tehtävä", "stilling", "ametikoht", "starf",
             "pareigos", "pozice", "pozícia", "beosztás", "funcție", "funcția", "stanowisko", "função", "càrrec"),
    "organisation": ("organisation", "organization", "employer", "affiliation", "company", "arbetsgivare",
                     "employeur", "arbeitgeber"),
}
FACT_KEYS = {fact: tuple(dict.fromkeys(form for key in keys for form in (key, ascii_fold(key))))
             for fact, keys in FACT_KEYS.items()}
"""Each key also without its diacritics ("fjarmognun" for "fjármögnun"), as sites write them too."""
#: Keys read for a fact only in one form: ``clients:`` on a post holds paths of project files (references),
#: on a project the names of its clients; ``categories`` and ``tags`` are Jekyll's own words unless they
#: are paths of theme files.
ONLY_TEXT: frozenset[tuple[str, str]] = frozenset({("client", "clients")})
ONLY_PATHS: frozenset[tuple[str, str]] = frozenset({("themes", "categories"), ("themes", "tags")})
#: The facts that make a document a project wherever it is (Digidem Lab's ``client``/``partners``/``year``).
PROJECT_FACTS = ("client", "partners", "years")
#: The facts that make a document a person, and so a collection of them a team.
PERSON_FACTS = ("role",)

#: Share of a collection's documents that must carry project (or person) keys for the collection to be
#: read as projects (or persons) when its name says nothing.
BY_KEYS_SHARE = 0.5
#: Share of titles that must look like a person's name (and at least this many documents).
BY_TITLES_SHARE, BY_TITLES_AT_LEAST = 0.8, 3
#: Words that make a title something other than a person's name ("Annual Report", "Our Mission").
NOT_NAME_WORDS = frozenset({
    "about", "annual", "report", "reports", "mission", "vision", "history", "contact", "our", "the", "and", "of",
    "for", "in", "with", "to", "a", "an", "on", "at", "by", "from", "new", "news", "project", "projects", "team",
    "board", "policy", "privacy", "terms", "program", "programme", "digital", "open", "data", "city", "school",
    "day", "week", "how", "what", "why", "who", "we", "us", "is", "are", "guide", "values", "strategy",
})

#: Layout and presentation keys of Jekyll itself, its common plugins and the popular themes (Minimal
#: Mistakes, Jekyll Now, Beautiful Jekyll, al-folio, Just the Docs, Chirpy …): known, never mapped,
#: never reported as unknown.
LAYOUT_KEYS = frozenset({
    # Jekyll and its plugins (jekyll-seo-tag, -sitemap, -redirect-from, -feed, -paginate, -archives)
    "render_with_liquid", "excerpt_separator", "locale", "noindex", "robots", "pagination", "paginate",
    "feed", "collection", "draft", "type", "aliases", "lastmod", "last_modified_date", "priority",
    "changefreq",
    # the look of a page
    "short_title", "subtitle", "sub_title", "comments", "light_image", "dark_image", "hero", "hero_image",
    "header", "sidebar", "toc", "toc_label", "toc_icon", "toc_sticky", "classes", "class", "nav", "nav_order",
    "show_date", "share", "related", "author_profile", "read_time", "og_image", "feature_image",
    "featured_image", "cover", "cover_image", "color", "colour", "background", "background_image", "teaser",
    "banner", "splash", "overlay_image", "overlay_color", "overlay_filter", "entries_layout", "show_excerpts",
    "sort_by", "sort_order", "taxonomy", "feature_row", "gallery", "actions", "tagline", "words_per_minute",
    "search", "breadcrumbs", "page_css", "page_js", "css", "js", "ext-css", "ext-js", "mathjax", "math",
    "katex", "mermaid", "chart", "highlight", "full-width", "full_width", "wide", "width", "style",
    "theme_color", "hide_title", "hide_footer", "show_title", "show_in_menu", "show_tile", "show_sidebar",
    "menu_title", "position_in_menu", "icon_class", "emoji", "alt", "caption", "image_alt",
    "image_caption", "image_credit", "photo_credit", "credit", "thumbnail_alt", "social_image", "share_image",
    # Beautiful Jekyll
    "cover-img", "thumbnail-img", "share-img", "share-title", "share-description", "readtime", "show-avatar",
    "social-share", "nav-short", "gh-repo", "gh-badge", "last-updated", "before-content", "after-content",
    "head-extra", "footer-extra", "language", "bigimg",
    # al-folio
    "giscus_comments", "disqus_comments", "related_posts", "related_publications", "pretty_table", "img",
    "importance", "category", "dropdown", "children", "display_categories", "horizontal", "profile",
    "selected_papers", "social", "announcements", "latest_posts", "distill", "bibliography", "_styles",
    "tikzjax", "typograms", "code_diff", "map", "redirect", "giscus",
    # Just the Docs
    "parent", "grand_parent", "ancestor", "has_children", "has_toc", "nav_exclude", "search_exclude",
    "child_nav_order", "nav_enabled", "nav_fold",
    # Chirpy and others
    "pin", "math_enabled", "media_subpath", "render_with_toc", "published_at", "updated", "hide",
    "lead", "kicker", "eyebrow", "button", "buttons", "cta", "call_to_action", "section", "sections",
    "template", "body_class", "container", "columns", "grid", "order_by", "weight_in_menu",
})

#: Folders of Jekyll itself, its plugins and its themes: never collections of content.
JEKYLL_FOLDERS = frozenset({
    "_layouts", "_includes", "_sass", "_scss", "_site", "_data", "_plugins", "_drafts", "_posts", "_config",
    "_assets", "_i18n", "_bibliography", "_cache", "_bin", "_scripts", "_templates", "_vendor", "_tmp",
    "_build", "_js", "_css", "_fonts", "_img", "_images", "_icons", "_sources", "_site_dev",
})
#: Collections read even when ``_config.yml`` does not list them: Jekyll's posts, and the folders of
#: Digidem Lab's site (a site without ``_config.yml`` still holds its project pages).
ALWAYS_READ = ("posts", "clients", "themes", "crew")
#: The label of the site's pages: files with front matter outside every ``_folder`` (``about.md``,
#: ``en/contact.html``), which Jekyll renders as pages (``site.pages``).
SITE_PAGES = "pages"
#: What Jekyll never reads as pages, besides names starting with ``.``, ``_``, ``#`` or ``~``
#: (its default ``exclude:``, and kg's own output folder).
NOT_PAGES = frozenset({"node_modules", "vendor", "gemfiles", "Gemfile", "Gemfile.lock", "output"})

_SEPARATORS = re.compile(r"[\s_\-+&.]+")


def fold(word: str) -> str:
    """A name as it is compared: lowercase, accents and separators gone (``Équipe`` → ``equipe``)."""
    decomposed = unicodedata.normalize("NFKD", word.lower())
    plain = "".join(c for c in decomposed if not unicodedata.combining(c))
    return _SEPARATORS.sub("", plain)


def _forms(word: str) -> set[str]:
    """A folded word and its singular (``studies`` → ``study``, ``cases`` → ``case``)."""
    out = {word}
    if word.endswith("ies") and len(word) > 4:
        out.add(word[:-3] + "y")
    if word.endswith("es") and len(word) > 4:
        out.add(word[:-2])
    if word.endswith("s") and len(word) > 3:
        out.add(word[:-1])
    return out


_BY_WORD: dict[str, str] = {}
for _cls, _words in COLLECTION_NAMES.items():
    for _word in _words:
        for _form in _forms(fold(_word)):
            _BY_WORD.setdefault(_form, _cls)
_FILLERS = {fold(w) for w in NAME_FILLERS}


def class_of_name(label: str) -> tuple[str | None, list[str]]:
    """The class a collection's name means, and the words that said it (``team_and_board`` →
    ``("person", ["team", "board"])``); ``(None, [])`` when the name says nothing or words disagree."""
    whole = fold(label)
    for form in sorted(_forms(whole)):
        if form in _BY_WORD:
            return _BY_WORD[form], [label]
    words = [w for w in _SEPARATORS.split(unicodedata.normalize("NFC", label.lower())) if w]
    classes, said = set(), []
    for word in words:
        folded = fold(word)
        if folded in _FILLERS:
            continue
        found = next((_BY_WORD[f] for f in sorted(_forms(folded)) if f in _BY_WORD), None)
        if found is None:
            return None, []  # a word kg does not know ("board_minutes" is no team)
        classes.add(found)
        said.append(word)
    if len(classes) == 1:
        return classes.pop(), said
    return None, []


def is_path(value: str) -> bool:
    """Whether a front-matter value names a file of the site (``_themes/x.md``) rather than a word."""
    return "/" in value or value.lower().endswith((".md", ".markdown", ".html", ".htm"))
