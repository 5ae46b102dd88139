"""A small error hierarchy; every error carries a remedy the user can act on."""

from __future__ import annotations


class BriefbotError(Exception):
    """Base class. ``str(err)`` is one line: what went wrong, then what to do."""

    remedy: str = ""

    def __init__(self, message: str, remedy: str | None = None) -> None:
        self.message = message
        if remedy is not None:
            self.remedy = remedy
        super().__init__(f"{message}; {self.remedy}" if self.remedy else message)


class ConfigError(BriefbotError):
    remedy = "check briefbot.toml and the BRIEFBOT_* environment variables"


class IndexMissingError(BriefbotError):
    remedy = "run `briefbot ingest PATH` first (or pass --index DIR)"


class DocumentError(BriefbotError):
    """One input file could not be parsed. Batches report it and continue."""

    remedy = "check the file; other files are not affected"


class ParseTimeout(DocumentError):
    remedy = "the parser was stopped; the file may be malformed (raise parse_timeout_s if it is just large)"


class NotFoundError(BriefbotError):
    remedy = "run `briefbot library` to see what is indexed"


class LLMError(BriefbotError):
    remedy = "check llm_provider, llm_model and llm_base_url, and that the server is running"


class UploadRejected(BriefbotError):
    remedy = "upload PDF files within the size and count limits"


class StoreUnavailable(BriefbotError):
    """The Chroma server named by chroma_host cannot be reached (Chroma server mode)."""

    remedy = "start it with `chroma run --path DIR --port PORT` or unset chroma_host"


class IndexBusy(BriefbotError):
    """Another process serves the index, and a write from here would break it (embedded Chroma)."""

    remedy = "upload through the web app, stop it first, or use Chroma server mode"


class DocumentMismatch(BriefbotError):
    """The file at an indexed document's path is not the file that was indexed (changed, swapped, a link)."""

    remedy = "re-ingest the original file (`briefbot ingest --replace PATH` if it was meant to change)"


class HistoryUnavailable(BriefbotError):
    """The conversation history file (``<index>/history.sqlite``) cannot be read or written."""

    remedy = ("check that the index folder is writable, has free space and that history.sqlite is a briefbot "
              "history file; answers not yet saved stay in the open session and are saved with the next one")
