using PixelGen.Dicom;
using PixelGen.IO;
using PixelGen.Tests.Support;

namespace PixelGen.Tests.Parsing;

public class ParserTests
{
    private static DicomFile Parse(byte[] bytes, DicomReadOptions? options = null) => DicomFileReader.Read(new MemorySource(bytes), options);

    private static DicomBuilder Image(string ts, byte[]? pixels = null)
    {
        var b = new DicomBuilder(ts);
        b.Text(0x0008, 0x0060, "CS", "OT");
        b.ImagePixel(4, 3, 16, frames: 2);
        b.NativePixelData(pixels ?? DicomBuilder.Pattern(48, 1));
        return b;
    }

    [Theory]
    [InlineData(DicomBuilder.ImplicitLE)]
    [InlineData(DicomBuilder.ExplicitLE)]
    [InlineData(DicomBuilder.ExplicitBE)]
    [InlineData(DicomBuilder.DeflatedLE)]
    public void Each_transfer_syntax_parses_the_image_pixel_module(string ts)
    {
        var b = Image(ts);
        using var file = Parse(b.Build());
        Assert.Equal(ts, file.TransferSyntax.Uid);
        Assert.True(file.HasPreamble);
        Assert.True(file.HasFileMeta);
        Assert.Equal(4, file.Dataset.Rows);
        Assert.Equal(3, file.Dataset.Columns);
        Assert.Equal(2, file.Dataset.NumberOfFrames);
        Assert.Equal(16, file.Dataset.BitsAllocated);
        Assert.Equal("MONOCHROME2", file.Dataset.PhotometricInterpretation);
        Assert.NotNull(file.PixelData);
        Assert.Equal(b.PixelDataElementOffset, file.PixelData!.ElementOffset);
        Assert.Equal(48u, file.PixelData.Length);
        Assert.Equal(ts == DicomBuilder.ImplicitLE ? 8 : 12, file.PixelData.HeaderLength);
        Assert.Equal(file.PixelData.ElementOffset + file.PixelData.HeaderLength, file.PixelData.ValueOffset);
        Assert.Empty(file.Warnings);
        if (ts == DicomBuilder.DeflatedLE)
        {
            Assert.Equal(b.DatasetOffset, file.DeflatedStreamOffset);
            Assert.Equal(0, file.DatasetOffset);
        }
    }

    [Theory]
    [InlineData(DicomBuilder.ImplicitLE, false)]
    [InlineData(DicomBuilder.ExplicitLE, false)]
    [InlineData(DicomBuilder.ExplicitBE, false)]
    [InlineData(DicomBuilder.ExplicitLE, true)]
    public void Files_without_preamble_or_meta_are_detected(string ts, bool keepMeta)
    {
        var b = Image(ts);
        b.Preamble = false;
        b.FileMeta = keepMeta;
        using var file = Parse(b.Build());
        Assert.False(file.HasPreamble);
        Assert.Equal(keepMeta, file.HasFileMeta);
        Assert.Equal(ts, file.TransferSyntax.Uid);
        Assert.Equal(!keepMeta, file.IsTransferSyntaxAssumed);
        Assert.Equal(4, file.Dataset.Rows);
        Assert.Equal(b.PixelDataElementOffset, file.PixelData!.ElementOffset);
    }

    [Fact]
    public void Implicit_data_set_under_an_explicit_meta_is_read_with_a_warning()
    {
        var b = Image(DicomBuilder.ExplicitLE);
        b.ForceImplicitDataset = true;
        using var file = Parse(b.Build());
        Assert.Contains(file.Warnings, w => w.Contains("implicit VR", StringComparison.Ordinal));
        Assert.Equal(4, file.Dataset.Rows);
        Assert.Equal(8, file.PixelData!.HeaderLength);
    }

    [Fact]
    public void Explicit_data_set_under_an_implicit_meta_is_read_with_a_warning()
    {
        var b = Image(DicomBuilder.ExplicitLE);
        var bytes = b.Build();
        // Rewrite the declared transfer syntax to Implicit VR Little Endian (same length after padding).
        var text = System.Text.Encoding.Latin1.GetString(bytes);
        int at = text.IndexOf("1.2.840.10008.1.2.1\0", StringComparison.Ordinal);
        Assert.True(at > 0);
        System.Text.Encoding.ASCII.GetBytes("1.2.840.10008.1.2\0\0\0").CopyTo(bytes, at);
        using var file = Parse(bytes);
        Assert.Equal(DicomBuilder.ImplicitLE, file.TransferSyntax.Uid);
        Assert.Contains(file.Warnings, w => w.Contains("found explicit VR", StringComparison.Ordinal));
        Assert.Equal(b.PixelDataElementOffset, file.PixelData!.ElementOffset);
    }

