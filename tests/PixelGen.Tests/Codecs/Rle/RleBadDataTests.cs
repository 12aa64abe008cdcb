using System.Buffers.Binary;
using PixelGen.Codecs.Rle;
using PixelGen.Pixels;

namespace PixelGen.Tests.Codecs.Rle;

public class RleBadDataTests
{
    private static readonly FrameLayout Mono16 = new() { Rows = 4, Columns = 8, BitsAllocated = 16, BitsStored = 16, HighBit = 15 };

    private static byte[] Valid()
    {
        var native = new byte[Mono16.NativeFrameLength];
        new Random(3).NextBytes(native);
        return RleEncoder.EncodeFrame(native, Mono16);
    }

    private static PixelDataException Fails(byte[] frame, FrameLayout? layout = null)
    {
        layout ??= Mono16;
        var output = new byte[layout.DecodedFrameLength + 4];
        var ex = Assert.Throws<PixelDataException>(() => RleDecoder.Instance.Decode(frame, output.AsSpan(0, (int)layout.DecodedFrameLength), layout));
        Assert.NotNull(ex.Offset);
        return ex;
    }

    [Fact]
    public void Shorter_than_the_header() => Assert.Equal(10, Fails(new byte[10]).Offset);

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(3)]
    [InlineData(16)]
    [InlineData(-1)]
    public void Segment_count_that_does_not_match_the_layout(int count)
    {
        var frame = Valid();
        BinaryPrimitives.WriteInt32LittleEndian(frame, count);
        Assert.Contains("segments", Fails(frame).Message);
    }

    [Fact]
    public void Offset_beyond_the_frame()
    {
        var frame = Valid();
        BinaryPrimitives.WriteInt32LittleEndian(frame.AsSpan(8), frame.Length + 100);
        Assert.Equal(8, Fails(frame).Offset);
    }

    [Fact]
    public void Offset_inside_the_header()
    {
        var frame = Valid();
        BinaryPrimitives.WriteInt32LittleEndian(frame.AsSpan(4), 10);
        Assert.Equal(4, Fails(frame).Offset);
    }

    [Fact]
    public void Offsets_that_go_backwards()
    {
        var frame = Valid();
        BinaryPrimitives.WriteInt32LittleEndian(frame.AsSpan(8), 64);
        Assert.Equal(8, Fails(frame).Offset);
    }

    [Fact]
    public void Truncated_segment()
    {
        var frame = Valid();
        Fails(frame[..(frame.Length - 6)]);
    }

    [Fact]
    public void Segment_that_decodes_to_more_than_the_frame_holds()
    {
        // One 8-bit segment: a replicate run of 100 bytes into a 4x8 frame.
        var layout = new FrameLayout { Rows = 4, Columns = 8, BitsAllocated = 8, BitsStored = 8, HighBit = 7 };
        var frame = new byte[66];
        frame[0] = 1;
        frame[4] = 64;
        frame[64] = unchecked((byte)(sbyte)-99);
        frame[65] = 5;
        Assert.Contains("more than", Fails(frame, layout).Message);
    }

    [Fact]
    public void Extra_data_after_a_full_segment()
    {
        var layout = new FrameLayout { Rows = 1, Columns = 2, BitsAllocated = 8, BitsStored = 8, HighBit = 7 };
        var frame = new byte[70];
        frame[0] = 1;
        frame[4] = 64;
        frame[64] = 0xFF; frame[65] = 9;          // run of 2 fills the frame
        frame[66] = 0xFF; frame[67] = 9;          // and then more
        Assert.Contains("more data", Fails(frame, layout).Message);
    }

    [Fact]
    public void Literal_that_runs_past_the_segment()
    {
        var layout = new FrameLayout { Rows = 1, Columns = 8, BitsAllocated = 8, BitsStored = 8, HighBit = 7 };
        var frame = new byte[68];
        frame[0] = 1;
        frame[4] = 64;
        frame[64] = 7;                            // literal of 8 bytes, only 3 follow
        Fails(frame, layout);
    }

    [Fact]
    public void Pad_byte_and_no_op_headers_are_accepted()
    {
        var layout = new FrameLayout { Rows = 1, Columns = 3, BitsAllocated = 8, BitsStored = 8, HighBit = 7 };
        var frame = new byte[70];
        frame[0] = 1;
        frame[4] = 64;
        frame[64] = 0x80;                         // no-op
        frame[65] = 2; frame[66] = 1; frame[67] = 2; frame[68] = 3;
        frame[69] = 0;                            // pad to even length
        var output = new byte[3];
        RleDecoder.Instance.Decode(frame, output, layout);
        Assert.Equal(new byte[] { 1, 2, 3 }, output);
    }

    [Fact]
    public void Random_garbage_never_escapes_as_anything_but_pixel_data_exception()
    {
        var random = new Random(11);
        var output = new byte[Mono16.DecodedFrameLength];
        for (int i = 0; i < 2000; i++)
        {
            var frame = Valid();
            int flips = random.Next(1, 6);
            for (int f = 0; f < flips; f++) frame[random.Next(frame.Length)] = (byte)random.Next(256);
            try { RleDecoder.Instance.Decode(frame, output, Mono16); }
            catch (PixelDataException) { }
        }
    }

    [Fact]
    public void Registered_for_the_rle_transfer_syntax()
    {
        PixelGen.Codecs.BuiltInCodecs.EnsureRegistered();
        PixelGen.Codecs.BuiltInCodecs.EnsureRegistered();
        Assert.Same(RleDecoder.Instance, FrameDecoders.Find(PixelGen.Dicom.TransferSyntax.RleLossless, Mono16));
        Assert.Single(FrameDecoders.CodecsFor(PixelGen.Dicom.TransferSyntax.RleLossless.Uid), d => d == RleDecoder.Instance);
    }
}
