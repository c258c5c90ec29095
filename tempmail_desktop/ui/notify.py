"""New-mail notifications.

One notification per new mail, or one for a group when several arrive
together (a watcher often finds a handful at once): arrivals within
``GROUP_WINDOW_MS`` are collected and shown as one. A verification code found
in the mail is shown (unless the user said not to) and can be copied to the
clipboard at once. Clicking a notification opens the mail (the newest one of
a group).

The code a notification announces (that of the newest mail with one) is the
one the store keeps (``Message.code``). It can be copied without opening the
window: with the notification's "Copy code" button where the notification
service has buttons, and from the tray menu's "Copy code 123456" in any case
(the tray's balloon has no buttons); each says briefly that it copied.

Where it shows up, in this order (``Notifier.backend``):

``tray``         the tray icon's balloon, when a tray host runs;
``freedesktop``  the desktop's notification service (org.freedesktop.Notifications
                 on the session bus), when one is running or can be started;
``banner``       the window's own message bar, which always works.

Why the D-Bus client below is not QtDBus: the service's ``Notify`` takes its
``replaces_id`` as UINT32, and PySide6 cannot send one (a Python int goes out
as INT32, ``QDBusArgument << int`` as UINT16; there is no QVariant to cast
with). GNOME Shell, Plasma, dunst and mako all reject the call with a wrong
signature. So the call is built with libdbus (the library QtDBus itself runs
on) over a connection of our own, read from Qt's event loop; that connection
also receives the service's ActionInvoked/NotificationClosed signals, whether
the service broadcasts them (GNOME, Plasma) or sends them only to the
notification's sender (dunst). QtDBus only answers "is the service there?".
"""

from __future__ import annotations

import ctypes
import ctypes.util
import html
import logging
import re
import time
import weakref
from collections import OrderedDict
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import datetime
from typing import Any, Protocol

from PySide6.QtCore import QObject, QSocketNotifier, QTimer, QUrl, Signal, Slot
from PySide6.QtDBus import QDBusConnection
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QStatusBar, QSystemTrayIcon

from ..core import log_names
from .. import APP_DISPLAY_NAME, APP_ID
from ..core.models import Mailbox, Message
from ..core.timeutil import UTC
from .icons import ICON_SVG, app_icon
from .message_bar import MessageBar
from .plain import bounded
from .settings_view import SettingsView
from .tray import CODE_CHARS, TrayIcon, balloons_are_relayed

log = logging.getLogger(log_names.NOTIFY)

GROUP_WINDOW_MS = 200  # mail from one listing arrives together; a burst of pushes within this is one note
LISTED_IN_GROUP = 3  # subjects listed in a group notification; the rest are counted
PREVIEW_CHARS = 140
SUBJECT_CHARS = 200  # a notification is a glance: a 190,000-character subject is cut
NAME_CHARS = 100  # a sender's name or address
BANNER_TIMEOUT_MS = 60_000
TRAY_TIMEOUT_MS = 10_000
COPIED_TIMEOUT_MS = 3_000  # "Copied 482913": a glance, then gone
STATUS_TIMEOUT_MS = 5_000
COPY_CODE_ACTION = "copy-code"  # the notification button's action key

NOTIFICATIONS_SERVICE = "org.freedesktop.Notifications"
NOTIFICATIONS_PATH = "/org/freedesktop/Notifications"
NOTIFICATIONS_INTERFACE = "org.freedesktop.Notifications"
DBUS_CALL_TIMEOUT_MS = 3000  # a service started on demand needs a moment
DBUS_RETRY_AFTER_S = 300  # after a failed call: banners for a while, not a frozen UI per mail
KEPT_TARGETS = 64  # notifications whose click we still honour; services may never say "closed"


class NotifierWindow(Protocol):
    """What the notifier needs of the main window."""

    message_bar: MessageBar

    def open_message(self, provider: str, address: str, message_id: str) -> None: ...

    def statusBar(self) -> QStatusBar: ...  # noqa: N802 - QMainWindow's name


class StoredMail(Protocol):
    """The store, as far as the tray's code entries read it (service/store.py's Store)."""

    def message(self, provider: str, address: str, message_id: str) -> Message | None: ...

    def latest_code(self) -> str | None: ...


@dataclass(frozen=True)
class Target:
    provider: str
    address: str
    message_id: str


