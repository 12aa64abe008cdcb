using PixelGen.Generation;

namespace PixelGen.GeneratedDecoderSample;

/// <summary>
/// A consumer's own decoder: CT data whose 12 stored bits sit in the top of each word (High Bit 15), a layout no
/// preset covers. The generator implements IFrameDecoder and registers it, so FrameDecoders.Find picks it.
/// </summary>
[PixelLayout(BitsAllocated = 16, BitsStored = 12, HighBit = 15, Signed = true, Name = "Sample CT 12-in-16 high")]
public sealed partial class HighAlignedCtDecoder;

/// <summary>The method form: a decoding function for 16-bit big endian data, body generated.</summary>
public static partial class Kernels
{
    /// <summary>Decodes big endian 16-bit unsigned samples.</summary>
    [PixelLayout(BitsAllocated = 16, BigEndian = true)]
    public static partial void DecodeBigEndian16(ReadOnlySpan<byte> raw, Span<ushort> pixels);
}
