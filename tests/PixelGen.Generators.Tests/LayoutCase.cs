using System.Globalization;
using PixelGen.Dicom;
using PixelGen.Layout;
using PixelGen.Pixels;

namespace PixelGen.Generators.Tests;

/// <summary>One layout the equivalence test generates a decoder for.</summary>
public sealed record LayoutCase(int BitsAllocated, int BitsStored, int HighBit, bool Signed, int Samples, int Planar, bool BigEndian, bool OwWords, PixelDataKind Kind)
{
    public string Id => string.Create(CultureInfo.InvariantCulture,
        $"L{BitsAllocated}_{BitsStored}_{HighBit}_{(Signed ? "s" : "u")}_{Samples}p{Planar}_{(BigEndian ? OwWords ? "beow" : "beob" : "le")}_{Kind}");

    public string Attribute => string.Create(CultureInfo.InvariantCulture,
        $"[PixelLayout(BitsAllocated = {BitsAllocated}, BitsStored = {BitsStored}, HighBit = {HighBit}, Signed = {(Signed ? "true" : "false")}, Samples = {Samples}, Planar = {Planar}, BigEndian = {(BigEndian ? "true" : "false")}, OwWords = {(OwWords ? "true" : "false")}, Kind = PixelDataKind.{Kind})]");

    /// <summary>The runtime's byte-swap unit for this layout (PixelDecoder.SwapUnit).</summary>
    public int SwapUnit => !BigEndian || BitsAllocated == 1 ? 1 : OwWords ? 2 : BitsAllocated / 8;

    /// <summary>Source bytes a frame needs: 8-bit OW data with an odd count needs the pad byte too.</summary>
    public long RequiredSourceLength(FrameLayout layout)
        => layout.NativeFrameLength + (SwapUnit == 2 && BitsAllocated == 8 && (layout.SamplesPerFrame & 1) == 1 ? 1 : 0);

    public PixelElementType ElementType => PixelLayoutRules.ElementTypeFor(BitsAllocated, Signed, Kind);

    public string ElementKeyword => PixelLayoutRules.CSharpKeyword(ElementType);

    public FrameLayout ToFrameLayout(int rows, int columns) => new()
    {
        Rows = rows,
        Columns = columns,
        SamplesPerPixel = Samples,
        BitsAllocated = BitsAllocated,
        BitsStored = BitsStored,
        HighBit = HighBit,
        IsSigned = Signed,
        PlanarConfiguration = Planar,
        PhotometricInterpretation = Samples == 1 ? "MONOCHROME2" : "RGB",
        Kind = Kind,
        IsBigEndian = BigEndian,
        PixelDataVR = OwWords ? DicomVR.OW : (BitsAllocated, Kind) switch
        {
            (32, PixelDataKind.Float) => DicomVR.OF,
            (64, PixelDataKind.Double) => DicomVR.OD,
            (32, _) => DicomVR.OL,
            (64, _) => DicomVR.OV,
            _ => DicomVR.OB,
        },
    };

    /// <summary>
    /// Every valid combination the generator supports: Bits Allocated 1/8/16/32/64 with full, reduced and shifted
    /// Bits Stored / High Bit, both signs, 1 and 3 samples (planar 0 and 1, plus one 4-sample case per width),
    /// both byte orders (OW and OB for byte-sized data), and Float/Double data.
    /// </summary>
    public static IReadOnlyList<LayoutCase> All()
    {
        var cases = new List<LayoutCase>();
        foreach (bool be in new[] { false, true })
            cases.Add(new LayoutCase(1, 1, 0, false, 1, 0, be, true, PixelDataKind.Integer));

        foreach (int ba in new[] { 8, 16, 32, 64 })
        {
            var stored = new List<(int Bs, int Hb)> { (ba, ba - 1), (ba - 4, ba - 5), (ba - 4, ba - 1), (ba / 2, ba / 2 + 1), (1, 0) };
            // Big endian: OW (swapped per 16-bit word) and, except for 16-bit where both agree, another VR (per value, OB: none).
            var orders = ba == 16 ? new[] { (false, true), (true, true) } : new[] { (false, true), (true, true), (true, false) };
            foreach (var (bs, hb) in stored)
            foreach (bool signed in new[] { false, true })
            foreach (var (samples, planar) in new[] { (1, 0), (3, 0), (3, 1) })
            foreach (var (be, ow) in orders)
                cases.Add(new LayoutCase(ba, bs, hb, signed, samples, planar, be, ow, PixelDataKind.Integer));
            cases.Add(new LayoutCase(ba, ba - 4, ba - 5, true, 4, 1, ba == 16, true, PixelDataKind.Integer));
        }

        foreach (var (ba, kind) in new[] { (32, PixelDataKind.Float), (64, PixelDataKind.Double) })
        foreach (var (samples, planar) in new[] { (1, 0), (3, 0), (3, 1) })
        foreach (var (be, ow) in new[] { (false, false), (true, false), (true, true) })
            cases.Add(new LayoutCase(ba, ba, ba - 1, false, samples, planar, be, ow, kind));
        return cases;
    }
}
