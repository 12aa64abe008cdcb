// Shared source: compiled into the runtime (public) and linked into the source generator (internal).
// It must stay dependency-free (netstandard2.0, C# only, no Span, no runtime types) because
// the generator targets netstandard2.0 and may never reference the runtime assembly.
#nullable enable

namespace PixelGen.Layout
{
    /// <summary>The kind of values a pixel data element holds.</summary>
#if PIXELGEN_GENERATOR
    internal
#else
    public
#endif
    enum PixelDataKind
    {
        /// <summary>(7FE0,0010) Pixel Data: integer samples.</summary>
        Integer = 0,
        /// <summary>(7FE0,0008) Float Pixel Data: IEEE 754 32-bit samples.</summary>
        Float = 1,
        /// <summary>(7FE0,0009) Double Float Pixel Data: IEEE 754 64-bit samples.</summary>
        Double = 2,
    }

    /// <summary>The element type of decoded pixels, chosen the way pydicom chooses its numpy dtype.</summary>
#if PIXELGEN_GENERATOR
    internal
#else
    public
#endif
    enum PixelElementType
    {
        /// <summary>No valid element type (invalid layout).</summary>
        None = 0,
        /// <summary><c>byte</c> (uint8); also 1-bit data, decoded to 0/1.</summary>
        UInt8,
        /// <summary><c>sbyte</c> (int8).</summary>
        Int8,
        /// <summary><c>ushort</c> (uint16).</summary>
        UInt16,
        /// <summary><c>short</c> (int16).</summary>
        Int16,
        /// <summary><c>uint</c> (uint32).</summary>
        UInt32,
        /// <summary><c>int</c> (int32).</summary>
        Int32,
        /// <summary><c>ulong</c> (uint64).</summary>
        UInt64,
        /// <summary><c>long</c> (int64).</summary>
        Int64,
        /// <summary><c>float</c> (float32), Float Pixel Data.</summary>
        Float32,
        /// <summary><c>double</c> (float64), Double Float Pixel Data.</summary>
        Float64,
    }

    /// <summary>Why a combination of Image Pixel attributes is not a valid layout.</summary>
#if PIXELGEN_GENERATOR
    internal
#else
    public
#endif
    enum LayoutError
    {
        /// <summary>The layout is valid.</summary>
        None = 0,
        /// <summary>Bits Allocated is not 1, 8, 16, 32 or 64.</summary>
        BitsAllocatedInvalid,
        /// <summary>Bits Stored is 0 or greater than Bits Allocated.</summary>
        BitsStoredInvalid,
        /// <summary>High Bit is below Bits Stored − 1 or not below Bits Allocated.</summary>
        HighBitInconsistent,
        /// <summary>Samples per Pixel is not 1, 3 or 4.</summary>
        SamplesInvalid,
        /// <summary>Planar Configuration is not 0 or 1, or is 1 with a single sample.</summary>
        PlanarInvalid,
        /// <summary>Float Pixel Data needs Bits Allocated 32, Double Float Pixel Data 64.</summary>
        FloatBitsInvalid,
        /// <summary>1-bit data must be unsigned with one sample.</summary>
        SingleBitInvalid,
    }

