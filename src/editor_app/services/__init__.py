"""Work that spans several parts of the store (an article's package, its checklist, a new
store with its sample): above `store/`, below `ui/` and `commands/`. No Qt."""
