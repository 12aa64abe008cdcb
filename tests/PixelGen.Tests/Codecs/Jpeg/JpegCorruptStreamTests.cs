using System.Buffers.Binary;
using PixelGen.Codecs.Jpeg;
using PixelGen.Pixels;

namespace PixelGen.Tests.Codecs.Jpeg;

/// <summary>Bad streams and layouts raise <see cref="PixelDataException"/>, never another exception type.</summary>
public sealed class JpegCorruptStreamTests
{
    private static readonly JpegFixtures.Entry Gray16 = JpegFixtures.Get("gray16_sv4");
    private static readonly JpegFixtures.Entry Rgb8 = JpegFixtures.Get("rgb8_sv2_rst3rows");

    private static void Lossless(byte[] stream, FrameLayout layout)
        => JpegLosslessDecoder.Instance.Decode(stream, new byte[layout.DecodedFrameLength], layout);

    private static PixelDataException Fails(byte[] stream, FrameLayout layout)
        => Assert.Throws<PixelDataException>(() => Lossless(stream, layout));

    [Fact]
    public void A_lossless_stream_relabelled_progressive_fails_on_its_missing_quantisation_table()
    {
        // SOF3 -> SOF2: a DCT frame with no DQT. JpegLibrary would fail with a NullReferenceException.
        var stream = JpegFixtures.Read(Rgb8.Name + ".jpg");
        int sof = stream.AsSpan().IndexOf([(byte)0xFF, (byte)0xC3]);
        stream[sof + 1] = 0xC2;
        var e = Fails(stream, Rgb8.Layout());
        Assert.Contains("quantisation table", e.Message);
        Assert.IsNotType<NullReferenceException>(e.InnerException);
    }

    [Fact]
    public void Every_truncation_fails_cleanly_or_decodes_exactly()
    {
        foreach (var e in new[] { Gray16, Rgb8 })
        {
            var full = JpegFixtures.Read(e.Name + ".jpg");
            var expected = JpegFixtures.Read(e.Name + ".raw");
            var layout = e.Layout();
            for (int len = 0; len < full.Length; len++)
            {
                var dest = new byte[layout.DecodedFrameLength];
                try
                {
                    JpegLosslessDecoder.Instance.Decode(full.AsSpan(0, len), dest, layout);
                    // Only the tail may be missing for a decode to succeed: EOI, fill bytes and IJG's final padding
                    // byte (dcmcjpeg ends with "FF00 FF FFD9" where the stuffed FF is all padding); it must then be exact.
                    Assert.True(len >= full.Length - 5, $"{e.Name}: {len} of {full.Length} bytes decoded without an error");
                    Assert.Equal(expected, dest);
                }
                catch (PixelDataException) { }
            }
        }
    }

    [Fact]
    public void Truncated_entropy_data_names_truncation()
    {
        var s = JpegFixtures.Read(Gray16.Name + ".jpg");
        var ex = Fails(s[..(s.Length * 2 / 3)], Gray16.Layout());
        Assert.Contains("truncated", ex.Message);
        Assert.NotNull(ex.Offset);
    }

    [Fact]
    public void Bad_huffman_tables_are_rejected()
    {
        var s = JpegFixtures.Read(Gray16.Name + ".jpg");
        int dht = JpegLosslessFixtureTests.IndexOfMarker(s, 0xC4);
        // Too many codes of length 1 (3 > 2^1): not a prefix code.
        var overfull = (byte[])s.Clone();
        overfull[dht + 5] = 3;
        Assert.Contains("DHT", Fails(overfull, Gray16.Layout()).Message);
        // Counts declaring more symbols than the segment holds.
        var toolong = (byte[])s.Clone();
        toolong[dht + 5 + 15] = 200;
        Assert.Contains("DHT", Fails(toolong, Gray16.Layout()).Message);
        // Table class/destination out of range.
        var badId = (byte[])s.Clone();
        badId[dht + 4] = 0x07;
        Assert.Contains("DHT", Fails(badId, Gray16.Layout()).Message);
    }

    [Fact]
    public void Undefined_huffman_table_is_rejected()
    {
        var s = JpegFixtures.Read(Gray16.Name + ".jpg");
        int sos = JpegLosslessFixtureTests.IndexOfMarker(s, 0xDA);
        s[sos + 6] = 0x20; // Td = 2, never defined
        Assert.Contains("not defined", Fails(s, Gray16.Layout()).Message);
    }

    [Fact]
    public void Wrong_markers_are_rejected()
    {
        var s = JpegFixtures.Read(Gray16.Name + ".jpg");
        var noSoi = (byte[])s.Clone();
        noSoi[1] = 0xD9;
        Assert.Contains("SOI", Fails(noSoi, Gray16.Layout()).Message);

        var hierarchical = (byte[])s.Clone();
        hierarchical[JpegLosslessFixtureTests.IndexOfMarker(s, 0xC3) + 1] = 0xC7; // SOF7: differential lossless
        Assert.Contains("not supported", Fails(hierarchical, Gray16.Layout()).Message);

        var notMarker = (byte[])s.Clone();
        notMarker[2] = 0x12;
        Fails(notMarker, Gray16.Layout());

        // RST markers out of sequence.
        var r = JpegFixtures.Read(Rgb8.Name + ".jpg");
        int rst = Array.FindIndex(r, i => false);
        for (int i = JpegLosslessFixtureTests.IndexOfMarker(r, 0xDA); i + 1 < r.Length; i++)
            if (r[i] == 0xFF && r[i + 1] == 0xD0) { rst = i; break; }
        Assert.True(rst > 0);
        r[rst + 1] = 0xD3;
        Assert.Contains("RST0", Fails(r, Rgb8.Layout()).Message);
    }

