"""Pure text helpers every parser uses: bytes to text (``encoding``), dates as printed
(``dates``), bylines to people (``authors``), the language of a text (``language``) and URL
canonicalisation (``urls``). No network, no clock, nothing of Scrapy; they import only
``scraper.items`` and ``scraper.errors``."""
