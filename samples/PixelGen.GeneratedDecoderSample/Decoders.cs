using PixelGen.Generation;

namespace PixelGen.GeneratedDecoderSample;

/// <summary>
/// A consumer's own decoder for a layout no preset covers: CT stored as 14-bit signed values in 16-bit words
/// (the corpus file 693_UNCR.dcm). The generator implements IFrameDecoder and registers it from a module
/// initializer, so FrameDecoders.Find (and the frame reader) pick it for such frames.
/// </summary>
[PixelLayout(BitsAllocated = 16, BitsStored = 14, Signed = true)]
public sealed partial class Ct14SignedDecoder;

/// <summary>The method form: decoding functions whose bodies are generated.</summary>
public static partial class Kernels
{
    /// <summary>12 stored bits at the top of each 16-bit word (High Bit 15), signed.</summary>
    [PixelLayout(BitsAllocated = 16, BitsStored = 12, HighBit = 15, Signed = true)]
    public static partial void DecodeHighAligned12(ReadOnlySpan<byte> raw, Span<short> pixels);

    /// <summary>16-bit unsigned big endian samples.</summary>
    [PixelLayout(BitsAllocated = 16, BigEndian = true)]
    public static partial void DecodeBigEndian16(ReadOnlySpan<byte> raw, Span<ushort> pixels);
}