    [Fact]
    public void Invalid_scan_parameters_are_rejected()
    {
        var s = JpegFixtures.Read(Gray16.Name + ".jpg");
        int sos = JpegLosslessFixtureTests.IndexOfMarker(s, 0xDA);
        var pred = (byte[])s.Clone();
        pred[sos + 7] = 0; // selection value 0 is for hierarchical differential frames only
        Assert.Contains("predictor", Fails(pred, Gray16.Layout()).Message);
        var comp = (byte[])s.Clone();
        comp[sos + 5] = 9; // component 9 is not in the frame
        Assert.Contains("component", Fails(comp, Gray16.Layout()).Message);
        var pt = (byte[])s.Clone();
        pt[sos + 9] = 0x0F; // Pt 15 is fine for 16-bit; 8-bit fixture below
        var g8 = JpegFixtures.Read("gray8_sv7.jpg");
        int sos8 = JpegLosslessFixtureTests.IndexOfMarker(g8, 0xDA);
        g8[sos8 + 9] = 0x09;
        Assert.Contains("point transform", Fails(g8, JpegFixtures.Get("gray8_sv7").Layout()).Message);
    }

    [Fact]
    public void Dimensions_that_disagree_with_the_layout_are_rejected()
    {
        var s = JpegFixtures.Read(Gray16.Name + ".jpg");
        var baseLayout = Gray16.Layout();
        Assert.Contains("data set says", Fails(s, baseLayout with { Rows = Gray16.Rows + 1 }).Message);
        Assert.Contains("data set says", Fails(s, baseLayout with { Columns = Gray16.Columns - 1 }).Message);
        Assert.Contains("Samples per Pixel", Fails(s, baseLayout with { SamplesPerPixel = 3 }).Message);
        Assert.Contains("precision", Fails(s, baseLayout with { BitsAllocated = 8, BitsStored = 8, HighBit = 7 }).Message);

        var dct = JpegFixtures.Read("dct_rgb_420.jpg");
        var dctLayout = new FrameLayout
        {
            Rows = 37, Columns = 45, SamplesPerPixel = 3, BitsAllocated = 8, BitsStored = 8, HighBit = 7,
            PhotometricInterpretation = "YBR_FULL_422",
        };
        JpegBaselineDecoder.Instance.Decode(dct, new byte[dctLayout.DecodedFrameLength], dctLayout);
        Assert.Throws<PixelDataException>(() => JpegBaselineDecoder.Instance.Decode(dct, new byte[45 * 38 * 3], dctLayout with { Rows = 38 }));
        Assert.Throws<PixelDataException>(() => JpegBaselineDecoder.Instance.Decode(dct, new byte[45 * 37], dctLayout with { SamplesPerPixel = 1, PhotometricInterpretation = "MONOCHROME2" }));
    }

    [Fact]
    public void Huge_declared_dimensions_fail_before_any_large_allocation()
    {
        var s = JpegFixtures.Read(Gray16.Name + ".jpg");
        int sof = JpegLosslessFixtureTests.IndexOfMarker(s, 0xC3);
        BinaryPrimitives.WriteUInt16BigEndian(s.AsSpan(sof + 5), 65535);
        BinaryPrimitives.WriteUInt16BigEndian(s.AsSpan(sof + 7), 65535);
        Fails(s, Gray16.Layout());
    }

    public static TheoryData<string> FuzzTargets() => new("gray16_sv4", "rgb8_sv2_rst3rows", "rgb8_sv4_separate_scans", "gray16_ssss16", "dct_rgb_420", "dct_rgb_420_progressive", "dct_rgb_422_restart");

    /// <summary>Random byte damage: every outcome is a decode or a <see cref="PixelDataException"/>.</summary>
    [Theory]
    [MemberData(nameof(FuzzTargets))]
    public void Random_damage_never_escapes_as_another_exception(string name)
    {
        var original = JpegFixtures.Read(name + ".jpg");
        FrameLayout layout;
        IFrameDecoder decoder;
        if (name.StartsWith("dct", StringComparison.Ordinal))
        {
            layout = new FrameLayout { Rows = 37, Columns = 45, SamplesPerPixel = 3, BitsAllocated = 8, BitsStored = 8, HighBit = 7, PhotometricInterpretation = "YBR_FULL_422" };
            decoder = JpegBaselineDecoder.Instance;
        }
        else
        {
            layout = JpegFixtures.Get(name).Layout();
            decoder = JpegLosslessDecoder.Instance;
        }
        var rng = new Random(1234);
        var dest = new byte[layout.DecodedFrameLength];
        for (int iter = 0; iter < 400; iter++)
        {
            var s = (byte[])original.Clone();
            int edits = 1 + rng.Next(4);
            for (int k = 0; k < edits; k++)
            {
                // Bias towards the headers, where damage changes structure rather than pixel values.
                int pos = rng.Next(2) == 0 ? rng.Next(Math.Min(s.Length, 200)) : rng.Next(s.Length);
                s[pos] = (byte)rng.Next(256);
            }
            int len = rng.Next(4) == 0 ? rng.Next(s.Length) : s.Length;
            try { decoder.Decode(s.AsSpan(0, len), dest, layout); }
            catch (PixelDataException) { }
        }
    }
}
