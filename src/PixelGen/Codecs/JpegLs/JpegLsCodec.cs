using PixelGen.Dicom;
using PixelGen.Layout;
using PixelGen.Pixels;

namespace PixelGen.Codecs.JpegLs;

/// <summary>
/// Managed JPEG-LS decoder for JPEG-LS Lossless (1.2.840.10008.1.2.4.80) and Near-Lossless (…4.81): regular and
/// run modes, NEAR, interleave modes none/line/sample (returned samples-interleaved), 2–16-bit precision.
/// Needs no native library. Output follows the decoding contract: values masked to Bits Stored and
/// sign-extended when Pixel Representation is 1.
/// </summary>
public sealed class JpegLsCodec : IFrameDecoder
{
    /// <summary>The shared instance.</summary>
    public static JpegLsCodec Instance { get; } = new();

    /// <summary>Registers the codec for both JPEG-LS transfer syntaxes.</summary>
    public static void Register()
    {
        FrameDecoders.RegisterCodec(TransferSyntax.JpegLsLossless.Uid, Instance);
        FrameDecoders.RegisterCodec(TransferSyntax.JpegLsNearLossless.Uid, Instance);
    }

    /// <inheritdoc />
    public string Name => "JPEG-LS (managed)";

    /// <inheritdoc />
    public bool IsGenerated => false;

    /// <inheritdoc />
    public bool CanDecode(FrameLayout layout)
        => layout.Kind == PixelDataKind.Integer && layout.BitsAllocated is 8 or 16 && layout.SamplesPerPixel is 1 or 3 or 4;

    /// <inheritdoc />
    public void Decode(ReadOnlySpan<byte> source, Span<byte> destination, FrameLayout layout)
        => JpegLsDecoder.Decode(source, destination, layout);
}
