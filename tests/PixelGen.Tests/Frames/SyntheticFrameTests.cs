using PixelGen.Dicom;
using PixelGen.Frames;
using PixelGen.IO;
using PixelGen.Tests.Support;

namespace PixelGen.Tests.Frames;

public class SyntheticFrameTests
{
    private const int Rows = 4, Columns = 3, FrameBytes = Rows * Columns * 2;

    private static (byte[] File, byte[] Pixels, DicomBuilder Builder) Native(string ts, int frames = 5)
    {
        var pixels = DicomBuilder.Pattern(FrameBytes * frames, ts.Length + frames);
        var b = new DicomBuilder(ts).ImagePixel(Rows, Columns, 16, frames: frames);
        b.NativePixelData(pixels);
        return (b.Build(), pixels, b);
    }

    private static FrameReader Reader(byte[] file) => new(new MemorySource(file));

    [Theory]
    [InlineData(DicomBuilder.ImplicitLE)]
    [InlineData(DicomBuilder.ExplicitLE)]
    [InlineData(DicomBuilder.ExplicitBE)]
    [InlineData(DicomBuilder.DeflatedLE)]
    public void Native_frames_of_each_transfer_syntax_are_the_stored_slices(string ts)
    {
        var (file, pixels, b) = Native(ts);
        using var reader = Reader(file);
        Assert.Equal(5, reader.NumberOfFrames);
        Assert.Equal(ts, reader.TransferSyntax.Uid);
        Assert.Equal(ts == DicomBuilder.ExplicitBE, reader.Layout.IsBigEndian);
        Assert.Equal(b.PixelDataElementOffset, reader.FrameInfo.PixelDataElementOffset);
        Assert.Equal("native", reader.FrameInfo.FrameIndexSource);
        for (int i = 0; i < 5; i++)
        {
            Assert.Equal(FrameBytes, reader.GetFrameLength(i));
            Assert.Equal(pixels.AsSpan(i * FrameBytes, FrameBytes).ToArray(), reader.ReadFrameRaw(i));
        }
    }

    [Fact]
    public void Float_and_double_pixel_data_frames_are_found()
    {
        foreach (var (element, bits, vr) in new[] { ((ushort)0x0008, 32, "OF"), ((ushort)0x0009, 64, "OD") })
        {
            var b = new DicomBuilder(DicomBuilder.ExplicitLE);
            b.US(0x0028, 0x0002, 1).Text(0x0028, 0x0004, "CS", "MONOCHROME2").Text(0x0028, 0x0008, "IS", "2")
             .US(0x0028, 0x0010, 2).US(0x0028, 0x0011, 2).US(0x0028, 0x0100, (ushort)bits);
            var pixels = DicomBuilder.Pattern(2 * 4 * bits / 8, bits);
            b.NativePixelData(pixels, vr, element);
            using var reader = Reader(b.Build());
            Assert.Equal(element == 8 ? PixelGen.Layout.PixelDataKind.Float : PixelGen.Layout.PixelDataKind.Double, reader.Layout.Kind);
            Assert.Equal(bits, reader.Layout.BitsStored);
            Assert.Equal(pixels.AsSpan(pixels.Length / 2).ToArray(), reader.ReadFrameRaw(1));
        }
    }

    private static byte[][] Fragments(int count, int seed) => Enumerable.Range(0, count).Select(i => DicomBuilder.Pattern(10 + 2 * i, seed + i)).ToArray();

    [Fact]
    public void Encapsulated_with_a_valid_BOT_groups_multi_fragment_frames()
    {
        var f = Fragments(5, 10);
        var items = DicomBuilder.ItemOffsets(f);
        var b = new DicomBuilder(DicomBuilder.Rle).ImagePixel(Rows, Columns, 16, frames: 2);
        b.EncapsulatedPixelData([items[0], items[2]], f);
        using var reader = Reader(b.Build());
        Assert.Equal("basic_offset_table", reader.FrameInfo.FrameIndexSource);
        Assert.Equal([.. f[0], .. f[1]], reader.ReadFrameRaw(0));
        Assert.Equal([.. f[2], .. f[3], .. f[4]], reader.ReadFrameRaw(1));
        Assert.Equal(3, reader.FrameInfo.Frames[1].Fragments!.Count);
        Assert.Empty(reader.Warnings);
    }

