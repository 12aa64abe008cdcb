using PixelGen.Codecs.Rle;
using PixelGen.Dicom;
using PixelGen.Pixels;

namespace PixelGen.Codecs;

/// <summary>Registers PixelGen's own codecs with <see cref="FrameDecoders"/>. Each codec adds one line to <see cref="RegisterAll"/>.</summary>
internal static class BuiltInCodecs
{
    private static readonly Lock s_lock = new();
    private static volatile bool s_registered;

    /// <summary>Registers every built-in codec once; later calls do nothing. Thread-safe.</summary>
    internal static void EnsureRegistered()
    {
        if (s_registered) return;
        lock (s_lock)
        {
            if (s_registered) return;
            RegisterAll();
            s_registered = true;
        }
    }

    private static void RegisterAll()
    {
        FrameDecoders.RegisterCodec(TransferSyntax.RleLossless.Uid, RleDecoder.Instance);
        Jpeg.JpegCodecs.Register();
    }
}
