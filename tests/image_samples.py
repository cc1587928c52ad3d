"""Pictures made in the test (Pillow, or PNG chunks written by hand): never files from elsewhere."""

from __future__ import annotations

import io
import struct
import zlib


def png_bytes(width: int = 64, height: int = 40, colour: tuple[int, int, int] = (30, 120, 200), **save) -> bytes:
    from PIL import Image

    image = Image.new("RGB", (width, height), colour)
    for x in range(min(width, height)):  # a diagonal, so the picture is not one flat colour
        image.putpixel((x, x), (250, 250, 250))
    out = io.BytesIO()
    image.save(out, "PNG", **save)
    return out.getvalue()


def png_with_text(text: str) -> bytes:
    from PIL.PngImagePlugin import PngInfo

    info = PngInfo()
    info.add_text("Comment", text)
    info.add_itxt("Description", text)
    return png_bytes(pnginfo=info)


GPS_LATITUDE = (22.0, 17.0, 3.0)  # a made-up position


def jpeg_with_gps(width: int = 80, height: int = 50, orientation: int = 1) -> bytes:
    """A JPEG whose EXIF holds a GPS position, a camera model and an orientation."""
    from PIL import Image

    image = Image.new("RGB", (width, height), (200, 80, 40))
    exif = Image.Exif()
    exif[0x0110] = "Desk Camera 1"  # Model
    exif[0x0112] = orientation  # Orientation
    gps = {1: "N", 2: GPS_LATITUDE, 3: "E", 4: (114.0, 10.0, 0.0)}
    exif[0x8825] = gps  # GPSInfo IFD
    out = io.BytesIO()
    image.save(out, "JPEG", exif=exif, quality=90)
    return out.getvalue()


def _chunk(kind: bytes, data: bytes) -> bytes:
    return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)


def png_by_hand(width: int, height: int, bit_depth: int = 8) -> bytes:
    """A valid greyscale PNG of zeros, written without decoding anything: small on disk however
    many pixels it declares (a decompression bomb when they are many)."""
    row = b"\x00" + bytes((width * bit_depth + 7) // 8)
    squeeze = zlib.compressobj(9)
    parts = [squeeze.compress(row * min(height, 256)) for _ in range(height // 256)]
    parts.append(squeeze.compress(row * (height % 256)))
    parts.append(squeeze.flush())
    ihdr = struct.pack(">IIBBBBB", width, height, bit_depth, 0, 0, 0, 0)
    return b"\x89PNG\r\n\x1a\n" + _chunk(b"IHDR", ihdr) + _chunk(b"IDAT", b"".join(parts)) + _chunk(b"IEND", b"")