    [Fact]
    public void Empty_BOT_one_fragment_per_frame()
    {
        var f = Fragments(3, 20);
        var b = new DicomBuilder(DicomBuilder.Rle).ImagePixel(Rows, Columns, 16, frames: 3);
        b.EncapsulatedPixelData([], f);
        using var reader = Reader(b.Build());
        Assert.Equal("fragment_scan", reader.FrameInfo.FrameIndexSource);
        for (int i = 0; i < 3; i++) Assert.Equal(f[i], reader.ReadFrameRaw(i));
    }

    private static byte[] Jpeg(int length, int seed, bool soi, bool eoi)
    {
        var d = DicomBuilder.Pattern(length, seed);
        for (int i = 0; i < d.Length; i++) if (d[i] == 0xFF) d[i] = 0xFE; // no stray markers
        if (soi) { d[0] = 0xFF; d[1] = 0xD8; }
        if (eoi) { d[^2] = 0xFF; d[^1] = 0xD9; }
        return d;
    }

    [Fact]
    public void Empty_BOT_multi_fragment_frames_are_grouped_by_start_of_image()
    {
        var f = new[] { Jpeg(12, 1, true, false), Jpeg(8, 2, false, true), Jpeg(10, 3, true, false), Jpeg(6, 4, false, false), Jpeg(6, 5, false, true), Jpeg(14, 6, true, true) };
        var b = new DicomBuilder(DicomBuilder.JpegBaseline).ImagePixel(Rows, Columns, 8, frames: 3);
        b.EncapsulatedPixelData([], f);
        using var reader = Reader(b.Build());
        Assert.Equal([.. f[0], .. f[1]], reader.ReadFrameRaw(0));
        Assert.Equal([.. f[2], .. f[3], .. f[4]], reader.ReadFrameRaw(1));
        Assert.Equal(f[5], reader.ReadFrameRaw(2));
        Assert.Equal(f[0].Length + f[1].Length, reader.GetFrameLength(0));
    }

    [Fact]
    public void Empty_BOT_j2k_codestreams_start_frames_at_FF4F()
    {
        var f = Enumerable.Range(0, 4).Select(i => Jpeg(10, 30 + i, false, false)).ToArray();
        f[0][0] = 0xFF; f[0][1] = 0x4F; f[2][0] = 0xFF; f[2][1] = 0x4F;
        var b = new DicomBuilder(DicomBuilder.Jpeg2000).ImagePixel(Rows, Columns, 8, frames: 2);
        b.EncapsulatedPixelData([], f);
        using var reader = Reader(b.Build());
        Assert.Equal([.. f[2], .. f[3]], reader.ReadFrameRaw(1));
    }

    [Fact]
    public void Empty_BOT_frames_found_by_end_of_image_when_starts_are_ambiguous()
    {
        // Frame 1's continuation fragment happens to start with FFD8, so starts are ambiguous; EOI (with pad byte) decides.
        var f = new[] { Jpeg(12, 1, true, false), Jpeg(8, 2, true, true), Jpeg(10, 3, true, false), Jpeg(6, 4, false, false) };
        f[3][^3] = 0xFF; f[3][^2] = 0xD9; f[3][^1] = 0x00;
        var b = new DicomBuilder(DicomBuilder.JpegBaseline).ImagePixel(Rows, Columns, 8, frames: 2);
        b.EncapsulatedPixelData([], f);
        using var reader = Reader(b.Build());
        Assert.Equal([.. f[0], .. f[1]], reader.ReadFrameRaw(0));
        Assert.Equal([.. f[2], .. f[3]], reader.ReadFrameRaw(1));
    }

    [Fact]
    public void A_BOT_that_does_not_point_at_items_is_not_trusted()
    {
        var f = Fragments(3, 40);
        var b = new DicomBuilder(DicomBuilder.Rle).ImagePixel(Rows, Columns, 16, frames: 3);
        b.EncapsulatedPixelData([0, 5, 9], f); // wrong offsets
        using var reader = Reader(b.Build());
        Assert.Contains(reader.Warnings, w => w.Contains("Basic Offset Table ignored", StringComparison.Ordinal));
        for (int i = 0; i < 3; i++) Assert.Equal(f[i], reader.ReadFrameRaw(i));
        Assert.Equal(new uint[] { 0, 5, 9 }, reader.FrameInfo.BasicOffsetTable);
    }

