"""Full-text search for Azerbaijani documents: parsing, analysis, indexing and searching."""
