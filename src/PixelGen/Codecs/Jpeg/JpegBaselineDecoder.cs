using System.Numerics;
using System.Buffers;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using JpegLibrary;
using PixelGen.Layout;
using PixelGen.Pixels;

namespace PixelGen.Codecs.Jpeg;

/// <summary>
/// DCT-based JPEG (baseline 1.2.840.10008.1.2.4.50, extended 12-bit .4.51, progressive .4.55 and friends) through
/// the managed <c>JpegLibrary</c> package, which returns raw component samples; PixelGen does the rest: clamping,
/// libjpeg-style "fancy" chroma upsampling, the colour decision (<see cref="JpegColour"/>), optional
/// YCbCr → RGB, interleaving, 8-bit or 16-bit (12-bit data) output with the decoding contract's masking.
/// A process 14 (SOF3) stream under a lossy transfer syntax is handed to <see cref="JpegLosslessDecoder"/>.
/// </summary>
public sealed class JpegBaselineDecoder : IFrameDecoder
{
    /// <summary>Returns the stored components (YCbCr streams decode to YBR_FULL), like pydicom 2.3.1 with GDCM.</summary>
    public static JpegBaselineDecoder Instance { get; } = new(JpegColourOutput.AsStored);

    /// <summary>Converts YCbCr streams to RGB.</summary>
    public static JpegBaselineDecoder RgbInstance { get; } = new(JpegColourOutput.Rgb);

    /// <summary>Creates a decoder with the given colour output.</summary>
    public JpegBaselineDecoder(JpegColourOutput colourOutput) { ColourOutput = colourOutput; }

    /// <summary>What this instance returns for colour streams.</summary>
    public JpegColourOutput ColourOutput { get; }

    /// <inheritdoc />
    public string Name => ColourOutput == JpegColourOutput.Rgb ? "JPEG DCT (JpegLibrary + PixelGen, RGB output)" : "JPEG DCT (JpegLibrary + PixelGen)";

    /// <inheritdoc />
    public bool IsGenerated => false;

    /// <inheritdoc />
    public bool CanDecode(FrameLayout layout)
        => layout.Kind == PixelDataKind.Integer && layout.BitsAllocated is 8 or 16 && layout.SamplesPerPixel is 1 or 3;

    /// <summary>
    /// YBR_FULL for YBR_FULL/YBR_FULL_422 data decoded as stored, RGB when RGB output was asked for; otherwise the
    /// data set's value. A stream whose markers contradict its label (e.g. RGB-labelled but YCbCr-coded) can only be
    /// told from its bytes: use <see cref="DecodedPhotometricInterpretation(ReadOnlySpan{byte}, FrameLayout)"/>.
    /// </summary>
    public string DecodedPhotometricInterpretation(FrameLayout layout)
    {
        ArgumentNullException.ThrowIfNull(layout);
        if (layout.SamplesPerPixel != 3) return layout.PhotometricInterpretation;
        if (ColourOutput == JpegColourOutput.Rgb) return "RGB";
        return layout.PhotometricInterpretation.StartsWith("YBR", StringComparison.Ordinal) ? "YBR_FULL" : layout.PhotometricInterpretation;
    }

    /// <summary>The colour space this decoder returns for one particular frame (reads its JPEG header).</summary>
    /// <exception cref="PixelDataException">The header cannot be read.</exception>
    public string DecodedPhotometricInterpretation(ReadOnlySpan<byte> frame, FrameLayout layout)
    {
        ArgumentNullException.ThrowIfNull(layout);
        if (layout.SamplesPerPixel != 3) return layout.PhotometricInterpretation;
        var model = JpegColour.Decide(frame, layout.PhotometricInterpretation);
        return model switch
        {
            JpegColourModel.YCbCr => ColourOutput == JpegColourOutput.Rgb ? "RGB" : "YBR_FULL",
            JpegColourModel.Rgb => "RGB",
            _ => layout.PhotometricInterpretation,
        };
    }

