using PixelGen.Pixels;

namespace PixelGen.Codecs.Jpeg;

/// <summary>Registers the JPEG family codecs (DCT-based through JpegLibrary, lossless process 14 managed).</summary>
public static class JpegCodecs
{
    /// <summary>JPEG Baseline (Process 1).</summary>
    public const string Baseline = "1.2.840.10008.1.2.4.50";
    /// <summary>JPEG Extended (Process 2 and 4), 12-bit.</summary>
    public const string Extended = "1.2.840.10008.1.2.4.51";
    /// <summary>JPEG Spectral Selection, Non-Hierarchical (Process 6 and 8), retired.</summary>
    public const string SpectralSelection = "1.2.840.10008.1.2.4.53";
    /// <summary>JPEG Full Progression, Non-Hierarchical (Process 10 and 12), retired.</summary>
    public const string FullProgression = "1.2.840.10008.1.2.4.55";
    /// <summary>JPEG Lossless, Non-Hierarchical (Process 14), any predictor.</summary>
    public const string Lossless = "1.2.840.10008.1.2.4.57";
    /// <summary>JPEG Lossless, Non-Hierarchical, First-Order Prediction (Process 14, Selection Value 1).</summary>
    public const string LosslessSv1 = "1.2.840.10008.1.2.4.70";

    /// <summary>Registers every JPEG transfer syntax with <see cref="FrameDecoders"/> (idempotent).</summary>
    public static void Register()
    {
        foreach (var uid in new[] { Baseline, Extended, SpectralSelection, FullProgression })
            FrameDecoders.RegisterCodec(uid, JpegBaselineDecoder.Instance);
        FrameDecoders.RegisterCodec(Lossless, JpegLosslessDecoder.Instance);
        FrameDecoders.RegisterCodec(LosslessSv1, JpegLosslessDecoder.Instance);
    }
}
