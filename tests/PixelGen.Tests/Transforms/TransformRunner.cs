using System.Text.Json;
using PixelGen.Dicom;
using PixelGen.Layout;
using PixelGen.Transforms;

namespace PixelGen.Tests.Transforms;

/// <summary>Runs a corpus transform id through <see cref="TransformPipeline"/> on the reference's decoded input.</summary>
internal static class TransformRunner
{
    public readonly record struct Result(string Dtype, byte[] Bytes);

    public static Result Run(string file, string id, byte[] input, JsonElement reference)
    {
        var layout = TestDatasets.LayoutOf(reference);
        var dataset = DatasetFor(file, reference);
        var pipeline = TransformPipeline.Create(id.Split('@')[0], dataset, layout);
        var output = new byte[input.Length / layout.DecodedFrameLength * pipeline.OutputFrameLength];
        int written = pipeline.Apply(input, output);
        Assert.Equal(output.Length, written);
        return new Result(PixelLayoutRules.NumpyName(pipeline.OutputLayout.ElementType), output);
    }

    /// <summary>True when the entry's data set can be rebuilt without the file (no LUT data needed).</summary>
    public static bool CanBuild(JsonElement entry)
        => !(entry.TryGetProperty("parameters", out var p) && (p.TryGetProperty("lut_descriptor", out _) || p.TryGetProperty("modality_lut_descriptor", out _) || p.TryGetProperty("voi_lut_descriptor", out _)));

    /// <summary>
    /// The data set the transform is built from. Until the Part 10 parser is available this is rebuilt from the
    /// reference's recorded image attributes and transform parameters (rescale and window only).
    /// </summary>
    public static DicomDataset DatasetFor(string file, JsonElement reference)
    {
        var elements = new List<DicomElement>
        {
            TestDatasets.Us(DicomTags.BitsStored, reference.GetProperty("bits_stored").GetInt32()),
            TestDatasets.Us(DicomTags.PixelRepresentation, reference.GetProperty("pixel_representation").GetInt32()),
            TestDatasets.Text(DicomTags.PhotometricInterpretation, DicomVR.CS, reference.GetProperty("photometric_interpretation").GetString()!),
        };
        foreach (var t in reference.GetProperty("transforms").EnumerateArray())
        {
            if (!t.TryGetProperty("parameters", out var p)) continue;
            if (p.TryGetProperty("rescale_slope", out var slope))
            {
                elements.Add(TestDatasets.Ds(DicomTags.RescaleSlope, slope.GetDouble()));
                elements.Add(TestDatasets.Ds(DicomTags.RescaleIntercept, p.GetProperty("rescale_intercept").GetDouble()));
            }
            if (p.TryGetProperty("window_center", out var c))
            {
                elements.Add(TestDatasets.Ds(DicomTags.WindowCenter, c.GetDouble()));
                elements.Add(TestDatasets.Ds(DicomTags.WindowWidth, p.GetProperty("window_width").GetDouble()));
            }
            if (p.TryGetProperty("lut_descriptor", out _) || p.TryGetProperty("modality_lut_descriptor", out _) || p.TryGetProperty("voi_lut_descriptor", out _))
                throw new InvalidOperationException($"{file}: LUT data is only in the file; this test needs the Part 10 parser");
        }
        return new DicomDataset(elements);
    }
}