    /// <summary>
    /// The layout arithmetic of PS3.3 C.7.6.3 and PS3.5 8.1: which combinations are valid, which element type
    /// decoded pixels get and how many bytes a frame takes. One copy, shared by the runtime and the generator.
    /// </summary>
#if PIXELGEN_GENERATOR
    internal
#else
    public
#endif
    static class PixelLayoutRules
    {
        /// <summary>Checks a layout; returns <see cref="LayoutError.None"/> when it can be decoded.</summary>
        /// <param name="bitsAllocated">(0028,0100) Bits Allocated.</param>
        /// <param name="bitsStored">(0028,0101) Bits Stored.</param>
        /// <param name="highBit">(0028,0102) High Bit.</param>
        /// <param name="signed">(0028,0103) Pixel Representation is 1.</param>
        /// <param name="samples">(0028,0002) Samples per Pixel.</param>
        /// <param name="planar">(0028,0006) Planar Configuration (0 when absent).</param>
        /// <param name="kind">Which pixel data element holds the values.</param>
        public static LayoutError Validate(int bitsAllocated, int bitsStored, int highBit, bool signed, int samples, int planar, PixelDataKind kind)
        {
            if (kind == PixelDataKind.Float && bitsAllocated != 32) return LayoutError.FloatBitsInvalid;
            if (kind == PixelDataKind.Double && bitsAllocated != 64) return LayoutError.FloatBitsInvalid;
            if (bitsAllocated != 1 && bitsAllocated != 8 && bitsAllocated != 16 && bitsAllocated != 32 && bitsAllocated != 64)
                return LayoutError.BitsAllocatedInvalid;
            if (kind == PixelDataKind.Integer)
            {
                if (bitsStored < 1 || bitsStored > bitsAllocated) return LayoutError.BitsStoredInvalid;
                if (highBit < bitsStored - 1 || highBit >= bitsAllocated) return LayoutError.HighBitInconsistent;
            }
            if (samples != 1 && samples != 3 && samples != 4) return LayoutError.SamplesInvalid;
            if (planar != 0 && planar != 1) return LayoutError.PlanarInvalid;
            if (planar == 1 && samples == 1) return LayoutError.PlanarInvalid;
            if (bitsAllocated == 1 && (signed || samples != 1)) return LayoutError.SingleBitInvalid;
            return LayoutError.None;
        }

        /// <summary>A sentence that explains <paramref name="error"/> to a user.</summary>
        public static string Describe(LayoutError error)
        {
            switch (error)
            {
                case LayoutError.None: return "the layout is valid";
                case LayoutError.BitsAllocatedInvalid: return "Bits Allocated must be 1, 8, 16, 32 or 64";
                case LayoutError.BitsStoredInvalid: return "Bits Stored must be between 1 and Bits Allocated";
                case LayoutError.HighBitInconsistent: return "High Bit must be at least Bits Stored - 1 and less than Bits Allocated";
                case LayoutError.SamplesInvalid: return "Samples per Pixel must be 1, 3 or 4";
                case LayoutError.PlanarInvalid: return "Planar Configuration must be 0 or 1, and 1 only with more than one sample per pixel";
                case LayoutError.FloatBitsInvalid: return "Float Pixel Data needs Bits Allocated 32 and Double Float Pixel Data needs 64";
                case LayoutError.SingleBitInvalid: return "1-bit pixel data must be unsigned with one sample per pixel";
                default: return error.ToString();
            }
        }

        /// <summary>The element type of decoded pixels (pydicom's dtype rule); <see cref="PixelElementType.None"/> when invalid.</summary>
        public static PixelElementType ElementTypeFor(int bitsAllocated, bool signed, PixelDataKind kind)
        {
            if (kind == PixelDataKind.Float) return bitsAllocated == 32 ? PixelElementType.Float32 : PixelElementType.None;
            if (kind == PixelDataKind.Double) return bitsAllocated == 64 ? PixelElementType.Float64 : PixelElementType.None;
            switch (bitsAllocated)
            {
                case 1: return PixelElementType.UInt8;
                case 8: return signed ? PixelElementType.Int8 : PixelElementType.UInt8;
                case 16: return signed ? PixelElementType.Int16 : PixelElementType.UInt16;
                case 32: return signed ? PixelElementType.Int32 : PixelElementType.UInt32;
                case 64: return signed ? PixelElementType.Int64 : PixelElementType.UInt64;
                default: return PixelElementType.None;
            }
        }

