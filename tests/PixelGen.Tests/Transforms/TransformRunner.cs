using System.Text.Json;
using PixelGen.Frames;
using PixelGen.Layout;
using PixelGen.Tests.Support;
using PixelGen.Transforms;

namespace PixelGen.Tests.Transforms;

/// <summary>
/// Runs a corpus transform id the real way: the file is parsed, the transform chain is built from its data set by
/// the factories (<see cref="TransformPipeline.Create"/>), and applied to the reference's decoded input.
/// </summary>
internal static class TransformRunner
{
    public readonly record struct Result(string Dtype, byte[] Bytes);

    public static Result Run(string file, string id, byte[] input, JsonElement reference)
    {
        // Deferred LUT data (over 64 KiB, e.g. gdcm-US-ALOKA-16's segmented palette) is read from the open file.
        using var reader = FrameReader.Open(Corpus.FilePath(file));
        var dataset = reader.Dataset ?? throw new InvalidOperationException($"{file}: no data set");
        var layout = reader.Layout;
        Assert.Equal(TestDatasets.LayoutOf(reference).DecodedFrameLength, layout.DecodedFrameLength);
        var pipeline = TransformPipeline.Create(id.Split('@')[0], dataset, layout);
        var output = new byte[input.Length / layout.DecodedFrameLength * pipeline.OutputFrameLength];
        int written = pipeline.Apply(input, output);
        Assert.Equal(output.Length, written);
        return new Result(PixelLayoutRules.NumpyName(pipeline.OutputLayout.ElementType), output);
    }
}
