using System.Buffers;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using PixelGen.Dicom;
using PixelGen.Pixels;
using PixelGen.Pixels.Kernels;

namespace PixelGen.Codecs.Rle;

/// <summary>
/// RLE Lossless (1.2.840.10008.1.2.5, PS3.5 Annex G) frame decoder. A frame holds one segment per byte of each
/// sample, most significant byte first (sample 0's MSB, …, sample 0's LSB, sample 1's MSB, …), at most 15.
/// Output follows the decoding contract: little endian, samples interleaved, masked / sign-extended from Bits
/// Stored. Stateless and thread-safe; scratch planes come from <see cref="ArrayPool{T}.Shared"/>.
/// </summary>
public sealed class RleDecoder : IFrameDecoder
{
    /// <summary>The single instance.</summary>
    public static RleDecoder Instance { get; } = new();

    private RleDecoder() { }

    /// <summary>The transfer syntax this codec decodes.</summary>
    public static TransferSyntax TransferSyntax => TransferSyntax.RleLossless;

    /// <inheritdoc />
    public string Name => "RLE Lossless (runtime)";

    /// <inheritdoc />
    public bool IsGenerated => false;

    /// <inheritdoc />
    public bool CanDecode(FrameLayout layout)
        => layout is not null && layout.Validate() == Layout.LayoutError.None && layout.BitsAllocated >= 8
           && SegmentCount(layout) <= RleHeader.MaxSegments;

    /// <summary>Segments a frame of <paramref name="layout"/> has: bytes per sample × samples per pixel.</summary>
    public static int SegmentCount(FrameLayout layout) => layout.BitsAllocated / 8 * layout.SamplesPerPixel;

    /// <inheritdoc />
    public void Decode(ReadOnlySpan<byte> source, Span<byte> destination, FrameLayout layout)
    {
        ArgumentNullException.ThrowIfNull(layout);
        int length = PixelDecoderChecks(destination.Length, layout);
        int es = layout.BitsAllocated / 8;
        int samples = layout.SamplesPerPixel;
        int segments = es * samples;
        int pixels = (int)layout.PixelsPerFrame;
        Span<int> starts = stackalloc int[RleHeader.MaxSegments];
        Span<int> ends = stackalloc int[RleHeader.MaxSegments];
        RleHeader.Read(source, segments, starts, ends);
        var dst = destination[..length];

        if (segments == 1)
        {
            RleSegmentDecoder.Decode(source[starts[0]..ends[0]], dst, 0, starts[0]);
        }
        else
        {
            byte[] scratch = ArrayPool<byte>.Shared.Rent(checked(segments * pixels));
            try
            {
                var planes = scratch.AsSpan(0, segments * pixels);
                for (int i = 0; i < segments; i++)
                    RleSegmentDecoder.Decode(source[starts[i]..ends[i]], planes.Slice(i * pixels, pixels), i, starts[i]);
                Interleave(planes, dst, pixels, samples, es);
            }
            finally
            {
                ArrayPool<byte>.Shared.Return(scratch);
            }
        }
        PixelDecoder.ApplyBitsStored(dst, layout);
    }

    private static int PixelDecoderChecks(int destinationLength, FrameLayout layout)
    {
        int length = PixelDecoder.CheckDestination(destinationLength, layout);
        if (layout.BitsAllocated < 8 || SegmentCount(layout) > RleHeader.MaxSegments)
            throw new PixelDataException($"RLE Lossless cannot hold {layout} frames ({SegmentCount(layout)} segments; at most 15, Bits Allocated 8 or more)");
        return length;
    }

    /// <summary>Planes are ordered sample by sample, most significant byte first; output is little-endian interleaved.</summary>
    private static void Interleave(ReadOnlySpan<byte> planes, Span<byte> dst, int pixels, int samples, int es)
    {
        if (es == 1)
        {
            PlanarKernel.ToInterleaved(planes, dst, pixels, samples, 1);
            return;
        }
        if (es == 2 && samples == 1)
        {
            Merge16(planes[..pixels], planes.Slice(pixels, pixels), dst);
            return;
        }
        int stride = samples * es;
        for (int s = 0; s < samples; s++)
            for (int b = 0; b < es; b++)
            {
                var plane = planes.Slice((s * es + b) * pixels, pixels);
                ref byte d = ref Unsafe.Add(ref MemoryMarshal.GetReference(dst), s * es + (es - 1 - b));
                for (int p = 0; p < plane.Length; p++)
                    Unsafe.Add(ref d, (nint)p * stride) = plane[p];
            }
    }

    // High-byte plane and low-byte plane to little-endian 16-bit values.
    private static void Merge16(ReadOnlySpan<byte> hi, ReadOnlySpan<byte> lo, Span<byte> dst)
    {
        int n = hi.Length;
        ref byte h = ref MemoryMarshal.GetReference(hi);
        ref byte l = ref MemoryMarshal.GetReference(lo);
        ref ushort d = ref Unsafe.As<byte, ushort>(ref MemoryMarshal.GetReference(dst));
        nuint i = 0;
        if (Vector128.IsHardwareAccelerated)
        {
            for (; i + 16 <= (nuint)n; i += 16)
            {
                var vh = Vector128.LoadUnsafe(ref h, i);
                var vl = Vector128.LoadUnsafe(ref l, i);
                var (h0, h1) = Vector128.Widen(vh);
                var (l0, l1) = Vector128.Widen(vl);
                ((h0 << 8) | l0).StoreUnsafe(ref d, i);
                ((h1 << 8) | l1).StoreUnsafe(ref d, i + 8);
            }
        }
        for (; i < (nuint)n; i++)
            Unsafe.WriteUnaligned(ref Unsafe.As<ushort, byte>(ref Unsafe.Add(ref d, i)),
                (ushort)((Unsafe.Add(ref h, i) << 8) | Unsafe.Add(ref l, i)));
    }
}
