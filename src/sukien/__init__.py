"""sukien: Vietnamese news articles → a verified, deduplicated, source-attributed timeline of diplomatic events."""
__version__ = "0.1.0"
