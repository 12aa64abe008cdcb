using PixelGen.Dicom;
using PixelGen.Layout;
using PixelGen.Pixels;

namespace PixelGen.Tests.Pixels;

public class NativeDecoderSyntheticTests
{
    // Sizes with odd pixel counts exercise the scalar tails; 37 columns × 9 rows is past every vector width.
    private const int Rows = 9, Columns = 37;

    public static TheoryData<int, bool, int, int, int, int, bool, string> IntegerLayouts()
    {
        var data = new TheoryData<int, bool, int, int, int, int, bool, string>();
        foreach (int ba in new[] { 8, 16, 32, 64 })
            foreach (bool signed in new[] { false, true })
                foreach (int bs in new[] { ba, ba - 1, ba / 2 + 1, 1 })
                    foreach (int hb in new[] { bs - 1, ba - 1 }.Distinct())
                        foreach (var (samples, planar) in new[] { (1, 0), (3, 0), (3, 1), (4, 1) })
                            foreach (var (bigEndian, vr) in new[] { (false, "OW"), (true, "OW"), (true, "OB") })
                                data.Add(ba, signed, bs, hb, samples, planar, bigEndian, vr);
        return data;
    }

    [Theory]
    [MemberData(nameof(IntegerLayouts))]
    public void Integer_layouts_match_the_scalar_reference(int ba, bool signed, int bs, int hb, int samples, int planar, bool bigEndian, string vr)
    {
        var layout = new FrameLayout
        {
            Rows = Rows, Columns = Columns, BitsAllocated = ba, BitsStored = bs, HighBit = hb, IsSigned = signed,
            SamplesPerPixel = samples, PlanarConfiguration = planar, PhotometricInterpretation = samples == 1 ? "MONOCHROME2" : "RGB",
            IsBigEndian = bigEndian, PixelDataVR = DicomVRInfo.FromCode(vr),
        };
        CheckAgainstReference(layout, seed: ba * 1000 + bs * 10 + samples);
    }

    [Theory]
    [InlineData(false, "OF")]
    [InlineData(true, "OF")]
    public void Float_pixel_data(bool bigEndian, string vr)
        => CheckAgainstReference(new FrameLayout
        {
            Rows = Rows, Columns = Columns, BitsAllocated = 32, BitsStored = 32, HighBit = 31, Kind = PixelDataKind.Float,
            IsBigEndian = bigEndian, PixelDataVR = DicomVRInfo.FromCode(vr),
        }, 7);

    [Theory]
    [InlineData(false, "OD")]
    [InlineData(true, "OD")]
    public void Double_float_pixel_data(bool bigEndian, string vr)
        => CheckAgainstReference(new FrameLayout
        {
            Rows = Rows, Columns = Columns, BitsAllocated = 64, BitsStored = 64, HighBit = 63, Kind = PixelDataKind.Double,
            IsBigEndian = bigEndian, PixelDataVR = DicomVRInfo.FromCode(vr),
        }, 8);

    [Theory]
    [InlineData(8, false, "OB")]
    [InlineData(8, true, "OB")]
    [InlineData(8, true, "OW")]
    [InlineData(16, false, "OW")]
    [InlineData(16, true, "OW")]
    public void Ybr_full_422_is_upsampled_and_stays_ybr(int ba, bool bigEndian, string vr)
        => CheckAgainstReference(new FrameLayout
        {
            Rows = 5, Columns = 38, BitsAllocated = ba, BitsStored = ba, HighBit = ba - 1, SamplesPerPixel = 3,
            PhotometricInterpretation = "YBR_FULL_422", IsBigEndian = bigEndian, PixelDataVR = DicomVRInfo.FromCode(vr),
        }, 9);

    [Theory]
    [InlineData(1, 1)]
    [InlineData(3, 5)]
    [InlineData(9, 37)]
    [InlineData(64, 64)]
    public void One_bit_data_unpacks_lsb_first(int rows, int columns)
        => CheckAgainstReference(new FrameLayout { Rows = rows, Columns = columns, BitsAllocated = 1, BitsStored = 1, HighBit = 0, PixelDataVR = DicomVR.OB }, 10);

    [Fact]
    public void Odd_length_8bit_ow_big_endian_takes_the_last_value_from_the_pad_position()
    {
        var layout = new FrameLayout { Rows = 1, Columns = 3, BitsAllocated = 8, BitsStored = 8, HighBit = 7, IsBigEndian = true, PixelDataVR = DicomVR.OW };
        Assert.Equal(4, PixelDecoder.RequiredSourceLength(layout));
        var output = new byte[3];
        PixelDecoder.Decode(new byte[] { 2, 1, 0, 3 }, output, layout);
        Assert.Equal(new byte[] { 1, 2, 3 }, output);
    }

