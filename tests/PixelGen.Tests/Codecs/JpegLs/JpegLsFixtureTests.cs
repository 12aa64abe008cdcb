using System.Buffers.Binary;
using PixelGen.Codecs.JpegLs;
using PixelGen.Pixels;
using PixelGen.Tests.Support;

namespace PixelGen.Tests.Codecs.JpegLs;

/// <summary>
/// Synthetic JPEG-LS streams made by CharLS (see Fixtures/README.md): every one must decode to CharLS's own
/// result; lossless ones to the source pattern exactly, near-lossless ones to within NEAR of it.
/// </summary>
public class JpegLsFixtureTests
{
    public sealed record Case(string Name, int Width, int Height, int Components, int Bits, int Near, int Ilv, int MaxVal, string Sha256)
    {
        public override string ToString() => Name;
    }

    /// <summary>The fixtures' source image (same formula in make_fixtures.c and make_images.py).</summary>
    public static int Pattern(int x, int y, int c, int maxVal)
    {
        if (((x >> 3) + (y >> 2)) % 3 == 0) return (maxVal / 3 + c) % (maxVal + 1);
        uint h = unchecked((uint)x * 7919u + (uint)y * 104729u + (uint)c * 31337u);
        uint noise = unchecked(h * 2654435761u) >> 28;
        return (int)((((uint)x * 37u + (uint)y * 91u + (uint)c * 50u) * ((uint)maxVal / 255u + 1u) + noise) % ((uint)maxVal + 1u));
    }

    public static string FixturePath(string file) => Path.Combine(AppContext.BaseDirectory, "Codecs", "JpegLs", "Fixtures", file);

    public static IEnumerable<Case> Cases()
        => File.ReadAllLines(FixturePath("manifest.txt"))
            .Where(l => l.Length > 0 && l[0] != '#')
            .Select(l => l.Split(' '))
            .Select(p => new Case(p[0], int.Parse(p[1]), int.Parse(p[2]), int.Parse(p[3]), int.Parse(p[4]), int.Parse(p[5]), int.Parse(p[6]), int.Parse(p[7]), p[8]));

    public static TheoryData<string> Names()
    {
        var data = new TheoryData<string>();
        foreach (var c in Cases())
            if (c.Name != CharLsMaxValFixture) data.Add(c.Name);
        return data;
    }

    /// <summary>CharLS-made stream whose LSE says MAXVAL 4095 at precision 16 (see the test below).</summary>
    public const string CharLsMaxValFixture = "mono16_maxval4095";

    public static FrameLayout LayoutFor(Case c) => new()
    {
        Rows = c.Height,
        Columns = c.Width,
        SamplesPerPixel = c.Components,
        BitsAllocated = c.Bits <= 8 ? 8 : 16,
        BitsStored = c.Bits,
        HighBit = c.Bits - 1,
        PhotometricInterpretation = c.Components == 1 ? "MONOCHROME2" : "RGB",
    };

    [Fact]
    public void Manifest_covers_the_modes_the_decoder_implements()
    {
        var cases = Cases().ToList();
        Assert.Contains(cases, c => c.Near > 0 && c.Ilv == 0);
        Assert.Contains(cases, c => c.Near > 0 && c.Ilv == 1);
        Assert.Contains(cases, c => c.Near > 0 && c.Ilv == 2);
        Assert.Contains(cases, c => c.Components == 3 && c.Ilv == 0);
        foreach (int bits in new[] { 2, 8, 12, 16 }) Assert.Contains(cases, c => c.Bits == bits);
    }

    [Theory]
    [MemberData(nameof(Names))]
    public void Decodes_like_CharLS_and_the_source(string name)
    {
        var c = Cases().Single(k => k.Name == name);
        var layout = LayoutFor(c);
        var decoded = new byte[layout.DecodedFrameLength];
        JpegLsCodec.Instance.Decode(File.ReadAllBytes(FixturePath(name + ".jls")), decoded, layout);
        Assert.Equal(c.Sha256, Corpus.Sha256(decoded));

        bool flat = name.Contains("flat");
        int maxDiff = 0;
        for (int y = 0; y < c.Height; y++)
            for (int x = 0; x < c.Width; x++)
                for (int k = 0; k < c.Components; k++)
                {
                    int i = (y * c.Width + x) * c.Components + k;
                    int v = layout.BitsAllocated == 8 ? decoded[i] : BinaryPrimitives.ReadUInt16LittleEndian(decoded.AsSpan(2 * i));
                    int expected = flat ? c.MaxVal / 2 : Pattern(x, y, k, c.MaxVal);
                    maxDiff = Math.Max(maxDiff, Math.Abs(v - expected));
                }
        // Near-lossless guarantees |reconstructed - original| <= NEAR (T.87 A.4.4); lossless is exact.
        Assert.True(maxDiff <= c.Near, $"{name}: max |difference| {maxDiff} > NEAR {c.Near}");
    }

    [Fact]
    public void Signed_output_is_sign_extended_from_bits_stored()
    {
        var c = Cases().Single(k => k.Name == "mono12_lossless");
        var unsignedLayout = LayoutFor(c);
        var signedLayout = unsignedLayout with { IsSigned = true };
        var bytes = File.ReadAllBytes(FixturePath(c.Name + ".jls"));
        var u = new byte[unsignedLayout.DecodedFrameLength];
        var s = new byte[signedLayout.DecodedFrameLength];
        JpegLsCodec.Instance.Decode(bytes, u, unsignedLayout);
        JpegLsCodec.Instance.Decode(bytes, s, signedLayout);
        for (int i = 0; i < u.Length / 2; i++)
        {
            int raw = BinaryPrimitives.ReadUInt16LittleEndian(u.AsSpan(2 * i));
            int expected = raw >= 2048 ? raw - 4096 : raw;
            Assert.Equal(expected, BinaryPrimitives.ReadInt16LittleEndian(s.AsSpan(2 * i)));
        }
    }

    [Fact]
    public void CharLS_ignores_an_LSE_MAXVAL_below_2P_minus_1_and_we_follow_T87()
    {
        // CharLS 2.4.1 writes MAXVAL 4095 into the LSE segment but codes the scan as if MAXVAL were 65535 (its
        // optimised 16-bit lossless path takes RANGE and LIMIT from the precision). T.87 A.2.1 derives RANGE, bpp
        // and LIMIT from MAXVAL, and so does this decoder. Evidence: with the LSE MAXVAL rewritten to 65535 the
        // stream decodes exactly to CharLS's own output (and to the source pattern).
        var c = Cases().Single(k => k.Name == CharLsMaxValFixture);
        var layout = LayoutFor(c);
        var bytes = File.ReadAllBytes(FixturePath(c.Name + ".jls"));
        int lse = bytes.AsSpan().IndexOf([(byte)0xFF, (byte)0xF8]);
        Assert.Equal(0x0FFF, BinaryPrimitives.ReadUInt16BigEndian(bytes.AsSpan(lse + 5)));
        BinaryPrimitives.WriteUInt16BigEndian(bytes.AsSpan(lse + 5), 0xFFFF);
        var decoded = new byte[layout.DecodedFrameLength];
        JpegLsCodec.Instance.Decode(bytes, decoded, layout);
        Assert.Equal(c.Sha256, Corpus.Sha256(decoded));
    }
}
