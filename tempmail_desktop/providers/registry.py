"""The explicit list of services. Adding one means a module and a line here."""

from __future__ import annotations

from ..core import texts
from ..core.errors import UsageError
from .base import Provider, ProviderInfo
from .catmails import CatMailsProvider
from .gptmail import GptMailProvider
from .tempmailg import TempMailGProvider
from .worker import WorkerProvider

PROVIDERS: dict[str, type[Provider]] = {
    cls.info.id: cls
    for cls in (GptMailProvider, TempMailGProvider, CatMailsProvider, WorkerProvider)
}

DEFAULT_PROVIDER = "gptmail"  # works with no set-up: its public test key is built in


def provider_class(provider_id: str) -> type[Provider]:
    try:
        return PROVIDERS[provider_id]
    except KeyError:
        known = ", ".join(PROVIDERS)
        raise UsageError(texts.UNKNOWN_PROVIDER(provider=provider_id, known=known)) from None


def provider_info(provider_id: str) -> ProviderInfo:
    return provider_class(provider_id).info
