using System.Buffers.Binary;
using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;
using PixelGen.Dicom;
using PixelGen.Layout;
using PixelGen.Pixels;

namespace PixelGen.Transforms;

/// <summary>
/// A PALETTE COLOR lookup (PS3.3 C.7.6.3.1.5, C.7.9): each stored index selects a red, green, blue (and alpha,
/// when present) entry; indices below the first mapped value take the first entry and indices past the end take
/// the last. Output is interleaved RGB or RGBA of 8- or 16-bit samples, as pydicom's <c>apply_color_lut</c> returns:
/// the sample width follows the actual data (bytes per entry) for normal LUT data and the descriptor's bits for
/// segmented data.
/// </summary>
public sealed class PaletteColorLut
{
    private readonly ushort[][] _channels;

    /// <summary>Creates a palette from its channel tables (same length, 3 or 4 of them; kept, not copied).</summary>
    /// <param name="channels">Red, green, blue and optionally alpha entries.</param>
    /// <param name="firstMapped">The stored value mapped to entry 0.</param>
    /// <param name="bitsPerSample">8 or 16: the output sample width.</param>
    public PaletteColorLut(ushort[][] channels, int firstMapped, int bitsPerSample)
    {
        ArgumentNullException.ThrowIfNull(channels);
        if (channels.Length is not (3 or 4)) throw new PixelDataException($"A palette needs 3 or 4 channels, not {channels.Length}");
        int n = channels[0]?.Length ?? 0;
        if (n == 0 || n > 65536) throw new PixelDataException($"A palette needs 1..65536 entries, not {n}");
        foreach (var c in channels)
            if (c is null || c.Length != n) throw new PixelDataException($"Palette LUT data must be the same length for every channel ({n} entries in red, {c?.Length ?? 0} in another)");
        if (bitsPerSample is not (8 or 16)) throw new PixelDataException($"The bit depth of palette LUT data must be 8 or 16, not {bitsPerSample}");
        _channels = channels;
        FirstMapped = firstMapped;
        BitsPerSample = bitsPerSample;
    }

    /// <summary>Number of entries.</summary>
    public int Count => _channels[0].Length;
    /// <summary>The stored value mapped to entry 0.</summary>
    public int FirstMapped { get; }
    /// <summary>Output sample width, 8 or 16.</summary>
    public int BitsPerSample { get; }
    /// <summary>3 (RGB) or 4 (RGBA).</summary>
    public int OutputSamples => _channels.Length;
    /// <summary>One channel's entries (0 red, 1 green, 2 blue, 3 alpha).</summary>
    public ReadOnlySpan<ushort> Channel(int index) => _channels[index];
    /// <summary>UInt8 or UInt16.</summary>
    public PixelElementType OutputElementType => BitsPerSample == 8 ? PixelElementType.UInt8 : PixelElementType.UInt16;

    // Palette indices are one sample per pixel (PS3.3 C.7.6.3.1.2); every path that applies a palette checks it here.
    internal static void RequireIndices(FrameLayout layout)
    {
        if (layout.SamplesPerPixel != 1)
            throw new PixelDataException($"PALETTE COLOR needs one sample per pixel (PS3.3 C.7.6.3.1.2), not {layout.SamplesPerPixel}");
    }

    /// <summary>The output layout: Samples per Pixel 3 (or 4), Photometric Interpretation RGB, interleaved.</summary>
    public FrameLayout OutputLayout(FrameLayout input)
    {
        ArgumentNullException.ThrowIfNull(input);
        return TransformLayouts.WithElementType(input, OutputElementType) with
        {
            SamplesPerPixel = OutputSamples,
            PhotometricInterpretation = "RGB",
            PlanarConfiguration = 0,
        };
    }

