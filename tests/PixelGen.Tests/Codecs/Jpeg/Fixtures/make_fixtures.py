#!/usr/bin/env python3
"""Makes the JPEG lossless (process 14) fixtures ONCE; tests never run this.

Needs Debian's dcmtk 3.6.7 (`apt-get install -y dcmtk`): dcmcjpeg encodes the predictor / point-transform /
precision / 3-component fixtures; streams dcmcjpeg cannot make (restart intervals, separate component scans,
precision 2, a forced SSSS=16 difference) come from the small encoder below and are accepted only if dcmtk's
dcmdjpeg (IJG-based, independent of PixelGen) decodes them back to the source pixels.

Output per fixture: NAME.jpg (the JPEG stream of frame 1), NAME.raw (the expected decoded pixels, little endian,
interleaved) and an entry in manifest.json.  Run from this folder: python3 make_fixtures.py
"""
import json, os, struct, subprocess, tempfile

TS_LOSSLESS = "1.2.840.10008.1.2.4.57"
TS_EXPLICIT_LE = "1.2.840.10008.1.2.1"


def elem(group, el, vr, value):
    if isinstance(value, str):
        value = value.encode()
        if len(value) % 2:
            value += b"\0" if vr == "UI" else b" "
    if vr in ("OB", "OW", "UN", "SQ", "UT"):
        return struct.pack("<HH2sHI", group, el, vr.encode(), 0, len(value)) + value
    return struct.pack("<HH2sH", group, el, vr.encode(), len(value)) + value


def us(v):
    return struct.pack("<H", v)


def dicom(rows, cols, samples, bits_alloc, bits_stored, pixel_bytes, ts, encapsulated):
    meta = (elem(2, 1, "OB", b"\0\1") + elem(2, 2, "UI", "1.2.840.10008.5.1.4.1.1.7")
            + elem(2, 3, "UI", "1.2.826.0.1.3680043.2.1125.1") + elem(2, 0x10, "UI", ts)
            + elem(2, 0x12, "UI", "1.2.826.0.1.3680043.2.1125.2"))
    out = b"\0" * 128 + b"DICM" + elem(2, 0, "UL", struct.pack("<I", len(meta))) + meta
    ds = (elem(8, 0x16, "UI", "1.2.840.10008.5.1.4.1.1.7") + elem(8, 0x18, "UI", "1.2.826.0.1.3680043.2.1125.1")
          + elem(0x28, 2, "US", us(samples)) + elem(0x28, 4, "CS", "RGB" if samples == 3 else "MONOCHROME2"))
    if samples == 3:
        ds += elem(0x28, 6, "US", us(0))
    ds += (elem(0x28, 0x10, "US", us(rows)) + elem(0x28, 0x11, "US", us(cols)) + elem(0x28, 0x100, "US", us(bits_alloc))
           + elem(0x28, 0x101, "US", us(bits_stored)) + elem(0x28, 0x102, "US", us(bits_stored - 1)) + elem(0x28, 0x103, "US", us(0)))
    if encapsulated:
        frag = pixel_bytes + (b"\0" if len(pixel_bytes) % 2 else b"")
        px = (struct.pack("<HHI", 0xFFFE, 0xE000, 0) + struct.pack("<HHI", 0xFFFE, 0xE000, len(frag)) + frag
              + struct.pack("<HHI", 0xFFFE, 0xE0DD, 0))
        ds += struct.pack("<HH2sHI", 0x7FE0, 0x10, b"OB", 0, 0xFFFFFFFF) + px
    else:
        ds += elem(0x7FE0, 0x10, "OW" if bits_alloc == 16 else "OB", pixel_bytes + (b"\0" if len(pixel_bytes) % 2 else b""))
    return out + ds


def pixel_element(data):
    """Returns (is_encapsulated, value) of the top-level (7FE0,0010) of an explicit VR LE file we wrote or dcmtk wrote."""
    i = data.rfind(b"\xe0\x7f\x10\x00")
    vr = data[i + 4:i + 6]
    length = struct.unpack_from("<I", data, i + 8)[0]
    if length != 0xFFFFFFFF:
        return False, data[i + 12:i + 12 + length]
    p, frags = i + 12, []
    while True:
        tag = struct.unpack_from("<HH", data, p)
        ln = struct.unpack_from("<I", data, p + 4)[0]
        if tag == (0xFFFE, 0xE0DD):
            break
        frags.append(data[p + 8:p + 8 + ln])
        p += 8 + ln
    return True, b"".join(frags[1:])  # one frame; item 0 is the Basic Offset Table


