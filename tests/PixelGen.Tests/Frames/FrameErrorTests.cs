using PixelGen.Frames;
using PixelGen.IO;
using PixelGen.Tests.Support;

namespace PixelGen.Tests.Frames;

public class FrameErrorTests
{
    private static FrameReader Reader(byte[] file) => new(new MemorySource(file));

    private static DicomBuilder NativeBuilder(int frames = 3)
    {
        var b = new DicomBuilder(DicomBuilder.ExplicitLE).ImagePixel(2, 2, 16, frames: frames);
        b.NativePixelData(DicomBuilder.Pattern(8 * frames, 1));
        return b;
    }

    [Theory]
    [InlineData(-1)]
    [InlineData(3)]
    [InlineData(int.MaxValue)]
    public void Frame_index_out_of_range(int index)
    {
        using var reader = Reader(NativeBuilder().Build());
        var ex = Assert.Throws<PixelDataException>(() => reader.ReadFrameRaw(index));
        Assert.Equal(index, ex.FrameIndex);
        Assert.Throws<PixelDataException>(() => reader.GetFrameLength(index));
    }

    [Fact]
    public void Missing_pixel_data()
    {
        var b = new DicomBuilder(DicomBuilder.ExplicitLE).ImagePixel(2, 2, 16);
        var ex = Assert.Throws<PixelDataException>(() => Reader(b.Build()));
        Assert.Contains("no top-level Pixel Data", ex.Message);
    }

    [Fact]
    public void Missing_rows()
    {
        var b = new DicomBuilder(DicomBuilder.ExplicitLE).US(0x0028, 0x0011, 2).US(0x0028, 0x0100, 16);
        b.NativePixelData(new byte[8]);
        var ex = Assert.Throws<PixelDataException>(() => Reader(b.Build()));
        Assert.Contains("Rows", ex.Message);
    }

    [Fact]
    public void Truncated_native_pixel_data_fails_only_for_the_missing_frames()
    {
        var bytes = NativeBuilder().Build();
        using var reader = Reader(bytes[..^6]); // frame 2 loses its last bytes
        Assert.Equal(8, reader.ReadFrameRaw(0).Length);
        Assert.Equal(8, reader.ReadFrameRaw(1).Length);
        var ex = Assert.Throws<PixelDataException>(() => reader.ReadFrameRaw(2));
        Assert.Equal(2, ex.FrameIndex);
        Assert.Contains("truncated", ex.Message);
        Assert.Contains(reader.Warnings, w => w.Contains("declares", StringComparison.Ordinal));
    }

    [Fact]
    public void Fewer_fragments_than_frames()
    {
        var b = new DicomBuilder(DicomBuilder.Rle).ImagePixel(2, 2, 16, frames: 3);
        b.EncapsulatedPixelData([], [1, 2], [3, 4]);
        var ex = Assert.Throws<PixelDataException>(() => Reader(b.Build()));
        Assert.Contains("fewer fragments (2) than frames (3)", ex.Message);
        Assert.NotNull(ex.Offset);
    }

    [Fact]
    public void Fragments_that_cannot_be_grouped()
    {
        var b = new DicomBuilder(DicomBuilder.Rle).ImagePixel(2, 2, 16, frames: 2);
        b.EncapsulatedPixelData([], [1, 2], [3, 4], [5, 6]);
        Assert.Throws<PixelDataException>(() => Reader(b.Build()));
    }

    [Fact]
    public void Encapsulated_data_without_sequence_delimiter()
    {
        var b = new DicomBuilder(DicomBuilder.Rle).ImagePixel(2, 2, 16, frames: 2);
        b.EncapsulatedPixelData([], [1, 2], [3, 4]);
        var bytes = b.Build();
        var ex = Assert.Throws<DicomFormatException>(() => Reader(bytes[..^8]));
        Assert.Equal(bytes.Length - 8, ex.Offset);
    }

    [Fact]
    public void A_fragment_longer_than_the_data()
    {
        var b = new DicomBuilder(DicomBuilder.Rle).ImagePixel(2, 2, 16);
        b.EncapsulatedPixelData([], [1, 2, 3, 4]);
        var bytes = b.Build();
        BitConverter.GetBytes(0x1000_0000u).CopyTo(bytes, bytes.Length - 8 - 4 - 4);
        Assert.Throws<DicomFormatException>(() => Reader(bytes));
    }

