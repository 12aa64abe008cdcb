using PixelGen.Dicom;
using PixelGen.Layout;
using PixelGen.Pixels;
using PixelGen.Tests.Support;
using PixelGen.Transforms;
using static PixelGen.Tests.Transforms.TestDatasets;

namespace PixelGen.Tests.Transforms;

public class PaletteTests
{
    [Fact]
    public void Discrete_and_linear_segments_expand_like_pydicom()
    {
        // discrete [0, 10], linear over 4 to 30 (step 5: 15, 20, 25, 30), linear over 3 to 30 (constant), discrete [7].
        ushort[] seg = [0, 2, 0, 10, 1, 4, 30, 1, 3, 30, 0, 1, 7];
        Assert.Equal(new ushort[] { 0, 10, 15, 20, 25, 30, 30, 30, 30, 7 }, SegmentedLut.Expand(seg, false));
        // Rounding half to even as numpy.around: from 0 to 3 over 2 entries gives 1.5 -> 2, then 3.
        Assert.Equal(new ushort[] { 0, 2, 3 }, SegmentedLut.Expand([0, 1, 0, 1, 2, 3], false));
        // ... and 0 to 1 over 4 entries: 0.25, 0.5, 0.75, 1 -> 0, 0, 1, 1.
        Assert.Equal(new ushort[] { 0, 0, 0, 1, 1 }, SegmentedLut.Expand([0, 1, 0, 1, 4, 1], false));
    }

    [Fact]
    public void Indirect_segments_copy_earlier_segments_16_and_8_bit()
    {
        // Words 0..: discrete [5, 6] (4 words), linear 2 to 10 (3 words), indirect: copy 2 segments from word 0.
        ushort[] seg16 = [0, 2, 5, 6, 1, 2, 10, 2, 2, 0, 0];
        Assert.Equal(new ushort[] { 5, 6, 8, 10, 5, 6, 8, 10 }, SegmentedLut.Expand(seg16, false));
        // Indirect copying only the linear segment at word 4: it continues from the last value (10 -> 10, flat).
        ushort[] seg16b = [0, 2, 5, 6, 1, 2, 10, 0, 1, 2, 2, 1, 4, 0];
        Assert.Equal(new ushort[] { 5, 6, 8, 10, 2, 6, 10 }, SegmentedLut.Expand(seg16b, false));
        // 8-bit entries: the offset takes four entries, least significant first.
        ushort[] seg8 = [0, 2, 5, 6, 2, 1, 0, 0, 0, 0];
        Assert.Equal(new ushort[] { 5, 6, 5, 6 }, SegmentedLut.Expand(seg8, true));
    }

    [Fact]
    public void Bad_segments_raise()
    {
        Assert.Throws<PixelDataException>(() => SegmentedLut.Expand([1, 4, 30], false));          // linear first
        Assert.Throws<PixelDataException>(() => SegmentedLut.Expand([2, 1, 0, 0], false));        // indirect first
        Assert.Throws<PixelDataException>(() => SegmentedLut.Expand([0, 1, 5, 3, 1, 0], false));  // unknown opcode
        Assert.Throws<PixelDataException>(() => SegmentedLut.Expand([0, 9, 5, 6], false));        // truncated discrete
        Assert.Throws<PixelDataException>(() => SegmentedLut.Expand([0, 1, 5, 2, 1, 99, 0], false)); // offset past end
        Assert.Throws<PixelDataException>(() => SegmentedLut.Expand([0, 1, 5, 2, 1, 3, 0], false));  // indirect pointing at itself
        Assert.Throws<PixelDataException>(() => SegmentedLut.Expand([0, 1, 5, 1, 65535, 9, 1, 65535, 9], false)); // > 65536 entries
    }

