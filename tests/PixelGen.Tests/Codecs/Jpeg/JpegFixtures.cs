using System.Text.Json;
using PixelGen.Layout;
using PixelGen.Pixels;

namespace PixelGen.Tests.Codecs.Jpeg;

/// <summary>The generated fixtures in <c>Fixtures/</c> (see its README), read from the source tree.</summary>
internal static class JpegFixtures
{
    private static readonly Lazy<string> s_dir = new(() =>
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "PixelGen.sln"))) dir = dir.Parent;
        if (dir is null) throw new InvalidOperationException("PixelGen.sln not found above the test binaries");
        return Path.Combine(dir.FullName, "tests", "PixelGen.Tests", "Codecs", "Jpeg", "Fixtures");
    });

    public static string Path_(string file) => Path.Combine(s_dir.Value, file);

    public static byte[] Read(string file) => File.ReadAllBytes(Path_(file));

    public sealed record Entry(string Name, int Rows, int Columns, int Samples, int BitsAllocated, int BitsStored,
        int Predictor, int PointTransform, int RestartInterval, string MadeBy)
    {
        public FrameLayout Layout(bool signed = false, int? bitsStored = null) => new()
        {
            Rows = Rows, Columns = Columns, SamplesPerPixel = Samples, BitsAllocated = BitsAllocated,
            BitsStored = bitsStored ?? BitsStored, HighBit = (bitsStored ?? BitsStored) - 1, IsSigned = signed,
            PhotometricInterpretation = Samples == 3 ? "RGB" : "MONOCHROME2", Kind = PixelDataKind.Integer,
        };

        public override string ToString() => Name;
    }

    public static IReadOnlyList<Entry> Manifest()
    {
        using var doc = JsonDocument.Parse(Read("manifest.json"));
        var list = new List<Entry>();
        foreach (var e in doc.RootElement.EnumerateArray())
        {
            int Opt(string n) => e.TryGetProperty(n, out var v) ? v.GetInt32() : 0;
            list.Add(new Entry(e.GetProperty("name").GetString()!, Opt("rows"), Opt("columns"), Opt("samples"),
                Opt("bits_allocated"), Opt("bits_stored"), Opt("predictor"), Opt("point_transform"), Opt("restart_interval"),
                e.GetProperty("made_by").GetString()!));
        }
        return list;
    }

    public static Entry Get(string name) => Manifest().Single(e => e.Name == name);

    /// <summary>Reads a binary PNM (P5 grey or P6 RGB, maxval 255): width, height, channels, samples.</summary>
    public static (int Width, int Height, int Channels, byte[] Pixels) ReadPnm(string file)
    {
        var data = Read(file);
        int pos = 0;
        string Token()
        {
            while (char.IsWhiteSpace((char)data[pos])) pos++;
            int s = pos;
            while (!char.IsWhiteSpace((char)data[pos])) pos++;
            return System.Text.Encoding.ASCII.GetString(data, s, pos - s);
        }
        var magic = Token();
        int w = int.Parse(Token()), h = int.Parse(Token());
        Token();
        pos++;
        int ch = magic == "P6" ? 3 : 1;
        return (w, h, ch, data.AsSpan(pos, w * h * ch).ToArray());
    }
}
