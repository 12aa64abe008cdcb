using System.Buffers;
using System.Runtime.InteropServices;
using PixelGen.Dicom;
using PixelGen.Layout;
using PixelGen.Pixels.Kernels;

namespace PixelGen.Pixels;

/// <summary>
/// Decodes native (uncompressed) frames from raw bytes, with no reader involved: the runtime reference that
/// codecs and generated decoders must match. Output is <see cref="FrameLayout.ElementType"/> values, little
/// endian, samples interleaved; bits above High Bit are dropped (masked for unsigned data, sign-extended from
/// Bits Stored for signed data). Allocation-free except for a pooled scratch buffer in rare layouts
/// (8-bit data in a big-endian OW element that is also planar or YBR_FULL_422).
/// </summary>
public static class PixelDecoder
{
    /// <summary>
    /// Decodes one native frame. <paramref name="raw"/> is the frame as stored (big-endian files: not swapped;
    /// 1-bit data: the frame's bits realigned to bit 0, LSB first); bytes past the frame (a pad byte) are ignored.
    /// </summary>
    /// <param name="raw">The frame's stored bytes; at least <see cref="RequiredSourceLength"/> bytes.</param>
    /// <param name="destination">Receives <see cref="FrameLayout.DecodedFrameLength"/> bytes; the rest is untouched.</param>
    /// <param name="layout">The frame's layout.</param>
    /// <exception cref="PixelDataException">The layout is invalid or <paramref name="raw"/> is shorter than the layout needs.</exception>
    /// <exception cref="ArgumentException"><paramref name="destination"/> is too small.</exception>
    public static void Decode(ReadOnlySpan<byte> raw, Span<byte> destination, FrameLayout layout)
    {
        ArgumentNullException.ThrowIfNull(layout);
        int decodedLength = CheckDestination(destination.Length, layout);
        int required = RequiredSourceLength(layout);
        if (raw.Length < required)
            throw new PixelDataException(
                $"Native frame is {raw.Length} bytes but a {layout} frame needs {required}", offset: raw.Length);
        DecodeValidated(raw[..required], destination[..decodedLength], layout);
    }

    /// <summary>
    /// Decodes one native frame into typed elements. <typeparamref name="T"/> must be the layout's
    /// <see cref="FrameLayout.ElementType"/> (e.g. <c>short</c> for 16-bit signed data).
    /// </summary>
    /// <exception cref="ArgumentException">T does not match the layout, or <paramref name="destination"/> is too small.</exception>
    /// <exception cref="PixelDataException">The layout is invalid or <paramref name="raw"/> is too short.</exception>
    public static void Decode<T>(ReadOnlySpan<byte> raw, Span<T> destination, FrameLayout layout) where T : unmanaged
    {
        ArgumentNullException.ThrowIfNull(layout);
        PixelElementTypes.EnsureMatches<T>(layout);
        Decode(raw, MemoryMarshal.AsBytes(destination), layout);
    }

    /// <summary>
    /// Bytes of stored data one native frame needs: <see cref="FrameLayout.NativeFrameLength"/>, rounded up to
    /// even for 8-bit data in a big-endian OW element (the last value sits in the swapped pad byte's place).
    /// </summary>
    /// <exception cref="PixelDataException">The layout is invalid or a frame exceeds 2 GiB.</exception>
    public static int RequiredSourceLength(FrameLayout layout)
    {
        ArgumentNullException.ThrowIfNull(layout);
        layout.EnsureValid();
        long n = layout.NativeFrameLength;
        if (SwapUnit(layout) == 2 && layout.BitsAllocated == 8 && (n & 1) != 0) n++;
        if (n > int.MaxValue) throw new PixelDataException($"A {layout} frame of {n} bytes exceeds the 2 GiB a span can hold");
        return (int)n;
    }

    /// <summary>
    /// Drops the bits above High Bit of a decoded frame in place: unsigned values are shifted down by
    /// <c>HighBit + 1 − BitsStored</c> and masked to Bits Stored bits; signed values are sign-extended from bit
    /// Bits Stored − 1. Does nothing for layouts that need no masking and for float data. Codecs call this after
    /// producing little-endian interleaved values.
    /// </summary>
    /// <param name="decoded">The decoded frame (at least <see cref="FrameLayout.DecodedFrameLength"/> bytes).</param>
    /// <param name="layout">The frame's layout.</param>
    public static void ApplyBitsStored(Span<byte> decoded, FrameLayout layout)
    {
        ArgumentNullException.ThrowIfNull(layout);
        int length = CheckDestination(decoded.Length, layout);
        if (NeedsMasking(layout)) Mask(decoded[..length], decoded[..length], layout);
    }

    /// <summary>
    /// The byte-swap unit for native data: 1 (none) for little endian, 1-bit and OB 8-bit data; 2 for an OW element
    /// under big endian whatever Bits Allocated is (PS3.5 6.2: OW is a stream of 16-bit words, byte-swapped per word;
    /// dcmtk and GDCM agree); otherwise the value size (OF, OD, OL, OV, UN, and the non-standard OB with more than 8 bits).
    /// </summary>
    public static int SwapUnit(FrameLayout layout)
    {
        ArgumentNullException.ThrowIfNull(layout);
        if (!layout.IsBigEndian || (layout.BitsAllocated <= 8 && layout.PixelDataVR != DicomVR.OW)) return 1;
        if (layout.BitsAllocated == 1) return 1;
        return layout.PixelDataVR == DicomVR.OW ? 2 : layout.BitsAllocated / 8;
    }