    [Fact]
    public async Task Indirect_segments_over_empty_ones_fail_fast_instead_of_running_for_ever()
    {
        // One entry, then regions: region 0 holds 1000 empty discrete segments, region k holds 1000 indirect
        // segments each copying region k-1's 1000 segments; nesting stays under the depth limit yet the visits
        // grow as 1000^k.
        var data = new List<ushort> { 0, 1, 5 };
        int previous = data.Count;
        for (int i = 0; i < 1000; i++) data.AddRange([0, 0]);
        for (int k = 1; k <= 6; k++)
        {
            int start = data.Count;
            for (int i = 0; i < 1000; i++) data.AddRange([2, 1000, (ushort)(previous & 0xFFFF), (ushort)(previous >> 16)]);
            previous = start;
        }
        var expand = Task.Run(() => Assert.Throws<PixelDataException>(() => SegmentedLut.Expand(data.ToArray(), false)));
        Assert.Same(expand, await Task.WhenAny(expand, Task.Delay(TimeSpan.FromSeconds(30))));
        Assert.Contains("too many steps", (await expand).Message);
    }

    // SHA-256 of each palette's 256 x (R, G, B) bytes as defined by the standard's well-known SOP instances
    // (PS3.6 B.1; hashed from the instances' Palette Color LUT Data with pydicom 2.3.1's expansion of the segments).
    [Theory]
    [InlineData("HOT_IRON", "1.2.840.10008.1.5.1", "8bba464199e149c18cf501e8174289abf693e5af4a7db4c1602ad48dd4338dda")]
    [InlineData("PET", "1.2.840.10008.1.5.2", "bc03f513531e405c3535f0e0d42ab86fb4d7df84fc02f2cd96e75c364b460145")]
    [InlineData("HOT_METAL_BLUE", "1.2.840.10008.1.5.3", "a421277b84abae409188b25c2fba742ad459dc30356a4aebd37ceb33a94718f9")]
    [InlineData("PET_20_STEP", "1.2.840.10008.1.5.4", "6f4f77ec9646ab6c536f1abe9e755ab548dfd0a4e71c4bfe130be2bd355c54ac")]
    [InlineData("SPRING", "1.2.840.10008.1.5.5", "1936eccfa8b7e627543a378f2070b8552225e00dcc796baec58f747de1fbba69")]
    [InlineData("SUMMER", "1.2.840.10008.1.5.6", "828f6ca82faaf355f2e004a36af22f645517e388cde2ad8a6bb5034f2b410299")]
    [InlineData("FALL", "1.2.840.10008.1.5.7", "3b967a693980920ac26b92a9f59d43f2f60e54f434a8ccc23e47047c982ef5ac")]
    [InlineData("WINTER", "1.2.840.10008.1.5.8", "6c86dcf2f39314221ed176067825b02029deab5f4c57b1677d8dfd756633019f")]
    public void Well_known_palettes_equal_the_standard_tables(string name, string uid, string sha)
    {
        var byName = WellKnownPalettes.Get(name);
        var byUid = WellKnownPalettes.Get(uid);
        Assert.Equal(uid, WellKnownPalettes.SopInstanceUid(name));
        var indices = new byte[256];
        for (int i = 0; i < 256; i++) indices[i] = (byte)i;
        var rgb = new byte[768];
        byName.Apply<byte, byte>(indices, rgb);
        Assert.Equal(sha, Corpus.Sha256(rgb));
        var rgb2 = new byte[768];
        byUid.Apply<byte, byte>(indices, rgb2);
        Assert.Equal(rgb, rgb2);
        Assert.Throws<ArgumentException>(() => WellKnownPalettes.Get("NOT_A_PALETTE"));
    }

