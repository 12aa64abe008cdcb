using System.Collections;

namespace PixelGen.Frames;

/// <summary>
/// The frame table of native pixel data, computed on demand rather than stored: opening a file with
/// 100,000 frames allocates nothing per frame. Serialises like any list.
/// </summary>
internal sealed class NativeFrameList(long valueOffset, long frameLength, long frameBits, int count, bool bitPacked) : IReadOnlyList<FrameEntry>
{
    public long ValueOffset { get; } = valueOffset;
    public long FrameLength { get; } = frameLength;
    public long FrameBits { get; } = frameBits;
    public bool BitPacked { get; } = bitPacked;
    public int Count { get; } = count;

    /// <summary>Offset of frame <paramref name="index"/>'s first byte (1-bit: of the byte holding its first bit).</summary>
    public long OffsetOf(int index) => BitPacked ? ValueOffset + FrameBits * index / 8 : ValueOffset + FrameLength * index;

    public FrameEntry this[int index]
    {
        get
        {
            ArgumentOutOfRangeException.ThrowIfNegative(index);
            ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(index, Count);
            return new FrameEntry { Index = index, Offset = OffsetOf(index), Length = FrameLength, BitOffset = BitPacked ? FrameBits * index : null };
        }
    }

    public IEnumerator<FrameEntry> GetEnumerator()
    {
        for (int i = 0; i < Count; i++) yield return this[i];
    }

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}
