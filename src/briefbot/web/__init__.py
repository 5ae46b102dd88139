"""The web chat: ``create_app`` builds it over a shared Briefbot, ``serve`` runs it (``briefbot serve``)."""

from __future__ import annotations

import logging
import signal
from collections.abc import Callable
from typing import TYPE_CHECKING

from .auth import check_login
from .serving import check_bind, open_temp_space

if TYPE_CHECKING:
    import gradio as gr

    from ..config import Settings
    from ..service import Briefbot

log = logging.getLogger(__name__)

__all__ = ["check_bind", "close", "create_app", "launch", "serve"]


def create_app(bot: Briefbot, settings: Settings) -> gr.Blocks:
    tmp = open_temp_space(settings)  # before Gradio is imported, which fixes some of its folders then
    from .app import create_app as _create_app

    return _create_app(bot, settings, tmp)


def launch(demo: gr.Blocks, settings: Settings, prevent_thread_lock: bool = False, quiet: bool = False) -> str:
    from .app import launch as _launch

    return _launch(demo, settings, prevent_thread_lock=prevent_thread_lock, quiet=quiet)


def close(demo: gr.Blocks) -> None:
    from .app import close as _close

    _close(demo)


def serve(settings: Settings, on_ready: Callable[[str], None] | None = None) -> None:
    """Check the bind before loading anything, then open the index and serve until interrupted.

    ``on_ready`` receives the URL once the app listens (the CLI prints it).
    """
    from .access import has_accounts

    check_bind(settings.host, settings.auth, accounts=has_accounts(settings))
    check_login(settings)  # weak passwords and bad TLS files are refused before the index loads
    from ..config import quiet_libraries
    from ..indexlock import serving
    from ..service import open_briefbot

    # While this app serves the index, other processes send it their ingest/remove (embedded) or are refused, or
    # share its Chroma server.
    with serving(settings) as claim:
        bot = open_briefbot(settings)
        bot.warm()  # before the URL is announced: the first user does not wait for the model to load
        quiet_libraries()  # the libraries the warm-up imported may have set their own loggers' levels
        from ..writer_api import WriterEndpoint

        writer = WriterEndpoint(bot).start()  # `briefbot ingest/remove` beside the app write through it
        claim.set_writer(writer.info())
        log.info("serving %s on %s:%s", settings.index, settings.host, settings.port)
        demo = create_app(bot, settings)
        # Gradio's own banner suggests share=True, which briefbot never uses: print our own line instead.
        url = launch(demo, settings, prevent_thread_lock=True, quiet=True)
        claim.set_url(url)
        # SIGTERM (systemd, kill) stops the server the way Ctrl+C does, so the private temp space is removed.
        signal.signal(signal.SIGTERM, _interrupt)
        try:
            if on_ready:
                on_ready(url)
            demo.block_thread()
        finally:
            writer.stop()
            close(demo)


def _interrupt(signum: int, frame: object) -> None:
    raise KeyboardInterrupt