    // Independent evidence for the full-table palettes: the control points PS3.6 B.1.2 (PET) and B.1.3 (Hot Metal
    // Blue) ramp between, as 3D Slicer's procedural versions of those palettes also place them (fractions x 255),
    // and Hot Iron's three ramps (red 0→254 by 2 over 0..127, green 0→254 over 128..255, blue from 192).
    [Theory]
    [InlineData("PET", 0, 0, 0, 0)]
    [InlineData("PET", 63, 0, 128, 125)]
    [InlineData("PET", 128, 128, 0, 255)]
    [InlineData("PET", 192, 255, 128, 0)]
    [InlineData("PET", 255, 255, 255, 255)]
    [InlineData("HOT_METAL_BLUE", 85, 0, 0, 167)]
    [InlineData("HOT_METAL_BLUE", 102, 50, 0, 200)]
    [InlineData("HOT_METAL_BLUE", 119, 90, 0, 150)]
    [InlineData("HOT_METAL_BLUE", 136, 140, 32, 50)]
    [InlineData("HOT_METAL_BLUE", 153, 190, 64, 0)]
    [InlineData("HOT_METAL_BLUE", 170, 255, 96, 0)]
    [InlineData("HOT_METAL_BLUE", 255, 255, 255, 255)]
    [InlineData("HOT_IRON", 1, 2, 0, 0)]
    [InlineData("HOT_IRON", 127, 254, 0, 0)]
    [InlineData("HOT_IRON", 128, 255, 0, 0)]
    [InlineData("HOT_IRON", 129, 255, 2, 0)]
    [InlineData("HOT_IRON", 192, 255, 128, 4)]
    [InlineData("HOT_IRON", 255, 255, 255, 255)]
    public void Well_known_palettes_pass_through_the_standard_control_points(string name, int index, int r, int g, int b)
    {
        var p = WellKnownPalettes.Get(name);
        Assert.Equal((r, g, b), (p.Channel(0)[index], p.Channel(1)[index], p.Channel(2)[index]));
    }

    private static DicomDataset Palette(int entries, int first, int bits, int[][] channels, bool eightBitPacked = false)
    {
        var list = new List<DicomElement>
        {
            Us(DicomTags.RedPaletteColorLookupTableDescriptor, entries, first, bits),
            Us(DicomTags.GreenPaletteColorLookupTableDescriptor, entries, first, bits),
            Us(DicomTags.BluePaletteColorLookupTableDescriptor, entries, first, bits),
        };
        DicomTag[] tags = [DicomTags.RedPaletteColorLookupTableData, DicomTags.GreenPaletteColorLookupTableData, DicomTags.BluePaletteColorLookupTableData, DicomTags.AlphaPaletteColorLookupTableData];
        for (int c = 0; c < channels.Length; c++)
            list.Add(eightBitPacked ? Bytes(tags[c], DicomVR.OW, channels[c].Select(v => (byte)v).ToArray()) : Words(tags[c], DicomVR.OW, channels[c]));
        return new DicomDataset(list);
    }

    [Fact]
    public void Normal_palette_clamps_below_first_and_past_last_and_sets_rgb_layout()
    {
        var p = PaletteColorLut.FromDataset(Palette(3, 100, 16, [[1000, 2000, 3000], [1, 2, 3], [60000, 50000, 40000]]));
        Assert.Equal(16, p.BitsPerSample);
        var rgb = new ushort[4 * 3];
        p.Apply<ushort, ushort>([0, 100, 102, 5000], rgb);
        Assert.Equal(new ushort[] { 1000, 1, 60000, 1000, 1, 60000, 3000, 3, 40000, 3000, 3, 40000 }, rgb);
        var input = new FrameLayout { Rows = 2, Columns = 2, BitsAllocated = 8, BitsStored = 8, HighBit = 7, PhotometricInterpretation = "PALETTE COLOR" };
        var output = p.OutputLayout(input);
        Assert.Equal(3, output.SamplesPerPixel);
        Assert.Equal("RGB", output.PhotometricInterpretation);
        Assert.Equal(PixelElementType.UInt16, output.ElementType);
    }