    [Fact]
    public void A_non_monotonic_BOT_is_not_trusted()
    {
        var f = Fragments(3, 50);
        var items = DicomBuilder.ItemOffsets(f);
        var b = new DicomBuilder(DicomBuilder.Rle).ImagePixel(Rows, Columns, 16, frames: 3);
        b.EncapsulatedPixelData([items[0], items[2], items[1]], f);
        using var reader = Reader(b.Build());
        Assert.Equal("fragment_scan", reader.FrameInfo.FrameIndexSource);
        Assert.Equal(f[1], reader.ReadFrameRaw(1));
    }

    [Fact]
    public void Extended_offset_table_is_used_first()
    {
        var f = Fragments(3, 60);
        var items = DicomBuilder.ItemOffsets(f);
        var b = new DicomBuilder(DicomBuilder.Jpeg2000).ImagePixel(Rows, Columns, 16, frames: 3);
        b.ExtendedOffsetTable(items.Select(x => (ulong)x).ToArray(), f.Select(x => (ulong)x.Length).ToArray());
        b.EncapsulatedPixelData([], f);
        using var reader = Reader(b.Build());
        Assert.Equal("extended_offset_table", reader.FrameInfo.FrameIndexSource);
        for (int i = 0; i < 3; i++) Assert.Equal(f[i], reader.ReadFrameRaw(i));
    }

    [Fact]
    public void An_EOT_pointing_between_items_fails_at_read_with_the_offset()
    {
        var f = Fragments(2, 70);
        var b = new DicomBuilder(DicomBuilder.Jpeg2000).ImagePixel(Rows, Columns, 16, frames: 2);
        b.ExtendedOffsetTable([0, 8 + (ulong)f[0].Length + 2], [(ulong)f[0].Length, 2]); // monotonic, but inside fragment 1
        b.EncapsulatedPixelData([], f);
        using var reader = Reader(b.Build());
        Assert.Equal("extended_offset_table", reader.FrameInfo.FrameIndexSource);
        Assert.Equal(f[0], reader.ReadFrameRaw(0));
        var ex = Assert.Throws<PixelDataException>(() => reader.ReadFrameRaw(1));
        Assert.Equal(1, ex.FrameIndex);
        Assert.NotNull(ex.Offset);
    }

    [Fact]
    public void A_non_monotonic_EOT_is_ignored_for_a_fragment_scan()
    {
        var f = Fragments(2, 75);
        var b = new DicomBuilder(DicomBuilder.Jpeg2000).ImagePixel(Rows, Columns, 16, frames: 2);
        b.ExtendedOffsetTable([0, 4], [(ulong)f[0].Length, 2]);
        b.EncapsulatedPixelData([], f);
        using var reader = Reader(b.Build());
        Assert.Equal("fragment_scan", reader.FrameInfo.FrameIndexSource);
        Assert.Contains(reader.Warnings, w => w.Contains("Extended Offset Table entry 1", StringComparison.Ordinal));
        Assert.Equal(f[1], reader.ReadFrameRaw(1));
    }

    /// <summary>Independent reference: frame i's bits re-packed LSB-first from bit 0.</summary>
    private static byte[] ExpectedBitFrame(bool[] bits, int frame, int frameBits)
    {
        var result = new byte[(frameBits + 7) / 8];
        for (int k = 0; k < frameBits; k++)
            if (bits[frame * frameBits + k]) result[k / 8] |= (byte)(1 << (k % 8));
        return result;
    }

