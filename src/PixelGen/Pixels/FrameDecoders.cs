using System.Collections.Immutable;
using PixelGen.Dicom;

namespace PixelGen.Pixels;

/// <summary>
/// Registry of frame decoders: generated decoders for native layouts (presets and those a consumer's assembly
/// declares, registered by a generated module initializer) and codecs keyed by transfer syntax UID.
/// Safe to use from many threads.
/// </summary>
public static class FrameDecoders
{
    private static ImmutableArray<IFrameDecoder> s_native = ImmutableArray<IFrameDecoder>.Empty;
    private static ImmutableDictionary<string, ImmutableArray<IFrameDecoder>> s_codecs =
        ImmutableDictionary.Create<string, ImmutableArray<IFrameDecoder>>(StringComparer.Ordinal);

    /// <summary>Registers a decoder for native (uncompressed) frames; later registrations win over earlier ones.</summary>
    public static void RegisterNative(IFrameDecoder decoder)
    {
        ArgumentNullException.ThrowIfNull(decoder);
        ImmutableInterlocked.Update(ref s_native, static (list, d) => list.Contains(d) ? list : list.Insert(0, d), decoder);
    }

    /// <summary>Registers a codec for an encapsulated transfer syntax; later registrations win over earlier ones.</summary>
    public static void RegisterCodec(string transferSyntaxUid, IFrameDecoder codec)
    {
        ArgumentNullException.ThrowIfNull(codec);
        ImmutableInterlocked.AddOrUpdate(ref s_codecs, transferSyntaxUid,
            _ => [codec],
            (_, list) => list.Contains(codec) ? list : list.Insert(0, codec));
    }

    /// <summary>Registered native-layout decoders, most recent first.</summary>
    public static IReadOnlyList<IFrameDecoder> NativeDecoders => s_native;

    /// <summary>Registered codecs for a transfer syntax, most recent first.</summary>
    public static IReadOnlyList<IFrameDecoder> CodecsFor(string transferSyntaxUid)
        => s_codecs.TryGetValue(transferSyntaxUid, out var list) ? list : [];

    /// <summary>
    /// The registered decoder for frames of <paramref name="layout"/> under <paramref name="transferSyntax"/>,
    /// or null when none is registered (callers then use the runtime decoder for native data).
    /// </summary>
    public static IFrameDecoder? Find(TransferSyntax transferSyntax, FrameLayout layout)
    {
        var candidates = transferSyntax.IsEncapsulated ? CodecsFor(transferSyntax.Uid) : NativeDecoders;
        foreach (var d in candidates)
            if (d.CanDecode(layout)) return d;
        return null;
    }
}
