"""Small hostile PDFs generated on the fly: a decompression bomb and a page far larger than any paper.

Written by hand (a few objects and an xref table) so each stays a few hundred bytes to a couple of MB on disk.
"""

from __future__ import annotations

import struct
import zlib
from pathlib import Path


def write_pdf(path: Path, content: bytes, media_box: tuple[float, float] = (612, 792), flate: bool = False) -> Path:
    """A one-page PDF with ``content`` as its page content stream (Helvetica as F1)."""
    stream_dict = b"<< /Length %d%s >>" % (len(content), b" /Filter /FlateDecode" if flate else b"")
    objs = [b"<< /Type /Catalog /Pages 2 0 R >>",
            b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
            b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 %g %g] /Contents 4 0 R "
            b"/Resources << /Font << /F1 5 0 R >> >> >>" % media_box,
            stream_dict + b"\nstream\n" + content + b"\nendstream",
            b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>"]
    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    for number, obj in enumerate(objs, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % number + obj + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objs) + 1)
    for offset in offsets:
        out += b"%010d 00000 n \n" % offset
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objs) + 1, xref)
    path.write_bytes(bytes(out))
    return path


def bomb_stream(prefix: bytes, inflated_mb: int) -> bytes:
    """A zlib stream of ``prefix`` then ``inflated_mb`` MB of spaces, about 1 KB on disk per inflated MB.

    After a full flush the compressor's output for the same input repeats byte for byte, so one compressed MB is
    written ``inflated_mb`` times; only the Adler-32 check of the whole is computed over all the bytes.
    """
    chunk = b" " * (1 << 20)
    z = zlib.compressobj(9)
    head = z.compress(prefix) + z.flush(zlib.Z_FULL_FLUSH)
    block = z.compress(chunk) + z.flush(zlib.Z_FULL_FLUSH)
    tail = z.flush()[:-4]  # the final block; its checksum covers only what this compressor saw
    adler = zlib.adler32(prefix)
    for _ in range(inflated_mb):
        adler = zlib.adler32(chunk, adler)
    return head + block * inflated_mb + tail + struct.pack(">I", adler)


def decompression_bomb(path: Path, inflated_mb: int = 1500) -> Path:
    """A ~1.5 MB PDF whose page content inflates to ``inflated_mb`` MB (1,500 MB took the parser to 2.6 GB)."""
    return write_pdf(path, bomb_stream(b"BT /F1 12 Tf 72 720 Td (bomb) Tj ET\n", inflated_mb), flate=True)


def huge_page(path: Path, points: float = 14400) -> Path:
    """A few-hundred-byte PDF whose one page is ``points`` x ``points`` (14,400 pt = 5 m, the PDF maximum)."""
    return write_pdf(path, b"BT /F1 12 Tf 72 72 Td (A page of five metres) Tj ET", media_box=(points, points))
