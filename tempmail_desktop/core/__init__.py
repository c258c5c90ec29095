"""Qt-free core: the one model every service maps into, errors, and pure helpers."""
