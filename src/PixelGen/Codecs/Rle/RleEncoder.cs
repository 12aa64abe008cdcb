using System.Buffers;
using System.Buffers.Binary;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using PixelGen.Pixels;

namespace PixelGen.Codecs.Rle;

/// <summary>
/// RLE Lossless encoder (PS3.5 Annex G): one segment per byte of each sample, most significant byte first,
/// each row PackBits-encoded on its own (G.3.1: runs never cross a row boundary), each segment padded to an
/// even length, so the whole frame is even. Stateless and thread-safe.
/// </summary>
public static class RleEncoder
{
    /// <summary>
    /// Upper bound of <see cref="EncodeFrame(ReadOnlySpan{byte}, FrameLayout, Span{byte})"/>'s output for one frame:
    /// the header plus, per segment, each row as literals (one header byte per 128 bytes) and a pad byte.
    /// </summary>
    /// <exception cref="PixelDataException">RLE cannot hold frames of <paramref name="layout"/>.</exception>
    public static int GetMaxEncodedLength(FrameLayout layout)
    {
        EnsureEncodable(layout);
        long perRow = layout.Columns + (layout.Columns + 127L) / 128;
        long perSegment = perRow * layout.Rows + 1;
        long total = RleHeader.Length + perSegment * RleDecoder.SegmentCount(layout);
        if (total > Array.MaxLength) throw new PixelDataException($"An RLE frame of {layout} could exceed 2 GiB");
        return (int)total;
    }

    /// <summary>
    /// Encodes one native frame. <paramref name="nativeLittleEndianFrame"/> holds Bits Allocated / 8 bytes per
    /// sample, little endian, interleaved or planar as the layout's Planar Configuration says.
    /// </summary>
    /// <param name="nativeLittleEndianFrame">The frame to encode; at least <see cref="FrameLayout.NativeFrameLength"/> bytes.</param>
    /// <param name="layout">Its layout (Bits Allocated 8, 16, 32 or 64; at most 15 segments; not YBR_FULL_422).</param>
    /// <param name="destination">At least <see cref="GetMaxEncodedLength"/> bytes.</param>
    /// <returns>Bytes written (even).</returns>
    /// <exception cref="PixelDataException">RLE cannot hold the layout, or the frame is too short.</exception>
    /// <exception cref="ArgumentException"><paramref name="destination"/> is smaller than <see cref="GetMaxEncodedLength"/>.</exception>
    public static int EncodeFrame(ReadOnlySpan<byte> nativeLittleEndianFrame, FrameLayout layout, Span<byte> destination)
    {
        int max = GetMaxEncodedLength(layout);
        if (destination.Length < max)
            throw new ArgumentException($"Destination holds {destination.Length} bytes; encoding a {layout} frame may need {max}", nameof(destination));
        long needed = layout.NativeFrameLength;
        if (nativeLittleEndianFrame.Length < needed)
            throw new PixelDataException($"Native frame is {nativeLittleEndianFrame.Length} bytes but a {layout} frame needs {needed}", offset: nativeLittleEndianFrame.Length);

        int es = layout.BitsAllocated / 8, samples = layout.SamplesPerPixel;
        int segments = es * samples, pixels = (int)layout.PixelsPerFrame;
        bool planar = samples > 1 && layout.PlanarConfiguration == 1;
        destination[..RleHeader.Length].Clear();
        BinaryPrimitives.WriteUInt32LittleEndian(destination, (uint)segments);
        int o = RleHeader.Length;

        byte[]? rented = segments > 1 ? ArrayPool<byte>.Shared.Rent(pixels) : null;
        try
        {
            for (int s = 0; s < samples; s++)
                for (int b = 0; b < es; b++)
                {
                    int seg = s * es + b;
                    BinaryPrimitives.WriteUInt32LittleEndian(destination[(4 + 4 * seg)..], (uint)o);
                    ReadOnlySpan<byte> plane;
                    if (rented is null) plane = nativeLittleEndianFrame[..pixels];
                    else
                    {
                        var p = rented.AsSpan(0, pixels);
                        Gather(nativeLittleEndianFrame, p, pixels, samples, es, s, es - 1 - b, planar);
                        plane = p;
                    }
                    int start = o;
                    for (int row = 0; row < layout.Rows; row++)
                        o += EncodeRow(plane.Slice(row * layout.Columns, layout.Columns), destination[o..]);
                    if (((o - start) & 1) != 0) destination[o++] = 0;
                }
        }
        finally
        {
            if (rented is not null) ArrayPool<byte>.Shared.Return(rented);
        }
        return o;
    }

