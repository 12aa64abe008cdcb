namespace PixelGen.Frames;

/// <summary>Re-aligns bit-packed (1-bit) frames that do not start on a byte boundary.</summary>
internal static class BitPacking
{
    /// <summary>
    /// Shifts <paramref name="frame"/> (read from the byte holding the frame's first bit) down by
    /// <paramref name="shift"/> bits so the first pixel is bit 0 of byte 0 (DICOM's LSB-first order);
    /// <paramref name="next"/> is the byte after the span; bits past <paramref name="frameBits"/> become zero.
    /// </summary>
    public static void AlignToBitZero(Span<byte> frame, int shift, byte next, long frameBits)
    {
        if (shift != 0)
        {
            int last = frame.Length - 1;
            for (int j = 0; j < last; j++)
                frame[j] = (byte)((frame[j] >> shift) | (frame[j + 1] << (8 - shift)));
            frame[last] = (byte)((frame[last] >> shift) | (next << (8 - shift)));
        }
        int rem = (int)(frameBits & 7);
        if (rem != 0 && frame.Length > 0) frame[^1] &= (byte)((1 << rem) - 1);
    }
}