    [Fact]
    public void A_BOT_whose_length_is_not_a_multiple_of_four()
    {
        var b = new DicomBuilder(DicomBuilder.Rle).ImagePixel(2, 2, 16);
        b.EncapsulatedPixelData([], [1, 2, 3, 4]);
        var bytes = b.Build();
        // Make the BOT claim 2 bytes: it then swallows part of the next header.
        int botLength = bytes.Length - 8 - 12 - 4;
        BitConverter.GetBytes(2u).CopyTo(bytes, botLength);
        Assert.Throws<DicomFormatException>(() => Reader(bytes));
    }

    [Fact]
    public void Destination_too_small()
    {
        using var reader = Reader(NativeBuilder().Build());
        Assert.Throws<ArgumentException>(() => reader.ReadFrameRaw(0, new byte[7]));
    }

    [Fact]
    public void FrameInfo_JSON_with_an_unknown_schema_or_broken_content()
    {
        using var reader = Reader(NativeBuilder().Build());
        var json = reader.FrameInfo.ToJson();
        Assert.Throws<PixelGenException>(() => FrameInfo.FromJson(json.Replace("\"schema_version\": 1", "\"schema_version\": 99", StringComparison.Ordinal)));
        Assert.Throws<PixelGenException>(() => FrameInfo.FromJson(json.Replace("\"number_of_frames\": 3", "\"number_of_frames\": 4", StringComparison.Ordinal)));
        Assert.Throws<PixelGenException>(() => FrameInfo.FromJson("{ not json"));
        Assert.Throws<PixelGenException>(() => FrameInfo.FromJson("{\"schema_version\": 1}"));
    }

    [Fact]
    public void A_supplied_native_FrameInfo_must_match_the_layout()
    {
        // 1-bit frames of 3 x 5 = 15 bits: 2 bytes each, starting at bits 0, 15, 30, ...
        var oneBit = new DicomBuilder(DicomBuilder.ExplicitLE).ImagePixel(3, 5, 1, frames: 5).NativePixelData(DicomBuilder.Pattern(10, 4), "OB").Build();
        using var reader = Reader(oneBit);
        var json = System.Text.Json.Nodes.JsonNode.Parse(reader.FrameInfo.ToJson())!;
        FrameInfo.FromJson(json.ToJsonString()); // as written: fine
        foreach (var (field, value) in new (string, long)[] { ("length", 0), ("bit_offset", 1), ("offset", 0) })
        {
            var tampered = json.DeepClone();
            tampered["frames"]![1]![field] = value;
            Assert.Throws<PixelGenException>(() => FrameInfo.FromJson(tampered.ToJsonString()));
        }
        using var native = Reader(NativeBuilder().Build());
        var wrongLength = System.Text.Json.Nodes.JsonNode.Parse(native.FrameInfo.ToJson())!;
        wrongLength["frames"]![0]!["length"] = 1_000_000;
        Assert.Throws<PixelGenException>(() => FrameInfo.FromJson(wrongLength.ToJsonString()));
    }

    [Fact]
    public void A_supplied_FrameInfo_pointing_past_the_stream()
    {
        using var reader = Reader(NativeBuilder().Build());
        var info = reader.FrameInfo.Rebase(0); // but the stream below does not hold the element
        using var wrong = new FrameReader(new MemoryStream(new byte[10]), info);
        Assert.Throws<PixelDataException>(() => wrong.ReadFrameRaw(2));
    }

    [Fact]
    public void A_supplied_encapsulated_FrameInfo_is_checked_against_item_headers()
    {
        var b = new DicomBuilder(DicomBuilder.Rle).ImagePixel(2, 2, 16, frames: 2);
        b.EncapsulatedPixelData([], [1, 2, 3, 4], [5, 6, 7, 8]);
        var bytes = b.Build();
        using var reader = Reader(bytes);
        var shifted = reader.FrameInfo with { Frames = reader.FrameInfo.Frames.Select(f => f with { Offset = f.Offset + 2 }).ToArray() };
        using var wrong = new FrameReader(new MemorySource(bytes), shifted);
        var ex = Assert.Throws<PixelDataException>(() => wrong.ReadFrameRaw(0));
        Assert.Contains("No fragment item", ex.Message);
    }

    [Fact]
    public void Use_after_dispose()
    {
        var reader = Reader(NativeBuilder().Build());
        reader.Dispose();
        Assert.Throws<ObjectDisposedException>(() => reader.ReadFrameRaw(0, new byte[8]));
    }
}
