namespace PixelGen.Codecs.Jpeg;

/// <summary>JPEG marker codes (ITU-T T.81 table B.1): the byte that follows 0xFF.</summary>
internal static class JpegMarkers
{
    public const byte Sof0 = 0xC0, Sof1 = 0xC1, Sof2 = 0xC2, Sof3 = 0xC3;
    public const byte Dht = 0xC4, Dac = 0xCC;
    public const byte Rst0 = 0xD0, Rst7 = 0xD7;
    public const byte Soi = 0xD8, Eoi = 0xD9, Sos = 0xDA, Dqt = 0xDB, Dnl = 0xDC, Dri = 0xDD;
    public const byte App0 = 0xE0, App14 = 0xEE, App15 = 0xEF, Com = 0xFE;

    /// <summary>SOF markers T.81 defines (C0–CF except DHT C4, JPG C8 and DAC CC).</summary>
    public static bool IsSof(byte m) => m >= 0xC0 && m <= 0xCF && m != Dht && m != 0xC8 && m != Dac;

    public static bool IsRst(byte m) => m >= Rst0 && m <= Rst7;

    /// <summary>Segments that carry nothing we need and may be skipped by length.</summary>
    public static bool IsSkippable(byte m) => (m >= App0 && m <= App15) || m == Com || (m >= 0xF0 && m <= 0xFD);

    public static string Name(byte m) => m switch
    {
        Soi => "SOI", Eoi => "EOI", Sos => "SOS", Dqt => "DQT", Dht => "DHT", Dri => "DRI", Dnl => "DNL", Dac => "DAC",
        _ when IsSof(m) => $"SOF{m - 0xC0}",
        _ when IsRst(m) => $"RST{m - Rst0}",
        _ when m >= App0 && m <= App15 => $"APP{m - App0}",
        Com => "COM",
        _ => $"0xFF{m:X2}",
    };
}