    /// <summary>
    /// Builds the palette of a data set's Palette Color Lookup Table module: normal LUT data (0028,1201–1204) or,
    /// when absent, segmented data (0028,1221–1224), described by the Red descriptor (0028,1101).
    /// </summary>
    /// <exception cref="PixelDataException">Missing or inconsistent descriptors or data.</exception>
    public static PaletteColorLut FromDataset(DicomDataset dataset)
    {
        ArgumentNullException.ThrowIfNull(dataset);
        if (dataset.GetString(new DicomTag(0x0008, 0x9205)) is "MIXED" or "COLOR") // Pixel Presentation
            throw new PixelDataException("Supplemental Palette Color LUTs (Pixel Presentation MIXED/COLOR) are not supported");
        var redDesc = dataset[DicomTags.RedPaletteColorLookupTableDescriptor]
            ?? throw new PixelDataException("No Palette Color Lookup Table module: Red Palette Color Lookup Table Descriptor (0028,1101) is missing");
        var desc = LutDescriptor.FromElement(redDesc, dataset.PixelRepresentation == 1);

        DicomTag[] normal = [DicomTags.RedPaletteColorLookupTableData, DicomTags.GreenPaletteColorLookupTableData, DicomTags.BluePaletteColorLookupTableData, DicomTags.AlphaPaletteColorLookupTableData];
        DicomTag[] segmented = [DicomTags.SegmentedRedPaletteColorLookupTableData, DicomTags.SegmentedGreenPaletteColorLookupTableData, DicomTags.SegmentedBluePaletteColorLookupTableData, DicomTags.SegmentedAlphaPaletteColorLookupTableData];
        if (dataset.Contains(normal[0]))
        {
            var channels = new List<ushort[]>(4);
            int bits = 0;
            for (int c = 0; c < 4; c++)
            {
                var e = dataset[normal[c]];
                if (e is null || e.Length == 0)
                {
                    if (c < 3) throw new PixelDataException($"Palette Color Lookup Table Data {normal[c]} is missing");
                    continue;
                }
                var raw = e.RawValue.Span;
                int width = raw.Length == desc.EntryCount ? 8 : raw.Length == 2 * desc.EntryCount ? 16 : 0;
                if (width == 0)
                    throw new PixelDataException($"Palette Color Lookup Table Data {e.Tag} has {raw.Length} bytes but the descriptor says {desc.EntryCount} entries (of 8 or 16 bits)", null, e.ValueOffset >= 0 ? e.ValueOffset : null);
                if (bits != 0 && width != bits) throw new PixelDataException($"Palette Color Lookup Table Data {e.Tag} has {width}-bit entries, the red data {bits}-bit");
                bits = width;
                channels.Add(width == 8 ? ReadBytes(raw, e) : ReadWords(raw, e.IsLittleEndian));
            }
            return new PaletteColorLut(channels.ToArray(), desc.FirstMapped, bits);
        }
        if (dataset.Contains(segmented[0]))
        {
            if (desc.BitsPerEntry is not (8 or 16))
                throw new PixelDataException($"Segmented palette descriptor bits per entry must be 8 or 16, not {desc.BitsPerEntry}");
            bool eight = desc.BitsPerEntry == 8;
            var channels = new List<ushort[]>(4);
            for (int c = 0; c < 4; c++)
            {
                var e = dataset[segmented[c]];
                if (e is null || e.Length == 0)
                {
                    if (c < 3) throw new PixelDataException($"Segmented Palette Color Lookup Table Data {segmented[c]} is missing");
                    continue;
                }
                var raw = e.RawValue.Span;
                var words = eight ? ReadBytes(raw, e) : ReadWords(raw, e.IsLittleEndian);
                var lut = SegmentedLut.Expand(words, eight);
                if (lut.Length == 0) throw new PixelDataException($"Segmented Palette Color Lookup Table Data {e.Tag} expands to no entries");
                channels.Add(lut);
            }
            return new PaletteColorLut(channels.ToArray(), desc.FirstMapped, desc.BitsPerEntry);
        }
        throw new PixelDataException("No Palette Color Lookup Table Data (0028,1201) or Segmented Palette Color Lookup Table Data (0028,1221)");
    }

    private static ushort[] ReadWords(ReadOnlySpan<byte> raw, bool littleEndian)
    {
        var w = new ushort[raw.Length / 2];
        for (int i = 0; i < w.Length; i++)
            w[i] = littleEndian ? BinaryPrimitives.ReadUInt16LittleEndian(raw.Slice(2 * i)) : BinaryPrimitives.ReadUInt16BigEndian(raw.Slice(2 * i));
        return w;
    }

