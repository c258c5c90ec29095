"""The bundle's entry point: PyInstaller needs a script, and the package's
own __main__ uses a relative import that only works under ``python -m``."""

from tempmail_desktop.app import main

raise SystemExit(main())
