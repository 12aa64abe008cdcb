using System.Buffers.Binary;
using System.Numerics;
using System.Runtime.CompilerServices;
using PixelGen.Dicom;

namespace PixelGen.Transforms;

/// <summary>
/// A single-channel lookup table: input values from <see cref="FirstMapped"/> index the entries; values below
/// it take the first entry and values past the end take the last (PS3.3 C.11.1.1, C.11.2.1.1, C.7.6.3.1.5).
/// </summary>
public sealed class LookupTable
{
    private readonly ushort[] _entries;

    /// <summary>Creates a table over <paramref name="entries"/> (kept, not copied).</summary>
    /// <param name="entries">The entries, at least one.</param>
    /// <param name="firstMapped">The input value mapped to entry 0.</param>
    /// <param name="bitsPerEntry">Nominal bits of the entries (decides the output element type).</param>
    public LookupTable(ushort[] entries, int firstMapped, int bitsPerEntry)
    {
        ArgumentNullException.ThrowIfNull(entries);
        if (entries.Length == 0 || entries.Length > 65536) throw new PixelDataException($"A LUT needs 1..65536 entries, not {entries.Length}");
        if (bitsPerEntry < 1 || bitsPerEntry > 16) throw new PixelDataException($"LUT bits per entry {bitsPerEntry} is outside 1..16");
        _entries = entries;
        FirstMapped = firstMapped;
        BitsPerEntry = bitsPerEntry;
    }

    /// <summary>The entries.</summary>
    public ReadOnlySpan<ushort> Entries => _entries;
    /// <summary>Number of entries.</summary>
    public int Count => _entries.Length;
    /// <summary>The input value mapped to entry 0.</summary>
    public int FirstMapped { get; }
    /// <summary>Nominal bits per entry.</summary>
    public int BitsPerEntry { get; }
    /// <summary><see cref="Layout.PixelElementType.UInt8"/> for 8-bit entries, else UInt16 (pydicom's dtype rule).</summary>
    public Layout.PixelElementType OutputElementType => BitsPerEntry <= 8 ? Layout.PixelElementType.UInt8 : Layout.PixelElementType.UInt16;

    /// <summary>The entry for an input value, clamped at both ends.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public ushort Lookup(long value)
    {
        long i = value - FirstMapped;
        if (i <= 0) return _entries[0];
        if (i >= _entries.Length) return _entries[^1];
        return _entries[(int)i];
    }

    /// <summary>
    /// Maps every element of <paramref name="source"/> into <paramref name="destination"/> (same length; may be the
    /// same memory when the types match). Floating-point input is truncated towards zero, as numpy's index cast does.
    /// </summary>
    public void Apply<TIn, TOut>(ReadOnlySpan<TIn> source, Span<TOut> destination)
        where TIn : unmanaged, INumberBase<TIn>
        where TOut : unmanaged, INumberBase<TOut>
    {
        if (destination.Length < source.Length) throw new ArgumentException("Destination is shorter than the source", nameof(destination));
        var entries = _entries;
        long first = FirstMapped;
        int last = entries.Length - 1;
        if (typeof(TIn) == typeof(byte) || typeof(TIn) == typeof(sbyte))
        {
            // 8-bit input: a 256-entry table covering every input removes the clamps from the loop.
            Span<ushort> dense = stackalloc ushort[256];
            int offset = typeof(TIn) == typeof(sbyte) ? -128 : 0;
            for (int v = 0; v < 256; v++) dense[v] = Lookup(v + offset);
            for (int i = 0; i < source.Length; i++)
                destination[i] = TOut.CreateTruncating(dense[int.CreateTruncating(source[i]) - offset]);
            return;
        }
        for (int i = 0; i < source.Length; i++)
        {
            long v = ToIndexValue(source[i]);
            long k = v - first;
            int idx = k <= 0 ? 0 : k >= last ? last : (int)k;
            destination[i] = TOut.CreateTruncating(entries[idx]);
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static long ToIndexValue<TIn>(TIn value) where TIn : unmanaged, INumberBase<TIn>
    {
        if (typeof(TIn) == typeof(double) || typeof(TIn) == typeof(float))
        {
            double d = double.CreateTruncating(value);
            if (double.IsNaN(d)) return long.MinValue / 2;
            return (long)Math.Clamp(Math.Truncate(d), -1e15, 1e15);
        }
        return long.CreateSaturating(value);
    }

    /// <summary>
    /// Reads LUT Data as described by <paramref name="descriptor"/>. 16-bit words are read in the element's byte
    /// order. With 8 bits per entry the data may be packed two entries per word (length = entries) or one entry
    /// per word (length = 2 × entries); both occur in the wild. Any other length raises.
    /// </summary>
    /// <param name="descriptor">The LUT Descriptor.</param>
    /// <param name="data">The LUT Data element (US, SS or OW).</param>
    /// <param name="what">Names the LUT in error messages, e.g. <c>Modality LUT</c>.</param>
    /// <exception cref="PixelDataException">The data length disagrees with the descriptor.</exception>
    public static LookupTable FromData(LutDescriptor descriptor, DicomElement data, string what)
    {
        ArgumentNullException.ThrowIfNull(data);
        var raw = data.RawValue.Span;
        long? at = data.ValueOffset >= 0 ? data.ValueOffset : null;
        int n = descriptor.EntryCount;
        var entries = new ushort[n];
        bool le = data.IsLittleEndian;
        if (raw.Length == 2 * n)
        {
            for (int i = 0; i < n; i++)
                entries[i] = le ? BinaryPrimitives.ReadUInt16LittleEndian(raw.Slice(2 * i)) : BinaryPrimitives.ReadUInt16BigEndian(raw.Slice(2 * i));
        }
        else if (descriptor.BitsPerEntry <= 8 && (raw.Length == n || raw.Length == n + 1))
        {
            // Packed 8-bit entries. In a big-endian OW element each word's bytes were swapped on writing.
            for (int i = 0; i < n; i++)
                entries[i] = le || data.VR != DicomVR.OW || (raw.Length & 1) != 0 ? raw[i] : raw[i ^ 1];
        }
        else
        {
            throw new PixelDataException($"{what}: LUT Data {data.Tag} has {raw.Length} bytes but the descriptor says {n} entries of {descriptor.BitsPerEntry} bits", null, at);
        }
        return new LookupTable(entries, descriptor.FirstMapped, descriptor.BitsPerEntry);
    }
}
