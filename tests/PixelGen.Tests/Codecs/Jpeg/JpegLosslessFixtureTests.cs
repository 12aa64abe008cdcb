using System.Buffers.Binary;
using PixelGen.Codecs.Jpeg;
using PixelGen.Pixels;

namespace PixelGen.Tests.Codecs.Jpeg;

/// <summary>
/// Process 14 against streams made by dcmcjpeg or by the fixture script's encoder (each verified by dcmdjpeg), compared
/// with the known source pixels: all seven predictors, point transform, restart intervals, separate component
/// scans, precision 2 to 16, SSSS = 16.
/// </summary>
public sealed class JpegLosslessFixtureTests
{
    public static TheoryData<string> Names()
    {
        var d = new TheoryData<string>();
        foreach (var e in JpegFixtures.Manifest()) d.Add(e.Name);
        return d;
    }

    [Theory]
    [MemberData(nameof(Names))]
    public void Decodes_to_the_source_pixels(string name)
    {
        var e = JpegFixtures.Get(name);
        var stream = JpegFixtures.Read(name + ".jpg");
        var layout = e.Layout();
        var dest = new byte[layout.DecodedFrameLength];
        JpegLosslessDecoder.Instance.Decode(stream, dest, layout);
        Assert.Equal(JpegFixtures.Read(name + ".raw"), dest);
    }

    [Theory]
    [MemberData(nameof(Names))]
    public void Stream_has_the_properties_the_manifest_claims(string name)
    {
        // Guards the fixtures themselves: the predictor, point transform and restart interval really are in the stream.
        var e = JpegFixtures.Get(name);
        var s = JpegFixtures.Read(name + ".jpg");
        int sos = IndexOfMarker(s, 0xDA);
        int ns = s[sos + 4];
        Assert.Equal(e.Predictor, s[sos + 5 + 2 * ns]);
        Assert.Equal(e.PointTransform, s[sos + 7 + 2 * ns] & 15);
        int dri = IndexOfMarker(s, 0xDD);
        Assert.Equal(e.RestartInterval, dri < 0 ? 0 : BinaryPrimitives.ReadUInt16BigEndian(s.AsSpan(dri + 4)));
        int sof = IndexOfMarker(s, 0xC3);
        // dcmcjpeg's true-lossless codec writes precision 16 for 12-bit data; ours writes Bits Stored.
        Assert.InRange(s[sof + 4], e.BitsStored, e.BitsAllocated);
    }

    [Fact]
    public void All_seven_predictors_are_covered()
    {
        var predictors = JpegFixtures.Manifest().Select(e => e.Predictor).Distinct().Order().ToArray();
        Assert.Equal([1, 2, 3, 4, 5, 6, 7], predictors);
    }

    [Fact]
    public void Ssss16_fixture_uses_the_32768_difference()
    {
        // 0 / 32768 alternating columns: predictor-1 differences of exactly 32768 (SSSS 16, no extra bits).
        var raw = JpegFixtures.Read("gray16_ssss16.raw");
        Assert.Equal(32768, BinaryPrimitives.ReadUInt16LittleEndian(raw.AsSpan(2)) - BinaryPrimitives.ReadUInt16LittleEndian(raw.AsSpan(0)));
        var s = JpegFixtures.Read("gray16_ssss16.jpg");
        int dht = IndexOfMarker(s, 0xC4);
        int count = 0;
        for (int i = 0; i < 16; i++) count += s[dht + 5 + i];
        Assert.Contains((byte)16, s.AsSpan(dht + 21, count).ToArray());
    }

    [Fact]
    public void Signed_output_is_masked_and_sign_extended_from_bits_stored()
    {
        // The same stream read as signed 12-bit in 16: the contract keeps the low 12 bits and sign-extends them.
        var e = JpegFixtures.Get("gray16_sv1");
        var layout = e.Layout(signed: true, bitsStored: 12);
        var dest = new byte[layout.DecodedFrameLength];
        JpegLosslessDecoder.Instance.Decode(JpegFixtures.Read("gray16_sv1.jpg"), dest, layout);
        var raw = JpegFixtures.Read("gray16_sv1.raw");
        bool sawNegative = false;
        for (int i = 0; i < raw.Length; i += 2)
        {
            int v = BinaryPrimitives.ReadUInt16LittleEndian(raw.AsSpan(i)) & 0xFFF;
            short expected = (short)((v << 20) >> 20);
            sawNegative |= expected < 0;
            Assert.Equal(expected, BinaryPrimitives.ReadInt16LittleEndian(dest.AsSpan(i)));
        }
        Assert.True(sawNegative);
    }

    [Fact]
    public void Registered_for_both_lossless_transfer_syntaxes()
    {
        JpegCodecs.Register();
        var layout = JpegFixtures.Get("gray16_sv1").Layout();
        foreach (var uid in new[] { JpegCodecs.Lossless, JpegCodecs.LosslessSv1 })
            Assert.Same(JpegLosslessDecoder.Instance, FrameDecoders.CodecsFor(uid).First(d => d.CanDecode(layout)));
        Assert.Same(JpegBaselineDecoder.Instance, FrameDecoders.CodecsFor(JpegCodecs.Baseline).First(d => d.CanDecode(layout)));
    }

    internal static int IndexOfMarker(byte[] s, byte marker)
    {
        // Walks segments from SOI so that entropy-coded bytes are never mistaken for markers.
        int p = 2;
        while (p + 3 < s.Length && s[p] == 0xFF)
        {
            if (s[p + 1] == marker) return p;
            if (s[p + 1] == 0xDA) return -1;
            p += 2 + BinaryPrimitives.ReadUInt16BigEndian(s.AsSpan(p + 2));
        }
        return -1;
    }
}
