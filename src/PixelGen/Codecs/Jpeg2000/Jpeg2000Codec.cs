using PixelGen.Dicom;
using PixelGen.Layout;
using PixelGen.Pixels;

namespace PixelGen.Codecs.Jpeg2000;

/// <summary>
/// JPEG 2000 (1.2.840.10008.1.2.4.90, …4.91) and HTJ2K (…4.201, …4.202, …4.203) through the system's OpenJPEG
/// (<c>libopenjp2.so.7</c>), for raw codestreams and JP2-wrapped ones. The codestream header is checked in managed
/// code before OpenJPEG sees it. Without the library, decoding raises <see cref="CodecUnavailableException"/>
/// naming the Debian package libopenjp2-7; nothing else depends on it.
/// YBR_ICT and YBR_RCT frames decode to RGB (OpenJPEG applies the inverse component transform).
/// </summary>
public sealed class Jpeg2000Codec : IFrameDecoder
{
    private readonly bool _highThroughput;

    private Jpeg2000Codec(bool highThroughput) => _highThroughput = highThroughput;

    /// <summary>The codec for JPEG 2000 Part 1 transfer syntaxes (…4.90, …4.91).</summary>
    public static Jpeg2000Codec Jpeg2000 { get; } = new(false);

    /// <summary>The codec for HTJ2K transfer syntaxes (…4.201, …4.202, …4.203).</summary>
    public static Jpeg2000Codec HighThroughput { get; } = new(true);

    /// <summary>Registers the codecs for the five JPEG 2000 and HTJ2K transfer syntaxes.</summary>
    public static void Register()
    {
        FrameDecoders.RegisterCodec(TransferSyntax.Jpeg2000Lossless.Uid, Jpeg2000);
        FrameDecoders.RegisterCodec(TransferSyntax.Jpeg2000.Uid, Jpeg2000);
        FrameDecoders.RegisterCodec(TransferSyntax.HtJpeg2000Lossless.Uid, HighThroughput);
        FrameDecoders.RegisterCodec(TransferSyntax.HtJpeg2000LosslessRpcl.Uid, HighThroughput);
        FrameDecoders.RegisterCodec(TransferSyntax.HtJpeg2000.Uid, HighThroughput);
    }

    /// <summary>True when OpenJPEG could be loaded on this machine.</summary>
    public static bool IsAvailable => OpenJpegLibrary.Instance is not null;

    /// <summary>Why the codec is unavailable (with the package to install), or null when it is available.</summary>
    public static string? UnavailableReason => OpenJpegLibrary.UnavailableReason;

    /// <summary>The loaded OpenJPEG version, or null when it is not installed.</summary>
    public static string? LibraryVersion => OpenJpegLibrary.Instance?.VersionText;

    /// <inheritdoc />
    public string Name => _highThroughput ? "HTJ2K (OpenJPEG)" : "JPEG 2000 (OpenJPEG)";

    /// <inheritdoc />
    public bool IsGenerated => false;

    /// <inheritdoc />
    public bool CanDecode(FrameLayout layout)
        => layout.Kind == PixelDataKind.Integer && layout.BitsAllocated is 8 or 16 or 32;

    /// <inheritdoc />
    public void Decode(ReadOnlySpan<byte> source, Span<byte> destination, FrameLayout layout)
        => Jpeg2000Decoder.Decode(source, destination, layout, _highThroughput);

    /// <summary>RGB for YBR_ICT and YBR_RCT (the decoder applies the inverse transform); otherwise as labelled.</summary>
    public string DecodedPhotometricInterpretation(FrameLayout layout)
        => layout.PhotometricInterpretation is "YBR_ICT" or "YBR_RCT" ? "RGB" : layout.PhotometricInterpretation;
}
