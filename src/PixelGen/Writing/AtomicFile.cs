namespace PixelGen.Writing;

/// <summary>
/// Replaces a file without ever leaving it half written: the content goes to a temporary file in the same folder,
/// is flushed to disk, then renamed over the target. On any failure the target is untouched and the temporary
/// file is deleted.
/// </summary>
public static class AtomicFile
{
    /// <summary>Writes <paramref name="path"/> atomically with <paramref name="write"/>.</summary>
    /// <param name="path">The file to create or replace.</param>
    /// <param name="write">Writes the whole content to the stream it is given.</param>
    /// <param name="outputFilter">
    /// Optional wrapper around the temporary file's stream (e.g. a test stream that fails after N bytes);
    /// it must pass writes through and flush the inner stream.
    /// </param>
    public static void Write(string path, Action<Stream> write, Func<Stream, Stream>? outputFilter = null)
    {
        ArgumentNullException.ThrowIfNull(path);
        ArgumentNullException.ThrowIfNull(write);
        var full = Path.GetFullPath(path);
        var folder = Path.GetDirectoryName(full) ?? ".";
        var temp = Path.Combine(folder, $".{Path.GetFileName(full)}.{Guid.NewGuid():N}.tmp");
        try
        {
            using (var file = new FileStream(temp, FileMode.CreateNew, FileAccess.ReadWrite, FileShare.None, 1 << 16))
            {
                var stream = outputFilter?.Invoke(file) ?? file;
                write(stream);
                stream.Flush();
                file.Flush(flushToDisk: true);
            }
            File.Move(temp, full, overwrite: true);
        }
        catch
        {
            try { File.Delete(temp); } catch (IOException) { } catch (UnauthorizedAccessException) { }
            throw;
        }
    }
}