    [Theory]
    [InlineData(3, 5, 7)]
    [InlineData(1, 1, 9)]
    [InlineData(7, 9, 4)]
    [InlineData(4, 4, 3)]
    [InlineData(510, 510, 3)]
    public void One_bit_frames_of_odd_sizes_are_realigned_to_bit_zero(int rows, int columns, int frames)
    {
        int frameBits = rows * columns;
        var rng = new Random(rows * 31 + columns);
        var bits = Enumerable.Range(0, frameBits * frames).Select(_ => rng.Next(2) == 1).ToArray();
        var packed = new byte[(bits.Length + 7) / 8];
        for (int k = 0; k < bits.Length; k++) if (bits[k]) packed[k / 8] |= (byte)(1 << (k % 8));
        if (packed.Length % 2 == 1) packed = [.. packed, 0xFF]; // pad byte with bits set: must not leak into the last frame
        var b = new DicomBuilder(DicomBuilder.ExplicitLE).ImagePixel(rows, columns, 1, frames: frames);
        b.NativePixelData(packed, "OB");
        using var reader = Reader(b.Build());
        for (int i = 0; i < frames; i++)
        {
            Assert.Equal((long)frameBits * i, reader.FrameInfo.Frames[i].BitOffset);
            Assert.Equal(ExpectedBitFrame(bits, i, frameBits), reader.ReadFrameRaw(i));
        }
    }

    [Fact]
    public void Many_threads_read_random_frames_of_one_reader()
    {
        const int frames = 64;
        var (file, pixels, _) = Native(DicomBuilder.ExplicitLE, frames);
        var path = Path.Combine(Path.GetTempPath(), $"pixelgen-concurrency-{Guid.NewGuid():N}.dcm");
        File.WriteAllBytes(path, file);
        try
        {
            using var reader = FrameReader.Open(path);
            int mismatches = 0;
            Parallel.For(0, 8, new ParallelOptions { MaxDegreeOfParallelism = 8 }, t =>
            {
                var rng = new Random(t);
                var buffer = new byte[FrameBytes];
                for (int k = 0; k < 2000; k++)
                {
                    int i = rng.Next(frames);
                    int n = reader.ReadFrameRaw(i, buffer);
                    if (n != FrameBytes || !buffer.AsSpan().SequenceEqual(pixels.AsSpan(i * FrameBytes, FrameBytes))) Interlocked.Increment(ref mismatches);
                }
            });
            Assert.Equal(0, mismatches);
        }
        finally { File.Delete(path); }
    }

    [Fact]
    public void Many_threads_read_random_encapsulated_frames_through_a_stream()
    {
        var f = Fragments(40, 80);
        var b = new DicomBuilder(DicomBuilder.Rle).ImagePixel(Rows, Columns, 16, frames: 40);
        b.EncapsulatedPixelData([], f);
        using var reader = new FrameReader(new MemoryStream(b.Build()));
        int mismatches = 0;
        Parallel.For(0, 8, t =>
        {
            var rng = new Random(t);
            for (int k = 0; k < 1000; k++)
            {
                int i = rng.Next(40);
                if (!reader.ReadFrameRaw(i).AsSpan().SequenceEqual(f[i])) Interlocked.Increment(ref mismatches);
            }
        });
        Assert.Equal(0, mismatches);
    }

