"""What the pages, the CLI and the exports show of meets, athletes, rankings and articles, made
from ``pipelines.db``'s queries by pure functions: ``chart`` (an athlete's progression as SVG),
``cells`` (JSON cells as text), ``article`` (an article's text with the athletes it names
linked), ``columns`` (the readable columns of a table page), ``text`` (the CLI's meet and
athlete listings), ``rankings`` (a ranking list from what a person asks)."""
