using System.Globalization;
using PixelGen.Dicom;
using PixelGen.Layout;

namespace PixelGen.Writing;

/// <summary>
/// The check the writer runs before writing: do the Image Pixel attributes, the transfer syntax and the pixel data
/// agree? Each problem names the stale attribute and the value the pixel data implies.
/// </summary>
public static class PixelConsistency
{
    private static readonly DicomTag[] s_pixelTags = [DicomTags.PixelData, DicomTags.FloatPixelData, DicomTags.DoubleFloatPixelData];

    /// <summary>Throws <see cref="PixelConsistencyException"/> listing every problem, when there is at least one.</summary>
    public static void Ensure(DicomDataset dataset, TransferSyntax transferSyntax)
    {
        var problems = Find(dataset, transferSyntax);
        if (problems.Count > 0) throw new PixelConsistencyException(problems);
    }

    /// <summary>Every disagreement between the top-level pixel data, the Image Pixel attributes and <paramref name="transferSyntax"/> (empty when consistent or when there is no pixel data).</summary>
    public static IReadOnlyList<PixelConsistencyProblem> Find(DicomDataset dataset, TransferSyntax transferSyntax)
    {
        ArgumentNullException.ThrowIfNull(dataset);
        ArgumentNullException.ThrowIfNull(transferSyntax);
        var problems = new List<PixelConsistencyProblem>();
        var pixelTags = s_pixelTags.Where(dataset.Contains).ToArray();
        if (pixelTags.Length == 0) return problems;
        if (pixelTags.Length > 1)
            problems.Add(new("PixelData", string.Join(", ", pixelTags.Select(t => t.ToString())), "one pixel data element",
                $"The data set holds {pixelTags.Length} pixel data elements ({string.Join(", ", pixelTags.Select(t => t.ToString()))}); keep exactly one"));
        var tag = pixelTags[0];
        var element = dataset[tag]!;
        var kind = tag == DicomTags.FloatPixelData ? PixelDataKind.Float : tag == DicomTags.DoubleFloatPixelData ? PixelDataKind.Double : PixelDataKind.Integer;
        var content = (dataset as MutableDicomDataset)?.GetPixelDataContent(tag);
        bool encapsulated = content?.IsEncapsulated ?? element.IsUndefinedLength;

        int? rows = Int(dataset, DicomTags.Rows, "Rows", problems);
        int? columns = Int(dataset, DicomTags.Columns, "Columns", problems);
        int? samples = Int(dataset, DicomTags.SamplesPerPixel, "SamplesPerPixel", problems);
        int? bitsAllocated = Int(dataset, DicomTags.BitsAllocated, "BitsAllocated", problems);
        int? bitsStored = Int(dataset, DicomTags.BitsStored, "BitsStored", problems);
        int? highBit = Int(dataset, DicomTags.HighBit, "HighBit", problems);
        int? pixelRep = Int(dataset, DicomTags.PixelRepresentation, "PixelRepresentation", problems);
        int? planar = Int(dataset, DicomTags.PlanarConfiguration, "PlanarConfiguration", problems);
        int? framesAttr = Int(dataset, DicomTags.NumberOfFrames, "NumberOfFrames", problems);
        string? photometric = dataset.GetString(DicomTags.PhotometricInterpretation);

        Require(rows, "Rows", problems);
        Require(columns, "Columns", problems);
        Require(samples, "SamplesPerPixel", problems);
        Require(bitsAllocated, "BitsAllocated", problems);
        if (photometric is null) problems.Add(new("PhotometricInterpretation", "absent", "present", "PhotometricInterpretation is absent but pixel data needs it"));
        if (kind == PixelDataKind.Integer)
        {
            Require(bitsStored, "BitsStored", problems);
            Require(highBit, "HighBit", problems);
            Require(pixelRep, "PixelRepresentation", problems);
        }

        // The transfer syntax must match the form of the data.
        if (transferSyntax.IsEncapsulated && !encapsulated)
            problems.Add(new("TransferSyntaxUID", transferSyntax.Uid, "a native transfer syntax (e.g. 1.2.840.10008.1.2.1)",
                $"TransferSyntaxUID is {transferSyntax.Uid} ({transferSyntax.Name}, encapsulated) but the pixel data is native: expected a native transfer syntax such as 1.2.840.10008.1.2.1"));
        if (!transferSyntax.IsEncapsulated && encapsulated)
            problems.Add(new("TransferSyntaxUID", transferSyntax.Uid, "an encapsulated transfer syntax",
                $"TransferSyntaxUID is {transferSyntax.Uid} ({transferSyntax.Name}, native) but the pixel data is encapsulated: expected the transfer syntax the frames were compressed with"));
        if (kind != PixelDataKind.Integer && encapsulated)
            problems.Add(new(kind == PixelDataKind.Float ? "FloatPixelData" : "DoubleFloatPixelData", "encapsulated", "native",
                $"{(kind == PixelDataKind.Float ? "FloatPixelData" : "DoubleFloatPixelData")} cannot be encapsulated"));

        if (bitsAllocated is int ba)
        {
            int expectedBa = kind switch { PixelDataKind.Float => 32, PixelDataKind.Double => 64, _ => 0 };
            if (expectedBa != 0 && ba != expectedBa)
                problems.Add(new("BitsAllocated", S(ba), S(expectedBa), $"BitsAllocated is {ba} but {tag} holds {expectedBa}-bit floats: expected {expectedBa}"));
            else if (ba is not (1 or 8 or 16 or 32 or 64))
                problems.Add(new("BitsAllocated", S(ba), "1, 8, 16, 32 or 64", $"BitsAllocated is {ba}: expected 1, 8, 16, 32 or 64"));
            if (kind == PixelDataKind.Integer && bitsStored is int bs)
            {
                if (bs < 1 || bs > ba)
                    problems.Add(new("BitsStored", S(bs), $"1..{ba}", $"BitsStored is {bs} but BitsAllocated is {ba}: expected at most {ba}"));
                else if (highBit is int hb && hb != bs - 1 && (hb < bs - 1 || hb >= ba))
                    problems.Add(new("HighBit", S(hb), S(bs - 1), $"HighBit is {hb} but BitsStored is {bs}: expected {bs - 1}"));
            }
            if (ba == 1 && (samples is > 1 || pixelRep == 1))
                problems.Add(new("BitsAllocated", "1", "8 or more", "BitsAllocated is 1 but 1-bit pixel data must be unsigned with one sample"));
        }
        if (pixelRep is int pr && pr is not (0 or 1))
            problems.Add(new("PixelRepresentation", S(pr), "0 or 1", $"PixelRepresentation is {pr}: expected 0 (unsigned) or 1 (signed)"));
        if (samples is int spp && spp is not (1 or 3 or 4))
            problems.Add(new("SamplesPerPixel", S(spp), "1 or 3", $"SamplesPerPixel is {spp}: expected 1 or 3"));
        if (samples is 1 && planar is not null)
            problems.Add(new("PlanarConfiguration", S(planar.Value), "absent", $"PlanarConfiguration is {planar} but SamplesPerPixel is 1: expected PlanarConfiguration to be absent"));
        if (samples is > 1 && planar is null)
            problems.Add(new("PlanarConfiguration", "absent", "0", $"PlanarConfiguration is absent but SamplesPerPixel is {samples}: expected 0 (or 1)"));
        if (samples is > 1 && planar is int pc && pc is not (0 or 1))
            problems.Add(new("PlanarConfiguration", S(pc), "0 or 1", $"PlanarConfiguration is {pc}: expected 0 or 1"));
        if (photometric is not null && samples is int sp)
        {
            string? expected = ExpectedPhotometricFor(photometric, sp);
            if (expected is not null)
                problems.Add(new("PhotometricInterpretation", photometric, expected, $"PhotometricInterpretation is {photometric} but SamplesPerPixel is {sp}: expected {expected}"));
            if (!encapsulated && photometric is "YBR_PARTIAL_420" or "YBR_ICT" or "YBR_RCT")
                problems.Add(new("PhotometricInterpretation", photometric, "RGB or YBR_FULL", $"PhotometricInterpretation is {photometric}, which only compressed pixel data may have, but the pixel data is native: expected RGB or YBR_FULL"));
            if (!encapsulated && photometric == "YBR_FULL_422" && columns is int c422 && c422 % 2 == 1)
                problems.Add(new("Columns", S(c422), "an even number", $"Columns is {c422} but YBR_FULL_422 pixel data needs an even number of columns"));
        }
        if (framesAttr is int nf && nf < 1)
            problems.Add(new("NumberOfFrames", S(nf), "1 or more", $"NumberOfFrames is {nf}: expected 1 or more"));

        int frames = framesAttr is int f && f >= 1 ? f : 1;
        if (encapsulated)
        {
            int? actualFrames = content?.FrameCount;
            if (actualFrames is int af && af != frames)
                problems.Add(new("NumberOfFrames", framesAttr is null ? "absent" : S(frames), S(af),
                    $"NumberOfFrames is {(framesAttr is null ? "absent (1)" : S(frames))} but the pixel data holds {af} frames"));
            if (content is null && element.Source is not null)
            {
                var scan = EncapsulatedScanner.Scan(element);
                if (scan.Fragments < frames)
                    problems.Add(new("NumberOfFrames", S(frames), $"at most {scan.Fragments}",
                        $"NumberOfFrames is {frames} but the encapsulated pixel data holds only {scan.Fragments} fragments"));
                if (scan.OffsetTableEntries > 0 && scan.OffsetTableEntries != frames)
                    problems.Add(new("NumberOfFrames", S(frames), S(scan.OffsetTableEntries),
                        $"NumberOfFrames is {frames} but the Basic Offset Table lists {scan.OffsetTableEntries} frames"));
            }
        }
        else if (rows is > 0 && columns is > 0 && samples is int s && s >= 1 && bitsAllocated is int b && b >= 1)
        {
            long actual = content?.NativeLength ?? element.Length;
            bool ybr422 = s == 3 && photometric == "YBR_FULL_422";
            NativeLengthProblems(actual, rows.Value, columns.Value, s, b, frames, framesAttr is null, ybr422, problems);
        }
        return problems;
    }