@dataclass(frozen=True)
class AnnouncedCode:
    """A code a notification announced, and the mail it is the stored code of."""

    target: Target
    code: str


@dataclass(frozen=True)
class Notification:
    title: str
    body: str
    target: Target
    code: AnnouncedCode | None = None  # what its "Copy code" copies: the newest mail with a code

    @property
    def banner_text(self) -> str:
        first_line = self.body.split("\n", 1)[0]
        return f"{self.title} — {first_line}" if first_line else self.title


class NotificationError(Exception):
    """The desktop's notification service could not be reached or said no."""


# --------------------------------------------------------------------------
# libdbus: just the calls a notification client needs
# --------------------------------------------------------------------------


class _DBusError(ctypes.Structure):
    # struct DBusError { const char *name; const char *message;
    #                    unsigned int dummy1..5 : 1; void *padding1; }
    _fields_ = [("name", ctypes.c_char_p), ("message", ctypes.c_char_p),
                ("dummy", ctypes.c_uint), ("padding1", ctypes.c_void_p)]


def _new_iter() -> ctypes.Array:
    # DBusMessageIter is 72 bytes on 64-bit systems; callers only pass it by
    # pointer, so a larger, pointer-aligned buffer is safe everywhere.
    return (ctypes.c_void_p * 16)()


_DBUS_BUS_SESSION = 0
_DBUS_MESSAGE_TYPE_SIGNAL = 4

_VP = ctypes.c_void_p
_ERR = ctypes.POINTER(_DBusError)
_BOOL = ctypes.c_uint32  # dbus_bool_t
_PROTOTYPES: dict[str, tuple[Any, list[Any]]] = {
    "dbus_error_init": (None, [_ERR]),
    "dbus_error_free": (None, [_ERR]),
    "dbus_error_is_set": (_BOOL, [_ERR]),
    "dbus_bus_get_private": (_VP, [ctypes.c_int, _ERR]),
    "dbus_bus_add_match": (None, [_VP, ctypes.c_char_p, _ERR]),
    "dbus_bus_get_unique_name": (ctypes.c_char_p, [_VP]),
    "dbus_connection_set_exit_on_disconnect": (None, [_VP, _BOOL]),
    "dbus_connection_get_is_connected": (_BOOL, [_VP]),
    "dbus_connection_get_unix_fd": (_BOOL, [_VP, ctypes.POINTER(ctypes.c_int)]),
    "dbus_connection_read_write": (_BOOL, [_VP, ctypes.c_int]),
    "dbus_connection_pop_message": (_VP, [_VP]),
    "dbus_connection_send_with_reply_and_block": (_VP, [_VP, _VP, ctypes.c_int, _ERR]),
    "dbus_connection_close": (None, [_VP]),
    "dbus_connection_unref": (None, [_VP]),
    "dbus_message_new_method_call": (_VP, [ctypes.c_char_p] * 4),
    "dbus_message_unref": (None, [_VP]),
    "dbus_message_get_type": (ctypes.c_int, [_VP]),
    "dbus_message_get_sender": (ctypes.c_char_p, [_VP]),
    "dbus_message_get_path": (ctypes.c_char_p, [_VP]),
    "dbus_message_get_interface": (ctypes.c_char_p, [_VP]),
    "dbus_message_get_member": (ctypes.c_char_p, [_VP]),
    "dbus_message_iter_init_append": (None, [_VP, _VP]),
    "dbus_message_iter_append_basic": (_BOOL, [_VP, ctypes.c_int, _VP]),
    "dbus_message_iter_open_container": (_BOOL, [_VP, ctypes.c_int, ctypes.c_char_p, _VP]),
    "dbus_message_iter_close_container": (_BOOL, [_VP, _VP]),
    "dbus_message_iter_abandon_container": (None, [_VP, _VP]),
    "dbus_message_iter_init": (_BOOL, [_VP, _VP]),
    "dbus_message_iter_get_arg_type": (ctypes.c_int, [_VP]),
    "dbus_message_iter_get_basic": (None, [_VP, _VP]),
    "dbus_message_iter_recurse": (None, [_VP, _VP]),
    "dbus_message_iter_next": (_BOOL, [_VP]),
}

_libdbus_cache: list[ctypes.CDLL | None] = []


