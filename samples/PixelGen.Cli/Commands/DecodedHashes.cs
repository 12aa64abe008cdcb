using System.Buffers;
using System.Security.Cryptography;
using PixelGen.Frames;

namespace PixelGen.Cli.Commands;

/// <summary>SHA-256 of every decoded frame (the corpus's <c>decoded_sha256</c>), or why a frame could not be decoded.</summary>
internal sealed class DecodedHashes
{
    private DecodedHashes(string?[] hashes, string?[] errors)
    {
        Hashes = hashes;
        Errors = errors;
    }

    /// <summary>Per frame: the hash, or null when the frame could not be decoded.</summary>
    public string?[] Hashes { get; }

    /// <summary>Per frame: null, or the reason it could not be decoded.</summary>
    public string?[] Errors { get; }

    public static DecodedHashes Compute(FrameReader reader)
    {
        int count = reader.NumberOfFrames;
        var hashes = new string?[count];
        var errors = new string?[count];
        if (reader.Decoder is null || reader.DecodingLayout.Validate() != PixelGen.Layout.LayoutError.None || reader.DecodedFrameLength > Array.MaxLength)
        {
            string why = reader.Decoder is null ? $"no decoder for {reader.TransferSyntax.Name}" : "the layout cannot be decoded";
            Array.Fill(errors, why);
            return new DecodedHashes(hashes, errors);
        }
        var buffer = ArrayPool<byte>.Shared.Rent((int)Math.Max(1, reader.DecodedFrameLength));
        try
        {
            var span = buffer.AsSpan(0, (int)reader.DecodedFrameLength);
            for (int i = 0; i < count; i++)
            {
                try
                {
                    reader.DecodeFrame(i, span);
                    hashes[i] = Convert.ToHexStringLower(SHA256.HashData(span));
                }
                catch (PixelGenException ex)
                {
                    errors[i] = ex.Message;
                }
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
        return new DecodedHashes(hashes, errors);
    }
}