    internal static bool NeedsMasking(FrameLayout layout)
        => layout.Kind == PixelDataKind.Integer && PixelLayoutRules.NeedsMasking(layout.BitsAllocated, layout.BitsStored, layout.HighBit);

    /// <summary>Validates the layout and the destination; returns the decoded frame length.</summary>
    internal static int CheckDestination(int destinationLength, FrameLayout layout)
    {
        layout.EnsureValid();
        long decoded = layout.DecodedFrameLength;
        if (decoded > int.MaxValue) throw new PixelDataException($"A decoded {layout} frame of {decoded} bytes exceeds the 2 GiB a span can hold");
        if (destinationLength < decoded)
            throw new ArgumentException($"Destination holds {destinationLength} bytes but a decoded {layout} frame needs {decoded}", "destination");
        return (int)decoded;
    }

    private static void DecodeValidated(ReadOnlySpan<byte> raw, Span<byte> dst, FrameLayout layout)
    {
        int pixels = checked((int)layout.PixelsPerFrame);
        if (layout.BitsAllocated == 1)
        {
            BitUnpackKernel.Unpack(raw, dst, pixels);
            return;
        }
        int es = layout.BitsAllocated / 8;
        int unit = SwapUnit(layout);
        bool ybr422 = layout.IsYbrFull422;
        bool planar = !ybr422 && layout.SamplesPerPixel > 1 && layout.PlanarConfiguration == 1;
        bool mask = NeedsMasking(layout);

        if (ybr422 && layout.Columns % 2 != 0)
            throw new PixelDataException($"YBR_FULL_422 needs an even number of columns, not {layout.Columns}");

        if (!ybr422 && !planar)
        {
            if (unit == 1)
            {
                if (mask) Mask(raw, dst, layout);
                else raw[..dst.Length].CopyTo(dst);
                return;
            }
            int whole = dst.Length & ~(unit - 1);
            ByteSwapKernel.Swap(raw[..whole], dst[..whole], unit);
            if (whole < dst.Length) dst[^1] = raw[whole + 1]; // 8-bit OW, odd length: the last value sits where the pad byte was
            if (mask) Mask(dst, dst, layout);
            return;
        }

        byte[]? rented = null;
        try
        {
            if (unit == 2 && es == 1)
            {
                // 8-bit values in big-endian OW: undo the word swap first so that rearranging sees stored order.
                rented = ArrayPool<byte>.Shared.Rent(raw.Length);
                ByteSwapKernel.Swap(raw, rented.AsSpan(0, raw.Length), 2);
                raw = rented.AsSpan(0, raw.Length);
                unit = 1;
            }
            if (ybr422) Ybr422Kernel.Upsample(raw, dst, pixels, es);
            else PlanarKernel.ToInterleaved(raw, dst, pixels, layout.SamplesPerPixel, es);
        }
        finally
        {
            if (rented is not null) ArrayPool<byte>.Shared.Return(rented);
        }
        if (unit > 1) ByteSwapKernel.Swap(dst, dst, unit);
        if (mask) Mask(dst, dst, layout);
    }

    private static void Mask(ReadOnlySpan<byte> src, Span<byte> dst, FrameLayout layout)
    {
        int ba = layout.BitsAllocated;
        int left = ba - 1 - layout.HighBit;
        int right = ba - layout.BitsStored;
        int n = dst.Length;
        src = src[..n];
        switch (ba, layout.IsSigned)
        {
            case (8, false): BitsStoredKernel.ShiftPair(src, dst, left, right); break;
            case (8, true): BitsStoredKernel.ShiftPair(MemoryMarshal.Cast<byte, sbyte>(src), MemoryMarshal.Cast<byte, sbyte>(dst), left, right); break;
            case (16, false): BitsStoredKernel.ShiftPair(MemoryMarshal.Cast<byte, ushort>(src), MemoryMarshal.Cast<byte, ushort>(dst), left, right); break;
            case (16, true): BitsStoredKernel.ShiftPair(MemoryMarshal.Cast<byte, short>(src), MemoryMarshal.Cast<byte, short>(dst), left, right); break;
            case (32, false): BitsStoredKernel.ShiftPair(MemoryMarshal.Cast<byte, uint>(src), MemoryMarshal.Cast<byte, uint>(dst), left, right); break;
            case (32, true): BitsStoredKernel.ShiftPair(MemoryMarshal.Cast<byte, int>(src), MemoryMarshal.Cast<byte, int>(dst), left, right); break;
            case (64, false): BitsStoredKernel.ShiftPair(MemoryMarshal.Cast<byte, ulong>(src), MemoryMarshal.Cast<byte, ulong>(dst), left, right); break;
            case (64, true): BitsStoredKernel.ShiftPair(MemoryMarshal.Cast<byte, long>(src), MemoryMarshal.Cast<byte, long>(dst), left, right); break;
        }
    }
}