    private static void NativeLengthProblems(long actual, int rows, int columns, int samples, int bits, int frames, bool framesAbsent, bool ybr422, List<PixelConsistencyProblem> problems)
    {
        long frameBits = PixelLayoutRules.NativeFrameBits(rows, columns, samples, bits, ybr422);
        long expected = (frameBits * frames + 7) / 8;
        if (Fits(actual, expected)) return;

        string detail = $" ({actual} bytes of pixel data; {rows} × {columns} × {samples} sample(s) × {bits} bits × {frames} frame(s) needs {expected}{(expected % 2 == 1 ? $" or {expected + 1} with the pad byte" : "")})";
        var found = new List<PixelConsistencyProblem>();
        long storedPerPixel = ybr422 ? 2 : samples;
        long bitsAvailable = actual * 8;

        // Number of Frames: the data holds a whole number of frames of the declared size.
        long wholeFrames = frameBits > 0 ? bitsAvailable / frameBits : 0;
        bool framesFit = wholeFrames >= 1 && wholeFrames != frames && wholeFrames <= int.MaxValue && Fits(actual, (wholeFrames * frameBits + 7) / 8);
        if (framesFit && actual > expected)
            found.Add(new("NumberOfFrames", framesAbsent ? "absent (1)" : S(frames), S(wholeFrames), $"NumberOfFrames is {(framesAbsent ? "absent (1)" : S(frames))} but the pixel data holds {wholeFrames} frames"));
        else if (TryPixelsPerFrame(actual, storedPerPixel * bits * frames, out long pixels))
        {
            // Same aspect ratio scaled (e.g. 512×512 shrunk to 256×256), else one dimension changed.
            if (TryScale(rows, columns, pixels, out long r2, out long c2))
            {
                if (r2 != rows) found.Add(new("Rows", S(rows), S(r2), $"Rows is {rows} but the pixel data holds {r2} rows"));
                if (c2 != columns) found.Add(new("Columns", S(columns), S(c2), $"Columns is {columns} but the pixel data holds {c2} columns"));
            }
            else if (pixels % columns == 0)
                found.Add(new("Rows", S(rows), S(pixels / columns), $"Rows is {rows} but the pixel data holds {pixels / columns} rows of {columns} columns"));
            else if (pixels % rows == 0)
                found.Add(new("Columns", S(columns), S(pixels / rows), $"Columns is {columns} but the pixel data holds {pixels / rows} columns in {rows} rows"));
        }
        if (found.Count == 0 && framesFit)
            found.Add(new("NumberOfFrames", framesAbsent ? "absent (1)" : S(frames), S(wholeFrames), $"NumberOfFrames is {(framesAbsent ? "absent (1)" : S(frames))} but the pixel data holds {wholeFrames} frames"));
        if (found.Count == 0)
        {
            foreach (int otherBits in new[] { 8, 16, 32, 64 })
            {
                if (otherBits == bits) continue;
                long e = (PixelLayoutRules.NativeFrameBits(rows, columns, samples, otherBits, ybr422) * frames + 7) / 8;
                if (Fits(actual, e)) { found.Add(new("BitsAllocated", S(bits), S(otherBits), $"BitsAllocated is {bits} but the pixel data holds {otherBits}-bit samples")); break; }
            }
        }
        if (found.Count == 0)
        {
            foreach (int otherSamples in new[] { 1, 3, 4 })
            {
                if (otherSamples == samples) continue;
                long e = (PixelLayoutRules.NativeFrameBits(rows, columns, otherSamples, bits, false) * frames + 7) / 8;
                if (Fits(actual, e)) { found.Add(new("SamplesPerPixel", S(samples), S(otherSamples), $"SamplesPerPixel is {samples} but the pixel data holds {otherSamples} samples per pixel")); break; }
            }
        }
        if (found.Count == 0)
            found.Add(new("Rows, Columns, SamplesPerPixel, BitsAllocated, NumberOfFrames", $"{rows}, {columns}, {samples}, {bits}, {frames}",
                $"values whose product is {actual * 8} bits",
                $"Rows, Columns, SamplesPerPixel, BitsAllocated and NumberOfFrames do not match the pixel data length{(actual > expected ? " (or the value has excess padding)" : " (the value is truncated)")}"));
        found[0] = found[0] with { Message = found[0].Message + detail };
        problems.AddRange(found);
    }

