"""Moving articles in and out: export, import, backups, opening the store."""