    /// <summary>Encodes one frame into a new array of exactly the encoded length.</summary>
    public static byte[] EncodeFrame(ReadOnlySpan<byte> nativeLittleEndianFrame, FrameLayout layout)
    {
        byte[] buffer = ArrayPool<byte>.Shared.Rent(GetMaxEncodedLength(layout));
        try
        {
            int n = EncodeFrame(nativeLittleEndianFrame, layout, buffer);
            return buffer.AsSpan(0, n).ToArray();
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    private static void EnsureEncodable(FrameLayout layout)
    {
        ArgumentNullException.ThrowIfNull(layout);
        layout.EnsureValid();
        if (layout.BitsAllocated < 8 || RleDecoder.SegmentCount(layout) > RleHeader.MaxSegments)
            throw new PixelDataException($"RLE Lossless cannot hold {layout} frames (Bits Allocated 8 or more and at most 15 segments)");
        if (layout.IsYbrFull422)
            throw new PixelDataException("RLE Lossless stores full-resolution samples: convert YBR_FULL_422 to YBR_FULL before encoding");
    }

    // One byte (byteIndex, 0 = least significant) of one sample of every pixel, gathered into a plane.
    private static void Gather(ReadOnlySpan<byte> frame, Span<byte> plane, int pixels, int samples, int es, int sample, int byteIndex, bool planar)
    {
        int start = planar ? sample * pixels * es : sample * es;
        int stride = planar ? es : samples * es;
        if (stride == 2)
        {
            Gather16(frame[start..], plane, pixels, byteIndex);
            return;
        }
        ref byte src = ref Unsafe.Add(ref MemoryMarshal.GetReference(frame), start + byteIndex);
        ref byte dst = ref MemoryMarshal.GetReference(plane);
        for (int p = 0; p < pixels; p++)
            Unsafe.Add(ref dst, p) = Unsafe.Add(ref src, (nint)p * stride);
    }

    // Low or high bytes of consecutive 16-bit values: shift and narrow, 16 values per step.
    private static void Gather16(ReadOnlySpan<byte> values, Span<byte> plane, int pixels, int byteIndex)
    {
        ref ushort src = ref Unsafe.As<byte, ushort>(ref MemoryMarshal.GetReference(values));
        ref byte dst = ref MemoryMarshal.GetReference(plane);
        int shift = byteIndex * 8;
        nuint p = 0;
        if (Vector128.IsHardwareAccelerated)
        {
            var low = Vector128.Create((ushort)0xFF);
            for (; p + 16 <= (nuint)pixels; p += 16)
            {
                var a = (Vector128.LoadUnsafe(ref src, p) >>> shift) & low;
                var b = (Vector128.LoadUnsafe(ref src, p + 8) >>> shift) & low;
                Vector128.Narrow(a, b).StoreUnsafe(ref dst, p);
            }
        }
        for (; p < (nuint)pixels; p++)
            Unsafe.Add(ref dst, p) = (byte)(Unsafe.ReadUnaligned<ushort>(ref Unsafe.As<ushort, byte>(ref Unsafe.Add(ref src, p))) >> shift);
    }

    // PackBits: replicate runs of 3 or more identical bytes (header 1 − n), literals otherwise (header n − 1); 128 at most.
    private static int EncodeRow(ReadOnlySpan<byte> row, Span<byte> output)
    {
        int n = row.Length, i = 0, o = 0;
        while (i < n)
        {
            byte v = row[i];
            int max = Math.Min(128, n - i);
            int run = row.Slice(i, max).IndexOfAnyExcept(v);
            if (run < 0) run = max;
            if (run >= 3)
            {
                output[o++] = (byte)(sbyte)(1 - run);
                output[o++] = v;
                i += run;
                continue;
            }
            // No run starts at i, so the literal holds at least one byte: it ends where the next run of 3 starts.
            int len = NextTriple(row, i, i + max) - i;
            output[o++] = (byte)(len - 1);
            row.Slice(i, len).CopyTo(output[o..]);
            o += len;
            i += len;
        }
        return o;
    }

    // First j in [from, limit) where row[j] == row[j+1] == row[j+2], or limit.
    private static int NextTriple(ReadOnlySpan<byte> row, int from, int limit)
    {
        int end = Math.Min(limit, row.Length - 2);
        ref byte r = ref MemoryMarshal.GetReference(row);
        int j = from;
        if (Vector128.IsHardwareAccelerated)
        {
            for (; j + 16 <= end; j += 16)
            {
                var a = Vector128.LoadUnsafe(ref r, (nuint)j);
                var b = Vector128.LoadUnsafe(ref r, (nuint)j + 1);
                var c = Vector128.LoadUnsafe(ref r, (nuint)j + 2);
                uint bits = (Vector128.Equals(a, b) & Vector128.Equals(a, c)).ExtractMostSignificantBits();
                if (bits != 0) return j + System.Numerics.BitOperations.TrailingZeroCount(bits);
            }
        }
        for (; j < end; j++)
            if (Unsafe.Add(ref r, j) == Unsafe.Add(ref r, j + 1) && Unsafe.Add(ref r, j) == Unsafe.Add(ref r, j + 2)) return j;
        return limit;
    }
}
