using System.Runtime.InteropServices;
using PixelGen.Codecs.Rle;
using PixelGen.Frames;
using PixelGen.Layout;
using PixelGen.Pixels;
using PixelGen.Tests.Support;

namespace PixelGen.Tests.Pixels;

/// <summary>Decoded frames through the FrameReader, judged by the corpus (dtype, shape and every frame's hash).</summary>
public class FrameReaderDecodingTests
{
    [Theory]
    [MemberData(nameof(CorpusFrames.NativeAndRleFiles), MemberType = typeof(CorpusFrames))]
    public void Every_frame_decodes_to_the_reference(string name)
    {
        if (!Corpus.Available) return;
        var r = Corpus.Reference(name);
        using var reader = FrameReader.Open(Corpus.FilePath(name));
        bool rle = r.GetProperty("transfer_syntax").GetString() == PixelGen.Dicom.TransferSyntax.RleLossless.Uid;
        // Native frames go to a generated preset when one matches the layout (issue 4), else to the runtime decoder.
        if (rle) Assert.Same(RleDecoder.Instance, reader.Decoder);
        else Assert.True(reader.Decoder == NativeFrameDecoder.Instance || reader.Decoder is { IsGenerated: true }, $"{name}: {reader.Decoder?.Name}");
        Assert.Equal(r.GetProperty("decoded_dtype").GetString(), PixelLayoutRules.NumpyName(reader.ElementType));
        Assert.Equal(r.GetProperty("decoded_colour_space").GetString(), reader.DecodedPhotometricInterpretation);

        var volume = reader.ReadAllFrames();
        // numpy drops axes of length 1 for frames and samples: (rows, cols), (frames, rows, cols), (rows, cols, 3)...
        var shape = new List<int>();
        if (volume.Frames > 1) shape.Add(volume.Frames);
        shape.Add(volume.Rows);
        shape.Add(volume.Columns);
        if (volume.SamplesPerPixel > 1) shape.Add(volume.SamplesPerPixel);
        Assert.Equal(r.GetProperty("decoded_shape").EnumerateArray().Select(e => e.GetInt32()), shape);

        var frames = r.GetProperty("frames");
        Assert.Equal(frames.GetArrayLength(), reader.NumberOfFrames);
        var buffer = new byte[reader.DecodedFrameLength];
        for (int i = 0; i < reader.NumberOfFrames; i++)
        {
            var (hash, basis) = CorpusFrames.ExpectedHash(name, r, i);
            reader.DecodeFrame(i, buffer);
            Assert.True(hash == Corpus.Sha256(buffer), $"{name} frame {i}: expected {basis}");
            Assert.Equal(hash, Corpus.Sha256(volume.GetFrame(i).AsBytes()));
            Assert.Equal(hash, Corpus.Sha256(reader.ReadFrame(i).AsBytes()));
        }
        int k = 0;
        foreach (var frame in reader.EnumerateFrames())
            Assert.Equal(CorpusFrames.ExpectedHash(name, r, k++).Hash, Corpus.Sha256(frame.AsBytes()));
        Assert.Equal(reader.NumberOfFrames, k);
    }

    [Fact]
    public void Deflated_file_decodes_like_its_reference()
    {
        if (!Corpus.Available) return;
        using var reader = FrameReader.Open(Corpus.FilePath("image_dfl.dcm"));
        var volume = reader.ReadVolume<byte>();
        Assert.Equal(Corpus.Reference("image_dfl.dcm").GetProperty("decoded_sha256").GetString(), Corpus.Sha256(volume.Span));
    }

    [Fact]
    public void Typed_reads_into_a_caller_buffer_allocate_nothing()
    {
        if (!Corpus.Available) return;
        foreach (var name in new[] { "emri_small.dcm", "emri_small_RLE.dcm", "emri_small_big_endian.dcm" })
        {
            using var reader = FrameReader.Open(Corpus.FilePath(name));
            var pixels = new ushort[64 * 64];
            reader.ReadFrame<ushort>(0, pixels);
            long before = GC.GetAllocatedBytesForCurrentThread();
            for (int i = 0; i < reader.NumberOfFrames; i++) reader.ReadFrame<ushort>(i, pixels);
            long allocated = GC.GetAllocatedBytesForCurrentThread() - before;
            Assert.True(allocated == 0, $"{name}: {allocated} bytes allocated for {reader.NumberOfFrames} frames");
        }
    }