def _libdbus() -> ctypes.CDLL | None:
    """libdbus-1 with typed prototypes, or None where there is none (Windows, macOS)."""
    if not _libdbus_cache:
        lib = None
        name = ctypes.util.find_library("dbus-1") or "libdbus-1.so.3"
        try:
            lib = ctypes.CDLL(name)
            for function, (restype, argtypes) in _PROTOTYPES.items():
                prototype = getattr(lib, function)
                prototype.restype = restype
                prototype.argtypes = argtypes
        except (OSError, AttributeError) as exc:
            log.info("desktop notifications over D-Bus are not available: %s", exc)
            lib = None
        _libdbus_cache.append(lib)
    return _libdbus_cache[0]


def _utf8(text: str) -> bytes:
    # libdbus aborts the process on a string that is not valid UTF-8 or holds
    # a NUL; mail subjects may carry both.
    return text.replace("\0", "").encode("utf-8", "replace")


def _close_connection(lib: ctypes.CDLL, connection: int) -> None:
    lib.dbus_connection_close(connection)
    lib.dbus_connection_unref(connection)


class DesktopNotifications(QObject):
    """A client of org.freedesktop.Notifications on a session-bus connection
    of its own (see the module's docstring for why not QtDBus)."""

    actionInvoked = Signal(int, str)  # notification id, action key
    notificationClosed = Signal(int, int)  # notification id, reason

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._lib = _libdbus()
        self._connection: int | None = None
        self._reader: QSocketNotifier | None = None
        self._finalizer: weakref.finalize | None = None
        self._service_owner: str | None = None  # unique name of the service that answered
        self._capabilities: frozenset[str] | None = None

    @property
    def is_open(self) -> bool:
        return self._connection is not None

    @property
    def unique_name(self) -> str | None:
        """This connection's name on the bus (":1.42"), where the service sends replies."""
        if self._connection is None:
            return None
        name = self._lib.dbus_bus_get_unique_name(self._connection)
        return name.decode() if name else None

    def open(self) -> None:
        """Connect to the session bus; NotificationError if that fails."""
        if self._connection is not None:
            return
        lib = self._lib
        if lib is None:
            raise NotificationError("libdbus is not available")
        error = _DBusError()
        lib.dbus_error_init(ctypes.byref(error))
        connection = lib.dbus_bus_get_private(_DBUS_BUS_SESSION, ctypes.byref(error))
        if not connection:
            raise NotificationError(self._take_error(error, "no session bus"))
        # libdbus would otherwise _exit() the whole app when the bus goes away.
        lib.dbus_connection_set_exit_on_disconnect(connection, 0)
        self._connection = connection
        self._finalizer = weakref.finalize(self, _close_connection, lib, connection)
        rule = (f"type='signal',sender='{NOTIFICATIONS_SERVICE}',"
                f"interface='{NOTIFICATIONS_INTERFACE}',path='{NOTIFICATIONS_PATH}'")
        lib.dbus_bus_add_match(connection, rule.encode(), ctypes.byref(error))
        if lib.dbus_error_is_set(ctypes.byref(error)):
            # Broadcast signals will not come; those sent to us still will.
            log.warning("notification clicks may go unnoticed: %s", self._take_error(error, "AddMatch failed"))
        fd = ctypes.c_int(-1)
        if lib.dbus_connection_get_unix_fd(connection, ctypes.byref(fd)) and fd.value >= 0:
            self._reader = QSocketNotifier(fd.value, QSocketNotifier.Type.Read, self)
            self._reader.activated.connect(self._on_readable)

    def close(self) -> None:
        if self._reader is not None:
            self._reader.setEnabled(False)
            self._reader.deleteLater()
            self._reader = None
        if self._finalizer is not None:
            self._finalizer()  # closes and releases the connection, once
            self._finalizer = None
        self._connection = None
        self._service_owner = None
        self._capabilities = None

    def capabilities(self) -> frozenset[str]:
        """What the service supports ("actions", "body-markup", …); asked once."""
        if self._capabilities is None:
            reply = self._call("GetCapabilities", lambda _iter: None)
            self._capabilities = frozenset(v for v in (reply[0] if reply else []) if isinstance(v, str))
        return self._capabilities

    def notify(self, *, app_name: str, app_icon: str, summary: str, body: str,
               actions: Sequence[str], hints: dict[str, str], timeout_ms: int = -1,
               replaces_id: int = 0) -> int:
        """Show a notification; returns its id. NotificationError when the
        service is missing or refuses."""

        def arguments(it) -> None:
            self._append(it, "s", app_name)
            self._append(it, "u", replaces_id)
            self._append(it, "s", app_icon)
            self._append(it, "s", summary)
            self._append(it, "s", body)
            with self._container(it, "a", "s") as array:
                for action in actions:
                    self._append(array, "s", action)
            with self._container(it, "a", "{sv}") as mapping:
                for key, value in hints.items():
                    with self._container(mapping, "e", None) as entry:
                        self._append(entry, "s", key)
                        with self._container(entry, "v", "s") as variant:
                            self._append(variant, "s", value)
            self._append(it, "i", timeout_ms)

        reply = self._call("Notify", arguments)
        if not reply or not isinstance(reply[0], int):
            raise NotificationError(f"Notify answered {reply!r}")
        return reply[0]

    # -- calls ------------------------------------------------------------

    def _call(self, member: str, write_arguments: Callable[[Any], None]) -> list[Any]:
        self.open()
        lib, connection = self._lib, self._connection
        message = lib.dbus_message_new_method_call(
            NOTIFICATIONS_SERVICE.encode(), NOTIFICATIONS_PATH.encode(),
            NOTIFICATIONS_INTERFACE.encode(), member.encode())
        if not message:
            raise NotificationError("out of memory")
        error = _DBusError()
        lib.dbus_error_init(ctypes.byref(error))
        try:
            it = _new_iter()
            lib.dbus_message_iter_init_append(message, it)
            write_arguments(it)
            reply = lib.dbus_connection_send_with_reply_and_block(
                connection, message, DBUS_CALL_TIMEOUT_MS, ctypes.byref(error))
        finally:
            lib.dbus_message_unref(message)
        # Signals read while we waited sit in libdbus's queue, where the
        # socket notifier cannot see them: hand them over once we are out.
        QTimer.singleShot(0, self._dispatch_queued)
        if not reply:
            if not lib.dbus_connection_get_is_connected(connection):
                self.close()
            raise NotificationError(self._take_error(error, f"{member} failed"))
        try:
            sender = lib.dbus_message_get_sender(reply)
            owner = sender.decode() if sender else None
            if owner != self._service_owner:
                self._service_owner = owner
                self._capabilities = None  # another service (restarted, or replaced)
            return self._read_arguments(reply)
        finally:
            lib.dbus_message_unref(reply)

    def _take_error(self, error: _DBusError, fallback: str) -> str:
        lib = self._lib
        if not lib.dbus_error_is_set(ctypes.byref(error)):
            return fallback
        text = f"{(error.name or b'').decode(errors='replace')}: {(error.message or b'').decode(errors='replace')}"
        lib.dbus_error_free(ctypes.byref(error))
        return text

    def _append(self, it, code: str, value: Any) -> None:
        if code == "s":
            cell: Any = ctypes.c_char_p(_utf8(value))
        elif code == "u":
            cell = ctypes.c_uint32(value)
        elif code == "i":
            cell = ctypes.c_int32(value)
        else:
            raise ValueError(f"unsupported D-Bus type {code!r}")
        if not self._lib.dbus_message_iter_append_basic(it, ord(code), ctypes.byref(cell)):
            raise NotificationError("out of memory")

    @contextmanager
    def _container(self, it, code: str, signature: str | None) -> Iterator[ctypes.Array]:
        lib = self._lib
        sub = _new_iter()
        if not lib.dbus_message_iter_open_container(it, ord(code), signature.encode() if signature else None, sub):
            raise NotificationError("out of memory")
        try:
            yield sub
        except BaseException:
            lib.dbus_message_iter_abandon_container(it, sub)
            raise
        if not lib.dbus_message_iter_close_container(it, sub):
            raise NotificationError("out of memory")

    def _read_arguments(self, message) -> list[Any]:
        it = _new_iter()
        if not self._lib.dbus_message_iter_init(message, it):
            return []
        return self._read_iter(it)

    def _read_iter(self, it) -> list[Any]:
        """Basic values and arrays of them; other types (never needed here) read as None."""
        lib = self._lib
        values: list[Any] = []
        while (kind := lib.dbus_message_iter_get_arg_type(it)) != 0:
            code = chr(kind)
            if code in "sog":
                text = ctypes.c_char_p()
                lib.dbus_message_iter_get_basic(it, ctypes.byref(text))
                values.append((text.value or b"").decode("utf-8", "replace"))
            elif code == "u":
                number = ctypes.c_uint32()
                lib.dbus_message_iter_get_basic(it, ctypes.byref(number))
                values.append(number.value)
            elif code == "i":
                signed = ctypes.c_int32()
                lib.dbus_message_iter_get_basic(it, ctypes.byref(signed))
                values.append(signed.value)
            elif code == "a":
                sub = _new_iter()
                lib.dbus_message_iter_recurse(it, sub)
                values.append(self._read_iter(sub))
            else:
                values.append(None)
            lib.dbus_message_iter_next(it)
        return values

    # -- incoming signals ---------------------------------------------------

    def _on_readable(self) -> None:
        if self._connection is None:
            return
        if not self._lib.dbus_connection_read_write(self._connection, 0):
            log.info("the session bus connection for notifications closed")
            self.close()
            return
        self._dispatch_queued()

    def _dispatch_queued(self) -> None:
        lib = self._lib
        while self._connection is not None:
            message = lib.dbus_connection_pop_message(self._connection)
            if not message:
                return
            try:
                self._handle_signal(message)
            finally:
                lib.dbus_message_unref(message)

    def _handle_signal(self, message) -> None:
        lib = self._lib
        if lib.dbus_message_get_type(message) != _DBUS_MESSAGE_TYPE_SIGNAL:
            return
        interface = (lib.dbus_message_get_interface(message) or b"").decode()
        member = (lib.dbus_message_get_member(message) or b"").decode()
        if interface == "org.freedesktop.DBus.Local" and member == "Disconnected":
            log.info("the session bus went away; notifications fall back to the window")
            QTimer.singleShot(0, self.close)
            return
        sender = (lib.dbus_message_get_sender(message) or b"").decode()
        path = (lib.dbus_message_get_path(message) or b"").decode()
        # Only the service we talked to may click our notifications.
        if interface != NOTIFICATIONS_INTERFACE or path != NOTIFICATIONS_PATH or sender != self._service_owner:
            return
        args = self._read_arguments(message)
        if member == "ActionInvoked" and len(args) >= 2 and isinstance(args[0], int) and isinstance(args[1], str):
            self.actionInvoked.emit(args[0], args[1])
        elif member == "NotificationClosed" and len(args) >= 2 and all(isinstance(a, int) for a in args[:2]):
            self.notificationClosed.emit(args[0], args[1])