    /// <inheritdoc />
    public void Decode(ReadOnlySpan<byte> source, Span<byte> destination, FrameLayout layout)
    {
        ArgumentNullException.ThrowIfNull(layout);
        layout.EnsureValid();
        if (!CanDecode(layout)) throw new PixelDataException($"JPEG cannot produce {layout}");
        if (destination.Length < layout.DecodedFrameLength)
            throw new ArgumentException($"Destination holds {destination.Length} bytes; the frame needs {layout.DecodedFrameLength}", nameof(destination));

        var info = JpegStreamInfo.Read(source);
        var frame = info.Frame;
        if (frame.IsLossless)
        {
            JpegLosslessDecoder.Instance.Decode(source, destination, layout);
            return;
        }
        if (frame.SofMarker is not (JpegMarkers.Sof0 or JpegMarkers.Sof1 or JpegMarkers.Sof2))
            throw new PixelDataException($"Unsupported JPEG process {JpegMarkers.Name(frame.SofMarker)} (arithmetic, hierarchical or JPEG-LS data)");
        frame.EnsureMatches(layout);
        foreach (var c in frame.Components)
        {
            int hs = frame.MaxH / c.H, vs = frame.MaxV / c.V;
            if (hs * c.H != frame.MaxH || vs * c.V != frame.MaxV || (hs & (hs - 1)) != 0 || (vs & (vs - 1)) != 0)
                throw new PixelDataException($"JPEG component {c.Id} has sampling {c.H}x{c.V} against a maximum of {frame.MaxH}x{frame.MaxV}: only power-of-two ratios are supported");
        }

        var model = JpegColour.Decide(info, layout.PhotometricInterpretation);
        bool toRgb = ColourOutput == JpegColourOutput.Rgb && model == JpegColourModel.YCbCr;

        using var planes = new JpegComponentCollector(frame, clear: frame.SofMarker == JpegMarkers.Sof2);
        if (frame.SofMarker != JpegMarkers.Sof2)
        {
            JpegSequentialDecoder.Decode(source, frame, planes);
            Interleave(planes, frame, layout, toRgb, destination);
            return;
        }

        // Progressive: JpegLibrary, which reads from memory, not a span: one pooled copy of the compressed frame.
        byte[] input = ArrayPool<byte>.Shared.Rent(source.Length);
        try
        {
            source.CopyTo(input);
            var decoder = new JpegDecoder();
            decoder.SetInput(input.AsMemory(0, source.Length));
            decoder.Identify();
            decoder.SetOutputWriter(planes);
            decoder.Decode();
        }
        catch (Exception ex) when (ex is not PixelGenException and not OutOfMemoryException)
        {
            throw new PixelDataException($"Corrupt JPEG data: {ex.Message}", innerException: ex);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(input);
        }

        Interleave(planes, frame, layout, toRgb, destination);
    }