def pack(values, bits_alloc):
    return struct.pack("<%d%s" % (len(values), "H" if bits_alloc == 16 else "B"), *values)


def trim_jpeg(stream):
    end = stream.rfind(b"\xff\xd9")
    return stream[:end + 2]


def dcmtk_decode(stream, rows, cols, samples, bits_alloc, precision):
    with tempfile.TemporaryDirectory() as d:
        src, dst = os.path.join(d, "in.dcm"), os.path.join(d, "out.dcm")
        open(src, "wb").write(dicom(rows, cols, samples, bits_alloc, precision, stream, TS_LOSSLESS, True))
        subprocess.run(["dcmdjpeg", src, dst], check=True)
        return pixel_element(open(dst, "rb").read())[1][: rows * cols * samples * bits_alloc // 8]


def dcmtk_encode(values, rows, cols, samples, bits_alloc, bits_stored, args):
    with tempfile.TemporaryDirectory() as d:
        src, dst = os.path.join(d, "in.dcm"), os.path.join(d, "out.dcm")
        open(src, "wb").write(dicom(rows, cols, samples, bits_alloc, bits_stored, pack(values, bits_alloc), TS_EXPLICIT_LE, False))
        subprocess.run(["dcmcjpeg"] + args + [src, dst], check=True)
        return trim_jpeg(pixel_element(open(dst, "rb").read())[1])


# ---- a minimal process 14 encoder (only for streams dcmcjpeg cannot make) ----
# Code lengths for SSSS 0..16: a valid prefix code (Kraft sum < 1) with lengths up to 14, so decoders' slow
# path for codes longer than their lookup is exercised too.
LENGTHS = [2, 3, 3, 3, 3, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14]


def huffman_codes():
    counts = [0] * 17
    for l in LENGTHS:
        counts[l] += 1
    order = sorted(range(17), key=lambda s: (LENGTHS[s], s))
    codes, code, prev = {}, 0, LENGTHS[order[0]]
    for s in order:
        code <<= LENGTHS[s] - prev
        prev = LENGTHS[s]
        codes[s] = (code, LENGTHS[s])
        code += 1
    dht = bytes([0x00]) + bytes(counts[1:17]) + bytes(order)
    return codes, dht


class BitWriter:
    def __init__(self):
        self.out, self.acc, self.n = bytearray(), 0, 0

    def put(self, value, n):
        for i in range(n - 1, -1, -1):
            self.acc = (self.acc << 1) | ((value >> i) & 1)
            self.n += 1
            if self.n == 8:
                self.out.append(self.acc)
                if self.acc == 0xFF:
                    self.out.append(0)
                self.acc, self.n = 0, 0

    def flush(self):
        if self.n:
            self.put((1 << (8 - self.n)) - 1, 8 - self.n)


def predict(pred, ra, rb, rc):
    return [None, ra, rb, rc, ra + rb - rc, ra + ((rb - rc) >> 1), rb + ((ra - rc) >> 1), (ra + rb) >> 1][pred]


def encode(planes, rows, cols, precision, pred, pt, restart, interleaved):
    """planes: list of per-component lists (rows*cols). Restart counts MCUs; after a restart the rest of that row
    is a 'first line' (Ra only) and the sample at the restart gets the default prediction (T.81 H.1.2.1)."""
    codes, dht = huffman_codes()
    nc = len(planes)
    out = bytearray(b"\xff\xd8")
    sof = bytes([precision]) + struct.pack(">HH", rows, cols) + bytes([nc])
    for c in range(nc):
        sof += bytes([c + 1, 0x11, 0])
    out += b"\xff\xc3" + struct.pack(">H", len(sof) + 2) + sof
    out += b"\xff\xc4" + struct.pack(">H", len(dht) + 2) + dht
    if restart:
        out += b"\xff\xdd" + struct.pack(">HH", 4, restart)
    scans = [list(range(nc))] if interleaved else [[c] for c in range(nc)]
    initial = 1 << (precision - pt - 1)
    for comps in scans:
        sos = bytes([len(comps)]) + b"".join(bytes([c + 1, 0x00]) for c in comps) + bytes([pred, 0, pt])
        out += b"\xff\xda" + struct.pack(">H", len(sos) + 2) + sos
        bw, left, rst = BitWriter(), restart, 0
        rec = [[v >> pt for v in planes[c]] for c in range(nc)]
        for y in range(rows):
            reset_x = 0 if y == 0 else -1
            for x in range(cols):
                if restart:
                    if left == 0:
                        bw.flush()
                        out += bw.out + bytes([0xFF, 0xD0 + rst])
                        bw, rst, left, reset_x = BitWriter(), (rst + 1) & 7, restart, x
                    left -= 1
                for c in comps:
                    r = rec[c]
                    if reset_x >= 0 and x >= reset_x:
                        px = initial if x == reset_x else r[y * cols + x - 1]
                    elif x == 0:
                        px = r[(y - 1) * cols]
                    else:
                        px = predict(pred, r[y * cols + x - 1], r[(y - 1) * cols + x], r[(y - 1) * cols + x - 1])
                    diff = (r[y * cols + x] - px) & 0xFFFF
                    if diff >= 32768:
                        diff -= 65536 if diff != 32768 else 0
                    if diff == 32768:
                        bw.put(*codes[16])
                        continue
                    s = abs(diff).bit_length()
                    bw.put(*codes[s])
                    if s:
                        bw.put(diff if diff > 0 else (diff - 1) & ((1 << s) - 1), s)
        bw.flush()
        out += bw.out
    return bytes(out + b"\xff\xd9")


# ---- source images (deterministic) ----
def image(rows, cols, samples, bits, seed):
    """Smooth ramps + texture + hard edges: every predictor gets work; values use the full range."""
    vals, m, s = [], (1 << bits) - 1, seed
    for y in range(rows):
        for x in range(cols):
            for c in range(samples):
                s = (s * 1103515245 + 12345) & 0x7FFFFFFF
                v = (x * 37 + y * 53 + c * 101) * (m // 255 + 1) // 4 + (s >> 16) % 7
                if (x // 5 + y // 3) % 4 == 0:
                    v = m - v
                vals.append(v & m)
    return vals


def dct_fixtures():
    """DCT-based streams from libjpeg-turbo's cjpeg (Debian libjpeg-turbo-progs 2.1.5) and the RGB that its djpeg
    (integer IDCT, fancy upsampling, the libjpeg YCbCr->RGB transform) makes of them."""
    import math
    w, h = 45, 37  # odd sizes: partial MCUs and odd chroma widths at both edges
    px = bytearray()
    for y in range(h):
        for x in range(w):
            r, g, b = x * 255 // (w - 1), y * 255 // (h - 1), int(127 + 120 * math.sin(x * 0.4) * math.cos(y * 0.3))
            if (x // 9 + y // 9) % 2 == 0:
                r, g = g, 255 - r
            px += bytes([r, g, b])
    with tempfile.TemporaryDirectory() as d:
        ppm = os.path.join(d, "src.ppm")
        open(ppm, "wb").write(b"P6\n%d %d\n255\n" % (w, h) + px)
        for name, opts in [("dct_rgb_420", ["-sample", "2x2"]), ("dct_rgb_422", ["-sample", "2x1"]),
                           ("dct_rgb_444", ["-sample", "1x1"]), ("dct_rgb_420_progressive", ["-sample", "2x2", "-progressive"]),
                           ("dct_rgb_422_restart", ["-sample", "2x1", "-restart", "2B"]), ("dct_gray", ["-grayscale"])]:
            subprocess.run(["cjpeg", "-quality", "90"] + opts + ["-outfile", name + ".jpg", ppm], check=True)
            subprocess.run(["djpeg", "-dct", "int", "-outfile", name + ".djpeg.pnm", name + ".jpg"], check=True)


def main():
    dct_fixtures()
    manifest = []

    def add(name, stream, expected, rows, cols, samples, bits_alloc, bits_stored, how, **extra):
        open(name + ".jpg", "wb").write(stream)
        open(name + ".raw", "wb").write(pack(expected, bits_alloc))
        manifest.append(dict(name=name, rows=rows, columns=cols, samples=samples, bits_allocated=bits_alloc,
                             bits_stored=bits_stored, made_by=how, **extra))

    # dcmcjpeg: all seven predictors on a 16-bit image
    rows, cols = 24, 40
    src16 = image(rows, cols, 1, 16, 1)
    for sv in range(1, 8):
        args = ["+el", "+sv", str(sv)]
        stream = dcmtk_encode(src16, rows, cols, 1, 16, 16, args)
        assert dcmtk_decode(stream, rows, cols, 1, 16, 16) == pack(src16, 16)
        add(f"gray16_sv{sv}", stream, src16, rows, cols, 1, 16, 16, "dcmcjpeg " + " ".join(args), predictor=sv)
    # dcmcjpeg: point transform (decoded = source with the low Pt bits cleared), 12-bit
    src12 = image(rows, cols, 1, 12, 2)
    args = ["+el", "+sv", "4", "+pt", "3"]
    stream = dcmtk_encode(src12, rows, cols, 1, 16, 12, args)
    exp = [(v >> 3) << 3 for v in src12]
    assert dcmtk_decode(stream, rows, cols, 1, 16, 12) == pack(exp, 16)
    add("gray12_sv4_pt3", stream, exp, rows, cols, 1, 16, 12, "dcmcjpeg " + " ".join(args), predictor=4, point_transform=3)
    # dcmcjpeg: 8-bit grey and 8-bit RGB (one interleaved scan)
    src8 = image(rows, cols, 1, 8, 3)
    args = ["+el", "+sv", "7"]
    stream = dcmtk_encode(src8, rows, cols, 1, 8, 8, args)
    assert dcmtk_decode(stream, rows, cols, 1, 8, 8) == pack(src8, 8)
    add("gray8_sv7", stream, src8, rows, cols, 1, 8, 8, "dcmcjpeg " + " ".join(args), predictor=7)
    rgb = image(rows, cols, 3, 8, 4)
    args = ["+el", "+sv", "5"]
    stream = dcmtk_encode(rgb, rows, cols, 3, 8, 8, args)
    assert dcmtk_decode(stream, rows, cols, 3, 8, 8) == pack(rgb, 8)
    add("rgb8_sv5", stream, rgb, rows, cols, 3, 8, 8, "dcmcjpeg " + " ".join(args), predictor=5)

    # own encoder, verified by dcmdjpeg
    def own(name, vals, rows, cols, samples, bits_alloc, precision, pred, pt, restart, interleaved, **extra):
        planes = [vals[c::samples] for c in range(samples)]
        stream = encode(planes, rows, cols, precision, pred, pt, restart, interleaved)
        exp = [(v >> pt) << pt for v in vals]
        got = dcmtk_decode(stream, rows, cols, samples, bits_alloc, precision)
        assert got == pack(exp, bits_alloc), name + ": dcmdjpeg disagrees"
        how = f"make_fixtures.py encode(precision={precision}, predictor={pred}, pt={pt}, restart={restart}, interleaved={interleaved}); dcmdjpeg-verified"
        add(name, stream, exp, rows, cols, samples, bits_alloc, precision, how, predictor=pred, point_transform=pt, restart_interval=restart, **extra)

    own("gray16_sv6_rst2rows", src16, rows, cols, 1, 16, 16, 6, 0, 2 * cols, True)
    own("rgb8_sv2_rst3rows", rgb, rows, cols, 3, 8, 8, 2, 0, 3 * cols, True)
    own("rgb8_sv4_separate_scans", rgb, rows, cols, 3, 8, 8, 4, 0, 0, False)
    # SSSS=16: alternating 0 / 32768 columns make predictor-1 differences of exactly 32768
    jump = [(32768 if (x % 2) else 0) + y for y in range(8) for x in range(16)]
    own("gray16_ssss16", jump, 8, 16, 1, 16, 16, 1, 0, 0, True)
    src2 = image(rows, cols, 1, 2, 5)
    own("gray2_sv3", src2, rows, cols, 1, 8, 2, 3, 0, 0, True)
    json.dump(manifest, open("manifest.json", "w"), indent=1)
    print("wrote", len(manifest), "fixtures")


if __name__ == "__main__":
    main()
