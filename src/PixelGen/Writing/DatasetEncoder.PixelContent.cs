using System.Buffers.Binary;
using PixelGen.Dicom;

namespace PixelGen.Writing;

internal sealed partial class DatasetEncoder
{
    private void WriteNativeContent(DicomElement placeholder, IPixelDataContent content, DicomDataset owner)
    {
        long length = content.NativeLength;
        long padded = length + (length & 1);
        if (length < 0 || padded > uint.MaxValue - 1) throw new PixelGenException($"{placeholder.Tag}: {length} bytes do not fit one element");
        WriteHeader(placeholder.Tag, placeholder.VR, (uint)padded);
        var sink = new NativeSink(this, _le ? 1 : SwapUnit(placeholder.Tag, placeholder.VR, owner));
        for (int i = 0; i < content.FrameCount; i++) content.WriteFrame(i, sink);
        if (sink.Written != length)
            throw new PixelDataException($"The pixel content produced {sink.Written} bytes but announced {length}");
        if ((length & 1) == 1) _out.WriteByte(0);
    }

    private void WriteEncapsulatedContent(DicomTag tag, IPixelDataContent content)
    {
        if (!_le || !_explicit) throw new PixelGenException("Encapsulated pixel data needs an explicit VR little endian transfer syntax");
        int frames = content.FrameCount;
        var known = content.FragmentLengths;
        long[]? knownOffsets = null;
        long[]? knownLengths = null;
        bool oneFragmentPerFrame = known is null || known.All(f => f.Count == 1);
        if (known is not null)
        {
            if (known.Count != frames) throw new PixelDataException($"The pixel content lists fragments for {known.Count} frames but holds {frames}");
            knownOffsets = new long[frames];
            knownLengths = new long[frames];
            long offset = 0;
            for (int i = 0; i < frames; i++)
            {
                knownOffsets[i] = offset;
                foreach (long f in known[i]) offset += 8 + f + (f & 1);
                knownLengths[i] = known[i].Sum();
            }
        }
        bool overflow = knownOffsets is { Length: > 0 } && knownOffsets[^1] > uint.MaxValue;
        bool useEot = _options.WriteExtendedOffsetTable || overflow;
        if (useEot && !oneFragmentPerFrame)
            throw new PixelGenException("An Extended Offset Table needs exactly one fragment per frame" + (overflow ? "; the Basic Offset Table cannot hold offsets above 4 GiB either" : ""));
        bool canPatch = _out.CanSeek;
        if (useEot && knownOffsets is null && !canPatch)
            throw new PixelGenException("An Extended Offset Table of frames encoded while writing needs a seekable output stream");

        long eotPosition = -1;
        if (useEot)
        {
            // (7FE0,0001) and (7FE0,0002) sort just before the pixel data; filled now, or patched after the frames.
            WriteHeader(DicomTags.ExtendedOffsetTable, DicomVR.OV, checked((uint)(8 * frames)));
            if (knownOffsets is null) eotPosition = _out.Position;
            WriteUInt64s(knownOffsets, frames);
            WriteHeader(DicomTags.ExtendedOffsetTableLengths, DicomVR.OV, checked((uint)(8 * frames)));
            WriteUInt64s(knownLengths, frames);
        }

        WriteHeader(tag, DicomVR.OB, DicomElement.UndefinedLength);
        long botPosition = -1;
        if (useEot || !_options.WriteBasicOffsetTable || frames == 0 || (knownOffsets is null && !canPatch))
        {
            WriteItemHeader(DicomTags.Item, 0);
        }
        else
        {
            WriteItemHeader(DicomTags.Item, checked((uint)(4 * frames)));
            if (knownOffsets is null) botPosition = _out.Position;
            Span<byte> entry = stackalloc byte[4];
            for (int i = 0; i < frames; i++)
            {
                BinaryPrimitives.WriteUInt32LittleEndian(entry, knownOffsets is null ? 0 : (uint)knownOffsets[i]);
                _out.Write(entry);
            }
        }

        var sink = new FragmentSink(this);
        var offsets = new long[frames];
        var lengths = new long[frames];
        for (int i = 0; i < frames; i++)
        {
            offsets[i] = sink.Written;
            int before = sink.Fragments;
            long dataBefore = sink.DataBytes;
            content.WriteFrame(i, sink);
            if (sink.Fragments == before) throw new PixelDataException("The pixel content wrote no fragment for a frame", i);
            if (useEot && sink.Fragments != before + 1) throw new PixelDataException("An Extended Offset Table needs exactly one fragment per frame", i);
            lengths[i] = sink.DataBytes - dataBefore;
            if (knownOffsets is not null && offsets[i] != knownOffsets[i])
                throw new PixelDataException($"The frame starts at offset {offsets[i]} but its announced fragment lengths put it at {knownOffsets[i]}", i);
        }
        WriteItemHeader(DicomTags.SequenceDelimitationItem, 0);

        if (botPosition >= 0 || eotPosition >= 0)
        {
            long end = _out.Position;
            if (botPosition >= 0)
            {
                if (frames > 0 && offsets[^1] > uint.MaxValue)
                    throw new PixelGenException("Frame offsets passed 4 GiB, beyond the Basic Offset Table; write with WriteOptions.WriteExtendedOffsetTable");
                _out.Position = botPosition;
                Span<byte> entry = stackalloc byte[4];
                foreach (long o in offsets)
                {
                    BinaryPrimitives.WriteUInt32LittleEndian(entry, (uint)o);
                    _out.Write(entry);
                }
            }
            if (eotPosition >= 0)
            {
                _out.Position = eotPosition;
                WriteUInt64s(offsets, frames);
                _out.Position += 12; // the lengths element's header
                WriteUInt64s(lengths, frames);
            }
            _out.Position = end;
        }
    }