    private static void Interleave(JpegComponentCollector planes, JpegFrameHeader frame, FrameLayout layout, bool toRgb, Span<byte> destination)
    {
        int n = frame.Components.Length, columns = frame.Width;
        int rowLength = Math.Max(columns, 0);
        for (int c = 0; c < n; c++) rowLength = Math.Max(rowLength, planes.Width[c] * planes.HorizontalFactor(c));
        int[] buffer = ArrayPool<int>.Shared.Rent(rowLength * n);
        try
        {
            var writer = new JpegSampleWriter(layout);
            bool plain8 = layout.BitsAllocated == 8 && layout.BitsStored == 8 && layout.HighBit == 7 && !layout.IsSigned && frame.Precision == 8;
            // 8-bit YCbCr 4:2:2 (the common DICOM case): upsample and interleave in one pass (as stored), or upsample
            // without bounds checks, convert and interleave (RGB).
            bool is422 = plain8 && n == 3 && planes.HorizontalFactor(0) == 1 && planes.VerticalFactor(0) == 1
                && planes.HorizontalFactor(1) == 2 && planes.VerticalFactor(1) == 1 && planes.Width[1] > 2
                && planes.HorizontalFactor(2) == 2 && planes.VerticalFactor(2) == 1 && planes.Width[2] > 2
                && planes.Width[1] == planes.Width[2];
            bool fused422 = is422 && !toRgb;
            for (int y = 0; y < frame.Height; y++)
            {
                if (is422 && toRgb)
                {
                    var r0 = buffer.AsSpan(0, columns);
                    var r1 = buffer.AsSpan(rowLength, columns);
                    var r2 = buffer.AsSpan(2 * rowLength, columns);
                    Upsample422(planes.Plane(0).Slice(y * planes.Stride(0), columns), planes.Plane(1).Slice(y * planes.Stride(1), planes.Width[1]),
                        planes.Plane(2).Slice(y * planes.Stride(2), planes.Width[2]), r0, r1, r2);
                    JpegColour.YCbCrToRgb(r0, r1, r2, frame.Precision);
                    Interleave3(r0, r1, r2, destination.Slice(y * columns * 3, columns * 3));
                    continue;
                }
                if (fused422)
                {
                    Interleave422(planes.Plane(0).Slice(y * planes.Stride(0), columns), planes.Plane(1).Slice(y * planes.Stride(1), planes.Width[1]),
                        planes.Plane(2).Slice(y * planes.Stride(2), planes.Width[2]), destination.Slice(y * columns * 3, columns * 3));
                    continue;
                }
                for (int c = 0; c < n; c++)
                {
                    if (c == 0 && plain8 && n == 3 && !toRgb && planes.HorizontalFactor(0) == 1 && planes.VerticalFactor(0) == 1) continue;
                    JpegChromaUpsampler.UpsampleRow(planes.Plane(c), planes.Stride(c), planes.Width[c], planes.Height[c],
                        planes.HorizontalFactor(c), planes.VerticalFactor(c), y, columns, buffer.AsSpan(c * rowLength, rowLength));
                }
                if (toRgb)
                    JpegColour.YCbCrToRgb(buffer.AsSpan(0, columns), buffer.AsSpan(rowLength, columns), buffer.AsSpan(2 * rowLength, columns), frame.Precision);
                if (plain8 && n == 3)
                {
                    // 8-bit YBR/RGB, nothing to mask: interleave the three rows in one pass; a full-resolution
                    // component is read straight from its plane.
                    var d = destination.Slice(y * columns * 3, columns * 3);
                    if (!toRgb && planes.HorizontalFactor(0) == 1 && planes.VerticalFactor(0) == 1)
                        Interleave3(planes.Plane(0).Slice(y * planes.Stride(0), columns), buffer.AsSpan(rowLength, columns), buffer.AsSpan(2 * rowLength, columns), d);
                    else
                        Interleave3(buffer.AsSpan(0, columns), buffer.AsSpan(rowLength, columns), buffer.AsSpan(2 * rowLength, columns), d);
                }
                else
                {
                    for (int c = 0; c < n; c++)
                        writer.WriteRow(buffer.AsSpan(c * rowLength, columns), 0, frame.Precision, destination, y, c);
                }
            }
        }
        finally
        {
            ArrayPool<int>.Shared.Return(buffer);
        }
    }

    // The first row is the luma plane (short) or an upsampled row (int); the JIT specialises T, so no cost.
    private static void Interleave3<T>(ReadOnlySpan<T> r0, ReadOnlySpan<int> r1, ReadOnlySpan<int> r2, Span<byte> d)
        where T : unmanaged, IBinaryInteger<T>
    {
        if (r1.Length < r0.Length || r2.Length < r0.Length || d.Length < 3 * r0.Length) throw new ArgumentException("row lengths disagree");
        ref T a = ref MemoryMarshal.GetReference(r0);
        ref int b = ref MemoryMarshal.GetReference(r1);
        ref int c = ref MemoryMarshal.GetReference(r2);
        ref byte o = ref MemoryMarshal.GetReference(d);
        for (int x = 0; x < r0.Length; x++)
        {
            Unsafe.Add(ref o, 3 * x) = byte.CreateTruncating(Unsafe.Add(ref a, x));
            Unsafe.Add(ref o, 3 * x + 1) = (byte)Unsafe.Add(ref b, x);
            Unsafe.Add(ref o, 3 * x + 2) = (byte)Unsafe.Add(ref c, x);
        }
    }