    [Fact]
    public void An_implicit_element_inside_an_explicit_data_set_is_tolerated()
    {
        var b = Image(DicomBuilder.ExplicitLE);
        var bytes = b.Build().ToList();
        // After the first element (0008,0060) CS "OT" (10 bytes) insert an implicit (0009,1001) of 2 bytes.
        int at = (int)b.DatasetOffset + 10;
        bytes.InsertRange(at, new byte[] { 0x09, 0x00, 0x01, 0x10, 0x02, 0x00, 0x00, 0x00, 0xAB, 0xCD });
        using var file = Parse(bytes.ToArray());
        Assert.Contains(file.Warnings, w => w.Contains("read as implicit VR", StringComparison.Ordinal));
        Assert.Equal(new byte[] { 0xAB, 0xCD }, file.Dataset[new DicomTag(0x0009, 0x1001)]!.RawValue.ToArray());
        Assert.Equal(4, file.Dataset.Rows);
        Assert.Equal(b.PixelDataElementOffset + 10, file.PixelData!.ElementOffset);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void Nested_sequences_and_icon_pixel_data_are_not_the_image_pixel_data(bool undefinedLength)
    {
        var icon = new DicomBuilder(DicomBuilder.ExplicitLE);
        icon.ImagePixel(2, 2, 8);
        icon.NativePixelData([9, 9, 9, 9], "OB");
        var inner = new DicomBuilder(DicomBuilder.ExplicitLE).Text(0x0008, 0x1150, "UI", "1.2.3");
        var outer = new DicomBuilder(DicomBuilder.ExplicitLE).Sequence(0x0008, 0x1140, undefinedLength, inner, inner);
        var b = new DicomBuilder(DicomBuilder.ExplicitLE);
        b.UL(0x0008, 0x0000, 0); // group length
        b.Sequence(0x0008, 0x1115, undefinedLength, outer);
        b.Text(0x0009, 0x0010, "LO", "PRIVATE CREATOR");
        b.Bytes(0x0009, 0x1001, "OB", [1, 2, 3, 4]);
        b.ImagePixel(4, 3, 16);
        b.Sequence(0x0088, 0x0200, undefinedLength, icon);
        b.NativePixelData(DicomBuilder.Pattern(24, 2));
        using var file = Parse(b.Build());
        Assert.Equal(b.PixelDataElementOffset, file.PixelData!.ElementOffset);
        var iconItem = Assert.Single(file.Dataset.GetSequence(DicomTags.IconImageSequence));
        Assert.Equal(2, iconItem.Rows);
        Assert.Equal(new byte[] { 9, 9, 9, 9 }, iconItem[DicomTags.PixelData]!.RawValue.ToArray());
        var nested = Assert.Single(file.Dataset.GetSequence(new DicomTag(0x0008, 0x1115)));
        Assert.Equal(2, nested.GetSequence(new DicomTag(0x0008, 0x1140)).Count);
        Assert.Equal("1.2.3", nested.GetSequence(new DicomTag(0x0008, 0x1140))[1].GetString(new DicomTag(0x0008, 0x1150)));
        Assert.Equal(new byte[] { 1, 2, 3, 4 }, file.Dataset[new DicomTag(0x0009, 0x1001)]!.RawValue.ToArray());
        Assert.Equal("PRIVATE CREATOR", file.Dataset.GetString(new DicomTag(0x0009, 0x0010)));
    }

    [Theory]
    [InlineData(DicomBuilder.ExplicitLE)]
    [InlineData(DicomBuilder.ExplicitBE)]
    public void UN_of_undefined_length_is_an_implicit_little_endian_sequence(string ts)
    {
        var item = new DicomBuilder(DicomBuilder.ImplicitLE).US(0x0028, 0x0010, 77).Text(0x0011, 0x1002, "LO", "x");
        var b = new DicomBuilder(ts);
        b.UnSequence(0x0011, 0x1001, item);
        b.ImagePixel(4, 3, 16);
        b.NativePixelData(DicomBuilder.Pattern(24, 3));
        using var file = Parse(b.Build());
        var e = file.Dataset[new DicomTag(0x0011, 0x1001)]!;
        Assert.Equal(DicomVR.UN, e.VR);
        Assert.Equal(77, Assert.Single(e.Items!).Rows);
        Assert.Equal(4, file.Dataset.Rows);
    }

    [Fact]
    public void Explicit_UN_of_a_known_attribute_takes_the_dictionary_VR()
    {
        var b = new DicomBuilder(DicomBuilder.ExplicitLE);
        b.Bytes(0x0028, 0x0010, "UN", [0x00, 0x02]); // Rows 512 written as UN
        b.Bytes(0x0028, 0x0011, "UN", [0x10, 0x00]);
        b.Bytes(0x0028, 0x0100, "UN", [0x08, 0x00]);
        b.NativePixelData(DicomBuilder.Pattern(512 * 16, 4), "UN");
        using var file = Parse(b.Build());
        Assert.Equal(512, file.Dataset.Rows);
        Assert.Equal(DicomVR.US, file.Dataset[DicomTags.Rows]!.VR);
        Assert.Equal(DicomVR.UN, file.Dataset[DicomTags.Rows]!.EncodedVR);
    }

    [Fact]
    public void Large_values_stay_deferred_in_the_source()
    {
        var big = DicomBuilder.Pattern(5000, 5);
        var b = new DicomBuilder(DicomBuilder.ExplicitLE).Bytes(0x0009, 0x1001, "OB", big);
        b.ImagePixel(4, 3, 16);
        b.NativePixelData(DicomBuilder.Pattern(24, 6));
        using var file = Parse(b.Build(), new DicomReadOptions { DeferValuesLongerThan = 1024 });
        var e = file.Dataset[new DicomTag(0x0009, 0x1001)]!;
        Assert.False(e.IsValueLoaded);
        Assert.Equal(big, e.RawValue.ToArray());
    }

    [Fact]
    public void Latin1_and_odd_character_sets_never_crash()
    {
        var b = new DicomBuilder(DicomBuilder.ExplicitLE);
        b.Text(0x0008, 0x0005, "CS", "ISO 2022 IR 87");
        b.Text(0x0010, 0x0010, "PN", "M\u00fcller^J\u00f6rg");
        b.Bytes(0x0010, 0x0020, "LO", [0x1B, 0x24, 0x42, 0xFF, 0xFE, 0x80]);
        using var file = Parse(b.Build());
        Assert.Equal("M\u00fcller^J\u00f6rg", file.Dataset.GetString(new DicomTag(0x0010, 0x0010)));
        Assert.NotNull(file.Dataset.GetString(new DicomTag(0x0010, 0x0020)));
        Assert.Null(file.PixelData);
    }

    [Fact]
    public void A_truncated_data_set_raises_DicomFormatException_with_the_offset()
    {
        var b = new DicomBuilder(DicomBuilder.ExplicitLE).Text(0x0010, 0x0010, "PN", "ABCDEFGHIJ");
        b.ImagePixel(4, 3, 16);
        b.NativePixelData(DicomBuilder.Pattern(24, 7));
        var bytes = b.Build();
        var cut = bytes[..(int)(b.DatasetOffset + 12)]; // inside the PN value
        var ex = Assert.Throws<DicomFormatException>(() => Parse(cut));
        Assert.Equal(b.DatasetOffset, ex.Offset);
        Assert.Contains("remain", ex.Message);
    }

    [Fact]
    public void A_length_running_past_the_end_is_rejected_before_allocating()
    {
        var b = new DicomBuilder(DicomBuilder.ExplicitLE).Bytes(0x0009, 0x1001, "OB", [1, 2]);
        var bytes = b.Build();
        // Patch the OB length (after tag, VR, reserved) to 0x7FFFFFF0.
        int at = (int)b.DatasetOffset + 8;
        BitConverter.GetBytes(0x7FFF_FFF0u).CopyTo(bytes, at);
        var ex = Assert.Throws<DicomFormatException>(() => Parse(bytes));
        Assert.Equal(b.DatasetOffset, ex.Offset);
    }

    [Fact]
    public void A_sequence_item_overrunning_its_sequence_is_rejected()
    {
        var item = new DicomBuilder(DicomBuilder.ExplicitLE).Text(0x0008, 0x1150, "UI", "1.2.3.4");
        var b = new DicomBuilder(DicomBuilder.ExplicitLE).Sequence(0x0008, 0x1140, false, item);
        var bytes = b.Build();
        int itemLengthAt = (int)b.DatasetOffset + 12 + 4;
        BitConverter.GetBytes(1000u).CopyTo(bytes, itemLengthAt);
        Assert.Throws<DicomFormatException>(() => Parse(bytes));
    }

    [Fact]
    public void Corrupt_deflate_stream_raises_DicomFormatException()
    {
        var b = Image(DicomBuilder.DeflatedLE);
        var bytes = b.Build();
        for (int i = (int)b.DatasetOffset; i < bytes.Length; i++) bytes[i] ^= 0x5A;
        Assert.ThrowsAny<DicomFormatException>(() => Parse(bytes));
    }

    [Fact]
    public void Large_deflated_data_sets_spill_to_a_temporary_file()
    {
        var pixels = DicomBuilder.Pattern(48, 8);
        var b = Image(DicomBuilder.DeflatedLE, pixels);
        using var file = Parse(b.Build(), new DicomReadOptions { InflateInMemoryLimit = 16 });
        Assert.IsType<StreamSource>(file.Source);
        var value = new byte[48];
        file.Source.ReadExactly(file.PixelData!.ValueOffset, value);
        Assert.Equal(pixels, value);
    }

    [Fact]
    public void Deflate_bombs_are_bounded()
    {
        var b = Image(DicomBuilder.DeflatedLE);
        Assert.Throws<DicomFormatException>(() => Parse(b.Build(), new DicomReadOptions { MaxInflatedLength = 32 }));
    }

    [Fact]
    public void Path_stream_and_source_entry_points_agree()
    {
        var b = Image(DicomBuilder.ExplicitLE);
        var bytes = b.Build();
        var path = Path.Combine(Path.GetTempPath(), $"pixelgen-parse-{Guid.NewGuid():N}.dcm");
        File.WriteAllBytes(path, bytes);
        try
        {
            using var fromPath = DicomFileReader.Read(path);
            using var fs = File.OpenRead(path);
            using var fromFileStream = DicomFileReader.Read(fs);
            using var fromMemory = DicomFileReader.Read(new MemoryStream(bytes));
            foreach (var f in new[] { fromPath, fromFileStream, fromMemory })
            {
                Assert.Equal(b.PixelDataElementOffset, f.PixelData!.ElementOffset);
                Assert.Equal(fromPath.Dataset.Count, f.Dataset.Count);
            }
            Assert.IsType<FileSource>(fromFileStream.Source);
        }
        finally { File.Delete(path); }
    }

    [Fact]
    public void Deeply_nested_sequences_are_bounded()
    {
        var inner = new DicomBuilder(DicomBuilder.ExplicitLE).Text(0x0008, 0x1150, "UI", "1.2");
        for (int i = 0; i < 10; i++) inner = new DicomBuilder(DicomBuilder.ExplicitLE).Sequence(0x0008, 0x1140, true, inner);
        var bytes = new DicomBuilder(DicomBuilder.ExplicitLE).Sequence(0x0008, 0x1140, true, inner).Build();
        Assert.Throws<DicomFormatException>(() => Parse(bytes, new DicomReadOptions { MaxSequenceDepth = 5 }));
        using var ok = Parse(bytes);
        Assert.Single(ok.Dataset.GetSequence(new DicomTag(0x0008, 0x1140)));
    }

    [Fact]
    public void Empty_input_is_rejected()
        => Assert.Throws<DicomFormatException>(() => Parse([]));

    [Fact]
    public void Dictionary_knows_group_lengths_palette_descriptors_and_sequences()
    {
        Assert.Equal(DicomVR.UL, DicomDictionary.VRFor(new DicomTag(0x0028, 0x0000)));
        Assert.Equal(DicomVR.US, DicomDictionary.VRFor(DicomTags.RedPaletteColorLookupTableDescriptor));
        Assert.Equal(DicomVR.OW, DicomDictionary.VRFor(DicomTags.LutData));
        Assert.Equal(DicomVR.SQ, DicomDictionary.VRFor(DicomTags.IconImageSequence));
        Assert.Equal(DicomVR.SQ, DicomDictionary.VRFor(new DicomTag(0x5200, 0x9230)));
        Assert.Equal(DicomVR.OW, DicomDictionary.VRFor(new DicomTag(0x6002, 0x3000)));
        Assert.Equal(DicomVR.LO, DicomDictionary.VRFor(new DicomTag(0x0009, 0x0010)));
        Assert.Equal(DicomVR.UN, DicomDictionary.VRFor(new DicomTag(0x0009, 0x1010)));
    }
}
