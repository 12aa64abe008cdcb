using System.Security.Cryptography;
using PixelGen.Writing;

namespace PixelGen.Tests.Writing;

public sealed class AtomicSaveTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("pixelgen-save-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public void SaveReplacesTheFileAndLeavesNoTemporaryFile()
    {
        var path = Path.Combine(_folder, "image.dcm");
        File.WriteAllText(path, "old content");
        TestData.Image().Save(path);
        var r = OutputReader.Parse(File.ReadAllBytes(path));
        Assert.Equal("Doe^Jane", r.String(TestData.PatientName));
        Assert.Equal(["image.dcm"], Directory.GetFiles(_folder).Select(Path.GetFileName));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(131)]
    [InlineData(200)]
    [InlineData(5000)]
    [InlineData(70_000)]
    public void AFailureMidwayLeavesTheOriginalByteIdentical(int failAfter)
    {
        var path = Path.Combine(_folder, "image.dcm");
        TestData.Image(64, 64).Save(path);
        var before = SHA256.HashData(File.ReadAllBytes(path));

        var changed = TestData.Image(200, 200);
        changed.SetString(TestData.PatientName, Dicom.DicomVR.PN, "Changed^Name");
        var ex = Assert.Throws<IOException>(() => changed.Save(path, null, s => new FailingStream(s, failAfter)));
        Assert.Contains("injected", ex.Message);
        Assert.Equal(before, SHA256.HashData(File.ReadAllBytes(path)));
        Assert.Equal(["image.dcm"], Directory.GetFiles(_folder).Select(Path.GetFileName));
    }

    [Fact]
    public void AConsistencyFailureLeavesTheOriginalToo()
    {
        var path = Path.Combine(_folder, "image.dcm");
        TestData.Image().Save(path);
        var before = File.ReadAllBytes(path);
        var stale = TestData.Image(512, 512);
        stale.SetPixelDataBytes(new byte[256 * 256 * 2]);
        Assert.Throws<PixelConsistencyException>(() => stale.Save(path));
        Assert.Equal(before, File.ReadAllBytes(path));
        Assert.Single(Directory.GetFiles(_folder));
    }
}

/// <summary>Passes writes through until <c>failAfter</c> bytes, then throws (fault injection).</summary>
internal sealed class FailingStream(Stream inner, long failAfter) : Stream
{
    private long _written;
    public override bool CanRead => false;
    public override bool CanSeek => inner.CanSeek;
    public override bool CanWrite => true;
    public override long Length => inner.Length;
    public override long Position { get => inner.Position; set => inner.Position = value; }
    public override void Flush() => inner.Flush();
    public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    public override long Seek(long offset, SeekOrigin origin) => inner.Seek(offset, origin);
    public override void SetLength(long value) => inner.SetLength(value);
    public override void Write(byte[] buffer, int offset, int count) => Write(buffer.AsSpan(offset, count));
    public override void Write(ReadOnlySpan<byte> buffer)
    {
        if (_written + buffer.Length > failAfter)
        {
            int allowed = (int)Math.Max(0, failAfter - _written);
            inner.Write(buffer[..allowed]);
            _written += allowed;
            throw new IOException($"injected failure after {_written} bytes");
        }
        inner.Write(buffer);
        _written += buffer.Length;
    }
}
