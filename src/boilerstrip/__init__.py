"""boilerstrip: strip boilerplate from scraped web pages, as HTML or as flattened text.

    >>> from boilerstrip import clean_article
    >>> art = clean_article(html, url="https://example.com/story")
    >>> art.text, art.title, art.removed
"""
from .api import clean_article, block_hash
from .article import Article, Block, KINDS
from .rules import REASONS

__all__ = ["clean_article", "block_hash", "Article", "Block", "KINDS", "REASONS", "__version__"]
__version__ = "0.1.0"
