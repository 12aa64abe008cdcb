using System.Runtime.Intrinsics;

namespace PixelGen.Codecs.Jpeg;

/// <summary>How a JPEG stream's three components are coded.</summary>
public enum JpegColourModel
{
    /// <summary>One component.</summary>
    Grey,
    /// <summary>Y, Cb, Cr (full range, JFIF).</summary>
    YCbCr,
    /// <summary>R, G, B stored without a colour transform.</summary>
    Rgb,
    /// <summary>Anything else (2 or 4 components, Adobe YCCK): returned as stored.</summary>
    Other,
}

/// <summary>What baseline/extended JPEG codecs return for colour images.</summary>
public enum JpegColourOutput
{
    /// <summary>The stored components, untransformed (pydicom 2.3.1 + GDCM): YCbCr streams give YBR_FULL.</summary>
    AsStored,
    /// <summary>YCbCr streams are converted to RGB (libjpeg's integer transform); RGB streams are returned as stored.</summary>
    Rgb,
}

/// <summary>
/// The colour decision for DCT-based JPEG and the YCbCr → RGB transform. The rule, in order:
/// 1 component → grey; Adobe APP14 present → its transform flag (0 RGB, 1 YCbCr, 2 YCCK → other);
/// JFIF APP0 present → YCbCr; component identifiers 'R','G','B' → RGB; Photometric Interpretation YBR_* → YCbCr;
/// labelled RGB with subsampled chroma → YCbCr (nobody subsamples RGB: GDCM's mislabelled lossy files);
/// otherwise RGB (the label is believed, unlike libjpeg, which would assume YCbCr without markers).
/// </summary>
public static class JpegColour
{
    /// <summary>Applies the colour rule to the stream's header; see the type's remarks.</summary>
    internal static JpegColourModel Decide(JpegStreamInfo info, string photometricInterpretation)
    {
        var comps = info.Frame.Components;
        if (comps.Length == 1) return JpegColourModel.Grey;
        if (comps.Length != 3) return JpegColourModel.Other;
        if (info.AdobeTransform >= 0)
            return info.AdobeTransform switch { 0 => JpegColourModel.Rgb, 1 => JpegColourModel.YCbCr, _ => JpegColourModel.Other };
        if (info.HasJfif) return JpegColourModel.YCbCr;
        if (comps[0].Id == 'R' && comps[1].Id == 'G' && comps[2].Id == 'B') return JpegColourModel.Rgb;
        if (photometricInterpretation.StartsWith("YBR", StringComparison.Ordinal)) return JpegColourModel.YCbCr;
        bool subsampled = comps[0].H != comps[1].H || comps[0].V != comps[1].V || comps[1].H != comps[2].H || comps[1].V != comps[2].V;
        return subsampled ? JpegColourModel.YCbCr : JpegColourModel.Rgb;
    }

    /// <summary>Reads the stream header of one frame and applies the colour rule.</summary>
    /// <exception cref="PixelDataException">The header cannot be read.</exception>
    public static JpegColourModel Decide(ReadOnlySpan<byte> frame, string photometricInterpretation)
        => Decide(JpegStreamInfo.Read(frame), photometricInterpretation);

    // libjpeg jdcolor.c: FIX(x) = x * 2^16 rounded.
    private const int CrR = 91881, CbG = 22554, CrG = 46802, CbB = 116130, Half = 1 << 15;

    /// <summary>
    /// Converts rows of full-range Y, Cb, Cr (precision <paramref name="precision"/>) to R, G, B in place with
    /// libjpeg's fixed-point coefficients, clamped; vectorised with Vector256/Vector128 where available.
    /// </summary>
    public static void YCbCrToRgb(Span<int> y, Span<int> cb, Span<int> cr, int precision)
    {
        int n = Math.Min(y.Length, Math.Min(cb.Length, cr.Length));
        int centre = 1 << (precision - 1), max = (1 << precision) - 1;
        int i = 0;
        if (Vector256.IsHardwareAccelerated && n >= Vector256<int>.Count)
        {
            var vc = Vector256.Create(centre); var vmax = Vector256.Create(max); var vh = Vector256.Create(Half);
            var kCrR = Vector256.Create(CrR); var kCbG = Vector256.Create(CbG); var kCrG = Vector256.Create(CrG); var kCbB = Vector256.Create(CbB);
            for (; i <= n - Vector256<int>.Count; i += Vector256<int>.Count)
            {
                var vy = Vector256.Create<int>(y.Slice(i));
                var vb = Vector256.Create<int>(cb.Slice(i)) - vc;
                var vr = Vector256.Create<int>(cr.Slice(i)) - vc;
                var r = vy + Vector256.ShiftRightArithmetic(kCrR * vr + vh, 16);
                var g = vy + Vector256.ShiftRightArithmetic(vh - kCbG * vb - kCrG * vr, 16);
                var b = vy + Vector256.ShiftRightArithmetic(kCbB * vb + vh, 16);
                Vector256.Min(Vector256.Max(r, Vector256<int>.Zero), vmax).CopyTo(y.Slice(i));
                Vector256.Min(Vector256.Max(g, Vector256<int>.Zero), vmax).CopyTo(cb.Slice(i));
                Vector256.Min(Vector256.Max(b, Vector256<int>.Zero), vmax).CopyTo(cr.Slice(i));
            }
        }
        else if (Vector128.IsHardwareAccelerated && n >= Vector128<int>.Count)
        {
            var vc = Vector128.Create(centre); var vmax = Vector128.Create(max); var vh = Vector128.Create(Half);
            var kCrR = Vector128.Create(CrR); var kCbG = Vector128.Create(CbG); var kCrG = Vector128.Create(CrG); var kCbB = Vector128.Create(CbB);
            for (; i <= n - Vector128<int>.Count; i += Vector128<int>.Count)
            {
                var vy = Vector128.Create<int>(y.Slice(i));
                var vb = Vector128.Create<int>(cb.Slice(i)) - vc;
                var vr = Vector128.Create<int>(cr.Slice(i)) - vc;
                var r = vy + Vector128.ShiftRightArithmetic(kCrR * vr + vh, 16);
                var g = vy + Vector128.ShiftRightArithmetic(vh - kCbG * vb - kCrG * vr, 16);
                var b = vy + Vector128.ShiftRightArithmetic(kCbB * vb + vh, 16);
                Vector128.Min(Vector128.Max(r, Vector128<int>.Zero), vmax).CopyTo(y.Slice(i));
                Vector128.Min(Vector128.Max(g, Vector128<int>.Zero), vmax).CopyTo(cb.Slice(i));
                Vector128.Min(Vector128.Max(b, Vector128<int>.Zero), vmax).CopyTo(cr.Slice(i));
            }
        }
        for (; i < n; i++)
        {
            int vy = y[i], vb = cb[i] - centre, vr = cr[i] - centre;
            y[i] = Math.Clamp(vy + ((CrR * vr + Half) >> 16), 0, max);
            cb[i] = Math.Clamp(vy + ((Half - CbG * vb - CrG * vr) >> 16), 0, max);
            cr[i] = Math.Clamp(vy + ((CbB * vb + Half) >> 16), 0, max);
        }
    }
}
