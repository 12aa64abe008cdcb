using System.Buffers.Binary;
using PixelGen.Codecs.Jpeg2000;
using PixelGen.Pixels;
using PixelGen.Tests.Codecs.JpegLs;
using PixelGen.Tests.Support;

namespace PixelGen.Tests.Codecs.Jpeg2000;

/// <summary>Small OpenJPEG-made codestreams (Fixtures/README.md): raw J2K, tiled, irreversible and JP2 with RCT.</summary>
public class Jpeg2000FixtureTests
{
    public static byte[] Fixture(string file) => File.ReadAllBytes(Path.Combine(AppContext.BaseDirectory, "Codecs", "Jpeg2000", "Fixtures", file));

    public static readonly FrameLayout Mono16 = new() { Rows = 21, Columns = 33, BitsAllocated = 16, BitsStored = 16, HighBit = 15 };
    public static readonly FrameLayout Rgb8 = new()
    {
        Rows = 14, Columns = 30, SamplesPerPixel = 3, BitsAllocated = 8, BitsStored = 8, HighBit = 7, PhotometricInterpretation = "YBR_RCT",
    };

    [SkippableTheory]
    [InlineData("mono16_lossless.j2k")]
    [InlineData("mono16_tiled.j2k")]
    public void Lossless_codestreams_decode_to_the_source(string file)
    {
        OpenJpegRequirement.Ensure();
        var decoded = new byte[Mono16.DecodedFrameLength];
        Jpeg2000Codec.Jpeg2000.Decode(Fixture(file), decoded, Mono16);
        for (int y = 0; y < 21; y++)
            for (int x = 0; x < 33; x++)
                Assert.Equal(JpegLsFixtureTests.Pattern(x, y, 0, 65535), BinaryPrimitives.ReadUInt16LittleEndian(decoded.AsSpan(2 * (y * 33 + x))));
    }

    [SkippableFact]
    public void Jp2_wrapped_rct_decodes_to_rgb()
    {
        OpenJpegRequirement.Ensure();
        var decoded = new byte[Rgb8.DecodedFrameLength];
        Jpeg2000Codec.Jpeg2000.Decode(Fixture("rgb8_rct.jp2"), decoded, Rgb8);
        for (int i = 0; i < decoded.Length; i++)
        {
            int pixel = i / 3, c = i % 3;
            Assert.Equal(JpegLsFixtureTests.Pattern(pixel % 30, pixel / 30, c, 255), decoded[i]);
        }
        Assert.Equal("RGB", ((IFrameDecoder)Jpeg2000Codec.Jpeg2000).DecodedPhotometricInterpretation(Rgb8));
        Assert.Equal("RGB", ((IFrameDecoder)Jpeg2000Codec.Jpeg2000).DecodedPhotometricInterpretation(Rgb8 with { PhotometricInterpretation = "YBR_ICT" }));
        Assert.Equal("MONOCHROME2", ((IFrameDecoder)Jpeg2000Codec.Jpeg2000).DecodedPhotometricInterpretation(Mono16));
    }

    [SkippableFact]
    public void Irreversible_codestream_decodes_like_opj_decompress()
    {
        OpenJpegRequirement.Ensure();
        var decoded = new byte[Mono16.DecodedFrameLength];
        Jpeg2000Codec.Jpeg2000.Decode(Fixture("mono16_irreversible.j2k"), decoded, Mono16);
        // opj_decompress (OpenJPEG 2.5.0) output of the same file; floating-point 9-7, so exact only on that version.
        if (Jpeg2000Codec.LibraryVersion == "2.5.0")
            Assert.Equal("4dc1d59ee22517ec0f488f0f36a1ff5c457ffd35c66e44f52932385fa9d9731c", Corpus.Sha256(decoded));
    }

    [SkippableFact]
    public void Unsigned_codestream_in_a_signed_dataset_is_sign_extended_from_its_precision()
    {
        OpenJpegRequirement.Ensure();
        // pydicom's APPLY_J2K_CORRECTIONS: unsigned 16-bit codestream, Pixel Representation 1 → two's complement.
        var signed = Mono16 with { IsSigned = true };
        var decoded = new byte[signed.DecodedFrameLength];
        Jpeg2000Codec.Jpeg2000.Decode(Fixture("mono16_lossless.j2k"), decoded, signed);
        for (int i = 0; i < 33 * 21; i++)
            Assert.Equal((short)JpegLsFixtureTests.Pattern(i % 33, i / 33, 0, 65535), BinaryPrimitives.ReadInt16LittleEndian(decoded.AsSpan(2 * i)));
    }

    [SkippableFact]
    public void Htj2k_lossless_codestreams_decode_to_the_source()
    {
        OpenJpegRequirement.Ensure();
        if (Jpeg2000Codec.LibraryVersion is { } v && (v.StartsWith("2.4") || v.StartsWith("2.3")))
        {
            Assert.Throws<CodecUnavailableException>(() => Jpeg2000Codec.HighThroughput.Decode(Fixture("mono16_htj2k_lossless.j2c"), new byte[Mono16.DecodedFrameLength], Mono16));
            return;
        }
        var mono = new byte[Mono16.DecodedFrameLength];
        Jpeg2000Codec.HighThroughput.Decode(Fixture("mono16_htj2k_lossless.j2c"), mono, Mono16);
        for (int i = 0; i < 33 * 21; i++)
            Assert.Equal(JpegLsFixtureTests.Pattern(i % 33, i / 33, 0, 65535), BinaryPrimitives.ReadUInt16LittleEndian(mono.AsSpan(2 * i)));

        var rgb = new byte[Rgb8.DecodedFrameLength];
        Jpeg2000Codec.HighThroughput.Decode(Fixture("rgb8_htj2k_rpcl.j2c"), rgb, Rgb8);
        for (int i = 0; i < rgb.Length; i++)
            Assert.Equal(JpegLsFixtureTests.Pattern(i / 3 % 30, i / 3 / 30, i % 3, 255), rgb[i]);
    }
}
