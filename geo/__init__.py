"""Reference geography of Huizhou: division codes, names and county boundaries."""