    [Fact]
    public void Eight_bit_fast_paths_equal_the_general_path_and_alpha_gives_rgba()
    {
        var rng = new Random(1);
        int[] Ch() => Enumerable.Range(0, 256).Select(_ => rng.Next(256)).ToArray();
        var p8 = PaletteColorLut.FromDataset(Palette(256, 0, 8, [Ch(), Ch(), Ch()], eightBitPacked: true));
        Assert.Equal(8, p8.BitsPerSample);
        var idx = new byte[1001];
        rng.NextBytes(idx);
        var fast = new byte[3003];
        p8.Apply<byte, byte>(idx, fast);
        var general = new byte[3003];
        p8.Apply<int, byte>(idx.Select(b => (int)b).ToArray(), general);
        Assert.Equal(general, fast);
        var stores = new byte[3003];
        PaletteColorLut.UseGather = false;
        try { p8.Apply<byte, byte>(idx, stores); }
        finally { PaletteColorLut.UseGather = true; }
        Assert.Equal(general, stores);
        var fast16 = new ushort[3003];
        p8.Apply<byte, ushort>(idx, fast16);
        Assert.Equal(general.Select(b => (ushort)b).ToArray(), fast16);

        var rgba = PaletteColorLut.FromDataset(Palette(2, 0, 16, [[1, 2], [3, 4], [5, 6], [7, 8]]));
        Assert.Equal(4, rgba.OutputSamples);
        var o = new ushort[8];
        rgba.Apply<byte, ushort>([0, 1], o);
        Assert.Equal(new ushort[] { 1, 3, 5, 7, 2, 4, 6, 8 }, o);
    }

    [Fact]
    public void Segmented_palette_from_dataset()
    {
        var ds = new DicomDataset(
        [
            Us(DicomTags.RedPaletteColorLookupTableDescriptor, 5, 0, 16),
            Words(DicomTags.SegmentedRedPaletteColorLookupTableData, DicomVR.OW, [0, 1, 0, 1, 4, 400]),
            Words(DicomTags.SegmentedGreenPaletteColorLookupTableData, DicomVR.OW, [0, 5, 1, 2, 3, 4, 5]),
            Words(DicomTags.SegmentedBluePaletteColorLookupTableData, DicomVR.OW, [0, 1, 9, 1, 4, 9]),
        ]);
        var p = PaletteColorLut.FromDataset(ds);
        Assert.Equal(new ushort[] { 0, 100, 200, 300, 400 }, p.Channel(0).ToArray());
        Assert.Equal(new ushort[] { 1, 2, 3, 4, 5 }, p.Channel(1).ToArray());
        Assert.Equal(new ushort[] { 9, 9, 9, 9, 9 }, p.Channel(2).ToArray());
    }

    [Fact]
    public void Bad_palette_data_raises()
    {
        Assert.Throws<PixelDataException>(() => PaletteColorLut.FromDataset(Palette(4, 0, 16, [[1, 2, 3], [1, 2, 3], [1, 2, 3]])));         // length disagrees with descriptor
        Assert.Throws<PixelDataException>(() => PaletteColorLut.FromDataset(Palette(4, 0, 16, [[1, 2, 3, 4], [1, 2, 3, 4]])));             // blue missing
        Assert.Throws<PixelDataException>(() => PaletteColorLut.FromDataset(new DicomDataset()));                                           // no module
        var mixed = new DicomDataset(
        [
            Us(DicomTags.RedPaletteColorLookupTableDescriptor, 2, 0, 16),
            Words(DicomTags.RedPaletteColorLookupTableData, DicomVR.OW, [1, 2]),
            Bytes(DicomTags.GreenPaletteColorLookupTableData, DicomVR.OW, [1, 2]),
            Words(DicomTags.BluePaletteColorLookupTableData, DicomVR.OW, [1, 2]),
        ]);
        Assert.Throws<PixelDataException>(() => PaletteColorLut.FromDataset(mixed));                                                        // 16- and 8-bit channels mixed
        Assert.Throws<ArgumentException>(() => WellKnownPalettes.Get("HOT_IRON").Apply<byte, byte>(new byte[4], new byte[11]));            // destination too short
    }
}
