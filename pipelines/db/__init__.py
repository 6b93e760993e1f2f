"""The archive: its names, migrations, connections and every query on it. THE only package naming
tables and columns; the rest of the code imports names from here (``from pipelines import db``).

* ``schema``: table names, columns, FTS settings; ``migrations`` (in order) and ``tables`` (the
  tables as the migrations creating them made them); ``connection``: ``open_db``,
  ``write_transaction``, ``open_for_reading``, ``check_writable``; ``states``: archives in bad
  states (not an archive, damaged, newer, read-only), each an ``ArchiveError`` of one line;
* ``pages``: stored responses; ``articles``: articles, revisions, rejects, counts;
* ``fts``: article search; ``crawls``: incremental crawls and crawl runs; ``results``: meets and
  results; ``rebuild``: the staging tables ``reparse`` rebuilds articles in, and their swap into
  the archive; ``meets`` and ``athletes``: meets and athletes as entities (what
  ``pipelines.linking`` reads and writes, the overrides, what meet and athlete pages show);
  ``exports``: what ``export --since-last`` wrote to each file; ``documents``: which
  stored results document a page is; ``identity``: merging what archives written before issue 13
  stored twice (migrations m008, m009); ``stories``: story fingerprints, band keys and
  ``articles.copy_of`` (pipelines.stories), a story's articles for search.
"""

from pipelines.db.articles import (  # noqa: F401
    add_revision,
    article_columns,
    article_row,
    bulk_insert_articles,
    counts,
    delete_rejects,
    find_article,
    format_counts,
    insert_article,
    insert_articles,
    integrity_ok,
    record_reject,
    update_article,
)
from pipelines.db.athletes import (  # noqa: F401
    add_athlete_override,
    add_keys,
    athlete_names,
    athlete_overrides,
    athlete_rows,
    athletes_by_key,
    athletes_of_meets,
    athletes_with_keys,
    create_athlete,
    document_athlete_ids,
    document_rows,
    get_athlete,
    has_athletes,
    has_mentions,
    link_rows,
    meet_rows,
    move_athlete,
    refresh_athlete,
    remove_athlete_override,
    reset_athletes,
    review_links,
    row_reference,
    rows_of_reference,
    set_disciplines,
    set_duplicates,
    set_mentions,
)
from pipelines.db.connection import (  # noqa: F401
    BUSY_TIMEOUT_MS,
    begin_write,
    check_writable,
    open_db,
    open_for_reading,
    write_transaction,
)
from pipelines.db.crawls import (  # noqa: F401
    CLEAN_EXIT_CODES,
    clean_reads,
    finish_run,
    known_articles,
    mark_not_modified,
    recent_runs,
    revisit_info,
    set_run_exit_code,
    source_history,
    start_run,
)
from pipelines.db.documents import (  # noqa: F401
    document_holding,
    document_of_key,
    has_duplicates,
    move_document,
    newer_page,
    put_duplicate,
    release_document,
)
from pipelines.db.exports import (  # noqa: F401
    add_pending,
    export_record,
    exported_digest,
    forget_export,
    record_export,
    start_pending,
)
from pipelines.db.fts import (  # noqa: F401
    COMMON_MATCHES,
    NEWEST_SORT_MAX,
    ORDERS,
    RANK_WINDOW,
    fts_match,
)
from pipelines.db.meets import (  # noqa: F401
    add_meet_override,
    article_for_linking,
    article_meet_ids,
    articles_near,
    assign_document,
    create_meet,
    delete_meet,
    document_meet,
    document_rows_brief,
    get_meet,
    has_meets,
    meet_documents,
    meet_overrides,
    meets_around,
    meets_of_keys,
    meets_of_year,
    printed_meets_of_year,
    refresh_meet_rows,
    remove_meet_override,
    reset_meets,
    set_article_meets,
    set_meet_articles,
    update_meet,
)
from pipelines.db.migrations import migrations  # noqa: F401
from pipelines.db.pages import (  # noqa: F401
    DamagedPage,
    iter_pages,
    page_from_row,
    page_id_of,
    store_page,
)
from pipelines.db.rebuild import (  # noqa: F401
    STAGED_ARTICLES,
    STAGED_REVISIONS,
    Swapped,
    start_rebuild,
    swap_rebuilt,
    unstaged_articles,
)
from pipelines.db.results import (  # noqa: F401
    format_meets,
    meet_articles,
    meets_overview,
    name_key,
    search_results,
    store_results,
)
from pipelines.db.schema import (  # noqa: F401
    ARTICLES,
    ARTICLES_FTS,
    ATHLETE_KEYS,
    ATHLETE_MENTIONS,
    ATHLETE_OVERRIDES,
    ATHLETE_REVIEW,
    ATHLETES,
    EXPORT_ROWS,
    EXPORTS,
    FILL_FIELDS,
    FTS_COLUMNS,
    FTS_TOKENIZE,
    FTS_WEIGHTS,
    JSON_COLUMNS,
    MEET_ARTICLES,
    MEET_OVERRIDES,
    MEETS,
    PAGES,
    PERFORMANCES,
    REJECTS,
    RESULT_DOC_AUDIT,
    RESULT_DOCS,
    RESULT_EVENTS,
    RESULT_JSON_COLUMNS,
    RESULTS,
    RESULTS_FTS,
    RESULTS_FTS_COLUMNS,
    REVIEW_BELOW,
    REVISION_FIELDS,
    REVISIONS,
    RUN_COUNTS,
    RUN_SOURCES,
    RUNS,
    STORY_BANDS,
    STORY_PRINTS,
    VERDICTS,
)
from pipelines.db.states import (  # noqa: F401
    ArchiveError,
    DamagedArchiveError,
    NewerArchiveError,
    NotAnArchiveError,
    ReadOnlyArchiveError,
    check_tables,
    writable,
)
from pipelines.db.stories import article_bodies, story_urls  # noqa: F401
