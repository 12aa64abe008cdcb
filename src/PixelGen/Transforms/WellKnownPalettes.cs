namespace PixelGen.Transforms;

/// <summary>
/// The DICOM well-known colour palettes (PS3.6 Annex B, B.1): 256 entries, first mapped value 0, 8-bit entries,
/// for 8-bit data. Each is held here as segmented LUT data (PS3.3 C.7.9.2) and expanded by
/// <see cref="SegmentedLut"/>. SPRING, SUMMER, FALL and WINTER are the standard's own segmented data; HOT_IRON,
/// PET, HOT_METAL_BLUE and PET_20_STEP are defined by the standard as full 256-entry tables, re-expressed here as
/// discrete and linear segments that expand to exactly those tables (the tests check every palette against the
/// SHA-256 of the standard's tables).
/// </summary>
public static class WellKnownPalettes
{
    private sealed record Definition(string Name, string SopInstanceUid, ushort[] Red, ushort[] Green, ushort[] Blue);

    // PS3.6 B.1.1–B.1.8, SOP Instance UIDs from PS3.6 Annex A (1.2.840.10008.1.5.x).
    private static readonly Definition[] s_definitions =
    [
        new("HOT_IRON", "1.2.840.10008.1.5.1",
            [0, 1, 0, 1, 127, 254, 0, 1, 255, 1, 127, 255],
            [0, 1, 0, 1, 128, 0, 1, 126, 252, 0, 1, 255],
            [0, 1, 0, 1, 191, 0, 1, 63, 252, 0, 1, 255]),
        new("PET", "1.2.840.10008.1.5.2",
            [0, 1, 0, 1, 63, 0, 0, 1, 1, 1, 85, 170, 0, 1, 171, 1, 42, 255, 1, 63, 255],
            [0, 1, 0, 1, 62, 125, 0, 1, 128, 1, 64, 1, 0, 1, 0, 1, 126, 252, 0, 1, 255],
            [0, 1, 0, 0, 1, 1, 1, 127, 255, 0, 1, 252, 1, 63, 0, 1, 41, 165, 0, 1, 170, 1, 20, 250, 0, 1, 255]),
        new("HOT_METAL_BLUE", "1.2.840.10008.1.5.3",
            [0, 1, 0, 1, 85, 0, 1, 17, 50, 1, 17, 90, 1, 34, 190, 1, 17, 255, 1, 85, 255],
            [0, 1, 0, 1, 119, 0, 1, 119, 224, 1, 17, 255],
            [0, 1, 0, 1, 17, 33, 1, 25, 83, 0, 1, 84, 1, 33, 149, 1, 17, 183, 0, 1, 184, 1, 8, 200, 1, 17, 150, 1, 17, 50, 1, 17, 0, 1, 17, 0, 1, 68, 200, 1, 17, 255]),
        new("PET_20_STEP", "1.2.840.10008.1.5.4",
            [0, 1, 0, 1, 12, 0, 0, 1, 96, 1, 12, 96, 0, 1, 48, 1, 24, 48, 0, 1, 80, 1, 12, 80, 0, 1, 96, 1, 12, 96, 0, 1, 112, 1, 12, 112, 0, 1, 128, 1, 11, 128, 0, 1, 48, 1, 25, 48, 0, 1, 80, 1, 12, 80, 0, 1, 64, 1, 11, 64, 0, 1, 224, 1, 12, 224, 0, 1, 208, 1, 37, 208, 0, 1, 192, 1, 12, 192, 0, 1, 176, 1, 12, 176, 0, 1, 255, 1, 25, 255],
            [0, 1, 0, 1, 25, 0, 0, 1, 48, 1, 24, 48, 0, 1, 80, 1, 12, 80, 0, 1, 96, 1, 12, 96, 0, 1, 112, 1, 12, 112, 0, 1, 128, 1, 11, 128, 0, 1, 96, 1, 12, 96, 0, 1, 144, 1, 12, 144, 0, 1, 192, 1, 12, 192, 0, 1, 224, 1, 24, 224, 0, 1, 208, 1, 12, 208, 0, 1, 176, 1, 12, 176, 0, 1, 144, 1, 11, 144, 0, 1, 96, 1, 12, 96, 0, 1, 48, 1, 12, 48, 0, 1, 0, 1, 12, 0, 0, 1, 255, 1, 12, 255],
            [0, 1, 0, 1, 12, 0, 0, 1, 80, 1, 25, 80, 0, 1, 112, 1, 11, 112, 0, 1, 128, 1, 12, 128, 0, 1, 176, 1, 12, 176, 0, 1, 192, 1, 12, 192, 0, 1, 224, 1, 11, 224, 0, 1, 48, 1, 25, 48, 0, 1, 80, 1, 12, 80, 0, 1, 64, 1, 11, 64, 0, 1, 80, 1, 12, 80, 0, 1, 96, 1, 12, 96, 0, 1, 64, 1, 12, 64, 0, 1, 0, 1, 50, 0, 0, 1, 255, 1, 12, 255]),
        new("SPRING", "1.2.840.10008.1.5.5",
            [0, 1, 255, 1, 255, 255],
            [0, 1, 0, 1, 255, 255],
            [0, 1, 255, 1, 255, 0]),
        new("SUMMER", "1.2.840.10008.1.5.6",
            [0, 1, 0, 1, 255, 0],
            [0, 1, 255, 1, 255, 128],
            [0, 1, 0, 1, 127, 0, 1, 128, 254, 0]),
        new("FALL", "1.2.840.10008.1.5.7",
            [0, 1, 255, 1, 255, 255],
            [0, 1, 255, 1, 255, 0],
            [0, 1, 0, 1, 255, 0]),
        new("WINTER", "1.2.840.10008.1.5.8",
            [0, 1, 0, 1, 127, 0, 1, 128, 127, 0],
            [0, 1, 0, 1, 255, 255],
            [0, 1, 255, 1, 255, 128]),
    ];

    /// <summary>The palette names (Content Label values) in PS3.6 order.</summary>
    public static IReadOnlyList<string> Names { get; } = s_definitions.Select(d => d.Name).ToArray();

    /// <summary>The well-known SOP Instance UID of a palette name, or null.</summary>
    public static string? SopInstanceUid(string name)
        => s_definitions.FirstOrDefault(d => string.Equals(d.Name, name, StringComparison.OrdinalIgnoreCase))?.SopInstanceUid;

    /// <summary>
    /// The palette named <paramref name="nameOrUid"/> (e.g. <c>HOT_IRON</c>, case-insensitive) or with that SOP
    /// Instance UID (e.g. <c>1.2.840.10008.1.5.1</c>). Note: pydicom 2.3.1 maps the names FALL and WINTER to each
    /// other's UIDs; PixelGen follows PS3.6 (FALL is 1.2.840.10008.1.5.7).
    /// </summary>
    /// <exception cref="ArgumentException">Unknown palette.</exception>
    public static PaletteColorLut Get(string nameOrUid)
    {
        ArgumentNullException.ThrowIfNull(nameOrUid);
        var key = nameOrUid.Trim();
        var d = s_definitions.FirstOrDefault(x => x.SopInstanceUid == key || string.Equals(x.Name, key, StringComparison.OrdinalIgnoreCase))
            ?? throw new ArgumentException($"Unknown well-known palette '{nameOrUid}' (one of {string.Join(", ", Names)} or their SOP Instance UIDs)", nameof(nameOrUid));
        return new PaletteColorLut([SegmentedLut.Expand(d.Red, true), SegmentedLut.Expand(d.Green, true), SegmentedLut.Expand(d.Blue, true)], 0, 8);
    }
}
