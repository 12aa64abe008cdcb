using PixelGen.Dicom;
using PixelGen.Frames;
using PixelGen.IO;
using PixelGen.Tests.Support;
using static PixelGen.Tests.Frames.FrameTestData;

namespace PixelGen.Tests.Frames;

/// <summary>FrameReader as a whole: concurrency, FrameInfo JSON, the seed's pixel-only stream, >4 GB offsets, allocations.</summary>
public class FrameReaderTests
{
    [Fact]
    public void Many_threads_read_random_frames_of_one_reader()
    {
        const int frames = 64;
        var (file, pixels, _) = Native(DicomBuilder.ExplicitLE, frames);
        var path = Path.Combine(Path.GetTempPath(), $"pixelgen-concurrency-{Guid.NewGuid():N}.dcm");
        File.WriteAllBytes(path, file);
        try
        {
            using var parsed = FrameReader.Open(path);
            using var reader = FrameReader.Open(path, FrameInfo.FromJson(parsed.FrameInfo.ToJson()));
            Assert.Null(reader.File);
            using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read);
            using var streamReader = new FrameReader(stream, leaveOpen: true);
            int mismatches = 0;
            Parallel.For(0, 8, new ParallelOptions { MaxDegreeOfParallelism = 8 }, t =>
            {
                var rng = new Random(t);
                var buffer = new byte[FrameBytes];
                for (int k = 0; k < 2000; k++)
                {
                    int i = rng.Next(frames);
                    int n = (k % 2 == 0 ? reader : streamReader).ReadFrameRaw(i, buffer);
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