    [Fact]
    public void Typed_api_checks_the_element_type()
    {
        if (!Corpus.Available) return;
        using var reader = FrameReader.Open(Corpus.FilePath("CT_small.dcm"));
        Assert.Equal(PixelElementType.Int16, reader.ElementType);
        Assert.Throws<ArgumentException>(() => reader.ReadFrame<ushort>(0));
        Assert.Throws<ArgumentException>(() => reader.ReadFrame(0, new short[10].AsSpan()));
        var frame = reader.ReadFrame<short>(0);
        Assert.Equal(128, frame.Rows);
        var volume = reader.ReadVolume<short>();
        Assert.Equal(frame.Span.ToArray(), volume.Frame(0).Span.ToArray());
        Assert.Equal(frame[5, 7], volume[0, 5, 7]);
    }

    [Fact]
    public void Truncated_pixel_data_reports_the_frame()
    {
        if (!Corpus.Available) return;
        using var reader = FrameReader.Open(Corpus.FilePath("MR_truncated.dcm"));
        var ex = Assert.Throws<PixelDataException>(() => reader.ReadFrame(0));
        Assert.Equal(0, ex.FrameIndex);
    }

    [Fact]
    public void Corrupt_rle_frame_reports_its_index()
    {
        var layoutFrames = new byte[3][];
        var layout = new FrameLayout { Rows = 4, Columns = 6, BitsAllocated = 16, BitsStored = 16, HighBit = 15 };
        for (int i = 0; i < 3; i++) layoutFrames[i] = RleEncoder.EncodeFrame(DicomBuilder.Pattern(48, i), layout);
        layoutFrames[2][0] = 5; // segment count lies
        var bytes = new DicomBuilder(DicomBuilder.Rle)
            .ImagePixel(4, 6, 16, frames: 3)
            .EncapsulatedPixelData(DicomBuilder.ItemOffsets(layoutFrames), layoutFrames)
            .Build();
        using var reader = new FrameReader(new MemoryStream(bytes));
        Assert.Same(RleDecoder.Instance, reader.Decoder);
        reader.ReadFrame(0);
        reader.ReadFrame(1);
        var ex = Assert.Throws<PixelDataException>(() => reader.ReadFrame(2));
        Assert.Equal(2, ex.FrameIndex);
        Assert.Equal(0, ex.Offset);
        Assert.Contains("segments", ex.Message);
        Assert.Contains("frame 2", ex.Message);
        Assert.Throws<PixelDataException>(() => reader.ReadAllFrames());
    }

    [Fact]
    public void Synthetic_native_multi_frame_without_corpus()
    {
        var native = DicomBuilder.Pattern(2 * 3 * 5 * 2, 4);
        var bytes = new DicomBuilder(DicomBuilder.ExplicitBE)
            .ImagePixel(3, 5, 16, frames: 2, bitsStored: 12, signed: true)
            .NativePixelData(native)
            .Build();
        using var reader = new FrameReader(new MemoryStream(bytes));
        Assert.Same(NativeFrameDecoder.Instance, reader.Decoder);
        var volume = reader.ReadVolume<short>();
        var layout = reader.Layout;
        for (int f = 0; f < 2; f++)
        {
            var expected = ReferenceDecoder.Decode(native[(f * 30)..((f + 1) * 30)], layout);
            Assert.Equal(expected, MemoryMarshal.AsBytes(volume.Frame(f).Span).ToArray());
        }
    }

    [Fact]
    public void Encapsulated_syntax_without_codec_has_no_decoder()
    {
        var frame = new byte[] { 0xFF, 0xD8, 0xFF, 0xD9 };
        var bytes = new DicomBuilder("1.2.840.10008.1.2.4.999")
            .ImagePixel(2, 2, 8)
            .EncapsulatedPixelData([], frame)
            .Build();
        using var reader = new FrameReader(new MemoryStream(bytes));
        Assert.Null(reader.Decoder);
        var ex = Assert.Throws<CodecUnavailableException>(() => reader.DecodeFrame(0, new byte[4]));
        Assert.Equal(0, ex.FrameIndex);
    }
}

public class FrameReaderDecodingConcurrencyTests
{
    [Fact]
    public void Frames_decode_identically_from_many_threads()
    {
        if (!Corpus.Available) return;
        foreach (var name in new[] { "emri_small_RLE.dcm", "emri_small_big_endian.dcm", "liver_nonbyte_aligned.dcm" })
        {
            using var reader = FrameReader.Open(Corpus.FilePath(name));
            var expected = Enumerable.Range(0, reader.NumberOfFrames).Select(i => Corpus.Sha256(reader.ReadFrame(i).AsBytes())).ToArray();
            var actual = new string[reader.NumberOfFrames * 8];
            Parallel.For(0, actual.Length, k =>
            {
                var buffer = new byte[reader.DecodedFrameLength];
                reader.DecodeFrame(k % reader.NumberOfFrames, buffer);
                actual[k] = Corpus.Sha256(buffer);
            });
            for (int k = 0; k < actual.Length; k++) Assert.Equal(expected[k % reader.NumberOfFrames], actual[k]);
        }
    }
}
