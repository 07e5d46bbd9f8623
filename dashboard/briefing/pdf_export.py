"""PDF of a deck through LibreOffice, when it is installed (apt-get install libreoffice-impress)."""
from __future__ import annotations

import shutil
import subprocess
import tempfile
from pathlib import Path

CONVERT_TIMEOUT_SECONDS = 180


class PdfUnavailable(RuntimeError):
    """LibreOffice is not installed, or it could not convert the deck."""


def soffice() -> str | None:
    """The LibreOffice command, if installed."""
    return shutil.which("soffice") or shutil.which("libreoffice")


def to_pdf(pptx: bytes) -> bytes:
    """Convert .pptx bytes to PDF bytes (file names are ours; nothing the user typed becomes a path)."""
    command = soffice()
    if command is None:
        raise PdfUnavailable("LibreOffice is not installed")
    with tempfile.TemporaryDirectory() as folder:
        source = Path(folder) / "deck.pptx"
        source.write_bytes(pptx)
        result = subprocess.run(
            [command, "--headless", f"-env:UserInstallation=file://{folder}/profile", "--convert-to", "pdf",
             "--outdir", folder, str(source)], capture_output=True, timeout=CONVERT_TIMEOUT_SECONDS)
        target = Path(folder) / "deck.pdf"
        if result.returncode != 0 or not target.exists():
            raise PdfUnavailable(result.stderr.decode(errors="replace")[-500:] or "conversion failed")
        return target.read_bytes()
