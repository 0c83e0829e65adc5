"""Files: small valid PNGs for tests, and the message field Telegram uses for each kind."""

from __future__ import annotations

import struct
import zlib

from bot.sandbox.emulator.records import FileInfo, JSONDict


def make_png(width: int = 1, height: int = 1) -> bytes:
    """A valid RGB PNG of the given size (black), for tests that upload or send photos."""

    def chunk(tag: bytes, data: bytes) -> bytes:
        crc = zlib.crc32(tag + data) & 0xFFFFFFFF
        return struct.pack(">I", len(data)) + tag + data + struct.pack(">I", crc)

    row = b"\x00" + b"\x00\x00\x00" * width
    header = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    return (
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", header)
        + chunk(b"IDAT", zlib.compress(row * height))
        + chunk(b"IEND", b"")
    )


def png_size(data: bytes) -> tuple[int, int] | None:
    if len(data) >= 24 and data.startswith(b"\x89PNG\r\n\x1a\n"):
        width, height = struct.unpack(">II", data[16:24])
        return int(width), int(height)
    return None


def file_api(info: FileInfo) -> JSONDict:
    """The message field Telegram uses for a file of this kind."""
    base: JSONDict = {
        "file_id": info.file_id,
        "file_unique_id": info.file_unique_id,
        "file_size": info.size,
    }
    if info.kind == "photo":
        return {"photo": [{**base, "width": info.width or 0, "height": info.height or 0}]}
    if info.kind == "sticker":
        sticker = {
            **base,
            "width": info.width or 512,
            "height": info.height or 512,
            "is_animated": False,
            "is_video": False,
            "type": "regular",
        }
        if info.emoji:
            sticker["emoji"] = info.emoji
        return {"sticker": sticker}
    if info.kind == "voice":
        return {"voice": {**base, "duration": info.duration or 0, "mime_type": "audio/ogg"}}
    document = dict(base)
    if info.file_name:
        document["file_name"] = info.file_name
    if info.mime_type:
        document["mime_type"] = info.mime_type
    return {"document": document}
