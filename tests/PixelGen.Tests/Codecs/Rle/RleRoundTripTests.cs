using PixelGen.Codecs.Rle;
using PixelGen.Pixels;

namespace PixelGen.Tests.Codecs.Rle;

public class RleRoundTripTests
{
    public static TheoryData<int, bool, int, int, int> Layouts()
    {
        var data = new TheoryData<int, bool, int, int, int>();
        foreach (int ba in new[] { 8, 16, 32, 64 })
            foreach (bool signed in new[] { false, true })
                foreach (int bs in new[] { ba, ba - 3 })
                    foreach (var (samples, planar) in new[] { (1, 0), (3, 0), (3, 1), (4, 0) })
                        if (ba / 8 * samples <= 15)
                            data.Add(ba, signed, bs, samples, planar);
        return data;
    }

    private static FrameLayout Make(int rows, int columns, int ba, bool signed, int bs, int samples, int planar) => new()
    {
        Rows = rows, Columns = columns, BitsAllocated = ba, BitsStored = bs, HighBit = bs - 1, IsSigned = signed,
        SamplesPerPixel = samples, PlanarConfiguration = planar, PhotometricInterpretation = samples == 1 ? "MONOCHROME2" : "RGB",
    };

    [Theory]
    [MemberData(nameof(Layouts))]
    public void Encode_then_decode_equals_the_native_decode(int ba, bool signed, int bs, int samples, int planar)
    {
        foreach (var (rows, columns) in new[] { (1, 1), (7, 13), (5, 300) })
        {
            var layout = Make(rows, columns, ba, signed, bs, samples, planar);
            foreach (var native in Inputs(layout))
                RoundTrip(native, layout);
        }
    }

    [Theory]
    [InlineData(127)]
    [InlineData(128)]
    [InlineData(129)]
    [InlineData(130)]
    [InlineData(257)]
    public void Runs_and_literals_at_the_128_byte_limits(int columns)
    {
        var layout = Make(3, columns, 8, false, 8, 1, 0);
        var native = new byte[3 * columns];
        for (int i = 0; i < columns; i++) native[i] = 7;                       // one long run
        for (int i = 0; i < columns; i++) native[columns + i] = (byte)i;       // one long literal
        for (int i = 0; i < columns; i++) native[2 * columns + i] = (byte)(i / 3 % 2 == 0 ? 1 : i); // mixed
        RoundTrip(native, layout);
    }

    [Fact]
    public void Output_is_even_and_segments_follow_the_standard_order()
    {
        var layout = Make(1, 3, 16, false, 16, 1, 0);
        byte[] encoded = RleEncoder.EncodeFrame(new byte[] { 0x34, 0x12, 0x34, 0x12, 0x34, 0x12 }, layout);
        Assert.Equal(0, encoded.Length % 2);
        Assert.Equal(2, BitConverter.ToInt32(encoded, 0));
        Assert.Equal(64, BitConverter.ToInt32(encoded, 4));
        // First segment: the most significant bytes (0x12 ×3) as a replicate run.
        Assert.Equal(new byte[] { 0xFE, 0x12 }, encoded[64..66]);
        int second = BitConverter.ToInt32(encoded, 8);
        Assert.Equal(0, second % 2);
        Assert.Equal(new byte[] { 0xFE, 0x34 }, encoded[second..(second + 2)]);
    }

    [Fact]
    public void Encoder_rejects_layouts_rle_cannot_hold()
    {
        Assert.Throws<PixelDataException>(() => RleEncoder.GetMaxEncodedLength(Make(2, 2, 64, false, 64, 3, 0)));
        Assert.Throws<PixelDataException>(() => RleEncoder.GetMaxEncodedLength(new FrameLayout { Rows = 2, Columns = 2, BitsAllocated = 1, BitsStored = 1, HighBit = 0 }));
        var layout = Make(2, 2, 8, false, 8, 1, 0);
        Assert.Throws<PixelDataException>(() => RleEncoder.EncodeFrame(new byte[3], layout, new byte[RleEncoder.GetMaxEncodedLength(layout)]));
        Assert.Throws<ArgumentException>(() => RleEncoder.EncodeFrame(new byte[4], layout, new byte[10]));
    }

    private static IEnumerable<byte[]> Inputs(FrameLayout layout)
    {
        int length = (int)layout.NativeFrameLength;
        var random = new Random(length);
        var noise = new byte[length];
        random.NextBytes(noise);
        yield return noise;
        yield return new byte[length];
        var smooth = new byte[length];                       // CT-like: slowly varying values, many short runs
        for (int i = 0; i < length; i++) smooth[i] = (byte)(i / 5 % 7 == 0 ? random.Next(256) : i / 40);
        yield return smooth;
    }

    internal static void RoundTrip(byte[] native, FrameLayout layout)
    {
        var encoded = new byte[RleEncoder.GetMaxEncodedLength(layout)];
        int n = RleEncoder.EncodeFrame(native, layout, encoded);
        Assert.Equal(0, n % 2);
        Assert.True(n <= encoded.Length);

        var expected = new byte[layout.DecodedFrameLength];
        PixelDecoder.Decode(native, expected, layout);
        var actual = new byte[layout.DecodedFrameLength + 8];
        actual.AsSpan().Fill(0xEE);
        RleDecoder.Instance.Decode(encoded.AsSpan(0, n), actual, layout);
        Assert.Equal(expected, actual[..expected.Length]);
        Assert.All(actual[expected.Length..], b => Assert.Equal(0xEE, b));
    }
}
