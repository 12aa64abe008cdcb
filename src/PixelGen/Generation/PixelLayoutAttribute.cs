using System.Diagnostics;
using PixelGen.Layout;

namespace PixelGen.Generation;

/// <summary>
/// Asks the PixelGen source generator for a frame decoder specialised for one native pixel layout.
/// </summary>
/// <remarks>
/// <para>On a <c>partial</c> class or struct the generator makes the type implement
/// <see cref="PixelGen.Pixels.IFrameDecoder"/> for exactly this layout, adds a <c>public static Instance</c> and
/// registers it with <see cref="PixelGen.Pixels.FrameDecoders.RegisterNative"/> from a generated module initializer,
/// so the frame reader dispatches matching frames to it.</para>
/// <para>On a <c>static partial void</c> method taking <c>(ReadOnlySpan&lt;byte&gt; raw, Span&lt;T&gt; pixels)</c> the
/// generator writes the body: it decodes <c>raw</c> into <c>pixels</c> (rows × columns × samples, interleaved), whose
/// length says how many samples to decode.</para>
/// <para>Invalid layouts are reported at compile time (diagnostics PG1001 to PG1011).</para>
/// </remarks>
/// <example><code>
/// [PixelLayout(BitsAllocated = 16, BitsStored = 12, Signed = true)]
/// public sealed partial class Ct12Decoder;
/// </code></example>
[AttributeUsage(AttributeTargets.Class | AttributeTargets.Struct | AttributeTargets.Method, AllowMultiple = false, Inherited = false)]
[Conditional("PIXELGEN_KEEP_LAYOUT_ATTRIBUTES")]
public sealed class PixelLayoutAttribute : Attribute
{
    /// <summary>(0028,0100) Bits Allocated: 1, 8, 16, 32 or 64. Required.</summary>
    public int BitsAllocated { get; set; }

    /// <summary>(0028,0101) Bits Stored; 0 (the default) means equal to <see cref="BitsAllocated"/>.</summary>
    public int BitsStored { get; set; }

    /// <summary>(0028,0102) High Bit; −1 (the default) means <see cref="BitsStored"/> − 1.</summary>
    public int HighBit { get; set; } = -1;

    /// <summary>(0028,0103) Pixel Representation 1: values are two's complement and sign-extended from Bits Stored.</summary>
    public bool Signed { get; set; }

    /// <summary>(0028,0002) Samples per Pixel: 1, 3 or 4. Default 1.</summary>
    public int Samples { get; set; } = 1;

    /// <summary>(0028,0006) Planar Configuration: 0 interleaved (default), 1 one plane per sample.</summary>
    public int Planar { get; set; }

    /// <summary>Native data is Explicit VR Big Endian.</summary>
    public bool BigEndian { get; set; }

    /// <summary>
    /// Under big endian, whether the pixel data element has VR OW, whose bytes are swapped per 16-bit word whatever
    /// Bits Allocated is (PS3.5 6.2), rather than another VR swapped per value (OB 8-bit data: not at all; OF, OD, OL…).
    /// Default: true for integer data, false for Float/Double data. Irrelevant for 1-bit data (never swapped) and 16-bit
    /// values (both rules agree). The generated decoder only accepts frames whose <c>PixelDataVR</c> agrees.
    /// </summary>
    public bool OwWords { get; set; } = true;

    /// <summary>Which pixel data element holds the values: integer Pixel Data (default), Float or Double Float Pixel Data.</summary>
    public PixelDataKind Kind { get; set; }

    /// <summary>Name the decoder reports through <see cref="PixelGen.Pixels.IFrameDecoder.Name"/>; default the type's name.</summary>
    public string? Name { get; set; }
}
