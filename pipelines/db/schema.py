"""The archive's names: tables, the columns code reads by name, JSON columns and FTS settings. Every
other module names a table through these constants; the tables themselves are created by
``pipelines.db.migrations``.

Every time stored in the archive derives from a page's fetch time (never the wall clock), so
rebuilding the articles from the stored pages (``meetarchive reparse``) gives identical rows.
"""

PAGES = "pages"
ARTICLES = "articles"
REVISIONS = "article_revisions"
REJECTS = "rejects"
ARTICLES_FTS = f"{ARTICLES}_fts"
MEETS = "meets"
RESULT_DOCS = "result_documents"
RESULT_EVENTS = "result_events"
RESULTS = "results"
RESULTS_FTS = f"{RESULTS}_fts"
# Results: FTS over the names people search for; row columns holding lists/dicts (JSON text).
RESULTS_FTS_COLUMNS = ("athlete", "team", "members")
RESULT_JSON_COLUMNS = (
    "flags",
    "relay_members",
    "attempts",
    "splits",
    "detail",
    "raw",
    "audit_flags",
)
# A results document's audit (scraper.results.audit): its verdicts and the columns holding it.
VERDICTS = ("parsed", "partial", "unparsed")
RESULT_DOC_AUDIT = (
    "verdict",
    "coverage",
    "result_lines",
    "covered_lines",
    "flagged_rows",
    "audit_reasons",
)
# Full-text search: columns in this order, with these bm25 weights (headline above body).
FTS_COLUMNS = ("headline", "dek", "authors", "body")
FTS_WEIGHTS = (10.0, 4.0, 3.0, 1.0)
FTS_TOKENIZE = "porter unicode61 remove_diacritics 2"
# Article columns holding lists/dicts, stored as JSON text.
JSON_COLUMNS = ("authors", "agencies", "tags", "signals", "results")
ATHLETE_JSON_COLUMNS = ("teams",)  # athletes: the teams seen, a JSON list of strings
# The text a revision keeps; the content hash is computed over these fields.
REVISION_FIELDS = ("headline", "dek", "authors", "body", "published_at")

# Crawl runs (scraper.crawl.runs) and incremental crawls (scraper.crawl.incremental).
RUNS = "crawl_runs"
RUN_SOURCES = "crawl_run_sources"
# Counters of a crawl run, in the order `meetarchive stats --runs` shows them.
RUN_COUNTS = (
    "pages_fetched",
    "new",
    "updated",
    "unchanged",
    "not_modified",
    "not_due",
    "rejected",
    "blocked",
    "errors",
)
# Fields whose fill rate (share of the run's parsed articles that have them) is monitored.
FILL_FIELDS = ("author", "date", "body", "results")

# What `export --since-last` wrote to each file (pipelines.export).
EXPORTS = "exports"
EXPORT_ROWS = "export_rows"

# Meets and athletes (pipelines.linking): which documents and articles are one meet, which result
# rows are one athlete and one performance, and the user's corrections of both.
MEET_OVERRIDES = "meet_overrides"
MEET_ARTICLES = "meet_articles"
ATHLETES = "athletes"
ATHLETE_KEYS = "athlete_keys"
ATHLETE_OVERRIDES = "athlete_overrides"
ATHLETE_MENTIONS = "athlete_mentions"
PERFORMANCES = "performances"  # view: result rows that are no other row's duplicate
ATHLETE_REVIEW = "athlete_review"  # view: links below REVIEW_BELOW, for a person to check
REVIEW_BELOW = 0.9

# Stories: articles that are the same text (pipelines.stories). `articles.story_id` (added by the
# migration m011_stories) is the id of the story's original, set on every article of a story the
# archive holds more than once; STORY_PRINTS holds each article's MinHash signature and shingle
# count, STORY_BANDS its LSH band keys (pipelines.fingerprint), indexed.
STORY_PRINTS = "story_prints"
STORY_BANDS = "story_bands"

# Pages people look at (pipelines.db.rankings, pipelines.db.views): the rows a ranking list reads
# (performances with a mark and no status) through two partial indexes, all time and by season
# (``results.season``: the year of the row's meet, stored by meet resolution), both walked in
# mark order; athletes' mentions by article (the articles of an athlete page, counted and listed
# from the index alone).
RANKED_ROWS = "duplicate_of IS NULL AND mark IS NOT NULL AND status IS NULL"
RANKING_INDEX = "idx_results_ranking"
SEASON_RANKING_INDEX = "idx_results_season_ranking"
MENTIONS_BY_ATHLETE_INDEX = "idx_athlete_mentions_athlete_article"
PAGE_INDEXES = (RANKING_INDEX, SEASON_RANKING_INDEX, MENTIONS_BY_ATHLETE_INDEX)
