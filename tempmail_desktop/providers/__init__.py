"""One module per service, each declaring its metadata and capabilities.

See ``base.py`` for the contract and ``registry.py`` for the explicit list.
"""