    [Fact]
    public void Signed_12_bit_values_are_sign_extended_and_high_garbage_dropped()
    {
        var layout = new FrameLayout { Rows = 1, Columns = 4, BitsAllocated = 16, BitsStored = 12, HighBit = 11, IsSigned = true };
        // 0x0800 = -2048 stored as plain 12-bit two's complement; 0xF800 = the same, already extended; 0xA7FF = garbage + 2047.
        ReadOnlySpan<byte> raw = [0x00, 0x08, 0x00, 0xF8, 0xFF, 0xA7, 0xFF, 0x0F];
        var output = new short[4];
        PixelDecoder.Decode(raw, output.AsSpan(), layout);
        Assert.Equal(new short[] { -2048, -2048, 2047, -1 }, output);
    }

    [Fact]
    public void Unsigned_values_are_shifted_down_from_high_bit()
    {
        // Bits Stored 12, High Bit 15: the value sits in the top 12 bits.
        var layout = new FrameLayout { Rows = 1, Columns = 2, BitsAllocated = 16, BitsStored = 12, HighBit = 15 };
        var output = new ushort[2];
        PixelDecoder.Decode(new byte[] { 0x0F, 0xAB, 0x30, 0x00 }, output.AsSpan(), layout);
        Assert.Equal(new ushort[] { 0xAB0, 0x003 }, output);
    }

    [Fact]
    public void Short_source_raises_pixel_data_exception_with_offset()
    {
        var layout = new FrameLayout { Rows = 4, Columns = 4, BitsAllocated = 16, BitsStored = 16, HighBit = 15 };
        var ex = Assert.Throws<PixelDataException>(() => PixelDecoder.Decode(new byte[31], new byte[32], layout));
        Assert.Equal(31, ex.Offset);
        Assert.Contains("32", ex.Message);
    }

    [Fact]
    public void Small_destination_is_an_argument_error()
    {
        var layout = new FrameLayout { Rows = 4, Columns = 4, BitsAllocated = 16, BitsStored = 16, HighBit = 15 };
        Assert.Throws<ArgumentException>(() => PixelDecoder.Decode(new byte[32], new byte[31], layout));
    }

    [Fact]
    public void Typed_destination_must_match_the_element_type()
    {
        var layout = new FrameLayout { Rows = 2, Columns = 2, BitsAllocated = 16, BitsStored = 16, HighBit = 15, IsSigned = true };
        Assert.Throws<ArgumentException>(() => PixelDecoder.Decode(new byte[8], new ushort[4].AsSpan(), layout));
        PixelDecoder.Decode(new byte[8], new short[4].AsSpan(), layout);
    }

    [Fact]
    public void Invalid_layout_raises_pixel_data_exception()
    {
        var layout = new FrameLayout { Rows = 2, Columns = 2, BitsAllocated = 12, BitsStored = 12, HighBit = 11 };
        Assert.Throws<PixelDataException>(() => PixelDecoder.Decode(new byte[8], new byte[8], layout));
        Assert.False(NativeFrameDecoder.Instance.CanDecode(layout));
    }

    [Fact]
    public void Native_decoder_identity()
    {
        Assert.Equal("native (runtime)", NativeFrameDecoder.Instance.Name);
        Assert.False(NativeFrameDecoder.Instance.IsGenerated);
    }

    /// <summary>Random bytes (so every unused high bit holds garbage), decoded into a larger buffer whose tail must stay untouched.</summary>
    internal static void CheckAgainstReference(FrameLayout layout, int seed)
    {
        var random = new Random(seed);
        var raw = new byte[PixelDecoder.RequiredSourceLength(layout) + 3];
        random.NextBytes(raw);
        var expected = ReferenceDecoder.Decode(raw, layout);
        Assert.Equal(layout.DecodedFrameLength, expected.Length);

        var output = new byte[expected.Length + 16];
        output.AsSpan().Fill(0xCD);
        NativeFrameDecoder.Instance.Decode(raw, output, layout);
        Assert.Equal(expected, output[..expected.Length]);
        Assert.All(output[expected.Length..], b => Assert.Equal(0xCD, b));

        // The exact required length works too (no reliance on bytes past the frame).
        var exact = raw[..PixelDecoder.RequiredSourceLength(layout)];
        var output2 = new byte[expected.Length];
        PixelDecoder.Decode(exact, output2, layout);
        Assert.Equal(expected, output2);
    }
}