    private static bool Fits(long actual, long expected) => actual == expected || (expected % 2 == 1 && actual == expected + 1);

    private static bool TryPixelsPerFrame(long actualBytes, long bitsPerPixelAllFrames, out long pixels)
    {
        pixels = 0;
        if (bitsPerPixelAllFrames <= 0) return false;
        foreach (long bytes in new[] { actualBytes, actualBytes - 1 })
        {
            if (bytes <= 0) continue;
            if (bytes * 8 % bitsPerPixelAllFrames == 0) { pixels = bytes * 8 / bitsPerPixelAllFrames; return pixels > 0; }
        }
        return false;
    }

    private static bool TryScale(int rows, int columns, long pixels, out long r2, out long c2)
    {
        // pixels = (rows·k)(columns·k) with k rational: find k = p/q by reducing rows:columns.
        long g = Gcd(rows, columns);
        long rr = rows / g, cc = columns / g;
        double t = Math.Sqrt((double)pixels / (rr * cc));
        long m = (long)Math.Round(t);
        r2 = rr * m;
        c2 = cc * m;
        return m > 0 && r2 * c2 == pixels && r2 <= ushort.MaxValue && c2 <= ushort.MaxValue;
    }

    private static long Gcd(long a, long b) { while (b != 0) (a, b) = (b, a % b); return a; }

