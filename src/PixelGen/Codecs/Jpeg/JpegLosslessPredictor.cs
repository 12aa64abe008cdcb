using System.Runtime.CompilerServices;

namespace PixelGen.Codecs.Jpeg;

/// <summary>
/// Process 14 prediction and difference decoding (T.81 H.1.2): the seven predictors on Ra (left), Rb (above),
/// Rc (above-left); reconstruction modulo 2^16; the SSSS = 16 difference (32768, no extra bits).
/// </summary>
internal static class JpegLosslessPredictor
{
    /// <summary>Predictor for a sample with all three neighbours available (not first row, not first column).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static int Predict(int predictor, int ra, int rb, int rc) => predictor switch
    {
        1 => ra,
        2 => rb,
        3 => rc,
        4 => ra + rb - rc,
        5 => ra + ((rb - rc) >> 1),
        6 => rb + ((ra - rc) >> 1),
        _ => (ra + rb) >> 1,
    };

    /// <summary>Decodes one difference value: a Huffman-coded SSSS then SSSS extra bits (T.81 H.1.2.2, table H.2).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static int DecodeDifference(ref JpegBitReader bits, JpegHuffmanTable table)
    {
        bits.Fill();
        int e = table.DiffLookup[bits.Peek(JpegHuffmanTable.DiffLookupBits)];
        if ((e & 0xFF) != 0)
        {
            bits.Skip(e & 0xFF);
            return e >> 8;
        }
        return DecodeDifferenceSlow(ref bits, table);
    }

    /// <summary>Codes whose symbol and extra bits do not fit the difference lookup.</summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    private static int DecodeDifferenceSlow(ref JpegBitReader bits, JpegHuffmanTable table)
    {
        int s = bits.DecodeSymbol(table);
        if (s == 0) return 0;
        if (s >= 16)
        {
            if (s == 16) return 32768;
            throw JpegMarkerReader.Error($"difference category {s} is invalid (0-16 allowed)", bits.Position);
        }
        int v = bits.ReadBits(s);
        return v < (1 << (s - 1)) ? v - (1 << s) + 1 : v;
    }

    /// <summary>
    /// Decodes one row of a single-component scan without restart handling inside the row, specialised per
    /// predictor so that the inner loop has no predictor switch. <paramref name="firstLine"/>: the row is the first
    /// of the image or of a restart interval (Ra only, the first sample gets <paramref name="initial"/>).
    /// </summary>
    public static void DecodeRow(ref JpegBitReader bits, JpegHuffmanTable table, Span<int> cur, ReadOnlySpan<int> prev,
        int predictor, bool firstLine, int initial)
    {
        int w = cur.Length;
        if (firstLine)
        {
            int a = (initial + DecodeDifference(ref bits, table)) & 0xFFFF;
            cur[0] = a;
            for (int x = 1; x < w; x++) cur[x] = a = (a + DecodeDifference(ref bits, table)) & 0xFFFF;
            return;
        }
        prev = prev[..w];
        int ra = (prev[0] + DecodeDifference(ref bits, table)) & 0xFFFF;
        cur[0] = ra;
        switch (predictor)
        {
            case 1:
                for (int x = 1; x < w; x++) cur[x] = ra = (ra + DecodeDifference(ref bits, table)) & 0xFFFF;
                break;
            case 2:
                for (int x = 1; x < w; x++) cur[x] = (prev[x] + DecodeDifference(ref bits, table)) & 0xFFFF;
                break;
            case 3:
                for (int x = 1; x < w; x++) cur[x] = (prev[x - 1] + DecodeDifference(ref bits, table)) & 0xFFFF;
                break;
            case 4:
                for (int x = 1; x < w; x++) cur[x] = ra = (ra + prev[x] - prev[x - 1] + DecodeDifference(ref bits, table)) & 0xFFFF;
                break;
            case 5:
                for (int x = 1; x < w; x++) cur[x] = ra = (ra + ((prev[x] - prev[x - 1]) >> 1) + DecodeDifference(ref bits, table)) & 0xFFFF;
                break;
            case 6:
                for (int x = 1; x < w; x++) cur[x] = ra = (prev[x] + ((ra - prev[x - 1]) >> 1) + DecodeDifference(ref bits, table)) & 0xFFFF;
                break;
            default:
                for (int x = 1; x < w; x++) cur[x] = ra = (((ra + prev[x]) >> 1) + DecodeDifference(ref bits, table)) & 0xFFFF;
                break;
        }
    }
}
