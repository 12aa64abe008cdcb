namespace PixelGen.Pixels;

/// <summary>
/// The runtime decoder for native (uncompressed) frames of any valid layout; an <see cref="IFrameDecoder"/>
/// wrapper over <see cref="PixelDecoder"/>. Stateless and thread-safe: use <see cref="Instance"/>.
/// </summary>
public sealed class NativeFrameDecoder : IFrameDecoder
{
    /// <summary>The single instance.</summary>
    public static NativeFrameDecoder Instance { get; } = new();

    private NativeFrameDecoder() { }

    /// <inheritdoc />
    public string Name => "native (runtime)";

    /// <inheritdoc />
    public bool IsGenerated => false;

    /// <inheritdoc />
    public bool CanDecode(FrameLayout layout) => layout is not null && layout.Validate() == Layout.LayoutError.None;

    /// <inheritdoc />
    public void Decode(ReadOnlySpan<byte> source, Span<byte> destination, FrameLayout layout)
        => PixelDecoder.Decode(source, destination, layout);

    /// <summary>Native YBR_FULL_422 is upsampled but not converted, so it decodes to YBR_FULL; other data keeps its colour space.</summary>
    public string DecodedPhotometricInterpretation(FrameLayout layout)
        => layout.IsYbrFull422 ? "YBR_FULL" : layout.PhotometricInterpretation;
}
