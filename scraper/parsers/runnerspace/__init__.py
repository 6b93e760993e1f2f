"""Everything meetarchive knows of the RunnerSpace platform (DyeStat and every host it serves):
``scheme`` (URLs, keys, which links are articles, listings, Results pages and results files) and
``parser`` (the article parser). Its spider (``scraper.spiders.runnerspace``) only walks what
``scheme`` names; its fixture site is tests/sites/runnerspace, its goldens tests/fixtures/."""