    /// <summary>
    /// One row of full-resolution Y with h2v1 chroma, upsampled exactly as <see cref="JpegChromaUpsampler"/> (libjpeg
    /// 6b fancy h2v1: 3/4 nearer + 1/4 farther sample, edges replicated) and interleaved into bytes.
    /// </summary>
    private static void Interleave422(ReadOnlySpan<short> luma, ReadOnlySpan<short> cb, ReadOnlySpan<short> cr, Span<byte> d)
    {
        int columns = luma.Length, w = cb.Length;
        if (cr.Length != w || 2 * w < columns || 2 * (w - 1) >= columns || d.Length < 3 * columns || w < 3)
            throw new InvalidOperationException("4:2:2 row geometry disagrees");
        ref short yr = ref MemoryMarshal.GetReference(luma);
        ref short br = ref MemoryMarshal.GetReference(cb);
        ref short rr = ref MemoryMarshal.GetReference(cr);
        ref byte o = ref MemoryMarshal.GetReference(d);
        // Output pair i (x = 2i, 2i+1) from chroma i-1, i, i+1.
        for (int i = 0; i < w; i++)
        {
            int b = Unsafe.Add(ref br, i), r = Unsafe.Add(ref rr, i);
            int b3 = 3 * b, r3 = 3 * r;
            int bEven = i == 0 ? b : (b3 + Unsafe.Add(ref br, i - 1) + 1) >> 2;
            int rEven = i == 0 ? r : (r3 + Unsafe.Add(ref rr, i - 1) + 1) >> 2;
            int x = 2 * i;
            ref byte p = ref Unsafe.Add(ref o, 3 * x);
            p = (byte)Unsafe.Add(ref yr, x);
            Unsafe.Add(ref p, 1) = (byte)bEven;
            Unsafe.Add(ref p, 2) = (byte)rEven;
            if (x + 1 >= columns) break;
            int bOdd = i == w - 1 ? b : (b3 + Unsafe.Add(ref br, i + 1) + 2) >> 2;
            int rOdd = i == w - 1 ? r : (r3 + Unsafe.Add(ref rr, i + 1) + 2) >> 2;
            Unsafe.Add(ref p, 3) = (byte)Unsafe.Add(ref yr, x + 1);
            Unsafe.Add(ref p, 4) = (byte)bOdd;
            Unsafe.Add(ref p, 5) = (byte)rOdd;
        }
    }

    /// <summary>The h2v1 fancy upsampling of <see cref="Interleave422"/> into three int rows (for colour conversion).</summary>
    private static void Upsample422(ReadOnlySpan<short> luma, ReadOnlySpan<short> cb, ReadOnlySpan<short> cr, Span<int> y, Span<int> b, Span<int> r)
    {
        int columns = luma.Length, w = cb.Length;
        if (cr.Length != w || 2 * w < columns || 2 * (w - 1) >= columns || w < 3 || y.Length < columns || b.Length < columns || r.Length < columns)
            throw new InvalidOperationException("4:2:2 row geometry disagrees");
        ref short yr = ref MemoryMarshal.GetReference(luma);
        ref short br = ref MemoryMarshal.GetReference(cb);
        ref short rr = ref MemoryMarshal.GetReference(cr);
        ref int yo = ref MemoryMarshal.GetReference(y);
        ref int bo = ref MemoryMarshal.GetReference(b);
        ref int ro = ref MemoryMarshal.GetReference(r);
        for (int x = 0; x < columns; x++) Unsafe.Add(ref yo, x) = Unsafe.Add(ref yr, x);
        for (int i = 0; i < w; i++)
        {
            int cb0 = Unsafe.Add(ref br, i), cr0 = Unsafe.Add(ref rr, i);
            int x = 2 * i;
            Unsafe.Add(ref bo, x) = i == 0 ? cb0 : (3 * cb0 + Unsafe.Add(ref br, i - 1) + 1) >> 2;
            Unsafe.Add(ref ro, x) = i == 0 ? cr0 : (3 * cr0 + Unsafe.Add(ref rr, i - 1) + 1) >> 2;
            if (x + 1 >= columns) break;
            Unsafe.Add(ref bo, x + 1) = i == w - 1 ? cb0 : (3 * cb0 + Unsafe.Add(ref br, i + 1) + 2) >> 2;
            Unsafe.Add(ref ro, x + 1) = i == w - 1 ? cr0 : (3 * cr0 + Unsafe.Add(ref rr, i + 1) + 2) >> 2;
        }
    }
}