    [Fact]
    public void FrameInfo_round_trips_through_JSON()
    {
        var f = new[] { Jpeg(12, 1, true, false), Jpeg(8, 2, false, true), Jpeg(10, 3, true, true) };
        var b = new DicomBuilder(DicomBuilder.JpegBaseline).ImagePixel(Rows, Columns, 8, frames: 2, samples: 3, photometric: "YBR_FULL_422", planar: 0);
        b.EncapsulatedPixelData([], f);
        using var reader = Reader(b.Build());
        var json = reader.FrameInfo.ToJson();
        Assert.Contains("\"schema_version\": 1", json);
        Assert.Contains("\"pixel_data_element_offset\"", json);
        var back = FrameInfo.FromJson(json);
        Assert.Equal(json, back.ToJson());
        Assert.Equal(reader.FrameInfo.Frames[0].Fragments!.Count, back.Frames[0].Fragments!.Count);
        Assert.Equal(reader.Layout, back.ToLayout());
        Assert.Equal(reader.FrameInfo.ToJson(indented: false), back.ToJson(indented: false));
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Seed_scenario_pixel_data_element_alone_in_a_memory_stream(bool encapsulated)
    {
        byte[] file;
        if (encapsulated)
        {
            var b = new DicomBuilder(DicomBuilder.Rle).ImagePixel(Rows, Columns, 16, frames: 4);
            b.EncapsulatedPixelData([], Fragments(4, 90));
            file = b.Build();
        }
        else file = Native(DicomBuilder.ExplicitLE, 6).File;

        FrameInfo info;
        byte[][] original;
        using (var reader = Reader(file))
        {
            info = reader.FrameInfo;
            original = Enumerable.Range(0, reader.NumberOfFrames).Select(reader.ReadFrameRaw).ToArray();
        }
        var pixelOnly = new MemoryStream();
        pixelOnly.Write(file.AsSpan((int)info.PixelDataElementOffset));
        var rebased = FrameInfo.FromJson(info.Rebase(0).ToJson());
        Assert.Equal(0, rebased.PixelDataElementOffset);
        Assert.Equal(info.FirstFrameOffset - info.PixelDataElementOffset, rebased.FirstFrameOffset);
        using var again = new FrameReader(pixelOnly, rebased);
        Assert.Null(again.Dataset);
        for (int i = 0; i < original.Length; i++) Assert.Equal(original[i], again.ReadFrameRaw(i));
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void Pixel_data_beyond_4GB_uses_64_bit_offsets(bool withEot)
    {
        const uint huge = 0xFFFF_FFF0; // one ~4 GiB fragment in the middle, never materialised
        var f0 = DicomBuilder.Pattern(16, 1);
        var f2 = DicomBuilder.Pattern(16, 2);
        var b = new DicomBuilder(DicomBuilder.Jpeg2000).ImagePixel(Rows, Columns, 16, frames: 3);
        if (withEot) b.ExtendedOffsetTable([0, 24, 24 + 8 + (ulong)huge], [16, huge, 16]);
        b.EncapsulatedPixelData([], f0, [], f2);
        var bytes = b.Build();
        // Split after frame 1's item header and patch its length; the gap is virtual zeros.
        int secondItem = bytes.Length - 8 - (8 + 16) - 8;
        BitConverter.GetBytes(huge).CopyTo(bytes, secondItem + 4);
        int cut = secondItem + 8;
        var source = new SparseSource(bytes.Length + (long)huge).Put(0, bytes[..cut]).Put(cut + (long)huge, bytes[cut..]);

        using var reader = new FrameReader(source);
        Assert.Equal(withEot ? "extended_offset_table" : "fragment_scan", reader.FrameInfo.FrameIndexSource);
        Assert.Equal(f0, reader.ReadFrameRaw(0));
        Assert.Equal((long)huge, reader.GetFrameLength(1));
        Assert.True(reader.FrameInfo.Frames[2].Offset > uint.MaxValue);
        Assert.Equal(f2, reader.ReadFrameRaw(2));
        Assert.Throws<PixelDataException>(() => reader.ReadFrameRaw(1)); // larger than any array
        var viaJson = new FrameReader(source, FrameInfo.FromJson(reader.FrameInfo.ToJson()));
        Assert.Equal(f2, viaJson.ReadFrameRaw(2));
    }

    [Fact]
    public void The_raw_read_into_a_caller_buffer_allocates_nothing()
    {
        var (file, _, _) = Native(DicomBuilder.ExplicitLE, 8);
        using var reader = Reader(file);
        var buffer = new byte[FrameBytes];
        reader.ReadFrameRaw(0, buffer);
        long before = GC.GetAllocatedBytesForCurrentThread();
        for (int i = 0; i < 100; i++) reader.ReadFrameRaw(i % 8, buffer);
        Assert.Equal(0, GC.GetAllocatedBytesForCurrentThread() - before);
        Assert.Equal(8, reader.FrameInfo.Frames.Count);
    }

    [Fact]
    public void Encapsulated_multi_fragment_reads_into_a_caller_buffer_allocate_nothing()
    {
        var f = Fragments(6, 95);
        var items = DicomBuilder.ItemOffsets(f);
        var b = new DicomBuilder(DicomBuilder.Rle).ImagePixel(Rows, Columns, 16, frames: 2);
        b.EncapsulatedPixelData([items[0], items[3]], f);
        using var reader = Reader(b.Build());
        var buffer = new byte[256];
        reader.ReadFrameRaw(1, buffer);
        long before = GC.GetAllocatedBytesForCurrentThread();
        for (int i = 0; i < 100; i++) reader.ReadFrameRaw(i % 2, buffer);
        Assert.Equal(0, GC.GetAllocatedBytesForCurrentThread() - before);
    }
}