    private static string? ExpectedPhotometricFor(string photometric, int samples)
    {
        int needed = photometric switch
        {
            "MONOCHROME1" or "MONOCHROME2" or "PALETTE COLOR" => 1,
            "RGB" or "YBR_FULL" or "YBR_FULL_422" or "YBR_PARTIAL_420" or "YBR_PARTIAL_422" or "YBR_ICT" or "YBR_RCT" or "HSV" => 3,
            "ARGB" or "CMYK" => 4,
            _ => samples,
        };
        if (needed == samples) return null;
        return samples switch { 1 => "MONOCHROME2 (or MONOCHROME1, PALETTE COLOR)", 3 => "RGB (or YBR_FULL)", _ => "a value for 4 samples" };
    }

    private static int? Int(DicomDataset ds, DicomTag tag, string name, List<PixelConsistencyProblem> problems)
    {
        try { return ds.GetInt(tag); }
        catch (DicomFormatException ex)
        {
            problems.Add(new(name, "not an integer", "an integer", $"{name} is not an integer: {ex.Message}"));
            return null;
        }
    }

    private static void Require(int? value, string name, List<PixelConsistencyProblem> problems)
    {
        if (value is null && !problems.Any(p => p.Attribute == name))
            problems.Add(new(name, "absent", "present", $"{name} is absent but pixel data needs it"));
    }

    private static string S(long v) => v.ToString(CultureInfo.InvariantCulture);
}