    private void WriteUInt64s(long[]? values, int count)
    {
        Span<byte> v = stackalloc byte[8];
        for (int i = 0; i < count; i++)
        {
            BinaryPrimitives.WriteUInt64LittleEndian(v, values is null ? 0 : (ulong)values[i]);
            _out.Write(v);
        }
    }

    private sealed class NativeSink(DatasetEncoder owner, int swapUnit) : IPixelDataSink
    {
        public long Written { get; private set; }

        public void Write(ReadOnlySpan<byte> data)
        {
            if (swapUnit <= 1)
            {
                owner._out.Write(data);
            }
            else
            {
                if (data.Length % swapUnit != 0)
                    throw new PixelDataException($"A native chunk of {data.Length} bytes is not a multiple of its {swapUnit}-byte values, so it cannot be byte-swapped");
                var buffer = owner.Buffer;
                for (int start = 0; start < data.Length; start += buffer.Length)
                {
                    int n = Math.Min(buffer.Length, data.Length - start);
                    data.Slice(start, n).CopyTo(buffer);
                    MutableDicomDataset.SwapInPlace(buffer.AsSpan(0, n), swapUnit);
                    owner._out.Write(buffer, 0, n);
                }
            }
            Written += data.Length;
        }
    }

    private sealed class FragmentSink(DatasetEncoder owner) : IPixelDataSink
    {
        /// <summary>Bytes of items written so far (the offsets the tables hold).</summary>
        public long Written { get; private set; }
        public long DataBytes { get; private set; }
        public int Fragments { get; private set; }

        public void Write(ReadOnlySpan<byte> data)
        {
            long padded = data.Length + (data.Length & 1);
            owner.WriteItemHeader(DicomTags.Item, (uint)padded);
            owner._out.Write(data);
            if ((data.Length & 1) == 1) owner._out.WriteByte(0);
            Written += 8 + padded;
            DataBytes += data.Length;
            Fragments++;
        }
    }
}