        /// <summary>Size in bytes of one decoded element.</summary>
        public static int ElementSize(PixelElementType type)
        {
            switch (type)
            {
                case PixelElementType.UInt8:
                case PixelElementType.Int8: return 1;
                case PixelElementType.UInt16:
                case PixelElementType.Int16: return 2;
                case PixelElementType.UInt32:
                case PixelElementType.Int32:
                case PixelElementType.Float32: return 4;
                case PixelElementType.UInt64:
                case PixelElementType.Int64:
                case PixelElementType.Float64: return 8;
                default: return 0;
            }
        }

        /// <summary>The C# keyword of an element type (<c>ushort</c>, <c>float</c>…).</summary>
        public static string CSharpKeyword(PixelElementType type)
        {
            switch (type)
            {
                case PixelElementType.UInt8: return "byte";
                case PixelElementType.Int8: return "sbyte";
                case PixelElementType.UInt16: return "ushort";
                case PixelElementType.Int16: return "short";
                case PixelElementType.UInt32: return "uint";
                case PixelElementType.Int32: return "int";
                case PixelElementType.UInt64: return "ulong";
                case PixelElementType.Int64: return "long";
                case PixelElementType.Float32: return "float";
                case PixelElementType.Float64: return "double";
                default: return "void";
            }
        }

        /// <summary>numpy's name of an element type (<c>uint16</c>, <c>float32</c>…), as the corpus references write it.</summary>
        public static string NumpyName(PixelElementType type)
        {
            switch (type)
            {
                case PixelElementType.UInt8: return "uint8";
                case PixelElementType.Int8: return "int8";
                case PixelElementType.UInt16: return "uint16";
                case PixelElementType.Int16: return "int16";
                case PixelElementType.UInt32: return "uint32";
                case PixelElementType.Int32: return "int32";
                case PixelElementType.UInt64: return "uint64";
                case PixelElementType.Int64: return "int64";
                case PixelElementType.Float32: return "float32";
                case PixelElementType.Float64: return "float64";
                default: return "none";
            }
        }

        /// <summary>
        /// Bits one native (uncompressed) frame occupies. YBR_FULL_422 stores two samples per pixel
        /// (two luminance values share one Cb/Cr pair), so its frame is 2/3 of the decoded size.
        /// </summary>
        public static long NativeFrameBits(int rows, int columns, int samples, int bitsAllocated, bool ybrFull422)
        {
            long pixels = (long)rows * columns;
            long storedSamples = ybrFull422 && samples == 3 ? pixels * 2 : pixels * samples;
            return storedSamples * bitsAllocated;
        }

        /// <summary>Bytes one native frame occupies; 1-bit frames are rounded up to whole bytes.</summary>
        public static long NativeFrameBytes(int rows, int columns, int samples, int bitsAllocated, bool ybrFull422)
            => (NativeFrameBits(rows, columns, samples, bitsAllocated, ybrFull422) + 7) / 8;

        /// <summary>Bytes one decoded frame occupies (rows × columns × samples × element size).</summary>
        public static long DecodedFrameBytes(int rows, int columns, int samples, PixelElementType type)
            => (long)rows * columns * samples * ElementSize(type);

        /// <summary>
        /// Mask of the value bits once shifted down to bit 0: <c>(1 &lt;&lt; bitsStored) − 1</c>, all ones for 64 bits.
        /// </summary>
        public static ulong ValueMask(int bitsStored) => bitsStored >= 64 ? ulong.MaxValue : (1UL << bitsStored) - 1;

        /// <summary>
        /// How far stored values are shifted right before masking: <c>highBit + 1 − bitsStored</c>
        /// (0 for every layout the current standard allows; older files may place values higher).
        /// </summary>
        public static int ValueShift(int bitsStored, int highBit) => highBit + 1 - bitsStored;

        /// <summary>True when decoding needs masking or sign extension (Bits Stored &lt; Bits Allocated or a shifted High Bit).</summary>
        public static bool NeedsMasking(int bitsAllocated, int bitsStored, int highBit)
            => bitsAllocated > 1 && (bitsStored < bitsAllocated || highBit != bitsStored - 1);
    }
}
