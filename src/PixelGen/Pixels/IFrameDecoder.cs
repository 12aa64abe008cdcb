namespace PixelGen.Pixels;

/// <summary>
/// Decodes one frame's bytes (native bytes, or one encapsulated frame's codestream) into decoded pixels:
/// <see cref="FrameLayout.ElementType"/> values, little endian, samples interleaved
/// (rows × columns × samples). The runtime decoder, the codecs and generated decoders all implement it.
/// </summary>
public interface IFrameDecoder
{
    /// <summary>A stable name shown to users (e.g. by the CLI's <c>info</c>).</summary>
    string Name { get; }

    /// <summary>True for decoders emitted by the PixelGen source generator.</summary>
    bool IsGenerated { get; }

    /// <summary>True when this decoder handles frames of <paramref name="layout"/>.</summary>
    bool CanDecode(FrameLayout layout);

    /// <summary>
    /// Decodes <paramref name="source"/> into <paramref name="destination"/>, which must hold at least
    /// <see cref="FrameLayout.DecodedFrameLength"/> bytes. Never reads or writes outside either span; bad data
    /// raises <see cref="PixelDataException"/>.
    /// </summary>
    void Decode(ReadOnlySpan<byte> source, Span<byte> destination, FrameLayout layout);

    /// <summary>
    /// The colour space of the decoded pixels, which can differ from the data set's Photometric Interpretation
    /// (JPEG 2000 with YBR_ICT/YBR_RCT decodes to RGB).
    /// </summary>
    string DecodedPhotometricInterpretation(FrameLayout layout) => layout.PhotometricInterpretation;

    /// <summary>
    /// The colour space of one frame's decoded pixels when it depends on the codestream (a JPEG's JFIF/APP14 markers
    /// and component ids can say YCbCr under an RGB label). By default the same as <see cref="DecodedPhotometricInterpretation(FrameLayout)"/>.
    /// </summary>
    string DecodedPhotometricInterpretation(ReadOnlySpan<byte> source, FrameLayout layout) => DecodedPhotometricInterpretation(layout);
}
