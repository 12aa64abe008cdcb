namespace PixelGen.Codecs.JpegLs;

/// <summary>
/// The coding parameters of one JPEG-LS scan (ITU-T T.87 A.2 and C.2.4.1.1): MAXVAL, NEAR, the gradient
/// thresholds, RESET and the values derived from them (RANGE, qbpp, LIMIT).
/// </summary>
internal readonly record struct JpegLsCodingParameters(int MaxVal, int Near, int T1, int T2, int T3, int Reset)
{
    /// <summary>RANGE = ⌊(MAXVAL + 2·NEAR) / (2·NEAR + 1)⌋ + 1.</summary>
    public int Range => (MaxVal + 2 * Near) / (2 * Near + 1) + 1;

    /// <summary>qbpp = ⌈log2 RANGE⌉.</summary>
    public int Qbpp => CeilLog2(Range);

    /// <summary>bpp = max(2, ⌈log2(MAXVAL + 1)⌉).</summary>
    public int Bpp => Math.Max(2, CeilLog2(MaxVal + 1));

    /// <summary>LIMIT = 2·(bpp + max(8, bpp)).</summary>
    public int Limit => 2 * (Bpp + Math.Max(8, Bpp));

    /// <summary>
    /// Resolves the parameters of a scan: values given in an LSE preset segment (0 = not given) override the
    /// defaults of C.2.4.1.1, which depend on MAXVAL and NEAR. Throws when the result is not a valid set.
    /// </summary>
    public static JpegLsCodingParameters Resolve(int precision, JpegLsPresetValues preset, int near)
    {
        int maxVal = preset.MaxVal != 0 ? preset.MaxVal : (1 << precision) - 1;
        if (maxVal < 1 || maxVal >= 1 << precision)
            throw new PixelDataException($"JPEG-LS MAXVAL {maxVal} is outside 1..{(1 << precision) - 1} for precision {precision}");
        if (near < 0 || near > Math.Min(255, maxVal / 2))
            throw new PixelDataException($"JPEG-LS NEAR {near} is outside 0..{Math.Min(255, maxVal / 2)} for MAXVAL {maxVal}");

        var (d1, d2, d3) = DefaultThresholds(maxVal, near);
        int t1 = preset.T1 != 0 ? preset.T1 : d1;
        int t2 = preset.T2 != 0 ? preset.T2 : d2;
        int t3 = preset.T3 != 0 ? preset.T3 : d3;
        int reset = preset.Reset != 0 ? preset.Reset : 64;
        if (t1 < near + 1 || t1 > maxVal || t2 < t1 || t2 > maxVal || t3 < t2 || t3 > maxVal)
            throw new PixelDataException($"JPEG-LS thresholds T1={t1} T2={t2} T3={t3} are invalid for MAXVAL {maxVal} and NEAR {near}");
        if (reset < 3 || reset > Math.Max(255, maxVal))
            throw new PixelDataException($"JPEG-LS RESET {reset} is outside 3..{Math.Max(255, maxVal)}");

        var p = new JpegLsCodingParameters(maxVal, near, t1, t2, t3, reset);
        // Context counters stay in 32 bits: A[Q] can reach RESET·RANGE before it is halved.
        if ((long)reset * p.Range >= 1L << 30)
            throw new PixelDataException($"JPEG-LS RESET {reset} with RANGE {p.Range} is not supported (context counters would overflow)");
        return p;
    }

    /// <summary>Default T1, T2, T3 for MAXVAL and NEAR (T.87 C.2.4.1.1.1).</summary>
    public static (int T1, int T2, int T3) DefaultThresholds(int maxVal, int near)
    {
        const int BasicT1 = 3, BasicT2 = 7, BasicT3 = 21;
        if (maxVal >= 128)
        {
            int factor = (Math.Min(maxVal, 4095) + 128) / 256;
            int t1 = Clamp(factor * (BasicT1 - 2) + 2 + 3 * near, near + 1, maxVal);
            int t2 = Clamp(factor * (BasicT2 - 3) + 3 + 5 * near, t1, maxVal);
            int t3 = Clamp(factor * (BasicT3 - 4) + 4 + 7 * near, t2, maxVal);
            return (t1, t2, t3);
        }
        else
        {
            int factor = 256 / (maxVal + 1);
            int t1 = Clamp(Math.Max(2, BasicT1 / factor + 3 * near), near + 1, maxVal);
            int t2 = Clamp(Math.Max(3, BasicT2 / factor + 5 * near), t1, maxVal);
            int t3 = Clamp(Math.Max(4, BasicT3 / factor + 7 * near), t2, maxVal);
            return (t1, t2, t3);
        }

        static int Clamp(int i, int j, int maxVal) => i > maxVal || i < j ? j : i;
    }

    private static int CeilLog2(int value)
    {
        int n = 0;
        while ((1L << n) < value) n++;
        return n;
    }
}

/// <summary>Values of an LSE preset coding parameters segment (ID 1); 0 means "use the default".</summary>
internal readonly record struct JpegLsPresetValues(int MaxVal, int T1, int T2, int T3, int Reset);
