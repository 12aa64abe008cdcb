using System.Text.Json.Serialization;

namespace PixelGen.Frames;

/// <summary>Source-generated System.Text.Json metadata for <see cref="FrameInfo"/> (snake_case, nulls omitted).</summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(FrameInfo))]
public sealed partial class FrameInfoJsonContext : JsonSerializerContext
{
    private static FrameInfoJsonContext? s_indented;

    /// <summary>The same context writing indented JSON.</summary>
    public static FrameInfoJsonContext Indented => s_indented ??= new FrameInfoJsonContext(
        new System.Text.Json.JsonSerializerOptions(Default.Options) { WriteIndented = true });
}
