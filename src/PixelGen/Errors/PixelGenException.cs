namespace PixelGen;

/// <summary>
/// Base type of every exception PixelGen throws on bad input or misuse of its data model.
/// Catch this one type to handle all of PixelGen's own failures.
/// </summary>
public class PixelGenException : Exception
{
    /// <summary>Creates an exception with a message.</summary>
    public PixelGenException(string message) : base(message) { }

    /// <summary>Creates an exception with a message and the exception that caused it.</summary>
    public PixelGenException(string message, Exception? innerException) : base(message, innerException) { }
}

/// <summary>The bytes are not a DICOM data set we can read: truncated, inconsistent lengths, bad tags.</summary>
public class DicomFormatException : PixelGenException
{
    /// <summary>Creates the exception; the message gets the offset appended.</summary>
    /// <param name="message">What is wrong.</param>
    /// <param name="offset">Byte offset in the file (or in the inflated data set of a deflated file) where it was found.</param>
    /// <param name="innerException">Optional cause.</param>
    public DicomFormatException(string message, long offset, Exception? innerException = null)
        : base($"{message} (at byte offset {offset})", innerException)
    {
        Offset = offset;
    }

    /// <summary>Byte offset where the problem was found.</summary>
    public long Offset { get; }
}

/// <summary>Pixel data cannot be read or decoded: frame out of range, too short, corrupt codestream, bad layout.</summary>
public class PixelDataException : PixelGenException
{
    /// <summary>Creates the exception; frame index and offset, when known, are appended to the message.</summary>
    /// <param name="message">What is wrong.</param>
    /// <param name="frameIndex">Zero-based frame index, or null when not about one frame.</param>
    /// <param name="offset">Byte offset (in the file, or within the frame's bytes when stated in the message), or null.</param>
    /// <param name="innerException">Optional cause.</param>
    public PixelDataException(string message, int? frameIndex = null, long? offset = null, Exception? innerException = null)
        : base(Compose(message, frameIndex, offset), innerException)
    {
        FrameIndex = frameIndex;
        Offset = offset;
    }

    /// <summary>Zero-based index of the frame concerned, when known.</summary>
    public int? FrameIndex { get; }

    /// <summary>Byte offset where the problem was found, when known.</summary>
    public long? Offset { get; }

    private static string Compose(string message, int? frameIndex, long? offset)
    {
        if (frameIndex is null && offset is null) return message;
        var parts = new List<string>(2);
        if (frameIndex is int f) parts.Add($"frame {f}");
        if (offset is long o) parts.Add($"byte offset {o}");
        return $"{message} ({string.Join(", ", parts)})";
    }
}

/// <summary>A codec needed for a transfer syntax is not available on this machine (e.g. a native library is missing).</summary>
public class CodecUnavailableException : PixelDataException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="message">What is missing and how to install it.</param>
    /// <param name="frameIndex">The frame being decoded, when known.</param>
    public CodecUnavailableException(string message, int? frameIndex = null) : base(message, frameIndex) { }
}