# --------------------------------------------------------------------------
# The notifier
# --------------------------------------------------------------------------


@dataclass(frozen=True)
class _Arrival:
    mailbox: Mailbox
    message: Message
    order: int  # arrival order: breaks ties between mails without a time

    @property
    def key(self) -> tuple[str, str, str]:
        return (self.mailbox.provider, self.mailbox.address, self.message.id)

    def recency(self) -> tuple[datetime, int]:
        return (self.message.received_at or datetime.min.replace(tzinfo=UTC), self.order)


def _find_code(message: Message) -> str | None:
    """The code the store worked out for the mail (core/facts.py; read from the
    detail too when the listing had no HTML and no code: MailService.refresh)."""
    return message.code


def _mask_code(text: str, code: str) -> str:
    """``text`` with ``code`` blotted out, also where it is written "734-219" or "734 219"."""
    pattern = r"[\s\-]?".join(re.escape(char) for char in code)
    return re.sub(pattern, lambda match: "•" * len(match.group()), text, flags=re.IGNORECASE)


class Notifier(QObject):
    """Turns AppController.newMail into notifications (see the module docstring)."""

    def __init__(self, settings: SettingsView, window: NotifierWindow, tray: TrayIcon | None = None,
                 parent: QObject | None = None, *, session_bus: QDBusConnection | None = None,
                 group_window_ms: int = GROUP_WINDOW_MS, stored: StoredMail | None = None) -> None:
        super().__init__(parent)
        self.settings = settings
        self.window = window
        self.tray = tray
        # Where the tray's code entries check that the announced mail still exists
        # (the app passes its controller; a window with a ``store`` serves too).
        self._stored: StoredMail | None = stored if stored is not None else getattr(window, "store", None)
        self._announced: AnnouncedCode | None = None
        self.history: list[dict[str, Any]] = []
        self.unread_total = 0
        self._bus = session_bus if session_bus is not None else QDBusConnection.sessionBus()
        self._pending: list[_Arrival] = []
        self._arrivals = 0
        self._group_timer = QTimer(self)
        self._group_timer.setSingleShot(True)
        self._group_timer.setInterval(group_window_ms)
        self._group_timer.timeout.connect(self._flush)
        self._tray_target: Target | None = None
        self._desktop: DesktopNotifications | None = None
        self._desktop_targets: OrderedDict[int, Notification] = OrderedDict()
        self._desktop_retry_at = 0.0
        if tray is not None:
            tray.messageClicked.connect(self._on_tray_message_clicked)
            tray.copyAnnouncedCodeRequested.connect(self.copy_announced_code)
            # Read when the menu opens, so it never offers the code of a deleted mail.
            tray.menu.aboutToShow.connect(self.refresh_tray_codes)
        # The main window recounts unread mail whenever it changes (a mail read,
        # deleted, cleared, a mailbox forgotten): the tray follows. A window
        # without that signal (a test's stand-in) leaves it to set_unread_total.
        unread_changed = getattr(window, "unreadChanged", None)
        if unread_changed is not None:
            unread_changed.connect(self.set_unread_total)
            unread_changed.connect(self.refresh_tray_codes)

    # -- unread -----------------------------------------------------------

    def set_unread_total(self, count: int) -> None:
        self.unread_total = max(0, int(count))
        if self.tray is not None:
            self.tray.set_unread(self.unread_total)

    # -- where notifications go ---------------------------------------------

    @property
    def backend(self) -> str:
        if self._tray_usable():
            return "tray"
        if self._desktop_usable():
            return "freedesktop"
        return "banner"

    def _tray_usable(self) -> bool:
        # A balloon Qt relays over D-Bus would reach the notification service
        # unescaped; then the service is asked directly (see _show_on_desktop).
        return (self.tray is not None and self.tray.isVisible()
                and QSystemTrayIcon.isSystemTrayAvailable() and QSystemTrayIcon.supportsMessages()
                and not balloons_are_relayed(self._bus))

    def _desktop_usable(self) -> bool:
        if time.monotonic() < self._desktop_retry_at or _libdbus() is None or not self._bus.isConnected():
            return False
        bus = self._bus.interface()
        if bus is None:
            return False
        if bus.isServiceRegistered(NOTIFICATIONS_SERVICE).value():
            return True
        # Many desktops start their notification service on first use.
        activatable = bus.activatableServiceNames().value() or []
        return NOTIFICATIONS_SERVICE in activatable

    # -- arrivals ---------------------------------------------------------

    @Slot(object, list)
    def notify_new_mail(self, mailbox: Mailbox, messages: list[Message]) -> None:
        if not messages or not (self._notifications_on() or self.settings.get("clipboard.auto_copy_code")):
            return
        for message in messages:
            self._arrivals += 1
            self._pending.append(_Arrival(mailbox, message, self._arrivals))
        # The window opens with the first arrival and is not stretched by
        # later ones: a steady trickle of mail must still be announced.
        if not self._group_timer.isActive():
            self._group_timer.start()

    def _notifications_on(self) -> bool:
        return bool(self.settings.get("notifications.enabled")) and not self.settings.get("notifications.paused")

    def _flush(self) -> None:
        arrivals, self._pending = self._pending, []
        unique: dict[tuple[str, str, str], _Arrival] = {}
        for arrival in arrivals:
            unique.setdefault(arrival.key, arrival)
        if not unique:
            return
        newest_first = sorted(unique.values(), key=_Arrival.recency, reverse=True)
        coded = next(((a, code) for a in newest_first if (code := _find_code(a.message))), None)
        copied = False
        if coded is not None and self.settings.get("clipboard.auto_copy_code"):
            QGuiApplication.clipboard().setText(coded[1])
            copied = True
        # Checked now, not on arrival: pausing during the window still counts.
        if not self._notifications_on():
            return
        self.show_notification(self._compose(newest_first, coded, copied))

    # -- wording ----------------------------------------------------------

    def _sender(self, message: Message) -> str:
        return bounded(message.from_name or message.from_addr, NAME_CHARS) or self.tr("unknown sender")

    def _compose(self, newest_first: list[_Arrival], coded: tuple[_Arrival, str] | None,
                 copied: bool) -> Notification:
        show_code = bool(self.settings.get("notifications.show_code"))
        code = coded[1] if coded else None

        def hide_code(text: str) -> str:
            # With show_code off, the code must not leak through the subject or preview.
            return _mask_code(text, code) if code and not show_code else text

        def subject_of(message: Message) -> str:
            # Masked before it is cut, so no cut can leave part of a code showing.
            return bounded(hide_code(message.subject), SUBJECT_CHARS) or self.tr("(no subject)")

        def code_line(message: Message) -> str:
            template = self.tr("Code %1 (copied) - %2") if copied else self.tr("Code %1 - %2")
            return template.replace("%1", code).replace("%2", subject_of(message))

        copied_hidden = self.tr("A verification code was copied to the clipboard.")
        newest = newest_first[0]
        target = Target(*newest.key)
        announced = AnnouncedCode(Target(*coded[0].key), coded[1]) if coded else None

        if len(newest_first) == 1:
            message = newest.message
            title = code_line(message) if code and show_code else subject_of(message)
            lines = [self.tr("From %1 to %2").replace("%1", self._sender(message))
                     .replace("%2", bounded(newest.mailbox.address, NAME_CHARS))]
            if copied and not show_code:
                lines.append(copied_hidden)
            preview = bounded(hide_code(message.preview), PREVIEW_CHARS)
            if preview:
                lines.append(preview)
            return Notification(title, "\n".join(lines), target, announced)

        count = len(newest_first)
        addresses = list(dict.fromkeys(bounded(a.mailbox.address, NAME_CHARS) for a in newest_first))
        if len(addresses) == 1:
            title = self.tr("%n new messages in %1", "", count).replace("%1", addresses[0])
        else:
            title = self.tr("%n new messages in %1 addresses", "", count).replace("%1", str(len(addresses)))
        lines = []
        if code and show_code:
            lines.append(code_line(coded[0].message))
        elif copied:
            lines.append(copied_hidden)
        for arrival in newest_first[:LISTED_IN_GROUP]:
            lines.append(f"{self._sender(arrival.message)}: {subject_of(arrival.message)}")
        if count > LISTED_IN_GROUP:
            lines.append(self.tr("and %n more", "", count - LISTED_IN_GROUP))
        return Notification(title, "\n".join(lines), target, announced)

    # -- showing ----------------------------------------------------------

    def show_notification(self, note: Notification) -> str:
        """Show ``note`` through the first backend that works; returns its name."""
        backend = self.backend
        if backend == "tray":
            self._tray_target = note.target
            self.tray.show_message(note.title, note.body, app_icon(), TRAY_TIMEOUT_MS)
        elif backend == "freedesktop":
            try:
                self._show_on_desktop(note)
            except NotificationError as exc:
                log.warning("the desktop's notification service failed (%s); using the window for a while", exc)
                self._desktop_retry_at = time.monotonic() + DBUS_RETRY_AFTER_S
                backend = "banner"
        if backend == "banner":
            self.window.message_bar.show_message(
                note.banner_text, kind="mail", action_text=self.tr("Open"),
                action=lambda target=note.target: self.open_target(target), timeout_ms=BANNER_TIMEOUT_MS)
        self.history.append({"backend": backend, "title": note.title, "body": note.body,
                             "target": (note.target.provider, note.target.address, note.target.message_id)})
        if note.code is not None:
            self._announced = note.code
            self.refresh_tray_codes()
        # Which mailbox and how, never the mail's words or code: logs outlive mail.
        log.info("new-mail notification via %s for %s", backend, note.target.address)
        return backend

    @property
    def desktop_notifications(self) -> DesktopNotifications | None:
        """The D-Bus client, once a notification went that way."""
        return self._desktop

    def _desktop_client(self) -> DesktopNotifications:
        if self._desktop is None:
            self._desktop = DesktopNotifications(self)
            self._desktop.actionInvoked.connect(self._on_desktop_action)
            self._desktop.notificationClosed.connect(self._on_desktop_closed)
        return self._desktop

    def _show_on_desktop(self, note: Notification) -> None:
        client = self._desktop_client()
        capabilities = client.capabilities()
        body = note.body
        if "body-markup" in capabilities:
            body = html.escape(body, quote=False)  # a subject like "<b>50% off</b>" is text, not markup
        actions = ["default", self.tr("Open")]
        if note.code is not None and "actions" in capabilities:
            actions += [COPY_CODE_ACTION, self.tr("Copy code")]
        notification_id = client.notify(
            app_name=APP_DISPLAY_NAME,
            app_icon=QUrl.fromLocalFile(str(ICON_SVG)).toString(),
            summary=note.title,
            body=body,
            actions=actions,
            hints={"desktop-entry": APP_ID, "category": "email.arrived"},
        )
        self._desktop_targets[notification_id] = note
        while len(self._desktop_targets) > KEPT_TARGETS:
            self._desktop_targets.popitem(last=False)

    # -- clicks -----------------------------------------------------------

    def open_target(self, target: Target) -> None:
        self.window.open_message(target.provider, target.address, target.message_id)

    def _on_tray_message_clicked(self) -> None:
        if self._tray_target is not None:
            self.open_target(self._tray_target)

    def _on_desktop_action(self, notification_id: int, action: str) -> None:
        # "default" is a click on the notification, "Open" our button, COPY_CODE_ACTION the other one.
        note = self._desktop_targets.pop(notification_id, None)
        if note is None:
            return
        if action == COPY_CODE_ACTION:
            if note.code is not None:
                self._copy_code(note.code.code)
                self._confirm_on_desktop(notification_id, note.code.code)
        else:
            self.open_target(note.target)

    # -- copying the announced code ------------------------------------------

    def refresh_tray_codes(self) -> None:
        """Tell the tray which code the last notification announced, if its
        mail is still stored, and the newest stored code."""
        if self.tray is None:
            return
        code = self._announced_code()
        latest = self._stored.latest_code() if self._stored is not None else None
        self.tray.show_codes(code, latest, reveal=bool(self.settings.get("notifications.show_code")))

    def _announced_code(self) -> str | None:
        """The announced mail's stored code; forgotten once the mail is gone."""
        announced = self._announced
        if announced is None:
            return None
        if self._stored is None:
            return announced.code
        target = announced.target
        message = self._stored.message(target.provider, target.address, target.message_id)
        if message is None or not message.code:
            self._announced = None
            return None
        return message.code

    def copy_announced_code(self) -> None:
        """The tray's "Copy code 123456": the code of the mail the last
        notification with a code announced, without opening the window."""
        code = self._announced_code()
        if code is None:
            self.refresh_tray_codes()
            self.window.statusBar().showMessage(self.tr("The mail with that code is gone"), STATUS_TIMEOUT_MS)
            return
        self._copy_code(code)
        # The user is at the tray, not necessarily at the window.
        if self._tray_usable():
            self._tray_target = None  # this balloon opens nothing
            self.tray.show_message(self._copied_text(code), "", app_icon(), COPIED_TIMEOUT_MS)

    def _copy_code(self, code: str) -> None:
        QGuiApplication.clipboard().setText(code)
        self.window.statusBar().showMessage(self._copied_text(code), STATUS_TIMEOUT_MS)

    def _copied_text(self, code: str) -> str:
        if not self.settings.get("notifications.show_code"):
            return self.tr("Verification code copied")  # the user keeps codes off the screen
        return self.tr("Copied %1").replace("%1", bounded(code, CODE_CHARS))

    def _confirm_on_desktop(self, notification_id: int, code: str) -> None:
        """Replace the notification whose button was pressed with a brief "Copied …"."""
        try:
            self._desktop_client().notify(
                app_name=APP_DISPLAY_NAME, app_icon=QUrl.fromLocalFile(str(ICON_SVG)).toString(),
                summary=self._copied_text(code), body="", actions=[],
                hints={"desktop-entry": APP_ID},
                timeout_ms=COPIED_TIMEOUT_MS, replaces_id=notification_id)
        except NotificationError as exc:
            log.info("could not confirm the copied code on the desktop: %s", exc)

    def _on_desktop_closed(self, notification_id: int, _reason: int) -> None:
        self._desktop_targets.pop(notification_id, None)

    def close(self) -> None:
        """Drop what is pending and let go of the session bus connection."""
        self._group_timer.stop()
        self._pending.clear()
        if self._desktop is not None:
            self._desktop.close()
