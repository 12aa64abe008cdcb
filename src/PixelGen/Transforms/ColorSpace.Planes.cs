using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace PixelGen.Transforms;

// De-interleaving 48 bytes of 3-sample pixels into three planes (and back) with pshufb, for 1- or 2-byte samples:
// 16 pixels of bytes or 8 pixels of 16-bit samples per step.
public static partial class ColorSpace
{
    private static readonly Vector128<byte>[] s_split8 = BuildSplit(1), s_merge8 = BuildMerge(1);
    private static readonly Vector128<byte>[] s_split16 = BuildSplit(2), s_merge16 = BuildMerge(2);

    // Mask 3c + v: the bytes of plane c that source vector v holds.
    private static Vector128<byte>[] BuildSplit(int sampleBytes) => BuildMasks((c, v, j) =>
    {
        int at = sampleBytes * (3 * (j / sampleBytes) + c) + j % sampleBytes;
        return at / 16 == v ? at % 16 : 0x80;
    });

    // Mask 3k + c: the bytes of output vector k that plane c supplies.
    private static Vector128<byte>[] BuildMerge(int sampleBytes) => BuildMasks((k, c, j) =>
    {
        int g = 16 * k + j, sample = g / sampleBytes;
        return sample % 3 == c ? sampleBytes * (sample / 3) + g % sampleBytes : 0x80;
    });

    private static Vector128<byte>[] BuildMasks(Func<int, int, int, int> source)
    {
        var masks = new Vector128<byte>[9];
        Span<byte> m = stackalloc byte[16];
        for (int outer = 0; outer < 3; outer++)
            for (int inner = 0; inner < 3; inner++)
            {
                for (int j = 0; j < 16; j++) m[j] = (byte)source(outer, inner, j);
                masks[3 * outer + inner] = Vector128.Create<byte>(m);
            }
        return masks;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void SplitPlanes(ref byte at, Vector128<byte>[] m, out Vector128<byte> a, out Vector128<byte> b, out Vector128<byte> c)
    {
        var v0 = Vector128.LoadUnsafe(ref at);
        var v1 = Vector128.LoadUnsafe(ref at, 16);
        var v2 = Vector128.LoadUnsafe(ref at, 32);
        a = Ssse3.Shuffle(v0, m[0]) | Ssse3.Shuffle(v1, m[1]) | Ssse3.Shuffle(v2, m[2]);
        b = Ssse3.Shuffle(v0, m[3]) | Ssse3.Shuffle(v1, m[4]) | Ssse3.Shuffle(v2, m[5]);
        c = Ssse3.Shuffle(v0, m[6]) | Ssse3.Shuffle(v1, m[7]) | Ssse3.Shuffle(v2, m[8]);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void MergePlanes(Vector128<byte>[] m, Vector128<byte> a, Vector128<byte> b, Vector128<byte> c, ref byte at)
    {
        (Ssse3.Shuffle(a, m[0]) | Ssse3.Shuffle(b, m[1]) | Ssse3.Shuffle(c, m[2])).StoreUnsafe(ref at);
        (Ssse3.Shuffle(a, m[3]) | Ssse3.Shuffle(b, m[4]) | Ssse3.Shuffle(c, m[5])).StoreUnsafe(ref at, 16);
        (Ssse3.Shuffle(a, m[6]) | Ssse3.Shuffle(b, m[7]) | Ssse3.Shuffle(c, m[8])).StoreUnsafe(ref at, 32);
    }
}
