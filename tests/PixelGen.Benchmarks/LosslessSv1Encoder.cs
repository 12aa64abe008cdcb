namespace PixelGen.Benchmarks;

/// <summary>
/// A minimal JPEG process 14 SV1 encoder for benchmark inputs: one component, one fixed Huffman prefix code
/// (an optimised table would change the stream size, not the decoder's work per sample). The benchmark checks the
/// stream by decoding it back.
/// </summary>
internal static class LosslessSv1Encoder
{
    // Code lengths for SSSS 0..16 (a prefix code; Kraft sum < 1), tuned for low-noise 12-bit data.
    private static readonly int[] Lengths = [4, 4, 3, 3, 3, 3, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13];

    public static byte[] Encode(ushort[] pixels, int width, int height, int precision)
    {
        var order = Enumerable.Range(0, 17).OrderBy(s => Lengths[s]).ThenBy(s => s).ToArray();
        var codes = new (int Code, int Length)[17];
        int code = 0, prev = Lengths[order[0]];
        foreach (int s in order)
        {
            code <<= Lengths[s] - prev;
            prev = Lengths[s];
            codes[s] = (code++, Lengths[s]);
        }
        var o = new List<byte> { 0xFF, 0xD8 };
        void Segment(byte marker, byte[] payload)
        {
            o.Add(0xFF); o.Add(marker);
            o.Add((byte)((payload.Length + 2) >> 8)); o.Add((byte)(payload.Length + 2));
            o.AddRange(payload);
        }
        Segment(0xC3, [(byte)precision, (byte)(height >> 8), (byte)height, (byte)(width >> 8), (byte)width, 1, 1, 0x11, 0]);
        var counts = new byte[16];
        foreach (int l in Lengths) counts[l - 1]++;
        Segment(0xC4, [0x00, .. counts, .. order.Select(s => (byte)s)]);
        Segment(0xDA, [1, 1, 0x00, 1, 0, 0]);

        ulong acc = 0; int bits = 0;
        void Put(int value, int n)
        {
            acc = (acc << n) | (uint)(value & ((1 << n) - 1));
            bits += n;
            while (bits >= 8)
            {
                byte b = (byte)(acc >> (bits - 8));
                o.Add(b);
                if (b == 0xFF) o.Add(0);
                bits -= 8;
            }
        }
        for (int y = 0; y < height; y++)
            for (int x = 0; x < width; x++)
            {
                int px = y == 0 ? (x == 0 ? 1 << (precision - 1) : pixels[x - 1]) : x == 0 ? pixels[(y - 1) * width] : pixels[y * width + x - 1];
                int diff = (pixels[y * width + x] - px) & 0xFFFF;
                if (diff >= 32768) diff -= diff == 32768 ? 0 : 65536;
                if (diff == 32768) { Put(codes[16].Code, codes[16].Length); continue; }
                int s = diff == 0 ? 0 : 32 - int.LeadingZeroCount(Math.Abs(diff));
                Put(codes[s].Code, codes[s].Length);
                if (s > 0) Put(diff > 0 ? diff : diff - 1, s);
            }
        if (bits > 0) Put((1 << (8 - bits)) - 1, 8 - bits);
        o.Add(0xFF); o.Add(0xD9);
        return [.. o];
    }
}
