using System.Buffers.Binary;
using PixelGen.Codecs.Jpeg2000;

namespace PixelGen.Tests.Codecs.Jpeg2000;

/// <summary>Damaged codestreams raise PixelDataException; header damage is caught before OpenJPEG runs.</summary>
public class Jpeg2000CorruptStreamTests
{
    private static readonly byte[] Lossless = Jpeg2000FixtureTests.Fixture("mono16_lossless.j2k");

    [Fact]
    public void Header_damage_is_rejected_in_managed_code_even_without_OpenJPEG()
    {
        var layout = Jpeg2000FixtureTests.Mono16;
        var dest = new byte[layout.DecodedFrameLength * 4];
        // Wrong Rows/Columns.
        var e = Assert.Throws<PixelDataException>(() => Jpeg2000Codec.Jpeg2000.Decode(Lossless, dest, layout with { Rows = 22 }));
        Assert.Contains("Columns/Rows", e.Message);
        // Component count and precision against the data set.
        Assert.Throws<PixelDataException>(() => Jpeg2000Codec.Jpeg2000.Decode(Lossless, dest, layout with { SamplesPerPixel = 3, PhotometricInterpretation = "RGB" }));
        Assert.Throws<PixelDataException>(() => Jpeg2000Codec.Jpeg2000.Decode(Lossless, dest, layout with { BitsAllocated = 8, BitsStored = 8, HighBit = 7 }));
        // Not a codestream; SIZ length damaged; absurd tile count; missing EOC (truncated).
        Assert.Throws<PixelDataException>(() => Jpeg2000Codec.Jpeg2000.Decode([0xFF, 0xD8, 0xFF, 0xE0], dest, layout));
        var badLength = (byte[])Lossless.Clone();
        BinaryPrimitives.WriteUInt16BigEndian(badLength.AsSpan(4), 0xFFF0);
        Assert.Throws<PixelDataException>(() => Jpeg2000Codec.Jpeg2000.Decode(badLength, dest, layout));
        var wide = (byte[])Lossless.Clone();
        BinaryPrimitives.WriteUInt32BigEndian(wide.AsSpan(4 + 2 + 2), 3722445056); // Xsiz as in JPEG2000-embedded-sequence-delimiter
        Assert.Throws<PixelDataException>(() => Jpeg2000Codec.Jpeg2000.Decode(wide, dest, layout));
        var zeroTile = (byte[])Lossless.Clone();
        BinaryPrimitives.WriteUInt32BigEndian(zeroTile.AsSpan(4 + 2 + 2 + 16), 0); // XTsiz = 0
        Assert.Contains("tile", Assert.Throws<PixelDataException>(() => Jpeg2000Codec.Jpeg2000.Decode(zeroTile, dest, layout)).Message);
        Assert.Contains("EOC", Assert.Throws<PixelDataException>(() => Jpeg2000Codec.Jpeg2000.Decode(Lossless.AsSpan(0, Lossless.Length - 40), dest, layout)).Message);
    }

    [Theory]
    [InlineData("mono16_htj2k_lossless.j2c", false)]
    [InlineData("rgb8_htj2k_rpcl.j2c", true)]
    public void Marker_like_bytes_in_HT_coded_data_are_rejected_before_OpenJPEG(string name, bool rgb)
    {
        // OpenJPEG 2.5.0 with assertions (Debian 12) aborts the process on some of these (ht_dec.c mel_init).
        var stream = Jpeg2000FixtureTests.Fixture(name);
        var layout = rgb ? Jpeg2000FixtureTests.Rgb8 : Jpeg2000FixtureTests.Mono16;
        var dest = new byte[layout.DecodedFrameLength];
        var header = Jpeg2000Header.Parse(stream);
        header.CheckCodedData(stream); // the valid stream passes
        int sod = stream.AsSpan().IndexOf([(byte)0xFF, (byte)0x93]) + 2;
        int eoc = stream.AsSpan().LastIndexOf([(byte)0xFF, (byte)0xD9]);
        foreach (byte second in new byte[] { 0xFF, 0x90, 0xD4, 0x92 })
            for (int at = sod; at < eoc - 1; at += Math.Max(1, (eoc - sod) / 17))
            {
                var bad = (byte[])stream.Clone();
                bad[at] = 0xFF;
                bad[at + 1] = second;
                var e = Assert.Throws<PixelDataException>(() => Jpeg2000Codec.HighThroughput.Decode(bad, dest, layout));
                Assert.Contains("no valid packet", e.Message);
            }
    }

    [Fact]
    public void Damaged_jp2_boxes_are_rejected_before_OpenJPEG()
    {
        var jp2 = Jpeg2000FixtureTests.Fixture("rgb8_rct.jp2");
        var layout = Jpeg2000FixtureTests.Rgb8;
        var dest = new byte[layout.DecodedFrameLength];
        var longBox = (byte[])jp2.Clone();
        BinaryPrimitives.WriteUInt32BigEndian(longBox.AsSpan(12), 0x7FFFFFF0); // 'ftyp' box claims 2 GB
        Assert.Contains("JP2 box", Assert.Throws<PixelDataException>(() => Jpeg2000Codec.Jpeg2000.Decode(longBox, dest, layout)).Message);
        for (int n = 12; n < jp2.Length - 2; n += 7)
            Assert.ThrowsAny<PixelDataException>(() => Jpeg2000Codec.Jpeg2000.Decode(jp2.AsSpan(0, n), dest, layout));
    }

    [Fact]
    public void Every_header_truncation_fails_cleanly()
    {
        var layout = Jpeg2000FixtureTests.Mono16;
        var dest = new byte[layout.DecodedFrameLength];
        for (int n = 0; n < Lossless.Length - 2; n++)
            Assert.ThrowsAny<PixelDataException>(() => Jpeg2000Codec.Jpeg2000.Decode(Lossless.AsSpan(0, n), dest, layout));
    }

    [SkippableFact]
    public void Damaged_tile_data_decodes_or_fails_cleanly_in_OpenJPEG()
    {
        OpenJpegRequirement.Ensure();
        var layout = Jpeg2000FixtureTests.Mono16;
        var dest = new byte[layout.DecodedFrameLength];
        int sot = Lossless.AsSpan().IndexOf([(byte)0xFF, (byte)0x90]);
        var random = new Random(99);
        int failures = 0;
        for (int trial = 0; trial < 300; trial++)
        {
            var damaged = (byte[])Lossless.Clone();
            // Header stays valid; damage goes to tile-part headers and packet data, i.e. into OpenJPEG itself.
            for (int i = 0, n = 1 + random.Next(6); i < n; i++)
                damaged[sot + random.Next(damaged.Length - sot - 2)] = (byte)random.Next(256);
            try { Jpeg2000Codec.Jpeg2000.Decode(damaged, dest, layout); }
            catch (PixelDataException) { failures++; }
        }
        Assert.True(failures > 0);
    }

    [Fact]
    public void Missing_library_raises_CodecUnavailableException_naming_the_package()
    {
        var layout = Jpeg2000FixtureTests.Mono16;
        var e = Assert.Throws<CodecUnavailableException>(() =>
            Jpeg2000Decoder.Decode(Lossless, new byte[layout.DecodedFrameLength], layout, false, library: null, unavailableReason: null));
        Assert.Contains("libopenjp2-7", e.Message);
        Assert.IsAssignableFrom<PixelDataException>(e);
    }
}
