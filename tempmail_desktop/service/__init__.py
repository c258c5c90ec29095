"""Qt-free services: where data lives (store, settings, secrets) and the
watcher that brings new mail. The CLI and the GUI both stand on these."""
