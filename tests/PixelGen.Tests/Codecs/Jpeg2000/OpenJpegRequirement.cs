using PixelGen.Codecs.Jpeg2000;
using PixelGen.Tests.Support;

namespace PixelGen.Tests.Codecs.Jpeg2000;

/// <summary>
/// JPEG 2000 tests need the system's OpenJPEG. Where it is absent they are skipped with the reason shown;
/// under CI (which installs libopenjp2-7) a missing library fails the test instead.
/// </summary>
internal static class OpenJpegRequirement
{
    public static void Ensure()
    {
        if (Jpeg2000Codec.IsAvailable) return;
        var reason = Jpeg2000Codec.UnavailableReason ?? "OpenJPEG is not available";
        if (Corpus.IsCi) Assert.Fail($"CI must exercise JPEG 2000 decoding, but: {reason}");
        Skip.If(true, reason);
    }
}
