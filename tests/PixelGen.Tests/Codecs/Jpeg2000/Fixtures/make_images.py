"""Writes the source images of the JPEG 2000 fixtures (see README.md): the same pattern as
JpegLsFixtureTests.Pattern, as a 16-bit PGM (33x21) and an 8-bit PPM (30x14)."""
import struct


def pattern(x, y, c, maxval):
    if ((x >> 3) + (y >> 2)) % 3 == 0:
        return (maxval // 3 + c) % (maxval + 1)
    h = (x * 7919 + y * 104729 + c * 31337) & 0xFFFFFFFF
    noise = ((h * 2654435761) & 0xFFFFFFFF) >> 28
    return ((x * 37 + y * 91 + c * 50) * (maxval // 255 + 1) + noise) % (maxval + 1)


def write(path, w, h, comps, maxval):
    magic = b"P5" if comps == 1 else b"P6"
    body = bytearray()
    for y in range(h):
        for x in range(w):
            for c in range(comps):
                v = pattern(x, y, c, maxval)
                body += struct.pack(">H", v) if maxval > 255 else bytes([v])
    with open(path, "wb") as f:
        f.write(magic + b"\n%d %d\n%d\n" % (w, h, maxval) + bytes(body))


write("mono16.pgm", 33, 21, 1, 65535)
write("rgb8.ppm", 30, 14, 3, 255)
