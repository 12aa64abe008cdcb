using PixelGen.Dicom;
using PixelGen.Frames;
using PixelGen.IO;
using PixelGen.Tests.Support;
using static PixelGen.Tests.Frames.FrameTestData;

namespace PixelGen.Tests.Frames;

/// <summary>Encapsulated frames: BOT (validated), EOT, and the fragment scan's grouping rules.</summary>
public class EncapsulatedFrameTests
{
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
    public void The_fragment_scan_crosses_read_blocks_with_mixed_fragment_sizes()
    {
        var rng = new Random(5);
        var f = Enumerable.Range(0, 60).Select(i => DicomBuilder.Pattern(2 * rng.Next(1, i % 7 == 0 ? 20000 : 3000), 200 + i)).ToArray();
        var b = new DicomBuilder(DicomBuilder.Rle).ImagePixel(Rows, Columns, 16, frames: 60);
        b.EncapsulatedPixelData([], f);
        using var reader = new FrameReader(new MemoryStream(b.Build()));
        for (int i = 0; i < 60; i++) Assert.Equal(f[i], reader.ReadFrameRaw(i));
    }

    [Fact]
    public void A_BOT_with_fewer_entries_than_frames_falls_back_to_the_scan()
    {
        var f = Fragments(3, 45);
        var b = new DicomBuilder(DicomBuilder.Rle).ImagePixel(Rows, Columns, 16, frames: 3);
        b.EncapsulatedPixelData([0], f);
        using var reader = Reader(b.Build());
        Assert.Equal("fragment_scan", reader.FrameInfo.FrameIndexSource);
        Assert.Equal(f[2], reader.ReadFrameRaw(2));
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
}