    // 8-bit entries: in a big-endian OW element the two bytes of each word were swapped on writing.
    private static ushort[] ReadBytes(ReadOnlySpan<byte> raw, DicomElement e)
    {
        bool swap = !e.IsLittleEndian && e.VR == DicomVR.OW && (raw.Length & 1) == 0;
        var w = new ushort[raw.Length];
        for (int i = 0; i < w.Length; i++) w[i] = raw[swap ? i ^ 1 : i];
        return w;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private int IndexOf(long value)
    {
        long i = value - FirstMapped;
        int last = _channels[0].Length - 1;
        return i <= 0 ? 0 : i >= last ? last : (int)i;
    }

    /// <summary>
    /// Maps stored indices to interleaved RGB(A): <paramref name="destination"/> holds
    /// <c>source.Length × OutputSamples</c> elements. 8-bit indices go through a packed 256-entry table with one
    /// unaligned store per pixel. Integer outputs other than the palette's width are saturated.
    /// </summary>
    public void Apply<TIn, TOut>(ReadOnlySpan<TIn> source, Span<TOut> destination)
        where TIn : unmanaged, INumberBase<TIn>
        where TOut : unmanaged, INumberBase<TOut>
    {
        int s = OutputSamples;
        if ((long)destination.Length < (long)source.Length * s)
            throw new ArgumentException($"Destination needs {(long)source.Length * s} elements for {source.Length} pixels", nameof(destination));
        if (typeof(TIn) == typeof(byte) && s == 3 && typeof(TOut) == typeof(byte) && BitsPerSample == 8)
        {
            Apply8To8(MemoryMarshal.Cast<TIn, byte>(source), MemoryMarshal.Cast<TOut, byte>(destination));
            return;
        }
        if (typeof(TIn) == typeof(byte) && s == 3 && typeof(TOut) == typeof(ushort))
        {
            Apply8To16(MemoryMarshal.Cast<TIn, byte>(source), MemoryMarshal.Cast<TOut, ushort>(destination));
            return;
        }
        var ch = _channels;
        for (int i = 0; i < source.Length; i++)
        {
            int k = IndexOf(long.CreateSaturating(source[i]));
            int o = i * s;
            for (int c = 0; c < s; c++) destination[o + c] = TOut.CreateSaturating(ch[c][k]);
        }
    }

    // Each pixel is one 4-byte store of R,G,B,x at 3i; the next store overwrites x. The last pixel is written bytewise.
    private void Apply8To8(ReadOnlySpan<byte> source, Span<byte> destination)
    {
        Span<uint> packed = stackalloc uint[256];
        for (int v = 0; v < 256; v++)
        {
            int k = IndexOf(v);
            packed[v] = (uint)(byte)_channels[0][k] | ((uint)(byte)_channels[1][k] << 8) | ((uint)(byte)_channels[2][k] << 16);
        }
        int n = source.Length;
        ref byte dst = ref MemoryMarshal.GetReference(destination);
        ref byte src = ref MemoryMarshal.GetReference(source);
        int i = UseGather && Avx2.IsSupported && BitConverter.IsLittleEndian ? Gather8To8(source, destination, packed) : 0;
        for (; i < n - 1; i++)
            Unsafe.WriteUnaligned(ref Unsafe.Add(ref dst, 3 * i), BitConverter.IsLittleEndian ? packed[Unsafe.Add(ref src, i)] : BinaryPrimitives.ReverseEndianness(packed[Unsafe.Add(ref src, i)]));
        for (; i < n; i++)
        {
            uint p = packed[source[i]];
            destination[3 * i] = (byte)p;
            destination[3 * i + 1] = (byte)(p >> 8);
            destination[3 * i + 2] = (byte)(p >> 16);
        }
    }

    /// <summary>Use the AVX2 gather path for 8-bit → 8-bit RGB (benchmarks compare both).</summary>
    internal static bool UseGather { get; set; } = true;

    // 8 pixels per step: gather 8 packed RGBx words, pshufb each 128-bit lane's 4 pixels into 12 bytes, store both
    // lanes with 16-byte stores (the 4 bytes past each 12 are rewritten by the next store), so 28 bytes must remain.
    private static unsafe int Gather8To8(ReadOnlySpan<byte> source, Span<byte> destination, Span<uint> packed)
    {
        int n = source.Length;
        int i = 0;
        var pack = Vector128.Create((byte)0, 1, 2, 4, 5, 6, 8, 9, 10, 12, 13, 14, 0x80, 0x80, 0x80, 0x80);
        fixed (uint* table = packed)
        fixed (byte* src = source)
        fixed (byte* dst = destination)
        {
            for (; i + 8 <= n && 3L * i + 28 <= destination.Length; i += 8)
            {
                var idx = Avx2.ConvertToVector256Int32(src + i);
                var px = Avx2.GatherVector256(table, idx, 4);
                var lo = Ssse3.Shuffle(px.GetLower().AsByte(), pack);
                var hi = Ssse3.Shuffle(px.GetUpper().AsByte(), pack);
                Sse2.Store(dst + 3 * i, lo);
                Sse2.Store(dst + 3 * i + 12, hi);
            }
        }
        return i;
    }

    private void Apply8To16(ReadOnlySpan<byte> source, Span<ushort> destination)
    {
        Span<ulong> packed = stackalloc ulong[256];
        for (int v = 0; v < 256; v++)
        {
            int k = IndexOf(v);
            packed[v] = _channels[0][k] | ((ulong)_channels[1][k] << 16) | ((ulong)_channels[2][k] << 32);
        }
        int n = source.Length;
        ref byte dst = ref Unsafe.As<ushort, byte>(ref MemoryMarshal.GetReference(destination));
        int i = 0;
        if (BitConverter.IsLittleEndian)
            for (; i < n - 1; i++) Unsafe.WriteUnaligned(ref Unsafe.Add(ref dst, 6 * i), packed[source[i]]);
        for (; i < n; i++)
        {
            ulong p = packed[source[i]];
            destination[3 * i] = (ushort)p;
            destination[3 * i + 1] = (ushort)(p >> 16);
            destination[3 * i + 2] = (ushort)(p >> 32);
        }
    }
}
